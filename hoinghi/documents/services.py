"""Every change to documents: drafts, edits, issuing with a number, batches.

Numbers come from one counter row per (agency, series, calendar year), locked in the issuing
transaction (``select_for_update``; SQLite serialises writers with IMMEDIATE transactions), so
two clerks issuing at once never share a number, and a unique constraint backs it up.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from hoinghi.actors import Actor
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
    Numbering,
    RegisterSettings,
)
from hoinghi.documents.paper import (
    BASES,
    RECIPIENTS,
    SUMMARY,
    Paper,
    apply_edits,
    list_key,
    numbered,
    signature_key,
)
from hoinghi.documents.pdf import PdfUnavailable, convert_many
from hoinghi.documents.selectors import register_settings
from hoinghi.jobs.models import JobState
from hoinghi.jobs.runner import (
    Heartbeat,
    active_job,
    enqueue,
    recover_stale_jobs,
    start_after_commit,
)
from hoinghi.law.bases import BasisSet, bases_on
from hoinghi.law.documents import NumberSequenceFacts, decide_next_number
from hoinghi.org import selectors as org_selectors
from hoinghi.org.models import Agency, Person
from hoinghi.refusals import Refusal

MAX_SECTION_CHARS = 20_000
HEARTBEAT_SECONDS = 30.0  # a running batch writes its heartbeat this often
STALE_AFTER = timedelta(minutes=5)  # no heartbeat for this long: the batch's worker died
MAX_ATTEMPTS = 2  # runs of a batch before a dead one is marked failed
BATCH_JOB = "documents.batch"  # the background job that makes a batch (documents/jobs.py)


class DocumentError(Refusal):
    """A refused change, with a stable code and a Vietnamese message naming the field."""


def source_of(agency: Agency, year: int, person: Person | None = None) -> Source:
    return Source(agency, year, org_selectors.work_year(agency, year), person)


def _kind(slug: str) -> DocumentKind:
    try:
        return kind(slug)
    except UnknownKind as exc:
        raise DocumentError("documents.unknown_kind", exc.message, field="kind") from None


DATE_KEY = "@date"  # the date the clerk chose for the draft (ISO), in its stored edits


def with_law_bases(paper: Paper, on: date) -> Paper:
    """The "Căn cứ …" lines of the law in force on ``on`` before the document's own bases."""
    if not paper.law_bases:
        return paper
    found = [b.text for b in bases_on(BasisSet(paper.law_bases), on)]
    notes = paper.notes
    if not found:
        notes = [*notes, f"Không có căn cứ pháp lý được liệt kê cho ngày {on:%d/%m/%Y}."]
    return replace(paper, bases=[*found, *paper.bases], notes=notes)


def planned_date(document: Document, paper: Paper | None = None) -> date:
    """The date the document will bear: the one issued, the clerk's choice, the data's, today."""
    if document.issued_on is not None:
        return document.issued_on
    chosen = document.sections.get(DATE_KEY, "")
    if chosen:
        try:
            return date.fromisoformat(chosen)
        except ValueError:
            pass
    if paper is not None and paper.suggested_on is not None:
        return paper.suggested_on
    return timezone.localdate()


def compose(document: Document) -> Paper:
    """The document as it stands: fresh data, the law's bases on its date, the user's edits,
    its number once issued."""
    paper = _compose_source(
        _kind(document.kind), source_of(document.agency, document.year, document.person)
    )
    paper = with_law_bases(paper, planned_date(document, paper))
    paper = apply_edits(paper, {k: v for k, v in document.sections.items() if k != DATE_KEY})
    if document.number is not None and document.issued_on is not None:
        paper = numbered(paper, document.number, document.issued_on)
    elif document.issued_on is not None:
        paper = replace(paper, issued_on=document.issued_on)
    return paper


def _compose_source(doc_kind: DocumentKind, source: Source) -> Paper:
    if doc_kind.person == "required" and source.person is None:
        raise DocumentError(
            "documents.person_required", f"{doc_kind.name} cần chọn một người.", field="person"
        )
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


def compose_kind(
    slug: str, agency: Agency, year: int, *, person: Person | None = None, on: date | None = None
) -> Paper:
    """Any type for an agency's year, without a stored draft, its bases of the date ``on``."""
    paper = _compose_source(_kind(slug), source_of(agency, year, person))
    return with_law_bases(paper, on or paper.suggested_on or timezone.localdate())


