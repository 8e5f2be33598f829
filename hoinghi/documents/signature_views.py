"""The clerk's check of a signed PDF: upload it, see who signed, when, and whether it holds."""

from __future__ import annotations

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from hoinghi.documents import access
from hoinghi.documents.signing import MAX_UPLOAD, SignatureReport, SigningError, verify_pdf
from hoinghi.org.access import get_agency_for_user


class SignedPdfForm(forms.Form):
    file = forms.FileField(label="Tệp PDF đã ký số")

    def clean_file(self) -> object:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(f"Tệp quá lớn (tối đa {MAX_UPLOAD // 1024 // 1024} MB).")
        return upload


def signature_check(request: HttpRequest, agency_code: str) -> HttpResponse:
    agency = get_agency_for_user(request, agency_code)
    access.require(access.can_edit(request.user, agency))
    form = SignedPdfForm(request.POST or None, request.FILES or None)
    reports: list[SignatureReport] | None = None
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            reports = verify_pdf(form.cleaned_data["file"].read())
        except SigningError as exc:
            error = exc.message
    return render(
        request,
        "documents/signature_check.html",
        {"agency": agency, "form": form, "reports": reports, "error": error},
    )
