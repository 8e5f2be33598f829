"""Agencies, units and people: the staff directory."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from hoinghi.org import access, selectors
from hoinghi.org.accounts.access import can_manage_accounts
from hoinghi.org.models import Person, Role


def agency_detail(request: HttpRequest, agency_code: str) -> HttpResponse:
    agency = access.get_agency_for_user(request, agency_code)
    return render(
        request,
        "org/agency.html",
        {
            "agency": agency,
            "units": selectors.top_units(agency).prefetch_related("children"),
            "work_years": agency.work_years.all(),
            "staff_count": selectors.staff_on(agency, timezone.localdate()).count(),
            "can_manage": access.can_manage_staff(request.user, agency),
            "sees_years": access.has_role(request.user, access.AGENCY_WIDE_READERS, agency=agency),
        },
    )


def unit_detail(request: HttpRequest, agency_code: str, unit_code: str) -> HttpResponse:
    agency = access.get_agency_for_user(request, agency_code)
    unit = access.get_unit_for_user(request, agency, unit_code)
    today = timezone.localdate()
    members = selectors.people_with_positions(selectors.unit_members(unit, today), today)
    return render(request, "org/unit.html", {"agency": agency, "unit": unit, "members": members})


def people_list(request: HttpRequest, agency_code: str) -> HttpResponse:
    agency = access.get_agency_for_user(request, agency_code)
    query = request.GET.get("q", "")
    today = timezone.localdate()
    people = selectors.search_people(access.people_for_user(request.user, agency), query)
    page = Paginator(selectors.people_with_positions(people, today), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "org/people.html",
        {
            "agency": agency,
            "page": page,
            "query": query,
            "can_manage": access.can_manage_staff(request.user, agency),
        },
    )


def person_detail(request: HttpRequest, agency_code: str, staff_code: str) -> HttpResponse:
    agency = access.get_agency_for_user(request, agency_code)
    person: Person = access.get_person_for_user(request, agency, staff_code)
    private = access.can_see_private(request.user, person)
    is_self = access.own_person(request.user) == person
    return render(
        request,
        "org/person.html",
        {
            "agency": agency,
            "person": person,
            "private": private,
            "is_self": is_self,
            "sees_titles": is_self
            or access.has_role(request.user, {Role.ADMIN, Role.CLERK, Role.LEADER}, agency=agency),
            "manages_account": can_manage_accounts(request.user, agency),
            "positions": person.positions.select_related("unit").order_by("-valid_from"),
            "trainings": person.trainings.all() if private else [],
        },
    )
