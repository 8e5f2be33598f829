"""System check: the law registry is complete and consistent at start-up."""

from __future__ import annotations

from typing import Any

from django.core import checks

from hoinghi.law import registry


def check_law_registry(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    registry.load_all()
    return [
        checks.Error(
            problem, hint="Bổ sung căn cứ pháp lý hoặc sửa thời gian hiệu lực.", id="hoinghi.E001"
        )
        for problem in registry.problems()
    ]
