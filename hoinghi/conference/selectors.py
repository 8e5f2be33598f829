"""Reads of conferences that screens and other apps use (plans, documents, reports).

``resolution_targets(conference)`` feeds the next work year's plan; ``minutes_data(conference)``
gives the documents app everything the minutes (biên bản) need, ``resolution_data(conference)``
the resolution (nghị quyết) assembled from adopted items and targets, and
``election_record(election)`` the Ban thanh tra nhân dân election with the engine's counting
records (biên bản kiểm phiếu) — all as dataclasses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.db.models import Count, Q, QuerySet

from hoinghi.conference import qr
from hoinghi.conference.models import (
    AgendaItem,
    Comment,
    Conference,
    DelegateQuota,
    Draft,
    Election,
    Motion,
    Participant,
    ParticipantRole,
    Pledge,
    QuorumCheck,
    Reminder,
    ResolutionTarget,
)
from hoinghi.org.models import Agency, AgencyRole, Person
from hoinghi.org.selectors import people_with_positions
from hoinghi.voting import selectors as voting_selectors
from hoinghi.voting.selectors import CountingRecord

ELECTION_SUBJECT = "conference.election"  # the vote engine's subject_kind of an election poll


def conferences_of(agency: Agency) -> QuerySet[Conference]:
    return Conference.objects.filter(agency=agency).select_related("agency", "reviewed_year")


def participants(conference: Conference) -> QuerySet[Participant]:
    return conference.participants.select_related("person").order_by("person__sort_key", "pk")


def agenda(conference: Conference) -> QuerySet[AgendaItem]:
    return conference.agenda_items.select_related("speaker").annotate(
        waiting=Count("speakers", filter=Q(speakers__spoken_at__isnull=True))
    )


def comments(conference: Conference) -> QuerySet[Comment]:
    return conference.comments.select_related("author", "draft", "answered_by").order_by(
        "topic", "created_at", "pk"
    )


def unanswered_comments(conference: Conference) -> QuerySet[Comment]:
    return comments(conference).filter(answer_kind="")


def latest_quorum(conference: Conference) -> QuorumCheck | None:
    return conference.quorum_checks.order_by("-checked_at", "-pk").first()


def resolution_targets(conference: Conference) -> QuerySet[ResolutionTarget]:
    """The targets of the conference resolution, for the next work year's plan."""
    return conference.resolution_targets.select_related("unit").order_by("position", "pk")


def open_reminders(agency: Agency, *, until: date) -> QuerySet[Reminder]:
    """Follow-up obligations not done yet and due by ``until`` (for the home page)."""
    return Reminder.objects.filter(
        conference__agency=agency, done_on__isnull=True, due_on__lte=until
    ).select_related("conference")


@dataclass(frozen=True)
class Attendance:
    convened: int
    present: int
    guests: int
    absent_names: list[str]


@dataclass(frozen=True)
class ReportRecord:
    kind: str
    title: str
    presented_by: str


@dataclass(frozen=True)
class CommentRecord:
    topic: str
    author: str
    draft: str
    text: str
    answer_kind: str
    answer: str
    answered_by: str


@dataclass(frozen=True)
class VoteRecord:
    title: str
    kind: str
    method: str
    present: int | None
    votes_for: int | None
    votes_against: int | None
    abstentions: int | None
    adopted: bool | None
    explanation: str
    citations: list[str]


@dataclass(frozen=True)
class CandidateRecord:
    name: str
    votes: int | None
    elected: bool | None
    tied: bool = False


@dataclass(frozen=True)
class ElectionRecord:
    seats: int
    present: int | None
    candidates: list[CandidateRecord]
    explanation: str
    citations: list[str]
    deputies: int = 0
    round: int = 1
    outcome: str = ""  # complete / revote_needed / seats_unfilled ("" before the result)
    outcome_label: str = ""
    method: str = ""
    ballots_valid: int | None = None
    counting: list[CountingRecord] = field(default_factory=list)  # one per closed round
    # Each round as decided: round, seats, present, candidates (name, votes, elected), outcome,
    # explanation, citations; and the presidium's decision when seats stay empty.
    rounds: list[dict[str, Any]] = field(default_factory=list)
    unfinished_decision: str = ""

    @property
    def elected(self) -> list[str]:
        return [c.name for c in self.candidates if c.elected]


