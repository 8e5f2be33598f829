"""Who sees reports. Dashboards and exports: the administrator, the clerk, the leaders, the
union and the emulation council of the agency (403 for other staff, 404 outside it). The news
report: those same roles see the draft and publish it; every staff member of the agency sees
it once published (404 before)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from hoinghi.org.access import AnyUser, get_agency_for_user, has_role
from hoinghi.org.models import Agency, Role, WorkYear
from hoinghi.org.selectors import work_year as find_work_year

DASHBOARD_ROLES = frozenset({Role.ADMIN, Role.CLERK, Role.LEADER, Role.UNION, Role.COUNCIL})


def can_see_dashboard(user: AnyUser, agency: Agency) -> bool:
    return has_role(user, DASHBOARD_ROLES, agency=agency)


def get_dashboard_agency(request: HttpRequest, code: str) -> Agency:
    agency = get_agency_for_user(request, code)
    if not can_see_dashboard(request.user, agency):
        raise PermissionDenied(
            "Chỉ lãnh đạo, văn thư, công đoàn và Hội đồng thi đua xem bảng số liệu."
        )
    return agency


def get_work_year(agency: Agency, year: int) -> WorkYear:
    found = find_work_year(agency, year)
    if found is None:
        raise Http404(f"Cơ quan chưa có năm công tác {year}.")
    return found
