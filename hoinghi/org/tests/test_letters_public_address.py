"""Login letters carry the server's configured public address, in their text and their QR code,
not the address the clerk's browser opened the page from."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
import segno
from django.test import Client
from django.urls import reverse
from docx import Document

from hoinghi.conference.qr import public_url as conference_public_url
from hoinghi.org.accounts.qr import qr_svg
from hoinghi.org.public_address import public_url
from hoinghi.org.tests.test_accounts import imported
from hoinghi.testing import World

pytestmark = pytest.mark.django_db

HALL = "http://192.168.1.10:8000"


def _clerk(world: World) -> Client:
    client = Client()
    client.force_login(world.clerk)
    return client


def test_the_printed_letters_point_phones_at_the_public_address(
    world: World, settings: Any
) -> None:
    settings.HOINGHI_PUBLIC_URL = HALL
    imported(world, 2)
    html = (
        _clerk(world)
        .post(
            reverse("org:accounts", args=[world.agency.code]),
            {"unit": world.board.code, "action": "create"},
        )
        .content.decode()
    )
    urls = sorted(set(re.findall(rf"{re.escape(HALL)}/[^\s\"<]+", html)))
    codes = re.findall(r'<td class="code">([A-Z0-9-]{14})</td>', html)
    assert len(codes) == 2
    letter_urls = [HALL + reverse("set-password-code", args=[code]) for code in codes]
    assert set(letter_urls) <= set(urls)
    assert "testserver" not in html  # the address the test client opened the page from
    for url in letter_urls:
        assert qr_svg(url) in html  # the QR encodes the public address with the code


def test_the_word_letters_carry_the_public_address_in_their_qr_image(
    world: World, settings: Any
) -> None:
    settings.HOINGHI_PUBLIC_URL = HALL
    imported(world, 1)
    response = _clerk(world).post(
        reverse("org:accounts", args=[world.agency.code]),
        {"unit": world.board.code, "action": "create", "format": "docx"},
    )
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    (code,) = re.findall(r"Mã dùng một lần: ([A-Z0-9-]{14})", text)
    url = HALL + reverse("set-password-code", args=[code])
    assert f"hoặc mở {url}" in text and f"Đăng nhập tại {HALL}/" in text
    assert "testserver" not in text
    (image,) = [
        part.blob for part in document.part.related_parts.values() if "image" in part.content_type
    ]
    expected = io.BytesIO()
    segno.make(url, error="m").save(expected, kind="png", scale=8, border=2)
    assert image == expected.getvalue()


def test_without_a_public_address_the_request_address_is_used(settings: Any) -> None:
    from django.test import RequestFactory

    settings.HOINGHI_PUBLIC_URL = ""
    settings.ALLOWED_HOSTS = ["hoinghi.local"]
    request = RequestFactory().get("/", HTTP_HOST="hoinghi.local")
    assert public_url(request, "/a/") == "http://hoinghi.local/a/"
    settings.HOINGHI_PUBLIC_URL = HALL
    assert public_url(request, "/a/") == f"{HALL}/a/"
    assert conference_public_url is public_url  # the hall's QR codes use the same address
