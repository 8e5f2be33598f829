"""Sign-in landing: the to-do list ("Việc cần làm") of each role, the year board, and links."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from hoinghi.org import access, cycle
from hoinghi.org import home as home_links
from hoinghi.org.accounts.access import can_manage_accounts
from hoinghi.org.middleware import public
from hoinghi.org.models import Agency, Role


def org_links(user: access.AnyUser, agency: Agency) -> list[home_links.HomeLink]:
    """The org app's own links: work years for those who see the board; accounts, roles."""
    links = []
    if access.has_role(user, access.AGENCY_WIDE_READERS, agency=agency):
        links.append(home_links.HomeLink("Năm công tác", reverse("org:years", args=[agency.code])))
    if can_manage_accounts(user, agency):
        links.append(
            home_links.HomeLink(
                "Tài khoản, thư đăng nhập", reverse("org:accounts", args=[agency.code])
            )
        )
        links.append(home_links.HomeLink("Phân quyền", reverse("org:roles", args=[agency.code])))
    return links


def agency_home(user: access.AnyUser, agency: Agency) -> dict[str, Any]:
    work_year = cycle.current_year(agency)
    board_reader = access.has_role(user, access.AGENCY_WIDE_READERS, agency=agency)
    return {
        "agency": agency,
        "work_year": work_year,
        "todos": cycle.todos_for(user, agency, work_year) if work_year else [],
        "steps": cycle.board(work_year) if work_year and board_reader else [],
        "links": org_links(user, agency) + home_links.links_for(user, agency),
    }


def home(request: HttpRequest) -> HttpResponse:
    assignments = access.assignments(request.user)
    roles = sorted({a.role for a in assignments})
    agencies = list(access.agencies_for_user(request.user))
    return render(
        request,
        "org/home.html",
        {
            "agencies": [agency_home(request.user, agency) for agency in agencies],
            "person": access.own_person(request.user),
            "assignments": assignments,
            "role_labels": [Role(r).label for r in roles],
            "roles": roles,
        },
    )


@public
def health(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")
