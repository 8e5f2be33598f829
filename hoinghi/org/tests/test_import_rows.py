"""Each bad row gets a Vietnamese message naming its row number, its column and the reason."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from hoinghi.org.imports.files import read_table
from hoinghi.org.imports.rows import CheckedFile, RowsInvalid, UnitRef, check_rows
from hoinghi.org.imports.samples import csv_bytes, staff_row, staff_rows, xlsx_bytes

AGENCY_UNITS = {"van-phong": UnitRef("Văn phòng", ""), "ban-to-chuc": UnitRef("Ban Tổ chức", "")}


def check(rows: list[dict[str, object]], *, kind: str = "csv") -> CheckedFile:
    data = xlsx_bytes(rows) if kind == "xlsx" else csv_bytes(rows)
    return check_rows(read_table(data, filename=f"ds.{kind}"), AGENCY_UNITS)


def errors_of(rows: list[dict[str, object]], *, kind: str = "csv") -> list[str]:
    with pytest.raises(RowsInvalid) as refused:
        check(rows, kind=kind)
    return [str(e) for e in refused.value.errors]


def with_change(index: int, **changes: object) -> list[dict[str, object]]:
    rows = staff_rows(3)
    rows[index].update({k.replace("_", " "): v for k, v in changes.items()})
    return rows


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        (
            "Ngày sinh",
            "31/02/1990",
            "Dòng 3, cột «Ngày sinh»: ngày «31/02/1990» không hợp lệ "
            "(ghi theo dạng dd/mm/yyyy, ví dụ 05/09/1985).",
        ),
        (
            "Ngày sinh",
            "03/04/1850",
            "Dòng 3, cột «Ngày sinh»: ngày 03/04/1850 nằm ngoài khoảng 1900–2099.",
        ),
        ("Họ và tên", "", "Dòng 3, cột «Họ và tên»: bỏ trống."),
        ("Mã cán bộ", "", "Dòng 3, cột «Mã cán bộ»: bỏ trống."),
        ("Mã cán bộ", "CB/01", "Dòng 3, cột «Mã cán bộ»: mã «CB/01» không được chứa dấu «/»."),
        (
            "Giới tính",
            "Khác",
            "Dòng 3, cột «Giới tính»: «Khác» không hợp lệ (ghi một trong: Nam, Nữ).",
        ),
        (
            "Đối tượng",
            "Chuyên gia",
            "Dòng 3, cột «Đối tượng»: «Chuyên gia» không hợp lệ (ghi một trong: "
            "Cán bộ, Công chức, Viên chức, Người lao động, Hợp đồng lao động).",
        ),
        (
            "Đảng viên",
            "chưa rõ",
            "Dòng 3, cột «Đảng viên»: «chưa rõ» không hợp lệ "
            "(ghi «x» hoặc «có» nếu đúng, để trống nếu không).",
        ),
        (
            "Mã đơn vị",
            "phong-ma",
            "Dòng 3, cột «Mã đơn vị»: đơn vị «phong-ma» chưa có trong cơ quan; "
            "ghi «Tên đơn vị» để tạo mới.",
        ),
        (
            "Mã đơn vị",
            "Văn phòng",
            "Dòng 3, cột «Mã đơn vị»: mã «Văn phòng» chỉ được gồm chữ không dấu, số, "
            "dấu gạch ngang (ví dụ van-phong).",
        ),
        (
            "Chức danh",
            "",
            "Dòng 3, cột «Chức danh»: bỏ trống (cần chức danh tại đơn vị «ban-tuyen-giao»).",
        ),
        ("Họ và tên", "A" * 121, "Dòng 3, cột «Họ và tên»: dài 121 ký tự, tối đa 120."),
        ("Họ và tên", "Nguyễn\x07An", "Dòng 3, cột «Họ và tên»: có ký tự điều khiển không hợp lệ."),
    ],
    ids=[
        "a day that does not exist",
        "a date before 1900",
        "an empty name",
        "an empty staff code",
        "a slash in a staff code",
        "an unknown gender",
        "an unknown category",
        "an unclear flag",
        "a unit neither in the file nor in the agency",
        "a unit code with accents",
        "a unit without a title",
        "an overlong name",
        "a control character",
    ],
)
def test_it_names_the_row_column_and_reason(column: str, value: str, message: str) -> None:
    rows = staff_rows(3)
    rows[1][column] = value
    if column == "Mã đơn vị":
        rows[1]["Tên đơn vị"] = ""
    assert errors_of(rows) == [message]


def test_it_reports_a_staff_code_used_twice_with_both_rows() -> None:
    rows = staff_rows(4)
    rows[3]["Mã cán bộ"] = rows[0]["Mã cán bộ"]
    assert errors_of(rows) == ["Dòng 5, cột «Mã cán bộ»: mã «NV000001» trùng với dòng 2."]


def test_it_reports_every_bad_row_at_once() -> None:
    rows = staff_rows(5)
    rows[0]["Giới tính"] = ""
    rows[4]["Ngày vào cơ quan"] = "hôm qua"
    assert [e.split(":")[0] for e in errors_of(rows, kind="xlsx")] == [
        "Dòng 2, cột «Giới tính»",
        "Dòng 6, cột «Ngày vào cơ quan»",
    ]


def test_it_lists_missing_required_columns() -> None:
    data = csv_bytes([{"Mã cán bộ": "CB1"}], headers=["Mã cán bộ", "Họ và tên"])
    with pytest.raises(RowsInvalid) as refused:
        check_rows(read_table(data, filename="ds.csv"), AGENCY_UNITS)
    assert [str(e) for e in refused.value.errors] == [
        "Cột «Giới tính»: thiếu cột bắt buộc này ở dòng tiêu đề.",
        "Cột «Đối tượng»: thiếu cột bắt buộc này ở dòng tiêu đề.",
    ]


def test_it_refuses_leaving_before_joining() -> None:
    rows = with_change(0, **{"Ngày_vào_cơ_quan": "01/01/2020", "Ngày_thôi_việc": "31/12/2019"})
    assert errors_of(rows) == [
        "Dòng 2, cột «Ngày thôi việc»: ngày thôi việc 31/12/2019 trước ngày vào cơ quan 01/01/2020."
    ]


def test_it_refuses_a_parent_unit_it_cannot_find() -> None:
    rows = with_change(0, **{"Đơn_vị_cấp_trên_(mã)": "khong-co"})
    assert errors_of(rows) == [
        "Dòng 2, cột «Đơn vị cấp trên (mã)»: đơn vị cấp trên «khong-co» không có "
        "trong tệp hay trong cơ quan."
    ]


def test_it_refuses_two_names_for_one_unit() -> None:
    rows = with_change(2, **{"Mã_đơn_vị": "ban-to-chuc", "Tên_đơn_vị": "Ban Tổ chức Cán bộ"})
    assert errors_of(rows) == [
        "Dòng 4, cột «Tên đơn vị»: đơn vị «ban-to-chuc» đã được ghi tên «Ban Tổ chức» ở dòng 2."
    ]


def test_it_refuses_a_unit_placed_under_itself() -> None:
    rows = staff_rows(2)
    rows[0].update(
        {"Mã đơn vị": "phong-a", "Tên đơn vị": "Phòng A", "Đơn vị cấp trên (mã)": "phong-b"}
    )
    rows[1].update(
        {"Mã đơn vị": "phong-b", "Tên đơn vị": "Phòng B", "Đơn vị cấp trên (mã)": "phong-a"}
    )
    assert errors_of(rows) == [
        "Dòng 2, cột «Đơn vị cấp trên (mã)»: đơn vị «phong-a» nằm dưới chính nó qua «phong-b».",
        "Dòng 3, cột «Đơn vị cấp trên (mã)»: đơn vị «phong-b» nằm dưới chính nó qua «phong-a».",
    ]


def test_it_refuses_a_title_without_a_unit() -> None:
    rows = with_change(0, **{"Mã_đơn_vị": "", "Tên_đơn_vị": ""})
    assert errors_of(rows) == [
        "Dòng 2, cột «Mã đơn vị»: bỏ trống trong khi cột «Chức danh» có ghi."
    ]


@pytest.mark.parametrize(
    "value",
    [
        "05/09/1985",
        "5/9/1985",
        "05-09-1985",
        "05.09.1985",
        "1985-09-05",
        datetime(1985, 9, 5),
        date(1985, 9, 5),
        31295,
    ],
    ids=[
        "dd/mm/yyyy",
        "d/m/yyyy",
        "dd-mm-yyyy",
        "dd.mm.yyyy",
        "ISO",
        "an Excel date",
        "an Excel date without time",
        "an Excel serial number",
    ],
)
def test_it_accepts_dates_as_clerks_write_them(value: object) -> None:
    row = staff_row(1)
    row["Ngày sinh"] = value
    assert check([row], kind="xlsx").rows[0].date_of_birth == date(1985, 9, 5)


def test_it_accepts_flags_and_choices_without_accents_or_case() -> None:
    row = staff_row(1) | {
        "Giới tính": "NU",
        "Đối tượng": "cong chuc",
        "Đảng viên": "Có",
        "Lãnh đạo": "X",
    }
    checked = check([row]).rows[0]
    assert (checked.gender, checked.category, checked.party_member, checked.is_leader) == (
        "nu",
        "cong_chuc",
        True,
        True,
    )


def test_it_takes_the_joining_date_when_the_position_has_none() -> None:
    row = staff_row(1) | {"Ngày vào cơ quan": "01/03/2010", "Từ ngày": ""}
    assert check([row]).rows[0].valid_from == date(2010, 3, 1)


def test_a_staff_code_typed_as_a_number_loses_excels_decimal() -> None:
    row = staff_row(1) | {"Mã cán bộ": 1234.0}
    assert check([row], kind="xlsx").rows[0].staff_code == "1234"
