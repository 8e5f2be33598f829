"""The election of the Ban thanh tra nhân dân (BTTND) by secret ballot through the vote engine.

Set up: board size (B2), deputies (B4) and every candidate (B3) checked by the law first.
Open: an electronic (or paper, double entry) secret election poll whose electorate is frozen
as the participants present; ballots strike names out (a ballot keeps at most ``seats`` names).
Close: the engine counts; the conference records the result through ``inspection_board.election``
(more than half of those present). A tie at the last seat asks for a new round among the tied.
Seats left empty ("Chưa bầu đủ số thành viên") allow a further round for the remaining seats
among the candidates not yet elected, as many rounds as the agency's election regulation allows
(``Election.max_rounds``; the law sets no number). Every round's result is kept in
``Election.round_history``. A conference closes with an unfinished election only after the
presidium has recorded its decision (``record_unfinished_decision``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from hoinghi.actors import Actor
from hoinghi.conference import rules
from hoinghi.conference.models import Candidate as ElectionCandidate
from hoinghi.conference.models import (
    Conference,
    ConferenceState,
    Election,
    ParticipantRole,
    VoteMethod,
)
from hoinghi.conference.selectors import ELECTION_SUBJECT
from hoinghi.conference.services.day import attendance, present_count
from hoinghi.conference.services.guards import (
    ConferenceError,
    audit,
    bump,
    require_open,
    require_state,
)
from hoinghi.law.conference import (
    BoardCandidateFacts,
    BoardPosition,
    BoardSizeFacts,
    BoardStructureFacts,
    CandidateVotes,
    ElectionFacts,
    ElectionOutcome,
)
from hoinghi.law.conference._common import L10_FROM
from hoinghi.org import selectors as org_selectors
from hoinghi.org.access import has_role
from hoinghi.org.models import AgencyRole, Person, Role
from hoinghi.voting import services as voting
from hoinghi.voting.errors import VotingError
from hoinghi.voting.models import Poll

SUBJECT = ELECTION_SUBJECT


AGENCY_ROLE_BARS = {
    AgencyRole.HEAD: BoardPosition.HEAD,
    AgencyRole.DEPUTY: BoardPosition.DEPUTY_HEAD,
    AgencyRole.CHIEF_ACCOUNTANT: BoardPosition.CHIEF_ACCOUNTANT,
}


def board_positions(person: Person, on: date) -> tuple[BoardPosition, ...]:
    """What bars a person from the Ban thanh tra nhân dân (B3), read from org positions.

    A position says whether it is the agency's head, the head's deputy or its chief accountant
    (``Position.agency_role``); the title's wording is not read, so a department's deputy (Phó
    Trưởng phòng) may stand. The holder of the agency's leader role counts as its head.
    """
    found = [
        AGENCY_ROLE_BARS[AgencyRole(p.agency_role)]
        for p in org_selectors.positions_on(person, on)
        if p.agency_role
    ]
    if has_role(person.user, {Role.LEADER}, agency=person.agency) if person.user else False:
        found.append(BoardPosition.HEAD)
    return tuple(dict.fromkeys(found)) or (BoardPosition.STAFF,)


def check_candidate(person: Person, conference: Conference) -> rules.Decision | None:
    on = conference.held_on
    facts = BoardCandidateFacts(
        board_positions(person, on),
        person.agency_id == conference.agency_id and person.is_on_staff(on),
    )
    return rules.ask_if_in_force("inspection_board.eligibility", facts, on=on)


def set_up_election(
    conference: Conference,
    *,
    seats: int,
    candidates: Iterable[Person],
    actor: Actor,
    deputies: int = 0,
    special_or_dispersed: bool = False,
    method: str = VoteMethod.SECRET_BALLOT,
    max_rounds: int = 2,
) -> Election:
    """Size (B2), deputies (B4) and each candidate (B3) checked first; redo until voting starts."""
    require_open(conference, "chuẩn bị bầu Ban thanh tra nhân dân")
    existing = Election.objects.filter(conference=conference).first()
    if existing is not None and existing.poll_id is not None:
        raise ConferenceError(
            "conference.election.started",
            "Đã mở bỏ phiếu bầu Ban thanh tra nhân dân: không sửa danh sách được.",
        )
    candidates = list(dict.fromkeys(candidates))
    on = conference.held_on
    size = rules.ask_if_in_force(
        "inspection_board.size",
        BoardSizeFacts(seats, special_or_dispersed, special_or_dispersed, special_or_dispersed),
        on=on,
    )
    if size is not None and not size.ok:
        raise ConferenceError("conference.election.size", size.explanation, field="seats")
    structure = _check_deputies(seats, deputies, on)
    if len(candidates) < seats:
        raise ConferenceError(
            "conference.election.too_few",
            f"Cần ít nhất {seats} ứng cử viên, mới có {len(candidates)}.",
            field="candidates",
        )
    checks = {p.pk: check_candidate(p, conference) for p in candidates}
    barred = [(p, d) for p in candidates if (d := checks[p.pk]) is not None and not d.ok]
    if barred:
        raise ConferenceError(
            "conference.election.ineligible",
            "; ".join(f"{p.full_name}: {d.explanation}" for p, d in barred),
            field="candidates",
        )
    with transaction.atomic():
        Election.objects.filter(conference=conference).delete()
        election = Election.objects.create(
            conference=conference,
            seats=seats,
            special_or_dispersed=special_or_dispersed,
            method=method,
            deputies=deputies,
            max_rounds=max(1, min(max_rounds, 9)),
            size_decision=size.record() if size else {},
            deputies_decision=structure.record() if structure else {},
        )
        ElectionCandidate.objects.bulk_create(
            [
                ElectionCandidate(
                    election=election,
                    person=p,
                    eligibility=d.record() if (d := checks[p.pk]) else {},
                )
                for p in candidates
            ]
        )
        audit(
            "conference.election.set_up",
            conference,
            actor,
            seats=seats,
            deputies=deputies,
            candidates=[p.staff_code for p in candidates],
        )
    return election


def _check_deputies(seats: int, deputies: int, on: date) -> rules.Decision | None:
    try:
        decision = rules.ask_if_in_force(
            "inspection_board.deputies", BoardStructureFacts(seats, deputies), on=on
        )
    except ValueError as exc:  # InvalidFacts: more deputies than members
        raise ConferenceError("conference.election.deputies", str(exc), field="deputies") from None
    if decision is not None and not decision.ok:
        raise ConferenceError(
            "conference.election.deputies", decision.explanation, field="deputies"
        )
    return decision


def round_candidates(election: Election) -> list[ElectionCandidate]:
    """Who stands in the current round: everyone first; then those tied at the last seat, or,
    in a further round for seats left empty, everyone not yet elected."""
    rows = election.candidates.select_related("person").order_by("person__sort_key", "pk")
    if election.round > 1:
        tied = rows.filter(tied=True)
        rows = tied if tied.exists() else rows.exclude(elected=True)
    return list(rows)


def finished(election: Election) -> bool:
    """Every seat filled, or the presidium's decision on the seats left empty recorded."""
    return election.outcome == ElectionOutcome.COMPLETE or bool(election.unfinished_decision)


