"""Sign-ins in the audit log: each success, each failure, each lockout.

A failure records the user name typed (cut to 150 characters) and the client address, never
the password (Django passes the credentials with the password masked)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.http import HttpRequest
from django.utils.module_loading import import_string

from hoinghi.audit.services import record

USERNAME_MAX = 150


def _client(request: HttpRequest | None) -> str:
    if request is None:
        return ""
    address = getattr(settings, "AXES_CLIENT_IP_CALLABLE", None)
    if isinstance(address, str):
        return str(import_string(address)(request))
    return str(request.META.get("REMOTE_ADDR", ""))


def on_login(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    record("auth.login", actor=user, data={"ip": _client(request)})


def on_login_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    username = str(credentials.get("username") or "")[:USERNAME_MAX]
    locked = bool(getattr(request, "axes_locked_out", False))
    record(
        "auth.login_failed",
        data={"username": username, "ip": _client(request), "locked": locked},
    )


def on_locked_out(
    sender: Any,
    request: HttpRequest | None,
    username: str | None,
    ip_address: str | None,
    **kwargs: Any,
) -> None:
    record(
        "auth.locked_out",
        data={"username": str(username or "")[:USERNAME_MAX], "ip": ip_address or ""},
    )


def connect() -> None:
    from axes.signals import user_locked_out

    user_logged_in.connect(on_login, dispatch_uid="hoinghi.audit.login")
    user_login_failed.connect(on_login_failed, dispatch_uid="hoinghi.audit.login_failed")
    user_locked_out.connect(on_locked_out, dispatch_uid="hoinghi.audit.locked_out")
