"""Loading and dumping scenario files: round trip, all-or-nothing, idempotence, errors with paths."""

from __future__ import annotations

import copy
import unicodedata
from datetime import date
from typing import Any

import pytest
from django.contrib.auth.models import User

from hoinghi.audit.models import AuditEntry
from hoinghi.org.models import Agency, Person, Position, RoleAssignment, Training, Unit, WorkYear
from hoinghi.org.scenario import (
    ScenarioError,
    dump_scenario,
    dump_scenario_data,
    load_scenario,
    load_scenario_data,
    load_scenario_text,
    sections,
)

pytestmark = pytest.mark.django_db


def sample() -> dict[str, Any]:
    """A small agency: two units, three people, one account, one year."""
    return {
        "version": 1,
        "agency": {
            "code": "so-mau",
            "name": "Sở Mẫu",
            "abbreviation": "SM",
            "kind": "state",
            "place_name": "Hà Nội",
        },
        "units": [
            {"code": "van-phong", "name": "Văn phòng Sở", "kind": "van_phong"},
            {"code": "phong-a", "name": "Phòng A", "parent": "van-phong"},
        ],
        "people": [
            {
                "staff_code": "A01",
                "full_name": "Nguyễn Văn An",
                "gender": "nam",
                "category": "cong_chuc",
                "party_member": True,
                "joined_on": "2010-01-04",
                "positions": [
                    {
                        "unit": "van-phong",
                        "title": "Chánh Văn phòng",
                        "is_head": True,
                        "valid_from": "2015-01-01",
                    }
                ],
                "trainings": [
                    {"kind": "boi_duong", "name": "Bồi dưỡng nghiệp vụ", "starts_on": "2023-03-01"}
                ],
            },
            {
                "staff_code": "A02",
                "full_name": "Trần Thị Bình",
                "gender": "nu",
                "category": "vien_chuc",
                "joined_on": "01/02/2012",
                "positions": [
                    {
                        "unit": "phong-a",
                        "title": "Chuyên viên",
                        "valid_from": "2012-02-01",
                        "valid_to": "2019-12-31",
                    },
                    {
                        "unit": "phong-a",
                        "title": "Phó Trưởng phòng",
                        "valid_from": "2020-01-01",
                        "is_leader": True,
                    },
                ],
            },
            {
                "staff_code": "A03",
                "full_name": "Lê Văn Cường",
                "gender": "nam",
                "category": "nguoi_lao_dong",
                "union_member": False,
                "positions": [{"unit": "van-phong", "title": "Lái xe", "valid_from": "2018-05-01"}],
            },
        ],
        "accounts": [
            {
                "username": "an",
                "person": "A01",
                "password_hash": "!unusable",
                "roles": ["can_bo", {"role": "truong_don_vi", "unit": "van-phong"}],
            }
        ],
        "years": [{"year": 2023}],
    }


def test_it_loads_every_core_section() -> None:
    report = load_scenario_data(sample(), source="so-mau.yaml")
    agency = Agency.objects.get(code="so-mau")
    assert report.changed
    parent = Unit.objects.get(agency=agency, code="phong-a").parent
    assert parent is not None and parent.code == "van-phong"
    assert Person.objects.filter(agency=agency).count() == 3
    binh = Person.objects.get(staff_code="A02")
    assert binh.joined_on == date(2012, 2, 1)  # dd/mm/yyyy is read too
    assert binh.positions.count() == 2
    assert Position.objects.get(person__staff_code="A01").is_leader  # a head leads by default
    assert Training.objects.get().starts_on == date(2023, 3, 1)
    roles = set(RoleAssignment.objects.values_list("role", "unit__code"))
    assert roles == {("can_bo", None), ("truong_don_vi", "van-phong")}
    an = Person.objects.get(staff_code="A01").user
    assert an is not None and an.username == "an"
    assert WorkYear.objects.get(agency=agency).ends_on == date(2023, 12, 31)
    assert AuditEntry.objects.filter(action="org.load_scenario", agency_code="so-mau").count() == 1


def empty_database() -> None:
    Position.objects.all().delete()
    Person.objects.all().delete()
    Unit.objects.filter(parent__isnull=False).delete()
    Agency.objects.all().delete()
    User.objects.all().delete()
    assert not Unit.objects.exists() and not WorkYear.objects.exists()


def test_it_round_trips_through_dump_and_load_into_an_empty_database() -> None:
    load_scenario_data(sample())
    first = dump_scenario(Agency.objects.get(code="so-mau"))
    empty_database()
    load_scenario_text(first, source="dump.yaml")
    assert dump_scenario(Agency.objects.get(code="so-mau")) == first


def test_it_round_trips_in_json() -> None:
    load_scenario_data(sample())
    first = dump_scenario(Agency.objects.get(code="so-mau"), as_json=True)
    report = load_scenario_text(first, as_json=True)
    assert not report.changed
    assert dump_scenario(Agency.objects.get(code="so-mau"), as_json=True) == first


