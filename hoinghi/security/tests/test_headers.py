"""A strict Content-Security-Policy and the other security headers on every page, for every
persona; no template holds an inline script, style or event handler."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.test import Client
from django.urls import get_resolver

from hoinghi.testing import World
from hoinghi.tests.test_security import concrete, walk

ROOT = Path(__file__).resolve().parents[2]


def assert_strict(response, url: str) -> None:
    policy = response.get("Content-Security-Policy", "")
    directives = dict(
        (part.split(" ", 1) + [""])[:2] for part in (p.strip() for p in policy.split(";")) if part
    )
    assert directives.get("default-src") == "'self'", (url, policy)
    assert directives.get("script-src") == "'self'", (url, policy)
    assert directives.get("style-src") == "'self'", (url, policy)
    assert directives.get("frame-ancestors") == "'none'", (url, policy)
    assert directives.get("object-src") == "'none'", (url, policy)
    assert "unsafe" not in policy, (url, policy)
    assert response["X-Content-Type-Options"] == "nosniff", url
    assert response["Referrer-Policy"] in ("same-origin", "no-referrer"), url
    assert response["X-Frame-Options"] == "DENY", url


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href") or ""
        if tag == "a" and href.startswith("/") and not href.startswith("//"):
            self.hrefs.append(href.split("#")[0])


def crawl(client: Client, start: str, limit: int) -> int:
    seen: set[str] = set()
    todo = [start]
    while todo and len(seen) < limit:
        url = todo.pop(0)
        if url in seen or "/dang-xuat/" in url:
            continue
        seen.add(url)
        response = client.get(url)
        assert_strict(response, url)
        if response.status_code == 200 and "text/html" in response["Content-Type"]:
            parser = Links()
            parser.feed(response.content.decode())
            todo.extend(h for h in parser.hrefs if h not in seen)
    return len(seen)


@pytest.mark.django_db
def test_every_url_pattern_answers_with_the_headers(world: World) -> None:
    for user in (None, world.admin):
        client = Client(raise_request_exception=False)
        if user is not None:
            client.force_login(user)
        checked = 0
        for route, _name in walk(get_resolver().url_patterns):
            if "(?" in route:
                continue
            url = concrete(route)
            assert_strict(client.get(url), url)
            checked += 1
        assert checked > 50


@pytest.mark.django_db
@pytest.mark.parametrize(
    "persona", ["admin", "clerk", "leader", "head", "colleague", "council", "stranger"]
)
def test_pages_a_persona_reaches_from_home_carry_the_policy(world: World, persona: str) -> None:
    client = Client()
    client.force_login(getattr(world, persona))
    assert crawl(client, "/", limit=25) >= 3


INLINE = [
    (
        re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I),
        "inline script",
    ),
    (re.compile(r"<style\b", re.I), "style element"),
    (re.compile(r"\sstyle\s*=", re.I), "style attribute"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "event handler attribute"),
    (re.compile(r"javascript:", re.I), "javascript: URL"),
]


def test_no_template_holds_inline_script_or_style() -> None:
    bad = []
    for template in sorted(ROOT.rglob("templates/**/*.html")):
        text = template.read_text(encoding="utf-8")
        for pattern, what in INLINE:
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                bad.append(f"{template.relative_to(ROOT)}:{line}: {what}")
    assert bad == []
