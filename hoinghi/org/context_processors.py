from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from hoinghi.org.access import agencies_for_user


def navigation(request: HttpRequest) -> dict[str, Any]:
    if not request.user.is_authenticated:
        return {}
    return {"nav_agencies": list(agencies_for_user(request.user)[:20])}
