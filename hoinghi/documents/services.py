"""Every change to documents: drafts, edits, issuing with a number, batches.

Numbers come from one counter row per (agency, series, calendar year), locked in the issuing
transaction (``select_for_update``; SQLite serialises writers with IMMEDIATE transactions), so
two clerks issuing at once never share a number, and a unique constraint backs it up.
"""

from __future__ import annotations

import io
import tempfile
import threading
import zipfile
from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.files.base import ContentFile
from django.db import close_old_connections, transaction
from django.db.models import F
from django.utils import timezone

from hoinghi.audit.services import record
from hoinghi.documents.catalogue import DocumentKind, UnknownKind, kind
from hoinghi.documents.contexts import MissingData, Source, for_person
from hoinghi.documents.docx_writer import number_text, render_docx
from hoinghi.documents.models import (
    BatchState,
    Document,
    DocumentBatch,
    DocumentCounter,
    DocumentState,
)
from hoinghi.documents.paper import Paper, apply_edits, numbered
from hoinghi.documents.pdf import PdfUnavailable, convert_many
from hoinghi.law.documents import NumberSequenceFacts, decide_next_number
from hoinghi.org import selectors as org_selectors
from hoinghi.org.models import Agency, Person

Actor = AbstractBaseUser | AnonymousUser | None
MAX_SECTION_CHARS = 20_000


