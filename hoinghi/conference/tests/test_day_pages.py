"""What the clerk, the phones and the projector read on the conference day, as HTML."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from hoinghi.conference import polls, services
from hoinghi.conference.models import Conference
from hoinghi.conference.services import hall
from hoinghi.conference.tests.helpers import make_conference, open_and_check_in_all
from hoinghi.org.models import Person
from hoinghi.testing import PASSWORD, World
from hoinghi.voting import services as voting

pytestmark = pytest.mark.django_db


def client_for(user: object) -> Client:
    client = Client()
    client.login(username=user.username, password=PASSWORD)  # type: ignore[attr-defined]
    return client


def url(name: str, conference: Conference) -> str:
    return reverse(f"conference:{name}", args=[conference.agency.code, conference.pk])


def test_the_projector_names_the_site_icon_so_the_hall_pc_asks_for_no_missing_file(
    world: World,
) -> None:
    conference = make_conference(world)
    token = hall.projector_token(conference)
    page = Client().get(reverse("conference:projector-screen", args=[token])).content.decode()
    assert '<link rel="icon" type="image/svg+xml" href="/static/hoinghi/favicon.svg">' in page


def test_the_phones_live_state_keeps_the_dash_the_page_was_drawn_with(world: World) -> None:
    conference = make_conference(world)
    services.open_conference(conference, actor=world.clerk)
    phone = client_for(world.colleague)
    page = phone.get(url("delegate", conference)).content.decode()
    assert 'data-live-field="item" aria-live="polite">—</p>' in page
    state = phone.get(url("live", conference)).json()
    assert (state["item"], state["result"]) == ("—", "—")


def test_an_empty_agenda_is_said_in_a_sentence_not_as_item_one(world: World) -> None:
    conference = make_conference(world)
    page = client_for(world.clerk).get(url("agenda", conference)).content.decode()
    assert "Chưa có chương trình." in page
    assert "<li>Chưa có chương trình.</li>" not in page


def candidates_of(world: World) -> list[Person]:
    return [
        world.person(u) for u in (world.colleague, world.outsider, world.inspector, world.council)
    ]


def test_after_an_election_round_closes_the_page_no_longer_says_results_come_later(
    world: World,
) -> None:
    conference = make_conference(world)
    election = services.set_up_election(
        conference, seats=3, candidates=candidates_of(world), actor=world.clerk
    )
    open_and_check_in_all(world, conference)
    poll = services.open_election_poll(election, actor=world.clerk)
    clerk = client_for(world.clerk)
    later = "Kết quả chỉ công bố sau khi kết thúc bỏ phiếu."
    assert later in clerk.get(url("election", conference)).content.decode()
    voter = world.person(world.colleague)
    kept = [c.pk for c in poll.candidates.all()][:1]
    voting.cast_vote(poll, voter, kept=kept, by=world.colleague)
    services.close_election_poll(election, actor=world.clerk)
    page = clerk.get(url("election", conference)).content.decode()
    assert "Đã kết thúc" in page and later not in page


def test_the_results_page_says_what_was_decided_not_only_the_counts(world: World) -> None:
    conference = make_conference(world)
    election = services.set_up_election(
        conference, seats=3, candidates=candidates_of(world), actor=world.clerk, max_rounds=1
    )
    open_and_check_in_all(world, conference)
    motion = services.add_motion(
        conference, kind="resolution", title="Thông qua Nghị quyết", actor=world.clerk
    )
    polls.open_motion_poll(motion, actor=world.clerk, secret=True)
    motion.refresh_from_db()
    polls.cast_motion_vote(
        motion, world.person(world.colleague), choice="for", key=None, actor=world.colleague
    )
    polls.close_motion_poll(motion, actor=world.clerk)  # 1 of 9: not adopted
    poll = services.open_election_poll(election, actor=world.clerk)
    kept = [c.pk for c in poll.candidates.all()][:1]
    voting.cast_vote(poll, world.person(world.colleague), kept=kept, by=world.colleague)
    election = services.close_election_poll(election, actor=world.clerk)
    assert election.outcome == "seats_unfilled"
    services.record_unfinished_decision(
        election, text="Bầu bổ sung tại Hội nghị gần nhất.", actor=world.clerk
    )
    services.close_conference(conference, actor=world.clerk)
    page = client_for(world.clerk).get(url("closing", conference)).content.decode()
    assert "<strong>không được thông qua</strong>" in page
    assert "<strong>Chưa bầu đủ số thành viên.</strong>" in page
    assert "— không trúng cử" in page
    assert "Quyết định của Đoàn Chủ tịch: Bầu bổ sung tại Hội nghị gần nhất." in page


def test_a_mistyped_invitation_code_at_the_desk_stays_in_the_box_with_the_reason(
    world: World,
) -> None:
    conference = make_conference(world)
    services.open_conference(conference, actor=world.clerk)
    desk = client_for(world.clerk)
    enter = reverse("conference:checkin-enter")
    wrong = desk.get(enter, {"code": "abc12345"})
    page = wrong.content.decode()
    assert wrong.status_code == 200
    assert "Không có giấy mời nào mang mã ABC12345" in page and 'value="abc12345"' in page
    code = conference.participants.first().code  # type: ignore[union-attr]
    right = desk.get(enter, {"code": f" {code.lower()} "})
    assert right["Location"] == reverse("conference:checkin-by-code", args=[code])


def test_each_motion_on_the_runner_s_desk_has_count_boxes_of_its_own(world: World) -> None:
    """With two motions the labels of the second must not lead to the first one's boxes."""
    conference = make_conference(world)
    services.open_conference(conference, actor=world.clerk)
    first, second = (
        services.add_motion(conference, kind="resolution", title=title, actor=world.clerk)
        for title in ("Thông qua Nghị quyết", "Thông qua Quy chế chi tiêu nội bộ")
    )
    page = client_for(world.clerk).get(url("runner", conference)).content.decode()
    ids = re.findall(r' id="([^"]+)"', page)
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    for motion in (first, second):
        assert f'<label for="bq{motion.pk}_votes_for">' in page
        assert f'name="votes_for" min="0" required id="bq{motion.pk}_votes_for"' in page


