"""Who may see and change targets and tasks.

Targets and tasks are public within the agency (every staff member sees the year's list).
The administrator, the clerk and the leaders change any of them; a unit head changes their
unit's items and those of its people; a person reports progress on their own items.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest

from hoinghi.org.access import AnyUser, has_role, own_person
from hoinghi.org.models import Agency, Role, WorkYear
from hoinghi.plans.models import PlanItem

MANAGERS = frozenset({Role.ADMIN, Role.CLERK, Role.LEADER})


def get_item_for_user(request: HttpRequest, work_year: WorkYear, pk: int) -> PlanItem:
    try:
        return PlanItem.objects.select_related("work_year__agency", "unit", "person", "parent").get(
            work_year=work_year, pk=pk
        )
    except PlanItem.DoesNotExist:
        raise Http404("Không tìm thấy chỉ tiêu, nhiệm vụ.") from None


def can_manage_plans(user: AnyUser, agency: Agency) -> bool:
    return has_role(user, MANAGERS, agency=agency)


def can_update_item(user: AnyUser, item: PlanItem) -> bool:
    agency = item.work_year.agency
    if can_manage_plans(user, agency):
        return True
    person = own_person(user)
    if person is not None and item.person_id == person.pk:
        return True
    return item.unit is not None and has_role(user, {Role.UNIT_HEAD}, agency=agency, unit=item.unit)


def can_assign_item(user: AnyUser, item: PlanItem) -> bool:
    agency = item.work_year.agency
    if can_manage_plans(user, agency):
        return True
    return (
        item.person_id is None
        and item.unit is not None
        and has_role(user, {Role.UNIT_HEAD}, agency=agency, unit=item.unit)
    )
