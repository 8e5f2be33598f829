from __future__ import annotations

import pytest

from hoinghi.audit.models import AuditEntry
from hoinghi.voting import selectors, services
from hoinghi.voting.errors import VotingError
from hoinghi.voting.models import Ballot, Elector, Participation, PollState
from hoinghi.voting.tests.factories import election, electorate, motion, vote

pytestmark = pytest.mark.django_db


def test_it_adopts_a_motion_with_more_than_half_of_those_present(world):
    poll = motion(world)
    for user in (world.admin, world.clerk, world.leader, world.head, world.colleague):
        vote(world, poll, user, choice="for")
    vote(world, poll, world.outsider, choice="against")
    result = services.close_poll(poll, by=world.clerk)
    assert result.outcome == "adopted"
    assert result.counts["for"] == 5 and result.counts["against"] == 1
    assert result.rule == "conference.adoption" and result.rule_version == "L10"
    assert "điểm c khoản 2 Điều 51" in result.citations[0]
    assert result.snapshot["values"]["present"] == 9


def test_it_rejects_a_motion_when_half_is_not_more_than_half(world):
    poll = motion(world, present=8)
    for user in (world.admin, world.clerk, world.leader, world.head):
        vote(world, poll, user, choice="for")
    assert services.close_poll(poll, by=world.clerk).outcome == "rejected"


def test_it_returns_the_same_receipt_for_a_retry_with_the_same_key(world):
    poll = motion(world)
    first = vote(world, poll, world.head, choice="for", key="k" * 20)
    again = vote(world, poll, world.head, choice="for", key="k" * 20)
    assert again.code == first.code and again.repeated
    assert selectors.invariant(poll) == (1, 1, 1)


def test_it_refuses_a_second_vote_with_another_key(world):
    poll = motion(world)
    vote(world, poll, world.head, choice="for", key="a" * 20)
    with pytest.raises(VotingError, match="Đã bỏ phiếu") as refused:
        vote(world, poll, world.head, choice="against", key="b" * 20)
    assert refused.value.code == "voting.already_voted"
    assert selectors.invariant(poll) == (1, 1, 1)


def test_it_refuses_a_vote_before_opening(world):
    poll = motion(world, open_it=False)
    with pytest.raises(VotingError) as refused:
        vote(world, poll, world.head, choice="for")
    assert refused.value.code == "voting.not_open"


def test_it_refuses_a_vote_after_close(world):
    poll = motion(world)
    vote(world, poll, world.leader, choice="for")
    services.close_poll(poll, by=world.clerk)
    with pytest.raises(VotingError, match="đã kết thúc"):
        vote(world, poll, world.head, choice="for")
    assert selectors.invariant(poll) == (1, 1, 1)


def test_a_retry_after_close_still_gets_its_receipt(world):
    poll = motion(world)
    first = vote(world, poll, world.leader, choice="for", key="r" * 20)
    services.close_poll(poll, by=world.clerk)
    assert vote(world, poll, world.leader, choice="for", key="r" * 20).code == first.code


def test_it_refuses_a_vote_for_another_person(world):
    poll = motion(world)
    with pytest.raises(VotingError, match="chính mình"):
        services.cast_vote(poll, world.person(world.head), by=world.colleague, choice="for")
    assert Participation.objects.count() == 0


def test_it_refuses_a_voter_outside_the_frozen_electorate(world):
    from hoinghi.testing import make_person

    poll = motion(world)
    late = make_person(world.agency, "MM01", "Mai Văn Muộn", username="muon")
    assert late.user is not None
    with pytest.raises(VotingError) as refused:
        services.cast_vote(poll, late, by=late.user, choice="for")
    assert refused.value.code == "voting.not_elector"
    assert selectors.invariant(poll) == (0, 0, 0)


def test_it_refuses_an_unknown_choice_and_a_candidate_of_another_poll(world):
    poll = motion(world)
    with pytest.raises(VotingError, match="Tán thành"):
        vote(world, poll, world.head, choice="maybe")
    other = election(world)
    foreign = other.candidates.first()
    assert foreign is not None
    mine = election(world, names=("A", "B"))
    with pytest.raises(VotingError, match="không thuộc danh sách"):
        vote(world, mine, world.head, kept=[foreign.pk])
    assert Ballot.objects.count() == 0


