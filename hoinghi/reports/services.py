"""State changes of the reports app: editing a year's news item, publishing it to the staff."""

from __future__ import annotations

import unicodedata

from django.db import transaction
from django.utils import timezone

from hoinghi.actors import Actor
from hoinghi.audit.services import record
from hoinghi.org.models import WorkYear
from hoinghi.refusals import Refusal
from hoinghi.reports.models import NewsDraft, PublishedSummary
from hoinghi.reports.news import NewsItem, compose_news
from hoinghi.reports.selectors import year_summary

MAX_HEADLINE = 300
MAX_TEXT = 30_000


class ReportError(Refusal):
    """A refused change to a report, with a stable code and a Vietnamese message."""


def current_news(work_year: WorkYear, *, byline: str = "") -> tuple[NewsItem, NewsDraft | None]:
    """The item as the leaders last edited it, else as written from the figures now."""
    draft = NewsDraft.objects.filter(agency=work_year.agency, year=work_year.year).first()
    if draft is not None:
        paragraphs = [p.strip() for p in draft.text.split("\n\n") if p.strip()]
        lead, body = (paragraphs[0], paragraphs[1:]) if paragraphs else ("", [])
        return NewsItem(draft.headline, lead, body, draft.byline), draft
    return compose_news(year_summary(work_year), byline=byline), None


def _clean(value: str) -> str:
    lines = unicodedata.normalize("NFC", value).replace("\r\n", "\n").split("\n")
    return "\n".join(line.strip() for line in lines).strip()


def save_news_draft(
    work_year: WorkYear, *, headline: str, text: str, byline: str, actor: Actor = None
) -> NewsDraft:
    """The leaders' edit, kept until published (or discarded). Paragraphs: blank lines."""
    headline, text, byline = _clean(headline), _clean(text), _clean(byline)
    problems = []
    if not headline:
        problems.append("Tiêu đề: không được để trống.")
    elif len(headline) > MAX_HEADLINE:
        problems.append(f"Tiêu đề: dài {len(headline)} ký tự, tối đa {MAX_HEADLINE}.")
    if not text:
        problems.append("Sa-pô và thân bài: không được để trống.")
    elif len(text) > MAX_TEXT:
        problems.append(f"Sa-pô và thân bài: dài {len(text)} ký tự, tối đa {MAX_TEXT}.")
    if len(byline) > MAX_HEADLINE:
        problems.append(f"Tác giả: dài {len(byline)} ký tự, tối đa {MAX_HEADLINE}.")
    if problems:
        raise ReportError("reports.bad_news", " ".join(problems))
    user = actor if actor is not None and actor.is_authenticated else None
    with transaction.atomic():
        draft, _ = NewsDraft.objects.update_or_create(
            agency=work_year.agency,
            year=work_year.year,
            defaults={"headline": headline, "text": text, "byline": byline, "updated_by": user},
        )
        record(
            "reports.edit_news",
            actor=actor,
            target=draft,
            agency_code=work_year.agency.code,
            data={"year": work_year.year},
        )
    return draft


def discard_news_draft(work_year: WorkYear, *, actor: Actor = None) -> None:
    with transaction.atomic():
        deleted, _ = NewsDraft.objects.filter(agency=work_year.agency, year=work_year.year).delete()
        if deleted:
            record(
                "reports.discard_news",
                actor=actor,
                agency_code=work_year.agency.code,
                data={"year": work_year.year},
            )


def publish_summary(
    work_year: WorkYear, *, actor: Actor = None, byline: str = ""
) -> PublishedSummary:
    """Publish (or republish) the year's news item: the leaders' edit if any, else as it is
    written from the figures now; the figures are kept with it."""
    summary = year_summary(work_year)
    item, _ = current_news(work_year, byline=byline)
    text = item.text
    if not text:
        raise ReportError(
            "reports.nothing_to_publish",
            f"Năm {work_year.year} chưa có số liệu nào để viết bản tin.",
        )
    user = actor if actor is not None and actor.is_authenticated else None
    with transaction.atomic():
        published, created = PublishedSummary.objects.update_or_create(
            agency=work_year.agency,
            year=work_year.year,
            defaults={
                "headline": item.headline,
                "text": text,
                "byline": item.byline,
                "figures": summary.to_dict(),
                "published_at": timezone.now(),
                "published_by": user,
            },
        )
        record(
            "reports.publish_summary",
            actor=actor,
            target=published,
            agency_code=work_year.agency.code,
            data={"year": work_year.year, "first": created},
        )
    return published
