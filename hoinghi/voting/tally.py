"""Counting a poll and asking the law what the counts mean.

``count_*`` read the ballots, the secretary's hand counts or the paper entries and return
plain counts; :func:`decide` builds the facts of the poll's rule and calls it through the
law's registry, so the result carries the rule code, version, citations and reasons.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Any

from hoinghi.law.conference import CandidateVotes, ElectionFacts, MotionTallyFacts, check_ballot
from hoinghi.law.emulation import BallotFacts
from hoinghi.law.options import BallotBase, ConferenceOptions, ElectionTieRule, EmulationOptions
from hoinghi.law.registry import rule_for
from hoinghi.law.results import Reason, Result
from hoinghi.voting.models import Ballot, HandCount, PaperEntry, Poll
from hoinghi.voting.vocabulary import MotionChoice, PollOutcome

# The law's rules a poll may name (``Poll.rule``), by kind of poll.
MOTION_RULE = "conference.adoption"  # quá nửa số người dự Hội nghị tán thành (C5)
COUNCIL_RULE = "emulation.council_ballot"  # Hội đồng TĐKT: tỷ lệ trên tổng số thành viên (E12)
ELECTION_RULE = "conference.election"  # bầu cử tại Hội nghị (B9)
INSPECTION_BOARD_RULE = "inspection_board.election"  # bầu Ban thanh tra nhân dân (B9)
RULES_BY_KIND = {
    "motion": (MOTION_RULE, COUNCIL_RULE),
    "election": (INSPECTION_BOARD_RULE, ELECTION_RULE),
}


def default_rule(kind: str, legal_date: date) -> str:
    """A motion: ``conference.adoption``. An election: the Ban thanh tra nhân dân's rule where
    it is in force on the legal date (the Conference's only election), else the Conference's."""
    if kind != "election":
        return MOTION_RULE
    try:
        rule_for(INSPECTION_BOARD_RULE, legal_date)
    except LookupError:
        return ELECTION_RULE
    return INSPECTION_BOARD_RULE


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
        return {
            "share": f"{self.share.numerator}/{self.share.denominator}",
            "base": self.base.value,
            "tie_rule": self.tie_rule.value,
            "blank_ballot_valid": self.blank_ballot_valid,
        }

    @property
    def conference(self) -> ConferenceOptions:
        return ConferenceOptions(
            ballot_base=self.base,
            election_tie_rule=self.tie_rule,
            blank_ballot_valid=self.blank_ballot_valid,
        )

    @property
    def emulation(self) -> EmulationOptions:
        return EmulationOptions(council_share=self.share)


def ballot_problem(kept: int, *, seats: int, options: PollOptions) -> Reason | None:
    """Why a strike-out ballot leaving ``kept`` names is invalid (the law's check), or None."""
    return check_ballot(kept, seats=seats, options=options.conference)


def empty_counts(poll: Poll, candidate_keys: Iterable[str] | None = None) -> dict[str, Any]:
    """Zero counts of the poll; ``candidate_keys`` (ballot order) spares reading candidates."""
    counts: dict[str, Any] = {
        "electorate": poll.electorate_size,
        "present": poll.present,
        "convened": poll.convened,
        "ballots": 0,
        "valid": 0,
        "invalid": 0,
    }
    if poll.is_election:
        keys = (
            candidate_keys
            if candidate_keys is not None
            else (str(c.pk) for c in poll.candidates.all())
        )
        counts["candidates"] = {key: 0 for key in keys}
    else:
        counts.update({choice.value: 0 for choice in MotionChoice})
    return counts


def count_ballots(poll: Poll) -> dict[str, Any]:
    counts = empty_counts(poll)
    rows = list(Ballot.objects.filter(poll=poll).values_list("choice", "kept", "valid"))
    add_marks(counts, ((choice, kept, valid) for choice, kept, valid in rows))
    counts["ballots"] = len(rows)
    return counts


def count_hands(poll: Poll, hands: HandCount) -> dict[str, Any]:
    counts = empty_counts(poll)
    counts.update(
        {"for": hands.votes_for, "against": hands.votes_against, "abstain": hands.abstentions}
    )
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
    add_marks(counts, marks)
    counts["ballots"] = len(first)
    counts["issued"] = poll.ballots_issued
    counts["returned"] = len(first)
    return counts


def paper_entry_valid(poll: Poll, entry: PaperEntry, options: PollOptions) -> bool:
    if poll.is_election:
        return ballot_problem(len(entry.kept), seats=poll.seats, options=options) is None
    return bool(entry.choice)


def add_marks(counts: dict[str, Any], marks: Iterable[tuple[str, list[Any] | None, bool]]) -> None:
    """Add ballots given as (choice, kept candidate keys, valid) to ``counts``."""
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
    if poll.rule == COUNCIL_RULE:
        council = BallotFacts(
            council_members=poll.convened or poll.electorate_size, votes_in_favour=counts["for"]
        )
        result: Result = version.func(council, on=poll.legal_date, options=options.emulation)
        return result
    facts: object
    if poll.rule in (ELECTION_RULE, INSPECTION_BOARD_RULE):
        names = {str(pk): name for pk, name in poll.candidates.values_list("pk", "name")}
        facts = ElectionFacts(
            poll.seats,
            poll.present,
            tuple(
                CandidateVotes(key, votes, label=names.get(key, ""))
                for key, votes in counts["candidates"].items()
            ),
            valid_ballots=counts["valid"],
        )
    else:
        facts = MotionTallyFacts(
            present=poll.present,
            votes_for=counts["for"],
            votes_against=counts["against"],
            abstentions=counts["abstain"],
        )
    result = version.func(facts, on=poll.legal_date, options=options.conference)
    return result


def outcome_of(result: Result) -> str:
    """The outcome as the engine stores it: a yes/no rule (the council's) reads adopted/rejected."""
    if isinstance(result.outcome, bool):
        return PollOutcome.ADOPTED if result.outcome else PollOutcome.REJECTED
    return str(result.outcome)
