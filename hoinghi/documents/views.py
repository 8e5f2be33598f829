"""Documents screens: the list and register, a draft's editor, issuing, downloads, batches."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from hoinghi.documents import access, forms, selectors, services
from hoinghi.documents.catalogue import BY_SLUG
from hoinghi.documents.pdf import PdfUnavailable
from hoinghi.documents.services import DocumentError
from hoinghi.documents.signing import SigningError, document_pdf
from hoinghi.org.access import get_agency_for_user
from hoinghi.org.models import Person

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def document_list(request: HttpRequest, agency_code: str) -> HttpResponse:
    agency = get_agency_for_user(request, agency_code)
    can_edit = access.can_edit(request.user, agency)
    form = forms.DraftForm(request.POST or None)
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
                        agency, data["kind"], year=data["year"], person=person, actor=request.user
                    )
                    return redirect(document)
                except DocumentError as exc:
                    form.add_error(exc.field if exc.field in form.fields else None, exc.message)
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
        },
    )


def document_detail(request: HttpRequest, agency_code: str, pk: int) -> HttpResponse:
    document = access.get_document_for_user(request, agency_code, pk)
    can_edit = access.can_edit(request.user, document.agency) and document.is_draft
    form, error = None, ""
    if can_edit:
        try:
            sections = services.compose(document).editable_sections()
        except DocumentError as exc:
            sections, error = [], exc.message
        form = forms.SectionsForm(request.POST or None, sections=sections)
        if request.method == "POST" and form.is_valid():
            try:
                services.edit_draft(document, form.cleaned_data, actor=request.user)
                messages.success(request, "Đã lưu dự thảo.")
                return redirect(document)
            except DocumentError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
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
        },
    )


@require_POST
def document_issue(request: HttpRequest, agency_code: str, pk: int) -> HttpResponse:
    document = access.get_document_for_user(request, agency_code, pk)
    access.require(access.can_edit(request.user, document.agency))
    try:
        document = services.issue_document(document, actor=request.user)
        messages.success(request, f"Đã ban hành văn bản {document.number_text}".strip() + ".")
    except DocumentError as exc:
        messages.error(request, exc.message)
    return redirect(document)


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
    try:
        batch = services.start_batch(
            agency, data["kind"], year=data["year"], with_pdf=data["with_pdf"], actor=request.user
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
    form = forms.RegisterSettingsForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        try:
            services.set_register_settings(agency, actor=request.user, **form.cleaned_data)
            messages.success(request, "Đã lưu cách đánh số văn bản.")
            return redirect("documents:register", agency.code)
        except DocumentError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
    return render(request, "documents/register.html", {"agency": agency, "form": form})