class DocumentError(Exception):
    """A refused change, with a stable code and a Vietnamese message naming the field."""

    def __init__(self, code: str, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field


def source_of(agency: Agency, year: int, person: Person | None = None) -> Source:
    return Source(agency, year, org_selectors.work_year(agency, year), person)


def _kind(slug: str) -> DocumentKind:
    try:
        return kind(slug)
    except UnknownKind as exc:
        raise DocumentError("documents.unknown_kind", exc.message, field="kind") from None


def compose(document: Document) -> Paper:
    """The document as it stands: fresh data, the user's edits, its number once issued."""
    paper = _compose_source(_kind(document.kind), source_of(document.agency, document.year, document.person))
    paper = apply_edits(paper, document.sections)
    if document.number is not None and document.issued_on is not None:
        paper = numbered(paper, document.number, document.issued_on)
    elif document.issued_on is not None:
        paper = replace(paper, issued_on=document.issued_on)
    return paper


def _compose_source(doc_kind: DocumentKind, source: Source) -> Paper:
    if doc_kind.person == "required" and source.person is None:
        raise DocumentError("documents.person_required", f"{doc_kind.name} cần chọn một người.",
                            field="person")
    try:
        return doc_kind.paper(source)
    except MissingData as exc:
        raise DocumentError(exc.code, exc.message) from None


def render(document: Document) -> bytes:
    """DOCX bytes: the stored file of an issued document, a fresh rendering of a draft."""
    if not document.is_draft and document.file:
        with document.file.open("rb") as handle:
            return handle.read()
    return render_docx(compose(document), year=document.year)


def render_kind(slug: str, agency: Agency, year: int, *, person: Person | None = None) -> bytes:
    """Any type for an agency's year, without a stored draft (the command line)."""
    return render_docx(_compose_source(_kind(slug), source_of(agency, year, person)), year=year)


@transaction.atomic
def create_draft(agency: Agency, slug: str, *, year: int, actor: Actor,
                 person: Person | None = None) -> Document:
    doc_kind = _kind(slug)
    if person is not None and person.agency_id != agency.pk:
        raise DocumentError("documents.foreign_person", "Người được chọn không thuộc cơ quan này.",
                            field="person")
    if doc_kind.person == "no":
        person = None
    paper = _compose_source(doc_kind, source_of(agency, year, person))
    document = Document.objects.create(
        agency=agency, kind=slug, year=year, person=person, summary=paper.summary[:500],
        register_key=doc_kind.register_key, created_by=_user(actor))
    record("documents.create_draft", actor=actor, target=document, agency_code=agency.code,
           data={"kind": slug, "year": year, "person": person.staff_code if person else None})
    return document


def edit_draft(document: Document, edits: Mapping[str, str], *, actor: Actor) -> Document:
    """Keep the user's text of each editable section; unknown keys and issued documents refused."""
    with transaction.atomic():
        document = Document.objects.select_for_update().get(pk=document.pk)
        if not document.is_draft:
            raise DocumentError("documents.issued_frozen",
                                f"Văn bản {document.number_text} đã ban hành, không sửa được nữa.")
        paper = compose(document)
        allowed = {s.key: s.heading or s.key for s in paper.editable_sections()}
        for key, text in edits.items():
            if key not in allowed:
                raise DocumentError("documents.unknown_section", f"Phần \"{key}\" không sửa được.",
                                    field=key)
            if len(text) > MAX_SECTION_CHARS:
                raise DocumentError("documents.section_too_long",
                                    f"Phần \"{allowed[key]}\" dài quá {MAX_SECTION_CHARS:,} ký tự."
                                    .replace(",", "."), field=key)
        changed = {k: v.replace("\r\n", "\n").strip() for k, v in edits.items()}
        document.sections = {**document.sections, **changed}
        document.save(update_fields=["sections", "updated_at"])
        record("documents.edit_draft", actor=actor, target=document, agency_code=document.agency.code,
               data={"sections": sorted(changed)})
    return document


def _next_number(document: Document, on: date) -> tuple[int, dict[str, object]]:
    counter, _ = DocumentCounter.objects.select_for_update().get_or_create(
        agency=document.agency, register_key=document.register_key, year=on.year)
    last = counter.last_number or None
    decision = decide_next_number(NumberSequenceFacts(on, last, date(on.year, 1, 1) if last else None), on=on)
    number = int(decision.outcome)
    DocumentCounter.objects.filter(pk=counter.pk).update(last_number=F("last_number") + 1)
    return number, decision.to_dict()


def issue_document(document: Document, *, actor: Actor, on: date | None = None) -> Document:
    """Give the next number of the series, freeze the text and store the DOCX (D1, D2, E5)."""
    on = on or timezone.localdate()
    with transaction.atomic():
        document = Document.objects.select_for_update(of=("self",)).select_related("agency", "person").get(
            pk=document.pk)
        if not document.is_draft:
            raise DocumentError("documents.already_issued", f"Văn bản đã ban hành: {document.number_text}.")
        paper = compose(document)
        doc_kind = _kind(document.kind)
        number = None
        decision: dict[str, object] = {}
        if paper.numbered:
            number, decision = _next_number(document, on)
            paper = numbered(paper, number, on)
        else:
            paper = replace(paper, issued_on=on)
        docx = render_docx(paper, year=document.year)
        document.state = DocumentState.ISSUED
        document.number, document.number_year, document.issued_on = number, on.year, on
        document.number_text = number_text(paper) if number else ""
        document.issued_by = _user(actor)
        document.sections = {s.key: s.text for s in paper.sections if s.editable}
        document.summary = paper.summary[:500]
        document.file.save(f"{doc_kind.slug}-{document.pk}.docx", ContentFile(docx), save=False)
        document.save()
        record("documents.issue", actor=actor, target=document, agency_code=document.agency.code,
               data={"number": document.number_text, "issued_on": on.isoformat(),
                     "rule": decision.get("rule") or decision.get("code"), "decision": decision})
    return document


# --- batches --------------------------------------------------------------------------------


def start_batch(agency: Agency, slug: str, *, year: int, actor: Actor, with_pdf: bool = False,
                run_in_thread: bool = True) -> DocumentBatch:
    """Queue one document per staff member; a thread (or the worker command) makes them."""
    doc_kind = _kind(slug)
    if doc_kind.person == "no":
        raise DocumentError("documents.batch_not_personal",
                            f"{doc_kind.name} là văn bản chung của cơ quan, không tạo theo lô.", field="kind")
    work_year = org_selectors.work_year(agency, year)
    if work_year is None:
        raise DocumentError("documents.no_work_year", f"Chưa mở năm công tác {year}.", field="year")
    total = org_selectors.staff_on(agency, work_year.ends_on).count()
    with transaction.atomic():
        batch = DocumentBatch.objects.create(agency=agency, kind=slug, year=year, with_pdf=with_pdf,
                                             total=total, created_by=_user(actor))
        record("documents.start_batch", actor=actor, target=batch, agency_code=agency.code,
               data={"kind": slug, "year": year, "total": total, "pdf": with_pdf})
    if run_in_thread:
        transaction.on_commit(lambda: _run_in_thread(batch.pk))
    return batch


def _run_in_thread(batch_pk: int) -> None:
    def work() -> None:
        try:
            run_batch(DocumentBatch.objects.get(pk=batch_pk))
        finally:
            close_old_connections()

    threading.Thread(target=work, name=f"documents-batch-{batch_pk}", daemon=True).start()


def _claim(batch: DocumentBatch) -> bool:
    """Take a pending batch; False if another worker already has it."""
    return DocumentBatch.objects.filter(pk=batch.pk, state=BatchState.PENDING).update(
        state=BatchState.RUNNING) == 1


def run_batch(batch: DocumentBatch, *, progress_every: int = 25) -> DocumentBatch:
    """Make every document of the batch into one zip; progress is written as it goes."""
    if not _claim(batch):
        return batch
    try:
        data = _make_batch(batch, progress_every)
        batch.result.save(f"{batch.kind}-{batch.year}-{batch.pk}.zip", ContentFile(data), save=False)
        DocumentBatch.objects.filter(pk=batch.pk).update(
            state=BatchState.DONE, done=batch.total, result=batch.result.name, error=batch.error,
            finished_at=timezone.now())
    except Exception as exc:  # noqa: BLE001 - any failure ends the batch with its message
        message = getattr(exc, "message", None) or f"{type(exc).__name__}: {exc}"
        DocumentBatch.objects.filter(pk=batch.pk).update(state=BatchState.FAILED, error=message[:2000],
                                                         finished_at=timezone.now())
    batch.refresh_from_db()
    return batch


def _make_batch(batch: DocumentBatch, progress_every: int) -> bytes:
    doc_kind = _kind(batch.kind)
    agency = batch.agency
    source = source_of(agency, batch.year)
    if source.work_year is None:
        raise DocumentError("documents.no_work_year", f"Chưa mở năm công tác {batch.year}.")
    people = list(org_selectors.staff_on(agency, source.work_year.ends_on).order_by("sort_key", "pk"))
    shared = doc_kind.gather(source) if doc_kind.slug == "thong-bao-xep-loai" else None
    with tempfile.TemporaryDirectory(prefix="hoinghi-batch-") as work:
        folder = Path(work)
        paths: list[Path] = []
        for index, person in enumerate(people, start=1):
            if shared is not None:
                paper = doc_kind.build(for_person(shared, person))
            else:
                paper = _compose_source(doc_kind, replace(source, person=person))
            path = folder / f"{index:05d}-{person.staff_code}.docx"
            path.write_bytes(render_docx(paper, year=batch.year))
            paths.append(path)
            if index % progress_every == 0:
                DocumentBatch.objects.filter(pk=batch.pk).update(done=min(index, batch.total))
        pdfs: list[Path] = []
        if batch.with_pdf:
            try:
                pdfs = convert_many(paths, folder / "pdf")
            except PdfUnavailable as exc:
                batch.error = exc.message
        return _zip(paths + pdfs)


def _zip(paths: list[Path]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in paths:
            archive.write(path, arcname=("pdf/" if path.suffix == ".pdf" else "docx/") + path.name)
    return buffer.getvalue()


def _user(actor: Actor) -> AbstractBaseUser | None:
    return actor if actor is not None and getattr(actor, "is_authenticated", False) else None  # type: ignore[return-value]
