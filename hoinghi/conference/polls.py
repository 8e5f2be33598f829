"""Motions voted electronically through the vote engine (hoinghi.voting).

The electorate is frozen at opening: the present participants who vote (not guests). A
delegate votes only as themselves; nobody sees a secret poll's result before it closes.
At close, the engine's counts go through the conference's own adoption record (rule C5).
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser

from hoinghi.conference import services
from hoinghi.conference.models import Conference, Motion, ParticipantRole, VoteMethod
from hoinghi.conference.services import ConferenceError, User
from hoinghi.org.models import Person
from hoinghi.voting import selectors as voting_selectors
from hoinghi.voting import services as voting
from hoinghi.voting.errors import VotingError
from hoinghi.voting.models import Poll, PollState

SUBJECT = "conference.motion"


def _managers(conference: Conference) -> list[AbstractBaseUser]:
    people = [*conference.presidium.all(), *conference.secretaries.all()]
    return [p.user for p in people if p.user is not None]


def present_voters(conference: Conference) -> list[Person]:
    return [p.person for p in conference.participants.select_related("person")
            .exclude(role=ParticipantRole.GUEST).filter(checked_in_at__isnull=False)]


def poll_of(motion: Motion) -> Poll | None:
    return Poll.objects.filter(pk=motion.poll_id).first() if motion.poll_id else None


def open_motion_poll(motion: Motion, *, actor: User, secret: bool = False) -> Poll:
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
            conference.agency, title=motion.title, kind="motion",
            secrecy="secret" if secret else "named", method="electronic",
            legal_date=conference.held_on, by=actor, subject_kind=SUBJECT,
            subject_id=str(motion.pk), managers=_managers(conference))
        poll = voting.open_poll(poll, electors=voters, present=len(voters), convened=convened,
                                by=actor)
    except VotingError as exc:
        raise ConferenceError(exc.code, exc.message) from None
    Motion.objects.filter(pk=motion.pk).update(poll_id=poll.pk, method=VoteMethod.ELECTRONIC)
    motion.poll_id, motion.method = poll.pk, VoteMethod.ELECTRONIC
    services.bump(conference)
    return poll


def cast_motion_vote(motion: Motion, voter: Person, *, choice: str, key: str | None,
                     actor: User) -> voting.Receipt:
    poll = poll_of(motion)
    if poll is None:
        raise ConferenceError("conference.motion.not_open", "Nội dung này chưa mở biểu quyết.")
    try:
        return voting.cast_vote(poll, voter, choice=choice, key=key, by=actor)
    except VotingError as exc:
        raise ConferenceError(exc.code, exc.message) from None


def close_motion_poll(motion: Motion, *, actor: User) -> Motion:
    """Close the engine's poll and record its counts as the conference's decision."""
    poll = poll_of(motion)
    if poll is None:
        raise ConferenceError("conference.motion.not_open", "Nội dung này chưa mở biểu quyết.")
    try:
        result = voting.close_poll(poll, by=actor)
    except VotingError as exc:
        raise ConferenceError(exc.code, exc.message) from None
    counts = result.counts
    return services.record_motion_result(
        motion, votes_for=counts.get("for", 0), votes_against=counts.get("against", 0),
        abstentions=counts.get("abstain", 0), present=counts.get("present") or poll.present,
        actor=actor)


def open_poll_for(conference: Conference) -> tuple[Motion, Poll] | None:
    """The motion being voted on now, if any (the delegate page shows it)."""
    for motion in conference.motions.filter(poll_id__isnull=False, adopted__isnull=True):
        poll = poll_of(motion)
        if poll is not None and poll.state == PollState.OPEN:
            return motion, poll
    return None


def turnout(poll: Poll) -> dict[str, object]:
    """Turnout only while open; the engine adds the outcome once closed."""
    return voting_selectors.live_state(poll)