def test_its_dump_writes_dates_plainly_and_leaves_out_empty_values() -> None:
    load_scenario_data(sample())
    text = dump_scenario(Agency.objects.get(code="so-mau"))
    assert "valid_from: 2015-01-01\n" in text
    assert "left_on" not in text and "short_name" not in text


def test_loading_the_same_file_twice_changes_nothing(tmp_path: Any) -> None:
    path = tmp_path / "so-mau.yaml"
    load_scenario_data(sample())
    path.write_text(dump_scenario(Agency.objects.get(code="so-mau")), encoding="utf-8")
    audits = AuditEntry.objects.count()
    report = load_scenario(path)
    assert not report.changed
    assert report.summary() == "so-mau: không có thay đổi."
    assert AuditEntry.objects.count() == audits


def test_it_reloads_a_plain_password_without_changing_it() -> None:
    data = sample()
    data["accounts"][0] = {
        "username": "an",
        "person": "A01",
        "password": "mat-khau-rat-dai",
        "roles": [],
    }
    load_scenario_data(data)
    before = Person.objects.get(staff_code="A01").user
    assert before is not None
    encoded = before.password
    assert not load_scenario_data(data).changed
    user = Person.objects.get(staff_code="A01").user
    assert user is not None
    assert user.password == encoded and user.check_password("mat-khau-rat-dai")


def test_the_file_is_the_truth_for_positions_trainings_and_roles() -> None:
    load_scenario_data(sample())
    data = sample()
    data["people"][1]["positions"] = data["people"][1]["positions"][1:]
    del data["people"][0]["trainings"]
    data["accounts"][0]["roles"] = ["can_bo"]
    report = load_scenario_data(data)
    assert (
        report.changes["positions"] == 1
        and report.changes["trainings"] == 1
        and report.changes["roles"] == 1
    )
    assert Person.objects.get(staff_code="A02").positions.get().title == "Phó Trưởng phòng"
    assert not Training.objects.exists()
    assert list(RoleAssignment.objects.values_list("role", flat=True)) == ["can_bo"]


def test_one_bad_date_deep_inside_leaves_the_database_unchanged() -> None:
    load_scenario_data(sample())
    before = dump_scenario(Agency.objects.get(code="so-mau"))
    data = sample()
    data["agency"]["name"] = "Sở Mẫu đổi tên"
    data["people"].append(
        {
            "staff_code": "A04",
            "full_name": "Phạm Thị Dung",
            "gender": "nu",
            "category": "cong_chuc",
            "positions": [{"unit": "phong-a", "title": "Chuyên viên", "valid_from": "2023-02-30"}],
        }
    )
    with pytest.raises(ScenarioError) as caught:
        load_scenario_data(data, source="so-mau.yaml")
    assert str(caught.value) == (
        "so-mau.yaml: people[3].positions[0].valid_from: ngày không hợp lệ «2023-02-30» "
        "(viết dạng 2023-01-31 hoặc 31/01/2023)"
    )
    assert dump_scenario(Agency.objects.get(code="so-mau")) == before


def test_a_bad_reference_found_while_writing_rolls_everything_back() -> None:
    data = sample()
    data["people"][2]["positions"][0]["unit"] = "phong-khong-co"
    with pytest.raises(
        ScenarioError,
        match=r"people\[2\]\.positions\[0\]\.unit: không có đơn vị mã «phong-khong-co»",
    ):
        load_scenario_data(data)
    assert not Agency.objects.exists() and not Person.objects.exists()


def test_a_bad_date_in_yaml_text_is_reported_with_its_path_not_as_a_crash() -> None:
    text = (
        "version: 1\nagency: {code: x, name: X, abbreviation: X, kind: party, place_name: Y}\n"
        "years:\n- year: 2023\n  starts_on: 2023-13-01\n"
    )
    with pytest.raises(
        ScenarioError, match=r"years\[0\]\.starts_on: ngày không hợp lệ «2023-13-01»"
    ):
        load_scenario_text(text, source="x.yaml")


def test_it_reports_every_issue_of_the_file_at_once() -> None:
    data = sample()
    data["people"][0]["gender"] = "khac"
    data["people"][1]["staff_code"] = "A01"
    data["units"][0]["kind"] = 3
    with pytest.raises(ScenarioError) as caught:
        load_scenario_data(data, source="f.yaml")
    paths = [issue.path for issue in caught.value.issues]
    assert paths == ["units[0].kind", "people[0].gender", "people[1].staff_code"]
    assert "mã cán bộ «A01» bị trùng với people[0]" in str(caught.value)


def test_an_unknown_key_is_an_error_naming_it() -> None:
    data = sample()
    data["khong_co"] = []
    data["people"][0]["nickname"] = "An"
    with pytest.raises(ScenarioError) as caught:
        load_scenario_data(data, source="f.yaml")
    text = str(caught.value)
    assert "f.yaml: khong_co: khóa «khong_co» không được hỗ trợ" in text
    assert "f.yaml: people[0].nickname: khóa «nickname» không được hỗ trợ" in text


