"""Cells the application writes: text never becomes a formula (OWASP "CSV Injection").

A text that begins with ``=``, ``+``, ``-``, ``@``, a tab, a carriage return or another
control character could be run as a formula by a spreadsheet that opens the file.

- XLSX (:func:`set_cell`): the cell is written as a text cell with Excel's quote prefix, so
  it is shown as written and never evaluated, not even after the cell is edited.
- CSV (:func:`csv_cell`, :func:`csv_row`): the text is prefixed with an apostrophe, which
  spreadsheets show as a text marker; numbers, dates and empty cells are written as they are.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.worksheet.worksheet import Worksheet

RISKY_FIRST = ("=", "+", "-", "@")
DATE_FORMAT = "DD/MM/YYYY"


def is_risky(text: str) -> bool:
    """True when a spreadsheet could read ``text`` as a formula."""
    return bool(text) and (text.startswith(RISKY_FIRST) or ord(text[0]) < 32)


def csv_cell(value: object) -> object:
    """A value safe to hand to ``csv.writer``: risky text gets an apostrophe in front."""
    if isinstance(value, str) and is_risky(value):
        return "'" + value
    return value


def csv_row(values: Iterable[object]) -> list[object]:
    return [csv_cell(value) for value in values]


def set_cell(sheet: Worksheet, row: int, column: int, value: object) -> Cell:
    """Write one value to an openpyxl sheet; risky text stays text (quote prefix)."""
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        text = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.value = text
        if is_risky(text):
            cell.data_type = "s"
            cell.quotePrefix = True
    elif value is not None:
        cell.value = value
        if isinstance(value, date):
            cell.number_format = DATE_FORMAT
    return cell
