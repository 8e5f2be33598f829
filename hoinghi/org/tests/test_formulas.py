"""Every CSV or XLSX the application writes neutralises formula cells, through one module."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest
from openpyxl import Workbook

from hoinghi.org.files import csv_cell, csv_row, set_cell

ROOT = Path(__file__).resolve().parents[2]
RISKY = ['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", "\tx", "\r=1"]
# Writers of files that are read back by the import tests and benchmarks, not handed out.
NOT_EXPORTS = {"org/imports/samples.py"}


@pytest.mark.parametrize("text", RISKY)
def test_a_csv_cell_that_could_be_a_formula_is_prefixed(text: str) -> None:
    assert csv_cell(text) == "'" + text
    out = io.StringIO()
    csv.writer(out).writerow(csv_row([text, 12, None, "Nguyễn Văn An"]))
    cells = next(csv.reader(io.StringIO(out.getvalue())))
    assert cells == ["'" + text, "12", "", "Nguyễn Văn An"]


@pytest.mark.parametrize("text", RISKY)
def test_an_xlsx_cell_that_could_be_a_formula_stays_text(text: str) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    set_cell(sheet, 1, 1, text)
    set_cell(sheet, 1, 2, "An")
    buffer = io.BytesIO()
    book.save(buffer)
    cell = openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).active["A1"]  # type: ignore[index]
    assert cell.data_type == "s" and cell.quotePrefix is True
    assert cell.value == text


def test_every_writer_of_csv_or_xlsx_uses_the_neutraliser() -> None:
    writers = []
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT).as_posix()
        if "tests" in path.parts or relative.startswith("org/files/") or relative in NOT_EXPORTS:
            continue
        text = path.read_text(encoding="utf-8")
        if "csv.writer(" in text or "csv.DictWriter(" in text or "Workbook(" in text:
            writers.append(relative)
            assert "csv_row" in text or "csv_cell" in text or "set_cell" in text, relative
    assert {"org/exports.py", "reports/xlsx.py", "voting/recount.py"} <= set(writers)
