from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from hoinghi.conference import services
from hoinghi.conference.models import Conference
from hoinghi.conference.services import hall
from hoinghi.conference.tests.helpers import make_conference
from hoinghi.testing import PASSWORD, World

pytestmark = pytest.mark.django_db

PAGES = ["detail", "participants", "agenda", "drafts", "comments", "closing"]


def client_for(user: object) -> Client:
    client = Client()
    client.login(username=user.username, password=PASSWORD)  # type: ignore[attr-defined]
    return client


def url(name: str, conference: Conference, *extra: object) -> str:
    return reverse(f"conference:{name}", args=[conference.agency.code, conference.pk, *extra])


def test_staff_of_the_agency_see_the_conference_pages(world: World) -> None:
    conference = make_conference(world)  # one world for every page: each costs a login
    client = client_for(world.colleague)
    assert {page: client.get(url(page, conference)).status_code for page in PAGES} == {
        page: 200 for page in PAGES
    }


def test_another_agency_gets_not_found(world: World) -> None:
    conference = make_conference(world)
    client = client_for(world.stranger)
    pages = [*PAGES, "runner", "delegate"]
    assert {page: client.get(url(page, conference)).status_code for page in pages} == {
        page: 404 for page in pages
    }


def test_a_missing_conference_is_not_found(world: World) -> None:
    response = client_for(world.clerk).get(reverse("conference:detail", args=["co-quan-thu", 999]))
    assert response.status_code == 404


def test_only_the_presidium_and_secretaries_run_the_day(world: World) -> None:
    conference = make_conference(world)
    assert client_for(world.clerk).get(url("runner", conference)).status_code == 200
    assert client_for(world.leader).get(url("runner", conference)).status_code == 200
    assert client_for(world.colleague).get(url("runner", conference)).status_code == 403
    assert client_for(world.admin).get(url("runner", conference)).status_code == 403
    response = client_for(world.colleague).post(
        url("runner-action", conference), {"action": "open"}
    )
    assert response.status_code == 403
    conference.refresh_from_db()
    assert conference.state == "preparing"


def test_the_list_is_shown_in_a_bounded_number_of_queries(
    world: World, django_assert_max_num_queries: object
) -> None:
    make_conference(world)
    client = client_for(world.colleague)
    with django_assert_max_num_queries(12):  # type: ignore[operator]
        assert client.get(reverse("conference:list", args=["co-quan-thu"])).status_code == 200


def test_the_participant_list_costs_the_same_for_more_people(
    world: World, django_assert_max_num_queries: object
) -> None:
    conference = make_conference(world)
    client = client_for(world.clerk)
    with django_assert_max_num_queries(14):  # type: ignore[operator]
        response = client.get(url("participants", conference))
    assert "Nguyễn Thị Hương" in response.content.decode()


def test_the_clerk_creates_a_conference_and_a_colleague_cannot(world: World) -> None:
    data = {"year": 2025, "held_on": "15/01/2025", "kind": "regular"}
    assert (
        client_for(world.colleague)
        .post(reverse("conference:list", args=["co-quan-thu"]), data)
        .status_code
        == 403
    )
    response = client_for(world.clerk).post(reverse("conference:list", args=["co-quan-thu"]), data)
    assert response.status_code == 302
    assert Conference.objects.get(year=2025).held_on.day == 15


def test_bad_dates_get_a_vietnamese_message_and_change_nothing(world: World) -> None:
    response = client_for(world.clerk).post(
        reverse("conference:list", args=["co-quan-thu"]),
        {"year": 2025, "held_on": "32/01/2025", "kind": "regular"},
    )
    assert response.status_code == 200 and "Nhập một ngày hợp lệ" in response.content.decode()
    assert not Conference.objects.exists()


