"""The year switcher: on any page whose address carries a year, links to the same page
for the agency's other work years (one query)."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import NoReverseMatch, reverse

from hoinghi.org.models import WorkYear

register = template.Library()

# Only pages that are "the same page, another year": an object's own page is not switched.
SWITCHABLE_KWARGS = frozenset({"agency_code", "year", "unit_code", "staff_code"})


@register.inclusion_tag("org/year_switcher.html", takes_context=True)
def year_switcher(context: dict[str, Any]) -> dict[str, Any]:
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if match is None or "year" not in match.kwargs or "agency_code" not in match.kwargs:
        return {"links": []}
    if not set(match.kwargs) <= SWITCHABLE_KWARGS:
        return {"links": []}
    current = int(match.kwargs["year"])
    years = WorkYear.objects.filter(agency__code=match.kwargs["agency_code"]).values_list(
        "year", "state"
    )
    links = []
    for year, state in sorted(years):
        kwargs = {**match.kwargs, "year": year}
        try:
            url = reverse(match.view_name, kwargs=kwargs)
        except NoReverseMatch:
            continue
        links.append(
            {"year": year, "url": url, "current": year == current, "closed": state == "closed"}
        )
    return {"links": links if len(links) > 1 or (links and not links[0]["current"]) else []}
