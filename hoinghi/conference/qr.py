"""QR codes of the hall: an SVG of a URL on the hall server's public address.

Phones must reach the server at the address the QR carries, so it is the configured
``HOINGHI_PUBLIC_URL`` (see ``hoinghi.org.public_address``), not the address the page
happened to be opened from.
"""

from __future__ import annotations

import segno
from django.http import HttpRequest
from django.urls import reverse

from hoinghi.org.public_address import public_url

__all__ = ["checkin_url", "public_url", "qr_svg"]


def checkin_url(request: HttpRequest | None, code: str) -> str:
    return public_url(request, reverse("conference:checkin-by-code", args=[code]))


def qr_svg(url: str, *, scale: int = 5, title: str = "Mã QR điểm danh") -> str:
    """Inline SVG (no XML declaration, no style attribute), dark on light, readable by phone
    cameras; its view box lets a stylesheet size it (the projector draws it large)."""
    code = segno.make(url, error="m")
    size = code.symbol_size(scale=scale)[0]
    svg = str(code.svg_inline(scale=scale, title=title))
    return svg.replace("<svg ", f'<svg viewBox="0 0 {size} {size}" role="img" ', 1)
