"""The Ban thanh tra nhân dân elected by secret electronic ballot through the vote engine."""

from __future__ import annotations

import pytest

from hoinghi.conference import selectors, services
from hoinghi.conference.models import Conference, Election
from hoinghi.conference.services import ConferenceError
from hoinghi.conference.tests.helpers import make_conference, open_and_check_in_all
from hoinghi.org.models import Person
from hoinghi.testing import World
from hoinghi.voting import selectors as voting_selectors
from hoinghi.voting import services as voting
from hoinghi.voting.errors import VotingError
from hoinghi.voting.models import Ballot, Poll

pytestmark = pytest.mark.django_db


def candidates_of(world: World) -> list[Person]:
    return [
        world.person(u) for u in (world.colleague, world.outsider, world.inspector, world.council)
    ]


def elect(world: World, **kwargs: object) -> tuple[Conference, Election]:
    conference = make_conference(world)
    election = services.set_up_election(
        conference,
        seats=3,
        candidates=candidates_of(world),
        actor=world.clerk,
        **kwargs,  # type: ignore[arg-type]
    )
    open_and_check_in_all(world, conference)
    return conference, election


def ballot_ids(poll: Poll, people: list[Person]) -> list[int]:
    """The poll's candidate ids of the people a voter keeps (the others are struck out)."""
    return [c.pk for c in poll.candidates.all() if c.person_id in {p.pk for p in people}]


def vote_all(conference: Conference, poll: Poll, keeps: list[list[Person]]) -> None:
    voters = [p.person for p in conference.participants.select_related("person__user")]
    for voter, kept in zip(voters, keeps, strict=False):
        assert voter.user is not None
        voting.cast_vote(poll, voter, kept=ballot_ids(poll, kept), by=voter.user)


def test_the_board_is_elected_by_more_than_half_of_those_present_in_secret(world: World) -> None:
    conference, election = elect(world)
    poll = services.open_election_poll(election, actor=world.clerk)
    assert (poll.kind, poll.secrecy, poll.method, poll.seats) == (
        "election",
        "secret",
        "electronic",
        3,
    )
    assert poll.electorate_size == 9 and poll.subject_kind == "conference.election"
    a, b, c, d = candidates_of(world)
    # 9 present: 5 votes elect. a gets 9, b 7, c 5, d 4.
    keeps = [[a, b, c]] * 4 + [[a, b, d]] * 3 + [[a, c, d]] + [[a]]
    vote_all(conference, poll, keeps)
    record = selectors.election_record(election)
    assert [r.votes for r in record.candidates] == [None] * 4  # nothing before the close
    assert voting_selectors.poll_result(poll) is None and record.counting == []
    assert "candidates" not in voting_selectors.live_state(poll)
    assert not Ballot.objects.filter(poll=poll, voter__isnull=False).exists()  # secret

    election = services.close_election_poll(election, actor=world.clerk)
    assert election.outcome == "complete" and election.present == 9
    record = selectors.election_record(election)
    assert set(record.elected) == {a.full_name, b.full_name, c.full_name}
    assert {r.name: r.votes for r in record.candidates}[d.full_name] == 4
    assert election.result_decision["rule"] == "inspection_board.election"
    assert any("Điều 60" in c for c in election.result_decision["citations"])
    assert "ít nhất 5 phiếu" in election.result_decision["explanation"]
    [counting] = record.counting
    assert counting.valid == 9 and counting.present == 9


def test_a_ballot_keeping_more_names_than_seats_is_refused(world: World) -> None:
    conference, election = elect(world)
    poll = services.open_election_poll(election, actor=world.clerk)
    voter = world.person(world.colleague)
    with pytest.raises(VotingError):
        voting.cast_vote(
            poll, voter, kept=ballot_ids(poll, candidates_of(world)), by=world.colleague
        )
    assert Poll.objects.get(pk=poll.pk).ballots_cast == 0


def test_a_tie_at_the_last_seat_asks_for_a_new_round_among_the_tied(world: World) -> None:
    conference, election = elect(world)
    poll = services.open_election_poll(election, actor=world.clerk)
    a, b, c, d = candidates_of(world)
    vote_all(conference, poll, [[a, b, c]] * 3 + [[a, b, d]] * 3 + [[a, c, d]] * 3)
    election = services.close_election_poll(election, actor=world.clerk)  # a 9; b, c, d 6 each
    assert election.outcome == "revote_needed"
    assert "phải bầu lại" in election.result_decision["explanation"]
    tied = set(election.candidates.filter(tied=True).values_list("person_id", flat=True))
    assert tied == {b.pk, c.pk, d.pk}
    assert selectors.election_record(election).elected == [a.full_name]

    second = services.open_election_poll(election, actor=world.clerk)
    assert second.seats == 2 and second.candidates.count() == 3
    vote_all(conference, second, [[b, c]] * 5 + [[b, d]] * 2 + [[c]] * 2)
    election = services.close_election_poll(election, actor=world.clerk)
    assert election.outcome == "complete" and election.round == 2
    record = selectors.election_record(election)
    assert set(record.elected) == {a.full_name, b.full_name, c.full_name}
    assert len(record.counting) == 2