def test_hand_counts_over_those_present_are_refused_in_vietnamese_words(world: World) -> None:
    conference = make_conference(world)
    open_and_check_in_all(world, conference)  # 9 present
    motion = services.add_motion(
        conference, kind="resolution", title="Thông qua Nghị quyết", actor=world.clerk
    )
    desk = client_for(world.clerk)
    counts = {"motion": motion.pk, "votes_for": 8, "votes_against": 2, "abstentions": 0}
    page = desk.post(
        url("runner-action", conference), {"action": "counts", **counts}, follow=True
    ).content.decode()
    assert "Tổng số tán thành, không tán thành và không biểu quyết (10)" in page
    assert "số người dự có mặt (9)" in page
    assert "votes_for" not in page.split("<main", 1)[1].split("<form", 1)[0]
    motion.refresh_from_db()
    assert motion.adopted is None


def test_a_delegate_opening_the_pledge_before_it_is_drafted_reads_a_sentence(
    world: World,
) -> None:
    conference = make_conference(world)
    page = client_for(world.colleague).get(url("pledge", conference)).content.decode()
    main = page.split('<nav aria-label="Hội nghị"', 1)[1].split("</main>", 1)[0]
    assert "Chưa có nội dung giao ước thi đua." in main


def test_a_delegate_who_asked_to_speak_reads_so_instead_of_the_button_again(
    world: World,
) -> None:
    conference = make_conference(world)
    services.build_agenda(conference, actor=world.clerk)
    open_and_check_in_all(world, conference)
    item = conference.agenda_items.order_by("position")[3]
    services.start_item(item, actor=world.clerk)
    phone = client_for(world.colleague)
    assert "Đăng ký phát biểu</button>" in phone.get(url("delegate", conference)).content.decode()
    page = phone.post(url("ask-to-speak", conference), follow=True).content.decode()
    assert "Đồng chí đã đăng ký phát biểu ở nội dung này" in page
    assert "Đăng ký phát biểu</button>" not in page
    request = item.speakers.get()
    services.mark_spoken(request, actor=world.clerk)
    page = phone.get(url("delegate", conference)).content.decode()
    assert "Đồng chí đã phát biểu ở nội dung này." in page


def test_a_second_motion_waits_until_the_one_being_voted_on_is_closed(world: World) -> None:
    """The phones and the projector show one motion: a second open vote would be unseen."""
    conference = make_conference(world)
    open_and_check_in_all(world, conference)
    first, second = (
        services.add_motion(conference, kind="regulation", title=title, actor=world.clerk)
        for title in ("Quy chế làm việc", "Quy chế chi tiêu nội bộ")
    )
    desk = client_for(world.clerk)
    act = url("runner-action", conference)
    desk.post(act, {"action": "poll_open", "motion": first.pk})
    page = desk.post(act, {"action": "poll_open", "motion": second.pk}, follow=True)
    assert "Đang biểu quyết «Quy chế làm việc»: kết thúc biểu quyết đó rồi mới mở" in (
        page.content.decode()
    )
    second.refresh_from_db()
    assert second.poll_id is None
    desk.post(act, {"action": "poll_close", "motion": first.pk})
    desk.post(act, {"action": "poll_open", "motion": second.pk})
    second.refresh_from_db()
    assert second.poll_id is not None