@dataclass(frozen=True)
class MinutesData:
    agency_name: str
    year: int
    reviewed_year: int | None
    held_on: date
    place: str
    form: str
    presidium: list[str]
    secretaries: list[str]
    opened_at: datetime | None
    closed_at: datetime | None
    attendance: Attendance
    quorum: str
    quorum_citations: list[str]
    agenda: list[str]
    reports: list[ReportRecord]
    comments: list[CommentRecord]
    votes: list[VoteRecord]
    election: ElectionRecord | None
    awards: list[tuple[str, str]]
    pledge_signers: list[str]
    targets: list[str] = field(default_factory=list)


def _attendance(conference: Conference) -> Attendance:
    rows = list(participants(conference))
    voters = [p for p in rows if p.role != ParticipantRole.GUEST]
    return Attendance(
        len(voters),
        sum(1 for p in voters if p.present),
        len(rows) - len(voters),
        [p.person.full_name for p in voters if not p.present],
    )


def _votes(conference: Conference) -> list[VoteRecord]:
    return [
        VoteRecord(
            m.title,
            m.get_kind_display(),
            m.get_method_display(),
            m.present,
            m.votes_for,
            m.votes_against,
            m.votes_abstain,
            m.adopted,
            m.explanation,
            list(m.citations),
        )
        for m in Motion.objects.filter(conference=conference).order_by("pk")
    ]


ELECTION_OUTCOMES = {
    "complete": "Đã bầu đủ số thành viên",
    "revote_needed": "Có người bằng phiếu: phải bầu lại giữa những người này",
    "seats_unfilled": "Chưa bầu đủ số thành viên",
}


def _election(conference: Conference) -> ElectionRecord | None:
    election = Election.objects.filter(conference=conference).first()
    return election_record(election) if election is not None else None


def election_record(election: Election) -> ElectionRecord:
    """The Ban thanh tra nhân dân election as recorded, with each closed round's counting record.

    Nothing of a secret round is shown before it closes: votes stay empty until the result.
    """
    decision = election.result_decision or {}
    polls = voting_selectors.polls_for_subject(ELECTION_SUBJECT, str(election.pk))
    counting = [r for r in (voting_selectors.counting_record(p) for p in polls) if r is not None]
    return ElectionRecord(
        election.seats,
        election.present,
        [
            CandidateRecord(c.person.full_name, c.votes, c.elected, c.tied)
            for c in election.candidates.select_related("person").order_by("person__sort_key", "pk")
        ],
        decision.get("explanation", ""),
        decision.get("citations", []),
        deputies=election.deputies,
        round=election.round,
        outcome=election.outcome,
        outcome_label=ELECTION_OUTCOMES.get(election.outcome, ""),
        method=election.get_method_display(),
        ballots_valid=election.ballots_valid,
        counting=counting,
        rounds=list(election.round_history),
        unfinished_decision=election.unfinished_decision,
    )


@dataclass(frozen=True)
class TargetRecord:
    text: str
    measure: str
    unit: str


@dataclass(frozen=True)
class ResolutionData:
    """Nghị quyết Hội nghị: what the conference adopted, assembled for the documents app."""

    agency_name: str
    year: int
    reviewed_year: int | None
    held_on: date
    present: int
    convened: int
    adopted: list[VoteRecord]  # the resolution, regulations and decisions adopted, in order
    rejected: list[VoteRecord]
    targets: list[TargetRecord]
    inspection_board: list[str]  # elected members of the Ban thanh tra nhân dân
    awards: list[tuple[str, str]]
    pledge_signed: bool


def resolution_data(conference: Conference) -> ResolutionData:
    """The resolution assembled from the adopted motions and the resolution targets."""
    votes = _votes(conference)
    election = _election(conference)
    convened, present = _counts(conference)
    reviewed = conference.reviewed_year
    pledge = Pledge.objects.filter(conference=conference).first()
    return ResolutionData(
        agency_name=conference.agency.name,
        year=conference.year,
        reviewed_year=reviewed.year if reviewed else None,
        held_on=conference.held_on,
        present=present,
        convened=convened,
        adopted=[v for v in votes if v.adopted],
        rejected=[v for v in votes if v.adopted is False],
        targets=[
            TargetRecord(t.text, t.measure, t.unit.name if t.unit else "")
            for t in resolution_targets(conference)
        ],
        inspection_board=election.elected if election else [],
        awards=awards_in_order(conference),
        pledge_signed=bool(pledge and pledge.check_result.get("snapshot", {}).get("outcome")),
    )


def _counts(conference: Conference) -> tuple[int, int]:
    voters = conference.participants.exclude(role=ParticipantRole.GUEST)
    return voters.count(), voters.filter(checked_in_at__isnull=False).count()