@pytest.mark.parametrize(
    ("version", "message"),
    [
        (None, "version: thiếu trường bắt buộc"),
        (2, r"version: phiên bản «2» không được hỗ trợ \(hỗ trợ: 1\)"),
        ("1", "version: phiên bản «1» không được hỗ trợ"),
    ],
    ids=["missing", "future version", "version as text"],
)
def test_it_refuses_a_missing_or_unknown_version(version: Any, message: str) -> None:
    data = sample()
    if version is None:
        del data["version"]
    else:
        data["version"] = version
    with pytest.raises(ScenarioError, match=message):
        load_scenario_data(data)
    assert not Agency.objects.exists()


def test_it_refuses_a_file_that_is_not_a_mapping_or_not_yaml() -> None:
    with pytest.raises(ScenarioError, match="tệp phải là một bảng khóa"):
        load_scenario_text("- 1\n- 2\n", source="f.yaml")
    with pytest.raises(ScenarioError, match=r"f.yaml: YAML không hợp lệ ở dòng 3, cột 1"):
        load_scenario_text("version: 1\nagency: [\n", source="f.yaml")
    with pytest.raises(ScenarioError, match="không tìm thấy tệp"):
        load_scenario("/khong/co/tep.yaml")


def test_it_normalises_names_to_nfc() -> None:
    data = sample()
    data["people"][0]["full_name"] = unicodedata.normalize("NFD", "Nguyễn  Văn   Ấn")
    data["units"][0]["name"] = unicodedata.normalize("NFD", "Văn phòng Sở")
    load_scenario_data(data)
    assert Person.objects.get(staff_code="A01").full_name == "Nguyễn Văn Ấn"
    assert Unit.objects.get(code="van-phong").name == unicodedata.normalize("NFC", "Văn phòng Sở")
    assert not load_scenario_data(copy.deepcopy(data)).changed


def test_a_dry_run_reports_changes_and_writes_nothing() -> None:
    report = load_scenario_data(sample(), dry_run=True)
    assert report.changes["people"] == 3
    assert "sẽ ghi" in report.summary()
    assert not Agency.objects.exists() and not AuditEntry.objects.exists()


def test_an_account_of_another_agencys_person_is_refused() -> None:
    load_scenario_data(sample())
    other = sample()
    other["agency"]["code"] = "so-khac"
    with pytest.raises(
        ScenarioError,
        match=r"accounts\[0\]\.username: tài khoản «an» đã gắn với người của cơ quan so-mau",
    ):
        load_scenario_data(other)
    assert not Agency.objects.filter(code="so-khac").exists()


def test_a_missing_parent_agency_is_named() -> None:
    data = sample()
    data["agency"]["parent"] = "ubnd-tinh"
    with pytest.raises(
        ScenarioError, match=r"agency.parent: không có cơ quan cấp trên mã «ubnd-tinh»"
    ):
        load_scenario_data(data)


def test_dumping_costs_a_fixed_number_of_queries(
    django_assert_max_num_queries: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sections, "_SECTIONS", {})  # the core only; each app bounds its own section
    load_scenario_data(sample())
    agency = Agency.objects.get(code="so-mau")
    with django_assert_max_num_queries(8):
        dump_scenario_data(agency)


def test_the_agency_s_history_task_groups_and_agency_roles_round_trip() -> None:
    data = sample()
    data["agency"]["history"] = [
        {
            "valid_from": "2015-01-01",
            "kind": "state",
            "superior_level": "huyen",
            "superior_name": "Ủy ban nhân dân huyện Mẫu",
        },
        {
            "valid_from": "2025-07-01",
            "kind": "state",
            "superior_level": "tinh",
            "superior_name": "Ủy ban nhân dân tỉnh Mẫu",
            "note": "Chính quyền địa phương hai cấp",
        },
    ]
    data["units"][1]["task_group"] = "Chuyên môn"
    data["people"][0]["positions"][0]["agency_role"] = "head"
    load_scenario_data(data)
    agency = Agency.objects.get(code="so-mau")
    dumped = dump_scenario_data(agency)
    assert [h["superior_level"] for h in dumped["agency"]["history"]] == ["huyen", "tinh"]
    assert dumped["units"][1]["task_group"] == "Chuyên môn"
    assert dumped["people"][0]["positions"][0]["agency_role"] == "head"
    first = dump_scenario(agency)
    empty_database()
    load_scenario_text(first, source="dump.yaml")
    assert dump_scenario(Agency.objects.get(code="so-mau")) == first


def test_a_wrong_superior_level_is_named_with_its_path() -> None:
    data = sample()
    data["agency"]["history"] = [
        {
            "valid_from": "2015-01-01",
            "kind": "state",
            "superior_level": "quan",
            "superior_name": "X",
        }
    ]
    with pytest.raises(ScenarioError) as error:
        load_scenario_data(data)
    assert "agency.history[0].superior_level" in str(error.value)
