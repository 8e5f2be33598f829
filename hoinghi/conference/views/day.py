"""The day: check-in by code, the runner's desk, speakers, votes, closing and reopening."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from hoinghi.conference import access, forms, polls, qr, selectors, services
from hoinghi.conference.models import Conference, Motion, Participant, SpeakerRequest
from hoinghi.conference.services import ConferenceError, hall
from hoinghi.org.access import own_person
from hoinghi.org.middleware import public
from hoinghi.refusals import attempt
from hoinghi.voting import receipt_cookie


@public
def checkin_by_code(request: HttpRequest, code: str) -> HttpResponse:
    """The QR's URL. Anonymous visitors see only a sign-in prompt: no name, no conference.

    Signed in as a runner of that conference, a POST checks in (the desk); signed in as the
    participant, a POST checks in only with the hall code shown on the projector.
    """
    participant = (
        Participant.objects.select_related("conference__agency", "person")
        .filter(code=code.strip().upper())
        .first()
    )
    if not request.user.is_authenticated:
        return render(
            request,
            "conference/checkin_anonymous.html",
            {"login_url": f"{reverse('login')}?next={request.path}"},
        )
    if participant is None:
        raise Http404("Mã mời không đúng.")
    conference = participant.conference
    own = own_person(request.user)
    is_self = own is not None and own.pk == participant.person_id
    if not is_self and not access.can_run(request.user, conference):
        raise PermissionDenied("Mã mời này không phải của bạn.")
    if request.method == "POST":

        def check_in() -> None:
            if is_self:  # from anywhere: only with the code shown in the hall
                hall.self_check_in(
                    participant, code=request.POST.get("hall_code", ""), actor=request.user
                )
            else:
                services.check_in(participant, method="desk", actor=request.user)

        attempt(request, check_in, f"Đã điểm danh: {participant.person.full_name}.")
        if is_self:
            return redirect("conference:delegate", conference.agency.code, conference.pk)
        return redirect("conference:checkin-by-code", participant.code)
    return render(
        request,
        "conference/checkin.html",
        {"participant": participant, "conference": conference, "is_self": is_self},
    )


def checkin_enter(request: HttpRequest) -> HttpResponse:
    """Typing the code from the invitation (at a desk or on one's phone)."""
    form = forms.CodeForm(request.GET or None)
    if form.is_valid():
        code = form.cleaned_data["code"]
        if Participant.objects.filter(code=code).exists():
            return redirect("conference:checkin-by-code", code)
        # A mistyped code stays in the box with the reason, not a page "not found".
        form.add_error(
            "code", f"Không có giấy mời nào mang mã {code}. Kiểm tra lại mã trên giấy mời."
        )
    return render(request, "conference/checkin_enter.html", {"form": form})


def _conference_for_runner(request: HttpRequest, agency_code: str, pk: int) -> Conference:
    conference = access.get_conference_for_user(request, agency_code, pk)
    access.require(access.can_run(request.user, conference))
    return conference


def runner(request: HttpRequest, agency_code: str, pk: int) -> HttpResponse:
    """Bàn điều hành: open, the current item, speakers, quorum, votes, close."""
    conference = _conference_for_runner(request, agency_code, pk)
    convened, present = services.attendance(conference)
    motions = list(conference.motions.all())
    for motion in motions:  # ids of its own: each label names its own motion's box
        recorded = (  # a correction starts from the figures recorded, not from blank boxes
            {
                "votes_for": motion.votes_for,
                "votes_against": motion.votes_against,
                "abstentions": motion.votes_abstain,
            }
            if motion.adopted is not None
            else None
        )
        counts = forms.CountsForm(auto_id=f"bq{motion.pk}_%s", initial=recorded)
        motion.counts_form = counts  # type: ignore[attr-defined]
    return render(
        request,
        "conference/runner.html",
        {
            "conference": conference,
            "items": selectors.agenda(conference),
            "convened": convened,
            "present": present,
            "quorum": selectors.latest_quorum(conference),
            "motions": motions,
            "motion_form": forms.MotionForm(),
            "election": getattr(conference, "election", None),
            "speakers": (
                conference.current_item.speakers.select_related("participant__person").filter(
                    spoken_at__isnull=True
                )
                if conference.current_item
                else []
            ),
            "unanswered": selectors.unanswered_comments(conference),
            "projector_url": qr.public_url(
                request,
                reverse("conference:projector-screen", args=[hall.projector_token(conference)]),
            ),
            "hall_code": hall.hall_code(conference),
            "hall_code_until": hall.code_valid_until(),
            "officers_absent": _officers_not_checked_in(conference),
        },
    )


def _officers_not_checked_in(conference: Conference) -> list[str]:
    """The presidium and secretaries the desk has not checked in: the minutes would list them
    as absent. Three small queries."""
    officers = {p.pk: f"{p.full_name} (Đoàn Chủ tịch)" for p in conference.presidium.all()}
    officers.update({p.pk: f"{p.full_name} (thư ký)" for p in conference.secretaries.all()})
    missing = conference.participants.filter(
        person_id__in=officers, checked_in_at__isnull=True
    ).values_list("person_id", flat=True)
    return [officers[pk] for pk in missing]


ACTIONS = {
    "open",
    "quorum",
    "start",
    "spoken",
    "motion",
    "counts",
    "close",
    "poll_open",
    "poll_close",
}


@require_POST
def runner_action(request: HttpRequest, agency_code: str, pk: int) -> HttpResponse:
    conference = _conference_for_runner(request, agency_code, pk)
    action = request.POST.get("action", "")
    if action not in ACTIONS:
        raise Http404("Không có thao tác này.")
    went = attempt(request, lambda: _runner_step(request, conference, action))
    if went and action == "close":
        return redirect("conference:closing", agency_code, pk)
    return redirect("conference:runner", agency_code, pk)


def _runner_step(request: HttpRequest, conference: Conference, action: str) -> None:
    post, user = request.POST, request.user
    if action == "open":
        services.open_conference(conference, actor=user)
    elif action == "quorum":
        check = services.record_quorum(conference, actor=user)
        messages.info(request, check.explanation)
    elif action == "start":
        item = get_object_or_404(conference.agenda_items, pk=int(post.get("item", 0)))
        services.start_item(item, actor=user)
    elif action == "spoken":
        request_row = get_object_or_404(
            SpeakerRequest, item__conference=conference, pk=int(post.get("request", 0))
        )
        services.mark_spoken(request_row, actor=user)
    elif action == "motion":
        form = forms.MotionForm(post)
        if not form.is_valid():
            raise ConferenceError("conference.motion.invalid", "Nhập nội dung biểu quyết.")
        services.add_motion(
            conference,
            kind=form.cleaned_data["kind"],
            title=form.cleaned_data["title"],
            actor=user,
        )
    elif action == "counts":
        _record_counts(request, conference)
    elif action in ("poll_open", "poll_close"):
        motion = get_object_or_404(conference.motions, pk=int(post.get("motion", 0)))
        if action == "poll_open":
            _one_vote_at_a_time(conference, motion)
            polls.open_motion_poll(motion, actor=user, secret=bool(post.get("secret")))
        else:
            messages.info(request, polls.close_motion_poll(motion, actor=user).explanation)
    elif action == "close":
        services.close_conference(conference, actor=user)


def _one_vote_at_a_time(conference: Conference, motion: Motion) -> None:
    """The phones and the projector follow one motion: a second waits for the first's close."""
    voting_now = polls.open_poll_for(conference)
    if voting_now is not None and voting_now[0].pk != motion.pk:
        raise ConferenceError(
            "conference.motion.one_at_a_time",
            f"Đang biểu quyết «{voting_now[0].title}»: kết thúc biểu quyết đó rồi mới mở "
            "nội dung khác (điện thoại và màn chiếu chỉ hiện một nội dung biểu quyết).",
        )


def _record_counts(request: HttpRequest, conference: Conference) -> None:
    motion = get_object_or_404(conference.motions, pk=int(request.POST.get("motion", 0)))
    form = forms.CountsForm(request.POST)
    if not form.is_valid():
        raise ConferenceError(
            "conference.motion.invalid_counts", "Số phiếu phải là số nguyên không âm."
        )
    data = form.cleaned_data
    motion = services.record_motion_result(
        motion,
        votes_for=data["votes_for"],
        votes_against=data["votes_against"],
        abstentions=data["abstentions"],
        actor=request.user,
    )
    messages.info(request, motion.explanation)


@require_POST
def ask_to_speak(request: HttpRequest, agency_code: str, pk: int) -> HttpResponse:
    conference = access.get_conference_for_user(request, agency_code, pk)
    participant = access.own_participant(request.user, conference)
    if participant is None or conference.current_item is None or not participant.present:
        messages.error(request, "Chỉ người dự đã điểm danh mới đăng ký phát biểu được.")
    else:
        services.request_to_speak(conference.current_item, participant, actor=request.user)
        messages.success(request, "Đã đăng ký phát biểu.")
    return redirect("conference:delegate", agency_code, pk)


@require_POST
def vote(request: HttpRequest, agency_code: str, pk: int) -> HttpResponse:
    """A delegate's own vote on the open motion; the receipt is shown on their page."""
    conference = access.get_conference_for_user(request, agency_code, pk)
    participant = access.own_participant(request.user, conference)
    access.require(participant is not None)
    motion = get_object_or_404(conference.motions, pk=int(request.POST.get("motion", 0)))
    response = redirect("conference:delegate", agency_code, pk)

    def cast() -> None:
        receipt = polls.cast_motion_vote(
            motion,
            participant.person,  # type: ignore[union-attr]
            choice=request.POST.get("choice", ""),
            key=request.POST.get("key") or None,
            actor=request.user,
        )
        # The receipt stays in the voter's browser, never in the server's session.
        receipt_cookie.remember(response, motion.poll_id or 0, receipt.display)

    attempt(request, cast, "Đã ghi nhận phiếu.")
    return response
