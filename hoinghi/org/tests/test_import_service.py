"""Importing staff through the service: all or nothing, idempotent, NFC, audited."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from django.db import connection

from hoinghi.audit.models import AuditEntry
from hoinghi.org.imports.samples import csv_bytes, staff_row, staff_rows, xlsx_bytes
from hoinghi.org.imports.services import StaffImportError, import_staff
from hoinghi.org.models import Person, Position, StaffCategory, Unit
from hoinghi.testing import World
from hoinghi.vietnamese import fold, name_sort_key


def snapshot(world: World) -> tuple[list[tuple[object, ...]], ...]:
    return (
        list(Person.objects.filter(agency=world.agency).order_by("pk").values_list()),
        list(Unit.objects.filter(agency=world.agency).order_by("pk").values_list()),
        list(Position.objects.filter(person__agency=world.agency).order_by("pk").values_list()),
    )


def test_it_imports_people_units_and_positions_from_xlsx(world: World) -> None:
    counts = import_staff(
        world.agency, xlsx_bytes(staff_rows(8)), filename="ds.xlsx", actor=world.clerk
    )
    assert (counts.people_created, counts.units_created, counts.positions_created) == (8, 2, 8)
    person = Person.objects.get(agency=world.agency, staff_code="NV000001")
    assert person.full_name == "Trần Văn An"
    assert person.gender == "nu" and person.category == StaffCategory.PUBLIC_EMPLOYEE
    assert person.sort_key == name_sort_key(person.full_name)
    assert person.search_text == fold("Trần Văn An NV000001")
    position = person.positions.get()
    assert (position.unit.code, position.title, position.valid_from) == (
        "ban-to-chuc",
        "Chuyên viên",
        person.joined_on,
    )
    new_unit = Unit.objects.get(agency=world.agency, code="ban-tuyen-giao")
    assert new_unit.name == "Ban Tuyên giáo" and new_unit.kind == "ban"


def test_it_imports_the_same_rows_from_csv(world: World) -> None:
    counts = import_staff(world.agency, csv_bytes(staff_rows(5), delimiter=";"), filename="ds.csv")
    assert counts.people_created == 5
    assert Person.objects.filter(agency=world.agency, staff_code__startswith="NV").count() == 5


def test_it_reads_a_csv_saved_by_vietnamese_windows(world: World) -> None:
    data = csv_bytes([staff_row(1)], encoding="cp1258")
    import_staff(world.agency, data, filename="ds.csv")
    assert Person.objects.get(staff_code="NV000001").full_name == "Trần Văn An"


def test_it_changes_nothing_when_the_same_file_is_imported_again(world: World) -> None:
    data = xlsx_bytes(staff_rows(30))
    import_staff(world.agency, data, filename="ds.xlsx")
    before = snapshot(world)
    again = import_staff(world.agency, data, filename="ds.xlsx")
    assert again.changes == 0 and again.people_unchanged == 30
    assert snapshot(world) == before


def test_it_updates_a_changed_person_and_leaves_others_alone(world: World) -> None:
    rows = staff_rows(3)
    import_staff(world.agency, xlsx_bytes(rows), filename="ds.xlsx")
    rows[1]["Họ và tên"] = "Lê Thị Mới"
    rows[1]["Đảng viên"] = "có"
    counts = import_staff(world.agency, xlsx_bytes(rows), filename="ds.xlsx")
    assert (counts.people_updated, counts.people_unchanged, counts.people_created) == (1, 2, 0)
    person = Person.objects.get(staff_code="NV000002")
    assert person.full_name == "Lê Thị Mới" and person.party_member is True
    assert person.sort_key == name_sort_key("Lê Thị Mới")


def test_it_matches_a_name_typed_in_nfd_with_its_nfc_twin(world: World) -> None:
    row = staff_row(1)
    import_staff(world.agency, xlsx_bytes([row]), filename="ds.xlsx")
    decomposed = {
        k: unicodedata.normalize("NFD", v) if isinstance(v, str) else v for k, v in row.items()
    }
    assert decomposed["Họ và tên"] != row["Họ và tên"]
    headers = [unicodedata.normalize("NFD", h) for h in decomposed]
    counts = import_staff(
        world.agency,
        csv_bytes([dict(zip(headers, decomposed.values(), strict=True))], headers=headers),
        filename="ds.csv",
    )
    assert counts.changes == 0 and counts.people_unchanged == 1
    assert Person.objects.get(staff_code="NV000001").full_name == unicodedata.normalize(
        "NFC", "Trần Văn An"
    )


def test_it_writes_nothing_when_one_row_is_bad(world: World) -> None:
    rows = staff_rows(20)
    rows[12]["Ngày vào cơ quan"] = "32/13/2020"
    before = snapshot(world)
    with pytest.raises(StaffImportError) as refused:
        import_staff(world.agency, xlsx_bytes(rows), filename="ds.xlsx")
    assert refused.value.messages == [
        "Dòng 14, cột «Ngày vào cơ quan»: ngày «32/13/2020» không hợp lệ "
        "(ghi theo dạng dd/mm/yyyy, ví dụ 05/09/1985)."
    ]
    assert snapshot(world) == before
    assert not AuditEntry.objects.filter(action="org.import_staff").exists()


def test_it_keeps_fields_of_columns_the_file_does_not_have(world: World) -> None:
    colleague = world.person(world.colleague)
    headers = ["Mã cán bộ", "Họ và tên", "Giới tính", "Đối tượng"]
    data = csv_bytes(
        [
            {
                "Mã cán bộ": "CB01",
                "Họ và tên": "Đỗ Văn Bình",
                "Giới tính": "Nam",
                "Đối tượng": "Viên chức",
            }
        ],
        headers=headers,
    )
    counts = import_staff(world.agency, data, filename="ds.csv")
    assert counts.people_updated == 1
    colleague.refresh_from_db()
    assert colleague.category == StaffCategory.PUBLIC_EMPLOYEE
    assert colleague.joined_on == date(2015, 1, 1) and colleague.party_member is True


def test_it_updates_a_position_flag_in_place(world: World) -> None:
    rows = staff_rows(2)
    import_staff(world.agency, xlsx_bytes(rows), filename="ds.xlsx")
    rows[0]["Lãnh đạo"] = "x"
    counts = import_staff(world.agency, xlsx_bytes(rows), filename="ds.xlsx")
    assert (counts.positions_updated, counts.positions_created) == (1, 0)
    assert Position.objects.get(person__staff_code="NV000001").is_leader is True


def test_it_creates_a_unit_under_a_unit_new_in_the_same_file(world: World) -> None:
    rows = staff_rows(2)
    rows[0].update(
        {"Mã đơn vị": "to-luu-tru", "Tên đơn vị": "Tổ Lưu trữ", "Đơn vị cấp trên (mã)": "phong-moi"}
    )
    rows[1].update(
        {"Mã đơn vị": "phong-moi", "Tên đơn vị": "Phòng Mới", "Đơn vị cấp trên (mã)": "van-phong"}
    )
    counts = import_staff(world.agency, xlsx_bytes(rows), filename="ds.xlsx")
    assert counts.units_created == 2
    team = Unit.objects.get(agency=world.agency, code="to-luu-tru")
    assert team.parent is not None and team.parent.code == "phong-moi" and team.kind == "to"
    assert team.parent.parent == world.office


def test_it_records_one_audit_entry_with_counts(world: World) -> None:
    import_staff(world.agency, xlsx_bytes(staff_rows(4)), filename="ds.xlsx", actor=world.clerk)
    entry = AuditEntry.objects.get(action="org.import_staff")
    assert entry.actor == world.clerk and entry.agency_code == world.agency.code
    assert entry.data["people_created"] == 4 and entry.data["people_unchanged"] == 0
    assert entry.data["people_updated"] == 0 and len(entry.data["file_sha256"]) == 64


def test_a_dry_run_reports_without_writing(world: World) -> None:
    before = snapshot(world)
    counts = import_staff(world.agency, xlsx_bytes(staff_rows(6)), filename="ds.xlsx", dry_run=True)
    assert (counts.people_created, counts.units_created, counts.positions_created) == (6, 2, 6)
    assert snapshot(world) == before


def test_it_leaves_other_agencies_alone(world: World) -> None:
    rows = [staff_row(1)]
    rows[0]["Mã cán bộ"] = "NG01"  # the stranger's code, in the other agency
    import_staff(world.agency, xlsx_bytes(rows), filename="ds.xlsx")
    assert (
        Person.objects.get(agency=world.other_agency, staff_code="NG01").full_name == "Phan Văn Lạ"
    )
    assert Person.objects.filter(staff_code="NG01").count() == 2


@pytest.mark.parametrize("count", [10, 200])
def test_the_number_of_queries_does_not_grow_with_rows(
    world: World, count: int, django_assert_num_queries: object
) -> None:
    data = xlsx_bytes(staff_rows(count))
    with django_assert_num_queries(QUERIES_FOR_A_NEW_FILE[connection.vendor]):  # type: ignore[operator]
        import_staff(world.agency, data, filename="ds.xlsx")


# Units (to check the rows), the savepoint; the import guards (voting's: an open poll); units again, inside the transaction, new units
# (one level) and their ids; people, the upsert, their ids; positions and the insert; the
# audit entry; the savepoint's release. On PostgreSQL the units' and people's upserts go
# through temporary tables filled by COPY (which Django does not count).
QUERIES_FOR_A_NEW_FILE = {"sqlite": 13, "postgresql": 14}
