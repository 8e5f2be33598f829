"""Deny by default: every URL refuses an anonymous visitor unless it is on the public list,
and the production settings pass Django's deployment checks."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from hoinghi.org.middleware import PUBLIC_URL_NAMES

SAMPLE = {
    "slug": "mau",
    "str": "mau",
    "int": "1",
    "path": "mau",
    "uuid": "00000000-0000-0000-0000-000000000001",
}


def walk(
    patterns: list[URLPattern | URLResolver], prefix: str = "", namespace: str = ""
) -> Iterator[tuple[str, str]]:
    for p in patterns:
        route = str(p.pattern)
        if isinstance(p, URLResolver):
            ns = (
                f"{namespace}:{p.namespace}"
                if namespace and p.namespace
                else (p.namespace or namespace)
            )
            yield from walk(p.url_patterns, prefix + route, ns or "")
        else:
            name = f"{namespace}:{p.name}" if namespace and p.name else (p.name or "")
            yield prefix + route, name


def concrete(route: str) -> str:
    route = re.sub(r"<(?:(\w+):)?\w+>", lambda m: SAMPLE.get(m.group(1) or "str", "mau"), route)
    route = route.lstrip("^").rstrip("$").replace("\\Z", "").replace("\\", "")
    return "/" + re.sub(r"\(\?P<\w+>[^)]*\)", "1", route)


@pytest.mark.django_db
def test_every_url_refuses_an_anonymous_visitor_unless_public() -> None:
    client = Client()
    checked = 0
    for route, name in walk(get_resolver().url_patterns):
        if name in PUBLIC_URL_NAMES or name.startswith("admin:") or "(?" in route:
            continue
        url = concrete(route)
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code in (302, 404, 405), (url, name, response.status_code)
            if response.status_code == 302:
                location = response["Location"]
                assert "/dang-nhap/" in location or "/quan-tri/login/" in location, (url, name)
        checked += 1
    assert checked >= 5


def test_the_production_settings_pass_the_deployment_checks() -> None:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hoinghi.settings",
        "DEBUG": "false",
        "SECRET_KEY": "z" * 20 + "-a-long-random-production-secret-with-entropy-1234567890",
        "ALLOWED_HOSTS": "hoinghi.example.vn",
        "HOINGHI_HTTPS": "true",
    }
    env.pop(
        "DJANGO_ALLOW_ASYNC_UNSAFE", None
    )  # set by the browser fixture for the test server only
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_law_registry_check_runs_at_start_up() -> None:
    from django.core import checks

    errors = [m for m in checks.run_checks(tags=["hoinghi"]) if m.level >= checks.ERROR]
    assert errors == []
