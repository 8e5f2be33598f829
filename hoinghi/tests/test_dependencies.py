"""The dependency picture of the README, enforced: imports and model foreign keys run one way.

The README holds the picture as lines of arrows under a ``<!-- dependencies -->`` marker;
``a ← b`` reads "b may use a". Each app may use what lies below it, transitively.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from django.apps import apps

ROOT = Path(__file__).resolve().parents[1]
README = ROOT.parent / "README.md"
SHARED = {
    "vietnamese",
    "refusals",
    "actors",
    "testing",
    "settings",
    "conftest",
    "__init__",
    "security",
}


def picture_edges(text: str) -> dict[str, set[str]]:
    """Direct uses from the README's picture: app → the apps it may use directly."""
    block = text.split("<!-- dependencies -->", 1)[1].split("```")[1]
    uses: dict[str, set[str]] = {}
    for line in block.strip().splitlines():
        steps = [part.strip() for part in line.split("←")]
        for lower, higher in zip(steps, steps[1:], strict=False):
            for low in re.split(r",\s*", lower):
                for high in re.split(r",\s*", higher):
                    uses.setdefault(high, set()).add(low)
                    uses.setdefault(low, set())
    return uses


def closure(uses: dict[str, set[str]]) -> dict[str, set[str]]:
    allowed: dict[str, set[str]] = {}
    for app in uses:
        seen: set[str] = set()
        todo = list(uses[app])
        while todo:
            other = todo.pop()
            if other not in seen:
                seen.add(other)
                todo.extend(uses.get(other, ()))
        allowed[app] = seen
    return allowed


ALLOWED = closure(picture_edges(README.read_text(encoding="utf-8")))


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


def test_the_picture_names_every_app_and_has_no_cycle() -> None:
    packages = {p.parent.name for p in ROOT.glob("*/apps.py")} | {"law"}
    assert set(ALLOWED) == packages
    assert [app for app, below in ALLOWED.items() if app in below] == []


def test_the_picture_reads_as_the_readme_says() -> None:
    assert ALLOWED["law"] == set()
    assert "emulation" not in ALLOWED["voting"] and "voting" in ALLOWED["emulation"]
    assert {"emulation", "voting", "plans"} <= ALLOWED["conference"]
    assert "documents" not in ALLOWED["conference"] and "reports" not in ALLOWED["documents"]


@pytest.mark.parametrize("app", sorted(ALLOWED))
def test_app_imports_only_what_lies_below_it(app: str) -> None:
    bad: list[str] = []
    for path in (ROOT / app).rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        for other in imported_apps(path) - ALLOWED[app] - SHARED - {app}:
            bad.append(f"{path.relative_to(ROOT)} imports hoinghi.{other}")
    assert bad == []


def test_model_foreign_keys_point_only_below() -> None:
    bad: list[str] = []
    for model in apps.get_models():
        app = model._meta.app_label
        if app not in ALLOWED:
            continue
        for field in model._meta.get_fields():
            target = getattr(field, "related_model", None)
            if not field.is_relation or field.auto_created or target is None:
                continue
            other = target._meta.app_label
            if other in ALLOWED and other != app and other not in ALLOWED[app]:
                bad.append(f"{model.__name__}.{field.name} → {other}.{target.__name__}")
    assert bad == []
