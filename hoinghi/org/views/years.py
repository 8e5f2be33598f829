"""Work years in the browser: open the next year, see the year board, close a year."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from hoinghi.org import access, cycle, services
from hoinghi.org.models import Agency, Role, WorkYear

# Opening and closing a year: the administrator and the clerk.
YEAR_MANAGERS = frozenset({Role.ADMIN, Role.CLERK})


def signed_in(request: HttpRequest) -> User:
    """The signed-in user (the middleware lets no anonymous visitor reach these views)."""
    user = request.user
    assert isinstance(user, User)
    return user


def can_manage_years(user: access.AnyUser, agency: Agency) -> bool:
    return access.has_role(user, YEAR_MANAGERS, agency=agency)


def _board_agency(request: HttpRequest, agency_code: str) -> Agency:
    agency = access.get_agency_for_user(request, agency_code)
    if not access.has_role(request.user, access.AGENCY_WIDE_READERS, agency=agency):
        raise PermissionDenied(
            "Chỉ lãnh đạo, văn thư, quản trị và các tổ chức được xem năm công tác."
        )
    return agency


@require_http_methods(["GET", "POST"])
def years_page(request: HttpRequest, agency_code: str) -> HttpResponse:
    agency = _board_agency(request, agency_code)
    years = list(agency.work_years.order_by("-year"))
    next_year = (years[0].year + 1) if years else None
    manage = can_manage_years(request.user, agency)
    if request.method == "POST":
        if not manage:
            raise PermissionDenied("Chỉ quản trị viên và văn thư được mở năm công tác.")
        try:
            year = int(request.POST.get("year", ""))
        except ValueError:
            year = 0
        if next_year is not None and year != next_year:
            messages.error(request, f"Chỉ mở được năm tiếp theo năm gần nhất: năm {next_year}.")
            return redirect("org:years", agency.code)
        if not 2000 <= year <= 2100:
            messages.error(request, "Năm không hợp lệ.")
            return redirect("org:years", agency.code)
        work_year = services.open_work_year(agency, year, actor=signed_in(request))
        notes = cycle.year_opened(work_year, request.user)
        messages.success(request, f"Đã mở năm công tác {year}." + "".join(f" {n}" for n in notes))
        return redirect("org:year", agency.code, year)
    return render(
        request,
        "org/years.html",
        {"agency": agency, "years": years, "next_year": next_year, "can_manage": manage},
    )


@require_http_methods(["GET", "POST"])
def year_page(request: HttpRequest, agency_code: str, year: int) -> HttpResponse:
    agency = _board_agency(request, agency_code)
    work_year = WorkYear.objects.filter(agency=agency, year=year).first()
    if work_year is None:
        raise Http404("Không có năm công tác này.")
    manage = can_manage_years(request.user, agency)
    open_items = cycle.unfinished(work_year) if not work_year.is_closed else []
    if request.method == "POST":
        if not manage:
            raise PermissionDenied("Chỉ quản trị viên và văn thư được khóa sổ năm công tác.")
        if request.POST.get("confirm") != "yes":
            messages.error(request, "Đánh dấu ô xác nhận trước khi khóa sổ.")
        else:
            try:
                services.close_work_year(work_year, actor=signed_in(request))
            except services.OrgError as exc:
                messages.error(request, str(exc))
            else:
                messages.success(request, f"Đã khóa sổ năm công tác {year}.")
            return redirect("org:year", agency.code, year)
    return render(
        request,
        "org/year.html",
        {
            "agency": agency,
            "work_year": work_year,
            "steps": cycle.board(work_year),
            "open_items": open_items,
            "can_manage": manage,
        },
    )
