"""System checks: the law registry is complete and consistent at start-up; a production
deployment has a secret key of its own."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks

from hoinghi.law import registry

MIN_KEY_LENGTH = 50
MIN_KEY_DISTINCT = 5


def check_law_registry(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    registry.load_all()
    return [
        checks.Error(
            problem, hint="Bổ sung căn cứ pháp lý hoặc sửa thời gian hiệu lực.", id="hoinghi.E001"
        )
        for problem in registry.problems()
    ]


def secret_key_problem(key: str) -> str | None:
    """Why ``key`` may not sign production sessions, CSRF tokens and vote receipts, or None."""
    if key == settings.DEVELOPMENT_SECRET_KEY or key.startswith("django-insecure"):
        return "SECRET_KEY là khoá phát triển công khai, ai cũng đọc được trong mã nguồn."
    if len(key) < MIN_KEY_LENGTH or len(set(key)) < MIN_KEY_DISTINCT:
        return (
            f"SECRET_KEY thiếu, quá ngắn hoặc quá đơn giản (cần ít nhất {MIN_KEY_LENGTH} "
            "ký tự ngẫu nhiên)."
        )
    return None


def check_secret_key(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """With DEBUG off, a missing, public or weak SECRET_KEY is an error, not Django's warning."""
    reason = None if settings.DEBUG else secret_key_problem(settings.SECRET_KEY or "")
    if reason is None:
        return []
    return [
        checks.Error(
            reason,
            hint=(
                "Đặt SECRET_KEY trong môi trường, hoặc để `hoinghi serve` tạo var/secret_key; "
                "xem docs/deploy.md."
            ),
            id="hoinghi.E002",
        )
    ]
