"""The outgoing register (sổ đăng ký văn bản đi) as a spreadsheet: one row per issued document.

Cells go through :func:`hoinghi.org.exports.set_cell`, so a trích yếu that begins with "="
stays text (formula injection).
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Font

from hoinghi.documents.selectors import issued_documents
from hoinghi.org.exports import set_cell
from hoinghi.org.models import Agency

COLUMNS = (
    ("Số, ký hiệu", 18),
    ("Ngày ban hành", 14),
    ("Tên loại và trích yếu", 60),
    ("Người ký", 28),
    ("Nơi nhận", 40),
    ("Số lượng bản", 10),
    ("Ghi chú", 24),
)


def register_rows(agency: Agency, year: int) -> list[list[object]]:
    rows: list[list[object]] = []
    for d in reversed(list(issued_documents(agency, year=year))):
        note = "Số, ngày ghi theo sổ giấy" if d.entered_by_hand else ""
        if d.signed_copy:
            note = "; ".join(x for x in (note, "Có bản đã ký") if x)
        rows.append(
            [
                d.number_text,
                d.issued_on,
                f"{d.get_kind_display()}: {d.summary}",
                " - ".join(x for x in (d.signer_title, d.signer_name) if x),
                d.recipients.replace("\n", " "),
                d.copies,
                note,
            ]
        )
    return rows


def register_xlsx(agency: Agency, year: int) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = f"Sổ văn bản đi {year}"
    for column, (header, width) in enumerate(COLUMNS, start=1):
        set_cell(sheet, 1, column, header).font = Font(bold=True)
        sheet.column_dimensions[sheet.cell(row=1, column=column).column_letter].width = width
    for row, values in enumerate(register_rows(agency, year), start=2):
        for column, value in enumerate(values, start=1):
            set_cell(sheet, row, column, value)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
