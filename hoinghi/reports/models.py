"""A news report once published to the agency's staff: the text and figures as published."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from hoinghi.org.models import Agency


class PublishedSummary(models.Model):
    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan", on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveIntegerField("năm công tác")
    headline = models.CharField("tiêu đề", max_length=300, blank=True)
    text = models.TextField("bản tin")
    byline = models.CharField("tác giả", max_length=300, blank=True)
    figures = models.JSONField("số liệu", default=dict)
    published_at = models.DateTimeField("công bố lúc")
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người công bố",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "bản tin đã công bố"
        verbose_name_plural = "bản tin đã công bố"
        ordering = ["agency", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="reports_one_summary_per_year")
        ]

    def __str__(self) -> str:
        return f"Bản tin năm {self.year} — {self.agency}"


class NewsDraft(models.Model):
    """The leaders' edit of a year's news item before it is published (one per year)."""

    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan", on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveIntegerField("năm công tác")
    headline = models.CharField("tiêu đề", max_length=300)
    text = models.TextField("sa-pô và thân bài")
    byline = models.CharField("tác giả", max_length=300, blank=True)
    updated_at = models.DateTimeField("sửa lúc", auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người sửa",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "bản nháp tin bài"
        verbose_name_plural = "bản nháp tin bài"
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year"], name="reports_one_news_draft_per_year"
            )
        ]

    def __str__(self) -> str:
        return f"Bản nháp tin bài năm {self.year} — {self.agency}"
