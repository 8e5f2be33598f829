"""Who may import and export staff: the administrator and the clerk of the agency."""

from __future__ import annotations

from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from hoinghi.org import access
from hoinghi.org.imports.models import StaffImport
from hoinghi.org.models import Agency


def get_managed_agency_for_user(request: HttpRequest, code: str) -> Agency:
    """The agency, if the user may manage its staff: 404 outside it, 403 inside without the role."""
    agency = access.get_agency_for_user(request, code)
    if not access.can_manage_staff(request.user, agency):
        raise PermissionDenied(
            "Chỉ quản trị viên và văn thư của cơ quan được nhập, xuất danh sách cán bộ."
        )
    return agency


def get_staff_import_for_user(request: HttpRequest, agency: Agency, token: UUID) -> StaffImport:
    """A previewed import is seen only by the one who uploaded it."""
    try:
        return StaffImport.objects.select_related("agency").get(
            token=token, agency=agency, uploaded_by_id=request.user.pk
        )
    except StaffImport.DoesNotExist:
        raise Http404("Không tìm thấy lần nhập này.") from None
