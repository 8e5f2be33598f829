"""Every environment variable the code reads has a row in the README's configuration table."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# os.environ.get("X"), os.getenv("X"), os.environ["X"] (a read), env_bool("X", …) and the like.
READ = re.compile(
    r"""(?:os\.environ\.get|os\.getenv|\benv_\w+)\(\s*["']([A-Z][A-Z0-9_]+)["']"""
    r"""|os\.environ\[\s*["']([A-Z][A-Z0-9_]+)["']\s*\](?!\s*=[^=])"""
)
# Set for the program itself, not configuration.
NOT_CONFIGURATION = {"DJANGO_SETTINGS_MODULE"}


def variables_read() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in sorted((ROOT / "hoinghi").rglob("*.py")):
        for match in READ.finditer(path.read_text(encoding="utf-8")):
            name = match.group(1) or match.group(2)
            found.setdefault(name, str(path.relative_to(ROOT)))
    return {k: v for k, v in found.items() if k not in NOT_CONFIGURATION}


def variables_documented() -> set[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text.split("| variable | default | meaning |", 1)[1].split("\n\n", 1)[0]
    names: set[str] = set()
    for row in table.splitlines():
        cells = row.split("|")
        if len(cells) > 2:
            names.update(re.findall(r"`([A-Z][A-Z0-9_]+)`", cells[1]))
    return names


def test_the_scan_finds_the_variables_of_the_settings() -> None:
    read = variables_read()
    assert {"DATABASE_URL", "SECRET_KEY", "HOINGHI_VAR_DIR", "DB_CONN_MAX_AGE"} <= set(read)


def test_every_variable_read_is_in_the_readme_table() -> None:
    missing = {
        name: where
        for name, where in variables_read().items()
        if name not in variables_documented()
    }
    assert not missing, f"variables read but not in README.md's configuration table: {missing}"
