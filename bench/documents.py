"""Documents bench (docs/benchmarks.md S7, S8): minutes DOCX, and personal notices by the thousand.

S7: the minutes (biên bản Hội nghị) of conferences of 15 and 500 participants (10 and 100 vote
rows), built and written to DOCX, against a bare python-docx document with the same paragraphs
and tables written the plain way. S8: N personal notices of classification (default 2,000) as
DOCX, then PDF for a sample (default 200): split between two soffice processes (the batch's
way on 2 cores), in one soffice process, and the same number of bare documents in one soffice
process; the PDF time of N is extrapolated from the sample. No database: contexts are built in
memory, the way a batch reuses one gathered context (the database part of the minutes is
measured by ``hoinghi/documents/tests`` query counts: 19 queries for the 2024 seed conference).

S9 (PDF from the web): the download view (``?dinh-dang=pdf``) through Django's request handling,
on a scratch SQLite database, in three ways in the same run: one ``soffice`` process per call
(the baseline, ``HOINGHI_PDF_CONVERTER=process``, cache emptied before each request), the
long-lived converter with the cache emptied before each request (a new document version), and
the cache hit (the same version again). p50 and p95 of ``DOWNLOADS`` requests each (default 20).

Run: ``python3 -m bench.documents [NOTICES [PDF_SAMPLE [DOWNLOADS]]]``.
"""

from __future__ import annotations

import io
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hoinghi.settings")
# S9 needs a database: a scratch SQLite file, never the installation's own.
SCRATCH = tempfile.mkdtemp(prefix="bench-docs-db-")
os.environ["DATABASE_URL"] = f"sqlite:///{SCRATCH}/bench.sqlite3"
os.environ["HOINGHI_PDF_RUN_DIR"] = f"{SCRATCH}/run"
import django  # noqa: E402

django.setup()

from docx import Document as new_docx  # noqa: E402

from hoinghi.conference.selectors import (  # noqa: E402
    Attendance,
    CommentRecord,
    MinutesData,
    ReportRecord,
    VoteRecord,
)
from hoinghi.documents.builders import build_classification_notice, build_minutes  # noqa: E402
from hoinghi.documents.contexts import (  # noqa: E402
    ClassificationNoticeContext,
    Issuer,
    MinutesContext,
    RatedPerson,
    Signer,
)
from hoinghi.documents.docx_writer import render_docx  # noqa: E402
from hoinghi.documents.paper import Paper  # noqa: E402
from hoinghi.documents.pdf import PdfUnavailable, convert_many, pdf_available  # noqa: E402

ISSUER = Issuer(
    "Cơ quan Huyện ủy",
    "Huyện ủy Thạch Bình",
    "HU",
    "party",
    "Thạch Bình",
    Signer("Trần Minh Khoa", "Chánh Văn phòng"),
    Signer("Lê Văn Đoàn", "Chủ tịch Công đoàn"),
)
NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Châu", "Phạm Thu Dung", "Hoàng Văn Em"]


