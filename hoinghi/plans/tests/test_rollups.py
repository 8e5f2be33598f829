"""Completion rollups: "hoàn thành 4/4 chỉ tiêu, 27/27 nhiệm vụ", on time, exceeded, late."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from hoinghi.org.models import WorkYear
from hoinghi.plans import selectors, services
from hoinghi.plans.models import ItemKind, ItemStatus, PlanItem
from hoinghi.plans.services import ItemInput
from hoinghi.testing import World

pytestmark = pytest.mark.django_db


def add(
    year: WorkYear,
    kind: str,
    title: str,
    *,
    done_on: date | None = None,
    due: date | None = None,
    **owner: object,
) -> PlanItem:
    item = services.create_item(year, ItemInput(kind=kind, title=title, due_on=due), **owner)  # type: ignore[arg-type]
    if done_on is not None:
        services.record_progress(item, progress_percent=100, completed_on=done_on)
    return item


def test_it_reads_the_district_office_year_as_four_of_four_targets_and_27_of_27_tasks(
    year: WorkYear,
) -> None:
    for n in range(4):
        add(year, ItemKind.TARGET, f"Chỉ tiêu {n + 1}", done_on=date(2023, 12, 1))
    for n in range(27):
        add(
            year,
            ItemKind.TASK,
            f"Nhiệm vụ {n + 1}",
            done_on=date(2023, 11, 1),
            due=date(2023, 12, 1),
        )
    completion = selectors.completion_for_agency(year)
    assert completion.phrase == "hoàn thành 4/4 chỉ tiêu, 27/27 nhiệm vụ"
    assert completion.tasks_on_time == 27 and completion.all_done


def test_it_counts_late_exceeded_and_ignores_cancelled_items(world: World, year: WorkYear) -> None:
    colleague = world.person(world.colleague)
    late = add(
        year,
        ItemKind.TASK,
        "Báo cáo quý",
        person=colleague,
        due=date(2023, 3, 31),
        done_on=date(2023, 4, 10),
    )
    target = add(year, ItemKind.TARGET, "Tin bài", person=colleague)
    target.target_value = Decimal(10)
    target.save()
    services.record_progress(
        target, progress_percent=100, achieved_value=Decimal(12), completed_on=date(2023, 12, 20)
    )
    add(year, ItemKind.TASK, "Chưa làm", person=colleague, due=date(2023, 6, 30))
    services.cancel_item(
        add(year, ItemKind.TASK, "Bỏ", person=colleague), reason="Điều chỉnh kế hoạch"
    )
    c = selectors.completion_for_person(colleague, year)
    assert (c.tasks_total, c.tasks_done, c.tasks_on_time, c.tasks_late) == (2, 1, 0, 2)
    assert (c.targets_total, c.targets_done, c.targets_exceeded) == (1, 1, 1)
    assert late.is_done and not late.on_time


def test_it_rolls_up_every_person_in_one_query(
    world: World, year: WorkYear, django_assert_num_queries: object
) -> None:
    for user in (world.colleague, world.head, world.outsider):
        for n in range(3):
            add(
                year,
                ItemKind.TASK,
                f"Việc {n}",
                person=world.person(user),
                done_on=date(2023, 5, 1),
            )
    with django_assert_num_queries(1):  # type: ignore[operator]
        by_person = selectors.completion_by_person(year)
    assert by_person[world.person(world.outsider).pk].tasks_done == 3
    assert len(by_person) == 3


def test_assigning_down_counts_once_per_owner(world: World, year: WorkYear) -> None:
    parent = add(year, ItemKind.TASK, "Tổng kết năm")
    child = services.assign_item(parent, unit=world.office)
    grandchild = services.assign_item(child, person=world.person(world.colleague))
    assert grandchild.unit == world.office and grandchild.parent == child
    assert selectors.completion_for_agency(year).tasks_total == 1
    assert selectors.completion_for_unit(world.office, year).tasks_total == 1
    assert selectors.completion_for_person(world.person(world.colleague), year).tasks_total == 1


def test_it_refuses_changes_in_a_closed_year(year: WorkYear) -> None:
    year.state = "closed"
    year.save()
    with pytest.raises(services.PlanError) as err:
        add(year, ItemKind.TASK, "Muộn")
    assert err.value.code == "plans.year_closed"


def test_it_refuses_a_completion_date_before_100_percent(year: WorkYear) -> None:
    item = add(year, ItemKind.TASK, "Việc")
    with pytest.raises(services.PlanError, match="100%"):
        services.record_progress(item, progress_percent=50, completed_on=date(2023, 5, 1))
    item.refresh_from_db()
    assert item.status == ItemStatus.NOT_STARTED


def test_carrying_resolution_targets_twice_creates_them_once(world: World, year: WorkYear) -> None:
    carried = [
        services.CarriedTarget(key="nq-2023-1", title="100% cán bộ đạt Lao động tiên tiến"),
        services.CarriedTarget(
            key="nq-2023-2", title="Không có đơn vị xếp loại KHTNV", unit_code="van-phong"
        ),
    ]
    assert len(services.carry_targets(year, carried)) == 2
    assert services.carry_targets(year, carried) == []
    items = PlanItem.objects.filter(work_year=year, source="nghi_quyet_hoi_nghi")
    assert items.count() == 2 and items.filter(unit=world.office).count() == 1
