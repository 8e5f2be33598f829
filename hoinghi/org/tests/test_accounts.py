"""Accounts for imported staff: created per unit, letters with a one-time code, a password
set through the letter's link, locked accounts, and roles given on a Vietnamese page."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from hoinghi.org.accounts import services
from hoinghi.org.accounts.models import LoginLetter
from hoinghi.org.models import Person, Position, Role, RoleAssignment
from hoinghi.testing import PASSWORD, World, make_person

pytestmark = pytest.mark.django_db

CODE = re.compile(r'<td class="code">([A-Z0-9-]{14})</td>')


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def imported(world: World, count: int, prefix: str = "NV") -> list[Person]:
    return [
        make_person(world.agency, f"{prefix}{i:03d}", f"Trần Văn Mới {i}", unit=world.board)
        for i in range(count)
    ]


def test_the_clerk_creates_accounts_for_a_unit_and_prints_one_letter_each(world: World) -> None:
    people = imported(world, 3)
    client = client_for(world.clerk)
    page = client.get(reverse("org:accounts", args=[world.agency.code]))
    assert page.status_code == 200
    assert "Tạo 3 tài khoản và in thư" in page.content.decode()
    response = client.post(
        reverse("org:accounts", args=[world.agency.code]),
        {"unit": world.board.code, "action": "create"},
    )
    html = response.content.decode()
    codes = CODE.findall(html)
    assert len(codes) == 3
    assert html.count('<article class="letter">') == 3
    assert html.count("<svg") == 3
    assert response["Cache-Control"] == "no-store"
    for person in people:
        person.refresh_from_db()
        assert person.user is not None and not person.user.has_usable_password()
        assert RoleAssignment.objects.filter(user=person.user, role=Role.STAFF).exists()
    # Only hashes are stored.
    stored = set(LoginLetter.objects.values_list("code_hash", flat=True))
    assert not set(codes) & stored
    assert {services.code_hash(c) for c in codes} == stored


def test_a_letter_sets_a_password_once_and_the_person_signs_in(world: World) -> None:
    (person,) = imported(world, 1)
    (letter,) = services.create_accounts(world.agency, [person], actor=world.clerk)
    anonymous = Client()
    url = reverse("set-password-code", args=[letter.code])
    page = anonymous.get(url)
    assert page.status_code == 200
    assert person.full_name in page.content.decode()
    refused = anonymous.post(url, {"password": "ngan", "confirm": "ngan"})
    assert "ngắn" in refused.content.decode() or "quá" in refused.content.decode()
    done = anonymous.post(
        url, {"code": letter.code.lower(), "password": PASSWORD, "confirm": PASSWORD}
    )
    assert done.status_code == 302 and done["Location"] == reverse("login")
    assert anonymous.login(username=letter.username, password=PASSWORD)
    again = Client().post(url, {"password": "khac-mat-khau-2026", "confirm": "khac-mat-khau-2026"})
    assert "đã dùng hoặc đã hết hạn" in again.content.decode()


def test_an_expired_or_replaced_letter_does_not_work(world: World) -> None:
    (person,) = imported(world, 1)
    (first,) = services.create_accounts(world.agency, [person])
    person.refresh_from_db()
    (second,) = services.issue_letters([person])
    assert services.letter_for_code(first.code) is None
    assert services.letter_for_code(second.code) is not None
    LoginLetter.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    assert services.letter_for_code(second.code) is None


def test_creating_accounts_costs_the_same_queries_for_5_and_50_people(world: World) -> None:
    few = services.unit_people(world.agency, None, date.today())
    imported(world, 5, "AA")
    with CaptureQueriesContext(connection) as small:
        services.create_accounts(
            world.agency, services.unit_people(world.agency, None, date.today())
        )
    imported(world, 50, "BB")
    with CaptureQueriesContext(connection) as large:
        services.create_accounts(
            world.agency, services.unit_people(world.agency, None, date.today())
        )
    assert len(few) == 9
    assert len(large.captured_queries) == len(small.captured_queries)


def test_a_locked_account_cannot_sign_in_and_its_letter_stops(world: World) -> None:
    (person,) = imported(world, 1)
    (letter,) = services.create_accounts(world.agency, [person])
    person.refresh_from_db()
    client = client_for(world.clerk)
    client.post(
        reverse("org:person-account", args=[world.agency.code, person.staff_code]),
        {"action": "deactivate"},
    )
    person.refresh_from_db()
    assert person.user is not None and not person.user.is_active
    assert services.letter_for_code(letter.code) is None


def test_leavers_are_locked_in_one_step(world: World) -> None:
    (person,) = imported(world, 1)
    services.create_accounts(world.agency, [person])
    Person.objects.filter(pk=person.pk).update(left_on=date.today() - timedelta(days=1))
    assert services.deactivate_leavers(world.agency, date.today(), actor=world.admin) == 1
    assert not User.objects.get(person=person).is_active


def test_a_person_whose_last_position_ended_is_listed_and_locked(world: World) -> None:
    (person,) = imported(world, 1)
    services.create_accounts(world.agency, [person])
    Position.objects.filter(person=person).update(valid_to=date.today() - timedelta(days=2))
    assert services.leavers_with_active_accounts(world.agency, date.today()) == [person]
    page = client_for(world.clerk).get(reverse("org:accounts", args=[world.agency.code]))
    assert person.full_name in page.content.decode()
    assert services.deactivate_leavers(world.agency, date.today()) == 1
    assert services.leavers_with_active_accounts(world.agency, date.today()) == []


def test_staff_may_not_open_the_accounts_or_roles_pages(world: World) -> None:
    client = client_for(world.colleague)
    assert client.get(reverse("org:accounts", args=[world.agency.code])).status_code == 403
    assert client.get(reverse("org:roles", args=[world.agency.code])).status_code == 403
    stranger = client_for(world.stranger)
    assert stranger.get(reverse("org:accounts", args=[world.agency.code])).status_code == 404


def test_roles_are_given_on_a_vietnamese_page_and_only_an_admin_gives_admin(world: World) -> None:
    clerk = client_for(world.clerk)
    url = reverse("org:roles", args=[world.agency.code])
    page = clerk.get(url).content.decode()
    assert "Quản trị" not in re.findall(r'<option value="quan_tri">([^<]*)<', page)
    refused = clerk.post(url, {"person": "CB01", "role": Role.ADMIN, "unit": ""}, follow=True)
    assert "Chỉ quản trị viên được giao vai trò Quản trị." in refused.content.decode()
    # The refusal is shown once, and the chosen person stays selected.
    assert refused.content.decode().count("Chỉ quản trị viên được giao") == 1
    clerk.post(url, {"person": "CB01", "role": Role.UNIT_HEAD, "unit": world.board.code})
    assert RoleAssignment.objects.filter(
        user=world.colleague, role=Role.UNIT_HEAD, unit=world.board
    ).exists()
    admin = client_for(world.admin)
    admin.post(url, {"person": "CB01", "role": Role.ADMIN, "unit": ""})
    assert RoleAssignment.objects.filter(user=world.colleague, role=Role.ADMIN).exists()
    only = RoleAssignment.objects.get(user=world.admin, role=Role.ADMIN)
    RoleAssignment.objects.filter(user=world.colleague, role=Role.ADMIN).delete()
    last = admin.post(url, {"action": "revoke", "assignment": only.pk}, follow=True)
    assert "ít nhất một quản trị viên" in last.content.decode()


def test_the_letters_download_as_a_word_file_one_person_to_a_page(world: World) -> None:
    import io

    from docx import Document

    people = imported(world, 3)
    response = client_for(world.clerk).post(
        reverse("org:accounts", args=[world.agency.code]),
        {"unit": world.board.code, "action": "create", "format": "docx"},
    )
    assert response["Content-Type"].endswith("wordprocessingml.document")
    assert response["Cache-Control"] == "no-store"
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    codes = re.findall(r"Mã dùng một lần: ([A-Z0-9-]{14})", text)
    assert len(codes) == 3
    assert all(services.letter_for_code(code) is not None for code in codes)
    assert all(person.full_name in text for person in people)
    assert len(document.inline_shapes) == 3  # one QR code each
    xml = document.element.body.xml
    assert xml.count('w:type="page"') == 2
