"""The hall: the projector's token link, the rotating hall code, the desk, the QR's address."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from hoinghi.conference import polls, services
from hoinghi.conference.models import Conference
from hoinghi.conference.services import hall
from hoinghi.conference.tests.helpers import make_conference, open_and_check_in_all
from hoinghi.testing import PASSWORD, World

pytestmark = pytest.mark.django_db


def client_for(user: object) -> Client:
    client = Client()
    client.login(username=user.username, password=PASSWORD)  # type: ignore[attr-defined]
    return client


def url(name: str, conference: Conference, *extra: object) -> str:
    return reverse(f"conference:{name}", args=[conference.agency.code, conference.pk, *extra])


def projector_url(conference: Conference) -> str:
    return reverse("conference:projector-screen", args=[hall.projector_token(conference)])


def test_the_hall_code_changes_every_two_minutes_and_the_previous_one_still_counts(
    world: World,
) -> None:
    conference = make_conference(world)
    now = timezone.now()
    code = hall.hall_code(conference, now)
    assert len(code) == 6 and code.isdigit()
    assert hall.hall_code_ok(conference, code, now)
    assert hall.hall_code_ok(conference, f"{code[:3]} {code[3:]}", now)  # as the screen shows it
    later = now + timedelta(seconds=hall.WINDOW_SECONDS)
    assert hall.hall_code_ok(conference, code, later)  # read just before it changed
    much_later = now + timedelta(seconds=2 * hall.WINDOW_SECONDS)
    assert not hall.hall_code_ok(conference, code, much_later)  # two windows on: expired
    assert not hall.hall_code_ok(conference, "", now)
    assert not hall.hall_code_ok(conference, "12345", now)
    assert not hall.hall_code_ok(conference, "x" * 10_000, now)
    other = make_conference(world, year=2025)
    assert not hall.hall_code_ok(other, code, now)  # each conference has its own secret
    hall.rotate_hall_secret(conference, actor=world.clerk)
    assert not hall.hall_code_ok(conference, code, now)  # a new secret: old codes are void


def test_the_runner_says_until_when_the_code_it_shows_is_accepted(world: World) -> None:
    """A runner's page left open shows an old code: it says until when that code works."""
    conference = make_conference(world)
    now = timezone.now()
    until = hall.code_valid_until(now)
    code = hall.hall_code(conference, now)
    assert hall.hall_code_ok(conference, code, until - timedelta(seconds=1))
    assert not hall.hall_code_ok(conference, code, until)
    assert str(until.tzinfo) == "Asia/Ho_Chi_Minh"
    services.open_conference(conference, actor=world.clerk)
    before = hall.code_valid_until()
    page = client_for(world.clerk).get(url("runner", conference)).content.decode()
    after = hall.code_valid_until()  # the window may turn during the request
    assert any(f"dùng được đến {t:%H:%M}" in page for t in (before, after))


def test_self_check_in_needs_the_hall_code_and_the_desk_does_not(world: World) -> None:
    conference = make_conference(world)
    services.open_conference(conference, actor=world.clerk)
    own = conference.participants.get(person=world.person(world.colleague))
    phone = client_for(world.colleague)
    page = reverse("conference:self-checkin", args=[conference.pk])
    wrong = str((int(hall.hall_code(conference)) + 1) % 1_000_000).zfill(6)
    refused = phone.post(page, {"hall_code": wrong})
    assert refused.status_code == 400
    assert "Mã hội trường không đúng hoặc đã hết hạn" in refused.content.decode()
    own.refresh_from_db()
    assert own.checked_in_at is None
    # The projector's QR carries the code: the page opens with it filled in.
    assert (
        f'value="{hall.hall_code(conference)}"'
        in phone.get(f"{page}?ma={hall.hall_code(conference)}").content.decode()
    )
    accepted = phone.post(page, {"hall_code": hall.hall_code(conference), "via": "qr"})
    assert accepted.status_code == 302
    own.refresh_from_db()
    assert own.checked_in_at is not None and own.checkin_method == "qr"
    # Someone not invited has no such page.
    assert client_for(world.stranger).get(page).status_code == 404
    other = conference.participants.get(person=world.person(world.outsider))
    client_for(world.clerk).post(url("participants", conference), {"participant": other.pk})
    other.refresh_from_db()
    assert other.checkin_method == "desk"


