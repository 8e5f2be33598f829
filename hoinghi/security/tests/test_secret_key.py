"""With DEBUG off, a missing, public or weak SECRET_KEY fails `check --deploy` and stops the
WSGI application from starting; `hoinghi serve` keeps a random key in var/secret_key."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from hoinghi.org.management.commands.serve import ensure_key_file

GOOD_KEY = "k3y-" + "a1B2c3D4e5F6g7H8" * 4


def run(code: list[str], tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG")}
    clean.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    clean.update(
        {
            "DJANGO_SETTINGS_MODULE": "hoinghi.settings",
            "HOINGHI_SECRET_KEY_FILE": str(tmp_path / "secret_key"),
            "DEBUG": "false",
            **env,
        }
    )
    return subprocess.run(
        [sys.executable, *code], env=clean, capture_output=True, text=True, timeout=120
    )


def deploy_check(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return run(["-m", "django", "check", "--deploy"], tmp_path, **env)


@pytest.mark.parametrize(
    "key",
    ["", "hoinghi-insecure-development-key-set-SECRET_KEY-in-production", "ngan-qua", "a" * 60],
    ids=["missing", "public", "short", "one-letter"],
)
def test_the_deploy_check_refuses_a_missing_public_or_weak_key(tmp_path: Path, key: str) -> None:
    result = deploy_check(tmp_path, **({"SECRET_KEY": key} if key else {}))
    assert result.returncode != 0
    assert "hoinghi.E002" in result.stderr + result.stdout


def test_the_deploy_check_accepts_a_real_key(tmp_path: Path) -> None:
    result = deploy_check(tmp_path, SECRET_KEY=GOOD_KEY)
    assert "hoinghi.E002" not in result.stderr + result.stdout


def test_the_development_key_is_fine_with_debug_on(tmp_path: Path) -> None:
    result = deploy_check(tmp_path, DEBUG="true")
    assert "hoinghi.E002" not in result.stderr + result.stdout


@pytest.mark.parametrize("module", ["hoinghi.wsgi", "hoinghi.asgi"])
def test_the_server_refuses_to_start_on_the_public_key(tmp_path: Path, module: str) -> None:
    refused = run(["-c", f"import {module}"], tmp_path)
    assert refused.returncode != 0
    assert "ImproperlyConfigured" in refused.stderr and "SECRET_KEY" in refused.stderr
    started = run(["-c", f"import {module}; print('ok')"], tmp_path, SECRET_KEY=GOOD_KEY)
    assert started.returncode == 0 and started.stdout.strip() == "ok", started.stderr


def test_serve_keeps_one_random_key_readable_only_by_its_owner(tmp_path: Path) -> None:
    path = tmp_path / "var" / "secret_key"
    key = ensure_key_file(path)
    assert len(key) >= 80
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert ensure_key_file(path) == key  # kept, not regenerated
    assert ensure_key_file(tmp_path / "other") != key
    # The application reads it and starts with DEBUG off.
    started = run(
        ["-c", "import hoinghi.wsgi; from django.conf import settings; print(settings.SECRET_KEY)"],
        tmp_path,
        HOINGHI_SECRET_KEY_FILE=str(path),
    )
    assert started.returncode == 0, started.stderr
    assert started.stdout.strip() == key


def test_a_weak_key_file_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "secret_key"
    path.write_text("abc\n", encoding="utf-8")
    assert len(ensure_key_file(path)) >= 80
