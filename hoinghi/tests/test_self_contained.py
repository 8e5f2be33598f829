"""The repository explains itself: no file points at a design document outside it.

What the code relies on is written in ``docs/`` (the legal reference in ``docs/domain/``, the
architecture, the reliability plan, the benchmarks); a reference to a document that lives
elsewhere, or to a folder beside the repository, fails here.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUTSIDE_NAMES = ("DOMAIN", "ARCHITECTURE", "STYLE", "RELIABILITY", "PERFORMANCE", "PEERS")
# Built from parts so that this file does not match itself.
OUTSIDE = re.compile(
    r"\b(?:" + "|".join(OUTSIDE_NAMES) + r")(?:\.md\b|\s+§)" + "|" + re.escape("../" + "shared")
)
DOC_LINK = re.compile(r"\bdocs/[\w./-]+\.md\b")


def tracked_text_files() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    suffixes = {".py", ".md", ".html", ".yaml", ".yml", ".txt", ".toml", ".js", ".css", ""}
    return [ROOT / name for name in listed if Path(name).suffix in suffixes]


def test_no_file_points_at_a_document_outside_the_repository() -> None:
    found = []
    for path in tracked_text_files():
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), 1):
            if OUTSIDE.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:100]}")
    assert found == []


def test_every_docs_file_named_in_the_repository_exists() -> None:
    missing = set()
    for path in tracked_text_files():
        if not path.is_file():
            continue
        for name in DOC_LINK.findall(path.read_text(encoding="utf-8", errors="replace")):
            if not (ROOT / name).exists():
                missing.add(f"{path.relative_to(ROOT)} → {name}")
    assert sorted(missing) == []