def test_the_projector_opens_by_its_token_alone_and_shows_no_site_header(world: World) -> None:
    conference = make_conference(world)
    services.build_agenda(conference, actor=world.clerk)
    services.open_conference(conference, actor=world.clerk)
    runner = client_for(world.clerk)
    assert runner.get(url("projector", conference))["Location"] == projector_url(conference)
    assert client_for(world.colleague).get(url("projector", conference)).status_code == 403
    response = Client().get(projector_url(conference))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Đăng xuất" not in page and 'class="site"' not in page
    assert hall.hall_code(conference)[:3] in page and "<svg" in page
    assert " style=" not in page and "<style" not in page  # a strict CSP needs no exception
    state = reverse("conference:projector-state", args=[conference.projector_token])
    first = Client().get(state)
    again = Client().get(state, HTTP_IF_NONE_MATCH=first["ETag"])
    assert (first.status_code, again.status_code) == (200, 304)
    old = projector_url(conference)
    runner.post(url("projector-rotate", conference), {"what": "projector"})
    conference.refresh_from_db()
    assert Client().get(old).status_code == 404
    assert Client().get(projector_url(conference)).status_code == 200
    assert Client().get(reverse("conference:projector-screen", args=["x" * 500])).status_code == 404


def test_the_projector_shows_a_live_quorum_and_only_the_turnout_of_an_open_poll(
    world: World,
) -> None:
    conference = make_conference(world)
    services.open_conference(conference, actor=world.clerk)
    participants = list(conference.participants.all())
    for p in participants[:3]:
        services.check_in(p, method="desk", actor=world.clerk)
    services.record_quorum(conference, actor=world.clerk)  # 3/9: not met, recorded
    for p in participants[3:7]:
        services.check_in(p, method="desk", actor=world.clerk)
    page = Client().get(projector_url(conference)).content.decode()
    assert "7/9" in page and "Đủ số người dự (cần ít nhất 6)" in page and "3/9" not in page
    motion = services.add_motion(
        conference, kind="resolution", title="Thông qua Nghị quyết", actor=world.clerk
    )
    poll = polls.open_motion_poll(motion, actor=world.clerk, secret=True)
    voters = [p.person for p in participants[:7]]
    for voter in voters[:5]:
        polls.cast_motion_vote(motion, voter, choice="for", key=None, actor=voter.user)  # type: ignore[arg-type]
    poll.refresh_from_db()
    page = Client().get(projector_url(conference)).content.decode()
    assert "5/7" in page and "Tán thành" not in page and "Bỏ phiếu kín" in page
    polls.close_motion_poll(motion, actor=world.clerk)
    page = Client().get(projector_url(conference)).content.decode()
    assert "Được thông qua" in page and 'width="71"' in page  # 5 of 7 present, as a bar


def test_the_desk_searches_without_accents_and_checks_in_one_row_as_json(world: World) -> None:
    conference = make_conference(world)
    desk = client_for(world.clerk)
    page = desk.get(url("participants", conference), {"q": "do van binh"}).content.decode()
    assert "Đỗ Văn Bình" in page and "Vũ Thị Cúc" not in page
    own = conference.participants.get(person=world.person(world.colleague))
    answer = desk.post(
        url("participants", conference),
        {"participant": own.pk},
        HTTP_ACCEPT="application/json",
    )
    data: dict[str, Any] = answer.json()
    assert answer.status_code == 200 and data["present"] is True and data["time"]
    assert data["attendance"] == "Có mặt 1/9"
    undo = desk.post(
        url("participants", conference),
        {"participant": own.pk, "undo": "1"},
        HTTP_ACCEPT="application/json",
    ).json()
    assert undo["present"] is False and undo["attendance"] == "Có mặt 0/9"


def test_qr_codes_carry_the_configured_public_address(world: World, settings: Any) -> None:
    settings.HOINGHI_PUBLIC_URL = "http://192.168.1.10:8000"
    conference = make_conference(world)
    participant = conference.participants.first()
    assert participant is not None
    page = (
        client_for(world.clerk).get(url("invitation", conference, participant.pk)).content.decode()
    )
    assert f"http://192.168.1.10:8000/hoi-nghi/diem-danh/{participant.code}/" in page
    assert "testserver" not in page
    projector = Client().get(projector_url(conference)).content.decode()
    assert f"http://192.168.1.10:8000/hoi-nghi/diem-danh/hoi-truong/{conference.pk}/" in (projector)
    many = client_for(world.clerk).get(url("invitations", conference)).content.decode()
    codes = list(conference.participants.values_list("code", flat=True))
    assert all(f'<strong class="big">{code}</strong>' in many for code in codes)
    assert many.count("<svg") == len(codes) and "testserver" not in many


