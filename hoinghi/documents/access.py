"""Who may see and change documents. Deny by default; 404 for what a user may not see.

The clerk (văn thư) and the leaders draft, edit and issue. Staff of the agency read issued
documents; a personal document (an achievement report, a personal notice) only its person.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest

from hoinghi.documents.models import Document, DocumentBatch, DocumentState
from hoinghi.org.access import AnyUser, belongs_to, get_agency_for_user, has_role, own_person
from hoinghi.org.models import Agency, Role

EDITORS = frozenset({Role.CLERK, Role.LEADER})
# The head decides the numbering (D30 Art 15); the clerk (văn thư) keeps the register.
REGISTER_KEEPERS = frozenset({Role.LEADER, Role.ADMIN, Role.CLERK})


def can_edit(user: AnyUser, agency: Agency) -> bool:
    return has_role(user, EDITORS, agency=agency)


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(
            "Chỉ văn thư và lãnh đạo cơ quan được soạn, sửa và ban hành văn bản."
        )


def can_set_register(user: AnyUser, agency: Agency) -> bool:
    return has_role(user, REGISTER_KEEPERS, agency=agency)


def require_register(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(
            "Chỉ văn thư, lãnh đạo cơ quan (hoặc quản trị) được đặt sổ đăng ký văn bản."
        )


def documents_for_user(user: AnyUser, agency: Agency) -> QuerySet[Document]:
    documents = Document.objects.filter(agency=agency).select_related("agency", "person")
    if not belongs_to(user, agency):
        return documents.none()
    if can_edit(user, agency):
        return documents
    person = own_person(user)
    mine = Q(person=person) if person is not None else Q(pk__in=[])
    return documents.filter(state=DocumentState.ISSUED).filter(Q(person__isnull=True) | mine)


def get_document_for_user(request: HttpRequest, agency_code: str, pk: int) -> Document:
    agency = get_agency_for_user(request, agency_code)
    try:
        return documents_for_user(request.user, agency).get(pk=pk)
    except Document.DoesNotExist:
        raise Http404("Không tìm thấy văn bản.") from None


def get_batch_for_user(request: HttpRequest, agency_code: str, pk: int) -> DocumentBatch:
    agency = get_agency_for_user(request, agency_code)
    if not can_edit(request.user, agency):
        raise Http404("Không tìm thấy lô văn bản.")
    try:
        return DocumentBatch.objects.select_related("agency").get(agency=agency, pk=pk)
    except DocumentBatch.DoesNotExist:
        raise Http404("Không tìm thấy lô văn bản.") from None
