"""Tallies of motions, elections and council ballots (DOMAIN.md §1.5, §2.8; rules C5, B9, E12)."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from hoinghi.law.options import BallotBase, ElectionTieRule
from hoinghi.law.parameters import InvalidFacts
from hoinghi.law.registry import rule_for
from hoinghi.law.voting import (
    CouncilTallyFacts,
    ElectionOutcome,
    ElectionTallyFacts,
    MotionOutcome,
    MotionTallyFacts,
    check_ballot,
    decide_council,
    decide_election,
    decide_motion,
)

ON = date(2026, 1, 15)


@pytest.mark.parametrize(("present", "votes_for", "outcome"), [
    pytest.param(9, 5, MotionOutcome.ADOPTED, id="5 of 9 present is more than half"),
    pytest.param(8, 4, MotionOutcome.REJECTED, id="4 of 8 present is exactly half: rejected"),
    pytest.param(100, 51, MotionOutcome.ADOPTED, id="51 of 100 present"),
    pytest.param(1, 0, MotionOutcome.REJECTED, id="nobody in favour"),
])
def test_a_motion_needs_more_than_half_of_those_present(present, votes_for, outcome):
    result = decide_motion(MotionTallyFacts(present, votes_for), on=ON)
    assert result.outcome is outcome
    assert "điểm c khoản 2 Điều 51" in result.reasons[0].text


def test_a_motion_before_july_2023_cites_the_old_regime():
    version = rule_for("voting.motion", date(2022, 12, 20))
    result = version.func(MotionTallyFacts(10, 6), on=date(2022, 12, 20))
    assert result.rule_version == "D04" and "01/2016/TT-BNV" in result.explanation


def test_more_ballots_than_people_present_are_refused():
    with pytest.raises(InvalidFacts):
        decide_motion(MotionTallyFacts(3, 2, 2), on=ON)


@pytest.mark.parametrize(("votes", "outcome", "elected"), [
    pytest.param({"a": 8, "b": 6, "c": 3}, ElectionOutcome.COMPLETE, ["a", "b"],
                 id="two pass for two seats"),
    pytest.param({"a": 8, "b": 5, "c": 3}, ElectionOutcome.SEATS_UNFILLED, ["a"],
                 id="5 of 10 is not more than half: a seat stays empty"),
    pytest.param({"a": 8, "b": 7, "c": 7}, ElectionOutcome.REVOTE, ["a"],
                 id="a tie for the last seat goes to a new round"),
    pytest.param({"a": 9, "b": 8, "c": 7}, ElectionOutcome.COMPLETE, ["a", "b"],
                 id="three pass, the two with most votes are elected"),
])
def test_an_election_fills_seats_with_more_than_half(votes, outcome, elected):
    result = decide_election(ElectionTallyFacts(2, 10, 10, votes), on=ON)
    assert result.outcome is outcome and result.values["elected"] == elected


def test_oversubscription_can_mean_a_whole_new_vote_by_the_agency_rule():
    facts = ElectionTallyFacts(2, 10, 10, {"a": 9, "b": 8, "c": 7},
                               tie_rule=ElectionTieRule.REVOTE_IF_OVERSUBSCRIBED)
    result = decide_election(facts, on=ON)
    assert result.outcome is ElectionOutcome.REVOTE and result.values["elected"] == []


def test_the_base_can_be_the_valid_ballots_by_the_agency_rule():
    facts = ElectionTallyFacts(1, 10, 8, {"a": 5}, base=BallotBase.VALID_BALLOTS)
    assert decide_election(facts, on=ON).values["elected"] == ["a"]
    assert decide_election(ElectionTallyFacts(1, 10, 8, {"a": 5}), on=ON).values["elected"] == []


@pytest.mark.parametrize(("kept", "seats", "blank_valid", "valid"), [
    pytest.param(3, 2, True, False, id="three names left for two seats: invalid"),
    pytest.param(2, 2, True, True, id="as many names as seats"),
    pytest.param(0, 2, True, True, id="every name struck, valid by default"),
    pytest.param(0, 2, False, False, id="every name struck, invalid by the agency rule"),
])
def test_ballot_validity(kept, seats, blank_valid, valid):
    from hoinghi.law.voting import BallotRules

    assert (check_ballot(kept, seats=seats, rules=BallotRules(blank_valid)) is None) is valid


@pytest.mark.parametrize(("members", "votes_for", "outcome"), [
    pytest.param(10, 9, MotionOutcome.ADOPTED, id="9 of 10 members reach 90 %"),
    pytest.param(7, 6, MotionOutcome.REJECTED, id="6 of 7 members: 7 needed"),
])
def test_a_council_ballot_counts_a_share_of_all_members(members, votes_for, outcome):
    result = decide_council(CouncilTallyFacts(members, votes_for, Fraction(9, 10)), on=ON)
    assert result.outcome is outcome
