"""The secretary enters the planned opening, who presides, and the hours the minutes print."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest
from django.test import Client

from hoinghi.audit.models import AuditEntry
from hoinghi.conference.models import Conference
from hoinghi.conference.tests.helpers import make_conference
from hoinghi.conference.tests.test_views import client_for, url
from hoinghi.documents.services import render_kind
from hoinghi.documents.tests.reading import full_text, load, texts
from hoinghi.testing import World

pytestmark = pytest.mark.django_db


def _presidium_post(client: Client, conference: Conference, **data: object) -> str:
    members = list(conference.presidium.all())
    body = {
        "presidium": [p.pk for p in members],
        "secretaries": [p.pk for p in conference.secretaries.all()],
        **data,
    }
    return client.post(url("presidium", conference), body, follow=True).content.decode()


def test_the_presidium_page_sets_the_head_and_the_planned_hour_printed_on_paper(
    world: World,
) -> None:
    conference = make_conference(world)
    chair = world.person(world.union_chair)  # not the agency's head: the default would differ
    client = client_for(world.clerk)
    page = client.get(url("detail", conference)).content.decode()
    assert url("presidium", conference) in page  # linked from the conference's page
    page = _presidium_post(client, conference, presidium_head=chair.pk, starts_at="7h30")
    assert "Đã lưu Đoàn Chủ tịch, người chủ trì" in page
    assert 'value="07:30"' in page  # the form shows the hour back as entered
    conference.refresh_from_db()
    assert (conference.presidium_head, conference.starts_at) == (chair, time(7, 30))
    invitation = full_text(load(render_kind("giay-moi", world.agency, 2024)))
    assert "07 giờ 30, ngày 20 tháng 01 năm 2024" in invitation
    resolution = texts(load(render_kind("nghi-quyet-hoi-nghi", world.agency, 2024)))
    signs = resolution[resolution.index("T/M ĐOÀN CHỦ TỊCH") :]
    assert chair.full_name in signs and world.person(world.leader).full_name not in signs


def test_a_head_outside_the_presidium_is_refused_and_nothing_is_saved(world: World) -> None:
    conference = make_conference(world)
    outsider = world.person(world.colleague)
    page = _presidium_post(
        client_for(world.clerk), conference, presidium_head=outsider.pk, starts_at="08:00"
    )
    assert f"{outsider.full_name} không ở trong Đoàn Chủ tịch" in page
    conference.refresh_from_db()
    assert (conference.presidium_head, conference.starts_at) == (None, None)


def test_an_hour_that_is_not_a_time_is_named(world: World) -> None:
    conference = make_conference(world)
    page = _presidium_post(client_for(world.clerk), conference, starts_at="sáng sớm")
    assert "Giờ khai mạc dự kiến" in page and "errorlist" in page
    conference.refresh_from_db()
    assert conference.starts_at is None


def test_the_closing_page_records_the_hours_the_minutes_print(world: World) -> None:
    conference = make_conference(world)
    conference.opened_at = datetime(2024, 1, 20, 0, 5, tzinfo=UTC)  # 07:05 in Vietnam
    conference.save(update_fields=["opened_at"])
    client = client_for(world.clerk)
    page = client.get(url("closing", conference)).content.decode()
    assert 'name="minutes_opened_at" value="07:05"' in page  # the app's opening, Vietnam time
    page = client.post(
        url("closing", conference),
        {"action": "hours", "minutes_opened_at": "07:45", "minutes_closed_at": "11:20"},
        follow=True,
    ).content.decode()
    assert "Đã ghi giờ khai mạc, bế mạc" in page
    conference.refresh_from_db()
    assert (conference.minutes_opened_at, conference.minutes_closed_at) == (
        time(7, 45),
        time(11, 20),
    )
    entry = AuditEntry.objects.filter(action="conference.hours").latest("pk")
    assert entry.data == {"minutes_opened_at": "07:45", "minutes_closed_at": "11:20"}
    minutes = full_text(load(render_kind("bien-ban-hoi-nghi", world.agency, 2024)))
    assert "Vào hồi 07 giờ 45, ngày 20 tháng 01 năm 2024" in minutes
    assert "kết thúc vào hồi 11 giờ 20" in minutes


def test_a_closing_before_the_opening_is_refused(world: World) -> None:
    conference = make_conference(world)
    page = (
        client_for(world.clerk)
        .post(
            url("closing", conference),
            {"action": "hours", "minutes_opened_at": "09:00", "minutes_closed_at": "08:30"},
            follow=True,
        )
        .content.decode()
    )
    assert "Giờ bế mạc (08:30) phải sau giờ khai mạc (09:00)." in page
    conference.refresh_from_db()
    assert conference.minutes_opened_at is None and conference.minutes_closed_at is None


def test_staff_outside_the_presidium_may_not_record_the_hours(world: World) -> None:
    conference = make_conference(world)
    response = client_for(world.colleague).post(
        url("closing", conference), {"action": "hours", "minutes_opened_at": "07:00"}
    )
    assert response.status_code == 403
    conference.refresh_from_db()
    assert conference.minutes_opened_at is None
