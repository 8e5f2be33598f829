"""The server's public address: what printed QR codes and links carry.

Phones must reach the server at the address a QR carries, so it is the configured
``HOINGHI_PUBLIC_URL`` (the hall's LAN address, or the agency's public name), not the address
the page happened to be opened from: a letter or invitation printed on the server itself
would otherwise point at 127.0.0.1. Unset, the address of the request is used.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def public_url(request: HttpRequest | None, path: str) -> str:
    """``path`` on the configured public address, else on the address of ``request``."""
    base = getattr(settings, "HOINGHI_PUBLIC_URL", "")
    if base:
        return f"{base}{path}"
    return request.build_absolute_uri(path) if request is not None else path
