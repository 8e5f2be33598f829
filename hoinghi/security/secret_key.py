"""The secret key: refused at start-up when it is missing or public (`hoinghi serve` writes
a random one once to var/secret_key, mode 600)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from hoinghi.org.checks import secret_key_problem


def refuse_public_key() -> None:
    """Called by hoinghi.wsgi and hoinghi.asgi: with DEBUG off, no start on a public key."""
    if settings.DEBUG:
        return
    reason = secret_key_problem(settings.SECRET_KEY or "")
    if reason:
        raise ImproperlyConfigured(
            f"{reason} Đặt biến môi trường SECRET_KEY hoặc chạy `hoinghi serve` để tạo "
            f"{settings.SECRET_KEY_FILE} (docs/deploy.md)."
        )
