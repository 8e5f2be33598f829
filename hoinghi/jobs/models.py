"""A background job: one row per long piece of work (a batch of documents, a large staff file).

The row is the queue, the progress and the record: a worker claims a *pending* row, writes its
progress and a heartbeat while it runs, and ends it *done* or *failed* with the message and the
traceback. A *running* row with no heartbeat for long belongs to a worker that died: it is put
back in the queue while it has attempts left, else marked failed (see ``hoinghi.jobs.runner``).
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class JobState(models.TextChoices):
    PENDING = "pending", "Đang chờ"
    RUNNING = "running", "Đang chạy"
    DONE = "done", "Đã xong"
    FAILED = "failed", "Lỗi"


class Job(models.Model):
    kind = models.CharField("loại việc", max_length=60)
    arguments = models.JSONField("tham số", default=dict)
    state = models.CharField(
        "trạng thái", max_length=10, choices=JobState.choices, default=JobState.PENDING
    )
    progress = models.PositiveIntegerField("đã làm", default=0)
    total = models.PositiveIntegerField("tổng số", default=0)
    attempts = models.PositiveSmallIntegerField("số lần chạy", default=0)
    max_attempts = models.PositiveSmallIntegerField("số lần chạy tối đa", default=2)
    worker = models.CharField("tiến trình chạy", max_length=120, blank=True)
    created_at = models.DateTimeField("tạo lúc", default=timezone.now)
    started_at = models.DateTimeField("bắt đầu lúc", null=True, blank=True)
    heartbeat_at = models.DateTimeField("tín hiệu cuối", null=True, blank=True)
    finished_at = models.DateTimeField("xong lúc", null=True, blank=True)
    error = models.TextField("lỗi", blank=True)
    traceback = models.TextField("vết lỗi", blank=True)

    class Meta:
        verbose_name = "việc chạy nền"
        verbose_name_plural = "các việc chạy nền"
        ordering = ["pk"]
        indexes = [models.Index(fields=["state", "heartbeat_at"])]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk} ({self.get_state_display()})"
