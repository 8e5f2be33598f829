"""A login letter's one-time code, kept only as its SHA-256."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class LoginLetter(models.Model):
    """Thư đăng nhập: a one-time code that lets one person set their own password.

    The plain code is printed on the letter and never stored; a code works once, until
    ``expires_at``, and only while it is the person's latest letter.
    """

    person = models.ForeignKey(
        "org.Person",
        verbose_name="người",
        on_delete=models.CASCADE,
        related_name="login_letters",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="tài khoản",
        on_delete=models.CASCADE,
        related_name="login_letters",
    )
    code_hash = models.CharField("mã băm", max_length=64, unique=True)
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người tạo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    expires_at = models.DateTimeField("hết hạn lúc")
    used_at = models.DateTimeField("đã dùng lúc", null=True, blank=True)
    revoked_at = models.DateTimeField("đã hủy lúc", null=True, blank=True)

    class Meta:
        verbose_name = "thư đăng nhập"
        verbose_name_plural = "thư đăng nhập"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Thư đăng nhập của {self.person}"
