"""Motions voted electronically through the vote engine (hoinghi.voting).

The electorate is frozen at opening: the present participants who vote (not guests). A
delegate votes only as themselves; nobody sees a secret poll's result before it closes.
At close, the engine's counts go through the conference's own adoption record (rule C5),
from the close handler registered with the engine: closing from the generic poll page
decides the motion as well.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser

from hoinghi.actors import Actor
from hoinghi.conference import services
from hoinghi.conference.models import Conference, Election, Motion, VoteMethod
from hoinghi.conference.services import ConferenceError, present_voters
from hoinghi.org.models import Person
from hoinghi.voting import selectors as voting_selectors
from hoinghi.voting import services as voting
from hoinghi.voting import subjects as voting_subjects
from hoinghi.voting.errors import VotingError
from hoinghi.voting.models import Poll, PollResult, PollState

SUBJECT = "conference.motion"


def _managers(conference: Conference) -> list[AbstractBaseUser]:
    people = [*conference.presidium.all(), *conference.secretaries.all()]
    return [p.user for p in people if p.user is not None]


def poll_of(motion: Motion) -> Poll | None:
    return motion.poll


def open_motion_poll(motion: Motion, *, actor: Actor, secret: bool = False) -> Poll:
    """Start electronic voting on a motion among those present now."""
    conference = motion.conference
    if not conference.is_running:
        raise ConferenceError("conference.wrong_state", "Chỉ biểu quyết khi Hội nghị đang họp.")
    if motion.poll_id:
        raise ConferenceError("conference.motion.already_open", "Nội dung này đã được biểu quyết.")
    voters = present_voters(conference)
    convened, _ = services.attendance(conference)
    try:
        poll = voting.create_poll(
            conference.agency,
            title=motion.title,
            kind="motion",
            secrecy="secret" if secret else "named",
            method="electronic",
            legal_date=conference.held_on,
            by=actor,
            subject_kind=SUBJECT,
            subject_id=str(motion.pk),
            managers=_managers(conference),
        )
        poll = voting.open_poll(
            poll, electors=voters, present=len(voters), convened=convened, by=actor
        )
    except VotingError as exc:
        raise ConferenceError(exc.code, exc.message) from None
    Motion.objects.filter(pk=motion.pk).update(poll=poll, method=VoteMethod.ELECTRONIC)
    motion.poll, motion.method = poll, VoteMethod.ELECTRONIC
    services.bump(conference)
    return poll


def cast_motion_vote(
    motion: Motion, voter: Person, *, choice: str, key: str | None, actor: Actor
) -> voting.Receipt:
    poll = poll_of(motion)
    if poll is None:
        raise ConferenceError("conference.motion.not_open", "Nội dung này chưa mở biểu quyết.")
    try:
        return voting.cast_vote(poll, voter, choice=choice, key=key, by=actor)
    except VotingError as exc:
        raise ConferenceError(exc.code, exc.message) from None


def close_motion_poll(motion: Motion, *, actor: Actor) -> Motion:
    """Close the engine's poll; its close handler records the conference's decision."""
    poll = poll_of(motion)
    if poll is None:
        raise ConferenceError("conference.motion.not_open", "Nội dung này chưa mở biểu quyết.")
    try:
        voting.close_poll(poll, by=actor)
    except VotingError as exc:
        raise ConferenceError(exc.code, exc.message) from None
    motion.refresh_from_db()
    return motion


def decide_motion(poll: Poll, result: PollResult, by: Actor) -> None:
    """The engine's close handler for ``conference.motion``: record the counts as the
    conference's decision (rule C5), whichever page closed the poll. Idempotent."""
    motion = Motion.objects.filter(pk=_int(poll.subject_id), poll=poll).first()
    if motion is None or motion.adopted is not None:
        return
    counts = result.counts
    try:
        services.record_motion_result(
            motion,
            votes_for=counts.get("for", 0),
            votes_against=counts.get("against", 0),
            abstentions=counts.get("abstain", 0),
            present=counts.get("present") or poll.present,
            actor=by,
        )
    except ConferenceError as exc:  # the poll is closed; closing again retries the decision
        raise VotingError(exc.code, exc.message) from None


def register_close_handler() -> None:
    voting_subjects.on_close(SUBJECT, decide_motion)


def _int(text: str) -> int:
    return int(text) if text.isdigit() else 0


def open_poll_for(conference: Conference) -> tuple[Motion, Poll] | None:
    """The motion being voted on now, if any (the delegate page shows it)."""
    motion = (
        conference.motions.filter(poll__state=PollState.OPEN, adopted__isnull=True)
        .select_related("poll")
        .order_by("pk")
        .first()
    )
    return (motion, motion.poll) if motion is not None and motion.poll is not None else None


def open_election_poll_for(conference: Conference) -> tuple[Election, Poll] | None:
    """The Ban thanh tra nhân dân election being voted on electronically now, if any."""
    election = (
        Election.objects.filter(
            conference=conference, poll__state=PollState.OPEN, poll__method="electronic"
        )
        .select_related("poll")
        .first()
    )
    return (election, election.poll) if election is not None and election.poll else None


def turnout(poll: Poll) -> dict[str, object]:
    """Turnout only while open; the engine adds the outcome once closed."""
    return voting_selectors.live_state(poll)
