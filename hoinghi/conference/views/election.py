"""Bầu Ban thanh tra nhân dân: set-up, secret strike-out ballot, open and close, the result."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from hoinghi.conference import access, forms, selectors, services
from hoinghi.conference.models import Conference, Election
from hoinghi.conference.services import ConferenceError
from hoinghi.refusals import attempt, form_refused
from hoinghi.voting import receipt_cookie, receipts
from hoinghi.voting import selectors as voting_selectors
from hoinghi.voting import services as voting
from hoinghi.voting.models import PollState


def election(request: HttpRequest, agency_code: str, pk: int) -> HttpResponse:
    conference = access.get_conference_for_user(request, agency_code, pk)
    row = Election.objects.filter(conference=conference).select_related("poll").first()
    can_prepare = access.can_prepare(request.user, conference, conference.agency)
    form = _setup_form(request, conference, row) if can_prepare else None
    if request.method == "POST":
        access.require(form is not None)
        if form is not None and form.is_valid():
            try:
                data = form.cleaned_data
                services.set_up_election(
                    conference,
                    seats=data["seats"],
                    actor=request.user,
                    deputies=data["deputies"],
                    candidates=data["candidates"],
                    special_or_dispersed=data["special_or_dispersed"],
                    max_rounds=data["max_rounds"] or 2,
                )
                messages.success(request, "Đã lưu danh sách ứng cử viên Ban thanh tra nhân dân.")
                return redirect("conference:election", agency_code, pk)
            except ConferenceError as exc:
                form_refused(form, exc)
    return render(
        request,
        "conference/election.html",
        {
            "conference": conference,
            "election": row,
            "form": form,
            **_ballot(request, row),
            "record": selectors.election_record(row) if row else None,
            "can_run": access.can_run(request.user, conference),
            "is_presidium": access.is_presidium(request.user, conference),
            "further_round": row is not None and services.further_round_allowed(row),
            "seats_left": row.seats - row.candidates.filter(elected=True).count() if row else 0,
        },
    )


def _setup_form(
    request: HttpRequest, conference: Conference, row: Election | None
) -> forms.ElectionForm | None:
    if row is not None and row.poll_id is not None:
        return None  # voting has started: the list is frozen
    initial = (
        {
            "seats": row.seats,
            "deputies": row.deputies,
            "special_or_dispersed": row.special_or_dispersed,
            "max_rounds": row.max_rounds,
            "candidates": [c.person for c in row.candidates.select_related("person")],
        }
        if row
        else {}
    )
    return forms.ElectionForm(request.POST or None, initial=initial, agency=conference.agency)


def _ballot(request: HttpRequest, row: Election | None) -> dict[str, object]:
    """The strike-out ballot for an elector of the open electronic round, else nothing."""
    poll = row.poll if row else None
    if poll is None or poll.state != PollState.OPEN:
        return {"poll": poll, "turnout": voting_selectors.live_state(poll) if poll else None}
    participant = access.own_participant(request.user, row.conference)  # type: ignore[union-attr]
    person = participant.person if participant else None
    elector = poll.method == "electronic" and voting_selectors.is_elector(poll, person)
    voted = elector and voting_selectors.has_voted(poll, person)  # type: ignore[arg-type]
    return {
        "poll": poll,
        "turnout": voting_selectors.live_state(poll),
        "can_vote": elector and not voted,
        "voted": voted,
        "key": receipts.new_key(),
        "ballot_options": [
            (c.pk, f"{c.name} ({c.note})" if c.note else c.name)
            for c in voting_selectors.candidates(poll)
        ],
        "receipt": receipt_cookie.recall(request, poll.pk),
    }


@require_POST
def election_action(request: HttpRequest, agency_code: str, pk: int) -> HttpResponse:
    """Open (electronic or paper; a further round), close: the presidium and the secretaries;
    the decision to end with seats left empty: the presidium only."""
    conference = access.get_conference_for_user(request, agency_code, pk)
    access.require(access.can_run(request.user, conference))
    row = Election.objects.filter(conference=conference).select_related("poll").first()
    action = request.POST.get("action", "")
    if row is None or action not in {"open", "open_paper", "close", "decide"}:
        raise Http404("Không có cuộc bầu hoặc thao tác này.")
    attempt(request, lambda: _election_step(request, conference, row, action))
    return redirect("conference:election", agency_code, pk)


def _election_step(
    request: HttpRequest, conference: Conference, row: Election, action: str
) -> None:
    if action == "decide":
        access.require(access.is_presidium(request.user, conference))
        services.record_unfinished_decision(
            row, text=request.POST.get("decision", ""), actor=request.user
        )
        messages.success(request, "Đã ghi quyết định của Đoàn Chủ tịch vào biên bản.")
    elif action == "close":
        row = services.close_election_poll(row, actor=request.user)
        messages.info(request, row.result_decision.get("explanation", ""))
    else:
        poll = services.open_election_poll(row, actor=request.user, paper=action == "open_paper")
        messages.success(request, f"Đã mở bỏ phiếu kín: {poll.title}.")


@require_POST
def election_vote(request: HttpRequest, agency_code: str, pk: int) -> HttpResponse:
    """A present participant's own secret ballot: the names kept (the others struck out)."""
    conference = access.get_conference_for_user(request, agency_code, pk)
    participant = access.own_participant(request.user, conference)
    access.require(participant is not None)
    row = Election.objects.filter(conference=conference).select_related("poll").first()
    if row is None or row.poll is None:
        raise Http404("Chưa mở bỏ phiếu bầu.")
    response = redirect("conference:election", agency_code, pk)
    poll = row.poll

    def cast() -> None:
        receipt = voting.cast_vote(
            poll,
            participant.person,  # type: ignore[union-attr]
            kept=request.POST.getlist("kept"),
            by=request.user,
            key=request.POST.get("key") or None,
        )
        # The receipt stays in the voter's browser, never in the server's session.
        receipt_cookie.remember(response, poll.pk, receipt.display)

    attempt(request, cast, "Đã ghi nhận phiếu bầu.")
    return response
