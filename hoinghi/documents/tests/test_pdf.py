"""PDF: one font with Vietnamese letters, whole words in the text layer, the long-lived converter
(kept, restarted, timed out), the process-per-call fallback and the cache per document version."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import time
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from pypdf import PdfReader

from hoinghi.documents import converter, fonts, pdf
from hoinghi.documents.models import Document
from hoinghi.documents.services import DocumentError, create_draft, render, render_kind
from hoinghi.documents.tests.conftest import make_state_agency
from hoinghi.documents.tests.test_views import client_for
from hoinghi.org.models import Agency, WorkYear
from hoinghi.testing import World

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not pdf.pdf_available(), reason="LibreOffice chưa được cài"),
]

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


@pytest.fixture
def state(db: None) -> Agency:
    agency = make_state_agency()
    WorkYear.objects.create(
        agency=agency, year=2025, starts_on=date(2025, 1, 1), ends_on=date(2025, 12, 31)
    )
    return agency


def pdf_fonts(reader: PdfReader) -> set[str]:
    """The base font names of every page's font resources, without the subset prefix."""
    names = set()
    for page in reader.pages:
        resources: Any = page["/Resources"].get_object()
        for font in (resources.get("/Font") or {}).values():
            names.add(str(font.get_object()["/BaseFont"]).lstrip("/").split("+")[-1])
    return names


def assert_vietnamese_in_one_font(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert unicodedata.is_normalized("NFC", text)
    assert MOTTO in text.splitlines(), "the national title on one line"
    for word in ("Độc lập - Tự do - Hạnh phúc", "Hội nghị", "người lao động", "năm 2025"):
        assert word in text, word
    font = fonts.pdf_font()
    assert font is not None and font.vietnamese
    used = pdf_fonts(reader)
    assert used and all(name.startswith(font.pdf_name) for name in used), used
    return text


def test_the_document_font_resolves_to_a_times_metric_font_with_vietnamese() -> None:
    font = fonts.resolve_pdf_font()
    assert font is not None and font.family in fonts.FAMILIES and font.vietnamese
    assert fonts.check_pdf_font() == []


def test_a_state_plan_comes_out_in_one_font_with_whole_vietnamese_words(state: Agency) -> None:
    text = assert_vietnamese_in_one_font(
        pdf.convert_one(render_kind("ke-hoach-hoi-nghi", state, 2025))
    )
    assert "SỞ NỘI VỤ" in text


def _old_liberation_dir() -> Path | None:
    """Liberation 1.x (no Vietnamese) installed, or unpacked where HOINGHI_TEST_OLD_FONTS says."""
    listed = subprocess.run(
        ["fc-list", "Liberation Serif", "file"], capture_output=True, text=True, check=False
    ).stdout
    if "/truetype/liberation/" in listed:
        return Path("/")  # on the system already: the system's configuration has both
    folder = os.environ.get("HOINGHI_TEST_OLD_FONTS")
    return Path(folder) if folder and Path(folder).is_dir() else None


def _base_with(tmp_path: Path, extra: str) -> str:
    path = tmp_path / "base.conf"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">'
        f"<fontconfig><include>{fonts.SYSTEM_CONFIG}</include>{extra}"
        f"<cachedir>{tmp_path}/fc-cache</cachedir></fontconfig>",
        encoding="utf-8",
    )
    return str(path)


