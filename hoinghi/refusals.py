"""Refusals: one base for every refused step of every app.

A refusal carries a stable ``code`` (tests and clients rely on it), a Vietnamese ``message``
naming the reason, the ``field`` it concerns (empty for the whole request) and the HTTP
``status`` it answers with. Each app's error class (``PlanError``, ``VotingError``, …)
subclasses :class:`Refusal`.

A view lets a refusal it cannot do better with go: :class:`RefusalMiddleware` answers it in
one place, with the Vietnamese page ``errors/refusal.html`` and the status, or with JSON
``{"code", "message", "field"}`` for a request that accepts JSON. A view that re-renders a
form with the typed values and the message uses :func:`form_refused`; a step posted from a
page that shows its outcome there uses :func:`attempt` (the refusal as the page's message).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse


class Refusal(Exception):
    """A refused step: stable code, Vietnamese message, the field concerned, the HTTP status."""

    status = 400

    def __init__(
        self, code: str, message: str = "", *, field: str = "", status: int | None = None
    ) -> None:
        super().__init__(message or code)
        self.code = code
        self.message = message or code
        self.field = field
        if status is not None:
            self.status = status

    def as_json(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message, "field": self.field or ""}


class _WorkYear(Protocol):
    year: int

    @property
    def is_closed(self) -> bool: ...


def ensure_year_open(
    work_year: _WorkYear,
    refusal: type[Refusal] = Refusal,
    code: str = "year_closed",
    consequence: str = "",
) -> None:
    """The one check that a work year is not closed (khóa sổ); else the app's refusal."""
    if work_year.is_closed:
        reason = f"Năm công tác {work_year.year} đã khóa sổ"
        raise refusal(
            code=code, message=f"{reason}: {consequence}." if consequence else f"{reason}."
        )


def wants_json(request: HttpRequest) -> bool:
    accept = request.headers.get("Accept", "")
    return "application/json" in accept or request.content_type == "application/json"


def respond(request: HttpRequest, refusal: Refusal) -> HttpResponse:
    """The refusal as the request wants it: JSON, or the Vietnamese page."""
    if wants_json(request):
        return JsonResponse(refusal.as_json(), status=refusal.status)
    response = TemplateResponse(
        request, "errors/refusal.html", {"refusal": refusal}, status=refusal.status
    )
    return response.render()


class RefusalMiddleware:
    """Turns a refusal no view caught into its response, in one place."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, Refusal):
            return respond(request, exception)
        return None


def form_refused(form: Any, refusal: Refusal) -> None:
    """Puts the refusal on the form (on its field when the form has one), to re-render it."""
    field = refusal.field if refusal.field in getattr(form, "fields", {}) else None
    form.add_error(field, refusal.message)


def attempt(request: HttpRequest, step: Callable[[], object], done: str = "") -> bool:
    """Runs a service step posted from a page: its refusal becomes the page's error message,
    its success the ``done`` message. True when the step went through."""
    try:
        step()
    except Refusal as refused:
        messages.error(request, refused.message)
        return False
    if done:
        messages.success(request, done)
    return True
