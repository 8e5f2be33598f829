"""A previewed staff import, kept server-side between the preview and the confirmation."""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

# The write transaction gives no heartbeat; 100,000 rows take well under a minute to write.
STALLED_AFTER = timedelta(minutes=10)


class StaffImportState(models.TextChoices):
    PREVIEWED = "previewed", "Đang xem trước"
    RUNNING = "running", "Đang nhập"
    APPLIED = "applied", "Đã nhập"
    FAILED = "failed", "Không nhập được"


def payload_checksum(payload: dict[str, Any]) -> str:
    """SHA-256 of the payload in a canonical JSON form, checked again before applying."""
    canonical = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


class StaffImport(models.Model):
    """The checked rows of one uploaded file, owned by its uploader, for one agency, until
    it is confirmed or it expires. The file itself is not kept; its name is only shown."""

    token = models.UUIDField("mã phiên nhập", default=uuid.uuid4, unique=True, editable=False)
    # "org.Agency" by name: org.models imports this module to register it (no cycle back).
    agency = models.ForeignKey(
        "org.Agency", verbose_name="cơ quan", on_delete=models.CASCADE, related_name="staff_imports"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người tải lên",
        on_delete=models.CASCADE,
        related_name="+",
    )
    filename = models.CharField("tên tệp", max_length=255)
    file_sha256 = models.CharField("mã băm của tệp", max_length=64, db_index=True)
    payload = models.JSONField("các dòng đã kiểm tra")
    payload_sha256 = models.CharField("mã băm của dữ liệu", max_length=64)
    row_count = models.PositiveIntegerField("số dòng")
    planned = models.JSONField("dự kiến thay đổi", default=dict)
    state = models.CharField(
        "trạng thái",
        max_length=10,
        choices=StaffImportState.choices,
        default=StaffImportState.PREVIEWED,
    )
    created_at = models.DateTimeField("tải lên lúc", default=timezone.now)
    expires_at = models.DateTimeField("hết hạn lúc")
    applied_at = models.DateTimeField("nhập lúc", null=True, blank=True)
    result = models.JSONField("kết quả", default=dict, blank=True)
    # A large file runs as a background job: its progress and last sign of life, and why it
    # failed. Rows are read and checked with progress, then written in one transaction.
    progress = models.PositiveIntegerField("số dòng đã xử lý", default=0)
    heartbeat_at = models.DateTimeField("cập nhật tiến độ lúc", null=True, blank=True)
    errors = models.JSONField("lỗi", default=list, blank=True)

    class Meta:
        app_label = "org"
        verbose_name = "lần nhập danh sách cán bộ"
        verbose_name_plural = "các lần nhập danh sách cán bộ"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.filename} ({timezone.localtime(self.created_at):%d/%m/%Y %H:%M})"

    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at

    def is_stalled(self) -> bool:
        """A job that gave no sign of life for long: its process has died (nothing was written)."""
        if self.state != StaffImportState.RUNNING or self.heartbeat_at is None:
            return False
        return timezone.now() - self.heartbeat_at > STALLED_AFTER
