"""Batches of personal documents with progress, and PDF through LibreOffice in one call."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import pytest
from django.urls import reverse
from pypdf import PdfReader

from hoinghi.documents.models import BatchState, DocumentBatch
from hoinghi.documents.pdf import PdfUnavailable, convert_many, docx_to_pdf, pdf_available
from hoinghi.documents.services import DocumentError, render_kind, run_batch, start_batch
from hoinghi.documents.tests.test_views import client_for
from hoinghi.org.models import WorkYear
from hoinghi.testing import World

pytestmark = pytest.mark.django_db
needs_soffice = pytest.mark.skipif(not pdf_available(), reason="LibreOffice chưa được cài")


@pytest.fixture
def year_2025(world: World) -> WorkYear:
    return WorkYear.objects.create(
        agency=world.agency, year=2025, starts_on=date(2025, 1, 1), ends_on=date(2025, 12, 31)
    )


def _names(batch: DocumentBatch) -> list[str]:
    with zipfile.ZipFile(batch.result.open("rb")) as archive:
        return sorted(archive.namelist())


def test_a_batch_makes_one_notice_per_staff_member(world: World, year_2025: WorkYear) -> None:
    batch = start_batch(
        world.agency, "thong-bao-xep-loai", year=2025, actor=world.clerk, run_in_thread=False
    )
    assert (batch.state, batch.total) == (BatchState.PENDING, 9)
    done = run_batch(batch, progress_every=3)
    assert (done.state, done.done, done.error) == (BatchState.DONE, 9, "")
    names = _names(done)
    assert len(names) == 9 and all(n.startswith("docx/") and n.endswith(".docx") for n in names)
    assert run_batch(done).state == BatchState.DONE  # a finished batch is not taken again


def test_the_view_starts_the_batch_after_commit_and_shows_progress(
    world: World, year_2025: WorkYear, django_capture_on_commit_callbacks: object
) -> None:
    client = client_for(world.clerk)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:  # type: ignore[operator]
        response = client.post(
            reverse("documents:batch-start", args=[world.agency.code]),
            {"kind": "bao-cao-thanh-tich", "year": 2025},
        )
    batch = DocumentBatch.objects.get()
    assert response.status_code == 302 and len(callbacks) == 1
    run_batch(batch)
    status = client.get(
        reverse("documents:batch-status", args=[world.agency.code, batch.pk])
    ).json()
    assert status == {
        "state": "done",
        "state_label": "Đã xong",
        "done": 9,
        "total": 9,
        "percent": 100,
        "error": "",
        "ready": True,
    }
    download = client.get(reverse("documents:batch-download", args=[world.agency.code, batch.pk]))
    assert zipfile.ZipFile(io.BytesIO(download.getvalue())).namelist()  # the streamed file, joined


def test_an_agency_wide_type_is_not_batched(world: World, year_2025: WorkYear) -> None:
    with pytest.raises(DocumentError, match="không tạo theo lô"):
        start_batch(
            world.agency, "bien-ban-hoi-nghi", year=2025, actor=world.clerk, run_in_thread=False
        )


def test_a_failing_batch_keeps_its_message(world: World, year_2025: WorkYear) -> None:
    batch = DocumentBatch.objects.create(
        agency=world.agency, kind="bao-cao-thanh-tich", year=2031, total=0
    )
    done = run_batch(batch)
    assert (done.state, done.error) == (BatchState.FAILED, "Chưa mở năm công tác 2031.")


def test_without_libreoffice_the_docx_stands(
    world: World, year_2025: WorkYear, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("hoinghi.documents.pdf.soffice_path", lambda: None)
    with pytest.raises(PdfUnavailable, match="chưa cài LibreOffice"):
        convert_many([tmp_path / "a.docx"], tmp_path)
    batch = start_batch(
        world.agency,
        "thong-bao-xep-loai",
        year=2025,
        actor=world.clerk,
        with_pdf=True,
        run_in_thread=False,
    )
    done = run_batch(batch)
    assert done.state == BatchState.DONE and "LibreOffice" in done.error and len(_names(done)) == 9


@needs_soffice
def test_a_pdf_of_a_long_decision_has_its_pages_and_text(world: World, year_2025: WorkYear) -> None:
    from hoinghi.documents.tests.test_types import _decision_with_awards

    WorkYear.objects.filter(year=2025).delete()
    _decision_with_awards(world, title="ldtt", count=10)  # type: ignore[arg-type]
    reader = PdfReader(
        io.BytesIO(docx_to_pdf(render_kind("quyet-dinh-cong-nhan-danh-hieu", world.agency, 2025)))
    )
    assert len(reader.pages) == 2  # the decision, then its appendix on a page of its own
    first, appendix = (page.extract_text() for page in reader.pages)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in first and "QUYẾT ĐỊNH" in first
    assert "Phụ lục" in appendix and "Lao động tiên tiến" in appendix


@needs_soffice
def test_one_soffice_call_converts_a_batch(world: World, year_2025: WorkYear) -> None:
    batch = start_batch(
        world.agency,
        "thong-bao-xep-loai",
        year=2025,
        actor=world.clerk,
        with_pdf=True,
        run_in_thread=False,
    )
    done = run_batch(batch)
    names = _names(done)
    assert done.error == "" and len([n for n in names if n.endswith(".pdf")]) == 9
