"""The login letter's QR code: an inline SVG of the set-your-password address with its code."""

from __future__ import annotations

import segno
from django.http import HttpRequest
from django.urls import reverse

from hoinghi.org.public_address import public_url


def set_password_url(request: HttpRequest | None, code: str) -> str:
    """The set-your-password address with its code, on the server's public address."""
    return public_url(request, reverse("set-password-code", args=[code]))


def qr_svg(url: str) -> str:
    return str(segno.make(url, error="m").svg_inline(scale=4, title="Mã QR đặt mật khẩu"))
