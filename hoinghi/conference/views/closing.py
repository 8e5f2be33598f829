"""After the votes: awards, the pledge, resolution targets into the plan, reminders, reopening."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from hoinghi.conference import access, forms, selectors, services
from hoinghi.conference.models import Conference, Pledge
from hoinghi.conference.services import ConferenceError
from hoinghi.org.access import own_person
from hoinghi.refusals import attempt


def closing(request: HttpRequest, agency_code: str, pk: int) -> HttpResponse:
    """Awards, pledge, resolution targets, minutes data, reminders; reopen for the presidium."""
    conference = access.get_conference_for_user(request, agency_code, pk)
    can_run = access.can_run(request.user, conference)
    if request.method == "POST":
        if request.POST.get("action") == "reminder":
            access.require(access.can_prepare(request.user, conference, conference.agency))
        else:
            access.require(can_run)
        attempt(request, lambda: _closing_action(request, conference))
        return redirect("conference:closing", agency_code, pk)
    return render(
        request,
        "conference/closing.html",
        {
            "conference": conference,
            "minutes": selectors.minutes_data(conference),
            "reminders": conference.reminders.all(),
            "can_run": can_run,
            "can_prepare": access.can_prepare(request.user, conference, conference.agency),
            "plan_year": services.plan_year(conference),
            "done_form": forms.ReminderDoneForm(initial={"done_on": timezone.localdate()}),
            "is_presidium": access.is_presidium(request.user, conference),
            "award_form": forms.AwardForm(),
            "target_form": forms.TargetForm(),
            "reopen_form": forms.ReopenForm(),
            "hours_form": forms.HoursForm(initial=_noted_hours(conference)),
            "speech_form": forms.ClosingSpeechForm(
                initial={
                    "speaker": conference.closing_speaker_id,
                    "points": conference.closing_points,
                    "quote": conference.closing_quote,
                    "awards_by": conference.awards_presented_by_id,
                },
                agency=conference.agency,
            ),
        },
    )


def _closing_action(request: HttpRequest, conference: Conference) -> None:
    action, user = request.POST.get("action", ""), request.user
    if action == "award":
        form = forms.AwardForm(request.POST)
        if not form.is_valid():
            raise ConferenceError(
                "conference.award.incomplete", "Nhập danh hiệu và tập thể, cá nhân được khen."
            )
        services.add_award(conference, actor=user, **form.cleaned_data)
    elif action == "target":
        target = forms.TargetForm(request.POST)
        if not target.is_valid():
            raise ConferenceError("conference.target.empty", "Nhập nội dung chỉ tiêu.")
        services.add_resolution_target(conference, actor=user, **target.cleaned_data)
    elif action == "closing_speech":
        speech = forms.ClosingSpeechForm(request.POST, agency=conference.agency)
        if not speech.is_valid():
            raise ConferenceError(
                "conference.closing.invalid",
                "Phát biểu kết luận: "
                + "; ".join(str(e) for errors in speech.errors.values() for e in errors),
            )
        services.record_closing_speech(conference, actor=user, **speech.cleaned_data)
        messages.success(request, "Đã ghi phát biểu kết luận và người trao khen thưởng.")
    elif action == "hours":
        hours = forms.HoursForm(request.POST)
        if not hours.is_valid():
            raise ConferenceError(
                "conference.hours.invalid",
                "Giờ khai mạc, bế mạc: nhập giờ dạng hh:mm (ví dụ 07:30, 11:15).",
            )
        services.set_hours(conference, actor=user, **hours.cleaned_data)
        messages.success(request, "Đã ghi giờ khai mạc, bế mạc vào biên bản.")
    elif action == "import_awards":
        added = services.import_awards(conference, actor=user)
        messages.success(request, f"Đã lấy {added} khen thưởng từ các quyết định khen thưởng.")
    elif action == "carry":
        added = services.carry_targets_to_plan(conference, actor=user)
        messages.success(request, f"Đã chuyển {added} chỉ tiêu vào kế hoạch năm {conference.year}.")
    elif action == "reminder":
        _reminder_done(request, conference)
    elif action == "reopen":
        access.require(access.is_presidium(user, conference))
        services.reopen_conference(
            conference, by=own_person(user), reason=request.POST.get("reason", ""), actor=user
        )
    else:
        raise Http404("Không có thao tác này.")


def _noted_hours(conference: Conference) -> dict[str, Any]:
    """The hours recorded, else the clock of the opening and closing in the app (Vietnam time)."""

    def clock(moment: datetime | None) -> time | None:
        return (
            timezone.localtime(moment).time().replace(second=0, microsecond=0) if moment else None
        )

    return {
        "minutes_opened_at": conference.minutes_opened_at or clock(conference.opened_at),
        "minutes_closed_at": conference.minutes_closed_at or clock(conference.closed_at),
    }


def _reminder_done(request: HttpRequest, conference: Conference) -> None:
    form = forms.ReminderDoneForm(request.POST)
    if not form.is_valid():
        raise ConferenceError("conference.reminder.date", "Ngày đã làm: nhập ngày dạng dd/mm/yyyy.")
    reminder = get_object_or_404(conference.reminders, pk=form.cleaned_data["reminder"])
    services.complete_reminder(reminder, done_on=form.cleaned_data["done_on"], actor=request.user)
    messages.success(request, f"Đã đánh dấu xong: {reminder.title}.")


def pledge(request: HttpRequest, agency_code: str, pk: int) -> HttpResponse:
    """Giao ước thi đua: the text, then each signature; C9 warns until head and union signed."""
    conference = access.get_conference_for_user(request, agency_code, pk)
    can_run = access.can_run(request.user, conference)
    row = Pledge.objects.filter(conference=conference).first()
    form = forms.PledgeForm(
        None,
        initial={
            "text": row.text if row else "",
            "signed_on": row.signed_on if row else conference.held_on,
        },
    )
    signer_form = forms.SignerForm(None, agency=conference.agency)
    if request.method == "POST":
        access.require(can_run)
        action = request.POST.get("action", "")
        try:
            if action == "text":
                form = forms.PledgeForm(request.POST)
                if form.is_valid():
                    services.set_pledge_text(
                        conference,
                        text=form.cleaned_data["text"],
                        signed_on=form.cleaned_data["signed_on"],
                        actor=request.user,
                    )
                    return redirect("conference:pledge", agency_code, pk)
            elif action == "sign":
                signer_form = forms.SignerForm(request.POST, agency=conference.agency)
                if signer_form.is_valid():
                    services.add_pledge_signer(
                        conference, signer=signer_form.cleaned_data["signer"], actor=request.user
                    )
                    return redirect("conference:pledge", agency_code, pk)
            else:
                raise Http404("Không có thao tác này.")
        except ConferenceError as exc:
            messages.error(request, exc.message)
    return render(
        request,
        "conference/pledge.html",
        {
            "conference": conference,
            "pledge": row,
            "can_run": can_run,
            "form": form,
            "signer_form": signer_form,
            "check": services.pledge_check(conference) if row else None,
            "signers": row.signers.order_by("sort_key") if row else [],
        },
    )
