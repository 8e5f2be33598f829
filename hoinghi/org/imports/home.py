"""The home-page link to the staff import, for those who may import (admin, clerk)."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.urls import reverse

from hoinghi.org import access
from hoinghi.org.home import HomeLink
from hoinghi.org.models import Agency


def staff_import_links(user: User | AnonymousUser, agency: Agency) -> list[HomeLink]:
    if not user.is_authenticated or not access.can_manage_staff(user, agency):
        return []
    return [
        HomeLink(
            "Nhập danh sách cán bộ",
            reverse("org:import-staff", args=[agency.code]),
            note="Từ tệp Excel hoặc CSV",
        )
    ]
