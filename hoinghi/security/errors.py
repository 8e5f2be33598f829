"""Error pages in Vietnamese. 500 and 503 render without the database and without any
context processor; a database outage (OperationalError, InterfaceError) answers 503."""

from __future__ import annotations

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader

RETRY_AFTER_SECONDS = 15
OUTAGE_MESSAGE = (
    "Hệ thống tạm thời gián đoạn (cơ sở dữ liệu không trả lời). "
    f"Vui lòng thử lại sau khoảng {RETRY_AFTER_SECONDS} giây."
)


def is_outage(error: BaseException | None) -> bool:
    return isinstance(error, OperationalError | InterfaceError)


def wants_json(request: HttpRequest) -> bool:
    accept = request.headers.get("Accept", "")
    return "application/json" in accept and "text/html" not in accept


def outage_response(request: HttpRequest) -> HttpResponse:
    response: HttpResponse
    if wants_json(request):
        response = JsonResponse({"message": OUTAGE_MESSAGE}, status=503)
    else:
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: called while the exception is being handled, so it can tell an outage."""
    if is_outage(sys.exc_info()[1]):
        return outage_response(request)
    return HttpResponse(loader.render_to_string("500.html"), status=500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: the form is stale; say so in Vietnamese, never Django's English page."""
    return HttpResponse(loader.render_to_string("403_csrf.html"), status=403)
