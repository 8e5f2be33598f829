"""Deployment as docs/deploy.md describes it: two app servers on one database, and backups.

* Two gunicorn instances on two ports against one PostgreSQL: votes, the same votes retried
  on the other server, and the projectors' live state spread over both. Every vote is
  recorded once and both servers answer the same live state (the versions live in the
  database, so no cache needs sharing).
* A backup and its restore, opened by the application: SQLite through the backup API,
  PostgreSQL through ``pg_dump -Fc`` and ``pg_restore`` into a fresh database. Every table's
  row count is equal, and the drill's verification (Django's ORM) reads the same poll.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from hoinghi.voting import drill
from hoinghi.voting.tests.drill_db import drill_database, on_postgres

VOTERS = 60


def _server_url() -> str:
    return os.environ["DATABASE_URL"].split("?", 1)[0].rsplit("/", 1)[0]


def _states(port: int, poll: int, session: str) -> tuple[Any, ...]:
    status, body = drill.get(port, f"/bieu-quyet/{poll}/trang-thai.json", session)
    assert status == 200, body[:200]
    data = json.loads(body)
    return data["ballots_cast"], data["state"], data["version"]


@pytest.mark.postgres
@pytest.mark.skipif(not on_postgres(), reason="two servers share one PostgreSQL")
def test_two_app_servers_record_every_vote_once_and_show_one_state(tmp_path: Path) -> None:
    with drill_database(tmp_path) as url:
        seeded = drill.run_child(url, "prepare", "--voters", str(VOTERS), "--polls", "1")
        poll, manager, sessions = seeded["poll"], seeded["manager_session"], seeded["sessions"]
        servers = [drill.Server(url, workers=1, threads=4).start() for _ in range(2)]
        ports = [s.port for s in servers]
        try:
            before = [_states(port, poll, manager) for port in ports]
            assert before[0] == before[1] and before[0][0] == 0

            def vote(index: int) -> tuple[int, int, str, str]:
                key = drill.vote_key(poll, index)
                first = drill.post_vote(ports[index % 2], poll, sessions[index], key)
                # The same vote sent again to the other server (a phone that lost the answer).
                again = drill.post_vote(ports[(index + 1) % 2], poll, sessions[index], key)
                reader = _states(ports[(index + 1) % 2], poll, manager)  # a projector reads
                assert reader[0] >= 1
                return (
                    first.status,
                    again.status,
                    first.body.get("receipt", ""),
                    again.body.get("receipt", ""),
                )

            with ThreadPoolExecutor(max_workers=12) as pool:
                answers = list(pool.map(vote, range(VOTERS)))
            after = [_states(port, poll, manager) for port in ports]
        finally:
            for server in servers:
                server.stop()
        assert {a[0] for a in answers} == {200}
        assert {a[1] for a in answers} == {200}, "a retry on the other server is the same vote"
        assert all(a[2] and a[2] == a[3] for a in answers), "both servers give one receipt"
        report = drill.verify_direct(url, poll)
        assert report["counter"] == report["participations"] == report["ballots"] == VOTERS
        assert report["distinct_voters"] == VOTERS
        assert after[0] == after[1], "both servers show the same live state"
        assert after[0][0] == VOTERS


# --- Backups --------------------------------------------------------------------------------


def _sqlite_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchall()[0][0] for t in tables}
    finally:
        conn.close()


def _postgres_counts(url: str) -> dict[str, int]:
    import psycopg

    with psycopg.connect(url) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchall()[0][0] for t in tables}


def _seed(url: str) -> dict[str, Any]:
    """A database the application wrote: an agency, voters, a poll voted on by a few."""
    seeded = drill.run_child(url, "prepare", "--voters", "25", "--polls", "2")
    server = drill.Server(url, workers=1, threads=2).start()
    try:
        for index in range(10):
            poll = seeded["polls"][0]
            assert (
                drill.post_vote(
                    server.port, poll, seeded["sessions"][index], drill.vote_key(poll, index)
                ).status
                == 200
            )
    finally:
        server.stop()
    return seeded


def test_sqlite_backup_restores_to_a_file_the_application_opens(tmp_path: Path) -> None:
    live = tmp_path / "hoinghi.sqlite3"
    seeded = _seed(f"sqlite:///{live}")
    backup = tmp_path / "backup" / "hoinghi-backup.sqlite3"
    backup.parent.mkdir()
    # What docs/deploy.md runs nightly: the backup API copies a consistent snapshot even while
    # the server writes (sqlite3's `.backup` command is the same API).
    source, target = sqlite3.connect(live), sqlite3.connect(backup)
    with target:
        source.backup(target)
    source.close()
    target.close()
    restored = tmp_path / "restored.sqlite3"
    shutil.copyfile(backup, restored)
    assert sqlite3.connect(restored).execute("PRAGMA integrity_check").fetchall()[0][0] == "ok"
    expected = _sqlite_counts(live)
    assert expected["voting_ballot"] == 10 and expected["org_person"] == 26
    assert _sqlite_counts(restored) == expected
    poll = seeded["polls"][0]
    assert drill.run_child(
        f"sqlite:///{restored}", "verify", "--poll", str(poll)
    ) == drill.run_child(f"sqlite:///{live}", "verify", "--poll", str(poll))


@contextmanager
def _fresh_postgres_database() -> Iterator[str]:
    import psycopg

    name = f"hoinghi_restore_{os.getpid()}_{secrets.token_hex(3)}"
    with psycopg.connect(f"{_server_url()}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{_server_url()}/{name}"
    finally:
        with psycopg.connect(f"{_server_url()}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.postgres
@pytest.mark.skipif(not on_postgres(), reason="needs the PostgreSQL test run")
@pytest.mark.skipif(
    not (shutil.which("pg_dump") and shutil.which("pg_restore")),
    reason="pg_dump and pg_restore are not installed (Debian: postgresql-client)",
)
def test_postgres_dump_restores_into_a_fresh_database_the_application_opens(
    tmp_path: Path,
) -> None:
    with drill_database(tmp_path) as url:
        seeded = _seed(url)
        dump = tmp_path / "hoinghi.dump"
        subprocess.run(
            ["pg_dump", "-Fc", "--no-owner", "-f", str(dump), "-d", url],
            check=True,
            timeout=120,
        )
        expected = _postgres_counts(url)
        poll = seeded["polls"][0]
        original = drill.run_child(url, "verify", "--poll", str(poll))
        with _fresh_postgres_database() as fresh:
            subprocess.run(
                ["pg_restore", "--no-owner", "--exit-on-error", "-d", fresh, str(dump)],
                check=True,
                timeout=120,
            )
            assert expected["voting_ballot"] == 10 and expected["org_person"] == 26
            assert _postgres_counts(fresh) == expected
            assert drill.run_child(fresh, "verify", "--poll", str(poll)) == original
