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
    text = models.TextField("bản tin")
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