def test_a_seat_nobody_wins_goes_to_a_further_round_among_those_not_elected(
    world: World,
) -> None:
    conference, election = elect(world)
    poll = services.open_election_poll(election, actor=world.clerk)
    a, b, c, d = candidates_of(world)
    vote_all(conference, poll, [[a, b, c]] * 4 + [[a, b, d]] * 4 + [[a, b]])
    election = services.close_election_poll(election, actor=world.clerk)
    assert election.outcome == "seats_unfilled" and services.further_round_allowed(election)
    with pytest.raises(ConferenceError, match="bầu Ban thanh tra nhân dân chưa xong"):
        services.close_conference(conference, actor=world.clerk)

    second = services.open_election_poll(election, actor=world.clerk)
    assert second.seats == 1 and "vòng 2" in second.title
    assert {c.person_id for c in second.candidates.all()} == {c.pk, d.pk}
    vote_all(conference, second, [[c]] * 6 + [[d]] * 3)
    election = services.close_election_poll(election, actor=world.clerk)
    assert election.outcome == "complete" and election.round == 2
    record = selectors.election_record(election)
    assert set(record.elected) == {a.full_name, b.full_name, c.full_name}
    assert len(record.counting) == 2
    assert [(r["round"], r["seats"], r["outcome"]) for r in election.round_history] == [
        (1, 3, "seats_unfilled"),
        (2, 1, "complete"),
    ]
    assert {r["name"]: r["votes"] for r in election.round_history[1]["candidates"]} == {
        c.full_name: 6,
        d.full_name: 3,
    }
    services.close_conference(conference, actor=world.clerk)


def two_rounds_one_seat_empty(world: World) -> tuple[Conference, Election]:
    """Three seats, at most two rounds: A and B elected in the first (9 votes), C and D tie at
    4 in the second, one seat left empty."""
    conference, election = elect(world, max_rounds=2)
    a, b, c, d = candidates_of(world)
    poll = services.open_election_poll(election, actor=world.clerk)
    vote_all(conference, poll, [[a, b, c]] * 4 + [[a, b, d]] * 4 + [[a, b]])
    election = services.close_election_poll(election, actor=world.clerk)
    second = services.open_election_poll(election, actor=world.clerk)
    vote_all(conference, second, [[c]] * 4 + [[d]] * 4 + [[]])
    return conference, services.close_election_poll(election, actor=world.clerk)


def test_rounds_stop_at_the_regulation_s_limit_and_closing_needs_the_presidium_s_decision(
    world: World,
) -> None:
    conference, election = two_rounds_one_seat_empty(world)
    assert election.outcome == "seats_unfilled" and not services.further_round_allowed(election)
    with pytest.raises(ConferenceError, match="tối đa 2 vòng"):
        services.open_election_poll(election, actor=world.clerk)
    with pytest.raises(ConferenceError, match="chưa xong"):
        services.close_conference(conference, actor=world.clerk)
    with pytest.raises(ConferenceError):  # an empty decision is no decision
        services.record_unfinished_decision(election, text="  ", actor=world.clerk)
    services.record_unfinished_decision(
        election,
        text="Bầu bổ sung 01 thành viên tại Hội nghị gần nhất.",
        actor=world.clerk,
    )
    assert services.finished(election) and len(election.round_history) == 2
    record = selectors.election_record(election)  # what the minutes read: both rounds, the why
    assert [r["round"] for r in record.rounds] == [1, 2]
    assert record.unfinished_decision.startswith("Bầu bổ sung 01 thành viên")
    services.close_conference(conference, actor=world.clerk)


def test_the_election_cannot_be_opened_twice_or_changed_once_open(world: World) -> None:
    conference, election = elect(world)
    services.open_election_poll(election, actor=world.clerk)
    with pytest.raises(ConferenceError) as err:
        services.open_election_poll(election, actor=world.clerk)
    assert err.value.code == "conference.election.already_open"
    with pytest.raises(ConferenceError) as err:
        services.set_up_election(
            conference, seats=3, candidates=candidates_of(world), actor=world.clerk
        )
    assert err.value.code == "conference.election.started"


def test_deputies_are_checked_against_the_board_size(world: World) -> None:
    conference = make_conference(world)
    with pytest.raises(ConferenceError) as err:
        services.set_up_election(
            conference, seats=3, deputies=3, candidates=candidates_of(world), actor=world.clerk
        )
    assert err.value.field == "deputies"
    election = services.set_up_election(
        conference, seats=3, deputies=1, candidates=candidates_of(world), actor=world.clerk
    )
    assert election.deputies_decision["rule"] == "inspection_board.deputies"


def test_the_electorate_is_frozen_as_those_present_at_opening(world: World) -> None:
    conference = make_conference(world)
    election = services.set_up_election(
        conference, seats=3, candidates=candidates_of(world), actor=world.clerk
    )
    services.open_conference(conference, actor=world.clerk)
    for participant in conference.participants.all()[:6]:
        services.check_in(participant, method="desk", actor=world.clerk)
    poll = services.open_election_poll(election, actor=world.clerk)
    assert (poll.electorate_size, poll.present, poll.convened) == (6, 6, 9)
    late = (
        conference.participants.filter(checked_in_at__isnull=True)
        .select_related("person__user")
        .first()
    )
    assert late is not None and late.person.user is not None
    services.check_in(late, method="desk", actor=world.clerk)
    with pytest.raises(VotingError):
        voting.cast_vote(poll, late.person, kept=[], by=late.person.user)
