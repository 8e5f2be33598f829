"""QR codes of the hall: an SVG of a URL on the hall server's public address.

Phones must reach the server at the address the QR carries, so it is the configured
``HOINGHI_PUBLIC_URL`` (the hall's LAN address), not the address the page happened to be
opened from (an invitation printed on the server itself would otherwise point at 127.0.0.1).
"""

from __future__ import annotations

import segno
from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse


def public_url(request: HttpRequest | None, path: str) -> str:
    """``path`` on the configured public address, else on the address of ``request``."""
    base = getattr(settings, "HOINGHI_PUBLIC_URL", "")
    if base:
        return f"{base}{path}"
    return request.build_absolute_uri(path) if request is not None else path


def checkin_url(request: HttpRequest | None, code: str) -> str:
    return public_url(request, reverse("conference:checkin-by-code", args=[code]))


def qr_svg(url: str, *, scale: int = 5, title: str = "Mã QR điểm danh") -> str:
    """Inline SVG (no XML declaration, no style attribute), dark on light, readable by phone
    cameras; its view box lets a stylesheet size it (the projector draws it large)."""
    code = segno.make(url, error="m")
    size = code.symbol_size(scale=scale)[0]
    svg = str(code.svg_inline(scale=scale, title=title))
    return svg.replace("<svg ", f'<svg viewBox="0 0 {size} {size}" role="img" ', 1)