def render_kind(
    slug: str, agency: Agency, year: int, *, person: Person | None = None, on: date | None = None
) -> bytes:
    """Any type for an agency's year, without a stored draft (the command line)."""
    return render_docx(compose_kind(slug, agency, year, person=person, on=on), year=year)


@transaction.atomic
def create_draft(
    agency: Agency, slug: str, *, year: int, actor: Actor, person: Person | None = None
) -> Document:
    doc_kind = _kind(slug)
    if person is not None and person.agency_id != agency.pk:
        raise DocumentError(
            "documents.foreign_person", "Người được chọn không thuộc cơ quan này.", field="person"
        )
    if doc_kind.person == "no":
        person = None
    paper = _compose_source(doc_kind, source_of(agency, year, person))
    document = Document.objects.create(
        agency=agency,
        kind=slug,
        year=year,
        person=person,
        summary=paper.summary[:500],
        register_key=series_of(agency, doc_kind),
        created_by=_user(actor),
    )
    record(
        "documents.create_draft",
        actor=actor,
        target=document,
        agency_code=agency.code,
        data={"kind": slug, "year": year, "person": person.staff_code if person else None},
    )
    return document


def edit_draft(document: Document, edits: Mapping[str, str], *, actor: Actor) -> Document:
    """Keep the user's text of each editable section; unknown keys and issued documents refused."""
    with transaction.atomic():
        document = Document.objects.select_for_update().get(pk=document.pk)
        if not document.is_draft:
            raise DocumentError(
                "documents.issued_frozen",
                f"Văn bản {document.number_text} đã ban hành, không sửa được nữa.",
            )
        paper = compose(document)
        allowed = {s.key: s.heading or s.key for s in paper.editable_sections()}
        allowed.update(other_parts(paper))
        for key, text in edits.items():
            if key.endswith(".authority") and text.strip().upper() not in AUTHORITIES:
                raise DocumentError(
                    "documents.bad_authority",
                    f"Thẩm quyền ký «{text.strip()[:20]}» không có: ghi TM, KT, TL, TUQ, Q "
                    "hoặc để trống.",
                    field=key,
                )
        if DATE_KEY in edits and edits[DATE_KEY]:
            try:
                date.fromisoformat(edits[DATE_KEY])
            except ValueError:
                raise DocumentError(
                    "documents.bad_date", "Ngày văn bản không hợp lệ.", field=DATE_KEY
                ) from None
        for key, text in edits.items():
            if key not in allowed:
                raise DocumentError(
                    "documents.unknown_section", f'Phần "{key}" không sửa được.', field=key
                )
            if len(text) > MAX_SECTION_CHARS:
                raise DocumentError(
                    "documents.section_too_long",
                    f'Phần "{allowed[key]}" dài quá {MAX_SECTION_CHARS:,} ký tự.'.replace(",", "."),
                    field=key,
                )
        changed = {k: v.replace("\r\n", "\n").strip() for k, v in edits.items()}
        changed = {k: v.upper() if k.endswith(".authority") else v for k, v in changed.items()}
        document.sections = {**document.sections, **changed}
        document.save(update_fields=["sections", "updated_at"])
        record(
            "documents.edit_draft",
            actor=actor,
            target=document,
            agency_code=document.agency.code,
            data={"sections": sorted(changed)},
        )
    return document


def other_parts(paper: Paper) -> dict[str, str]:
    """The parts besides the sections a clerk edits: key → Vietnamese label."""
    parts = {SUMMARY: "Trích yếu", DATE_KEY: "Ngày văn bản"}
    if paper.bases or paper.law_bases:
        parts[BASES] = "Căn cứ"
    if paper.recipients:
        parts[RECIPIENTS] = "Nơi nhận"
    for index, _sig in enumerate(paper.signatures):
        for name, label in SIGNATURE_LABELS.items():
            parts[signature_key(index, name)] = f"Người ký {index + 1}: {label}"
    for index, appendix in enumerate(paper.appendices):
        parts[list_key(index)] = f"Danh sách: {appendix.title}"
    return parts


AUTHORITIES = frozenset({"", "TM", "KT", "TL", "TUQ", "Q"})  # D30 Art 13
SIGNATURE_LABELS = {
    "authority": "thẩm quyền (TM, KT, TL, TUQ, Q hoặc để trống)",
    "on_behalf_of": "thay mặt, ký thay cho",
    "title": "chức vụ",
    "name": "họ và tên",
}


