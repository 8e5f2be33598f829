"""Documents screens: the list and register, a draft's editor, issuing, downloads, batches."""

from __future__ import annotations

from django.contrib import messages
from django.core.management.base import CommandError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from hoinghi.conference.selectors import conferences_of
from hoinghi.documents import access, forms, selectors, services
from hoinghi.documents.catalogue import BY_SLUG, KINDS
from hoinghi.documents.commandline import CONFERENCE_KINDS, source_year
from hoinghi.documents.models import Document
from hoinghi.documents.paper import (
    BASES,
    RECIPIENTS,
    SUMMARY,
    Paper,
    list_key,
    signature_key,
    table_text,
)
from hoinghi.documents.pdf import PdfUnavailable
from hoinghi.documents.register import COLUMNS, register_rows, register_xlsx
from hoinghi.documents.services import DocumentError
from hoinghi.documents.signing import SigningError, document_pdf
from hoinghi.org.access import get_agency_for_user
from hoinghi.org.models import Agency, Person
from hoinghi.refusals import attempt, form_refused

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def document_list(request: HttpRequest, agency_code: str) -> HttpResponse:
    agency = get_agency_for_user(request, agency_code)
    can_edit = access.can_edit(request.user, agency)
    form = forms.DraftForm(request.POST or None)
    form.fields["person"].widget.attrs["list"] = "ds-can-bo"  # the staff, by code and name
    if request.method == "POST":
        access.require(can_edit)
        if form.is_valid():
            data = form.cleaned_data
            person = None
            if data["person"]:
                person = Person.objects.filter(
                    agency=agency, staff_code=data["person"].strip()
                ).first()
                if person is None:
                    form.add_error(
                        "person", f'Không có cán bộ mã "{data["person"]}" trong cơ quan.'
                    )
            if not form.errors:
                try:
                    document = services.create_draft(
                        agency,
                        data["kind"],
                        year=_source_year(agency, data["kind"], data["year"]),
                        person=person,
                        actor=request.user,
                    )
                    return redirect(document)
                except DocumentError as exc:
                    form_refused(form, exc)
    documents = access.documents_for_user(request.user, agency)[:200]
    return render(
        request,
        "documents/list.html",
        {
            "agency": agency,
            "documents": documents,
            "form": form,
            "can_edit": can_edit,
            "can_set_register": access.can_set_register(request.user, agency),
            "batch_form": forms.BatchForm(),
            "batches": selectors.batches(agency)[:10] if can_edit else [],
            "people": Person.objects.filter(agency=agency).order_by("sort_key", "staff_code")
            if can_edit
            else [],
        },
    )


def _source_year(agency: Agency, kind: str, year: int) -> int:
    """The form's "Năm công tác" is the work year under review, as the commands' ``--year``: a
    conference's documents are those of the conference reviewing it (held the next year); the
    year as typed when no conference reviews it."""
    if kind not in CONFERENCE_KINDS:
        return year
    try:
        return source_year(agency, kind, year, None)
    except CommandError:
        return year


def document_detail(request: HttpRequest, agency_code: str, pk: int) -> HttpResponse:
    document = access.get_document_for_user(request, agency_code, pk)
    can_edit = access.can_edit(request.user, document.agency) and document.is_draft
    form, error = None, ""
    paper = None
    if can_edit:
        try:
            paper = services.compose(document)
            sections = paper.editable_sections()
        except DocumentError as exc:
            sections, error = [], exc.message
        form = forms.SectionsForm(
            request.POST or None, sections=sections, parts=_parts(document, paper)
        )
        if request.method == "POST" and form.is_valid():
            try:
                edits = {
                    k: v
                    for k, v in form.cleaned_data.items()
                    if k in request.POST and k in form.changed_data
                }
                services.edit_draft(document, edits, actor=request.user)
                messages.success(request, "Đã lưu dự thảo.")
                return redirect(document)
            except DocumentError as exc:
                form_refused(form, exc)
    elif request.method == "POST":
        access.require(False)
    return render(
        request,
        "documents/detail.html",
        {
            "document": document,
            "agency": document.agency,
            "kind": BY_SLUG.get(document.kind),
            "form": form,
            "can_edit": can_edit,
            "error": error,
            "paper": paper,
            "copy_form": forms.SignedCopyForm()
            if access.can_edit(request.user, document.agency)
            else None,
        },
    )