def test_with_both_liberation_packages_the_pdf_keeps_the_vietnamese_one(
    state: Agency, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = _old_liberation_dir()
    if old is None:
        pytest.skip("Liberation 1.x is neither installed nor in HOINGHI_TEST_OLD_FONTS")
    extra = "" if old == Path("/") else f"<dir>{old}</dir>"
    monkeypatch.setenv("HOINGHI_FONTCONFIG_BASE", _base_with(tmp_path, extra))
    assert_vietnamese_in_one_font(
        pdf.convert_with_process(render_kind("ke-hoach-hoi-nghi", state, 2025))
    )
    # Without the project's rejection, and without the fonts that have Vietnamese, the check
    # names the problem.
    hide = (
        "<selectfont><rejectfont><glob>*/liberation2/*</glob><glob>*/croscore/*</glob>"
        "</rejectfont></selectfont>"
    )
    monkeypatch.setenv("HOINGHI_FONTCONFIG_BASE", _base_with(tmp_path, extra + hide))
    monkeypatch.setattr(fonts, "REJECTED_GLOBS", ())
    (warning,) = fonts.check_pdf_font()
    assert warning.id == "documents.W002" and "không có chữ tiếng Việt" in warning.msg


def test_the_check_warns_when_times_new_roman_falls_to_another_design(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hide = (
        "<selectfont><rejectfont><glob>*/liberation2/*</glob><glob>*/croscore/*</glob>"
        "<glob>*/liberation/*</glob></rejectfont></selectfont>"
    )
    monkeypatch.setenv("HOINGHI_FONTCONFIG_BASE", _base_with(tmp_path, hide))
    warnings = fonts.check_pdf_font()
    assert [w.id for w in warnings] in (["documents.W002"], ["documents.W003"])


# --- The long-lived converter --------------------------------------------------------------------

needs_uno = pytest.mark.skipif(not converter.enabled(), reason="no Python with LibreOffice's UNO")


@needs_uno
def test_one_office_converts_one_document_after_another(state: Agency) -> None:
    docx = render_kind("ke-hoach-hoi-nghi", state, 2025)
    first = converter.convert(docx)
    before = converter.ping()
    assert before is not None and before["office_pid"]
    second = converter.convert(docx)
    after = converter.ping()
    assert after is not None
    assert (after["pid"], after["office_pid"]) == (before["pid"], before["office_pid"])
    assert after["converted"] == before["converted"] + 1
    assert first.startswith(b"%PDF") and second.startswith(b"%PDF")
    start = time.perf_counter()
    assert_vietnamese_in_one_font(converter.convert(docx))
    assert time.perf_counter() - start < 5  # no office start: a warm conversion


@needs_uno
def test_a_dead_converter_is_started_again(state: Agency) -> None:
    docx = render_kind("ke-hoach-hoi-nghi", state, 2025)
    converter.convert(docx)
    old = converter.ping()
    assert old is not None
    os.killpg(old["pid"], signal.SIGKILL)
    time.sleep(0.2)
    assert converter.ping() is None
    assert_vietnamese_in_one_font(converter.convert(docx))
    new = converter.ping()
    assert new is not None and new["pid"] != old["pid"]


@needs_uno
def test_a_dead_office_is_started_again_by_the_worker(state: Agency) -> None:
    docx = render_kind("ke-hoach-hoi-nghi", state, 2025)
    converter.convert(docx)
    old = converter.ping()
    assert old is not None
    os.kill(old["office_pid"], signal.SIGKILL)
    time.sleep(0.3)
    assert converter.convert(docx).startswith(b"%PDF")
    new = converter.ping()
    assert new is not None and new["pid"] == old["pid"] and new["office_pid"] != old["office_pid"]


@needs_uno
def test_a_conversion_past_its_timeout_falls_back_to_one_process(
    state: Agency, monkeypatch: pytest.MonkeyPatch
) -> None:
    docx = render_kind("ke-hoach-hoi-nghi", state, 2025)
    converter.convert(docx)
    old = converter.ping()
    assert old is not None
    calls: list[str] = []
    real = pdf.convert_with_process
    monkeypatch.setattr(converter, "CONVERT_SECONDS", 0.001)

    def counted(docx: bytes, name: str = "x") -> bytes:
        calls.append(name)
        return real(docx, name=name)

    monkeypatch.setattr(pdf, "convert_with_process", counted)
    assert_vietnamese_in_one_font(pdf.convert_one(docx, name="qua-gio"))
    assert calls == ["qua-gio"]  # the old way made it
    time.sleep(0.2)
    assert converter.ping() is None or converter.ping()["pid"] != old["pid"]  # type: ignore[index]


def test_without_the_converter_one_process_makes_the_pdf(
    state: Agency, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOINGHI_PDF_CONVERTER", "process")
    monkeypatch.setattr(
        converter, "convert", lambda *a, **k: pytest.fail("the converter was asked")
    )
    assert_vietnamese_in_one_font(pdf.convert_one(render_kind("ke-hoach-hoi-nghi", state, 2025)))


# --- The cache per document version ------------------------------------------------------------


def test_the_version_key_ignores_zip_stamps_and_follows_the_content(world: World) -> None:
    WorkYear.objects.create(
        agency=world.agency, year=2025, starts_on=date(2025, 1, 1), ends_on=date(2025, 12, 31)
    )
    one = render_kind("ke-hoach-hoi-nghi", world.agency, 2025)
    time.sleep(2.1)  # zip entries carry the time to two seconds
    again = render_kind("ke-hoach-hoi-nghi", world.agency, 2025)
    assert pdf.version_key(one) == pdf.version_key(again)
    other = render_kind("thong-bao-xep-loai", world.agency, 2025)
    assert pdf.version_key(other) != pdf.version_key(one)


def test_a_second_download_of_the_same_version_is_not_converted_again(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    WorkYear.objects.create(
        agency=world.agency, year=2025, starts_on=date(2025, 1, 1), ends_on=date(2025, 12, 31)
    )
    document = create_draft(world.agency, "ke-hoach-hoi-nghi", year=2025, actor=world.clerk)
    client = client_for(world.clerk)
    address = reverse("documents:download", args=[world.agency.code, document.pk])
    first = client.get(address, {"dinh-dang": "pdf"})
    assert first.status_code == 200 and first["Content-Type"] == "application/pdf"
    assert pdf.cache_path(pdf.version_key(render(document))).exists()
    monkeypatch.setattr(pdf, "convert_one", lambda *a, **k: pytest.fail("converted again"))
    second = client.get(address, {"dinh-dang": "pdf"})
    assert second.status_code == 200 and second.content == first.content
    assert Document.objects.count() == 1


# --- Every type, read back from the PDF --------------------------------------------------------


@pytest.mark.skipif(not converter.enabled(), reason="no Python with LibreOffice's UNO")
def test_every_type_of_the_demo_office_reads_back_whole_from_its_pdf(
    conference_2024: object,
) -> None:
    """Each of the 14 types (Party, union and personal issuers) as PDF: one font with
    Vietnamese, NFC text, and every word of the DOCX's paragraphs whole in the PDF's text."""
    from hoinghi.documents.catalogue import KINDS
    from hoinghi.documents.tests.reading import load
    from hoinghi.org.models import Person

    demo = Agency.objects.get(code="co-quan-huyen-uy")
    clerk = Person.objects.get(agency=demo, staff_code="HU05")
    font = fonts.pdf_font()
    assert font is not None
    done = []
    for doc_kind in KINDS:
        try:
            docx = render_kind(doc_kind.slug, demo, 2024, person=clerk)
        except DocumentError:  # the counting record: no election in the 2024 seed conference
            continue
        done.append(doc_kind.slug)
        reader = PdfReader(io.BytesIO(converter.convert(docx)))
        text = "\n".join(page.extract_text() for page in reader.pages)
        assert unicodedata.is_normalized("NFC", text), doc_kind.slug
        used = pdf_fonts(reader)
        assert used and all(n.startswith(font.pdf_name) for n in used), (doc_kind.slug, used)
        pdf_words = set(text.split())
        paragraphs = [p.text for p in load(docx).paragraphs]
        words = {w.strip('.,;:()“”"') for p in paragraphs for w in p.split()}
        missing = {w for w in words if len(w) > 1 and w not in text and w not in pdf_words}
        assert not missing, (doc_kind.slug, sorted(missing)[:10])
    assert len(done) >= 13, done