def test_after_a_desk_check_in_the_next_code_is_typed_on_the_same_page(world: World) -> None:
    conference = make_conference(world)
    services.open_conference(conference, actor=world.clerk)
    participant = conference.participants.get(person=world.person(world.outsider))
    desk = client_for(world.clerk)
    by_code = reverse("conference:checkin-by-code", args=[participant.code])
    page = desk.post(by_code, follow=True).content.decode()
    assert "Đã điểm danh lúc" in page
    assert f'<form method="get" action="{reverse("conference:checkin-enter")}"' in page
    assert 'name="code" maxlength="12" autocomplete="off" required autofocus' in page
    assert f'href="{url("participants", conference)}"' in page
    own = conference.participants.get(person=world.person(world.colleague))
    phone = client_for(world.colleague)  # the delegate's own page has no desk form
    mine = phone.get(reverse("conference:checkin-by-code", args=[own.code])).content.decode()
    assert "Mã mời của người tiếp theo" not in mine


def test_a_recorded_hand_count_is_shown_in_its_boxes_for_a_correction(world: World) -> None:
    conference = make_conference(world)
    open_and_check_in_all(world, conference)
    motion = services.add_motion(
        conference, kind="resolution", title="Thông qua Nghị quyết", actor=world.clerk
    )
    desk = client_for(world.clerk)
    counts = {"motion": motion.pk, "votes_for": 7, "votes_against": 1, "abstentions": 1}
    desk.post(url("runner-action", conference), {"action": "counts", **counts})
    page = desk.get(url("runner", conference)).content.decode()
    assert f'name="votes_for" value="7" min="0" required id="bq{motion.pk}_votes_for"' in page
    assert f'name="abstentions" value="1" min="0" required id="bq{motion.pk}_abstentions"' in page
    assert "Sửa kết quả biểu quyết</button>" in page


def test_the_runner_names_the_presidium_and_secretaries_not_checked_in(world: World) -> None:
    """Else the minutes list the secretary writing them as absent."""
    conference = make_conference(world)
    services.open_conference(conference, actor=world.clerk)
    desk = client_for(world.clerk)
    page = desk.get(url("runner", conference)).content.decode()
    clerk = world.person(world.clerk).full_name
    assert "Chưa điểm danh (biên bản sẽ ghi vắng mặt):" in page
    assert f"{clerk} (thư ký)" in page
    assert f"{world.person(world.leader).full_name} (Đoàn Chủ tịch)" in page
    for participant in conference.participants.all():
        services.check_in(participant, method="desk", actor=world.clerk)
    assert "Chưa điểm danh (biên bản" not in desk.get(url("runner", conference)).content.decode()


def test_closing_the_conference_asks_first(world: World) -> None:
    """Bế mạc is one button on a busy desk: the page asks before sending it (confirm.js)."""
    conference = make_conference(world)
    services.open_conference(conference, actor=world.clerk)
    page = client_for(world.clerk).get(url("runner", conference)).content.decode()
    form = re.search(r"<form[^>]*>(?:(?!</form>).)*Bế mạc Hội nghị</button>", page, re.S)
    assert form is not None
    assert 'data-confirm="Bế mạc Hội nghị năm' in form.group(0)
    assert "/static/org/confirm.js" in page


def test_the_projector_says_a_paper_round_is_being_voted_not_the_last_motion_s_result(
    world: World,
) -> None:
    from hoinghi.conference.tests.test_elections import elect

    conference, election = elect(world)
    motion = services.add_motion(
        conference, kind="resolution", title="Thông qua Nghị quyết", actor=world.clerk
    )
    services.record_motion_result(motion, votes_for=9, actor=world.clerk)
    screen = reverse("conference:projector-screen", args=[hall.projector_token(conference)])
    before = Client().get(screen).content.decode()
    assert "Thông qua Nghị quyết" in before and "Được thông qua" in before
    services.open_election_poll(election, actor=world.clerk, paper=True)
    during = Client().get(screen).content.decode()
    assert "Đang bầu bằng phiếu giấy" in during
    assert "Bầu Ban thanh tra nhân dân (vòng 1)" in during
    assert "Được thông qua" not in during
