"""The law package imports no Django: every module is imported in a clean interpreter."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import hoinghi.law

ROOT = Path(hoinghi.law.__file__).resolve().parents[2]


def _law_modules() -> list[str]:
    return sorted(
        info.name
        for info in pkgutil.walk_packages(hoinghi.law.__path__, "hoinghi.law.")
        if ".tests" not in info.name
    )


def test_no_module_of_the_law_imports_django() -> None:
    modules = _law_modules()
    assert "hoinghi.law.conference" in modules and "hoinghi.law.calendar" in modules
    script = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))))\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert json.loads(completed.stdout.strip().splitlines()[-1]) == []
