"""The audit log: every change, and every read of personnel evaluations."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from hoinghi.audit.actions import label


class AuditEntryImmutable(Exception):
    """An audit entry is written once and never changed nor deleted."""


class AuditEntry(models.Model):
    """One recorded action; written once, never changed, never deleted one by one."""

    at = models.DateTimeField("thời điểm", auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người thực hiện",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField("hành động", max_length=80, db_index=True)  # "org.import_staff"
    agency_code = models.CharField("cơ quan", max_length=60, blank=True, db_index=True)
    target_type = models.CharField("loại đối tượng", max_length=80, blank=True)
    target_id = models.CharField("mã đối tượng", max_length=80, blank=True)
    data = models.JSONField("dữ liệu", default=dict, blank=True)

    class Meta:
        verbose_name = "nhật ký"
        verbose_name_plural = "nhật ký"
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AuditEntryImmutable("Nhật ký đã ghi không được sửa.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AuditEntryImmutable("Nhật ký đã ghi không được xóa.")

    @property
    def label(self) -> str:
        return label(self.action)
