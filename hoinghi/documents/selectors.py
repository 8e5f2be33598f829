"""Reads of documents that other screens use (reports, the home page)."""

from __future__ import annotations

from django.db.models import QuerySet

from hoinghi.documents.models import Document, DocumentBatch, DocumentState, RegisterSettings
from hoinghi.org.models import Agency


def issued_documents(agency: Agency, *, year: int | None = None) -> QuerySet[Document]:
    """The register: issued documents by date and number."""
    rows = Document.objects.filter(agency=agency, state=DocumentState.ISSUED)
    if year is not None:
        rows = rows.filter(number_year=year)
    return rows.select_related("person").order_by("-issued_on", "-number", "-pk")


def drafts(agency: Agency) -> QuerySet[Document]:
    return Document.objects.filter(agency=agency, state=DocumentState.DRAFT).select_related(
        "person"
    )


def batches(agency: Agency) -> QuerySet[DocumentBatch]:
    return DocumentBatch.objects.filter(agency=agency).order_by("-created_at", "-pk")


def register_settings(agency: Agency) -> RegisterSettings:
    """The agency's register choices; the defaults (a series per type) if never set."""
    found = RegisterSettings.objects.filter(agency=agency).first()
    return found if found is not None else RegisterSettings(agency=agency)