def _parts(document: Document, paper: Paper | None) -> list[tuple[str, str, str]]:
    """Each part besides the sections, with its current text, for the draft's editor."""
    if paper is None:
        return []
    current = {
        SUMMARY: paper.summary,
        services.DATE_KEY: services.planned_date(document, paper).isoformat(),
        BASES: "\n".join(paper.bases),
        RECIPIENTS: "\n".join(paper.recipients),
    }
    for index, sig in enumerate(paper.signatures):
        current[signature_key(index, "authority")] = sig.authority
        current[signature_key(index, "on_behalf_of")] = sig.on_behalf_of
        current[signature_key(index, "title")] = "\n".join(sig.lines)
        current[signature_key(index, "name")] = sig.name
    for index, appendix in enumerate(paper.appendices):
        current[list_key(index)] = table_text(appendix.table)
    return [(k, label, current.get(k, "")) for k, label in services.other_parts(paper).items()]


def document_issue(request: HttpRequest, agency_code: str, pk: int) -> HttpResponse:
    """The confirmation step of "Ban hành": the preview, the date, the number, then issue."""
    document = access.get_document_for_user(request, agency_code, pk)
    access.require(access.can_edit(request.user, document.agency))
    if not document.is_draft:
        messages.error(request, f"Văn bản đã ban hành: {document.number_text}.")
        return redirect(document)
    try:
        paper = services.compose(document)
    except DocumentError as exc:
        messages.error(request, exc.message)
        return redirect(document)
    initial = {"issued_on": services.planned_date(document, paper), "copies": 1}
    form = forms.IssueForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            document = services.issue_document(
                document,
                actor=request.user,
                on=data["issued_on"],
                number=data["number"],
                copies=data["copies"],
                confirm_empty=data["confirm_empty"],
            )
            messages.success(request, f"Đã ban hành văn bản {document.number_text}".strip() + ".")
            return redirect(document)
        except DocumentError as exc:
            form_refused(form, exc)
    return render(
        request,
        "documents/issue.html",
        {"document": document, "agency": document.agency, "paper": paper, "form": form},
    )


@require_POST
def signed_copy_upload(request: HttpRequest, agency_code: str, pk: int) -> HttpResponse:
    document = access.get_document_for_user(request, agency_code, pk)
    access.require(access.can_edit(request.user, document.agency))
    upload = request.FILES.get("file")
    if upload is None or upload.size is None or upload.size > services.MAX_SIGNED_COPY:
        messages.error(request, "Chưa chọn tệp, hoặc tệp lớn quá 20 MB.")
        return redirect(document)
    attempt(
        request,
        lambda: services.attach_signed_copy(
            document, upload.name or "", upload.read(), actor=request.user
        ),
        "Đã gắn bản đã ký vào sổ đăng ký.",
    )
    return redirect(document)


def signed_copy_download(request: HttpRequest, agency_code: str, pk: int) -> HttpResponseBase:
    document = access.get_document_for_user(request, agency_code, pk)
    if not document.signed_copy:
        raise Http404("Chưa có bản đã ký.")
    name = document.signed_copy.name.rsplit("/", 1)[-1]
    return FileResponse(document.signed_copy.open("rb"), as_attachment=True, filename=name)


def _register_year(request: HttpRequest) -> int:
    try:
        return max(2000, min(2100, int(request.GET.get("nam", ""))))
    except ValueError:
        return timezone.localdate().year


def register_export(request: HttpRequest, agency_code: str) -> HttpResponse:
    agency = get_agency_for_user(request, agency_code)
    access.require(access.can_edit(request.user, agency))
    year = _register_year(request)
    return HttpResponse(
        register_xlsx(agency, year),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": f'attachment; filename="so-van-ban-di-{year}.xlsx"'},
    )


def register_print(request: HttpRequest, agency_code: str) -> HttpResponse:
    agency = get_agency_for_user(request, agency_code)
    access.require(access.can_edit(request.user, agency))
    year = _register_year(request)
    return render(
        request,
        "documents/register_print.html",
        {"agency": agency, "year": year, "rows": register_rows(agency, year), "columns": COLUMNS},
    )


def document_download(request: HttpRequest, agency_code: str, pk: int) -> HttpResponse:
    document = access.get_document_for_user(request, agency_code, pk)
    try:
        docx = services.render(document)
    except DocumentError as exc:
        messages.error(request, exc.message)
        return redirect(document)
    name = f"{document.kind}-{document.number or 'du-thao'}-{document.pk}"
    if request.GET.get("dinh-dang") == "pdf":
        try:
            return HttpResponse(
                document_pdf(document, docx),
                content_type="application/pdf",
                headers={"Content-Disposition": f'attachment; filename="{name}.pdf"'},
            )
        except (PdfUnavailable, SigningError) as exc:
            messages.error(request, exc.message)
            return redirect(document)
    return HttpResponse(
        docx,
        content_type=DOCX,
        headers={"Content-Disposition": f'attachment; filename="{name}.docx"'},
    )