def minutes_context(participants: int, votes: int) -> MinutesContext:
    absent = [f"{NAMES[i % 5]} {i}" for i in range(participants // 20)]
    data = MinutesData(
        agency_name="Cơ quan Huyện ủy Thạch Bình",
        year=2026,
        reviewed_year=2025,
        held_on=date(2026, 1, 16),
        place="Hội trường Huyện ủy",
        form="Hội nghị toàn thể",
        presidium=NAMES[:3],
        secretaries=NAMES[3:4],
        opened_at=datetime(2026, 1, 16, 8, 0),
        closed_at=datetime(2026, 1, 16, 11, 30),
        attendance=Attendance(participants, participants - len(absent), 3, absent),
        quorum=f"Có mặt {participants - len(absent)}/{participants}: đủ điều kiện tiến hành.",
        quorum_citations=[],
        agenda=[f"Nội dung {i}" for i in range(1, 10)],
        reports=[ReportRecord("Báo cáo", f"Báo cáo số {i}", NAMES[0]) for i in range(5)],
        comments=[
            CommentRecord(
                "Chung",
                NAMES[i % 5],
                "",
                f"Ý kiến thứ {i} về điều kiện làm việc.",
                "answered",
                "Tiếp thu.",
                NAMES[0],
            )
            for i in range(participants // 10)
        ],
        votes=[
            VoteRecord(
                f"Biểu quyết {i}",
                "Nghị quyết",
                "Giơ tay",
                participants,
                participants - 2,
                1,
                1,
                True,
                "",
                [],
            )
            for i in range(votes)
        ],
        election=None,
        awards=[(f"Giấy khen {i}", NAMES[i % 5]) for i in range(participants // 10)],
        pledge_signers=NAMES[:2],
    )
    return MinutesContext(ISSUER, data)


def bare_docx(paper: Paper) -> bytes:
    """The same paragraphs and tables with python-docx's defaults: no layout at all."""
    doc = new_docx()
    for section in paper.sections:
        if section.heading:
            doc.add_paragraph(section.heading)
        for text in section.paragraphs:
            doc.add_paragraph(text)
        if section.table is not None:
            table = doc.add_table(rows=len(section.table.rows) + 1, cols=len(section.table.columns))
            for row, values in zip(
                table.rows, [section.table.columns, *section.table.rows], strict=True
            ):
                for cell, value in zip(row.cells, values, strict=True):
                    cell.text = value
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def median_ms(work: Callable[[], object], repeat: int) -> float:
    work()  # warm: templates and imports
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def bench_minutes() -> None:
    print("S7 minutes DOCX (median of 15 runs)")
    for participants, votes in ((15, 10), (500, 100)):
        context = minutes_context(participants, votes)
        ours = median_ms(lambda c=context: render_docx(build_minutes(c), year=2026), 15)
        paper = build_minutes(context)
        bare = median_ms(lambda p=paper: bare_docx(p), 15)
        print(
            f"  {participants:4d} participants, {votes:3d} votes: {ours:6.1f} ms "
            f"(bare python-docx {bare:5.1f} ms, ratio {ours / bare:4.2f})"
        )


def notice_context(people: int) -> ClassificationNoticeContext:
    rows = [
        RatedPerson(i, f"{NAMES[i % 5]} {i}", f"Phòng {i % 12}", "Hoàn thành tốt nhiệm vụ")
        for i in range(people)
    ]
    return ClassificationNoticeContext(
        ISSUER, 2025, [("Hoàn thành tốt nhiệm vụ", people)], rows, None
    )


def bench_notices(count: int, sample: int) -> None:
    from dataclasses import replace

    context = notice_context(count)
    with tempfile.TemporaryDirectory(prefix="bench-docs-") as work:
        folder = Path(work)
        start = time.perf_counter()
        paths = []
        for i, row in enumerate(context.rows):
            path = folder / f"{i:05d}.docx"
            path.write_bytes(
                render_docx(build_classification_notice(replace(context, person=row)), year=2025)
            )
            paths.append(path)
        docx_s = time.perf_counter() - start
        print(
            f"S8 {count} personal notices: DOCX {docx_s:.1f} s, {docx_s * 1000 / count:.1f} ms/doc"
        )
        if not pdf_available():
            print("  PDF: LibreOffice not installed, skipped")
            return
        bare_paths = []
        for i in range(sample):
            path = folder / f"bare-{i:05d}.docx"
            path.write_bytes(
                bare_docx(build_classification_notice(replace(context, person=context.rows[i])))
            )
            bare_paths.append(path)
        try:
            start = time.perf_counter()
            convert_many(paths[:sample], folder / "pdf", timeout=1800, processes=2)
            ours = time.perf_counter() - start
            start = time.perf_counter()
            convert_many(paths[:sample], folder / "pdf-one", timeout=1800, processes=1)
            one = time.perf_counter() - start
            start = time.perf_counter()
            convert_many(bare_paths, folder / "bare-pdf", timeout=1800, processes=1)
            bare = time.perf_counter() - start
        except PdfUnavailable as exc:
            print(f"  PDF failed: {exc.message}")
            return
        per_doc = ours / sample
        print(
            f"  PDF of {sample}, two soffice processes: {ours:.1f} s, {per_doc * 1000:.0f} ms/doc; "
            f"one process {one:.1f} s (speed-up {one / ours:.2f}); bare documents, one process "
            f"{bare:.1f} s (ratio {ours / bare:.2f}); {count} extrapolated: {per_doc * count / 60:.1f} min"
        )
        print(
            f"  whole job for {count} (DOCX + PDF, extrapolated): "
            f"{(docx_s + per_doc * count) / 60:.1f} min, {count / (docx_s + per_doc * count):.1f} docs/s"
        )


def percentiles(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"p50 {statistics.median(ordered):6.0f} ms, p95 {p95:6.0f} ms"


def bench_web_pdf(downloads: int) -> None:
    """S9: the download view, baseline against the long-lived converter and the cache."""
    import shutil

    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import override_settings
    from django.urls import reverse

    from hoinghi.documents import converter
    from hoinghi.documents.services import create_draft
    from hoinghi.org.models import WorkYear
    from hoinghi.testing import build_world

    if not pdf_available():
        print("S9 PDF from the web: LibreOffice not installed, skipped")
        return
    call_command("migrate", verbosity=0)
    world = build_world()
    WorkYear.objects.create(
        agency=world.agency, year=2025, starts_on=date(2025, 1, 1), ends_on=date(2025, 12, 31)
    )
    document = create_draft(world.agency, "ke-hoach-hoi-nghi", year=2025, actor=world.clerk)
    address = reverse("documents:download", args=[world.agency.code, document.pk])
    cache = Path(SCRATCH) / "cache"
    os.environ["HOINGHI_PDF_CACHE_DIR"] = str(cache)

    def timed(empty_cache: bool) -> list[float]:
        client = Client()
        client.force_login(world.clerk)
        times = []
        for _ in range(downloads + 1):
            if empty_cache:
                shutil.rmtree(cache, ignore_errors=True)
            start = time.perf_counter()
            response = client.get(address, {"dinh-dang": "pdf"})
            times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200 and response.content.startswith(b"%PDF")
        return times[1:]  # the first warms imports (and starts the converter)

    with override_settings(ALLOWED_HOSTS=["*"]):
        os.environ["HOINGHI_PDF_CONVERTER"] = "process"
        baseline = timed(empty_cache=True)
        os.environ["HOINGHI_PDF_CONVERTER"] = "server"
        served = timed(empty_cache=True) if converter.enabled() else []
        hit = timed(empty_cache=False)
    converter.stop()
    print(f"S9 PDF from the web ({downloads} downloads each, draft conference plan, 2 pages)")
    print(f"  one soffice process per call (baseline): {percentiles(baseline)}")
    if served:
        ratio = statistics.median(baseline) / statistics.median(served)
        print(f"  long-lived converter, new version:      {percentiles(served)} (x{ratio:.1f})")
    else:
        print("  long-lived converter: no Python with LibreOffice's UNO, skipped")
    print(f"  same version again (cache hit):          {percentiles(hit)}")


def main(argv: list[str]) -> None:
    count = int(argv[0]) if argv else 2000
    sample = int(argv[1]) if len(argv) > 1 else 200
    downloads = int(argv[2]) if len(argv) > 2 else 20
    print(
        f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores, "
        f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}"
    )
    bench_minutes()
    bench_notices(count, min(sample, count))
    bench_web_pdf(downloads)


if __name__ == "__main__":
    main(sys.argv[1:])
