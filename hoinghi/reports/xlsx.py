"""Tables as an XLSX workbook, one sheet per table.

Cells go through :func:`hoinghi.org.files.set_cell`, the foundation's formula-injection
rule: text that begins with =, +, -, @, a tab, a carriage return or another control
character is written as text with Excel's quote prefix, so nothing is ever evaluated.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.styles import Font

from hoinghi.org.files import set_cell
from hoinghi.reports.tables import Table

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def sheet_name(title: str, taken: set[str]) -> str:
    """Excel allows 31 characters without []:*?/\\ and no duplicates."""
    base = _SHEET_FORBIDDEN.sub(" ", title).strip()[:28] or "Bảng"
    name, n = base, 2
    while name.lower() in taken:
        name, n = f"{base[:25]} ({n})", n + 1
    taken.add(name.lower())
    return name


def tables_workbook(tables: Iterable[Table], *, heading: str = "") -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    taken: set[str] = set()
    for table in tables:
        sheet = workbook.create_sheet(sheet_name(table.title, taken))
        row = 1
        if heading:
            set_cell(sheet, row, 1, heading).font = Font(bold=True)
            row += 1
        set_cell(sheet, row, 1, table.title).font = Font(bold=True)
        row += 1
        for col, header in enumerate(table.headers, start=1):
            set_cell(sheet, row, col, header).font = Font(bold=True)
            sheet.column_dimensions[sheet.cell(row=row, column=col).column_letter].width = (
                16 if col > 1 else 42
            )
        for values in [*table.rows, *([table.footer] if table.footer else [])]:
            row += 1
            for col, value in enumerate(values, start=1):
                set_cell(sheet, row, col, value)
        if table.note:
            set_cell(sheet, row + 2, 1, table.note)
    if not workbook.sheetnames:
        workbook.create_sheet("Trống")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
