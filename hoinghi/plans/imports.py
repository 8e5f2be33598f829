"""Import of targets and tasks from an XLSX sheet: all rows or none.

The first row names the columns (any order, accents optional):
Loại | Mã | Nội dung | Nguồn | Mã đơn vị | Mã cán bộ | Đơn vị tính | Giá trị chỉ tiêu | Hạn hoàn thành.
Every problem is reported with its row number; one bad row writes nothing.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, BinaryIO

from hoinghi.org.models import Person, Unit, WorkYear
from hoinghi.plans.models import ItemKind, ItemSource
from hoinghi.plans.services import Actor, ItemInput, save_imported
from hoinghi.vietnamese import fold, nfc

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
COLUMNS = {
    "loai": "kind",
    "ma": "code",
    "noi dung": "title",
    "nguon": "source",
    "ma don vi": "unit",
    "ma can bo": "person",
    "don vi tinh": "measure",
    "gia tri chi tieu": "target_value",
    "han hoan thanh": "due_on",
}
KINDS = {fold(label): value for value, label in ItemKind.choices}
SOURCES = {fold(label): value for value, label in ItemSource.choices} | {
    "cap tren giao": ItemSource.ASSIGNED,
    "nghi quyet": ItemSource.RESOLUTION,
    "phat sinh": ItemSource.ARISING,
    "tu de ra": ItemSource.OWN,
    "": ItemSource.ASSIGNED,
}


@dataclass
class ImportReport:
    errors: list[str] = field(default_factory=list)
    created: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


def read_sheet(stream: BinaryIO, size: int) -> tuple[list[list[Any]], list[str]]:
    """The rows of the first sheet, or the reasons the file is refused."""
    if size > MAX_BYTES:
        return [], [f"Tệp quá lớn ({size // 1024} KB): tối đa {MAX_BYTES // 1024 // 1024} MB."]
    content = stream.read(MAX_BYTES + 1)
    if not content.startswith(b"PK") or not zipfile.is_zipfile(io.BytesIO(content)):
        return [], ["Tệp không phải bảng tính Excel (.xlsx)."]
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds on a damaged workbook
        return [], ["Không đọc được bảng tính: tệp .xlsx bị hỏng hoặc sai định dạng."]
    rows = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    book.close()
    if len(rows) - 1 > MAX_ROWS:
        return [], [f"Bảng tính có {len(rows) - 1} dòng: tối đa {MAX_ROWS} dòng mỗi lần nhập."]
    return rows, []


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return nfc(str(value)).strip()


def _date(value: Any) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    day, month, year = _text(value).split("/")
    if len(year) != 4:
        raise ValueError(value)
    return date(int(year), int(month), int(day))


def _decimal(value: Any) -> Decimal | None:
    text = _text(value).replace(",", ".")
    return Decimal(text) if text else None


def import_items(
    work_year: WorkYear, stream: BinaryIO, *, size: int, file_name: str, actor: Actor = None
) -> ImportReport:
    """Check every row; write all of them only when none has a problem."""
    report = ImportReport()
    if work_year.is_closed:
        report.errors.append(f"Năm công tác {work_year.year} đã khóa sổ.")
        return report
    rows, report.errors = read_sheet(stream, size)
    if report.errors:
        return report
    if not rows:
        report.errors.append("Bảng tính trống.")
        return report
    header = [COLUMNS.get(fold(_text(h))) for h in rows[0]]
    for needed, label in (("kind", "Loại"), ("title", "Nội dung")):
        if needed not in header:
            report.errors.append(f"Thiếu cột «{label}» ở dòng tiêu đề.")
    if report.errors:
        return report
    units = {u.code: u for u in Unit.objects.filter(agency=work_year.agency)}
    people = {p.staff_code: p for p in Person.objects.filter(agency=work_year.agency)}
    checked: list[tuple[ItemInput, Unit | None, Person | None]] = []
    for number, raw in enumerate(rows[1:], start=2):
        cells = {name: raw[i] for i, name in enumerate(header) if name and i < len(raw)}
        if all(_text(v) == "" for v in cells.values()):
            continue
        row, problems = _check_row(cells, units, people)
        report.errors.extend(f"Dòng {number}: {p}" for p in problems)
        if row is not None:
            checked.append(row)
    if not report.errors and not checked:
        report.errors.append("Bảng tính không có dòng dữ liệu nào.")
    if report.errors:
        return report
    report.created = save_imported(work_year, checked, file_name=file_name, actor=actor)
    return report


def _check_row(
    cells: dict[str, Any],
    units: dict[str, Unit],
    people: dict[str, Person],
) -> tuple[tuple[ItemInput, Unit | None, Person | None] | None, list[str]]:
    problems: list[str] = []
    kind = KINDS.get(fold(_text(cells.get("kind"))))
    if kind is None:
        problems.append(
            f"cột «Loại» là «{_text(cells.get('kind'))}», phải là «Chỉ tiêu» hoặc «Nhiệm vụ»."
        )
    title = _text(cells.get("title"))
    if not title:
        problems.append("cột «Nội dung» trống.")
    source = SOURCES.get(fold(_text(cells.get("source"))))
    if source is None:
        problems.append(f"cột «Nguồn» không hợp lệ: «{_text(cells.get('source'))}».")
    unit_code, staff_code = _text(cells.get("unit")), _text(cells.get("person"))
    unit = units.get(unit_code) if unit_code else None
    if unit_code and unit is None:
        problems.append(f"không có đơn vị mã «{unit_code}».")
    person = people.get(staff_code) if staff_code else None
    if staff_code and person is None:
        problems.append(f"không có cán bộ mã «{staff_code}».")
    try:
        due_on = _date(cells.get("due_on"))
    except ValueError:
        due_on = None
        problems.append(
            f"cột «Hạn hoàn thành» phải là ngày dạng dd/mm/yyyy: «{_text(cells.get('due_on'))}»."
        )
    try:
        target_value = _decimal(cells.get("target_value"))
    except InvalidOperation:
        target_value = None
        problems.append(f"cột «Giá trị chỉ tiêu» phải là số: «{_text(cells.get('target_value'))}».")
    if problems:
        return None, problems
    data = ItemInput(
        kind=kind or "",
        title=title,
        code=_text(cells.get("code")),
        source=source or "",
        measure=_text(cells.get("measure")),
        target_value=target_value,
        due_on=due_on,
    )
    return (data, unit, person), []
