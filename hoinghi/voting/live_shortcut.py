"""A poll's live state for a screen that polled before, in one statement and few steps.

Every projector and phone asks ``/bieu-quyet/<poll>/trang-thai.json`` every 1.5 s. Through
the whole stack that is three statements (session, user, poll) and a dozen middlewares for an
answer of a few bytes, most often the same as 1.5 s before. This middleware, placed right
after Django's SecurityMiddleware, answers such a request itself when this process served the
same session the same way before, and otherwise lets it through untouched.

Nothing is taken on trust from memory: one statement reads the session row (unexpired), the
user and the poll with the agency membership rule of
:func:`hoinghi.voting.access.belongs_to_agency`, and the answer is given only when

* the session row holds exactly the data this process last saw the full stack accept for it
  (same user, same password hash stamp, same idle clock); signing out deletes the row;
* the user's password hash is the one it had then (a new password ends the session) and the
  user is active;
* the user has a person record or a role in the poll's agency (deny by default);
* the idle clock needs no update and the session is not idle (the full stack would neither
  write the session nor sign the user out);
* the account's last day (:mod:`hoinghi.security.leavers`, kept in the session when its
  holder's person record gives one) has not passed: past it the full stack signs a leaver out.
  The check is on what the full stack accepted (a moment computed then), no statement. It is
  also implied by the idle clock: an entry is used less than a minute after the minute the
  full stack last accepted, and a day changes only at a minute's turn.

Anything else (first poll, another user, a closed session, an outsider, a superuser outside
the agency, a minute boundary) goes through the full stack, which decides as always. The
answer carries what the stack adds to this view's answer (Vary, Content-Language, Content-
Length, X-Frame-Options, the Content-Security-Policy; SecurityMiddleware's own headers come
from SecurityMiddleware itself): a test compares both answers header by header. Entries are
kept per process and are correct with any number of processes and servers: each holds only
what the database is asked to confirm on every use.
"""

from __future__ import annotations

import hashlib
import math
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.db import connections
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import patch_vary_headers

from hoinghi.security.leavers import session_ends_at
from hoinghi.security.sessions import LAST_SEEN, TOUCH_SECONDS
from hoinghi.voting import hot_reads, live, selectors
from hoinghi.voting.models import Poll

PATH = re.compile(r"/bieu-quyet/([0-9]{1,18})/trang-thai\.json")
LIMIT = 50_000  # sessions remembered per process (a few hundred bytes each)


@dataclass(frozen=True)
class Seen:
    """What the full stack accepted for one session key, to be confirmed on every use."""

    raw: str
    user_id: int
    password: bytes  # a digest of the stored password hash, not the hash itself
    last_seen: float
    until: float = math.inf  # the end (epoch) of the account's last day, if it has one


SEEN: dict[str, Seen] = {}


def _digest(password: str) -> bytes:
    return hashlib.sha256(password.encode()).digest()


@cache
def _sql() -> str:
    poll, member = hot_reads.POLL.sql(), hot_reads.member_sql("p", "%(user)s")
    return (
        f"SELECT s.session_data, u.password, u.is_active, {member}, {poll} "
        f"FROM {Session._meta.db_table} s "
        f"JOIN {User._meta.db_table} u ON u.id = %(user)s "
        f"JOIN {Poll._meta.db_table} p ON p.id = %(poll)s "
        "WHERE s.session_key = %(key)s AND s.expire_date > %(now)s"
    )


def _fresh_for(seen: Seen, now: float) -> bool:
    """The full stack would neither write the session nor end it."""
    if settings.SESSION_SAVE_EVERY_REQUEST or now >= seen.until:
        return False
    return now - seen.last_seen < min(TOUCH_SECONDS, settings.SESSION_IDLE_MINUTES * 60)


class LiveStateShortcut:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.csp = CSPMiddleware(get_response)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        match = PATH.fullmatch(request.path_info) if request.method == "GET" else None
        if match is None:
            return self.get_response(request)
        key = request.COOKIES.get(settings.SESSION_COOKIE_NAME, "")
        seen = SEEN.get(key)
        if seen is not None:
            answer = self.answer(request, int(match.group(1)), key, seen)
            if answer is not None:
                return answer
            SEEN.pop(key, None)
        response = self.get_response(request)
        self.remember(request, key, response)
        return response

    def answer(
        self, request: HttpRequest, poll_id: int, key: str, seen: Seen
    ) -> HttpResponse | None:
        if not _fresh_for(seen, time.time()):
            return None
        connection = connections[hot_reads.DB]
        params: dict[str, Any] = {
            "user": seen.user_id,
            "poll": poll_id,
            "key": key,
            "now": connection.ops.adapt_datetimefield_value(timezone.now()),
        }
        with connection.cursor() as cursor:
            cursor.execute(_sql(), params)
            row = cursor.fetchone()
        if row is None:
            return None
        raw, password, active, member = row[:4]
        if not (raw == seen.raw and active and member and _digest(password) == seen.password):
            return None
        poll = hot_reads.POLL.build(row[4:])
        response = live.versioned_json(
            request,
            poll.live_version,  # type: ignore[attr-defined]
            lambda: selectors.live_state(poll),  # type: ignore[arg-type]
        )
        return self.finish(request, response)

    def finish(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        """The headers the stack below adds to this view's answer."""
        patch_vary_headers(response, ("Accept-Language", "Cookie"))  # locale, sessions
        response.headers.setdefault("Content-Language", settings.LANGUAGE_CODE)
        response.headers.setdefault("Content-Length", str(len(response.content)))  # common
        response.headers.setdefault("X-Frame-Options", settings.X_FRAME_OPTIONS)
        self.csp.process_request(request)
        self.csp.process_response(request, response)
        return response

    def remember(self, request: HttpRequest, key: str, response: HttpResponse) -> None:
        """After the full stack answered this session's poll: what it accepted."""
        user = getattr(request, "user", None)
        session = getattr(request, "session", None)
        raw = getattr(session, "raw", None)
        if (
            response.status_code not in (200, 304)
            or user is None
            or not user.is_authenticated
            or session is None
            or session.session_key != key
            or not raw
        ):
            return
        last = session.get(LAST_SEEN)
        if not isinstance(last, int | float):
            return
        if len(SEEN) >= LIMIT:
            SEEN.clear()
        SEEN[key] = Seen(
            raw, user.pk, _digest(user.password), float(last), session_ends_at(session)
        )
