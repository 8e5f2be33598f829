"""Import of targets and tasks from an XLSX sheet: all rows or none.

The first row names the columns (any order, accents optional):
Loại | Mã | Nội dung | Nguồn | Mã đơn vị | Mã cán bộ | Đơn vị tính | Giá trị chỉ tiêu | Hạn hoàn thành.
Every problem is reported with its row number; one bad row writes nothing. The file is read
by the guarded reader of :mod:`hoinghi.org.files` (at most HOINGHI_PLANS_IMPORT_MAX_ROWS rows).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, BinaryIO

from django.conf import settings

from hoinghi.actors import Actor
from hoinghi.org.files import FileRefused, Limits, check_size, import_limits, spreadsheet_rows
from hoinghi.org.files.limits import count
from hoinghi.org.files.spreadsheet import XLSX
from hoinghi.org.models import Person, Unit, WorkYear
from hoinghi.plans.models import ItemKind, ItemSource
from hoinghi.plans.services import ItemInput, PlanError, save_imported
from hoinghi.refusals import ensure_year_open
from hoinghi.vietnamese import fold, nfc

MAX_TARGET_DIGITS = 12  # the field keeps 14 digits, 2 of them decimals
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


def plans_limits() -> Limits:
    return import_limits().but(max_rows=settings.HOINGHI_PLANS_IMPORT_MAX_ROWS)


def read_sheet(stream: BinaryIO, size: int, file_name: str) -> list[tuple[int, list[Any]]]:
    """The non-empty rows of the first sheet with their row numbers, through the guarded
    reader (:mod:`hoinghi.org.files`); raise :class:`FileRefused` past any limit."""
    limits = plans_limits()
    check_size(size, limits)
    content = stream.read(limits.max_bytes + 1)
    _, rows = spreadsheet_rows(content, filename=file_name, limits=limits, kinds=(XLSX,))
    found: list[tuple[int, list[Any]]] = []
    for number, cells in rows:
        if len(found) > limits.max_rows:
            raise FileRefused(
                "too_many_rows",
                f"Bảng tính có hơn {count(limits.max_rows)} dòng dữ liệu: tối đa "
                f"{count(limits.max_rows)} dòng mỗi lần nhập.",
            )
        found.append((number, cells))
    return found


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
    if len(year) != 4 or len(day) > 2 or len(month) > 2:
        raise ValueError(value)
    return date(int(year), int(month), int(day))


def _decimal(value: Any) -> Decimal | None:
    text = _text(value).replace(",", ".")
    if not text:
        return None
    number = Decimal(text[:40])
    if len(text) > 40 or not number.is_finite() or abs(number) >= 10**MAX_TARGET_DIGITS:
        raise InvalidOperation(text)
    return number


def import_items(
    work_year: WorkYear, stream: BinaryIO, *, size: int, file_name: str, actor: Actor = None
) -> ImportReport:
    """Check every row; write all of them only when none has a problem."""
    report = ImportReport()
    try:
        ensure_year_open(work_year, PlanError, "plans.year_closed")
    except PlanError as closed:
        report.errors.append(closed.message)
        return report
    try:
        rows = read_sheet(stream, size, file_name)
    except FileRefused as refused:
        report.errors.append(refused.message)
        return report
    if not rows:
        report.errors.append("Bảng tính trống.")
        return report
    header = [COLUMNS.get(fold(_text(h))) for h in rows[0][1]]
    for needed, label in (("kind", "Loại"), ("title", "Nội dung")):
        if needed not in header:
            report.errors.append(f"Thiếu cột «{label}» ở dòng tiêu đề.")
    if report.errors:
        return report
    units = {u.code: u for u in Unit.objects.filter(agency=work_year.agency)}
    people = {p.staff_code: p for p in Person.objects.filter(agency=work_year.agency)}
    checked: list[tuple[ItemInput, Unit | None, Person | None]] = []
    for number, raw in rows[1:]:
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
    except (ValueError, OverflowError):
        due_on = None
        problems.append(
            f"cột «Hạn hoàn thành» phải là ngày dạng dd/mm/yyyy: «{_text(cells.get('due_on'))}»."
        )
    try:
        target_value = _decimal(cells.get("target_value"))
    except InvalidOperation:
        target_value = None
        problems.append(
            "cột «Giá trị chỉ tiêu» phải là số, nhỏ hơn "
            + f"{10**MAX_TARGET_DIGITS:,}".replace(",", ".")
            + f": «{_text(cells.get('target_value'))[:40]}»."
        )
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
