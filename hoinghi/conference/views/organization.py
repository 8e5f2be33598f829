"""Who sits where: the presidium and secretaries, invitations, delegate allocation per unit."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from hoinghi.conference import access, forms, selectors, services
from hoinghi.conference.models import Conference
from hoinghi.conference.services import ConferenceError
from hoinghi.org.models import Unit
from hoinghi.refusals import form_refused


def _for_preparer(request: HttpRequest, agency_code: str, pk: int) -> Conference:
    conference = access.get_conference_for_user(request, agency_code, pk)
    access.require(access.can_prepare(request.user, conference, conference.agency))
    return conference


def presidium(request: HttpRequest, agency_code: str, pk: int) -> HttpResponse:
    """Đoàn Chủ tịch (default: the head and the union chair) and the secretaries."""
    conference = _for_preparer(request, agency_code, pk)
    initial = {
        "presidium": list(conference.presidium.all()),
        "secretaries": list(conference.secretaries.all()),
        "presidium_head": conference.presidium_head_id,
        "starts_at": conference.starts_at,
    }
    form = forms.PresidiumForm(request.POST or None, initial=initial, agency=conference.agency)
    if request.method == "POST" and form.is_valid():
        try:
            _save_presidium(conference, form.cleaned_data, request.user)
            messages.success(
                request, "Đã lưu Đoàn Chủ tịch, người chủ trì, thư ký và giờ khai mạc dự kiến."
            )
            return redirect("conference:presidium", agency_code, pk)
        except ConferenceError as exc:
            form_refused(form, exc)
    return render(request, "conference/presidium.html", {"conference": conference, "form": form})


def _save_presidium(conference: Conference, data: dict[str, Any], actor: Any) -> None:
    """Members, head and planned hour in one transaction: all saved or none."""
    with transaction.atomic():
        services.set_presidium(
            conference,
            presidium=data["presidium"],
            secretaries=data["secretaries"],
            actor=actor,
        )
        services.set_presidium_head(conference, data["presidium_head"], actor=actor)
        services.set_hours(conference, starts_at=data["starts_at"], actor=actor)


def invite(request: HttpRequest, agency_code: str, pk: int) -> HttpResponse:
    """Mời đại biểu, đại biểu đương nhiên, khách mời: each gets a personal code and QR."""
    conference = _for_preparer(request, agency_code, pk)
    form = forms.InviteForm(request.POST or None, conference=conference)
    if request.method == "POST" and form.is_valid():
        try:
            added = services.add_participants(
                conference,
                form.cleaned_data["people"],
                role=form.cleaned_data["role"],
                actor=request.user,
            )
            messages.success(request, f"Đã mời thêm {added} người.")
            return redirect("conference:participants", agency_code, pk)
        except ConferenceError as exc:
            form_refused(form, exc)
    return render(request, "conference/invite.html", {"conference": conference, "form": form})


def quotas(request: HttpRequest, agency_code: str, pk: int) -> HttpResponse:
    """Phân bổ đại biểu per unit for a Hội nghị đại biểu; the sum is the delegate count."""
    conference = _for_preparer(request, agency_code, pk)
    units = list(
        Unit.objects.filter(agency=conference.agency, parent__isnull=True).order_by(
            "position", "name"
        )
    )
    current = {q.unit_id: q.seats for q in selectors.delegate_quotas(conference)}
    form = forms.QuotaForm(
        request.POST or None,
        units=units,
        initial_quotas=current,
        initial={"delegate_count": conference.delegate_count},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.set_delegate_quotas(
                conference,
                quotas=form.quotas(),
                actor=request.user,
                delegate_count=form.cleaned_data["delegate_count"],
            )
            messages.success(request, "Đã lưu phân bổ đại biểu.")
            return redirect("conference:quotas", agency_code, pk)
        except ConferenceError as exc:
            form_refused(form, exc)
    return render(
        request,
        "conference/quotas.html",
        {"conference": conference, "form": form, "quotas": selectors.delegate_quotas(conference)},
    )
