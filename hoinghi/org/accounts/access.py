"""Who may create accounts, print letters and give roles: the administrator and the clerk."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from hoinghi.org import access
from hoinghi.org.models import Agency, Role

ACCOUNT_MANAGERS = frozenset({Role.ADMIN, Role.CLERK})


def can_manage_accounts(user: access.AnyUser, agency: Agency) -> bool:
    return access.has_role(user, ACCOUNT_MANAGERS, agency=agency)


def is_agency_admin(user: access.AnyUser, agency: Agency) -> bool:
    return access.has_role(user, {Role.ADMIN}, agency=agency)


def get_account_agency_for_user(request: HttpRequest, agency_code: str) -> Agency:
    agency = access.get_agency_for_user(request, agency_code)
    if not can_manage_accounts(request.user, agency):
        raise PermissionDenied("Chỉ quản trị viên và văn thư được quản lý tài khoản.")
    return agency