def series_of(agency: Agency, doc_kind: DocumentKind) -> str:
    """The series the agency takes this type's numbers from: its own, or the one for all types."""
    return doc_kind.series(register_settings(agency).numbering == Numbering.SINGLE)


def _next_number(document: Document, on: date) -> tuple[int, dict[str, object]]:
    counter, _ = DocumentCounter.objects.select_for_update().get_or_create(
        agency=document.agency, register_key=document.register_key, year=on.year
    )
    last = counter.last_number or None
    decision = decide_next_number(
        NumberSequenceFacts(on, last, date(on.year, 1, 1) if last else None), on=on
    )
    number = int(decision.outcome)
    DocumentCounter.objects.filter(pk=counter.pk).update(last_number=F("last_number") + 1)
    return number, decision.to_dict()


MAX_SIGNED_COPY = 20 * 1024 * 1024  # bytes
SIGNED_COPY_TYPES = {b"%PDF-": "pdf", b"PK\x03\x04": "docx", b"\xff\xd8\xff": "jpg"}


def _check_issue(document: Document, paper: Paper, on: date, *, confirm_empty: bool) -> None:
    """The clerk's checks before a number is given: the date, a named signer, the list."""
    if on.year < document.year - 1:
        raise DocumentError(
            "documents.date_before_year",
            f"Ngày ban hành {on:%d/%m/%Y} ở trước năm {document.year - 1}.",
            field="issued_on",
        )
    if any(not s.name for s in paper.signatures):
        raise DocumentError(
            "documents.no_signer",
            "Chưa có họ tên người ký: ghi ở phần «Người ký» của dự thảo.",
            field="signer",
        )
    if paper.list_rows == 0 and not confirm_empty:
        raise DocumentError(
            "documents.empty_list",
            f"Danh sách {paper.list_name} đang trống: đánh dấu xác nhận nếu vẫn ban hành.",
            field="confirm_empty",
        )


def _hand_number(document: Document, number: int, on: date) -> None:
    """A number written in the paper register: free in its series, and the counter follows it."""
    taken = Document.objects.filter(
        agency=document.agency,
        register_key=document.register_key,
        number_year=on.year,
        number=number,
    ).exclude(pk=document.pk)
    if taken.exists():
        raise DocumentError(
            "documents.number_taken",
            f"Số {number:02d} năm {on.year} đã có văn bản khác trong sổ.",
            field="number",
        )
    counter, _ = DocumentCounter.objects.select_for_update().get_or_create(
        agency=document.agency, register_key=document.register_key, year=on.year
    )
    if number > counter.last_number:
        counter.last_number = number
        counter.save(update_fields=["last_number"])


def issue_document(
    document: Document,
    *,
    actor: Actor,
    on: date | None = None,
    number: int | None = None,
    confirm_empty: bool = False,
    copies: int = 1,
) -> Document:
    """Give the next number of the series (or the clerk's number from the paper register),
    freeze the text and store the DOCX (D1, D2, E5)."""
    on = on or timezone.localdate()
    with transaction.atomic():
        document = (
            Document.objects.select_for_update(of=("self",))
            .select_related("agency", "person")
            .get(pk=document.pk)
        )
        if not document.is_draft:
            raise DocumentError(
                "documents.already_issued", f"Văn bản đã ban hành: {document.number_text}."
            )
        document.sections = {**document.sections, DATE_KEY: on.isoformat()}
        paper = compose(document)
        _check_issue(document, paper, on, confirm_empty=confirm_empty)
        doc_kind = _kind(document.kind)
        decision: dict[str, object] = {}
        if paper.numbered:
            document.register_key = series_of(document.agency, doc_kind)  # the scheme in force now
            if number is not None:
                _hand_number(document, number, on)
                decision = {"rule": "documents.hand_number"}
            else:
                number, decision = _next_number(document, on)
            paper = numbered(paper, number, on)
        else:
            number = None
            paper = replace(paper, issued_on=on)
        main = paper.signatures[-1] if paper.signatures else None
        document.signer_name = main.name if main else ""
        document.signer_title = " ".join(main.lines) if main else ""
        document.recipients = "\n".join(paper.recipients)
        document.copies = max(1, min(copies, 999))
        document.entered_by_hand = decision.get("rule") == "documents.hand_number"
        docx = render_docx(paper, year=document.year)
        document.state = DocumentState.ISSUED
        document.number, document.number_year, document.issued_on = number, on.year, on
        document.number_text = number_text(paper) if number else ""
        document.issued_by = _user(actor)
        document.sections = {
            **{s.key: s.text for s in paper.sections if s.editable},
            DATE_KEY: on.isoformat(),
        }
        document.summary = paper.summary[:500]
        document.file.save(f"{doc_kind.slug}-{document.pk}.docx", ContentFile(docx), save=False)
        document.save()
        record(
            "documents.issue",
            actor=actor,
            target=document,
            agency_code=document.agency.code,
            data={
                "number": document.number_text,
                "issued_on": on.isoformat(),
                "rule": decision.get("rule") or decision.get("code"),
                "decision": decision,
            },
        )
    return document


