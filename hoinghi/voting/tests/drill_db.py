"""A throwaway database for the drill tests, of the same kind as the test run's.

SQLite: a file in a temporary folder (the test database lives in memory, where threads and
server processes cannot share it). PostgreSQL: a new database beside the test database,
dropped at the end.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings


def on_postgres() -> bool:
    return "postgresql" in str(settings.DATABASES["default"]["ENGINE"])


@contextmanager
def drill_database(folder: Path) -> Iterator[str]:
    if not on_postgres():
        yield f"sqlite:///{folder / 'drill.sqlite3'}"
        return
    import psycopg

    server = os.environ["DATABASE_URL"].split("?", 1)[0].rsplit("/", 1)[0]
    maintenance = server + "/postgres"
    name = f"hoinghi_drill_{os.getpid()}_{secrets.token_hex(3)}"
    with psycopg.connect(maintenance, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{server}/{name}"
    finally:
        with psycopg.connect(maintenance, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
