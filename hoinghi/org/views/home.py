"""Sign-in landing: a home page that shows what each role has to do."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from hoinghi.org import access
from hoinghi.org import home as home_links
from hoinghi.org.middleware import public
from hoinghi.org.models import Role


def home(request: HttpRequest) -> HttpResponse:
    assignments = access.assignments(request.user)
    roles = sorted({a.role for a in assignments})
    agencies = list(access.agencies_for_user(request.user))
    return render(
        request,
        "org/home.html",
        {
            "agencies": [
                (agency, home_links.links_for(request.user, agency)) for agency in agencies
            ],
            "person": access.own_person(request.user),
            "assignments": assignments,
            "role_labels": [Role(r).label for r in roles],
            "roles": roles,
        },
    )


@public
def health(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")