def test_it_refuses_an_election_ballot_over_the_number_of_seats(world):
    poll = election(world, seats=2)
    ids = list(poll.candidates.values_list("pk", flat=True))
    with pytest.raises(VotingError, match="nhiều hơn số lượng cần bầu"):
        vote(world, poll, world.head, kept=ids)
    assert selectors.invariant(poll) == (0, 0, 0)


def test_it_elects_the_candidates_with_more_than_half(world):
    poll = election(world, seats=2)
    a, b, c = poll.candidates.order_by("position")
    voters = [world.admin, world.clerk, world.leader, world.head, world.colleague, world.outsider]
    for i, user in enumerate(voters):
        vote(world, poll, user, kept=[a.pk, b.pk] if i < 5 else [c.pk])
    result = services.close_poll(poll, by=world.clerk)
    assert result.outcome == "complete"
    assert sorted(result.snapshot["values"]["elected"]) == sorted([str(a.pk), str(b.pk)])
    # The reasons name the candidates; the outcome keeps their ballot ids.
    text = " ".join(r["text"] for r in result.reasons)
    assert "Ngô Văn Tra trúng cử với 5 phiếu" in text
    assert "Vũ Thị Cúc không trúng cử: 1 phiếu" in text and f"{c.pk} không" not in text
    record = selectors.counting_record(poll)
    assert record is not None and [r.elected for r in record.candidates] == [True, True, False]
    assert record.valid == 6 and record.ballots_returned == 6


def test_it_keeps_no_voter_on_secret_ballots_and_names_the_voter_on_named_ones(world):
    secret = election(world)
    vote(world, secret, world.head, kept=[])
    named = motion(world)
    vote(world, named, world.head, choice="for")
    assert Ballot.objects.get(poll=secret).voter is None
    assert Ballot.objects.get(poll=named).voter == world.person(world.head)


def test_close_rekeys_secret_ballots_and_participations(world):
    poll = election(world)
    vote(world, poll, world.head, kept=[])
    vote(world, poll, world.leader, kept=[])
    before = set(Ballot.objects.values_list("id", flat=True)) | set(
        Participation.objects.values_list("id", flat=True)
    )
    services.close_poll(poll, by=world.clerk)
    after = set(Ballot.objects.values_list("id", flat=True)) | set(
        Participation.objects.values_list("id", flat=True)
    )
    assert not before & after
    assert selectors.invariant(poll) == (2, 2, 2)


def test_close_is_idempotent_and_the_result_is_stable(world):
    poll = motion(world)
    vote(world, poll, world.head, choice="for")
    first = services.close_poll(poll, by=world.clerk)
    second = services.close_poll(poll, by=world.clerk)
    assert first.pk == second.pk and first.digest == second.digest


def test_open_freezes_the_electorate_and_refuses_a_second_open(world):
    poll = motion(world)
    assert Elector.objects.filter(poll=poll).count() == 9
    assert poll.state == PollState.OPEN and len(poll.electorate_digest) == 64
    with pytest.raises(VotingError, match="đã được mở"):
        services.open_poll(poll, electors=electorate(world), present=9, convened=10, by=world.clerk)
    assert Elector.objects.filter(poll=poll).count() == 9


def test_open_refuses_a_person_of_another_agency(world):
    poll = motion(world, open_it=False)
    with pytest.raises(VotingError, match="Phan Văn Lạ"):
        services.open_poll(
            poll, electors=[world.person(world.stranger)], present=1, convened=1, by=world.clerk
        )
    assert Elector.objects.filter(poll=poll).count() == 0


def test_every_change_writes_one_audit_entry(world):
    poll = motion(world)
    vote(world, poll, world.head, choice="for")
    services.close_poll(poll, by=world.clerk)
    actions = list(
        AuditEntry.objects.filter(target_id=str(poll.pk)).values_list("action", flat=True)
    )
    assert sorted(actions) == ["voting.close", "voting.create", "voting.open", "voting.vote"]


def test_the_council_rule_counts_a_share_of_all_members(world):
    poll = motion(
        world, secrecy="secret", rule="emulation.council_ballot", options={"share": "9/10"}
    )
    for user in (
        world.admin,
        world.clerk,
        world.leader,
        world.head,
        world.colleague,
        world.outsider,
        world.union_chair,
        world.council,
    ):
        vote(world, poll, user, choice="for")
    result = services.close_poll(poll, by=world.clerk)
    # 8 of 10 members (convened): 9 needed.
    assert result.outcome == "rejected" and result.snapshot["values"]["needed"] == 9
