"""The ``emulation`` section of a scenario year: loaded, checked and dumped back."""

from __future__ import annotations

from copy import deepcopy
from typing import Any

import pytest

from hoinghi.emulation import selectors
from hoinghi.emulation.models import Decision, Initiative, Registration, UnitJudgement
from hoinghi.emulation.tests.builders import district
from hoinghi.law.emulation.vocabulary import Title
from hoinghi.org.models import Agency
from hoinghi.org.scenario import ScenarioError, dump_scenario_data, load_scenario_data

pytestmark = pytest.mark.django_db

SECTION: dict[str, Any] = {
    "launch": {
        "launched_on": "2023-02-10",
        "theme": "Đoàn kết, đổi mới, hoàn thành xuất sắc nhiệm vụ",
        "movements": ["Cán bộ, công chức thi đua thực hiện văn hóa công sở"],
    },
    "registrations": [
        {"everyone": ["ldtt"]},
        {"person": "HU01", "titles": ["ldtt", "cstdcs"]},
        {"unit": "van-phong", "titles": ["ttldtt"]},
    ],
    "initiatives": [
        {
            "person": "HU01",
            "name": "Số hóa hồ sơ lưu trữ",
            "kind": "sang_kien",
            "level": "co_so",
            "recognised_on": "2023-11-20",
            "recognised_by": "Hội đồng sáng kiến cơ quan",
        }
    ],
    "pledges": [
        {
            "signed_on": "2023-01-20",
            "party_a": "Thủ trưởng cơ quan",
            "signer_a": "Trần Minh Khoa",
            "party_b": "Ban Chấp hành Công đoàn",
            "signer_b": "Lê Thị Thu Hà",
            "commitments": ["Hoàn thành 100% nhiệm vụ", "Không có đảng viên vi phạm"],
            "results": [True, True],
        }
    ],
    "decisions": [
        {
            "issuer_kind": "upper_state",
            "issuer": "Chủ tịch Ủy ban nhân dân huyện",
            "number": "215/QĐ-UBND",
            "signed_on": "2024-01-12",
            "title": "ttldtt",
            "units": [
                "van-phong",
                "ban-to-chuc",
                "ban-tuyen-giao",
                "ban-dan-van",
                "uy-ban-kiem-tra",
            ],
        }
    ],
}


def scenario_with(section: dict[str, Any]) -> dict[str, Any]:
    data = dump_scenario_data(district())
    for year in data["years"]:
        if year["year"] == 2023:
            year["emulation"] = deepcopy(section)
    return data


def test_a_scenario_year_carries_registrations_initiatives_pledge_and_decisions() -> None:
    load_scenario_data(scenario_with(SECTION))
    agency = Agency.objects.get(code="co-quan-huyen-uy")
    work_year = agency.work_years.get(year=2023)
    assert Registration.objects.filter(work_year=work_year).count() == 32 + 1 + 1
    assert Initiative.objects.get().person.staff_code == "HU01"
    assert (
        selectors.title_count(work_year, Title.TAP_THE_LAO_DONG_TIEN_TIEN).phrase == "100% (05/05)"
    )
    pledge = selectors.pledges_of_year(work_year).get()
    assert [c.met for c in pledge.commitments.all()] == [True, True]


def test_loading_twice_keeps_one_copy_and_dumping_gives_the_section_back() -> None:
    load_scenario_data(scenario_with(SECTION))
    load_scenario_data(scenario_with(SECTION))
    assert Decision.objects.count() == 1
    dumped = next(y for y in dump_scenario_data(district())["years"] if y["year"] == 2023)[
        "emulation"
    ]
    assert dumped["decisions"][0]["units"][0] == "van-phong"
    assert dumped["pledges"][0]["results"] == [True, True]
    assert {"person": "HU01", "titles": ["ldtt", "cstdcs"]} in dumped["registrations"]


