"""The ``plans`` section of a scenario year: targets and tasks with their results."""

from __future__ import annotations

from copy import deepcopy
from typing import Any

import pytest

from hoinghi.org.models import WorkYear
from hoinghi.org.scenario import ScenarioError, dump_scenario_data, load_scenario_data
from hoinghi.plans import selectors
from hoinghi.plans.models import ItemStatus, PlanItem
from hoinghi.testing import World

pytestmark = pytest.mark.django_db

ITEMS: list[dict[str, Any]] = [
    {
        "kind": "chi_tieu",
        "code": "1",
        "title": "Giải quyết 100% hồ sơ đúng hạn",
        "measure": "%",
        "target_value": 100,
        "due_on": "2023-12-31",
        "progress": 100,
        "achieved_value": 100,
        "completed_on": "2023-12-20",
    },
    {
        "kind": "chi_tieu",
        "code": "1",
        "title": "Giải quyết 100% hồ sơ đúng hạn",
        "unit": "van-phong",
        "assigned_from": "agency",
        "progress": 60,
    },
    {
        "kind": "nhiem_vu",
        "code": "NV2",
        "title": "Số hóa hồ sơ lưu trữ",
        "unit": "van-phong",
        "person": "CB01",
        "due_on": "30/06/2023",
        "progress": 100,
        "completed_on": "2023-07-15",
        "exceeded": True,
    },
    {
        "kind": "nhiem_vu",
        "code": "NV3",
        "title": "Khảo sát mạng nội bộ",
        "cancelled": True,
        "note": "Chuyển sang năm 2024",
    },
]


def scenario(world: World, items: list[dict[str, Any]]) -> dict[str, Any]:
    data = dump_scenario_data(world.agency)
    data["years"] = [{"year": 2023, "plans": deepcopy(items)}]
    return data


def test_a_year_carries_targets_tasks_results_and_the_hand_down(world: World) -> None:
    load_scenario_data(scenario(world, ITEMS))
    year = WorkYear.objects.get(agency=world.agency, year=2023)
    assert selectors.completion_for_agency(year).phrase == "hoàn thành 1/1 chỉ tiêu"
    child = PlanItem.objects.get(unit=world.office, person=None)
    assert (
        child.parent is not None
        and child.parent.unit is None
        and child.status == ItemStatus.IN_PROGRESS
    )
    done = selectors.completion_for_person(world.person(world.colleague), year)
    assert (done.tasks_done, done.tasks_late, done.tasks_exceeded) == (1, 1, 1)
    assert PlanItem.objects.get(code="NV3").status == ItemStatus.CANCELLED


def test_loading_twice_changes_nothing_and_the_dump_reads_back_the_same(world: World) -> None:
    load_scenario_data(scenario(world, ITEMS))
    assert not load_scenario_data(scenario(world, ITEMS)).changed
    dumped = dump_scenario_data(world.agency)
    assert not load_scenario_data(dumped).changed
    items = dumped["years"][0]["plans"]
    assert {
        "kind": "nhiem_vu",
        "code": "NV3",
        "title": "Khảo sát mạng nội bộ",
        "cancelled": True,
        "note": "Chuyển sang năm 2024",
    } in items
    assert (
        next(i for i in items if i.get("unit") == "van-phong" and i["kind"] == "chi_tieu")[
            "assigned_from"
        ]
        == "agency"
    )


def test_the_file_is_the_truth_for_the_years_items(world: World) -> None:
    load_scenario_data(scenario(world, ITEMS))
    changed = deepcopy(ITEMS[:1])
    changed[0]["title"] = "Giải quyết 100% hồ sơ đúng và trước hạn"
    assert load_scenario_data(scenario(world, changed)).changed
    assert list(PlanItem.objects.values_list("title", flat=True)) == [
        "Giải quyết 100% hồ sơ đúng và trước hạn"
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"progress": 100}, r"plans\[0\]: Tiến độ 100%: xin nhập ngày hoàn thành"),
        ({"unit": "khong-co"}, r"plans\[0\].unit: không có đơn vị mã «khong-co»"),
        ({"target_value": "một trăm"}, r"plans\[0\].target_value: phải là một số"),
        ({"kind": "muc_tieu"}, r"plans\[0\].kind: giá trị «muc_tieu» không hợp lệ"),
        ({"assigned_from": "ban"}, r"plans\[0\].assigned_from: không có chi_tieu mã «1» của «ban»"),
    ],
)
def test_a_bad_item_names_its_path_and_nothing_of_the_file_is_kept(
    world: World, change: dict[str, Any], message: str
) -> None:
    items = deepcopy(ITEMS[:1])
    items[0].pop("completed_on")
    items[0].update(change)
    if "progress" not in change:
        items[0]["progress"] = 50
    with pytest.raises(ScenarioError, match=message):
        load_scenario_data(scenario(world, items))
    assert (
        not PlanItem.objects.exists() and not WorkYear.objects.filter(agency=world.agency).exists()
    )


def test_the_same_item_twice_is_refused(world: World) -> None:
    with pytest.raises(
        ScenarioError,
        match=r"plans\[1\]: trùng loại, mã và nơi thực hiện với years\[0\].plans\[0\]",
    ):
        load_scenario_data(scenario(world, [ITEMS[0], ITEMS[0]]))
