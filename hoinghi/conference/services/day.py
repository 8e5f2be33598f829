"""The day: opening, check-in, quorum, the agenda runner, speakers, motions."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from hoinghi.actors import Actor
from hoinghi.conference import rules
from hoinghi.conference.models import (
    AgendaItem,
    Conference,
    ConferenceForm,
    ConferenceState,
    Draft,
    ItemState,
    Motion,
    Participant,
    ParticipantRole,
    QuorumCheck,
    SpeakerRequest,
    VoteMethod,
)
from hoinghi.conference.services.guards import (
    ConferenceError,
    audit,
    bump,
    require_open,
    require_state,
)
from hoinghi.law.conference import (
    MotionOutcome,
    MotionTallyFacts,
    QuorumFacts,
)
from hoinghi.law.parameters import NotInForce


def open_conference(conference: Conference, *, actor: Actor) -> Conference:
    require_state(conference, ConferenceState.PREPARING, action="khai mạc")
    with transaction.atomic():
        conference.state, conference.opened_at = ConferenceState.IN_SESSION, timezone.now()
        conference.save(update_fields=["state", "opened_at"])
        audit("conference.open", conference, actor)
    bump(conference)
    return conference


def check_in(participant: Participant, *, method: str, actor: Actor) -> Participant:
    """Điểm danh: idempotent; a second scan keeps the first time."""
    conference = participant.conference
    require_state(
        conference,
        ConferenceState.PREPARING,
        ConferenceState.IN_SESSION,
        ConferenceState.REOPENED,
        action="điểm danh",
    )
    if participant.checked_in_at is not None:
        return participant
    with transaction.atomic():
        updated = Participant.objects.filter(pk=participant.pk, checked_in_at__isnull=True).update(
            checked_in_at=timezone.now(),
            checkin_method=method,
            checked_in_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        if updated:
            audit(
                "conference.checkin", conference, actor, participant=participant.pk, method=method
            )
    participant.refresh_from_db()
    bump(conference)
    return participant


def undo_check_in(participant: Participant, *, actor: Actor) -> Participant:
    with transaction.atomic():
        Participant.objects.filter(pk=participant.pk).update(
            checked_in_at=None, checkin_method="", checked_in_by=None
        )
        audit("conference.checkin.undo", participant.conference, actor, participant=participant.pk)
    participant.refresh_from_db()
    bump(participant.conference)
    return participant


def attendance(conference: Conference) -> tuple[int, int]:
    """(convened, present) among those who vote; guests are not counted."""
    voters = conference.participants.exclude(role=ParticipantRole.GUEST)
    return voters.count(), voters.filter(checked_in_at__isnull=False).count()


def record_quorum(
    conference: Conference, *, actor: Actor, present: int | None = None
) -> QuorumCheck:
    """Rule C4 on the live count, kept with its citations (``present`` overrides for records)."""
    convened, counted = attendance(conference)
    present = counted if present is None else present
    try:
        decision = rules.ask(
            "conference.quorum",
            QuorumFacts(convened, present, conference.form == ConferenceForm.DELEGATES),
            on=conference.held_on,
        )
    except NotInForce as exc:
        raise ConferenceError("conference.quorum.no_rule", str(exc)) from None
    except ValueError as exc:  # InvalidFacts: nobody convened, more present than convened
        raise ConferenceError("conference.quorum.invalid", str(exc)) from None
    with transaction.atomic():
        check = QuorumCheck.objects.create(
            conference=conference,
            checked_at=timezone.now(),
            convened=convened,
            present=present,
            required=decision.result.values["quorum"],
            met=decision.ok,
            rule_code=decision.result.rule,
            rule_version=decision.result.rule_version,
            citations=decision.citations,
            explanation=decision.explanation,
            snapshot=decision.result.to_dict(),
        )
        audit(
            "conference.quorum",
            conference,
            actor,
            present=present,
            convened=convened,
            met=decision.ok,
        )
    bump(conference)
    return check


def start_item(item: AgendaItem, *, actor: Actor) -> AgendaItem:
    """Make ``item`` the current one; the one before it is done."""
    conference = item.conference
    require_state(
        conference, ConferenceState.IN_SESSION, ConferenceState.REOPENED, action="chuyển nội dung"
    )
    now = timezone.now()
    with transaction.atomic():
        conference.agenda_items.filter(state=ItemState.CURRENT).exclude(pk=item.pk).update(
            state=ItemState.DONE, ended_at=now
        )
        item.state, item.started_at = ItemState.CURRENT, item.started_at or now
        item.save(update_fields=["state", "started_at"])
        conference.current_item = item
        conference.save(update_fields=["current_item"])
        audit("conference.item.start", conference, actor, item=item.pk)
    bump(conference)
    return item


def request_to_speak(item: AgendaItem, participant: Participant, *, actor: Actor) -> SpeakerRequest:
    if participant.conference_id != item.conference_id:
        raise ConferenceError("conference.speaker.foreign", "Người này không dự Hội nghị này.")
    with transaction.atomic():
        request, created = SpeakerRequest.objects.get_or_create(
            item=item, participant=participant, defaults={"requested_at": timezone.now()}
        )
        if created:
            audit(
                "conference.speaker.request",
                item.conference,
                actor,
                item=item.pk,
                participant=participant.pk,
            )
    bump(item.conference)
    return request


def mark_spoken(request: SpeakerRequest, *, actor: Actor) -> SpeakerRequest:
    with transaction.atomic():
        request.spoken_at = timezone.now()
        request.save(update_fields=["spoken_at"])
        audit("conference.speaker.spoken", request.item.conference, actor, request=request.pk)
    bump(request.item.conference)
    return request


# --- Motions and the election -------------------------------------------------------------


def add_motion(
    conference: Conference,
    *,
    kind: str,
    title: str,
    actor: Actor,
    text: str = "",
    method: str = VoteMethod.SHOW_OF_HANDS,
    draft: Draft | None = None,
) -> Motion:
    require_open(conference, "thêm nội dung biểu quyết")
    if not title.strip():
        raise ConferenceError(
            "conference.motion.no_title", "Nhập nội dung biểu quyết.", field="title"
        )
    with transaction.atomic():
        motion = Motion.objects.create(
            conference=conference,
            kind=kind,
            title=title.strip(),
            text=text,
            method=method,
            draft=draft,
        )
        audit("conference.motion.add", conference, actor, motion=motion.pk, kind=kind)
    return motion


def present_count(conference: Conference) -> int:
    return attendance(conference)[1]


def record_motion_result(
    motion: Motion,
    *,
    votes_for: int,
    votes_against: int = 0,
    abstentions: int = 0,
    present: int | None = None,
    actor: Actor,
) -> Motion:
    """Counts of a show of hands (or of the vote engine): rule C5, kept with its citations."""
    conference = motion.conference
    require_state(
        conference,
        ConferenceState.IN_SESSION,
        ConferenceState.REOPENED,
        action="ghi kết quả biểu quyết",
    )
    present = present_count(conference) if present is None else present
    try:
        decision = rules.ask(
            "conference.adoption",
            MotionTallyFacts(present, votes_for, votes_against, abstentions),
            on=conference.held_on,
        )
    except ValueError as exc:
        raise ConferenceError(
            "conference.motion.invalid_counts", str(exc), field="votes_for"
        ) from None
    with transaction.atomic():
        motion.present, motion.votes_for = present, votes_for
        motion.votes_against, motion.votes_abstain = votes_against, abstentions
        motion.adopted = decision.result.outcome == MotionOutcome.ADOPTED
        _store_decision(motion, decision)
        motion.decided_at = timezone.now()
        motion.save()
        audit(
            "conference.motion.decide",
            conference,
            actor,
            motion=motion.pk,
            adopted=motion.adopted,
            votes_for=votes_for,
            present=present,
        )
    bump(conference)
    return motion


def _store_decision(row: Motion, decision: rules.Decision) -> None:
    row.rule_code, row.rule_version = decision.result.rule, decision.result.rule_version
    row.citations, row.explanation = decision.citations, decision.explanation
    row.snapshot = decision.result.to_dict()
