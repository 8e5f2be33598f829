"""Who may see and change what in the emulation year. Deny by default.

- the clerk and the administrator enter facts, compute, propose and record decisions;
- leaders read everything of the agency; the council reads the eligibility and proposals;
- the council (and the clerk) records its judgement of each unit's emulation and unity;
- every staff member registers, and sees their own titles and the decisions announced;
- anyone else gets 404.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest

from hoinghi.emulation.models import Award, Decision, Pledge, Proposal
from hoinghi.org.access import (
    AnyUser,
    get_agency_for_user,
    get_work_year_for_user,
    has_role,
    own_person,
)
from hoinghi.org.models import Agency, Person, Role, Unit, WorkYear

MANAGERS = frozenset({Role.ADMIN, Role.CLERK})
READERS = frozenset({Role.ADMIN, Role.CLERK, Role.LEADER})
COUNCIL_READERS = READERS | {Role.COUNCIL}
JUDGES = frozenset({Role.ADMIN, Role.CLERK, Role.COUNCIL})


def can_manage(user: AnyUser, agency: Agency) -> bool:
    return has_role(user, MANAGERS, agency=agency)


def can_read_all(user: AnyUser, agency: Agency) -> bool:
    return has_role(user, READERS, agency=agency)


def can_read_proposals(user: AnyUser, agency: Agency) -> bool:
    return has_role(user, COUNCIL_READERS, agency=agency)


def can_judge(user: AnyUser, agency: Agency) -> bool:
    """The council's judgement of units: its members, the clerk (its standing secretary)."""
    return has_role(user, JUDGES, agency=agency)


def is_council_member(user: AnyUser, agency: Agency) -> bool:
    return not getattr(user, "is_superuser", False) and has_role(
        user, {Role.COUNCIL}, agency=agency
    )


def get_managed_year_for_user(request: HttpRequest, agency_code: str, year: int) -> WorkYear:
    work_year = get_work_year_for_user(request, agency_code, year)
    if not can_manage(request.user, work_year.agency):
        raise Http404("Không tìm thấy trang.")
    return work_year


def get_readable_year_for_user(
    request: HttpRequest, agency_code: str, year: int, *, council: bool = False
) -> WorkYear:
    """The year for pages of the whole agency: leaders and the clerk (and the council)."""
    work_year = get_work_year_for_user(request, agency_code, year)
    allowed = can_read_proposals if council else can_read_all
    if not allowed(request.user, work_year.agency):
        raise Http404("Không tìm thấy trang.")
    return work_year


def get_proposal_for_user(request: HttpRequest, work_year: WorkYear, pk: int) -> Proposal:
    if not can_read_proposals(request.user, work_year.agency):
        raise Http404("Không tìm thấy tờ trình.")
    try:
        return Proposal.objects.select_related("work_year__agency", "poll").get(
            work_year=work_year, pk=pk
        )
    except Proposal.DoesNotExist:
        raise Http404("Không tìm thấy tờ trình.") from None


def get_decision_for_user(request: HttpRequest, work_year: WorkYear, pk: int) -> Decision:
    """Decisions are announced to the whole agency (read at the Conference)."""
    try:
        return Decision.objects.select_related("work_year__agency").get(work_year=work_year, pk=pk)
    except Decision.DoesNotExist:
        raise Http404("Không tìm thấy quyết định.") from None


def get_award_for_user(request: HttpRequest, decision: Decision, pk: int) -> Award:
    """An award to revoke: the clerk and the administrator only."""
    if not can_manage(request.user, decision.work_year.agency):
        raise Http404("Không tìm thấy trang.")
    try:
        return Award.objects.select_related("decision", "work_year__agency", "person", "unit").get(
            decision=decision, pk=pk
        )
    except Award.DoesNotExist:
        raise Http404("Không tìm thấy danh hiệu được khen thưởng.") from None


def get_pledge_for_user(request: HttpRequest, work_year: WorkYear, pk: int) -> Pledge:
    try:
        return Pledge.objects.get(work_year=work_year, pk=pk)
    except Pledge.DoesNotExist:
        raise Http404("Không tìm thấy giao ước.") from None


def get_titled_person_for_user(request: HttpRequest, agency_code: str, staff_code: str) -> Person:
    """A person's titles: the person, the clerk, leaders and the administrator."""
    agency = get_agency_for_user(request, agency_code)
    try:
        person = Person.objects.select_related("agency").get(agency=agency, staff_code=staff_code)
    except Person.DoesNotExist:
        raise Http404("Không tìm thấy người.") from None
    if own_person(request.user) != person and not can_read_all(request.user, agency):
        raise Http404("Không tìm thấy người.")
    return person


def get_registrable_unit_for_user(
    request: HttpRequest, work_year: WorkYear, unit_code: str
) -> Unit:
    """A collective's registration: the clerk, the administrator, or the unit's own head."""
    try:
        unit = Unit.objects.get(agency=work_year.agency, code=unit_code)
    except Unit.DoesNotExist:
        raise Http404("Không tìm thấy đơn vị.") from None
    if not (
        can_manage(request.user, work_year.agency)
        or has_role(request.user, {Role.UNIT_HEAD}, agency=work_year.agency, unit=unit)
    ):
        raise Http404("Không tìm thấy đơn vị.")
    return unit


def registrable_units(user: AnyUser, agency: Agency) -> list[Unit]:
    """Units whose registration the user may make (for links; the page checks again)."""
    units = list(
        Unit.objects.filter(agency=agency, parent__isnull=True).order_by("position", "name")
    )
    if can_manage(user, agency):
        return units
    return [u for u in units if has_role(user, {Role.UNIT_HEAD}, agency=agency, unit=u)]
