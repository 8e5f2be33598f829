"""Before the day: the list, the plan, participants and invitations, agenda, drafts, comments."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from hoinghi.conference import access, forms, qr, selectors, services
from hoinghi.conference.models import Comment, Conference, Participant
from hoinghi.conference.services import ConferenceError
from hoinghi.org.access import get_agency_for_user, has_role, own_person
from hoinghi.org.models import Role
from hoinghi.refusals import attempt, form_refused
from hoinghi.vietnamese import fold


def conference_list(request: HttpRequest, agency_code: str) -> HttpResponse:
    agency = get_agency_for_user(request, agency_code)
    can_create = access.can_prepare(request.user, None, agency)
    form = forms.ConferenceForm(request.POST or None)
    if request.method == "POST":
        access.require(can_create)
        if form.is_valid():
            try:
                data = form.cleaned_data
                conference = services.create_conference(
                    agency,
                    year=data["year"],
                    held_on=data["held_on"],
                    kind=data["kind"],
                    reviewed_year=agency.work_years.filter(year=data["year"] - 1).first(),
                    place=data["place"],
                    delegates=data["delegates"],
                    dispersed=data["dispersed"],
                    proposers=data["proposers"] or 0,
                    union_proposed=data["union_proposed"],
                    head_proposed=data["head_proposed"],
                    actor=request.user,
                )
                return redirect(conference)
            except ConferenceError as exc:
                form_refused(form, exc)
    return render(
        request,
        "conference/list.html",
        {
            "agency": agency,
            "conferences": selectors.conferences_of(agency),
            "form": form,
            "can_create": can_create,
        },
    )


def conference_detail(request: HttpRequest, agency_code: str, pk: int) -> HttpResponse:
    conference = access.get_conference_for_user(request, agency_code, pk)
    return render(
        request,
        "conference/detail.html",
        {
            "conference": conference,
            "agency": conference.agency,
            "can_prepare": access.can_prepare(request.user, conference, conference.agency),
            "can_run": access.can_run(request.user, conference),
            "participant": access.own_participant(request.user, conference),
            "agenda_check": services.check_agenda(conference)
            if conference.agenda_items.exists()
            else None,
            "drafts": access.drafts_for_user(request.user, conference),
            "reminders": conference.reminders.all(),
        },
    )


def participant_list(request: HttpRequest, agency_code: str, pk: int) -> HttpResponse:
    """Who attends; for runners, the desk: search by name or code, check in without reloading
    the list (the page's script posts one row and updates it; without script, a full post)."""
    conference = access.get_conference_for_user(request, agency_code, pk)
    can_run = access.can_run(request.user, conference)
    if request.method == "POST":
        return _desk_check_in(request, conference)
    query = fold(request.GET.get("q", "")[:80]).strip()
    rows = list(selectors.participants(conference))
    for row in rows:
        row.search_key = f"{fold(row.person.full_name)} {row.code.lower()}"  # type: ignore[attr-defined]
    if query:
        rows = [r for r in rows if query in r.search_key]  # type: ignore[attr-defined]
    return render(
        request,
        "conference/participants.html",
        {
            "conference": conference,
            "participants": rows,
            "query": request.GET.get("q", "")[:80],
            "can_run": can_run,
            "can_prepare": access.can_prepare(request.user, conference, conference.agency),
            "attendance": services.attendance(conference),
        },
    )


def _desk_check_in(request: HttpRequest, conference: Conference) -> HttpResponse:
    participant = access.get_participant_for_runner(
        request, conference, int(request.POST.get("participant", 0) or 0)
    )
    error = ""
    try:
        if request.POST.get("undo"):
            services.undo_check_in(participant, actor=request.user)
        else:
            services.check_in(participant, method="desk", actor=request.user)
    except ConferenceError as exc:
        error = exc.message
    if request.headers.get("Accept", "").startswith("application/json"):
        participant.refresh_from_db()
        convened, present = services.attendance(conference)
        checked = participant.checked_in_at
        return JsonResponse(
            {
                "participant": participant.pk,
                "name": participant.person.full_name,
                "present": checked is not None,
                "time": timezone.localtime(checked).strftime("%H:%M") if checked else "",
                "attendance": f"Có mặt {present}/{convened}",
                "error": error,
            },
            status=400 if error else 200,
            json_dumps_params={"ensure_ascii": False},
        )
    if error:
        messages.error(request, error)
    return redirect("conference:participants", conference.agency.code, conference.pk)


def invitation(
    request: HttpRequest, agency_code: str, pk: int, participant_pk: int
) -> HttpResponse:
    """Giấy mời with the personal code and its QR: for the participant or the secretariat."""
    conference = access.get_conference_for_user(request, agency_code, pk)
    own = access.own_participant(request.user, conference)
    if own is not None and own.pk == participant_pk:
        participant = own
    else:
        participant = access.get_participant_for_runner(request, conference, participant_pk)
    return render(
        request,
        "conference/invitation.html",
        {"conference": conference, "card": _card(request, participant)},
    )


def invitations(request: HttpRequest, agency_code: str, pk: int) -> HttpResponse:
    """Every invitation at once, one per printed page, each with its code and QR."""
    conference = access.get_conference_for_user(request, agency_code, pk)
    access.require(access.can_prepare(request.user, conference, conference.agency))
    cards = [_card(request, p) for p in selectors.participants(conference)]
    return render(
        request, "conference/invitations.html", {"conference": conference, "cards": cards}
    )


def _card(request: HttpRequest, participant: Participant) -> dict[str, object]:
    url = qr.checkin_url(request, participant.code)
    return {"participant": participant, "url": url, "svg": qr.qr_svg(url)}


def agenda(request: HttpRequest, agency_code: str, pk: int) -> HttpResponse:
    """The order of business: prefill from the law, add items, assign speakers, reorder."""
    conference = access.get_conference_for_user(request, agency_code, pk)
    can_prepare = access.can_prepare(request.user, conference, conference.agency)
    form = forms.AgendaItemForm(request.POST or None)
    if request.method == "POST":
        access.require(can_prepare)
        if attempt(request, lambda: _agenda_action(request, conference, form)):
            return redirect("conference:agenda", agency_code, pk)
    return render(
        request,
        "conference/agenda.html",
        {
            "conference": conference,
            "items": selectors.agenda(conference),
            "form": form,
            "can_prepare": can_prepare,
            "check": services.check_agenda(conference),
            "speaker_form": forms.SpeakerForm(agency=conference.agency) if can_prepare else None,
        },
    )


def _agenda_action(
    request: HttpRequest, conference: Conference, form: forms.AgendaItemForm
) -> None:
    post, user = request.POST, request.user
    if post.get("build"):
        services.build_agenda(conference, actor=user)
        return
    if "item" not in post:
        if not form.is_valid():
            raise ConferenceError("conference.agenda.no_title", "Nhập tiêu đề nội dung.")
        services.add_agenda_item(conference, title=form.cleaned_data["title"], actor=user)
        return
    item = get_object_or_404(conference.agenda_items, pk=_int(post.get("item")))
    if post.get("move") in ("up", "down"):
        services.move_agenda_item(item, by=-1 if post["move"] == "up" else 1, actor=user)
        return
    speaker = forms.SpeakerForm(post, agency=conference.agency)
    if not speaker.is_valid():
        raise ConferenceError("conference.speaker.invalid", "Người trình bày không hợp lệ.")
    services.set_speaker(item, speaker=speaker.cleaned_data["speaker"], actor=user)


def _int(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0


def draft_list(request: HttpRequest, agency_code: str, pk: int) -> HttpResponse:
    conference = access.get_conference_for_user(request, agency_code, pk)
    can_prepare = access.can_prepare(request.user, conference, conference.agency)
    form = forms.DraftForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        access.require(can_prepare)
        if form.is_valid():
            data = form.cleaned_data
            try:
                draft = services.add_draft(
                    conference,
                    kind=data["kind"],
                    title=data["title"],
                    text=data["text"],
                    file=data["file"],
                    comments_until=data["comments_until"],
                    actor=request.user,
                )
                return redirect("conference:draft", agency_code, pk, draft.pk)
            except ConferenceError as exc:
                form_refused(form, exc)
    return render(
        request,
        "conference/drafts.html",
        {
            "conference": conference,
            "drafts": access.drafts_for_user(request.user, conference),
            "form": form,
            "can_prepare": can_prepare,
        },
    )


def draft_detail(request: HttpRequest, agency_code: str, pk: int, draft_pk: int) -> HttpResponse:
    conference = access.get_conference_for_user(request, agency_code, pk)
    draft = access.get_draft_for_user(request, conference, draft_pk)
    form = forms.CommentForm(request.POST or None)
    person = own_person(request.user)
    if request.method == "POST" and form.is_valid():
        access.require(person is not None)
        try:
            services.add_comment(
                conference,
                author=person,  # type: ignore[arg-type]
                text=form.cleaned_data["text"],
                draft=draft,
                actor=request.user,
            )
            messages.success(request, "Đã gửi ý kiến góp ý.")
            return redirect("conference:draft", agency_code, pk, draft.pk)
        except ConferenceError as exc:
            form.add_error("text", exc.message)
    return render(
        request,
        "conference/draft.html",
        {
            "conference": conference,
            "draft": draft,
            "form": form,
            "comments": selectors.comments(conference).filter(draft=draft),
            "can_prepare": access.can_prepare(request.user, conference, conference.agency),
        },
    )


@require_POST
def draft_publish(request: HttpRequest, agency_code: str, pk: int, draft_pk: int) -> HttpResponse:
    conference = access.get_conference_for_user(request, agency_code, pk)
    access.require(access.can_prepare(request.user, conference, conference.agency))
    draft = access.get_draft_for_user(request, conference, draft_pk)
    services.publish_draft(draft, actor=request.user)
    messages.success(request, "Đã công bố dự thảo để cán bộ góp ý.")
    return redirect("conference:draft", agency_code, pk, draft.pk)


def can_answer(request: HttpRequest, conference: object) -> bool:
    """The head and the union answer (tiếp thu, giải trình); the secretariat groups."""
    return has_role(request.user, {Role.LEADER, Role.UNION}, agency=conference.agency)  # type: ignore[attr-defined]


def comment_list(request: HttpRequest, agency_code: str, pk: int) -> HttpResponse:
    conference = access.get_conference_for_user(request, agency_code, pk)
    can_group = access.can_prepare(request.user, conference, conference.agency)
    if request.method == "POST":
        access.require(can_group)
        comment = get_object_or_404(conference.comments, pk=int(request.POST.get("comment", 0)))
        form = forms.AnswerForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            attempt(request, lambda: _group_and_answer(request, conference, comment, data))
        return redirect("conference:comments", agency_code, pk)
    person = own_person(request.user)
    return render(
        request,
        "conference/comments.html",
        {
            "conference": conference,
            "comments": selectors.comments(conference),
            "can_group": can_group,
            "can_answer": can_answer(request, conference),
            "form": forms.CommentForm(),
            "person": person,
        },
    )


def _group_and_answer(
    request: HttpRequest, conference: Conference, comment: Comment, data: dict[str, Any]
) -> None:
    if data["topic"] != comment.topic:
        services.group_comment(comment, topic=data["topic"], actor=request.user)
    if data["answer_kind"]:
        access.require(can_answer(request, conference))
        services.answer_comment(
            comment,
            kind=data["answer_kind"],
            answer=data["answer"],
            by=own_person(request.user),  # type: ignore[arg-type]
            actor=request.user,
        )


@require_POST
def comment_add(request: HttpRequest, agency_code: str, pk: int) -> HttpResponse:
    """A comment on the agenda or the conference in general (not on one draft)."""
    conference = access.get_conference_for_user(request, agency_code, pk)
    person = own_person(request.user)
    access.require(person is not None)
    form = forms.CommentForm(request.POST)

    def send() -> None:
        if not form.is_valid():
            raise ConferenceError("conference.comment.empty", "Nhập nội dung góp ý.")
        services.add_comment(
            conference,
            author=person,  # type: ignore[arg-type]
            text=form.cleaned_data["text"],
            actor=request.user,
        )

    attempt(request, send, "Đã gửi ý kiến góp ý.")
    return redirect("conference:comments", agency_code, pk)
