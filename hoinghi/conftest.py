"""Fixtures for every app: the persona world, and Debian's Chromium through Playwright."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

# Every registered audit action is written by some test (hoinghi/audit/tests/coverage.py).
from hoinghi.audit.tests.coverage import (  # noqa: F401
    audit_actions_written,
    pytest_deselected,
    pytest_sessionfinish,
)
from hoinghi.testing import World, build_world


def _test_secret_key() -> None:
    """A random key per test run instead of the public development key: servers the tests
    start (gunicorn with DEBUG off) refuse the public key, and get this one from the
    environment."""
    from django.conf import settings

    if settings.SECRET_KEY == settings.DEVELOPMENT_SECRET_KEY:
        import secrets

        os.environ["SECRET_KEY"] = settings.SECRET_KEY = secrets.token_urlsafe(64)


_test_secret_key()

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
]


@pytest.fixture(autouse=True)
def fast_password_hashing(settings: Any) -> None:
    """Strong hashing makes every persona cost ~100 ms; tests need none of its strength."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(db: None) -> World:
    return build_world()


def chromium_path() -> str | None:
    for candidate in (
        os.environ.get("HOINGHI_CHROMIUM"),
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
    ):
        if candidate and shutil.which(candidate):
            return candidate
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, launched by path; skipped only where it is absent."""
    path = chromium_path()
    if path is None:
        pytest.skip(
            "Chromium của Debian chưa được cài (apt-get install chromium): bỏ qua kiểm thử trình duyệt."
        )
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    # Playwright gives each launch a fresh, empty profile of its own.
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def phone_page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(
        locale="vi-VN", viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
