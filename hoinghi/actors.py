"""Who acts: the one type every service takes as ``actor``.

A signed-in user, the anonymous visitor, or nobody (a management command, a background job).
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

Actor = AbstractBaseUser | AnonymousUser | None
