"""Sign-in lockout (django-axes): who is locked, until when, and unlocking.

A user name is locked for one client address only (``AXES_LOCKOUT_PARAMETERS``): in a hall
where every phone leaves through one Wi-Fi NAT, one person's typing mistakes lock nobody else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from hoinghi.audit.services import record
from hoinghi.org.models import Agency


def client_ip(request: HttpRequest) -> str:
    """The client's address; behind the reverse proxy, the hop the proxy appended last."""
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-1][:45]
    return str(request.META.get("REMOTE_ADDR", ""))[:45]


def cool_off() -> timedelta:
    return get_cool_off() or timedelta(0)


def locked_until(username: str, ip_address: str) -> datetime:
    """When the lockout of ``username`` from ``ip_address`` lifts (each new try restarts it)."""
    attempt = (
        AccessAttempt.objects.filter(username=username, ip_address=ip_address)
        .order_by("-attempt_time")
        .first()
    )
    started = attempt.attempt_time if attempt is not None else timezone.now()
    return started + cool_off()


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    username = get_client_username(request, credentials) or ""
    until = timezone.localtime(locked_until(username, client_ip(request)))
    minutes = max(1, round((until - timezone.now()).total_seconds() / 60))
    context = {
        "until": until,
        "minutes": minutes,
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "username": username,
    }
    return render(request, "security/lockout.html", context, status=429)


@dataclass(frozen=True)
class Lockout:
    username: str
    ip_address: str
    failures: int
    until: datetime


def current_lockouts(agency: Agency) -> list[Lockout]:
    """Locked sign-ins of the agency's accounts (its people and its role holders)."""
    usernames = (
        User.objects.filter(Q(person__agency=agency) | Q(roles__agency=agency))
        .values_list("username", flat=True)
        .distinct()
    )
    since = timezone.now() - cool_off()
    attempts = AccessAttempt.objects.filter(
        username__in=usernames,
        failures_since_start__gte=settings.AXES_FAILURE_LIMIT,
        attempt_time__gte=since,
    ).order_by("username", "ip_address")
    return [
        Lockout(
            a.username or "",
            a.ip_address or "",
            a.failures_since_start,
            a.attempt_time + cool_off(),
        )
        for a in attempts
    ]


def unlock(agency: Agency, username: str, actor: AbstractBaseUser | AnonymousUser) -> int:
    """Lift every lockout of one of the agency's accounts; returns how many were lifted."""
    if not User.objects.filter(
        Q(person__agency=agency) | Q(roles__agency=agency), username=username
    ).exists():
        return 0
    deleted, _ = AccessAttempt.objects.filter(username=username).delete()
    if not deleted:
        return 0
    record(
        "auth.unlocked",
        actor=actor,
        agency_code=agency.code,
        data={"username": username, "attempts": deleted},
    )
    return deleted
