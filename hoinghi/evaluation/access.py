"""Who may see and decide evaluations.

Decided results are published to the agency's staff. Drafts, self-assessments and meeting
opinions are private: the person, their unit's head, the leaders and the personnel clerk
(văn thư, quản trị) — and every read of them is logged (audit ``evaluation.read``).
"""

from __future__ import annotations

from django.http import Http404, HttpRequest

from hoinghi.audit.services import record
from hoinghi.org.access import AnyUser, has_role
from hoinghi.org.models import Agency, Role, Unit

REVIEWERS = frozenset({Role.ADMIN, Role.CLERK, Role.LEADER})


def can_review_unit(user: AnyUser, unit: Unit) -> bool:
    return has_role(user, REVIEWERS, agency=unit.agency) or has_role(
        user, {Role.UNIT_HEAD}, agency=unit.agency, unit=unit
    )


def can_propose(user: AnyUser, unit: Unit) -> bool:
    return has_role(user, {Role.LEADER}, agency=unit.agency) or has_role(
        user, {Role.UNIT_HEAD}, agency=unit.agency, unit=unit
    )


def can_approve(user: AnyUser, agency: Agency) -> bool:
    return has_role(user, {Role.LEADER}, agency=agency)


def can_decide_units(user: AnyUser, agency: Agency) -> bool:
    return has_role(user, {Role.LEADER, Role.CLERK, Role.ADMIN}, agency=agency)


def get_unit_for_reviewer(request: HttpRequest, agency: Agency, code: str) -> Unit:
    """The unit, for those who review its people; anyone else gets 404 (no hint it exists)."""
    unit = Unit.objects.filter(agency=agency, code=code).select_related("agency").first()
    if unit is None or not can_review_unit(request.user, unit):
        raise Http404("Không tìm thấy đơn vị.")
    return unit


def log_read(request: HttpRequest, agency: Agency, what: str, **data: object) -> None:
    record(
        "evaluation.read", actor=request.user, agency_code=agency.code, data={"what": what, **data}
    )


def can_record_leave(user: AnyUser, agency: Agency) -> bool:
    """Leave and discipline are personnel records: the clerk and the administrator."""
    return has_role(user, {Role.ADMIN, Role.CLERK}, agency=agency)
