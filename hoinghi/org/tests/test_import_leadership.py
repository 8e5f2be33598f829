"""The staff file's optional columns for a position's place in the agency's leadership and a
unit's task group: read, checked with row and column named, written set-based, re-imported as
a no-op, exported and imported back unchanged."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from hoinghi.org.exports import export_staff
from hoinghi.org.imports.samples import HEADERS, csv_bytes, staff_rows, xlsx_bytes
from hoinghi.org.imports.services import StaffImportError, import_staff
from hoinghi.org.models import AgencyRole, Position, Unit
from hoinghi.testing import World

pytestmark = pytest.mark.django_db

ROLE, GROUP = "Vị trí trong lãnh đạo cơ quan", "Nhóm nhiệm vụ tương đồng"


def _rows() -> list[dict[str, object]]:
    rows = staff_rows(4)
    rows[0].update({ROLE: "Thủ trưởng", GROUP: "Tham mưu tổng hợp"})
    rows[1].update({ROLE: "cấp phó", "Lãnh đạo": "x"})
    rows[2].update({ROLE: "Kế toán trưởng"})
    return rows


def _role(code: str) -> str:
    return Position.objects.get(person__staff_code=code).agency_role


def test_the_columns_set_the_place_in_the_leadership_and_the_task_group(world: World) -> None:
    rows = _rows()
    import_staff(world.agency, xlsx_bytes(rows), filename="ds.xlsx")
    assert [_role(f"NV00000{i}") for i in range(1, 5)] == [
        AgencyRole.HEAD,
        AgencyRole.DEPUTY,
        AgencyRole.CHIEF_ACCOUNTANT,
        "",
    ]
    unit = Unit.objects.get(agency=world.agency, code=rows[0]["Mã đơn vị"])
    assert unit.task_group == "Tham mưu tổng hợp"
    others = Unit.objects.filter(agency=world.agency).exclude(pk=unit.pk)
    assert set(others.values_list("task_group", flat=True)) == {""}


def test_importing_the_same_file_again_changes_nothing(world: World) -> None:
    data = xlsx_bytes(_rows())
    import_staff(world.agency, data, filename="ds.xlsx")
    again = import_staff(world.agency, data, filename="ds.xlsx")
    assert again.changes == 0


def test_a_changed_place_updates_the_position_in_place(world: World) -> None:
    rows = _rows()
    import_staff(world.agency, xlsx_bytes(rows), filename="ds.xlsx")
    pk = Position.objects.get(person__staff_code="NV000002").pk
    rows[1][ROLE] = ""
    rows[3][ROLE] = "Cấp phó"
    rows[0][GROUP] = "Nghiên cứu"
    counts = import_staff(world.agency, xlsx_bytes(rows), filename="ds.xlsx")
    assert (counts.positions_updated, counts.positions_created, counts.units_updated) == (2, 0, 1)
    assert Position.objects.get(pk=pk).agency_role == ""
    assert _role("NV000004") == AgencyRole.DEPUTY
    assert Unit.objects.get(agency=world.agency, code=rows[0]["Mã đơn vị"]).task_group == (
        "Nghiên cứu"
    )


def test_a_file_without_the_columns_keeps_what_was_recorded(world: World) -> None:
    rows = _rows()
    import_staff(world.agency, xlsx_bytes(rows), filename="ds.xlsx")
    older = [h for h in HEADERS if h not in (ROLE, GROUP)]
    counts = import_staff(world.agency, csv_bytes(rows, headers=older), filename="ds.csv")
    assert counts.changes == 0
    assert _role("NV000001") == AgencyRole.HEAD
    assert Unit.objects.get(agency=world.agency, code=rows[0]["Mã đơn vị"]).task_group


def test_bad_cells_are_named_by_row_and_column_and_nothing_is_written(world: World) -> None:
    rows = _rows()
    rows[1][ROLE] = "Giám đốc sở"
    rows[3].update({"Mã đơn vị": rows[0]["Mã đơn vị"], GROUP: "Nhóm khác"})
    rows[2].update({"Mã đơn vị": "", "Tên đơn vị": "", "Chức danh": ""})
    with pytest.raises(StaffImportError) as error:
        import_staff(world.agency, xlsx_bytes(rows), filename="ds.xlsx")
    messages = error.value.messages
    assert (
        f"Dòng 3, cột «{ROLE}»: «Giám đốc sở» không hợp lệ (ghi một trong: Người đứng đầu, "
        "Cấp phó, Kế toán trưởng)." in messages
    )
    assert f"Dòng 4, cột «Mã đơn vị»: bỏ trống trong khi cột «{ROLE}» có ghi." in messages
    assert any(
        m.startswith(f"Dòng 5, cột «{GROUP}»: đơn vị «{rows[0]['Mã đơn vị']}» đã được ghi nhóm")
        for m in messages
    )
    assert not Position.objects.filter(person__staff_code__startswith="NV").exists()


def test_an_export_carries_both_columns_and_imports_back_as_a_no_op(world: World) -> None:
    import_staff(world.agency, xlsx_bytes(_rows()), filename="ds.xlsx")
    data = export_staff(world.agency)
    counts = import_staff(world.agency, data, filename="xuat.xlsx")
    assert counts.changes == 0
    assert _role("NV000001") == AgencyRole.HEAD
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    header = [c.value for c in sheet[1]]
    assert header[-2:] == [ROLE, GROUP]
    values = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert values["NV000001"][-2:] == ("Người đứng đầu cơ quan, đơn vị", "Tham mưu tổng hợp")
