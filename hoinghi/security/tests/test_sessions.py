"""Staff sessions end after inactivity; a conference participant stays signed in until the
conference day ends; evaluation pages are never stored by the browser."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hoinghi.conference.models import Participant
from hoinghi.conference.tests.helpers import make_conference
from hoinghi.testing import PASSWORD, World

pytestmark = pytest.mark.django_db
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
MORNING = datetime(2024, 1, 20, 7, 30, tzinfo=HANOI)  # the conference day of make_conference


def signed_in_at(user_name: str, moment: datetime) -> Client:
    client = Client()
    with time_machine.travel(moment, tick=False):
        assert (
            client.post("/dang-nhap/", {"username": user_name, "password": PASSWORD}).status_code
            == 302
        )
    return client


def get(client: Client, url: str, moment: datetime) -> int:
    with time_machine.travel(moment, tick=False):
        return client.get(url).status_code


def test_a_staff_session_ends_after_the_idle_time(world: World) -> None:
    home = reverse("home")
    client = signed_in_at(world.colleague.username, MORNING)
    assert get(client, home, MORNING + timedelta(minutes=29)) == 200
    assert get(client, home, MORNING + timedelta(minutes=58)) == 200  # active: the clock restarts
    with time_machine.travel(MORNING + timedelta(minutes=89), tick=False):
        response = client.get(home)
        assert response.status_code == 302
        assert response["Location"].startswith("/dang-nhap/?next=/")
        assert "_auth_user_id" not in client.session
        page = client.get(response["Location"]).content.decode()
    assert "Phiên làm việc đã kết thúc vì không hoạt động quá 30 phút" in page


def test_the_idle_time_comes_from_the_settings(world: World, settings) -> None:
    settings.SESSION_IDLE_MINUTES = 5
    client = signed_in_at(world.colleague.username, MORNING)
    assert get(client, reverse("home"), MORNING + timedelta(minutes=4)) == 200
    assert get(client, reverse("home"), MORNING + timedelta(minutes=10)) == 302


def test_a_live_poll_request_gets_a_json_answer_when_the_session_expired(world: World) -> None:
    client = signed_in_at(world.colleague.username, MORNING)
    with time_machine.travel(MORNING + timedelta(hours=2), tick=False):
        response = client.get(reverse("home"), HTTP_ACCEPT="application/json")
    assert response.status_code == 401 and "đăng nhập lại" in response.json()["message"]


def test_a_participant_stays_signed_in_through_the_conference_day(world: World) -> None:
    conference = make_conference(world)
    assert Participant.objects.filter(conference=conference, person__user=world.colleague).exists()
    delegate = conference.participants.get(person__user=world.colleague)
    page = reverse("conference:delegate", args=[world.agency.code, conference.pk])
    client = signed_in_at(world.colleague.username, MORNING)
    assert get(client, page, MORNING + timedelta(hours=3)) == 200  # a long report, then a vote
    assert get(client, page, MORNING + timedelta(hours=9)) == 200
    # The next morning the idle rule applies again.
    assert get(client, page, MORNING + timedelta(hours=24, minutes=40)) == 302
    assert delegate.person.user == world.colleague


def test_staff_who_take_no_part_today_still_expire_on_the_conference_day(world: World) -> None:
    conference = make_conference(world)
    conference.participants.filter(person__user=world.colleague).delete()
    client = signed_in_at(world.colleague.username, MORNING)
    assert get(client, reverse("home"), MORNING + timedelta(hours=3)) == 302


def session_writes(client: Client, moment: datetime) -> int:
    with time_machine.travel(moment, tick=False), CaptureQueriesContext(connection) as captured:
        client.get(reverse("legal-basis"))
    return sum("django_session" in q["sql"] and "UPDATE" in q["sql"] for q in captured)


def test_the_idle_clock_writes_the_session_at_most_once_a_minute(world: World) -> None:
    client = signed_in_at(world.colleague.username, MORNING)
    assert session_writes(client, MORNING + timedelta(seconds=30)) == 0
    assert session_writes(client, MORNING + timedelta(seconds=50)) == 0
    assert session_writes(client, MORNING + timedelta(seconds=61)) == 1
    assert session_writes(client, MORNING + timedelta(seconds=90)) == 0


def test_evaluation_pages_are_not_stored(world: World) -> None:
    client = Client()
    client.force_login(world.leader)
    response = client.get(reverse("evaluation:year", args=[world.agency.code, 2024]))
    assert "no-store" in response["Cache-Control"]
    other = client.get(reverse("legal-basis"))
    assert "no-store" not in other.get("Cache-Control", "")