def further_round_allowed(election: Election) -> bool:
    """Seats left empty, candidates left to stand, and a round left under the regulation."""
    return (
        election.outcome == ElectionOutcome.SEATS_UNFILLED
        and not election.unfinished_decision
        and election.round < election.max_rounds
        and election.candidates.exclude(elected=True).exists()
    )


def record_unfinished_decision(election: Election, *, text: str, actor: Actor) -> Election:
    """The presidium's decision to end the election with seats left empty (kept in the record)."""
    text = text.strip()[:2000]
    if not text:
        raise ConferenceError(
            "conference.election.decision_empty",
            "Nhập nội dung quyết định của Đoàn Chủ tịch về số thành viên chưa bầu đủ.",
            field="decision",
        )
    if election.outcome in ("", ElectionOutcome.COMPLETE) or _poll_open(election):
        raise ConferenceError(
            "conference.election.decision_not_needed",
            "Chỉ ghi quyết định khi đã kiểm phiếu mà chưa bầu đủ số thành viên.",
            field="decision",
        )
    election.unfinished_decision, election.unfinished_decided_at = text, timezone.now()
    election.save(update_fields=["unfinished_decision", "unfinished_decided_at"])
    audit("conference.election.unfinished_decision", election.conference, actor, text=text)
    bump(election.conference)
    return election


