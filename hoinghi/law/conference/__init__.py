"""The annual Conference and the Ban thanh tra nhân dân: rules C1–C12 and B1–B9 of docs/domain/rules.md §7.

Importing this package registers every rule. The apps call:

- :func:`tally_motion` and :func:`tally_election` (the vote engine, with counts), and
  :func:`check_ballot` (is one strike-out ballot valid);
- :func:`required_quorum` and :func:`votes_needed` (numbers for the check-in screen);
- :func:`agenda_template` (the order of business of L10 Art 51.4, to prefill an agenda);
- :func:`decide` for any other rule by code.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from hoinghi.law.conference import agenda, inspection_board, meeting, publicity, tally
from hoinghi.law.conference._common import DeadlineStatus
from hoinghi.law.conference.agenda import (
    AgendaFacts,
    AgendaItem,
    AgendaTemplateItem,
    PledgeFacts,
    PledgeSigner,
    agenda_template,
)
from hoinghi.law.conference.inspection_board import (
    BoardCandidateFacts,
    BoardPosition,
    BoardRequiredFacts,
    BoardSizeFacts,
    BoardStructureFacts,
    BoardTermFacts,
    InspectionNoticeFacts,
    RecognitionFacts,
    RecommendationFacts,
)
from hoinghi.law.conference.meeting import (
    AttendanceForm,
    AttendanceFormFacts,
    ConferenceDateFacts,
    ConferenceRequirement,
    ExtraordinaryRequestFacts,
    QuorumFacts,
    StaffFacts,
    WrittenBallotFacts,
    required_quorum,
)
from hoinghi.law.conference.publicity import (
    FollowupFacts,
    PostingChannel,
    PostingFacts,
    PublicationFacts,
)
from hoinghi.law.conference.tally import (
    CandidateVotes,
    ElectionFacts,
    ElectionOutcome,
    MotionOutcome,
    MotionTallyFacts,
    check_ballot,
    votes_needed,
)
from hoinghi.law.options import ConferenceOptions
from hoinghi.law.registry import rule_for
from hoinghi.law.results import Result


def decide(code: str, facts: Any, *, on: date, options: ConferenceOptions | None = None) -> Result:
    """Answer rule ``code`` with the version in force on ``on``."""
    result: Result = rule_for(code, on).func(facts, on=on, options=options)
    return result


def tally_motion(
    facts: MotionTallyFacts, *, on: date, options: ConferenceOptions | None = None
) -> Result:
    """Motion at the Conference (C5): adopted iff more than half of those present approve."""
    return decide("conference.adoption", facts, on=on, options=options)


def tally_election(
    facts: ElectionFacts,
    *,
    on: date,
    options: ConferenceOptions | None = None,
    inspection_board: bool = False,
) -> Result:
    """Multi-seat election at the Conference (B9 for the Ban thanh tra nhân dân)."""
    code = "inspection_board.election" if inspection_board else "conference.election"
    return decide(code, facts, on=on, options=options)


__all__ = [
    "AgendaFacts",
    "AgendaItem",
    "AgendaTemplateItem",
    "AttendanceForm",
    "AttendanceFormFacts",
    "BoardCandidateFacts",
    "BoardPosition",
    "BoardRequiredFacts",
    "BoardSizeFacts",
    "BoardStructureFacts",
    "BoardTermFacts",
    "CandidateVotes",
    "ConferenceDateFacts",
    "ConferenceRequirement",
    "DeadlineStatus",
    "ElectionFacts",
    "ElectionOutcome",
    "ExtraordinaryRequestFacts",
    "FollowupFacts",
    "InspectionNoticeFacts",
    "MotionOutcome",
    "MotionTallyFacts",
    "PledgeFacts",
    "PledgeSigner",
    "PostingChannel",
    "PostingFacts",
    "PublicationFacts",
    "QuorumFacts",
    "RecognitionFacts",
    "RecommendationFacts",
    "StaffFacts",
    "WrittenBallotFacts",
    "agenda",
    "agenda_template",
    "check_ballot",
    "decide",
    "inspection_board",
    "meeting",
    "publicity",
    "required_quorum",
    "tally",
    "tally_election",
    "tally_motion",
    "votes_needed",
]
