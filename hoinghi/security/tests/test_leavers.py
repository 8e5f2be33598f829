"""An account stops by itself once its holder has left: sign-in refused the day after the
leaving date (or the end of the last position), an open session ended on its first request
after that day, with a Vietnamese message and an audit entry; users without a person record
are unaffected, and a request before the last day costs no statement more."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hoinghi.audit.models import AuditEntry
from hoinghi.org.models import Person, Position, Role
from hoinghi.security import sessions
from hoinghi.security.leavers import LAST_DAY
from hoinghi.testing import PASSWORD, World, grant
from hoinghi.voting import live_shortcut
from hoinghi.voting.tests.factories import motion

pytestmark = pytest.mark.django_db
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
LEFT_ON = date(2024, 1, 20)
ON_LEFT_ON = datetime(2024, 1, 20, 8, 0, tzinfo=HANOI)
DAY_AFTER = datetime(2024, 1, 21, 8, 0, tzinfo=HANOI)
LATE = datetime(2024, 1, 20, 23, 50, tzinfo=HANOI)  # a session then ...
PAST_MIDNIGHT = datetime(2024, 1, 21, 0, 5, tzinfo=HANOI)  # ... is not idle yet then
LEFT_MESSAGE = (
    "Tài khoản này đã dừng vì Đỗ Văn Bình đã thôi việc ngày 20/01/2024. "
    "Liên hệ quản trị của cơ quan nếu có nhầm lẫn."
)


def sign_in(client: Client, username: str, moment: datetime, url: str = "/dang-nhap/") -> str:
    """The page after posting the sign-in form at ``moment`` ('' when signed in)."""
    with time_machine.travel(moment, tick=False):
        response = client.post(url, {"username": username, "password": PASSWORD})
    if response.status_code == 302:
        return ""
    assert response.status_code == 200
    return response.content.decode()


def stored(client: Client, moment: datetime) -> object:
    """The session's last day, read at ``moment`` (a session row expires in real time)."""
    with time_machine.travel(moment, tick=False):
        return client.session.get(LAST_DAY)


def leaves(world: World, on: date = LEFT_ON) -> Person:
    person = world.person(world.colleague)
    person.left_on = on
    person.save()
    return person


def refusals() -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(action="auth.leaver_refused").order_by("pk"))


def test_a_leaver_signs_in_on_the_leaving_date_and_is_refused_the_day_after(world: World) -> None:
    person = leaves(world)
    assert sign_in(Client(), "cb01", ON_LEFT_ON) == ""

    client = Client()
    page = sign_in(client, "cb01", DAY_AFTER)
    assert LEFT_MESSAGE in page
    assert "Tên đăng nhập hoặc mật khẩu không đúng" not in page
    assert "_auth_user_id" not in client.session
    [entry] = refusals()
    assert entry.actor == world.colleague and entry.target_id == str(person.pk)
    assert entry.agency_code == world.agency.code
    assert entry.data["at"] == "sign_in" and entry.data["last_day"] == "2024-01-20"
    assert entry.data["why"] == "left"
    # Not a failed password: no lockout count, no auth.login_failed.
    assert not AuditEntry.objects.filter(action="auth.login_failed").exists()


def test_a_wrong_password_says_nothing_about_leaving(world: World) -> None:
    leaves(world)
    with time_machine.travel(DAY_AFTER, tick=False):
        page = Client().post("/dang-nhap/", {"username": "cb01", "password": "sai"})
    text = page.content.decode()
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in text and "thôi việc" not in text
    assert refusals() == []


def test_a_person_whose_last_position_ended_is_refused(world: World) -> None:
    Position.objects.filter(person__user=world.colleague).update(valid_to=LEFT_ON)
    assert sign_in(Client(), "cb01", ON_LEFT_ON) == ""
    page = sign_in(Client(), "cb01", DAY_AFTER)
    assert (
        "Tài khoản này đã dừng vì chức vụ, vị trí công tác cuối cùng của Đỗ Văn Bình đã kết "
        "thúc ngày 20/01/2024." in page
    )
    assert refusals()[0].data["why"] == "positions_ended"


def test_a_next_position_keeps_the_account(world: World) -> None:
    [position] = Position.objects.filter(person__user=world.colleague)
    Position.objects.filter(pk=position.pk).update(valid_to=LEFT_ON)
    Position.objects.create(
        person=position.person, unit=world.board, title="Chuyên viên", valid_from=DAY_AFTER.date()
    )
    assert sign_in(Client(), "cb01", DAY_AFTER) == ""


def test_an_open_session_ends_on_the_first_request_after_the_last_day(world: World) -> None:
    leaves(world)
    client = Client()
    assert sign_in(client, "cb01", LATE) == ""
    assert stored(client, datetime(2024, 1, 20, 23, 51, tzinfo=HANOI)) == "2024-01-20"
    home = reverse("home")
    with time_machine.travel(datetime(2024, 1, 20, 23, 58, tzinfo=HANOI), tick=False):
        assert client.get(home).status_code == 200
    with time_machine.travel(PAST_MIDNIGHT, tick=False):
        response = client.get(home)
        assert response.status_code == 302
        assert response["Location"].startswith("/dang-nhap/?next=/")
        assert "_auth_user_id" not in client.session
        page = client.get(response["Location"]).content.decode()
    assert LEFT_MESSAGE in page
    [entry] = refusals()
    assert entry.data["at"] == "session" and entry.actor == world.colleague


