"""An account stops by itself once its holder has left the agency.

The rule is :mod:`hoinghi.org.accounts.leaving`'s (ngày thôi việc passed, or no position in
force). Three places apply it:

* sign-in (:mod:`hoinghi.security.forms`): a leaver who typed the right password is refused
  with a Vietnamese message saying why and since when; ``auth.leaver_refused`` is recorded;
* sign-in, accepted: the account's last day is kept in the session (:data:`LAST_DAY`);
* every request (:class:`LeaverSessionEnd`): when today is past that day, the rule is read
  again (once); a leaver is signed out and sent to the sign-in page with the message, anyone
  else (the clerk moved the leaving date) gets the new last day. Before the last day this costs
  no statement: the day is compared with today.

Users without a person record (a superuser, an administrator from elsewhere) have no last day.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone

from hoinghi.org.accounts import leaving
from hoinghi.security.lockout import client_ip

LAST_DAY = "hoinghi_last_day"  # the last day (ISO) the signed-in account may be used
_CHECKED = "_hoinghi_account_end"  # the sign-in form's reading, reused by the signal


def refused_sign_in(
    request: HttpRequest | None, user: AbstractBaseUser
) -> leaving.AccountEnd | None:
    """The account's end when its holder has left (recorded as refused), else None."""
    end = leaving.account_end_of_user(user, timezone.localdate())
    if end is not None and end.has_left:
        ip = client_ip(request) if request is not None else ""
        leaving.record_refusal(end, at="sign_in", actor=user, ip=ip)
        return end
    setattr(user, _CHECKED, end)
    return None


def keep_last_day(session: SessionBase, end: leaving.AccountEnd | None) -> None:
    if end is None or end.last_day is None:
        session.pop(LAST_DAY, None)
    else:
        session[LAST_DAY] = end.last_day.isoformat()


def mark_last_day(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    """user_logged_in: the session keeps the account's last day (any sign-in path)."""
    if request is None or not hasattr(request, "session"):
        return
    today = timezone.localdate()
    end = getattr(user, _CHECKED, None)
    if end is None or end.today != today:
        end = leaving.account_end_of_user(user, today)
    keep_last_day(request.session, end)


def session_ends_at(session: SessionBase) -> float:
    """The moment (epoch) the session's last day ends, Asia/Ho_Chi_Minh; inf without one."""
    last = session.get(LAST_DAY)
    if not isinstance(last, str):
        return math.inf
    try:
        day = date.fromisoformat(last)
    except ValueError:
        return -math.inf
    zone = timezone.get_current_timezone()
    return datetime.combine(day + timedelta(days=1), time.min, tzinfo=zone).timestamp()


def refusal_response(request: HttpRequest, message: str) -> HttpResponse:
    if "application/json" in request.headers.get("Accept", ""):
        return JsonResponse({"message": message, "login": settings.LOGIN_URL}, status=401)
    messages.error(request, message)
    return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)


def end_if_left(request: HttpRequest) -> HttpResponse | None:
    """Today is past the session's last day: read the rule again, once."""
    user: AbstractBaseUser | AnonymousUser = request.user
    if not user.is_authenticated:
        return None
    end = leaving.account_end_of_user(user, timezone.localdate())
    if end is None or not end.has_left:
        keep_last_day(request.session, end)
        return None
    leaving.record_refusal(end, at="session", actor=user, ip=client_ip(request))
    logout(request)
    return refusal_response(request, end.message())


class LeaverSessionEnd:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        last = request.session.get(LAST_DAY)
        if isinstance(last, str) and last < timezone.localdate().isoformat():
            refused = end_if_left(request)
            if refused is not None:
                return refused
        return self.get_response(request)
