"""Test worlds shared by every app's tests: one agency with named personas.

Personas (docs/architecture.md): the administrator, the clerk, the leader, the head of the
Văn phòng, a colleague in the Văn phòng, a staff member of another unit, the union chair,
a council member, a member of the Ban thanh tra nhân dân, and a stranger from another agency.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from django.contrib.auth.models import User
from django.db import connection

from hoinghi.org.models import (
    Agency,
    AgencyKind,
    Gender,
    Person,
    Position,
    Role,
    RoleAssignment,
    StaffCategory,
    Unit,
    UnitKind,
)

PASSWORD = "mat-khau-thu-nghiem-2026"


@dataclass
class World:
    agency: Agency
    other_agency: Agency
    office: Unit  # Văn phòng
    board: Unit  # Ban Tổ chức
    admin: User
    clerk: User
    leader: User
    head: User  # head of the office
    colleague: User  # staff in the office
    outsider: User  # staff in the board
    union_chair: User
    council: User
    inspector: User
    stranger: User  # staff of the other agency

    def person(self, user: User) -> Person:
        return Person.objects.get(user=user)


def make_person(
    agency: Agency,
    code: str,
    name: str,
    *,
    unit: Unit | None = None,
    title: str = "Chuyên viên",
    is_head: bool = False,
    is_leader: bool = False,
    agency_role: str = "",
    username: str | None = None,
    gender: str = Gender.MALE,
    category: str = StaffCategory.CIVIL_SERVANT,
    joined_on: date = date(2015, 1, 1),
    party_member: bool = True,
) -> Person:
    user = User.objects.create_user(username, password=PASSWORD) if username else None
    person = Person.objects.create(
        agency=agency,
        staff_code=code,
        full_name=name,
        gender=gender,
        category=category,
        joined_on=joined_on,
        party_member=party_member,
        user=user,
    )
    if unit is not None:
        Position.objects.create(
            person=person,
            unit=unit,
            title=title,
            is_head=is_head,
            is_leader=is_leader or is_head,
            agency_role=agency_role,
            valid_from=joined_on,
        )
    return person


def grant(user: User | None, role: str, agency: Agency, unit: Unit | None = None) -> None:
    assert user is not None
    RoleAssignment.objects.create(user=user, role=role, agency=agency, unit=unit)


def build_world() -> World:
    agency = Agency.objects.create(
        code="co-quan-thu",
        name="Cơ quan Thử nghiệm",
        short_name="Cơ quan Thử nghiệm",
        abbreviation="CQTN",
        kind=AgencyKind.PARTY,
        place_name="Hà Nội",
    )
    other = Agency.objects.create(
        code="co-quan-khac",
        name="Cơ quan Khác",
        abbreviation="CQK",
        kind=AgencyKind.STATE,
        place_name="Huế",
    )
    office = Unit.objects.create(
        agency=agency, code="van-phong", name="Văn phòng", kind=UnitKind.OFFICE, position=1
    )
    board = Unit.objects.create(
        agency=agency, code="ban-to-chuc", name="Ban Tổ chức", kind=UnitKind.BOARD, position=2
    )
    other_unit = Unit.objects.create(agency=other, code="phong-a", name="Phòng A")

    def user(code: str, name: str, unit: Unit, **kw: object) -> User:
        person = make_person(
            agency if unit.agency_id == agency.pk else other,
            code,
            name,
            unit=unit,
            username=code.lower(),
            **kw,  # type: ignore[arg-type]
        )
        assert person.user is not None
        return person.user

    admin = user("QT01", "Phạm Quản Trị", office)
    clerk = user("VT01", "Lê Thị Văn Thư", office, gender=Gender.FEMALE)
    leader = user("LD01", "Trần Văn Lãnh", office, title="Chánh Văn phòng", is_leader=True)
    head = user(
        "TD01", "Nguyễn Thị Hương", office, title="Trưởng phòng", is_head=True, gender=Gender.FEMALE
    )
    colleague = user("CB01", "Đỗ Văn Bình", office)
    outsider = user("CB02", "Vũ Thị Cúc", board, gender=Gender.FEMALE)
    union_chair = user("CD01", "Hoàng Văn Đoàn", board, title="Chủ tịch Công đoàn")
    council = user("HD01", "Bùi Thị Hội", board, gender=Gender.FEMALE)
    inspector = user("TT01", "Ngô Văn Tra", board)
    stranger = user("NG01", "Phan Văn Lạ", other_unit)

    grant(admin, Role.ADMIN, agency)
    grant(clerk, Role.CLERK, agency)
    grant(leader, Role.LEADER, agency)
    grant(head, Role.UNIT_HEAD, agency, office)
    grant(union_chair, Role.UNION, agency)
    grant(council, Role.COUNCIL, agency)
    grant(inspector, Role.INSPECTION_BOARD, agency)
    for u in (admin, clerk, leader, head, colleague, outsider, union_chair, council, inspector):
        grant(u, Role.STAFF, agency)
    grant(stranger, Role.STAFF, other)
    return World(
        agency,
        other,
        office,
        board,
        admin,
        clerk,
        leader,
        head,
        colleague,
        outsider,
        union_chair,
        council,
        inspector,
        stranger,
    )


def login(page: Any, live_server_url: str, username: str, password: str = PASSWORD) -> None:
    """Sign in through the login form in a Playwright page."""
    page.goto(f"{live_server_url}/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server_url}/")


Item = TypeVar("Item")


def run_at_once(work: Callable[[Item], object], items: Iterable[Item]) -> list[BaseException]:
    """``work(item)`` for every item, each in its own thread with its own database connection,
    all released together by a barrier (as concurrent requests); the errors raised."""
    items = list(items)
    start = threading.Barrier(len(items))
    errors: list[BaseException] = []

    def run(item: Item) -> None:
        try:
            start.wait(timeout=30)
            work(item)
        except BaseException as error:  # noqa: BLE001 - returned to the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(item,)) for item in items]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors
