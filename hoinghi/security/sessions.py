"""Session expiry after inactivity, and no browser copy of personal evaluation pages.

A staff session ends after ``SESSION_IDLE_MINUTES`` without a request. A participant of a
conference held today stays signed in until that day ends (Asia/Ho_Chi_Minh): a delegate who
sits through a two-hour report must still be able to vote from the phone. The last request
time is kept in the session to the minute, and written at most once a minute, not on every
request.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

LAST_SEEN = "hoinghi_last_seen"
TOUCH_SECONDS = 60
EXPIRED_MESSAGE = (
    "Phiên làm việc đã kết thúc vì không hoạt động quá {minutes} phút. Vui lòng đăng nhập lại."
)
NO_STORE_NAMESPACES = frozenset({"evaluation"})


def minute(epoch: float) -> int:
    """The idle clock keeps whole minutes: a session holds no finer trace of when its owner
    last acted (the time of a vote, for instance)."""
    return int(epoch // 60 * 60)


def local_date(epoch: float) -> date:
    return timezone.localdate(datetime.fromtimestamp(epoch, tz=UTC))


def attends_conference_today(
    user: AbstractBaseUser | AnonymousUser, since: float, now: float
) -> bool:
    """True when ``user`` takes part in a conference held today and has not been idle across
    midnight: the delegate's session lasts until the conference day ends."""
    today = local_date(now)
    if local_date(since) != today:
        return False
    from hoinghi.conference.models import Participant

    if not isinstance(user, User):
        return False
    return Participant.objects.filter(person__user=user, conference__held_on=today).exists()


def is_idle(request: HttpRequest, now: float) -> bool:
    last = request.session.get(LAST_SEEN)
    if not isinstance(last, int | float):
        return False
    if now - last <= settings.SESSION_IDLE_MINUTES * 60:
        return False
    return not attends_conference_today(request.user, last, now)


def expired_response(request: HttpRequest) -> HttpResponse:
    message = EXPIRED_MESSAGE.format(minutes=settings.SESSION_IDLE_MINUTES)
    if "application/json" in request.headers.get("Accept", ""):
        return JsonResponse({"message": message, "login": settings.LOGIN_URL}, status=401)
    messages.info(request, message)
    return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)


def mark_signed_in(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    """user_logged_in: start the idle clock, so the first page after signing in writes nothing."""
    if request is not None and hasattr(request, "session"):
        request.session[LAST_SEEN] = minute(time.time())


class IdleSessionExpiry:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = time.time()
            if is_idle(request, now):
                logout(request)
                return expired_response(request)
            last = request.session.get(LAST_SEEN)
            if not isinstance(last, int | float) or now - last >= TOUCH_SECONDS:
                request.session[LAST_SEEN] = minute(now)
        return self.get_response(request)


class NoStoreForPersonalPages:
    """Evaluation pages carry personal evaluations: no copy in the browser or a proxy cache."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        match = request.resolver_match
        if match is not None and NO_STORE_NAMESPACES.intersection(match.namespaces):
            add_never_cache_headers(response)
        return response
