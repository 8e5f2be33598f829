"""Journeys in Debian's Chromium: delegates on phones, the projector in the hall, an election
that needs a second round."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from hoinghi.conference import polls, services
from hoinghi.conference.models import Conference
from hoinghi.conference.services import hall
from hoinghi.conference.tests.helpers import make_conference, open_and_check_in_all
from hoinghi.org.models import Person
from hoinghi.testing import World, login
from hoinghi.voting import services as voting
from hoinghi.voting.models import Poll

pytestmark = pytest.mark.django_db(transaction=True)

SCREENS = [(1280, 720), (1920, 1080)]
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phones(browser: Any) -> Iterator[list[Any]]:
    """Three phones, each a context of its own (its own cookies)."""
    contexts = [
        browser.new_context(locale="vi-VN", viewport=PHONE, is_mobile=True, has_touch=True)
        for _ in range(3)
    ]
    pages = [c.new_page() for c in contexts]
    for p in pages:
        p.set_default_timeout(15_000)
    yield pages
    for c in contexts:
        c.close()


def open_projector(browser: Any, url: str, size: tuple[int, int]) -> tuple[Any, Any]:
    """The hall's PC: a fresh context with nobody signed in."""
    context = browser.new_context(locale="vi-VN", viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(url)
    return context, page


def fits(page: Any) -> bool:
    return bool(
        page.evaluate(
            "document.documentElement.scrollHeight <= window.innerHeight"
            " && document.documentElement.scrollWidth <= window.innerWidth"
        )
    )


def projector_url(live_server: Any, conference: Conference) -> str:
    return f"{live_server.url}/hoi-nghi/trinh-chieu/{hall.projector_token(conference)}/"


def test_three_phones_check_in_with_the_hall_code_vote_and_the_projector_shows_the_result(
    world: World, live_server: Any, phones: list[Any], browser: Any
) -> None:
    conference = make_conference(world)
    services.build_agenda(conference, actor=world.clerk)
    services.open_conference(conference, actor=world.clerk)
    services.start_item(conference.agenda_items.order_by("position")[1], actor=world.clerk)
    delegates = [world.colleague, world.outsider, world.inspector]
    for person in (world.leader, world.union_chair, world.council):
        participant = conference.participants.get(person=world.person(person))
        services.check_in(participant, method="desk", actor=world.clerk)
    delegate_page = f"{live_server.url}/hoi-nghi/co-quan-thu/{conference.pk}/dai-bieu/"
    for phone, user in zip(phones, delegates, strict=True):
        login(phone, live_server.url, user.username)
        phone.goto(delegate_page)
    # Away from the hall, a guess is refused; the code on the screen is accepted.
    wrong = str((int(hall.hall_code(conference)) + 1) % 1_000_000).zfill(6)
    phones[0].fill("#hall-code", wrong)
    phones[0].get_by_role("button", name="Điểm danh: tôi có mặt").click()
    phones[0].get_by_text("Mã hội trường không đúng hoặc đã hết hạn").wait_for()
    conference.refresh_from_db()
    own = conference.participants.get(person=world.person(world.colleague))
    assert own.checked_in_at is None
    context, screen = open_projector(browser, projector_url(live_server, conference), SCREENS[0])
    shown = screen.locator("[data-hall-code]").inner_text().replace(" ", "")
    for phone in phones:
        phone.fill("#hall-code", shown)
        phone.get_by_role("button", name="Điểm danh: tôi có mặt").click()
        phone.get_by_text("Đã điểm danh lúc").wait_for()
    screen.locator("[data-attendance]").filter(has_text="6/9").wait_for()
    assert "Đủ số người dự" in screen.locator("[data-quorum]").inner_text()

    motion = services.add_motion(
        conference, kind="resolution", title="Thông qua Nghị quyết Hội nghị", actor=world.clerk
    )
    poll = polls.open_motion_poll(motion, actor=world.clerk)
    for phone, choice in zip(phones, ["Tán thành", "Tán thành", "Không tán thành"], strict=True):
        option = phone.get_by_label(choice, exact=True)  # the page follows the opening by itself
        option.wait_for()
        box = phone.locator("label.ballot-option").first.bounding_box()
        assert box is not None and box["height"] >= 44 and box["width"] >= 300
        assert phone.locator("#phieu input:checked").count() == 0
        option.check()
        if phone is phones[0]:
            phone.screenshot(path="/tmp/hall-phone-ballot-390x844.png", full_page=True)
        phone.get_by_role("button", name="Gửi phiếu").click()
        phone.locator(".receipt").first.wait_for()
    screen.locator("[data-turnout]").filter(has_text=f"3/{poll.electorate_size}").wait_for()
    assert "Tán thành" not in screen.locator(".p-vote").inner_text()  # nothing before the close
    for user in (world.leader, world.union_chair):  # two more in the hall, for
        polls.cast_motion_vote(motion, world.person(user), choice="for", key=None, actor=user)
    polls.close_motion_poll(motion, actor=world.clerk)
    screen.get_by_text("Được thông qua").wait_for()
    chart = screen.locator(".p-chart")
    assert chart.locator("tr").count() == 3
    assert chart.locator(".p-bar-for .p-fill").get_attribute("width") == "67"  # 4 of 6 present
    box = chart.bounding_box()
    assert box is not None and box["y"] + box["height"] <= SCREENS[0][1]
    assert fits(screen)
    screen.screenshot(path="/tmp/hall-projector-result-1280x720.png")
    for phone in phones:
        phone.get_by_text("Thông qua Nghị quyết Hội nghị: được thông qua").wait_for()
    context.close()


def test_the_projector_fits_both_hall_screens_without_scrolling_and_has_no_site_header(
    world: World, live_server: Any, browser: Any
) -> None:
    conference = make_conference(world)
    services.build_agenda(conference, actor=world.clerk)
    open_and_check_in_all(world, conference)
    item = conference.agenda_items.order_by("position")[3]
    services.start_item(item, actor=world.clerk)
    for user in (world.colleague, world.outsider, world.inspector, world.council):
        participant = conference.participants.get(person=world.person(user))
        services.request_to_speak(item, participant, actor=user)
    election = services.set_up_election(
        conference, seats=3, candidates=candidates_of(world), actor=world.clerk
    )
    run_round(conference, election_poll(election, world), keeps=FIRST_ROUND)
    services.close_election_poll(election, actor=world.clerk)
    for size in SCREENS:
        context, screen = open_projector(browser, projector_url(live_server, conference), size)
        assert fits(screen), size
        assert screen.locator("header.site").count() == 0
        assert "Đăng xuất" not in screen.content()
        text = screen.locator("body").inner_text()
        assert "Bầu Ban thanh tra nhân dân — vòng 1" in text and "Chưa bầu đủ" in text
        assert "Vũ Thị Cúc" in screen.locator(".p-speakers").inner_text()
        for part in (".p-chart", ".p-qr svg", "[data-quorum]", ".p-speakers"):
            box = screen.locator(part).bounding_box()
            assert box is not None and box["y"] + box["height"] <= size[1], (part, size)
        screen.screenshot(path=f"/tmp/hall-projector-{size[0]}x{size[1]}.png")
        context.close()


def candidates_of(world: World) -> list[Person]:
    return [
        world.person(u) for u in (world.colleague, world.outsider, world.inspector, world.council)
    ]


# Nine present, three seats: two pass in the first round, nobody else reaches five votes.
FIRST_ROUND = [[0, 1, 2]] * 4 + [[0, 1, 3]] * 4 + [[0, 1]]


def election_poll(election: Any, world: World) -> Poll:
    return services.open_election_poll(election, actor=world.clerk)


def run_round(conference: Conference, poll: Poll, *, keeps: list[list[int]], skip: int = 0) -> None:
    """Ballots of the participants (after the first ``skip``) through the engine."""
    names = {c.person_id: c.pk for c in poll.candidates.all()}
    people = [c.person_id for c in conference.election.candidates.order_by("person__sort_key")]
    voters = [p.person for p in conference.participants.select_related("person__user")][skip:]
    for voter, kept in zip(voters, keeps, strict=False):
        ids = [names[people[i]] for i in kept if people[i] in names]
        voting.cast_vote(poll, voter, kept=ids, by=voter.user)  # type: ignore[arg-type]


def test_an_election_that_fills_too_few_seats_finishes_in_a_second_round(
    world: World, live_server: Any, page: Any, phone_page: Any, browser: Any
) -> None:
    conference = make_conference(world)
    election = services.set_up_election(
        conference, seats=3, candidates=candidates_of(world), actor=world.clerk
    )
    open_and_check_in_all(world, conference)
    run_round(conference, election_poll(election, world), keeps=FIRST_ROUND)
    election = services.close_election_poll(election, actor=world.clerk)
    assert election.outcome == "seats_unfilled"
    election_page = f"{live_server.url}/hoi-nghi/co-quan-thu/{conference.pk}/bau-ban-thanh-tra/"
    login(page, live_server.url, world.clerk.username)
    page.goto(election_page)
    page.get_by_role("button", name="Mở bỏ phiếu điện tử vòng 2 (bầu tiếp)").click()
    page.get_by_text("Bầu Ban thanh tra nhân dân (vòng 2)").first.wait_for()

    poll = Poll.objects.get(title="Bầu Ban thanh tra nhân dân (vòng 2)")
    standing = list(poll.candidates.order_by("pk"))
    assert len(standing) == 2 and poll.seats == 1  # the two not yet elected, the seat left
    login(phone_page, live_server.url, world.colleague.username)
    phone_page.goto(election_page)
    assert phone_page.locator("#phieu input[type=checkbox]").count() == 2
    assert phone_page.locator("#phieu input:checked").count() == 0  # nothing ticked to start
    phone_page.get_by_label(standing[0].name).check()
    phone_page.get_by_role("button", name="Gửi phiếu bầu").click()
    phone_page.get_by_text("Đồng chí đã bỏ phiếu").wait_for()
    colleague = world.person(world.colleague)
    rest = [p.person for p in conference.participants.select_related("person__user")]
    rest = [p for p in rest if p != colleague]
    for voter, kept in zip(rest, [[standing[0].pk]] * 5 + [[standing[1].pk]], strict=False):
        voting.cast_vote(poll, voter, kept=kept, by=voter.user)  # type: ignore[arg-type]
    page.reload()
    page.get_by_role("button", name="Kết thúc bỏ phiếu và kiểm phiếu").click()
    page.get_by_text("Đã bầu đủ số thành viên").first.wait_for()
    rounds = page.locator("section[aria-label^='Vòng']")
    assert rounds.count() == 2
    assert "Trúng cử ở vòng 2" in rounds.nth(1).inner_text()
    context, screen = open_projector(browser, projector_url(live_server, conference), SCREENS[0])
    assert "vòng 2" in screen.locator(".p-vote").inner_text()
    assert screen.locator(".p-bar-elected").count() == 1 and fits(screen)
    screen.screenshot(path="/tmp/hall-projector-election-1280x720.png")
    context.close()


def test_the_desk_finds_a_name_typed_without_accents_and_checks_in_without_reloading(
    world: World, live_server: Any, page: Any
) -> None:
    conference = make_conference(world)
    services.open_conference(conference, actor=world.clerk)
    login(page, live_server.url, world.clerk.username)
    page.goto(f"{live_server.url}/hoi-nghi/co-quan-thu/{conference.pk}/nguoi-du/")
    page.evaluate("window.deskMarker = 'same page'")
    page.fill("#tim-nguoi-du", "vu thi cuc")
    rows = page.locator("#bang-nguoi-du tbody tr:visible")
    assert rows.count() == 1 and "Vũ Thị Cúc" in rows.first.inner_text()
    page.get_by_role("button", name="Điểm danh Vũ Thị Cúc").click()
    page.get_by_role("button", name="Hủy điểm danh Vũ Thị Cúc").wait_for()
    assert "Có mặt" in rows.first.inner_text()
    assert page.locator("#so-co-mat").inner_text() == "Có mặt 1/9"
    assert page.evaluate("window.deskMarker") == "same page"  # the list was not reloaded
    assert page.input_value("#tim-nguoi-du") == "vu thi cuc"
    participant = conference.participants.get(person=world.person(world.outsider))
    assert participant.checkin_method == "desk"
