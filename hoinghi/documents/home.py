"""Home page link for those who draft and issue documents, and for staff (issued ones)."""

from __future__ import annotations

from django.urls import reverse

from hoinghi.documents.access import can_edit
from hoinghi.org.access import AnyUser
from hoinghi.org.home import HomeLink
from hoinghi.org.models import Agency


def documents_links(user: AnyUser, agency: Agency) -> list[HomeLink]:
    title = "Soạn, ban hành văn bản" if can_edit(user, agency) else "Văn bản đã ban hành"
    return [HomeLink(title, reverse("documents:list", args=[agency.code]))]
