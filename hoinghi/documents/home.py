"""Home page link for those who draft and issue documents, and for staff (issued ones)."""

from __future__ import annotations

from django.db.models import Count, Q
from django.urls import reverse

from hoinghi.documents.access import can_edit
from hoinghi.documents.models import Document, DocumentState
from hoinghi.org import cycle
from hoinghi.org.access import AnyUser
from hoinghi.org.home import HomeLink
from hoinghi.org.models import Agency, WorkYear


def documents_links(user: AnyUser, agency: Agency) -> list[HomeLink]:
    title = "Soạn, ban hành văn bản" if can_edit(user, agency) else "Văn bản đã ban hành"
    return [HomeLink(title, reverse("documents:list", args=[agency.code]))]


@cycle.todos
def documents_todos(user: AnyUser, agency: Agency, work_year: WorkYear) -> list[cycle.Todo]:
    """Drafts waiting to be issued, for those who issue them: one query."""
    if not can_edit(user, agency):
        return []
    drafts = Document.objects.filter(agency=agency, state=DocumentState.DRAFT).count()
    if not drafts:
        return []
    return [
        cycle.Todo(
            "Ban hành văn bản",
            reverse("documents:list", args=[agency.code]),
            cycle.Stage.DOCUMENTS,
            note=f"{drafts} dự thảo chưa ban hành",
        )
    ]


@cycle.steps
def documents_steps(work_year: WorkYear) -> list[cycle.Step]:
    counts = Document.objects.filter(agency=work_year.agency, year=work_year.year).aggregate(
        total=Count("pk"), issued=Count("pk", filter=Q(state=DocumentState.ISSUED))
    )
    return [
        cycle.Step(
            cycle.Stage.DOCUMENTS,
            "Văn bản của năm",
            reverse("documents:list", args=[work_year.agency.code]),
            counts["issued"],
            counts["total"],
            "đã ban hành",
        )
    ]


@cycle.closing_checks
def documents_checks(work_year: WorkYear) -> list[cycle.Unfinished]:
    drafts = Document.objects.filter(
        agency=work_year.agency, year=work_year.year, state=DocumentState.DRAFT
    ).count()
    return [
        cycle.Unfinished(
            "Văn bản còn là dự thảo",
            drafts,
            reverse("documents:list", args=[work_year.agency.code]),
        )
    ]
