"""The agency administrator's page of locked sign-ins, with unlocking."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from hoinghi.org.access import get_agency_for_user, has_role
from hoinghi.org.models import Agency, Role
from hoinghi.security import lockout


def _agency_for_admin(request: HttpRequest, agency_code: str) -> Agency:
    agency = get_agency_for_user(request, agency_code)
    if not has_role(request.user, [Role.ADMIN], agency=agency):
        raise PermissionDenied("Chỉ người quản trị của cơ quan được mở khoá đăng nhập.")
    return agency


@require_http_methods(["GET", "POST"])
def lockouts(request: HttpRequest, agency_code: str) -> HttpResponse:
    agency = _agency_for_admin(request, agency_code)
    if request.method == "POST":
        username = request.POST.get("username", "")[:150]
        if lockout.unlock(agency, username, request.user):
            messages.success(request, f"Đã mở khoá đăng nhập cho tài khoản {username}.")
        else:
            messages.error(request, f"Tài khoản {username} không bị khoá hoặc không thuộc cơ quan.")
        return redirect("security:lockouts", agency_code=agency.code)
    return render(
        request,
        "security/lockouts.html",
        {
            "agency": agency,
            "lockouts": lockout.current_lockouts(agency),
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "lockout_minutes": int(lockout.cool_off().total_seconds() // 60),
        },
    )