def test_a_printed_word_invitation_carries_the_code_and_the_public_check_in_address(
    world: World, settings: Any
) -> None:
    from io import BytesIO

    from docx import Document

    from hoinghi.documents.services import render_kind

    settings.HOINGHI_PUBLIC_URL = "http://192.168.1.10:8000"
    conference = make_conference(world)
    own = conference.participants.get(person=world.person(world.colleague))
    data = render_kind("giay-moi", world.agency, 2024, person=world.person(world.colleague))
    text = "\n".join(p.text for p in Document(BytesIO(data)).paragraphs)
    assert f"Mã mời điểm danh: {own.code}." in text
    assert f"http://192.168.1.10:8000/hoi-nghi/diem-danh/{own.code}/" in text


def test_guessing_the_hall_code_stops_after_five_wrong_codes(world: World) -> None:
    conference = make_conference(world)
    services.open_conference(conference, actor=world.clerk)
    own = conference.participants.get(person=world.person(world.colleague))
    wrong = str((int(hall.hall_code(conference)) + 1) % 1_000_000).zfill(6)
    for _ in range(hall.WRONG_CODE_LIMIT):
        with pytest.raises(services.ConferenceError, match="không đúng"):
            hall.self_check_in(own, code=wrong, actor=world.colleague)
    with pytest.raises(services.ConferenceError, match="đợi 10 phút"):
        hall.self_check_in(own, code=hall.hall_code(conference), actor=world.colleague)
    own.refresh_from_db()
    assert own.checked_in_at is None
    other = conference.participants.get(person=world.person(world.outsider))
    assert hall.self_check_in(other, code=hall.hall_code(conference), actor=world.outsider).present
    services.check_in(own, method="desk", actor=world.clerk)  # the desk still can
    own.refresh_from_db()
    assert own.checkin_method == "desk"


def test_the_projector_shows_only_the_turnout_of_an_open_election_and_the_presidium_decides(
    world: World,
) -> None:
    from hoinghi.conference.tests.test_elections import candidates_of, vote_all
    from hoinghi.voting.services import cast_vote

    conference = make_conference(world)
    election = services.set_up_election(
        conference, seats=3, candidates=candidates_of(world), actor=world.clerk
    )
    open_and_check_in_all(world, conference)
    poll = services.open_election_poll(election, actor=world.clerk)
    a, b, c, d = candidates_of(world)
    vote_all(conference, poll, [[a, b, c]] * 4)
    page = Client().get(projector_url(conference)).content.decode()
    assert "4/9" in page and "Bỏ phiếu kín" in page and a.full_name not in page
    ids = {c.person_id: c.pk for c in poll.candidates.all()}
    voters = [p.person for p in conference.participants.select_related("person__user")][4:]
    for voter, kept in zip(voters, [[a, b, d]] * 4 + [[a, b]], strict=True):
        cast_vote(poll, voter, kept=[ids[p.pk] for p in kept], by=voter.user)  # type: ignore[arg-type]
    election = services.close_election_poll(election, actor=world.clerk)
    page = Client().get(projector_url(conference)).content.decode()
    assert "vòng 1" in page and "Chưa bầu đủ số thành viên" in page and a.full_name in page
    action = url("election-action", conference)
    decision = {"action": "decide", "decision": "Bầu bổ sung tại Hội nghị gần nhất."}
    assert client_for(world.clerk).post(action, decision).status_code == 403  # a secretary
    client_for(world.leader).post(action, decision)  # a member of the presidium
    election.refresh_from_db()
    assert election.unfinished_decision == "Bầu bổ sung tại Hội nghị gần nhất."
    page = client_for(world.colleague).get(url("election", conference)).content.decode()
    assert "Quyết định của Đoàn Chủ tịch" in page and "Bầu bổ sung tại Hội nghị gần nhất." in page
