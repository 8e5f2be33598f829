"""Template questions about who may do what with a conference (the rules live in ``access``)."""

from __future__ import annotations

from typing import Any

from django import template

from hoinghi.conference import access
from hoinghi.conference.models import Conference

register = template.Library()


@register.simple_tag(takes_context=True)
def runs(context: dict[str, Any], conference: Conference) -> bool:
    """Whether the signed-in user runs the day (presidium, secretaries): the projector link."""
    request = context.get("request")
    return request is not None and access.can_run(request.user, conference)
