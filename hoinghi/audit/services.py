"""Writing the audit log. Every service that changes state calls :func:`record`.

The action must be registered in :mod:`hoinghi.audit.actions`; an unknown name is refused.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.db import models

from hoinghi.audit import actions
from hoinghi.audit.models import AuditEntry


def record(
    action: str,
    *,
    actor: AbstractBaseUser | AnonymousUser | None = None,
    target: models.Model | None = None,
    agency_code: str = "",
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    user = actor if isinstance(actor, User) else None
    return AuditEntry.objects.create(
        actor=user,
        action=actions.check(action),
        agency_code=agency_code,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        data=data or {},
    )
