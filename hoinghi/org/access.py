"""Who may see what. Deny by default; views reach objects only through these helpers.

Scopes: a role assigned on an agency covers the whole agency; a role assigned on a unit
covers that unit and the units below it. Everyone with a person record sees themselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from hoinghi.org.models import Agency, Person, Role, RoleAssignment, Unit, WorkYear

# The user of a request (signed in or not): what the access helpers decide for.
AnyUser = User | AnonymousUser

# Roles that may see every person and unit of their agency.
AGENCY_WIDE_READERS = frozenset(
    {Role.ADMIN, Role.CLERK, Role.LEADER, Role.UNION, Role.COUNCIL, Role.INSPECTION_BOARD}
)


def assignments(user: AnyUser) -> list[RoleAssignment]:
    if not user.is_authenticated:
        return []
    holder: Any = user  # the per-request caches live on the user object
    cached: list[RoleAssignment] | None = getattr(holder, "_hoinghi_roles", None)
    if cached is None:
        cached = list(RoleAssignment.objects.filter(user=user).select_related("agency", "unit"))
        holder._hoinghi_roles = cached
    return cached


def has_role(
    user: AnyUser, roles: Iterable[str], *, agency: Agency, unit: Unit | None = None
) -> bool:
    """True if the user holds one of ``roles`` on the agency, or on ``unit`` or a unit above it."""
    if getattr(user, "is_superuser", False):
        return True
    wanted = set(roles)
    scope_ids = set(unit_ancestor_ids(unit)) if unit is not None else set()
    for a in assignments(user):
        if a.role not in wanted or a.agency_id != agency.pk:
            continue
        if a.unit_id is None or a.unit_id in scope_ids:
            return True
    return False


def unit_ancestor_ids(unit: Unit) -> list[int]:
    ids = [unit.pk]
    current = unit
    while current.parent_id is not None:
        ids.append(current.parent_id)
        current = current.parent  # type: ignore[assignment]
    return ids


def agency_ids(user: AnyUser) -> set[int] | None:
    """Ids of the agencies a user belongs to; None means every agency (superuser)."""
    if getattr(user, "is_superuser", False):
        return None
    ids = {a.agency_id for a in assignments(user)}
    person = own_person(user)
    if person is not None:
        ids.add(person.agency_id)
    return ids


def belongs_to(user: AnyUser, agency: Agency) -> bool:
    ids = agency_ids(user)
    return ids is None or agency.pk in ids


def agencies_for_user(user: AnyUser) -> QuerySet[Agency]:
    ids = agency_ids(user)
    return Agency.objects.all() if ids is None else Agency.objects.filter(pk__in=ids)


def own_person(user: AnyUser) -> Person | None:
    if not user.is_authenticated:
        return None
    holder: Any = user
    if not hasattr(holder, "_hoinghi_person"):
        holder._hoinghi_person = Person.objects.select_related("agency").filter(user=user).first()
    person: Person | None = holder._hoinghi_person
    return person


def get_agency_for_user(request: HttpRequest, code: str) -> Agency:
    try:
        return agencies_for_user(request.user).get(code=code)
    except Agency.DoesNotExist:
        raise Http404("Không tìm thấy cơ quan.") from None


def get_work_year_for_user(request: HttpRequest, agency_code: str, year: int) -> WorkYear:
    """A year of an agency the user may browse (``get_agency_for_user``), else 404."""
    agency = get_agency_for_user(request, agency_code)
    try:
        work_year = WorkYear.objects.get(agency=agency, year=year)
    except WorkYear.DoesNotExist:
        raise Http404("Không tìm thấy năm công tác.") from None
    work_year.agency = agency
    return work_year


def units_for_user(user: AnyUser, agency: Agency) -> QuerySet[Unit]:
    """Units a user may browse: all for agency-wide roles and staff; nothing outside the agency."""
    if not belongs_to(user, agency):
        return Unit.objects.none()
    return Unit.objects.filter(agency=agency)


def get_unit_for_user(request: HttpRequest, agency: Agency, code: str) -> Unit:
    try:
        return units_for_user(request.user, agency).get(code=code)
    except Unit.DoesNotExist:
        raise Http404("Không tìm thấy đơn vị.") from None


def people_for_user(user: AnyUser, agency: Agency) -> QuerySet[Person]:
    """The staff directory of the agency: names, units and titles are public within it."""
    if not belongs_to(user, agency):
        return Person.objects.none()
    return Person.objects.filter(agency=agency).select_related("agency")


def get_person_for_user(request: HttpRequest, agency: Agency, staff_code: str) -> Person:
    try:
        return people_for_user(request.user, agency).get(staff_code=staff_code)
    except Person.DoesNotExist:
        raise Http404("Không tìm thấy người.") from None


def can_manage_staff(user: AnyUser, agency: Agency) -> bool:
    """Import, export and edit staff records: the administrator and the clerk."""
    return has_role(user, {Role.ADMIN, Role.CLERK}, agency=agency)


def can_see_private(user: AnyUser, person: Person) -> bool:
    """Personal details (date of birth, training, evaluations): the person, their unit's
    head, the leaders, the clerk and the administrator."""
    if own_person(user) == person:
        return True
    if has_role(user, {Role.ADMIN, Role.CLERK, Role.LEADER}, agency=person.agency):
        return True
    return any(
        has_role(user, {Role.UNIT_HEAD}, agency=person.agency, unit=p.unit)
        for p in person.positions.all()
    )
