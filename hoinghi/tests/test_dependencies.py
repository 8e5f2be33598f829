"""The dependency direction of ARCHITECTURE.md: law ← org ← plans ← evaluation ← emulation;
voting ← conference, emulation; documents and reports read everything and nothing imports them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# For each app, the hoinghi packages it may import.
ALLOWED = {
    "law": set(),
    "audit": set(),
    "org": {"law", "audit"},
    "plans": {"law", "audit", "org"},
    "evaluation": {"law", "audit", "org", "plans"},
    "voting": {"law", "audit", "org"},
    "emulation": {"law", "audit", "org", "plans", "evaluation", "voting"},
    "conference": {"law", "audit", "org", "plans", "voting", "evaluation", "emulation"},
    "documents": {
        "law",
        "audit",
        "org",
        "plans",
        "evaluation",
        "voting",
        "emulation",
        "conference",
    },
    "reports": {
        "law",
        "audit",
        "org",
        "plans",
        "evaluation",
        "voting",
        "emulation",
        "conference",
        "documents",
    },
}
SHARED = {"vietnamese", "testing", "settings", "conftest", "__init__"}


def imported_apps(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "hoinghi" and len(parts) > 1:
                found.add(parts[1])
    return found


@pytest.mark.parametrize("app", sorted(ALLOWED))
def test_app_imports_only_what_lies_below_it(app: str) -> None:
    bad: list[str] = []
    for path in (ROOT / app).rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        for other in imported_apps(path) - ALLOWED[app] - SHARED - {app}:
            bad.append(f"{path.relative_to(ROOT)} imports hoinghi.{other}")
    assert bad == []
