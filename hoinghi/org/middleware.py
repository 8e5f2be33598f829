"""Deny by default: every URL needs a signed-in user unless it is on the public list."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse

# URL name prefixes anyone may open. A test walks every URL against this list.
PUBLIC_URL_NAMES = frozenset(
    {"login", "health", "conference:checkin-by-code", "static", "set-password", "set-password-code"}
)
PUBLIC_PATH_PREFIXES = ("/static/", "/favicon.ico")


class LoginRequiredByDefault:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., HttpResponse],
        view_args: object,
        view_kwargs: object,
    ) -> HttpResponse | None:
        if request.user.is_authenticated:
            return None
        if getattr(view_func, "public", False) or request.path.startswith(PUBLIC_PATH_PREFIXES):
            return None
        match = request.resolver_match
        if match is not None and match.view_name in PUBLIC_URL_NAMES:
            return None
        if match is not None and match.namespace == "admin":
            return None  # the admin has its own login gate
        return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)


def public(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Mark a view as reachable without signing in."""
    view.public = True  # type: ignore[attr-defined]
    return view
