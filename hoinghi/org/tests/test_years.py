"""Work years opened and closed in the browser's pages, and the year switcher."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from hoinghi.audit.models import AuditEntry
from hoinghi.org.models import WorkYear
from hoinghi.testing import World

pytestmark = pytest.mark.django_db


def client_for(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def year(world: World, number: int) -> WorkYear:
    return WorkYear.objects.create(
        agency=world.agency,
        year=number,
        starts_on=date(number, 1, 1),
        ends_on=date(number, 12, 31),
    )


def test_the_clerk_opens_only_the_next_year(world: World) -> None:
    year(world, 2024)
    clerk = client_for(world.clerk)
    url = reverse("org:years", args=[world.agency.code])
    page = clerk.get(url).content.decode()
    assert "Mở năm công tác 2025" in page
    assert 'data-confirm="Mở năm công tác 2025?' in page
    refused = clerk.post(url, {"year": "2027"}, follow=True).content.decode()
    assert "Chỉ mở được năm tiếp theo năm gần nhất: năm 2025." in refused
    done = clerk.post(url, {"year": "2025"})
    assert done["Location"] == reverse("org:year", args=[world.agency.code, 2025])
    opened = WorkYear.objects.get(agency=world.agency, year=2025)
    assert (opened.starts_on, opened.ends_on) == (date(2025, 1, 1), date(2025, 12, 31))
    assert AuditEntry.objects.filter(action="org.open_work_year").count() == 1


def test_closing_lists_what_is_unfinished_and_needs_the_confirmation(world: World) -> None:
    work_year = year(world, 2024)
    clerk = client_for(world.clerk)
    url = reverse("org:year", args=[world.agency.code, 2024])
    page = clerk.get(url).content.decode()
    assert "Người chưa tự đánh giá</a>: <strong>9</strong>" in page
    assert "Khóa sổ năm 2024" in page and "data-confirm" in page
    unconfirmed = clerk.post(url, {}, follow=True).content.decode()
    assert "Đánh dấu ô xác nhận trước khi khóa sổ." in unconfirmed
    work_year.refresh_from_db()
    assert not work_year.is_closed
    clerk.post(url, {"confirm": "yes"})
    work_year.refresh_from_db()
    assert work_year.is_closed
    again = clerk.get(url).content.decode()
    assert "Khóa sổ năm 2024" not in again and "Đã khóa sổ" in again


def test_staff_neither_open_nor_close_years(world: World) -> None:
    year(world, 2024)
    staff = client_for(world.colleague)
    assert staff.get(reverse("org:years", args=[world.agency.code])).status_code == 403
    leader = client_for(world.leader)
    assert leader.get(reverse("org:years", args=[world.agency.code])).status_code == 200
    assert (
        leader.post(reverse("org:years", args=[world.agency.code]), {"year": 2025}).status_code
        == 403
    )


@pytest.mark.parametrize(
    "name",
    [
        "plans:year",
        "evaluation:year",
        "evaluation:units",
        "emulation:year",
        "emulation:eligibility",
    ],
)
def test_every_year_page_switches_to_the_other_years(world: World, name: str) -> None:
    year(world, 2024)
    year(world, 2025)
    html = (
        client_for(world.clerk).get(reverse(name, args=[world.agency.code, 2025])).content.decode()
    )
    assert 'aria-label="Chọn năm công tác"' in html
    assert f'href="{reverse(name, args=[world.agency.code, 2024])}"' in html
