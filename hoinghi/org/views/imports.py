"""Staff import (upload → preview → confirm, a large file then followed on its progress page),
the import template, and the staff export."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from hoinghi.org import exports
from hoinghi.org.imports import guards
from hoinghi.org.imports.access import get_managed_agency_for_user, get_staff_import_for_user
from hoinghi.org.imports.files import read_upload
from hoinghi.org.imports.forms import StaffFileForm
from hoinghi.org.imports.jobs import runs_in_background, start_staff_import
from hoinghi.org.imports.models import StaffImport, StaffImportState
from hoinghi.org.imports.services import (
    StaffImportError,
    confirm_staff_import,
    earlier_import,
    preview_staff_import,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PREVIEW_ROWS = 50


@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest, agency_code: str) -> HttpResponse:
    agency = get_managed_agency_for_user(request, agency_code)
    form = StaffFileForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            staff_import = preview_staff_import(
                agency,
                read_upload(upload.chunks()),
                filename=upload.name,
                uploaded_by=request.user,  # type: ignore[arg-type]
            )
        except StaffImportError as exc:
            errors = exc.messages
        else:
            return redirect("org:import-preview", agency.code, staff_import.token)
    status = 400 if errors or form.errors else 200
    refusals = [] if errors else guards.refusals(agency)
    return render(
        request,
        "org/import_upload.html",
        {"agency": agency, "form": form, "errors": errors, "refusals": refusals},
        status=status,
    )


def import_preview(request: HttpRequest, agency_code: str, token: UUID) -> HttpResponse:
    """The preview, and afterwards the import's progress and outcome (``?format=json`` for the
    page's script)."""
    agency = get_managed_agency_for_user(request, agency_code)
    staff_import = get_staff_import_for_user(request, agency, token)
    if request.GET.get("format") == "json":
        return _progress_json(staff_import)
    return render(
        request,
        "org/import_preview.html",
        {
            "agency": agency,
            "staff_import": staff_import,
            "planned": staff_import.planned,
            "rows": staff_import.payload["rows"][:PREVIEW_ROWS],
            "earlier": earlier_import(staff_import),
            "expired": staff_import.is_expired(),
            "stalled": staff_import.is_stalled(),
            "background": runs_in_background(staff_import),
        },
    )


def _progress_json(staff_import: StaffImport) -> JsonResponse:
    response = JsonResponse(
        {
            "state": staff_import.state,
            "progress": staff_import.progress,
            "rows": staff_import.row_count,
            "percent": round(100 * staff_import.progress / max(staff_import.row_count, 1)),
            "stalled": staff_import.is_stalled(),
            "done": staff_import.state in (StaffImportState.APPLIED, StaffImportState.FAILED),
            # What the page's live region reads: the count as Vietnamese writes it, whether
            # every row is read (now writing), and whether to reload for the outcome.
            "progress_label": f"{staff_import.progress:,}".replace(",", "."),
            "writing": staff_import.progress >= staff_import.row_count,
            "ended": staff_import.is_stalled()
            or staff_import.state in (StaffImportState.APPLIED, StaffImportState.FAILED),
        }
    )
    response["Cache-Control"] = "no-store"
    return response


@require_POST
def import_confirm(request: HttpRequest, agency_code: str, token: UUID) -> HttpResponse:
    agency = get_managed_agency_for_user(request, agency_code)
    staff_import = get_staff_import_for_user(request, agency, token)
    try:
        if runs_in_background(staff_import):
            start_staff_import(staff_import, confirmed_by=request.user)  # type: ignore[arg-type]
            return redirect("org:import-preview", agency.code, staff_import.token)
        counts = confirm_staff_import(staff_import, confirmed_by=request.user)  # type: ignore[arg-type]
    except StaffImportError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("org:import-staff", agency.code)
    messages.success(
        request,
        f"Đã nhập danh sách: thêm {counts.people_created} người, cập nhật "
        f"{counts.people_updated}, giữ nguyên {counts.people_unchanged}; thêm "
        f"{counts.units_created} đơn vị, {counts.positions_created} chức danh.",
    )
    return redirect("org:people", agency.code)


def _xlsx(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def import_template(request: HttpRequest, agency_code: str) -> HttpResponse:
    get_managed_agency_for_user(request, agency_code)
    return _xlsx(exports.staff_template(), "mau-nhap-can-bo.xlsx")


def export_people(request: HttpRequest, agency_code: str) -> HttpResponse:
    agency = get_managed_agency_for_user(request, agency_code)
    stamp = f"{timezone.localdate():%Y%m%d}"
    return _xlsx(exports.export_staff(agency), f"can-bo-{agency.code}-{stamp}.xlsx")