@require_POST
def batch_start(request: HttpRequest, agency_code: str) -> HttpResponse:
    agency = get_agency_for_user(request, agency_code)
    access.require(access.can_edit(request.user, agency))
    form = forms.BatchForm(request.POST)
    if not form.is_valid():
        messages.error(
            request,
            "Lô văn bản: " + "; ".join(str(e) for errs in form.errors.values() for e in errs),
        )
        return redirect("documents:list", agency.code)
    data = form.cleaned_data
    year = _source_year(agency, data["kind"], data["year"])
    if data["kind"] in CONFERENCE_KINDS and not conferences_of(agency).filter(year=year).exists():
        messages.error(
            request,
            f"Lô văn bản: chưa có Hội nghị tổng kết năm công tác {data['year']}; "
            "tạo Hội nghị trước khi tạo lô văn bản của Hội nghị.",
        )
        return redirect("documents:list", agency.code)
    try:
        batch = services.start_batch(
            agency, data["kind"], year=year, with_pdf=data["with_pdf"], actor=request.user
        )
    except DocumentError as exc:
        messages.error(request, exc.message)
        return redirect("documents:list", agency.code)
    return redirect(batch)


def batch_detail(request: HttpRequest, agency_code: str, pk: int) -> HttpResponse:
    batch = services.recover_batch(
        access.get_batch_for_user(request, agency_code, pk), restart=True
    )
    return render(request, "documents/batch.html", {"batch": batch, "agency": batch.agency})


def batch_status(request: HttpRequest, agency_code: str, pk: int) -> JsonResponse:
    batch = services.recover_batch(
        access.get_batch_for_user(request, agency_code, pk), restart=True
    )
    return JsonResponse(
        {
            "state": batch.state,
            "state_label": batch.get_state_display(),
            "done": batch.done,
            "total": batch.total,
            "percent": batch.percent,
            "error": batch.error,
            "ready": bool(batch.result),
        }
    )


def batch_download(request: HttpRequest, agency_code: str, pk: int) -> HttpResponseBase:
    batch = access.get_batch_for_user(request, agency_code, pk)
    if not batch.result:
        messages.error(request, "Lô văn bản chưa tạo xong.")
        return redirect(batch)
    return FileResponse(
        batch.result.open("rb"),
        as_attachment=True,
        filename=f"{batch.kind}-{batch.year}-{batch.pk}.zip",
    )


def register_settings(request: HttpRequest, agency_code: str) -> HttpResponse:
    """The head's choice of numbering (one series or one per type) and the letterhead names."""
    agency = get_agency_for_user(request, agency_code)
    access.require_register(access.can_set_register(request.user, agency))
    current = selectors.register_settings(agency)
    start = forms.StartingNumberForm(
        request.POST if "next_number" in request.POST else None,
        initial={"year": timezone.localdate().year},
    )
    if start.is_bound:
        if start.is_valid():
            try:
                services.set_starting_number(agency, actor=request.user, **start.cleaned_data)
                messages.success(request, "Đã đặt số tiếp theo của sổ.")
                return redirect("documents:register", agency.code)
            except DocumentError as exc:
                form_refused(start, exc)
        form = forms.RegisterSettingsForm(instance=current)
        return _register_page(request, agency, form, start)
    form = forms.RegisterSettingsForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        try:
            services.set_register_settings(agency, actor=request.user, **form.cleaned_data)
            messages.success(request, "Đã lưu cách đánh số văn bản.")
            return redirect("documents:register", agency.code)
        except DocumentError as exc:
            form_refused(form, exc)
    return _register_page(request, agency, form, start)


def _register_page(
    request: HttpRequest,
    agency: Agency,
    form: forms.RegisterSettingsForm,
    start: forms.StartingNumberForm,
) -> HttpResponse:
    series = sorted({k.register_key for k in KINDS} | {k.series(True) for k in KINDS})
    return render(
        request,
        "documents/register.html",
        {
            "agency": agency,
            "form": form,
            "start": start,
            "series": series,
            "can_edit": access.can_edit(request.user, agency),
        },
    )
