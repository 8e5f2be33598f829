"""The targets and tasks import reads through the guarded reader: files that once cost a
worker 258 MB or asked for 137 GB are refused in under a second and 100 MB."""

from __future__ import annotations

import io
import re
import time
import tracemalloc
import zipfile
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hoinghi.org.files import hostile
from hoinghi.org.models import WorkYear
from hoinghi.plans.imports import ImportReport, import_items
from hoinghi.plans.models import PlanItem
from hoinghi.plans.tests.test_import_and_views import client_for, xlsx
from hoinghi.testing import World

pytestmark = pytest.mark.django_db
SHEET = "xl/worksheets/sheet1.xml"


def run(year: WorkYear, content: bytes) -> ImportReport:
    return import_items(year, io.BytesIO(content), size=len(content), file_name="kh.xlsx")


def with_sheet(data: bytes, change: object) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            content = src.read(info)
            dst.writestr(info.filename, change(content) if info.filename == SHEET else content)  # type: ignore[operator]
    return out.getvalue()


def refused_quickly(year: WorkYear, data: bytes) -> str:
    started = time.perf_counter()
    report = run(year, data)
    seconds = time.perf_counter() - started
    tracemalloc.start()
    run(year, data)
    peak = tracemalloc.get_traced_memory()[1] / (1024 * 1024)
    tracemalloc.stop()
    assert not report.ok and not PlanItem.objects.exists()
    assert seconds < 1.0 and peak < 100, (seconds, peak)
    return report.errors[0]


ROW: list[object] = ["Nhiệm vụ", "1", "Báo cáo", "", "", "", "", None, ""]


def test_a_declared_range_of_the_whole_sheet_is_refused(year: WorkYear) -> None:
    data = with_sheet(
        xlsx([ROW]),
        lambda xml: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', xml),
    )
    assert len(data) < 6_000  # the measured one: 1,656 bytes, asked for about 137 GB
    message = refused_quickly(year, data)
    assert "«A1:XFD1048576»" in message and "100 cột" in message


def test_a_cell_in_column_xfd_is_refused_naming_it(year: WorkYear) -> None:
    far = b'<c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row>'
    data = with_sheet(
        xlsx([ROW]), lambda xml: xml.replace(b"</row>", far, 2).replace(far, b"</row>", 1)
    )
    assert len(data) < 6_000  # the measured one: 1,648 bytes, 258 MB
    message = refused_quickly(year, data)
    assert "ô XFD2" in message and "100 cột" in message


def test_more_rows_than_the_plans_limit_are_refused(year: WorkYear, settings: object) -> None:
    settings.HOINGHI_PLANS_IMPORT_MAX_ROWS = 3  # type: ignore[attr-defined]
    message = refused_quickly(year, xlsx([ROW] * 4))
    assert "tối đa 3 dòng" in message
    assert run(year, xlsx([ROW] * 3)).ok


def test_a_huge_target_value_or_date_is_a_row_error(year: WorkYear) -> None:
    report = run(
        year,
        xlsx(
            [
                ["Chỉ tiêu", "1", "Tin", "", "", "", "", "9" * 5_000, "31/12/2023"],
                ["Chỉ tiêu", "2", "Tin", "", "", "", "", "1", "31/99999999999999999999/2023"],
            ]
        ),
    )
    assert not report.ok and not PlanItem.objects.exists()
    assert report.errors[0].startswith("Dòng 2: cột «Giá trị chỉ tiêu» phải là số")
    assert len(report.errors[0]) < 200
    assert report.errors[1].startswith("Dòng 3: cột «Hạn hoàn thành»")


@pytest.mark.parametrize("build", [hostile.plans_whole_sheet, hostile.plans_far_right])
def test_the_files_measured_before_the_guards_are_refused(year: WorkYear, build: Any) -> None:
    """Read before the guards: 3 GB (the cap) then MemoryError; 250 MB."""
    message = refused_quickly(year, build())
    assert "đến cột XFD" in message and "100 cột" in message


def test_the_import_page_shows_the_refusal_and_writes_nothing(world: World, year: WorkYear) -> None:
    upload = SimpleUploadedFile("kh.xlsx", hostile.plans_whole_sheet())
    response = client_for(world.clerk).post(
        reverse("plans:import", args=[world.agency.code, 2023]), {"file": upload}
    )
    text = response.content.decode()
    assert "Trang tính khai báo vùng dữ liệu «A1:XFD1048576»" in text
    assert not PlanItem.objects.exists()
