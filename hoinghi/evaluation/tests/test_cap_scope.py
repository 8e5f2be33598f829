"""The scope of the excellent cap: the whole agency and each group with similar tasks.

D335 (công chức, from 2026) counts "trong cùng cơ quan và trong từng nhóm có nhiệm vụ tương
đồng"; a department is not a scope of its own, so a department with fewer than five people may
still have one rated Hoàn thành xuất sắc nhiệm vụ when the agency's list allows it.
"""

from __future__ import annotations

import pytest

from hoinghi.evaluation import services
from hoinghi.evaluation.tests.conftest import proposed
from hoinghi.org.models import Person, Unit, WorkYear
from hoinghi.testing import World, make_person

pytestmark = pytest.mark.django_db


def staff(world: World, unit: Unit, prefix: str, count: int) -> list[Person]:
    return [
        make_person(world.agency, f"{prefix}{i:02}", f"Nguyễn Văn {prefix}{i:02}", unit=unit)
        for i in range(count)
    ]


def test_a_small_department_may_have_one_excellent_when_the_agency_allows_it(
    world: World, year2026: WorkYear
) -> None:
    for person in staff(world, world.office, "VP", 12):
        proposed(person, year2026, "htt", "80")
    small = staff(world, world.board, "BA", 3)
    proposed(small[0], year2026, "htxs", "95")
    for person in small[1:]:
        proposed(person, year2026, "htt", "80")
    check = services.check_unit_list(world.board, year2026)
    assert check.ok, [r.text for r in check.refusal_reasons]
    cap = check.caps[0]
    assert cap.values["max_excellent"] == 2  # 15 people of the agency: floor(15/6)
    assert "Toàn cơ quan" in cap.reasons[0].text
    approved = services.approve_unit_classifications(
        unit=world.board, work_year=year2026, approved_by=world.leader
    )
    assert [e.rating for e in approved].count("htxs") == 1


def test_each_task_group_of_the_agency_is_held_to_the_cap_as_well(
    world: World, year2026: WorkYear
) -> None:
    world.board.task_group = "Tham mưu chuyên môn"
    world.board.save()
    for person in staff(world, world.office, "VP", 12):
        proposed(person, year2026, "htt", "80")
    small = staff(world, world.board, "BA", 3)
    proposed(small[0], year2026, "htxs", "95")
    for person in small[1:]:
        proposed(person, year2026, "htt", "80")
    check = services.check_unit_list(world.board, year2026)
    assert not check.ok
    texts = " ".join(r.text for r in check.refusal_reasons)
    assert "Nhóm có nhiệm vụ tương đồng «Tham mưu chuyên môn»" in texts
    with pytest.raises(services.EvaluationError):
        services.approve_unit_classifications(
            unit=world.board, work_year=year2026, approved_by=world.leader
        )