def delegate_quotas(conference: Conference) -> QuerySet[DelegateQuota]:
    return conference.quotas.select_related("unit").order_by("unit__position", "unit__name")


def minutes_data(conference: Conference) -> MinutesData:
    """Everything the minutes (biên bản Hội nghị) record, in order, as plain data."""
    quorum = latest_quorum(conference)
    pledge = getattr(conference, "pledge", None)
    reviewed = conference.reviewed_year
    return MinutesData(
        agency_name=conference.agency.name,
        year=conference.year,
        reviewed_year=reviewed.year if reviewed else None,
        held_on=conference.held_on,
        place=conference.place,
        form=conference.get_form_display(),
        presidium=[p.full_name for p in conference.presidium.order_by("sort_key")],
        secretaries=[p.full_name for p in conference.secretaries.order_by("sort_key")],
        opened_at=conference.opened_at,
        closed_at=conference.closed_at,
        attendance=_attendance(conference),
        quorum=quorum.explanation if quorum else "",
        quorum_citations=quorum.citations if quorum else [],
        agenda=[i.title for i in conference.agenda_items.order_by("position", "pk")],
        reports=[
            ReportRecord(
                d.get_kind_display(), d.title, d.presented_by.full_name if d.presented_by else ""
            )
            for d in Draft.objects.filter(conference=conference).select_related("presented_by")
        ],
        comments=[
            CommentRecord(
                c.topic,
                c.author.full_name,
                c.draft.title if c.draft else "",
                c.text,
                c.get_answer_kind_display() if c.answer_kind else "",
                c.answer,
                c.answered_by.full_name if c.answered_by else "",
            )
            for c in comments(conference)
        ],
        votes=_votes(conference),
        election=_election(conference),
        awards=awards_in_order(conference),
        pledge_signers=[p.full_name for p in pledge.signers.order_by("sort_key")] if pledge else [],
        targets=[t.text for t in resolution_targets(conference)],
    )


def invitation_code(conference: Conference, person: Person) -> tuple[str, str] | None:
    """The invitation code of ``person`` and the check-in address it opens (on the configured
    public address; empty where none is set), or None when they are not invited."""
    participant = conference.participants.filter(person=person).first()
    if participant is None:
        return None
    url = qr.checkin_url(None, participant.code) if settings.HOINGHI_PUBLIC_URL else ""
    return participant.code, url


def attendance_by_conference(conference_ids: list[int]) -> dict[int, tuple[int, int]]:
    """(convened, present) among those who vote, for many conferences in one query."""
    rows = (
        Participant.objects.filter(conference_id__in=conference_ids)
        .exclude(role=ParticipantRole.GUEST)
        .values("conference_id")
        .order_by()
        .annotate(
            convened=Count("pk"), checked_in=Count("pk", filter=Q(checked_in_at__isnull=False))
        )
    )
    return {row["conference_id"]: (row["convened"], row["checked_in"]) for row in rows}


def awards_in_order(conference: Conference) -> list[tuple[str, str]]:
    """(title, recipient) as the minutes and the resolution list them: each title in the order
    it was first entered, within it the collectives (by the agency's unit order), then the
    people in Vietnamese name order (they were listed in entry order, units and people mixed)."""
    awards = list(conference.awards.select_related("recipient_unit", "recipient"))
    first: dict[str, int] = {}
    for award in awards:
        first.setdefault(award.title, len(first))

    def key(award: Any) -> tuple[int, int, int, str]:
        unit, person = award.recipient_unit, award.recipient
        if unit is not None:
            return (first[award.title], 0, unit.position, "")
        return (first[award.title], 1, 0, person.sort_key if person else award.recipient_name)

    return [(a.title, a.recipient_name) for a in sorted(awards, key=key)]


# The presidium as the hall introduces it and the papers list it: the one recorded as chairing
# it, then the agency's head and the head's deputies, then the others in the order listed.
_LEADERSHIP_RANK = {AgencyRole.HEAD: 1, AgencyRole.DEPUTY: 2}


def presidium_in_order(conference: Conference) -> list[Person]:
    """The presidium in that order, each with ``positions_on_date`` (the conference's day,
    the leading one first); one query for the people, one for their positions."""
    people = list(people_with_positions(conference.presidium.order_by("pk"), conference.held_on))

    def rank(person: Person) -> int:
        if person.pk == conference.presidium_head_id:
            return 0
        held = person.positions_on_date  # type: ignore[attr-defined]
        return min((_LEADERSHIP_RANK.get(AgencyRole(x.agency_role), 3) for x in held), default=3)

    return sorted(people, key=rank)
