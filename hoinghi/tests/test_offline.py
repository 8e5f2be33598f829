"""Offline-first: every asset is served by the application itself, nothing from the internet."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

ROOT = Path(__file__).resolve().parents[1]
EXTERNAL = re.compile(r"""(src|href)\s*=\s*["']?(https?:)?//""", re.IGNORECASE)
CSS_IMPORT = re.compile(r"""url\(\s*["']?(https?:)?//|@import\s+["']?(https?:)?//""", re.IGNORECASE)


def test_the_site_stylesheet_is_found_by_the_static_files_finders() -> None:
    assert finders.find("hoinghi/site.css")


@pytest.mark.parametrize("suffix", [".html", ".css", ".js"])
def test_no_template_or_asset_loads_anything_from_another_host(suffix: str) -> None:
    offenders = []
    for path in ROOT.rglob(f"*{suffix}"):
        text = path.read_text(encoding="utf-8", errors="replace")
        pattern = EXTERNAL if suffix == ".html" else CSS_IMPORT
        if pattern.search(text):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