def attach_signed_copy(document: Document, name: str, data: bytes, *, actor: Actor) -> Document:
    """The signed scan (PDF, JPEG) or the copy edited in Word (DOCX) kept on the register entry."""
    if document.is_draft:
        raise DocumentError(
            "documents.copy_of_draft", "Chỉ gắn bản đã ký vào văn bản đã ban hành.", field="file"
        )
    if not data or len(data) > MAX_SIGNED_COPY:
        raise DocumentError(
            "documents.copy_size",
            f"Tệp rỗng hoặc lớn quá {MAX_SIGNED_COPY // (1024 * 1024)} MB.",
            field="file",
        )
    kind_of = next((ext for magic, ext in SIGNED_COPY_TYPES.items() if data.startswith(magic)), "")
    if kind_of == "docx" and not _is_docx(data):
        kind_of = ""
    if not kind_of:
        raise DocumentError(
            "documents.copy_type",
            f"Tệp «{name[:80]}» không phải PDF, DOCX hay ảnh JPEG.",
            field="file",
        )
    with transaction.atomic():
        document.signed_copy.save(f"ban-ky-{document.pk}.{kind_of}", ContentFile(data), save=False)
        document.save(update_fields=["signed_copy", "updated_at"])
        record(
            "documents.attach_signed_copy",
            actor=actor,
            target=document,
            agency_code=document.agency.code,
            data={"type": kind_of, "bytes": len(data)},
        )
    return document


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            return "word/document.xml" in package.namelist()
    except zipfile.BadZipFile:
        return False


@transaction.atomic
def set_starting_number(
    agency: Agency, register_key: str, *, year: int, next_number: int, actor: Actor
) -> DocumentCounter:
    """The next number of a series in a year, to follow the paper register; never below a
    number already given."""
    if not 1 <= next_number <= 99_999:
        raise DocumentError(
            "documents.bad_start", "Số tiếp theo phải từ 1 đến 99.999.", field="next_number"
        )
    counter, _ = DocumentCounter.objects.select_for_update().get_or_create(
        agency=agency, register_key=register_key, year=year
    )
    given = (
        Document.objects.filter(agency=agency, register_key=register_key, number_year=year)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )
    if given is not None and next_number <= given:
        raise DocumentError(
            "documents.start_below_given",
            f"Sổ năm {year} đã cấp đến số {given:02d}: số tiếp theo phải lớn hơn.",
            field="next_number",
        )
    before = counter.last_number
    counter.last_number = next_number - 1
    counter.save(update_fields=["last_number"])
    record(
        "documents.set_starting_number",
        actor=actor,
        target=counter,
        agency_code=agency.code,
        data={"series": register_key, "year": year, "next": next_number, "before": before},
    )
    return counter


# --- the register's settings -------------------------------------------------------------------


