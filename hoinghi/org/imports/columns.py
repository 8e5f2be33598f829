"""The column contract of a staff file: Vietnamese headers, the field each feeds, and
how a cell becomes a value. docs/import.md documents the same table for clerks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from openpyxl.utils.datetime import from_excel

from hoinghi.org.models import AgencyRole, Gender, StaffCategory
from hoinghi.vietnamese import fold, nfc


@dataclass(frozen=True)
class Column:
    header: str
    key: str
    required: bool = False
    example: str = ""


COLUMNS: tuple[Column, ...] = (
    Column("Mã cán bộ", "staff_code", required=True, example="CB001"),
    Column("Họ và tên", "full_name", required=True, example="Nguyễn Thị Hà"),
    Column("Giới tính", "gender", required=True, example="Nữ"),
    Column("Ngày sinh", "date_of_birth", example="15/08/1985"),
    Column("Đối tượng", "category", required=True, example="Công chức"),
    Column("Đảng viên", "party_member", example="x"),
    Column("Đoàn viên công đoàn", "union_member", example="x"),
    Column("Ngày vào cơ quan", "joined_on", example="01/03/2010"),
    Column("Ngày thôi việc", "left_on"),
    Column("Mã đơn vị", "unit_code", example="van-phong"),
    Column("Tên đơn vị", "unit_name", example="Văn phòng"),
    Column("Đơn vị cấp trên (mã)", "unit_parent_code"),
    Column("Chức danh", "title", example="Chuyên viên"),
    Column("Lãnh đạo", "is_leader"),
    Column("Trưởng đơn vị", "is_head"),
    Column("Từ ngày", "valid_from", example="01/03/2010"),
    Column("Vị trí trong lãnh đạo cơ quan", "agency_role"),
    Column("Nhóm nhiệm vụ tương đồng", "task_group"),
)
BY_HEADER = {fold(c.header): c for c in COLUMNS}
BY_KEY = {c.key: c for c in COLUMNS}

PERSON_FIELDS = (
    "full_name",
    "gender",
    "date_of_birth",
    "category",
    "party_member",
    "union_member",
    "joined_on",
    "left_on",
)
DATE_KEYS = frozenset({"date_of_birth", "joined_on", "left_on", "valid_from"})
FLAG_KEYS = frozenset({"party_member", "union_member", "is_leader", "is_head"})

TRUE_WORDS = frozenset({"x", "co", "1", "true", "yes"})
FALSE_WORDS = frozenset({"", "khong", "0", "false", "no"})
GENDERS = {fold(label): value for value, label in Gender.choices} | {v: v for v in Gender.values}
CATEGORIES = {fold(label): value for value, label in StaffCategory.choices} | {
    v: v for v in StaffCategory.values
}
DAY_FIRST = re.compile(
    r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$"
)  # dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy
ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# Excel serial numbers of 01/01/1900 and 31/12/2099: a bare number in a date column.
EXCEL_SERIALS = range(1, 73051)
EARLIEST, LATEST = date(1900, 1, 1), date(2099, 12, 31)


class CellError(ValueError):
    """A cell that cannot become a value; the message says why, in Vietnamese."""


def header_column(header: object) -> Column | None:
    return BY_HEADER.get(fold(str(header))) if header is not None else None


def text(value: object) -> str:
    """Cell → NFC text. Whole numbers lose Excel's ".0" (a staff code typed as a number)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime | date):
        return f"{value:%d/%m/%Y}"
    result = nfc(str(value))
    if CONTROL.search(result):
        raise CellError("có ký tự điều khiển không hợp lệ")
    return result


def parse_date(value: object) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        found = value.date()
    elif isinstance(value, date):
        found = value
    elif isinstance(value, int | float) and not isinstance(value, bool):
        if int(value) not in EXCEL_SERIALS:
            raise CellError(f"«{text(value)}» không phải là ngày")
        found = from_excel(value).date()
    else:
        found = _date_from_text(text(value))
    if not EARLIEST <= found <= LATEST:
        raise CellError(f"ngày {found:%d/%m/%Y} nằm ngoài khoảng 1900–2099")
    return found


def _date_from_text(raw: str) -> date:
    if raw == "":
        raise CellError("thiếu ngày")
    if match := DAY_FIRST.match(raw):
        day, month, year = map(int, match.groups())
    elif match := ISO_DATE.match(raw):
        year, month, day = map(int, match.groups())
    else:
        raise _bad_date(raw)
    try:
        return date(year, month, day)
    except ValueError:
        raise _bad_date(raw) from None


def _bad_date(raw: str) -> CellError:
    return CellError(f"ngày «{raw}» không hợp lệ (ghi theo dạng dd/mm/yyyy, ví dụ 05/09/1985)")


def parse_flag(value: object) -> bool:
    if isinstance(value, bool):
        return value
    word = fold(text(value))
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise CellError(
        f"«{text(value)}» không hợp lệ (ghi «x» hoặc «có» nếu đúng, để trống nếu không)"
    )


def parse_choice(value: object, choices: dict[str, str], allowed: str) -> str:
    raw = text(value)
    found = choices.get(fold(raw))
    if found is None:
        if raw == "":
            raise CellError(f"bỏ trống (ghi một trong: {allowed})")
        raise CellError(f"«{raw}» không hợp lệ (ghi một trong: {allowed})")
    return found


# A position's place in the agency's leadership: the labels, the codes, and the usual words.
AGENCY_ROLES = (
    {fold(label): value for value, label in AgencyRole.choices if value}
    | {v: v for v in AgencyRole.values if v}
    | {
        "thu truong": AgencyRole.HEAD,
        "nguoi dung dau": AgencyRole.HEAD,
        "cap truong": AgencyRole.HEAD,
        "cap pho": AgencyRole.DEPUTY,
        "pho": AgencyRole.DEPUTY,
        "ke toan truong": AgencyRole.CHIEF_ACCOUNTANT,
    }
)


def parse_agency_role(value: object) -> str:
    """Blank: no place in the agency's leadership (a department's deputy is not the agency's)."""
    if text(value) == "":
        return ""
    return str(parse_choice(value, AGENCY_ROLES, "Người đứng đầu, Cấp phó, Kế toán trưởng"))


def parse_gender(value: object) -> str:
    return parse_choice(value, GENDERS, ", ".join(Gender.labels))


def parse_category(value: object) -> str:
    return parse_choice(value, CATEGORIES, ", ".join(StaffCategory.labels))
