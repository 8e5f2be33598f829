"""The election page: set-up by those who prepare, open and close by the presidium and secretaries,
a present participant's secret strike-out ballot, results only after the close."""

from __future__ import annotations

import pytest

from hoinghi.conference import services
from hoinghi.conference.models import Conference, Election
from hoinghi.conference.tests.helpers import make_conference, open_and_check_in_all
from hoinghi.conference.tests.test_views import client_for, url
from hoinghi.testing import World
from hoinghi.voting.models import Ballot

pytestmark = pytest.mark.django_db


def staff_ids(world: World) -> list[int]:
    return [
        world.person(u).pk
        for u in (world.colleague, world.outsider, world.inspector, world.council)
    ]


def set_up(world: World) -> Conference:
    conference = make_conference(world)
    response = client_for(world.clerk).post(
        url("election", conference), {"seats": 3, "deputies": 1, "candidates": staff_ids(world)}
    )
    assert response.status_code == 302
    return conference


def test_the_clerk_sets_up_the_election_and_a_colleague_cannot(world: World) -> None:
    conference = make_conference(world)
    data = {"seats": 3, "deputies": 0, "candidates": staff_ids(world)}
    assert client_for(world.colleague).post(url("election", conference), data).status_code == 403
    assert not Election.objects.exists()
    client_for(world.clerk).post(url("election", conference), data)
    assert Election.objects.get().candidates.count() == 4


def test_an_ineligible_candidate_is_named_and_nothing_is_saved(world: World) -> None:
    conference = make_conference(world)
    response = client_for(world.clerk).post(
        url("election", conference),
        {
            "seats": 3,
            "deputies": 0,
            "candidates": [*staff_ids(world)[:2], world.person(world.leader).pk],
        },
    )
    page = response.content.decode()
    assert response.status_code == 200 and "Trần Văn Lãnh" in page and "người đứng đầu" in page
    assert not Election.objects.exists()


def test_only_the_presidium_and_secretaries_open_and_close(world: World) -> None:
    conference = set_up(world)
    open_and_check_in_all(world, conference)
    action = url("election-action", conference)
    assert client_for(world.colleague).post(action, {"action": "open"}).status_code == 403
    assert client_for(world.admin).post(action, {"action": "open"}).status_code == 403
    assert client_for(world.stranger).post(action, {"action": "open"}).status_code == 404
    assert client_for(world.clerk).post(action, {"action": "nope"}).status_code == 404
    client_for(world.clerk).post(action, {"action": "open"})
    poll = Election.objects.get().poll
    assert poll is not None and poll.state == "open"


def test_a_secret_ballot_from_the_phone_and_the_result_only_after_the_close(world: World) -> None:
    conference = set_up(world)
    open_and_check_in_all(world, conference)
    client_for(world.clerk).post(url("election-action", conference), {"action": "open"})
    poll = Election.objects.get().poll
    assert poll is not None
    ids = list(poll.candidates.order_by("position").values_list("pk", flat=True))
    voters = [world.colleague, world.outsider, world.inspector, world.council, world.head]
    for user in voters:
        client = client_for(user)
        page = client.get(url("election", conference)).content.decode()
        assert "Gửi phiếu bầu" in page
        client.post(url("election-vote", conference), {"kept": ids[:3]})
        assert "Đồng chí đã bỏ phiếu" in client.get(url("election", conference)).content.decode()
    over = client_for(world.leader).post(
        url("election-vote", conference), {"kept": ids}, follow=True
    )
    assert "tối đa" in over.content.decode() or "quá" in over.content.decode()
    assert (
        client_for(world.stranger)
        .post(url("election-vote", conference), {"kept": ids[:1]})
        .status_code
        == 404
    )
    page = client_for(world.colleague).get(url("election", conference)).content.decode()
    assert "5/9" in page and "Trúng cử" not in page and "phiếu hợp lệ" not in page
    assert not Ballot.objects.filter(poll=poll, voter__isnull=False).exists()
    client_for(world.clerk).post(url("election-action", conference), {"action": "close"})
    election = Election.objects.get()
    assert election.outcome == "complete"
    page = client_for(world.colleague).get(url("election", conference)).content.decode()
    assert page.count('<span class="ok">Trúng cử</span>') == 3 and "Biên bản kiểm phiếu" in page


def test_the_election_page_costs_a_bounded_number_of_queries(
    world: World, django_assert_max_num_queries: object
) -> None:
    conference = set_up(world)
    open_and_check_in_all(world, conference)
    services.open_election_poll(Election.objects.get(), actor=world.clerk)
    client = client_for(world.colleague)
    with django_assert_max_num_queries(30):  # type: ignore[operator]
        assert client.get(url("election", conference)).status_code == 200
