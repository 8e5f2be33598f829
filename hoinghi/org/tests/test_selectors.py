"""Selectors other apps read: role holders, the agency's head, positions on a date."""

from __future__ import annotations

from datetime import date

import pytest

from hoinghi.org import selectors
from hoinghi.org.models import Position, Role
from hoinghi.testing import World

pytestmark = pytest.mark.django_db


def test_role_holders_are_the_agency_wide_holders_in_name_order(world: World) -> None:
    assert [p.full_name for p in selectors.role_holders(world.agency, Role.LEADER)] == [
        "Trần Văn Lãnh"
    ]
    assert list(selectors.role_holders(world.agency, Role.UNIT_HEAD)) == []  # unit-scoped only


def test_the_agency_head_is_the_leader_heading_a_unit(world: World) -> None:
    leader = world.person(world.leader)
    Position.objects.filter(person=leader).update(is_head=True)
    assert selectors.agency_head(world.agency, date(2024, 1, 1)) == leader
    assert selectors.agency_head(world.other_agency, date(2024, 1, 1)) is None


def test_the_union_chair_is_the_holder_of_the_union_role(world: World) -> None:
    assert selectors.union_chair(world.agency) == world.person(world.union_chair)


def test_a_persons_unit_on_a_date_follows_the_positions_history(world: World) -> None:
    person = world.person(world.colleague)
    Position.objects.filter(person=person).update(valid_to=date(2023, 6, 30))
    Position.objects.create(
        person=person, unit=world.board, title="Chuyên viên", valid_from=date(2023, 7, 1)
    )
    assert selectors.unit_on(person, date(2023, 6, 30)) == world.office
    assert selectors.unit_on(person, date(2023, 7, 1)) == world.board
    assert person in selectors.unit_members(world.board, date(2023, 7, 1))
    assert person not in selectors.unit_members(world.office, date(2023, 7, 1))


def test_staff_categories_are_the_laws_vocabulary() -> None:
    from hoinghi.law.evaluation.vocabulary import StaffCategory as LawStaffCategory
    from hoinghi.org.models import StaffCategory

    assert {c.value for c in StaffCategory} == {c.value for c in LawStaffCategory}
