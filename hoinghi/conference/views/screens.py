"""Screens: the projector in the hall, a delegate's phone, and their live state (ETag/304)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from hoinghi.conference import access, polls, selectors, services
from hoinghi.conference.models import Conference
from hoinghi.voting import receipts
from hoinghi.voting.live import versioned_json
from hoinghi.voting.models import Poll
from hoinghi.voting.selectors import has_voted, is_elector


def live_state(conference: Conference) -> dict[str, Any]:
    """What the screens show; never a partial tally of an open poll."""
    convened, present = services.attendance(conference)
    quorum = selectors.latest_quorum(conference)
    item = conference.current_item
    last = conference.motions.filter(adopted__isnull=False).order_by("-decided_at", "-pk").first()
    voting_now = _open_poll(conference)
    state = conference.get_state_display()
    return {
        # Changes when a vote opens or closes: the phone page reloads to show the ballot.
        "state": f"{state} — đang biểu quyết: {voting_now[0]}" if voting_now else state,
        "poll": voting_now[0] if voting_now else "Không có nội dung đang biểu quyết",
        "turnout": polls.turnout(voting_now[1])["turnout"] if voting_now else "",
        "present": present,
        "convened": convened,
        "quorum": quorum.explanation if quorum else "",
        "quorum_met": quorum.met if quorum else None,
        "item": item.title if item else ("Hội nghị đã bế mạc" if conference.is_closed else ""),
        "speaker": item.speaker.full_name if item and item.speaker else "",
        "result": (
            f"{last.title}: {'được thông qua' if last.adopted else 'không được thông qua'}"
            f" ({last.votes_for}/{last.present} tán thành)"
        )
        if last
        else "",
    }


def _open_poll(conference: Conference) -> tuple[str, Poll] | None:
    """The title and poll of what is being voted on now: a motion, or the election."""
    motion = polls.open_poll_for(conference)
    if motion is not None:
        return motion[0].title, motion[1]
    election = polls.open_election_poll_for(conference)
    return (election[1].title, election[1]) if election is not None else None


def live(request: HttpRequest, agency_code: str, pk: int) -> HttpResponse:
    conference = access.get_conference_for_user(request, agency_code, pk)
    voting_now = _open_poll(conference)
    version = str(conference.live_version)
    if voting_now:
        version = f"{version}.{voting_now[1].revision}.{voting_now[1].ballots_cast}"
    return versioned_json(request, version, lambda: live_state(conference))


def projector(request: HttpRequest, agency_code: str, pk: int) -> HttpResponse:
    conference = access.get_conference_for_user(request, agency_code, pk)
    return render(
        request,
        "conference/projector.html",
        {"conference": conference, "live": live_state(conference)},
    )


def delegate(request: HttpRequest, agency_code: str, pk: int) -> HttpResponse:
    """The phone page of one participant: check-in, the current item, speaking, voting."""
    conference = access.get_conference_for_user(request, agency_code, pk)
    participant = access.own_participant(request.user, conference)
    access.require(participant is not None)
    voting_now = polls.open_poll_for(conference)
    motion, poll = voting_now if voting_now else (None, None)
    voted = poll is not None and has_voted(poll, participant.person)  # type: ignore[union-attr]
    return render(
        request,
        "conference/delegate.html",
        {
            "conference": conference,
            "participant": participant,
            "live": live_state(conference),
            "motion": motion,
            "poll": poll,
            "voted": voted,
            "key": receipts.new_key(),
            "can_vote": poll is not None and not voted and is_elector(poll, participant.person),  # type: ignore[union-attr]
            "receipt": request.session.get(f"receipt-{poll.pk}") if poll else None,
            "election_open": polls.open_election_poll_for(conference) is not None,
            "last_receipt": _last_receipt(request, conference),
        },
    )


def _last_receipt(request: HttpRequest, conference: Conference) -> str | None:
    last = conference.motions.filter(poll_id__isnull=False).order_by("-pk").first()
    return request.session.get(f"receipt-{last.poll_id}") if last else None
