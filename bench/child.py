"""A benchmark's seeding step run in a child process against a throwaway database.

The child is the benchmark script itself, started with a ``--child-…`` argument and
``DATABASE_URL`` set; its last line of output is its result as JSON.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

PROJECT_DIR = Path(__file__).resolve().parents[1]


def run_child(script: str, database_url: str, *args: str, timeout: float) -> dict[str, Any]:
    """Run ``script`` with ``args`` against ``database_url``; the JSON of its last line."""
    done = subprocess.run(
        [sys.executable, script, *args],
        env={**os.environ, "DATABASE_URL": database_url},
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-3000:])
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result
