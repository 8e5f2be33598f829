"""Reads of the vote engine that views and other apps need. Each owns its joins.

Secret polls: while open, nothing here returns more than "ballots cast out of the
electorate"; results, receipts and the counting record exist only after the close.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import QuerySet

from hoinghi.org.models import Person
from hoinghi.voting import receipts as receipt_codes
from hoinghi.voting import recount
from hoinghi.voting.models import (
    Ballot,
    Candidate,
    Elector,
    PaperEntry,
    Participation,
    Poll,
    PollResult,
    PollState,
)
from hoinghi.voting.vocabulary import MOTION_CHOICE_LABELS, MotionChoice

OUTCOME_LABELS = {
    "adopted": "Được thông qua",
    "rejected": "Không được thông qua",
    "complete": "Đã bầu đủ số lượng",
    "seats_unfilled": "Chưa bầu đủ số lượng",
    "revote_needed": "Phải bầu lại",
}


def polls_for_subject(subject_kind: str, subject_id: str) -> QuerySet[Poll]:
    return (
        Poll.objects.filter(subject_kind=subject_kind, subject_id=str(subject_id))
        .select_related("agency")
        .order_by("created_at", "pk")
    )


def polls_for_person(person: Person) -> QuerySet[Poll]:
    """Polls whose frozen electorate includes the person, newest first."""
    return (
        Poll.objects.filter(electors__person=person)
        .select_related("agency")
        .order_by("-created_at")
    )


def has_voted(poll: Poll, person: Person) -> bool:
    return Participation.objects.filter(poll=poll, person=person).exists()


def is_elector(poll: Poll, person: Person | None) -> bool:
    return person is not None and Elector.objects.filter(poll=poll, person=person).exists()


def candidates(poll: Poll) -> list[Candidate]:
    """The ballot in order; read once per poll instance (a vote's form and check share it)."""
    cached: list[Candidate] | None = getattr(poll, "_ballot_candidates", None)
    if cached is None:
        cached = list(Candidate.objects.filter(poll=poll).order_by("position"))
        poll._ballot_candidates = cached  # type: ignore[attr-defined]
    return cached


def live_state(poll: Poll) -> dict[str, Any]:
    """What any screen may show live: state and turnout, and the outcome once closed."""
    state: dict[str, Any] = {
        "poll": poll.pk,
        "state": poll.state,
        "state_label": poll.get_state_display(),
        "ballots_cast": poll.ballots_cast,
        "electorate": poll.electorate_size,
        "present": poll.present,
        "turnout": f"{poll.ballots_cast}/{poll.electorate_size}",
    }
    if poll.state == PollState.CLOSED:
        result = PollResult.objects.filter(poll=poll).values_list("outcome", flat=True).first()
        state["outcome"] = result
        state["outcome_label"] = OUTCOME_LABELS.get(result or "", result)
    return state


def poll_result(poll: Poll) -> PollResult | None:
    """The stored decision, only after the close."""
    if poll.state != PollState.CLOSED:
        return None
    return PollResult.objects.filter(poll=poll).first()


def recount_export(poll: Poll) -> dict[str, Any] | None:
    """The recount export of a closed poll (see :mod:`hoinghi.voting.recount`); None before.

    Rebuilt from the stored ballots: its digest equals the one published at the close
    (``PollResult.export_digest``) unless the tables have been changed since.
    """
    result = poll_result(poll)
    if result is None:
        return None
    return recount.build_export(poll, result.counts, result.outcome)


@dataclass(frozen=True)
class ReceiptRow:
    code: str
    choice: str = ""  # named polls: what was voted
    voter: str = ""  # named polls whose agency publishes names


def receipts(poll: Poll) -> list[ReceiptRow]:
    """The published receipt list after the close, sorted by code.

    Secret polls: codes only. Named polls: codes with the choice, and names where the poll
    publishes them.
    """
    if poll.state != PollState.CLOSED:
        return []
    if poll.is_secret:
        codes = (
            Ballot.objects.filter(poll=poll).order_by("receipt").values_list("receipt", flat=True)
        )
        return [ReceiptRow(receipt_codes.display(c)) for c in codes]
    names = {c.pk: c.name for c in candidates(poll)} if poll.is_election else {}
    rows = Ballot.objects.filter(poll=poll).select_related("voter").order_by("receipt")
    return [
        ReceiptRow(
            receipt_codes.display(b.receipt),
            _choice_text(b, names),
            b.voter.full_name if poll.publish_names and b.voter else "",
        )
        for b in rows
    ]


def _choice_text(ballot: Ballot, names: dict[int, str]) -> str:
    if ballot.choice:
        return MOTION_CHOICE_LABELS[MotionChoice(ballot.choice)]
    return ", ".join(names.get(int(k), "?") for k in ballot.kept) or "(gạch hết tên)"


@dataclass(frozen=True)
class Difference:
    sheet: int
    first: str  # what round 1 typed ("" = not typed yet)
    second: str


def paper_differences(poll: Poll) -> list[Difference]:
    """Sheets whose two entries differ or where one round is missing."""
    names = {c.pk: c.name for c in candidates(poll)} if poll.is_election else {}
    by_sheet: dict[int, dict[int, PaperEntry]] = {}
    for entry in PaperEntry.objects.filter(poll=poll).order_by("sheet", "round"):
        by_sheet.setdefault(entry.sheet, {})[entry.round] = entry
    out = []
    for sheet, rounds in sorted(by_sheet.items()):
        first, second = rounds.get(1), rounds.get(2)
        if first is None or second is None or _entry_key(first) != _entry_key(second):
            out.append(Difference(sheet, _entry_text(first, names), _entry_text(second, names)))
    return out


def _entry_key(entry: PaperEntry) -> tuple[str, tuple[int, ...], bool]:
    return entry.choice, tuple(sorted(int(k) for k in entry.kept)), entry.spoiled


def _entry_text(entry: PaperEntry | None, names: dict[int, str]) -> str:
    if entry is None:
        return ""
    if entry.spoiled:
        return "Phiếu không hợp lệ"
    if entry.choice:
        return MOTION_CHOICE_LABELS[MotionChoice(entry.choice)]
    return ", ".join(names.get(int(k), "?") for k in entry.kept) or "(gạch hết tên)"


def paper_progress(poll: Poll) -> dict[int, int]:
    """Sheets typed so far in each round."""
    counts = {1: 0, 2: 0}
    for round_no in PaperEntry.objects.filter(poll=poll).values_list("round", flat=True):
        counts[round_no] += 1
    return counts


@dataclass(frozen=True)
class CandidateRow:
    name: str
    note: str
    votes: int
    share: str  # "62,50%" of the base
    elected: bool
    tied: bool = False


@dataclass(frozen=True)
class CountingRecord:
    """Data of the biên bản kiểm phiếu (documents renders it)."""

    agency_name: str
    title: str
    question: str
    kind: str
    method: str
    secrecy: str
    legal_date: date
    electorate: int
    present: int
    convened: int
    ballots_issued: int | None
    ballots_returned: int
    valid: int
    invalid: int
    outcome: str
    outcome_label: str
    motion: dict[str, int] = field(default_factory=dict)  # for / against / abstain
    candidates: list[CandidateRow] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    citations: list[str] = field(default_factory=list)
    rule: str = ""
    rule_version: str = ""
    digest: str = ""
    counters: list[str] = field(default_factory=list)
    export_digest: str = ""  # SHA-256 of the recount export, published at the close


def counting_record(poll: Poll) -> CountingRecord | None:
    """The counting record of a closed poll; None while it is open."""
    result = poll_result(poll)
    if result is None:
        return None
    counts = result.counts
    values = result.snapshot.get("values", {})
    return CountingRecord(
        agency_name=poll.agency.name,
        title=poll.title,
        question=poll.question,
        kind=poll.kind,
        method=poll.get_method_display(),
        secrecy=poll.get_secrecy_display(),
        legal_date=poll.legal_date,
        electorate=poll.electorate_size,
        present=poll.present,
        convened=poll.convened,
        ballots_issued=counts.get("issued", poll.ballots_issued),
        ballots_returned=counts.get("returned", counts.get("ballots", 0)),
        valid=counts.get("valid", 0),
        invalid=counts.get("invalid", 0),
        outcome=result.outcome,
        outcome_label=OUTCOME_LABELS.get(result.outcome, result.outcome),
        motion={k: counts[k] for k in ("for", "against", "abstain") if k in counts},
        candidates=_candidate_rows(poll, counts, values),
        reasons=[r["text"] for r in result.reasons],
        citations=list(result.citations),
        rule=result.rule,
        rule_version=result.rule_version,
        digest=result.digest,
        counters=_counters(poll),
        export_digest=result.export_digest,
    )


def _candidate_rows(
    poll: Poll, counts: dict[str, Any], values: dict[str, Any]
) -> list[CandidateRow]:
    if not poll.is_election:
        return []
    votes = counts.get("candidates", {})
    base = values.get("base") or 0
    elected, tied = set(values.get("elected", [])), set(values.get("tied", []))
    rows = []
    for c in candidates(poll):
        n = votes.get(str(c.pk), 0)
        share = f"{n * 100 / base:.2f}".replace(".", ",") + "%" if base else "—"
        rows.append(CandidateRow(c.name, c.note, n, share, str(c.pk) in elected, str(c.pk) in tied))
    return rows


def _counters(poll: Poll) -> list[str]:
    users = (
        PaperEntry.objects.filter(poll=poll)
        .values_list("round", "entered_by__person__full_name", "entered_by__username")
        .distinct()
    )
    seen: dict[int, str] = {}
    for round_no, name, username in users:
        seen.setdefault(round_no, name or username)
    return [seen[k] for k in sorted(seen)]


def invariant(poll: Poll) -> tuple[int, int, int]:
    """(counter, participations, ballots): always equal for an electronic poll."""
    counter = Poll.objects.filter(pk=poll.pk).values_list("ballots_cast", flat=True).get()
    return (
        counter,
        Participation.objects.filter(poll=poll).count(),
        Ballot.objects.filter(poll=poll).count(),
    )