def test_staff_see_only_published_drafts_and_comment_on_them(world: World) -> None:
    conference = make_conference(world)
    draft = services.add_draft(
        conference,
        kind="draft_resolution",
        title="Dự thảo nghị quyết",
        text="Nội dung",
        actor=world.clerk,
    )
    colleague = client_for(world.colleague)
    assert colleague.get(url("draft", conference, draft.pk)).status_code == 404
    assert colleague.post(url("draft-publish", conference, draft.pk)).status_code == 403
    assert (
        client_for(world.clerk).post(url("draft-publish", conference, draft.pk)).status_code == 302
    )
    assert colleague.get(url("draft", conference, draft.pk)).status_code == 200
    colleague.post(url("draft", conference, draft.pk), {"text": "Bổ sung chỉ tiêu"})
    assert conference.comments.get().author == world.person(world.colleague)


def test_an_invitation_is_shown_to_its_owner_and_the_secretary_only(world: World) -> None:
    conference = make_conference(world)
    own = conference.participants.get(person=world.person(world.colleague))
    page = url("invitation", conference, own.pk)
    response = client_for(world.colleague).get(page)
    assert response.status_code == 200 and "<svg" in response.content.decode()
    assert own.code in response.content.decode()
    assert client_for(world.clerk).get(page).status_code == 200
    assert client_for(world.outsider).get(page).status_code == 403


def test_the_public_check_in_page_shows_no_name_to_anonymous_visitors(world: World) -> None:
    conference = make_conference(world)
    own = conference.participants.get(person=world.person(world.colleague))
    page = reverse("conference:checkin-by-code", args=[own.code])
    response = Client().get(page)
    assert response.status_code == 200
    assert "Đỗ Văn Bình" not in response.content.decode()
    Client().post(page)
    own.refresh_from_db()
    assert own.checked_in_at is None


def test_a_participant_checks_in_with_their_own_code_only(world: World) -> None:
    conference = make_conference(world)
    own = conference.participants.get(person=world.person(world.colleague))
    page = reverse("conference:checkin-by-code", args=[own.code])
    assert client_for(world.outsider).post(page).status_code == 403
    client = client_for(world.colleague)
    assert client.get(page).status_code == 200
    own.refresh_from_db()
    assert own.checked_in_at is None  # GET changes nothing
    client.post(page)  # from anywhere, without the hall's code: refused
    own.refresh_from_db()
    assert own.checked_in_at is None
    client.post(page, {"hall_code": hall.hall_code(conference)})
    own.refresh_from_db()
    assert own.checked_in_at is not None and own.checkin_method == "code"


def test_the_secretary_checks_in_by_hand(world: World) -> None:
    conference = make_conference(world)
    other = conference.participants.get(person=world.person(world.outsider))
    assert (
        client_for(world.colleague)
        .post(url("participants", conference), {"participant": other.pk})
        .status_code
        == 403
    )
    client_for(world.clerk).post(url("participants", conference), {"participant": other.pk})
    other.refresh_from_db()
    assert other.checkin_method == "desk"


def test_the_live_state_answers_not_modified_when_nothing_changed(world: World) -> None:
    conference = make_conference(world)
    client = client_for(world.colleague)
    first = client.get(url("live", conference))
    assert first.status_code == 200 and first.json()["convened"] == 9
    assert client.get(url("live", conference), HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    services.check_in(conference.participants.all()[0], method="desk", actor=world.clerk)
    again = client.get(url("live", conference), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200 and again.json()["present"] == 1


def test_only_the_presidium_sees_and_uses_the_reopen_form(world: World) -> None:
    conference = make_conference(world)
    services.open_conference(conference, actor=world.clerk)
    services.close_conference(conference, actor=world.clerk)
    assert "Mở lại" not in client_for(world.clerk).get(url("closing", conference)).content.decode()
    assert (
        client_for(world.clerk)
        .post(url("closing", conference), {"action": "reopen", "reason": "x"})
        .status_code
        == 403
    )
    client_for(world.leader).post(url("closing", conference), {"action": "reopen", "reason": "Sửa"})
    conference.refresh_from_db()
    assert conference.state == "reopened"