def _poll_open(election: Election) -> bool:
    return election.poll is not None and election.poll.state == "open"


def seats_in_round(election: Election) -> int:
    if election.round == 1:
        return election.seats
    return election.seats - election.candidates.filter(elected=True, tied=False).count()


def _managers(conference: Conference) -> list[Any]:
    people = [*conference.presidium.all(), *conference.secretaries.all()]
    return [p.user for p in people if p.user is not None]


def present_voters(conference: Conference) -> list[Person]:
    """The electorate frozen at opening: participants present who vote (not guests)."""
    return [
        p.person
        for p in conference.participants.select_related("person")
        .exclude(role=ParticipantRole.GUEST)
        .filter(checked_in_at__isnull=False)
    ]


def open_election_poll(election: Election, *, actor: Actor, paper: bool = False) -> Poll:
    """Open secret voting among those present; a second round only after a tie."""
    conference = election.conference
    require_state(
        conference,
        ConferenceState.IN_SESSION,
        ConferenceState.REOPENED,
        action="mở bỏ phiếu bầu Ban thanh tra nhân dân",
    )
    next_round = election.round
    if election.outcome == ElectionOutcome.REVOTE_NEEDED or further_round_allowed(election):
        next_round += 1
    elif election.outcome == ElectionOutcome.SEATS_UNFILLED:
        raise ConferenceError(
            "conference.election.no_further_round",
            f"Quy chế bầu cử cho phép tối đa {election.max_rounds} vòng bầu"
            if election.round >= election.max_rounds
            else "Không còn ứng cử viên để bầu tiếp.",
        )
    elif election.poll_id is not None or election.outcome:
        raise ConferenceError(
            "conference.election.already_open",
            "Cuộc bầu đã được mở; chỉ bầu tiếp khi có người bằng phiếu hoặc chưa bầu đủ.",
        )
    voters = present_voters(conference)
    convened, _ = attendance(conference)
    election.round = next_round
    candidates, seats = round_candidates(election), seats_in_round(election)
    try:
        with transaction.atomic():
            poll = voting.create_poll(
                conference.agency,
                kind="election",
                secrecy="secret",
                title=f"Bầu Ban thanh tra nhân dân (vòng {next_round})",
                method="paper" if paper else "electronic",
                legal_date=conference.held_on,
                by=actor,
                seats=seats,
                subject_kind=SUBJECT,
                subject_id=str(election.pk),
                candidates=[
                    (c.person, c.person.full_name, _note(c.person, conference.held_on))
                    for c in candidates
                ],
                options={"base": "present"},
                managers=_managers(conference),
            )
            poll = voting.open_poll(
                poll, electors=voters, present=len(voters), convened=convened, by=actor
            )
            Election.objects.filter(pk=election.pk).update(
                poll=poll,
                round=next_round,
                outcome="",
                method=VoteMethod.SECRET_BALLOT if paper else VoteMethod.ELECTRONIC,
            )
            audit(
                "conference.election.open",
                conference,
                actor,
                round=next_round,
                poll=poll.pk,
                electorate=len(voters),
                seats=seats,
            )
    except VotingError as exc:
        raise ConferenceError(exc.code, exc.message) from None
    election.refresh_from_db()
    bump(conference)
    return poll


def _note(person: Person, on: date) -> str:
    return ", ".join(f"{p.title}, {p.unit.name}" for p in org_selectors.positions_on(person, on))[
        :255
    ]