def test_an_unknown_person_or_title_names_its_path_and_nothing_is_kept() -> None:
    bad = deepcopy(SECTION)
    bad["initiatives"][0]["person"] = "ZZ99"
    with pytest.raises(
        ScenarioError, match=r"emulation.initiatives\[0\].person: không có người mã «ZZ99»"
    ):
        load_scenario_data(scenario_with(bad))
    bad = deepcopy(SECTION)
    bad["registrations"][2]["titles"] = ["ldtt"]
    with pytest.raises(
        ScenarioError, match=r"registrations\[2\].titles\[0\]: danh hiệu «ldtt» không hợp lệ"
    ):
        load_scenario_data(scenario_with(bad))
    assert not Registration.objects.exists()


def test_recognitions_of_the_agency_and_of_everyone_load_and_dump_back() -> None:
    section = {
        **deepcopy(SECTION),
        "recognitions": [
            {"name": "An toàn về an ninh trật tự", "issuer": "Công an huyện"},
            {"name": "Gia đình văn hóa", "everyone": True},
        ],
    }
    load_scenario_data(scenario_with(section))
    work_year = Agency.objects.get(code="co-quan-huyen-uy").work_years.get(year=2023)
    rows = selectors.recognitions_of_year(work_year)
    assert rows.filter(person__isnull=True).get().issuer == "Công an huyện"
    assert rows.filter(name="Gia đình văn hóa").count() == 32
    dumped = next(y for y in dump_scenario_data(district())["years"] if y["year"] == 2023)[
        "emulation"
    ]
    assert dumped["recognitions"][0] == {
        "name": "An toàn về an ninh trật tự",
        "issuer": "Công an huyện",
    }


def test_loading_the_same_year_again_keeps_its_rows_and_counts_no_change() -> None:
    load_scenario_data(scenario_with(SECTION))
    decisions = list(Decision.objects.values_list("pk", flat=True))
    report = load_scenario_data(scenario_with(SECTION))
    assert not report.changed and list(Decision.objects.values_list("pk", flat=True)) == decisions
    changed = deepcopy(SECTION)
    changed["decisions"][0]["number"] = "216/QĐ-UBND"
    assert load_scenario_data(scenario_with(changed)).changed
    assert Decision.objects.get().number == "216/QĐ-UBND"


def test_the_councils_judgement_of_units_loads_dumps_back_and_reports_every_bad_row() -> None:
    judgements = [
        {"unit": "van-phong", "emulation_active": True, "unity": True, "judged_on": "2023-12-15"},
        {"unit": "ban-to-chuc", "emulation_active": False, "unity": None, "note": "Chưa sôi nổi"},
    ]
    load_scenario_data(scenario_with({**deepcopy(SECTION), "judgements": judgements}))
    work_year = Agency.objects.get(code="co-quan-huyen-uy").work_years.get(year=2023)
    rows = {j.unit.code: j for j in UnitJudgement.objects.filter(work_year=work_year)}
    assert (rows["van-phong"].emulation_active, rows["van-phong"].unity) == (True, True)
    assert (rows["ban-to-chuc"].emulation_active, rows["ban-to-chuc"].unity) == (False, None)
    assert rows["ban-to-chuc"].judged_on == work_year.ends_on
    dumped = next(y for y in dump_scenario_data(district())["years"] if y["year"] == 2023)
    assert dumped["emulation"]["judgements"][1] == {
        "unit": "ban-to-chuc",
        "emulation_active": False,
        "unity": None,
        "judged_on": "2023-12-31",
        "note": "Chưa sôi nổi",
    }
    assert not load_scenario_data(scenario_with(dumped["emulation"])).changed
    bad = [
        {"unit": "van-phong", "unity": "có"},
        {"unit": "van-phong", "emulation_active": "x"},
        {"unit": "khong-co", "unity": True},
    ]
    with pytest.raises(ScenarioError) as error:
        load_scenario_data(scenario_with({**deepcopy(SECTION), "judgements": bad}))
    text = str(error.value)
    assert "judgements[0].unity: phải là true, false hoặc null" in text
    assert "judgements[1].unit: đơn vị «van-phong» đã được đánh giá ở trên" in text
    assert "judgements[1].emulation_active: phải là true, false hoặc null" in text
    assert "judgements[2].unit: không có đơn vị mã «khong-co»" in text
    assert UnitJudgement.objects.count() == 2  # the earlier load, untouched