def test_a_script_gets_the_message_as_json(world: World) -> None:
    leaves(world)
    client = Client()
    assert sign_in(client, "cb01", LATE) == ""
    with time_machine.travel(PAST_MIDNIGHT, tick=False):
        response = client.get(reverse("home"), HTTP_ACCEPT="application/json")
    assert response.status_code == 401 and response.json()["message"] == LEFT_MESSAGE


def test_a_leaving_date_moved_later_keeps_the_session_with_the_new_last_day(world: World) -> None:
    person = leaves(world)
    client = Client()
    assert sign_in(client, "cb01", LATE) == ""
    person.left_on = date(2024, 3, 31)
    person.save()
    with time_machine.travel(PAST_MIDNIGHT, tick=False):
        assert client.get(reverse("home")).status_code == 200
    assert stored(client, PAST_MIDNIGHT) == "2024-03-31" and refusals() == []


def test_an_inactive_leaver_s_stale_session_is_simply_anonymous(world: World) -> None:
    """The clerk's button (deactivate_leavers) already ends the session: nothing more here."""
    leaves(world)
    client = Client()
    assert sign_in(client, "cb01", LATE) == ""
    User.objects.filter(pk=world.colleague.pk).update(is_active=False)
    with time_machine.travel(PAST_MIDNIGHT, tick=False):
        response = client.get(reverse("home"))
    assert response.status_code == 302 and refusals() == []


def test_users_without_a_person_record_are_unaffected(world: World) -> None:
    User.objects.create_superuser("quantri", password=PASSWORD)
    outside = User.objects.create_user("ngoai", password=PASSWORD)
    grant(outside, Role.ADMIN, world.agency)
    for username in ("quantri", "ngoai"):
        client = Client()
        assert sign_in(client, username, DAY_AFTER) == ""
        assert stored(client, DAY_AFTER) is None
        with time_machine.travel(DAY_AFTER + timedelta(days=400), tick=False):
            client.post("/dang-nhap/", {"username": username, "password": PASSWORD})
            assert client.get(reverse("home")).status_code == 200
    assert refusals() == []


def test_the_admin_site_refuses_a_leaver_too(world: World) -> None:
    leaves(world)
    User.objects.filter(pk=world.colleague.pk).update(is_staff=True)
    page = sign_in(Client(), "cb01", DAY_AFTER, url="/quan-tri/login/")
    assert LEFT_MESSAGE in page


def test_a_session_opened_elsewhere_than_the_form_ends_too(world: World) -> None:
    """force_login (any sign-in path) keeps the last day; the next day's request ends it."""
    leaves(world)
    client = Client()
    with time_machine.travel(LATE, tick=False):
        client.force_login(world.colleague)
        assert client.get(reverse("home")).status_code == 200
    with time_machine.travel(PAST_MIDNIGHT, tick=False):
        response = client.get(reverse("home"))
        assert response.status_code == 302
        assert LEFT_MESSAGE in client.get(response["Location"]).content.decode()


def test_the_check_adds_no_statement_to_a_request_before_the_last_day(
    world: World, settings
) -> None:
    leaves(world)
    client = Client()
    assert sign_in(client, "cb01", ON_LEFT_ON) == ""
    home = reverse("home")

    def statements() -> int:
        with (
            time_machine.travel(ON_LEFT_ON + timedelta(seconds=10), tick=False),
            CaptureQueriesContext(connection) as queries,
        ):
            assert client.get(home).status_code == 200
        return len(queries)

    statements()  # warm caches
    with_check = statements()
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if not m.endswith("LeaverSessionEnd")]
    assert with_check == statements()


@pytest.fixture
def shortcut_cleared() -> Iterator[None]:
    live_shortcut.SEEN.clear()
    yield
    live_shortcut.SEEN.clear()


@pytest.mark.parametrize("touch_seconds", [None, 3600])
def test_the_live_shortcut_never_answers_past_the_last_day(
    world: World, settings, monkeypatch, shortcut_cleared: None, touch_seconds: int | None
) -> None:
    """A screen's poll after midnight reaches the full stack, which ends the session. With
    today's one-minute idle clock that follows from the clock; with a longer one (the second
    case) the shortcut's own check of the last day is what refuses."""
    if touch_seconds is not None:
        settings.SESSION_IDLE_MINUTES = 120
        monkeypatch.setattr(live_shortcut, "TOUCH_SECONDS", touch_seconds)
        monkeypatch.setattr(sessions, "TOUCH_SECONDS", touch_seconds)
    leaves(world)
    url = reverse("voting:poll-state", args=[motion(world).pk])
    client = Client()
    with time_machine.travel(datetime(2024, 1, 20, 23, 59, 10, tzinfo=HANOI), tick=False):
        client.login(username="cb01", password=PASSWORD)
        assert client.get(url).status_code == 200
        assert client.cookies["sessionid"].value in live_shortcut.SEEN
    with (
        time_machine.travel(datetime(2024, 1, 20, 23, 59, 50, tzinfo=HANOI), tick=False),
        CaptureQueriesContext(connection) as queries,
    ):
        assert client.get(url).status_code == 200
    assert len(queries) == 1  # the shortcut answered
    with time_machine.travel(datetime(2024, 1, 21, 0, 0, 5, tzinfo=HANOI), tick=False):
        response = client.get(url, HTTP_ACCEPT="application/json")
    assert response.status_code == 401 and response.json()["message"] == LEFT_MESSAGE
    assert [e.data["at"] for e in refusals()] == ["session"]