def close_election_poll(election: Election, *, actor: Actor) -> Election:
    """Close the engine's poll; record its counts through ``inspection_board.election``."""
    poll = election.poll
    if poll is None:
        raise ConferenceError("conference.election.not_open", "Chưa mở bỏ phiếu bầu.")
    try:
        result = voting.close_poll(poll, by=actor)
    except VotingError as exc:
        raise ConferenceError(exc.code, exc.message) from None
    by_candidate = {c.pk: c.person_id for c in poll.candidates.all() if c.person_id is not None}
    votes = {
        by_candidate[int(k)]: int(n)
        for k, n in result.counts.get("candidates", {}).items()
        if int(k) in by_candidate
    }
    return record_election_result(
        election,
        votes=votes,
        actor=actor,
        present=poll.present,
        valid_ballots=result.counts.get("valid"),
    )


def ballot_names(candidates: list[ElectionCandidate]) -> dict[int, str]:
    """How the result's messages name each candidate: the full name ("Nguyễn Văn An trúng cử
    với 30 phiếu"), with the staff code only to tell apart two people of the same name."""
    counts = Counter(c.person.full_name for c in candidates)
    return {
        c.person_id: c.person.full_name
        if counts[c.person.full_name] == 1
        else f"{c.person.full_name} ({c.person.staff_code})"
        for c in candidates
    }


def record_election_result(
    election: Election,
    *,
    votes: dict[int, int],
    actor: Actor,
    present: int | None = None,
    valid_ballots: int | None = None,
) -> Election:
    """Votes per candidate (person id → votes) of the current round: rule B9, kept with citations."""
    conference = election.conference
    require_state(
        conference,
        ConferenceState.IN_SESSION,
        ConferenceState.REOPENED,
        action="ghi kết quả bầu cử",
    )
    present = present_count(conference) if present is None else present
    candidates = round_candidates(election)
    unknown = set(votes) - {c.person_id for c in candidates}
    if unknown:
        raise ConferenceError(
            "conference.election.unknown", "Có số phiếu của người không ứng cử.", field="votes"
        )
    names = ballot_names(candidates)
    facts = ElectionFacts(
        seats_in_round(election),
        present,
        tuple(CandidateVotes(names[c.person_id], votes.get(c.person_id, 0)) for c in candidates),
        valid_ballots,
    )
    code = "inspection_board.election" if conference.held_on >= L10_FROM else "conference.election"
    try:
        decision = rules.ask(code, facts, on=conference.held_on)
    except ValueError as exc:
        raise ConferenceError("conference.election.invalid", str(exc), field="votes") from None
    values = decision.result.values
    elected, tied = (
        {str(n) for n in values.get("elected", ())},
        {str(n) for n in values.get("tied", ())},
    )
    with transaction.atomic():
        for c in candidates:
            c.votes = votes.get(c.person_id, 0)
            c.elected, c.tied = names[c.person_id] in elected, names[c.person_id] in tied
        ElectionCandidate.objects.bulk_update(candidates, ["votes", "elected", "tied"])
        election.present, election.ballots_valid = present, valid_ballots
        election.outcome = str(decision.result.outcome)
        election.result_decision, election.decided_at = decision.record(), timezone.now()
        election.round_history = [
            *[r for r in election.round_history if r.get("round") != election.round],
            _round_entry(election, candidates, facts.seats, decision),
        ]
        election.save()
        audit(
            "conference.election.decide",
            conference,
            actor,
            round=election.round,
            outcome=election.outcome,
            elected=sorted(c.person.staff_code for c in candidates if c.elected),
            tied=sorted(c.person.staff_code for c in candidates if c.tied),
        )
    bump(conference)
    return election


def _round_entry(
    election: Election,
    candidates: list[ElectionCandidate],
    seats: int,
    decision: rules.Decision,
) -> dict[str, Any]:
    """One round as the record keeps it: seats, votes per candidate, outcome and its grounds."""
    return {
        "round": election.round,
        "seats": seats,
        "present": election.present,
        "valid_ballots": election.ballots_valid,
        "candidates": [
            {"name": c.person.full_name, "votes": c.votes, "elected": bool(c.elected)}
            for c in sorted(candidates, key=lambda c: -(c.votes or 0))
        ],
        "outcome": election.outcome,
        "explanation": decision.explanation,
        "citations": decision.citations,
        "decided_at": timezone.localtime().isoformat(timespec="seconds"),
    }
