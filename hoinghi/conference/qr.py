"""The invitation's QR code: an SVG of the check-in URL that carries the personal code."""

from __future__ import annotations

import segno
from django.http import HttpRequest
from django.urls import reverse


def checkin_url(request: HttpRequest, code: str) -> str:
    return request.build_absolute_uri(reverse("conference:checkin-by-code", args=[code]))


def qr_svg(url: str) -> str:
    """Inline SVG (no XML declaration), dark on light, readable by phone cameras."""
    return str(segno.make(url, error="m").svg_inline(scale=5, title="Mã QR điểm danh"))
