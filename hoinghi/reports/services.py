"""State changes of the reports app: publishing a year's news report to the staff."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.utils import timezone

from hoinghi.audit.services import record
from hoinghi.org.models import WorkYear
from hoinghi.reports.models import PublishedSummary
from hoinghi.reports.news import write_news
from hoinghi.reports.selectors import year_summary

Actor = AbstractBaseUser | AnonymousUser | None


class ReportError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def publish_summary(work_year: WorkYear, *, actor: Actor = None) -> PublishedSummary:
    """Publish (or republish) the year's news report as it reads now, with its figures."""
    summary = year_summary(work_year)
    text = write_news(summary)
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
                "text": text,
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