@transaction.atomic
def set_register_settings(
    agency: Agency,
    *,
    numbering: str,
    actor: Actor,
    decided_by: str = "",
    drafting_code: str = "",
    union_name: str = "",
    union_superior: str = "",
    on: date | None = None,
) -> RegisterSettings:
    """The head's choice of numbering (D30 Art 15) and the symbols and names the letterheads use.

    The scheme changes only in a year with no number given yet: otherwise two series would
    hand out the same number and symbol within the year (D30 Art 15.1).
    """
    on = on or timezone.localdate()
    if numbering not in Numbering.values:
        raise DocumentError(
            "documents.unknown_numbering",
            f'Cách đánh số "{numbering}" không có.',
            field="numbering",
        )
    code = drafting_code.strip().upper()
    if code and not code.replace("Đ", "D").isalnum():
        raise DocumentError(
            "documents.bad_drafting_code",
            'Ký hiệu đơn vị soạn thảo chỉ gồm chữ cái và chữ số, ví dụ "TH".',
            field="drafting_code",
        )
    settings, _ = RegisterSettings.objects.select_for_update().get_or_create(agency=agency)
    if (
        settings.numbering != numbering
        and DocumentCounter.objects.filter(agency=agency, year=on.year, last_number__gt=0).exists()
    ):
        raise DocumentError(
            "documents.numbering_mid_year",
            f"Năm {on.year} đã có văn bản được cấp số nên chưa đổi được cách đánh số; "
            f"hãy đổi từ ngày 01/01/{on.year + 1}.",
            field="numbering",
        )
    before = settings.numbering
    settings.numbering, settings.decided_by, settings.drafting_code = (
        numbering,
        decided_by.strip(),
        code,
    )
    settings.union_name, settings.union_superior = union_name.strip(), union_superior.strip()
    settings.save()
    record(
        "documents.set_register_settings",
        actor=actor,
        target=settings,
        agency_code=agency.code,
        data={
            "numbering": numbering,
            "before": before,
            "decided_by": settings.decided_by,
            "drafting_code": code,
        },
    )
    return settings


# --- batches --------------------------------------------------------------------------------


def start_batch(
    agency: Agency,
    slug: str,
    *,
    year: int,
    actor: Actor,
    with_pdf: bool = False,
    run_in_thread: bool = True,
) -> DocumentBatch:
    """Queue one document per staff member as a background job (``run_in_thread=False``: only
    the batch row, for a caller that runs it itself)."""
    doc_kind = _kind(slug)
    if doc_kind.person == "no":
        raise DocumentError(
            "documents.batch_not_personal",
            f"{doc_kind.name} là văn bản chung của cơ quan, không tạo theo lô.",
            field="kind",
        )
    work_year = org_selectors.work_year(agency, year)
    if work_year is None:
        raise DocumentError("documents.no_work_year", f"Chưa mở năm công tác {year}.", field="year")
    total = org_selectors.staff_on(agency, work_year.ends_on).count()
    with transaction.atomic():
        batch = DocumentBatch.objects.create(
            agency=agency,
            kind=slug,
            year=year,
            with_pdf=with_pdf,
            total=total,
            created_by=_user(actor),
        )
        record(
            "documents.start_batch",
            actor=actor,
            target=batch,
            agency_code=agency.code,
            data={"kind": slug, "year": year, "total": total, "pdf": with_pdf},
        )
        if run_in_thread:
            queue_batch(batch.pk)
    return batch


def queue_batch(batch_pk: int, *, start: bool = True) -> None:
    """A background job for the batch, unless one is already queued or running (a job whose
    process died is queued again first); it starts at once after commit (``start``), else a
    worker takes it."""
    recover_stale_jobs()
    job = active_job(BATCH_JOB, batch=batch_pk)
    if job is None:
        enqueue(BATCH_JOB, start=start, batch=batch_pk)
    elif start and job.state == JobState.PENDING:
        start_after_commit(job)


def _claim(batch: DocumentBatch) -> bool:
    """Take a pending batch; False if another worker already has it."""
    return (
        DocumentBatch.objects.filter(pk=batch.pk, state=BatchState.PENDING).update(
            state=BatchState.RUNNING, attempts=F("attempts") + 1, updated_at=timezone.now()
        )
        == 1
    )


def run_batch(
    batch: DocumentBatch,
    *,
    progress_every: int = 25,
    heartbeat_every: float = HEARTBEAT_SECONDS,
    on_progress: Callable[[int, int], object] | None = None,
    reraise: bool = False,
) -> DocumentBatch:
    """Make every document of the batch into one zip; progress and a heartbeat are written as it
    goes (and told to ``on_progress``). A failure ends the batch with its message; ``reraise``
    passes it on (the job runner keeps its traceback)."""
    if not _claim(batch):
        return batch
    batch.refresh_from_db()
    # This run's row: a run given up as dead (recover_batch) must not overwrite the next one.
    mine = DocumentBatch.objects.filter(
        pk=batch.pk, state=BatchState.RUNNING, attempts=batch.attempts
    )
    try:
        beat = DocumentBatch.objects.filter(pk=batch.pk, state=BatchState.RUNNING)
        with Heartbeat(
            lambda: beat.update(updated_at=timezone.now()),
            heartbeat_every,
            f"documents-heartbeat-{batch.pk}",
        ):
            data = _make_batch(batch, progress_every, on_progress)
        batch.result.save(
            f"{batch.kind}-{batch.year}-{batch.pk}.zip", ContentFile(data), save=False
        )
        mine.update(
            state=BatchState.DONE,
            done=batch.total,
            result=batch.result.name,
            error=batch.error,
            finished_at=timezone.now(),
            updated_at=timezone.now(),
        )
    except Exception as exc:  # noqa: BLE001 - any failure ends the batch with its message
        message = getattr(exc, "message", None) or f"{type(exc).__name__}: {exc}"
        mine.update(state=BatchState.FAILED, error=message[:2000], finished_at=timezone.now())
        if reraise:
            raise
    batch.refresh_from_db()
    return batch


