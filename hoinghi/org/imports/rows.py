"""Turning a table of cells into checked staff rows, or into row-numbered errors.

Every problem is collected (not only the first), each naming the row as the spreadsheet
shows it, the column header and the reason, so the clerk can fix the whole file at once.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields
from datetime import date
from typing import Any

from hoinghi.org.imports import columns
from hoinghi.org.imports.columns import BY_KEY, COLUMNS, CellError, header_column
from hoinghi.org.imports.files import Table

SLUG = re.compile(r"^[-a-zA-Z0-9_]+$")
MAX_LENGTHS = {
    "staff_code": 40,
    "full_name": 120,
    "unit_code": 60,
    "unit_name": 255,
    "unit_parent_code": 60,
    "title": 120,
    "task_group": 80,
}
UNIQUE_KEYS = frozenset({"staff_code", "full_name"})  # not worth remembering
MAX_ERRORS = 200  # enough to fix a file by; a file with more errors is the wrong file


@dataclass(frozen=True)
class RowError:
    row: int  # 0 for a problem of the file as a whole (a missing column)
    column: str
    message: str

    def __str__(self) -> str:
        if self.row == 0:
            return f"Cột «{self.column}»: {self.message}."
        return f"Dòng {self.row}, cột «{self.column}»: {self.message}."


@dataclass(frozen=True)
class StaffRow:
    row: int
    staff_code: str
    full_name: str
    gender: str
    category: str
    date_of_birth: date | None = None
    party_member: bool = False
    union_member: bool = False
    joined_on: date | None = None
    left_on: date | None = None
    unit_code: str = ""
    unit_name: str = ""
    unit_parent_code: str = ""
    title: str = ""
    is_leader: bool = False
    is_head: bool = False
    valid_from: date | None = None
    agency_role: str = ""
    task_group: str = ""

    def to_json(self) -> dict[str, Any]:
        return {k: v.isoformat() if isinstance(v, date) else v for k, v in asdict(self).items()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StaffRow:
        values = dict(data)
        for key in columns.DATE_KEYS:
            if values.get(key):
                values[key] = date.fromisoformat(values[key])
        return cls(**{f.name: values[f.name] for f in fields(cls) if f.name in values})


@dataclass
class UnitRef:
    """What the file or the database says about one unit code."""

    name: str
    parent_code: str
    row: int = 0  # the first row of the file that named it; 0 when it is only in the database


class RowsInvalid(Exception):
    def __init__(self, errors: list[RowError]) -> None:
        super().__init__(f"{len(errors)} lỗi")
        self.errors = errors


@dataclass
class CheckedFile:
    rows: list[StaffRow]
    present: frozenset[str]  # keys of the columns the file has: absent columns change nothing


def check_rows(table: Table, agency_units: dict[str, UnitRef]) -> CheckedFile:
    """Check every row; raise RowsInvalid with all the errors, or return the rows."""
    positions, errors = _map_headers(table.headers)
    if errors:
        raise RowsInvalid(errors)
    rows: list[StaffRow] = []
    # Most columns repeat a few values (genders, categories, flags, units, titles, dates):
    # each distinct cell is parsed once. The key holds the type: True == 1 for a dict.
    parsed: dict[tuple[str, type, object], object] = {}
    for number, cells in table.rows:
        values: dict[str, object] = {}
        failed: set[str] = set()
        for key, index in positions.items():
            raw = cells[index] if index < len(cells) else None
            memo = (key, type(raw), raw)
            if memo in parsed:
                values[key] = parsed[memo]
                continue
            try:
                values[key] = _parse(key, raw)
            except CellError as exc:
                failed.add(key)
                errors.append(RowError(number, BY_KEY[key].header, str(exc)))
            else:
                if key not in UNIQUE_KEYS:
                    parsed[memo] = values[key]
        row_errors = _check_values(number, values, failed)
        errors.extend(row_errors)
        if len(errors) >= MAX_ERRORS:
            break
        if (
            not failed
            and not row_errors
            and all(k in values for k in ("staff_code", "full_name", "gender", "category"))
        ):
            rows.append(_row(number, values))
    errors.extend(check_across(rows, agency_units))
    if errors:
        raise RowsInvalid(sorted(errors, key=lambda e: e.row)[:MAX_ERRORS])
    return CheckedFile(rows, frozenset(positions))


def _map_headers(headers: list[str]) -> tuple[dict[str, int], list[RowError]]:
    positions: dict[str, int] = {}
    errors: list[RowError] = []
    for index, header in enumerate(headers):
        column = header_column(header)
        if column is None:
            continue  # other columns (ghi chú, STT…) are ignored
        if column.key in positions:
            errors.append(RowError(0, column.header, "có hai cột cùng tên"))
        positions[column.key] = index
    for column in COLUMNS:
        if column.required and column.key not in positions:
            errors.append(RowError(0, column.header, "thiếu cột bắt buộc này ở dòng tiêu đề"))
    return positions, errors


def _parse(key: str, raw: object) -> object:
    if key in columns.DATE_KEYS:
        return columns.parse_date(raw)
    if key in columns.FLAG_KEYS:
        return columns.parse_flag(raw)
    if key == "gender":
        return columns.parse_gender(raw)
    if key == "category":
        return columns.parse_category(raw)
    if key == "agency_role":
        return columns.parse_agency_role(raw)
    value = columns.text(raw)
    limit = MAX_LENGTHS.get(key)
    if limit is not None and len(value) > limit:
        raise CellError(f"dài {len(value)} ký tự, tối đa {limit}")
    if key in {"unit_code", "unit_parent_code"} and value and not SLUG.match(value):
        raise CellError(
            f"mã «{value}» chỉ được gồm chữ không dấu, số, dấu gạch ngang (ví dụ van-phong)"
        )
    if key == "staff_code" and "/" in value:
        raise CellError(f"mã «{value}» không được chứa dấu «/»")
    return value


def _check_values(number: int, v: dict[str, Any], failed: set[str]) -> list[RowError]:
    """Checks within one row; a cell that could not be read is not blamed twice."""
    errors: list[RowError] = []

    def error(key: str, message: str) -> None:
        errors.append(RowError(number, BY_KEY[key].header, message))

    for key in ("staff_code", "full_name"):
        if v.get(key) == "":
            error(key, "bỏ trống")
    joined, left, born = v.get("joined_on"), v.get("left_on"), v.get("date_of_birth")
    if joined and left and left < joined:
        error("left_on", f"ngày thôi việc {left:%d/%m/%Y} trước ngày vào cơ quan {joined:%d/%m/%Y}")
    if born and joined and joined <= born:
        error(
            "joined_on", f"ngày vào cơ quan {joined:%d/%m/%Y} không sau ngày sinh {born:%d/%m/%Y}"
        )
    has_unit = bool(v.get("unit_code"))
    for key in ("unit_name", "unit_parent_code", "title", "agency_role", "task_group"):
        if v.get(key) and not has_unit and "unit_code" not in failed:
            error("unit_code", f"bỏ trống trong khi cột «{BY_KEY[key].header}» có ghi")
            break
    if has_unit and not v.get("title"):
        error("title", f"bỏ trống (cần chức danh tại đơn vị «{v['unit_code']}»)")
    if has_unit and not (v.get("valid_from") or joined or failed & {"valid_from", "joined_on"}):
        error(
            "valid_from", "bỏ trống (cần ngày bắt đầu giữ chức danh, hoặc ghi «Ngày vào cơ quan»)"
        )
    if has_unit and v.get("unit_parent_code") == v.get("unit_code"):
        error("unit_parent_code", "đơn vị không thể là cấp trên của chính nó")
    return errors


def _row(number: int, v: dict[str, Any]) -> StaffRow:
    values = {k: val for k, val in v.items() if k in StaffRow.__dataclass_fields__}
    if values.get("unit_code"):
        values["valid_from"] = values.get("valid_from") or values.get("joined_on")
    return StaffRow(row=number, **values)


def check_across(rows: list[StaffRow], agency_units: dict[str, UnitRef]) -> list[RowError]:
    errors: list[RowError] = []
    first_row: dict[str, int] = {}
    for r in rows:
        if r.staff_code in first_row:
            errors.append(
                RowError(
                    r.row,
                    "Mã cán bộ",
                    f"mã «{r.staff_code}» trùng với dòng {first_row[r.staff_code]}",
                )
            )
        else:
            first_row[r.staff_code] = r.row
    file_units, unit_errors = _file_units(rows)
    errors.extend(unit_errors)
    known = dict(agency_units)
    for code, ref in file_units.items():
        before = agency_units.get(code)
        known[code] = UnitRef(
            ref.name or (before.name if before else ""),
            ref.parent_code or (before.parent_code if before else ""),
            ref.row,
        )
    for r in rows:
        if r.unit_code and not (r.unit_code in known and known[r.unit_code].name):
            errors.append(
                RowError(
                    r.row,
                    "Mã đơn vị",
                    f"đơn vị «{r.unit_code}» chưa có trong cơ quan; ghi «Tên đơn vị» để tạo mới",
                )
            )
        if r.unit_parent_code and r.unit_parent_code not in known:
            errors.append(
                RowError(
                    r.row,
                    "Đơn vị cấp trên (mã)",
                    f"đơn vị cấp trên «{r.unit_parent_code}» không có trong tệp hay trong cơ quan",
                )
            )
    errors.extend(_cycles(file_units, known))
    errors.extend(_task_groups(rows))
    return errors


def _file_units(rows: list[StaffRow]) -> tuple[dict[str, UnitRef], list[RowError]]:
    """Units the file names or moves: one name and one parent per code, whatever the row."""
    units: dict[str, UnitRef] = {}
    errors: list[RowError] = []
    for r in rows:
        if not r.unit_code or not (r.unit_name or r.unit_parent_code):
            continue
        ref = units.setdefault(r.unit_code, UnitRef(r.unit_name, r.unit_parent_code, r.row))
        if r.unit_name and ref.name and r.unit_name != ref.name:
            errors.append(
                RowError(
                    r.row,
                    "Tên đơn vị",
                    f"đơn vị «{r.unit_code}» đã được ghi tên «{ref.name}» ở dòng {ref.row}",
                )
            )
        if r.unit_parent_code and ref.parent_code and r.unit_parent_code != ref.parent_code:
            errors.append(
                RowError(
                    r.row,
                    "Đơn vị cấp trên (mã)",
                    f"đơn vị «{r.unit_code}» đã được ghi cấp trên "
                    f"«{ref.parent_code}» ở dòng {ref.row}",
                )
            )
        ref.name = ref.name or r.unit_name
        ref.parent_code = ref.parent_code or r.unit_parent_code
    return units, errors


def _task_groups(rows: list[StaffRow]) -> list[RowError]:
    """One task group per unit, whatever the row (a blank cell says nothing)."""
    first: dict[str, tuple[str, int]] = {}
    errors: list[RowError] = []
    for r in rows:
        if not r.unit_code or not r.task_group:
            continue
        group, row = first.setdefault(r.unit_code, (r.task_group, r.row))
        if group != r.task_group:
            errors.append(
                RowError(
                    r.row,
                    "Nhóm nhiệm vụ tương đồng",
                    f"đơn vị «{r.unit_code}» đã được ghi nhóm «{group}» ở dòng {row}",
                )
            )
    return errors


def _cycles(file_units: dict[str, UnitRef], known: dict[str, UnitRef]) -> list[RowError]:
    errors: list[RowError] = []
    for code, ref in file_units.items():
        seen = {code}
        parent = ref.parent_code
        while parent and parent in known:
            if parent in seen:
                errors.append(
                    RowError(
                        ref.row,
                        "Đơn vị cấp trên (mã)",
                        f"đơn vị «{code}» nằm dưới chính nó qua «{ref.parent_code}»",
                    )
                )
                break
            seen.add(parent)
            parent = known[parent].parent_code
    return errors
