"""Reads of organisational data that other apps use. Each owns its joins."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet

from hoinghi.law.options import DocumentOptions
from hoinghi.org.models import (
    Agency,
    AgencyPeriod,
    Person,
    Position,
    Role,
    StaffCategory,
    Training,
    Unit,
    WorkYear,
)
from hoinghi.org.regulations import law_options
from hoinghi.vietnamese import fold


def search_people(people: QuerySet[Person], query: str = "") -> QuerySet[Person]:
    """Accent-insensitive search on name and staff code: "nguyen van" finds "Nguyễn Văn"."""
    for word in fold(query).split():
        people = people.filter(search_text__contains=word)
    return people.order_by("sort_key", "pk")


def current_positions(on: date) -> Prefetch[str]:
    """Prefetch of each person's positions in force on a date, unit included."""
    return Prefetch(
        "positions",
        queryset=Position.objects.filter(valid_from__lte=on)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
        .select_related("unit")
        .order_by("-is_head", "-is_leader", "-valid_from"),  # the leading one first
        to_attr="positions_on_date",
    )


def people_with_positions(people: QuerySet[Person], on: date) -> QuerySet[Person]:
    return people.prefetch_related(current_positions(on))


def positions_on(person: Person, on: date) -> list[Position]:
    """A person's positions in force on a date, the leading one first."""
    return list(
        person.positions.filter(valid_from__lte=on)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
        .select_related("unit")
        .order_by("-is_head", "-is_leader", "-valid_from")
    )


def unit_on(person: Person, on: date) -> Unit | None:
    positions = positions_on(person, on)
    return positions[0].unit if positions else None


def unit_members(unit: Unit, on: date) -> QuerySet[Person]:
    """People holding a position in the unit on the date (one position row must match all)."""
    current = Position.objects.filter(unit=unit, valid_from__lte=on).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=on)
    )
    return Person.objects.filter(pk__in=current.values("person_id")).order_by("sort_key")


def staff_on(agency: Agency, on: date) -> QuerySet[Person]:
    """Everyone on the agency's staff on a date (joined and not yet left)."""
    return (
        Person.objects.filter(agency=agency)
        .filter(Q(joined_on__isnull=True) | Q(joined_on__lte=on))
        .filter(Q(left_on__isnull=True) | Q(left_on__gte=on))
        .order_by("sort_key")
    )


ALL_STAFF = "cán bộ, công chức, viên chức, người lao động"
STAFF_WITHOUT_PUBLIC_EMPLOYEES = "cán bộ, công chức, người lao động"


def staff_noun(agency: Agency, on: date) -> str:
    """How the agency's staff are named, in the conference's name too: with "viên chức" when
    it employs public employees (Hội nghị cán bộ, công chức, người lao động of a Party office)."""
    employs = staff_on(agency, on).filter(category=StaffCategory.PUBLIC_EMPLOYEE).exists()
    return ALL_STAFF if employs else STAFF_WITHOUT_PUBLIC_EMPLOYEES


def head_of_unit(unit: Unit, on: date) -> Person | None:
    position = (
        Position.objects.filter(unit=unit, is_head=True, valid_from__lte=on)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
        .select_related("person")
        .first()
    )
    return position.person if position else None


def top_units(agency: Agency) -> QuerySet[Unit]:
    return Unit.objects.filter(agency=agency, parent__isnull=True).order_by("position", "name")


@dataclass(frozen=True)
class TrainingCount:
    courses: int  # lượt
    people: int


def training_count(
    agency: Agency, start: date, end: date, kinds: Iterable[str] | None = None
) -> TrainingCount:
    """Courses that started in a period: "08 lượt CBCCLĐ được tham gia đào tạo"."""
    rows = Training.objects.filter(person__agency=agency, starts_on__gte=start, starts_on__lte=end)
    if kinds is not None:
        rows = rows.filter(kind__in=list(kinds))
    return TrainingCount(rows.count(), rows.values("person").distinct().count())


def work_year(agency: Agency, year: int) -> WorkYear | None:
    return WorkYear.objects.filter(agency=agency, year=year).first()


def role_holders(agency: Agency, role: str) -> QuerySet[Person]:
    """People of the agency whose accounts hold an agency-wide role, in name order."""
    return (
        Person.objects.filter(
            agency=agency,
            user__roles__agency=agency,
            user__roles__role=role,
            user__roles__unit__isnull=True,
        )
        .distinct()
        .order_by("sort_key")
    )


def agency_head(agency: Agency, on: date) -> Person | None:
    """Thủ trưởng cơ quan: the leader who heads a unit on the date, else the first leader."""
    leaders = list(role_holders(agency, Role.LEADER).prefetch_related(current_positions(on)))
    for person in leaders:
        if any(p.is_head for p in person.positions_on_date):  # type: ignore[attr-defined]
            return person
    return leaders[0] if leaders else None


def union_chair(agency: Agency) -> Person | None:
    """Chủ tịch Công đoàn cơ quan: the holder of the union role."""
    return role_holders(agency, Role.UNION).first()


def period_on(agency: Agency, on: date) -> AgencyPeriod | None:
    """The agency's kind and superior body in force on ``on`` (its history), if recorded."""
    return (
        AgencyPeriod.objects.filter(agency=agency, valid_from__lte=on)
        .order_by("-valid_from")
        .first()
    )


def staff_counts(agency_ids: Iterable[int], on: date) -> dict[int, int]:
    """:func:`staff_on` counted for many agencies in one query: ``{agency_id: count}``."""
    rows = (
        Person.objects.filter(agency_id__in=list(agency_ids))
        .filter(Q(joined_on__isnull=True) | Q(joined_on__lte=on))
        .filter(Q(left_on__isnull=True) | Q(left_on__gte=on))
        .values("agency_id")
        .order_by()
        .annotate(count=Count("pk"))
    )
    return {row["agency_id"]: row["count"] for row in rows}


def document_options(agency: Agency, on: date) -> DocumentOptions:
    """The document form options (numbers) the agency's regulation in force on ``on`` sets."""
    return law_options(agency, DocumentOptions, on)
