"""The leaving rule for one person agrees with the clerk's list of leavers; a login letter of
someone who has left no longer sets a password."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from hoinghi.audit.models import AuditEntry
from hoinghi.org.accounts import services
from hoinghi.org.accounts.leaving import Why, account_end_of_person, covered_until
from hoinghi.org.models import Person, Position
from hoinghi.testing import World, make_person

pytestmark = pytest.mark.django_db

D = date(2024, 6, 15)


def test_the_unbroken_run_of_positions_from_today() -> None:
    day = timedelta(days=1)
    assert covered_until([(D - 10 * day, None)], D) is None
    assert covered_until([(D - 10 * day, D)], D) == D
    assert covered_until([(D - 10 * day, D - day)], D) == D - day
    run = [(D - 10 * day, D + 2 * day), (D + 3 * day, D + 9 * day), (D + day, D + 5 * day)]
    assert covered_until(run, D) == D + 9 * day
    assert covered_until([(D - 10 * day, D), (D + 2 * day, None)], D) == D  # a gap stops it
    assert covered_until([(D + day, None)], D) == D - day  # nothing in force yet


def test_the_rule_for_one_person_is_the_clerk_s_list_of_leavers(world: World) -> None:
    today = timezone.localdate()
    day = timedelta(days=1)
    cases: dict[str, tuple[date | None, list[tuple[date, date | None]]]] = {
        "L1": (today - day, [(date(2015, 1, 1), None)]),  # left yesterday
        "L2": (today, [(date(2015, 1, 1), None)]),  # leaves today: still here
        "L3": (None, [(date(2015, 1, 1), today - day)]),  # last position ended
        "L4": (None, [(date(2015, 1, 1), today)]),  # ends today: still here
        "L5": (None, [(date(2015, 1, 1), today - 2 * day), (today - day, None)]),
        "L6": (None, [(today + day, None)]),  # position not started
        "L7": (None, []),  # no position at all: only the leaving date counts
        "L8": (today + 5 * day, [(date(2015, 1, 1), today + 2 * day)]),
    }
    people = {}
    for code, (left_on, periods) in cases.items():
        person = make_person(world.agency, code, f"Người {code}", username=code.lower())
        Person.objects.filter(pk=person.pk).update(left_on=left_on)
        for start, stop in periods:
            Position.objects.create(
                person=person,
                unit=world.office,
                title="Chuyên viên",
                valid_from=start,
                valid_to=stop,
            )
        people[code] = Person.objects.get(pk=person.pk)
    listed = {p.staff_code for p in services.leavers_with_active_accounts(world.agency, today)}
    assert listed == {"L1", "L3", "L6"}
    for code, person in people.items():
        end = account_end_of_person(person, today)
        assert end.has_left == (code in listed), code
    ends = {code: account_end_of_person(p, today) for code, p in people.items()}
    assert ends["L2"].last_day == today and ends["L2"].why is Why.LEFT
    assert ends["L4"].last_day == today and ends["L4"].why is Why.POSITIONS_ENDED
    assert ends["L7"].last_day is None and ends["L5"].last_day is None
    assert ends["L8"].last_day == today + 2 * day and ends["L8"].why is Why.POSITIONS_ENDED
    assert "bắt đầu từ ngày" in ends["L6"].message()


def test_a_leaver_s_login_letter_sets_no_password(world: World) -> None:
    person = make_person(world.agency, "NV900", "Trần Văn Mới", unit=world.board)
    [letter] = services.create_accounts(world.agency, [person])
    yesterday = timezone.localdate() - timedelta(days=1)
    Person.objects.filter(pk=person.pk).update(left_on=yesterday)
    message = (
        f"Tài khoản này đã dừng vì Trần Văn Mới đã thôi việc ngày {yesterday:%d/%m/%Y}. "
        "Liên hệ quản trị của cơ quan nếu có nhầm lẫn."
    )

    client = Client()
    page = client.get(reverse("set-password-code", args=[letter.code])).content.decode()
    assert message in page and "Chào" not in page
    answer = client.post(
        reverse("set-password"),
        {
            "code": letter.code,
            "password": "một mật khẩu dài 2026",
            "confirm": "một mật khẩu dài 2026",
        },
    )
    assert answer.status_code == 200 and message in answer.content.decode()
    person.refresh_from_db()
    assert person.user is not None and not person.user.has_usable_password()
    [entry] = AuditEntry.objects.filter(action="auth.leaver_refused")
    assert entry.data["at"] == "letter" and entry.target_id == str(person.pk)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry.data["last_day"])
