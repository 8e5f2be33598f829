"""Staff lists as XLSX, in the import's own columns, so an export imports back as a no-op.

Formula injection (OWASP "CSV Injection"): every cell goes through
:func:`hoinghi.org.files.set_cell`, so a text that begins with = + - @, a tab, a carriage
return or another control character is a plain text cell that no spreadsheet evaluates.
Dates stay date cells; flags are written as "x".
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from django.db.models import QuerySet
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from hoinghi.org.files import set_cell
from hoinghi.org.imports.columns import COLUMNS, DATE_KEYS, parse_date
from hoinghi.org.imports.files import SHEET_NAME
from hoinghi.org.models import Agency, Person, Position

__all__ = ["export_staff", "set_cell", "staff_template", "staff_workbook"]

COLUMN_NOTES = {
    "staff_code": "Bắt buộc. Khóa để nhận ra người khi nhập lại; không chứa dấu «/».",
    "full_name": "Bắt buộc. Họ, tên đệm và tên, có dấu.",
    "gender": "Bắt buộc: Nam hoặc Nữ.",
    "date_of_birth": "Ngày dạng dd/mm/yyyy, yyyy-mm-dd, hoặc ô ngày của Excel.",
    "category": "Bắt buộc: Cán bộ, Công chức, Viên chức, Người lao động hoặc Hợp đồng lao động.",
    "party_member": "Ghi «x» hoặc «có» nếu là đảng viên; để trống nếu không.",
    "union_member": "Ghi «x» hoặc «có» nếu là đoàn viên công đoàn; để trống nếu không.",
    "joined_on": "Ngày vào cơ quan.",
    "left_on": "Ngày thôi việc, nếu có.",
    "unit_code": "Mã đơn vị trực thuộc (chữ không dấu, số, gạch ngang). Đơn vị chưa có sẽ được tạo "
    "nếu ghi «Tên đơn vị».",
    "unit_name": "Tên đơn vị: cần khi tạo đơn vị mới; ghi tên khác sẽ đổi tên đơn vị.",
    "unit_parent_code": "Mã đơn vị cấp trên, nếu có (trong tệp hoặc đã có trong cơ quan).",
    "title": "Chức danh tại đơn vị; cần khi có «Mã đơn vị».",
    "is_leader": "Ghi «x» nếu giữ chức vụ lãnh đạo, quản lý.",
    "is_head": "Ghi «x» nếu là người đứng đầu đơn vị (thường ghi «x» cả ở cột «Lãnh đạo»).",
    "valid_from": "Ngày bắt đầu giữ chức danh; để trống thì lấy «Ngày vào cơ quan».",
    "agency_role": "Vị trí của chức danh trong lãnh đạo cơ quan (không phải của đơn vị): "
    "Người đứng đầu, Cấp phó (của người đứng đầu cơ quan) hoặc Kế toán trưởng; để trống nếu "
    "không. Phó trưởng phòng để trống. Không có cột này: giữ nguyên như đã ghi.",
    "task_group": "Nhóm có nhiệm vụ tương đồng của đơn vị (tỷ lệ Hoàn thành xuất sắc nhiệm vụ "
    "được tính trên cả cơ quan và trên từng nhóm); để trống: không đổi.",
}


def _header(sheet: Worksheet) -> None:
    for index, column in enumerate(COLUMNS, start=1):
        set_cell(sheet, 1, index, column.header).font = Font(bold=True)
        sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = max(
            12, len(column.header) + 4
        )
    sheet.freeze_panes = "A2"


def _save(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def staff_template() -> bytes:
    """The import template: the header row, one example row, and a sheet explaining each column."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = SHEET_NAME
    _header(sheet)
    for index, column in enumerate(COLUMNS, start=1):
        example = parse_date(column.example) if column.key in DATE_KEYS else column.example
        set_cell(sheet, 2, index, example)
    guide = workbook.create_sheet("Hướng dẫn")
    for row, (label, note) in enumerate(
        [("Cột", "Cách ghi")] + [(c.header, COLUMN_NOTES[c.key]) for c in COLUMNS], start=1
    ):
        set_cell(guide, row, 1, label)
        set_cell(guide, row, 2, note)
    guide.column_dimensions["A"].width, guide.column_dimensions["B"].width = 24, 100
    return _save(workbook)


def main_position(person: Person) -> Position | None:
    """The one position a row can carry: a current one if any (the head's, then a leader's),
    else the latest."""
    positions: list[Position] = list(person.positions.all())
    if not positions:
        return None
    return max(
        positions, key=lambda p: (p.valid_to is None, p.is_head, p.is_leader, p.valid_from, p.pk)
    )


def _flag(value: bool) -> str:
    return "x" if value else ""


def person_cells(person: Person) -> list[object]:
    position = main_position(person)
    unit = position.unit if position else None
    return [
        person.staff_code,
        person.full_name,
        person.get_gender_display(),
        person.date_of_birth,
        person.get_category_display(),
        _flag(person.party_member),
        _flag(person.union_member),
        person.joined_on,
        person.left_on,
        unit.code if unit else "",
        unit.name if unit else "",
        unit.parent.code if unit and unit.parent else "",
        position.title if position else "",
        _flag(position.is_leader) if position else "",
        _flag(position.is_head) if position else "",
        position.valid_from if position else None,
        position.get_agency_role_display() if position and position.agency_role else "",
        unit.task_group if unit else "",
    ]


def people_for_export(agency: Agency) -> QuerySet[Person]:
    return (
        Person.objects.filter(agency=agency)
        .order_by("sort_key", "pk")
        .prefetch_related("positions__unit__parent")
    )


def staff_workbook(people: Iterable[Person]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = SHEET_NAME
    _header(sheet)
    for row, person in enumerate(people, start=2):
        for column, value in enumerate(person_cells(person), start=1):
            set_cell(sheet, row, column, value)
    return _save(workbook)


def export_staff(agency: Agency) -> bytes:
    """Every person of the agency, ordered the Vietnamese way, in the import columns."""
    return staff_workbook(people_for_export(agency))
