"""The home-page link to locked sign-ins, for the agency's administrator."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.urls import reverse

from hoinghi.org import access
from hoinghi.org.home import HomeLink
from hoinghi.org.models import Agency, Role
from hoinghi.security.lockout import current_lockouts


def lockout_links(user: User | AnonymousUser, agency: Agency) -> list[HomeLink]:
    if not user.is_authenticated or not access.has_role(user, [Role.ADMIN], agency=agency):
        return []
    locked = len(current_lockouts(agency))
    return [
        HomeLink(
            "Tài khoản bị tạm khoá đăng nhập",
            reverse("security:lockouts", args=[agency.code]),
            note=f"{locked} tài khoản đang bị khoá" if locked else "Không có tài khoản nào bị khoá",
            urgent=bool(locked),
        )
    ]
