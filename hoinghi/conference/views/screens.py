"""Screens: the projector in the hall, a delegate's phone, and their live state (ETag/304).

The projector is opened by its token link on the hall's PC (no personal login, read-only);
signed-in runners reach it from the runner's desk. A delegate checks themself in with the hall
code shown on the projector.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from hoinghi.conference import access, polls
from hoinghi.conference import projector as screen_of
from hoinghi.conference.models import Conference, SpeakerRequest
from hoinghi.conference.services import ConferenceError
from hoinghi.conference.services import hall as hall_service
from hoinghi.org.middleware import public
from hoinghi.voting import receipt_cookie, receipts
from hoinghi.voting.forms import motion_choices
from hoinghi.voting.live import etag_for, not_modified, versioned_json
from hoinghi.voting.selectors import has_voted, is_elector


def live_state(conference: Conference) -> dict[str, Any]:
    """What the screens show; never a partial tally of an open poll."""
    quorum = screen_of.live_quorum(conference)
    convened, present = quorum.convened, quorum.present
    item = conference.current_item
    last = conference.motions.filter(adopted__isnull=False).order_by("-decided_at", "-pk").first()
    voting_now = screen_of.open_poll(conference)
    state = conference.get_state_display()
    return {
        # Changes when a vote opens or closes: the phone page reloads to show the ballot.
        "state": f"{state} — đang biểu quyết: {voting_now[0]}" if voting_now else state,
        "poll": voting_now[0] if voting_now else "Không có nội dung đang biểu quyết",
        "turnout": polls.turnout(voting_now[1])["turnout"] if voting_now else "",
        "present": present,
        "convened": convened,
        "quorum": quorum.verdict,
        "quorum_met": quorum.met,
        # "—" as the page draws it: an empty answer would blank the line on the phones.
        "item": item.title if item else ("Hội nghị đã bế mạc" if conference.is_closed else "—"),
        "speaker": item.speaker.full_name if item and item.speaker else "",
        "result": (
            f"{last.title}: {'được thông qua' if last.adopted else 'không được thông qua'}"
            f" ({last.votes_for}/{last.present} tán thành)"
        )
        if last
        else "—",
    }


def live(request: HttpRequest, agency_code: str, pk: int) -> HttpResponse:
    conference = access.get_conference_for_user(request, agency_code, pk)
    voting_now = screen_of.open_poll(conference)
    version = str(conference.live_version)
    if voting_now:
        version = f"{version}.{voting_now[1].revision}.{voting_now[1].ballots_cast}"
    return versioned_json(request, version, lambda: live_state(conference))


def projector(request: HttpRequest, agency_code: str, pk: int) -> HttpResponse:
    """The runner's way to the projector: its token link (the screen shows the hall code)."""
    conference = access.get_conference_for_user(request, agency_code, pk)
    access.require(access.can_run(request.user, conference))
    return redirect("conference:projector-screen", hall_service.projector_token(conference))


def _projector_conference(token: str) -> Conference:
    conference = hall_service.conference_for_projector(token)
    if conference is None:
        raise Http404("Liên kết màn hình trình chiếu không đúng hoặc đã được đổi.")
    return conference


@public
def projector_screen(request: HttpRequest, token: str) -> HttpResponse:
    """The projector: a page of its own (no site header, no user), read-only, by token."""
    conference = _projector_conference(token)
    etag = etag_for(screen_of.version(conference))  # before reading: a change since is redrawn
    response = render(
        request,
        "conference/projector.html",
        {"screen": screen_of.screen(conference, request), "token": token, "etag": etag},
    )
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@public
def projector_state(request: HttpRequest, token: str) -> HttpResponse:
    """The projector's content as HTML, with an ETag: 304 while nothing on it changed."""
    conference = _projector_conference(token)
    etag = etag_for(screen_of.version(conference))
    if not_modified(request, etag):
        response = HttpResponse(status=304)
    else:
        response = render(
            request,
            "conference/_projector_screen.html",
            {"screen": screen_of.screen(conference, request)},
        )
    response["ETag"] = etag
    response["Cache-Control"] = "no-cache, private"
    return response


@require_POST
def projector_rotate(request: HttpRequest, agency_code: str, pk: int) -> HttpResponse:
    """A new projector link (the old one stops) or a new hall-code secret: runners only."""
    conference = access.get_conference_for_user(request, agency_code, pk)
    access.require(access.can_run(request.user, conference))
    if request.POST.get("what") == "hall_code":
        hall_service.rotate_hall_secret(conference, actor=request.user)
        messages.success(
            request, "Đã đổi khóa mã hội trường: các mã đã hiện trước đây hết hiệu lực."
        )
    else:
        hall_service.rotate_projector_token(conference, actor=request.user)
        messages.success(request, "Đã đổi liên kết màn hình trình chiếu: liên kết cũ hết hiệu lực.")
    return redirect("conference:runner", agency_code, pk)


def self_checkin(request: HttpRequest, pk: int) -> HttpResponse:
    """A participant's own check-in with the hall code (typed, or from the projector's QR)."""
    conference = (
        Conference.objects.select_related("agency").filter(pk=pk).first() if pk > 0 else None
    )
    participant = access.own_participant(request.user, conference) if conference else None
    if conference is None or participant is None:
        raise Http404("Đồng chí không có trong danh sách người dự Hội nghị này.")
    error = ""
    if request.method == "POST":
        try:
            hall_service.self_check_in(
                participant,
                code=request.POST.get("hall_code", ""),
                actor=request.user,
                from_qr=request.POST.get("via") == "qr",
            )
            messages.success(request, f"Đã điểm danh: {participant.person.full_name}.")
            return redirect("conference:delegate", conference.agency.code, conference.pk)
        except ConferenceError as exc:
            error = exc.message
    return render(
        request,
        "conference/self_checkin.html",
        {
            "conference": conference,
            "participant": participant,
            "code": request.GET.get("ma", "")[:12],
            "error": error,
        },
        status=400 if error else 200,
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
            "receipt": receipt_cookie.recall(request, poll.pk if poll else None),
            "election_open": polls.open_election_poll_for(conference) is not None,
            # The delegate's own request to speak on the current item, once made.
            "my_request": SpeakerRequest.objects.filter(
                item_id=conference.current_item_id, participant=participant
            ).first(),
            "choices": motion_choices(),
            "last_receipt": _last_receipt(request, conference),
        },
    )


def _last_receipt(request: HttpRequest, conference: Conference) -> str | None:
    last = conference.motions.filter(poll_id__isnull=False).order_by("-pk").first()
    return receipt_cookie.recall(request, last.poll_id) if last else None
