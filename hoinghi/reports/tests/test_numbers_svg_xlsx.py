"""Vietnamese figures, the SVG writer and the XLSX writer (no database)."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from datetime import date

import pytest
from openpyxl import load_workbook

from hoinghi.reports.numbers import count, day, percent, share
from hoinghi.reports.svg import Part, bar_chart, donut, stacked_bar
from hoinghi.reports.tables import Table
from hoinghi.reports.xlsx import sheet_name, tables_workbook

SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize(("n", "text"), [(0, "00"), (2, "02"), (4, "04"), (32, "32"), (120, "120")])
def test_it_writes_counts_with_two_digits(n: int, text: str) -> None:
    assert count(n) == text


@pytest.mark.parametrize(
    ("part", "whole", "text"),
    [
        (32, 32, "100% (32/32)"),
        (2, 5, "40% (02/05)"),
        (30, 32, "93,8% (30/32)"),
        (1, 3, "33,3% (01/03)"),
        (0, 0, "0% (00/00)"),
        (199, 200, "99,5% (199/200)"),
    ],
)
def test_it_writes_shares_with_a_decimal_comma(part: int, whole: int, text: str) -> None:
    assert share(part, whole) == text


def test_a_share_that_rounds_to_whole_drops_the_decimal() -> None:
    assert percent(2999, 3000) == "100%"


def test_it_writes_dates_as_the_news_does() -> None:
    assert day(date(2020, 12, 25)) == "ngày 25/12/2020"


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    assert root.find(f"{SVG}title") is not None and root.find(f"{SVG}desc") is not None
    return root


def bars(root: ET.Element) -> list[ET.Element]:
    return [e for e in root.iter() if e.get("class") == "bar"]


def test_a_bar_chart_parses_as_xml_with_one_bar_per_part_and_escaped_labels() -> None:
    root = parse(
        bar_chart(
            "x",
            "Danh hiệu <thi đua> & khen",
            [Part("Lao động tiên tiến", 32), Part("A & B <c>", 4)],
        )
    )
    assert len(bars(root)) == 2
    assert "Lao động tiên tiến: 32" in (root.find(f"{SVG}desc").text or "")  # type: ignore[union-attr]


def test_a_stacked_bar_has_one_segment_per_part_and_row() -> None:
    root = parse(
        stacked_bar(
            "y",
            "Chỉ tiêu",
            [
                ("Chỉ tiêu", [Part("Hoàn thành", 4), Part("Chưa", 0)]),
                ("Nhiệm vụ", [Part("Hoàn thành", 25), Part("Chưa", 2)]),
            ],
        )
    )
    assert len(bars(root)) == 4


@pytest.mark.parametrize(
    "parts",
    [[Part("Tốt", 28), Part("Xuất sắc", 4)], [Part("Tốt", 5)], []],
    ids=["two levels", "one level: a full ring", "no data"],
)
def test_a_donut_parses_for_any_split(parts: list[Part]) -> None:
    root = parse(donut("z", "Xếp loại", parts))
    assert len(bars(root)) == sum(1 for p in parts if p.value)


RISKY = ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://x")']


def test_the_xlsx_has_no_formula_cell_and_keeps_risky_text_as_text() -> None:
    table = Table(
        "t", "Bảng thử", ["Tên", "Số"], [[text, 1] for text in RISKY], footer=["=SUM(B1:B9)", 7]
    )
    book = load_workbook(io.BytesIO(tables_workbook([table], heading="=Cơ quan")))
    cells = [c for row in book.active.iter_rows() for c in row if c.value is not None]
    assert all(c.data_type != "f" for c in cells)
    written = {c.value for c in cells}
    assert set(RISKY) <= written and "=SUM(B1:B9)" in written
    assert all(
        c.quotePrefix for c in cells if isinstance(c.value, str) and c.value[:1] in "=+-@\t\r"
    )


def test_sheet_names_are_legal_and_unique() -> None:
    taken: set[str] = set()
    names = [sheet_name("Danh hiệu thi đua, công nhận: năm [2023]/tỉnh", taken) for _ in range(3)]
    assert len(set(names)) == 3 and all(
        len(n) <= 31 and "[" not in n and "/" not in n for n in names
    )
