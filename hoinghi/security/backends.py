"""The sign-in throttle as an authentication backend."""

from __future__ import annotations

from typing import Any

from axes.backends import AxesStandaloneBackend
from django.http import HttpRequest


class ThrottledSignIn(AxesStandaloneBackend):
    """django-axes' check, for web sign-ins only.

    Every sign-in form (ours and the admin's) passes the request; a call without one comes
    from server-side code (a management command, the test client's ``login``), which has no
    client address to throttle, so it is left to the next backend."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> None:
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)