def _make_batch(
    batch: DocumentBatch, progress_every: int, on_progress: Callable[[int, int], object] | None
) -> bytes:
    doc_kind = _kind(batch.kind)
    agency = batch.agency
    source = source_of(agency, batch.year)
    if source.work_year is None:
        raise DocumentError("documents.no_work_year", f"Chưa mở năm công tác {batch.year}.")
    people = list(
        org_selectors.staff_on(agency, source.work_year.ends_on).order_by("sort_key", "pk")
    )
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
                DocumentBatch.objects.filter(pk=batch.pk).update(
                    done=min(index, batch.total), updated_at=timezone.now()
                )
                if on_progress is not None:
                    on_progress(min(index, batch.total), batch.total)
        pdfs: list[Path] = []
        if batch.with_pdf:
            try:
                pdfs = convert_many(paths, folder / "pdf")
            except PdfUnavailable as exc:
                batch.error = exc.message
        return _zip(paths + pdfs)


def recover_batch(
    batch: DocumentBatch,
    *,
    now: datetime | None = None,
    stale_after: timedelta = STALE_AFTER,
    restart: bool = False,
) -> DocumentBatch:
    """A running batch with no heartbeat for ``stale_after``: its worker died. Put it back in the
    queue if it has runs left (``restart``: and queue its job now), else mark it failed."""
    now = now or timezone.now()
    cutoff = now - stale_after
    if batch.state != BatchState.RUNNING or batch.updated_at >= cutoff:
        return batch
    again = batch.attempts < MAX_ATTEMPTS
    minutes = int(stale_after.total_seconds() // 60)
    with transaction.atomic():
        changes: dict[str, object] = (
            {"state": BatchState.PENDING, "done": 0}
            if again
            else {
                "state": BatchState.FAILED,
                "finished_at": now,
                "error": f"Lô văn bản dừng giữa chừng: {minutes} phút không có tín hiệu từ luồng tạo lô "
                f"(đã chạy {batch.attempts} lần). Hãy tạo lại lô.",
            }
        )
        taken = DocumentBatch.objects.filter(
            pk=batch.pk, state=BatchState.RUNNING, updated_at__lt=cutoff
        ).update(**changes)
        if taken:
            record(
                "documents.recover_batch",
                actor=None,
                target=batch,
                agency_code=batch.agency.code,
                data={
                    "outcome": "requeued" if again else "failed",
                    "attempts": batch.attempts,
                    "last_heartbeat": batch.updated_at.isoformat(),
                },
            )
            if again and restart:
                queue_batch(batch.pk)
    batch.refresh_from_db()
    return batch


def recover_stale_batches(
    *, now: datetime | None = None, stale_after: timedelta = STALE_AFTER
) -> list[DocumentBatch]:
    """Every stale running batch, requeued or failed (the worker calls it on each round)."""
    cutoff = (now or timezone.now()) - stale_after
    stale = (
        DocumentBatch.objects.filter(state=BatchState.RUNNING, updated_at__lt=cutoff)
        .select_related("agency")
        .order_by("pk")[:100]
    )
    return [recover_batch(b, now=now, stale_after=stale_after) for b in stale]


def _zip(paths: list[Path]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in paths:
            archive.write(path, arcname=("pdf/" if path.suffix == ".pdf" else "docx/") + path.name)
    return buffer.getvalue()


def _user(actor: Actor) -> User | None:
    """The signed-in user to store on a row (as the audit log does); None for anyone else."""
    return actor if isinstance(actor, User) else None
