"""Counting a poll and asking the law what the counts mean.

``count_*`` read the ballots, the secretary's hand counts or the paper entries and return
plain counts; :func:`decide` builds the facts of the poll's rule and calls it through the
law's registry, so the result carries the rule code, version, citations and reasons.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from hoinghi.law.options import BallotBase, ElectionTieRule
from hoinghi.law.registry import rule_for
from hoinghi.law.results import Result
from hoinghi.law.voting import (
    COUNCIL_RULE,
    ELECTION_RULE,
    MOTION_RULE,
    BallotRules,
    CouncilTallyFacts,
    ElectionTallyFacts,
    MotionChoice,
    MotionTallyFacts,
    check_ballot,
)
from hoinghi.voting.models import Ballot, HandCount, PaperEntry, Poll

RULES_BY_KIND = {"motion": (MOTION_RULE, COUNCIL_RULE), "election": (ELECTION_RULE,)}


@dataclass(frozen=True)
class PollOptions:
    """The poll's options as the agency's regulation sets them (stored in ``Poll.options``)."""

    share: Fraction = Fraction(9, 10)  # council: share of all members
    base: BallotBase = BallotBase.PRESENT  # election: denominator of "more than half"
    tie_rule: ElectionTieRule = ElectionTieRule.TOP_K_REVOTE_ON_TIE
    blank_ballot_valid: bool = True

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PollOptions:
        return cls(
            share=Fraction(str(data.get("share", "9/10"))),
            base=BallotBase(data.get("base", BallotBase.PRESENT)),
            tie_rule=ElectionTieRule(data.get("tie_rule", ElectionTieRule.TOP_K_REVOTE_ON_TIE)),
            blank_ballot_valid=bool(data.get("blank_ballot_valid", True)),
        )

    def to_json(self) -> dict[str, Any]:
        return {"share": f"{self.share.numerator}/{self.share.denominator}",
                "base": self.base.value, "tie_rule": self.tie_rule.value,
                "blank_ballot_valid": self.blank_ballot_valid}

    @property
    def ballot_rules(self) -> BallotRules:
        return BallotRules(blank_ballot_valid=self.blank_ballot_valid)


def empty_counts(poll: Poll) -> dict[str, Any]:
    counts: dict[str, Any] = {
        "electorate": poll.electorate_size, "present": poll.present, "convened": poll.convened,
        "ballots": 0, "valid": 0, "invalid": 0,
    }
    if poll.is_election:
        counts["candidates"] = {str(c.pk): 0 for c in poll.candidates.all()}
    else:
        counts.update({choice.value: 0 for choice in MotionChoice})
    return counts


def count_ballots(poll: Poll) -> dict[str, Any]:
    counts = empty_counts(poll)
    rows = list(Ballot.objects.filter(poll=poll).values_list("choice", "kept", "valid"))
    _add(counts, ((choice, kept, valid) for choice, kept, valid in rows))
    counts["ballots"] = len(rows)
    return counts


def count_hands(poll: Poll, hands: HandCount) -> dict[str, Any]:
    counts = empty_counts(poll)
    counts.update({"for": hands.votes_for, "against": hands.votes_against,
                   "abstain": hands.abstentions})
    counts["valid"] = counts["ballots"] = hands.votes_for + hands.votes_against + hands.abstentions
    return counts


def count_paper(poll: Poll, entries: list[PaperEntry]) -> dict[str, Any]:
    """Counts from agreed paper entries (the caller has checked both rounds agree)."""
    options = PollOptions.from_json(poll.options)
    counts = empty_counts(poll)
    first = [e for e in entries if e.round == 1]
    marks = []
    for entry in first:
        valid = not entry.spoiled and paper_entry_valid(poll, entry, options)
        marks.append((entry.choice, entry.kept, valid))
    _add(counts, marks)
    counts["ballots"] = len(first)
    counts["issued"] = poll.ballots_issued
    counts["returned"] = len(first)
    return counts


def paper_entry_valid(poll: Poll, entry: PaperEntry, options: PollOptions) -> bool:
    if poll.is_election:
        return check_ballot(len(entry.kept), seats=poll.seats, rules=options.ballot_rules) is None
    return bool(entry.choice)


def _add(counts: dict[str, Any], marks: Any) -> None:
    tally: Counter[str] = Counter()
    for choice, kept, valid in marks:
        if not valid:
            counts["invalid"] += 1
            continue
        counts["valid"] += 1
        if kept is not None and "candidates" in counts:
            tally.update(str(k) for k in kept)
        elif choice:
            counts[choice] += 1
    if "candidates" in counts:
        for key, votes in tally.items():
            if key in counts["candidates"]:
                counts["candidates"][key] = votes


def decide(poll: Poll, counts: dict[str, Any]) -> Result:
    """Call the poll's rule, in force on the poll's legal date, with facts from the counts."""
    version = rule_for(poll.rule, poll.legal_date)
    options = PollOptions.from_json(poll.options)
    facts: object
    if poll.rule == ELECTION_RULE:
        facts = ElectionTallyFacts(seats=poll.seats, present=poll.present,
                                   valid_ballots=counts["valid"], votes=counts["candidates"],
                                   base=options.base, tie_rule=options.tie_rule)
    elif poll.rule == COUNCIL_RULE:
        facts = CouncilTallyFacts(members=poll.convened or poll.electorate_size,
                                  votes_for=counts["for"], share=options.share)
    else:
        facts = MotionTallyFacts(present=poll.present, votes_for=counts["for"],
                                 votes_against=counts["against"], abstentions=counts["abstain"])
    result: Result = version.func(facts, on=poll.legal_date)
    return result
