"""The curious administrator after a secret close (docs/reliability.md V8, docs/security.md).

A real gunicorn takes a burst of votes with resends (the same key again, another key, votes
after the close) on the test run's database kind, then closes the poll over HTTP. The test
then reads everything an administrator of the server can read without the application's
secret key and tries to link voters to choices, one method at a time:

sessions (decoded: session data is signed, not encrypted), audit entries, row order, hidden
columns (``rowid``; ``ctid``/``xmin``), the raw table files, the write-ahead log
(``pg_waldump`` and raw bytes), the PostgreSQL server log and the application's error log.

Each method either finds nothing to join on (0 linked, exactly), or produces a pairing whose
correct guesses must stay within what a blind pairing gets: for N voters whose choices are
known, a random pairing guesses right on average Σ n_c²/N voters; the bound is that plus six
standard deviations (a blind pairing exceeds it with probability below 10⁻⁸; a real link
recovers all N). The figures are printed (run with ``-s``) for docs/reliability.md.
"""

from __future__ import annotations

import math
import os
import random
import re
import sqlite3
import subprocess
import time
import zlib
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from django.core import signing

from hoinghi.voting import drill
from hoinghi.voting.tests.drill_db import drill_database, on_postgres

VOTERS = 60
CHOICES = ("for", "against", "abstain")
PG_DATA = Path(os.environ.get("HOINGHI_PG_DATA_DIR", "/var/lib/postgresql/15/main"))
PG_LOG = Path(os.environ.get("HOINGHI_PG_LOG", "/var/log/postgresql/postgresql-15-main.log"))
PG_WALDUMP = Path("/usr/lib/postgresql/15/bin/pg_waldump")
FIGURES: dict[str, str] = {}


class Scene:
    """One secret poll voted, resent, closed; what the administrator may read afterwards."""

    def __init__(self, url: str, folder: Path) -> None:
        self.url = url
        self.seeded = drill.run_child(url, "prepare", "--voters", str(VOTERS), "--polls", "2")
        self.poll, self.second = self.seeded["polls"]
        self.sessions: list[str] = self.seeded["sessions"]
        self.log = folder / "gunicorn.log"
        self.server = drill.Server(url, workers=2, threads=4, log=self.log).start()
        rng = random.Random(20261204)
        self.truth = [rng.choice(CHOICES) for _ in self.sessions]  # by session index
        self.people = self._people()
        self.pg_log_offset = PG_LOG.stat().st_size if on_postgres() and _readable(PG_LOG) else 0
        self.removed_ids: list[bytes] = []
        self.old_files: dict[str, Path] = {}

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        if self.url.startswith("sqlite"):
            with sqlite3.connect(self.sqlite_path, timeout=30) as conn:
                rows = list(conn.execute(sql.replace("%s", "?"), params))
            conn.close()
            return rows
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as pg:
            return list(pg.execute(sql, params).fetchall())  # type: ignore[arg-type]

    @property
    def sqlite_path(self) -> Path:
        return Path(self.url.split("sqlite:///", 1)[1])

    def _people(self) -> list[int]:
        """The voter (person id) behind each session, in session order."""
        agency = self.query("SELECT agency_id FROM voting_poll WHERE id = %s", [self.poll])[0][0]
        rows = self.query(
            "SELECT id FROM org_person WHERE agency_id = %s ORDER BY staff_code", [agency]
        )
        return [r[0] for r in rows][1:]  # the first is the manager

    def choice_of(self) -> dict[int, str]:
        return dict(zip(self.people, self.truth, strict=True))

    def vote_with_resends(self) -> dict[str, int]:
        port = self.server.port
        answers = drill.burst(
            port, self.poll, self.sessions, concurrency=8, choice_for=lambda i: self.truth[i]
        )
        assert [a.status for a in answers] == [200] * VOTERS, [a.body for a in answers][:3]

        def resend(i: int) -> int:  # the hall's Wi-Fi lost the answer: same key again
            key = drill.vote_key(self.poll, i)
            return drill.post_vote(
                port, self.poll, self.sessions[i], key, choice=self.truth[i]
            ).status

        def other_key(i: int) -> int:  # a second phone of the same voter: refused
            key = drill.vote_key(self.poll, i, 1)
            return drill.post_vote(port, self.poll, self.sessions[i], key).status

        with ThreadPoolExecutor(max_workers=8) as pool:
            resent = list(pool.map(resend, range(0, VOTERS, 2)))
            refused = list(pool.map(other_key, range(0, VOTERS, 5)))
        assert set(resent) == {200} and set(refused) == {409}
        return {"resent": len(resent), "refused": len(refused)}

    def remember_the_open_window(self) -> None:
        """What a copy taken during the window holds: the ballots' ids and files as they were."""
        if self.url.startswith("sqlite"):
            rows = self.query("SELECT id FROM voting_ballot WHERE poll_id = %s", [self.poll])
            self.removed_ids = [str(r[0]).encode() for r in rows]
            return
        rows = self.query("SELECT id FROM voting_ballot WHERE poll_id = %s", [self.poll])
        self.removed_ids = [r[0].bytes for r in rows]  # a uuid is 16 raw bytes on disk
        for table in ("voting_ballot", "voting_participation"):
            relative = self.query("SELECT pg_relation_filepath(%s)", [table])[0][0]
            self.old_files[table] = PG_DATA / relative

    def close(self) -> float:
        started = time.monotonic()
        answer = drill.close_over_http(self.server.port, self.poll, self.seeded["manager_session"])
        assert answer.status == 302
        return time.monotonic() - started


@pytest.fixture(scope="module")
def scene(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scene]:
    with drill_database(tmp_path_factory.mktemp("curious")) as url:
        scene = Scene(url, tmp_path_factory.mktemp("logs"))
        try:
            FIGURES["burst"] = str(scene.vote_with_resends())
            scene.remember_the_open_window()
            FIGURES["close_seconds"] = f"{scene.close():.2f}"
            late = drill.post_vote(
                scene.server.port, scene.poll, scene.sessions[1], drill.vote_key(scene.poll, 1)
            )
            assert late.status == 200 and late.body["repeated"] is True  # resent after close
            yield scene
        finally:
            scene.server.stop()
            print("\nCurious administrator,", "PostgreSQL" if on_postgres() else "SQLite", FIGURES)


# --- Linking strategies and the chance bound --------------------------------------------------


def chance_bound(truth: Sequence[str]) -> float:
    """Correct guesses of a blind pairing: mean Σ n_c²/N plus six standard deviations."""
    n = len(truth)
    shares = [truth.count(c) / n for c in set(truth)]
    mean = n * sum(p * p for p in shares)
    return mean + 6 * math.sqrt(n * 0.25)


def linked_by_pairing(
    scene: Scene, voters_in_order: Sequence[int], choices_in_order: Sequence[str]
) -> int:
    """Pair the i-th voter of one order with the i-th ballot of another; count right guesses."""
    truth = scene.choice_of()
    return sum(truth[v] == c for v, c in zip(voters_in_order, choices_in_order, strict=False))


def assert_no_better_than_chance(scene: Scene, method: str, linked: int) -> None:
    FIGURES[method] = f"{linked}/{VOTERS}"
    assert linked <= chance_bound(scene.truth), f"{method}: {linked} of {VOTERS} linked"


def ballots(scene: Scene) -> list[tuple[Any, ...]]:
    """(receipt, choice) of the poll's ballots."""
    return scene.query("SELECT receipt, choice FROM voting_ballot WHERE poll_id = %s", [scene.poll])


def physical(scene: Scene, table: str, columns: str) -> list[tuple[Any, ...]]:
    order = "rowid" if scene.url.startswith("sqlite") else "ctid"
    return scene.query(
        f"SELECT {columns} FROM {table} WHERE poll_id = %s ORDER BY {order}", [scene.poll]
    )


# --- The methods ------------------------------------------------------------------------------


def test_the_tally_is_whole(scene: Scene) -> None:
    report = drill.verify_direct(scene.url, scene.poll)
    assert report["counter"] == report["participations"] == report["ballots"] == VOTERS
    counted = sorted(c for _, c in ballots(scene))
    assert counted == sorted(scene.truth)


def test_sessions_hold_no_receipt(scene: Scene) -> None:
    codes = {r for r, _ in ballots(scene)}
    shown = {f"{c[:5]}-{c[5:]}" for c in codes}
    linked = 0
    for (data,) in scene.query("SELECT session_data FROM django_session"):
        text = _decoded_session(data)
        linked += any(code in text for code in codes | shown)
    FIGURES["sessions"] = f"{linked}/{VOTERS}"
    assert linked == 0


def test_audit_entries_hold_no_ballot_and_their_order_pairs_no_better_than_chance(
    scene: Scene,
) -> None:
    codes = {r for r, _ in ballots(scene)}
    entries = scene.query("SELECT actor_id, target_id, data FROM audit_auditentry ORDER BY id", [])
    assert not [e for e in entries if any(code in str(e) for code in codes)]
    user_to_person = dict(
        scene.query(
            "SELECT user_id, id FROM org_person WHERE id IN ({})".format(
                ",".join(str(p) for p in scene.people)
            )
        )
    )
    vote_order = [
        user_to_person[actor]
        for actor, target, _ in entries
        if target == str(scene.poll) and actor in user_to_person
    ]
    vote_order = list(dict.fromkeys(vote_order))
    assert len(vote_order) == VOTERS
    by_place = [c for (c,) in physical(scene, "voting_ballot", "choice")]
    assert_no_better_than_chance(
        scene, "audit order", linked_by_pairing(scene, vote_order, by_place)
    )


def test_row_order_pairs_no_better_than_chance(scene: Scene) -> None:
    people = [p for (p,) in physical(scene, "voting_participation", "person_id")]
    choices = [c for (c,) in physical(scene, "voting_ballot", "choice")]
    assert_no_better_than_chance(scene, "row order", linked_by_pairing(scene, people, choices))
    by_key = scene.query(
        "SELECT person_id FROM voting_participation WHERE poll_id = %s ORDER BY id", [scene.poll]
    )
    ballot_keys = scene.query(
        "SELECT choice FROM voting_ballot WHERE poll_id = %s ORDER BY id", [scene.poll]
    )
    assert_no_better_than_chance(
        scene,
        "primary key order",
        linked_by_pairing(scene, [p for (p,) in by_key], [c for (c,) in ballot_keys]),
    )


def test_hidden_columns_pair_no_better_than_chance(scene: Scene) -> None:
    if scene.url.startswith("sqlite"):
        people = scene.query(
            "SELECT person_id FROM voting_participation WHERE poll_id = %s ORDER BY rowid DESC",
            [scene.poll],
        )
        choices = scene.query(
            "SELECT choice FROM voting_ballot WHERE poll_id = %s ORDER BY rowid DESC", [scene.poll]
        )
        linked = linked_by_pairing(scene, [p for (p,) in people], [c for (c,) in choices])
        assert_no_better_than_chance(scene, "rowid", linked)
        return
    xmins = physical(scene, "voting_ballot", "xmin::text, choice")
    pxmins = physical(scene, "voting_participation", "xmin::text, person_id")
    by_xmin: dict[str, list[str]] = {}
    for x, c in xmins:
        by_xmin.setdefault(x, []).append(c)
    unique = sum(1 for x, _ in pxmins if len(by_xmin.get(x, [])) == 1)
    FIGURES["xmin joins"] = f"{unique}/{VOTERS}"
    assert unique == 0  # no participation shares its transaction with one ballot alone
    ordered = sorted(pxmins, key=lambda r: int(r[0]))
    ballots_ordered = sorted(xmins, key=lambda r: int(r[0]))
    linked = linked_by_pairing(scene, [p for _, p in ordered], [c for _, c in ballots_ordered])
    assert_no_better_than_chance(scene, "ctid/xmin", linked)


def test_the_raw_table_files_keep_no_removed_ballot_and_pair_no_better_than_chance(
    scene: Scene,
) -> None:
    if scene.url.startswith("sqlite"):
        wal = scene.sqlite_path.with_name(scene.sqlite_path.name + "-wal")
        ballot_bytes = participation_bytes = scene.sqlite_path.read_bytes()
        stale_sources = [ballot_bytes, wal.read_bytes() if wal.exists() else b""]
    else:
        current = {
            t: PG_DATA / scene.query("SELECT pg_relation_filepath(%s)", [t])[0][0]
            for t in ("voting_ballot", "voting_participation")
        }
        if not all(_readable(p) for p in current.values()):
            pytest.skip(f"PostgreSQL's data directory is not readable here ({PG_DATA})")
        _checkpoint(scene.url)  # the administrator flushes every page to the files first
        ballot_bytes = _relation_bytes(current["voting_ballot"])
        participation_bytes = _relation_bytes(current["voting_participation"])
        old = [_relation_bytes(p) for p in scene.old_files.values() if p.exists()]
        stale_sources = [ballot_bytes, participation_bytes, *old]
    stale = sum(any(i in blob for blob in stale_sources) for i in scene.removed_ids)
    FIGURES["removed ballots in table files"] = f"{stale}/{VOTERS}"
    assert stale == 0
    receipts = dict(ballots(scene))
    digests = dict(
        scene.query(
            "SELECT key_digest, person_id FROM voting_participation WHERE poll_id = %s",
            [scene.poll],
        )
    )
    by_offset = sorted((ballot_bytes.find(r.encode()), c) for r, c in receipts.items())
    people = sorted((participation_bytes.find(d.encode()), p) for d, p in digests.items())
    linked = linked_by_pairing(scene, [p for _, p in people], [c for _, c in by_offset])
    assert_no_better_than_chance(scene, "file bytes", linked)


def test_the_write_ahead_log_keeps_no_vote(scene: Scene) -> None:
    if scene.url.startswith("sqlite"):
        wal = scene.sqlite_path.with_name(scene.sqlite_path.name + "-wal")
        data = wal.read_bytes() if wal.exists() else b""
        stale = sum(i in data for i in scene.removed_ids)
        FIGURES["WAL"] = f"{stale}/{VOTERS} (size {len(data)} bytes)"
        assert stale == 0
        return
    folder = PG_DATA / "pg_wal"
    if not _readable(folder):
        pytest.skip(f"PostgreSQL's pg_wal is not readable here ({folder})")
    segments = sorted(p for p in folder.iterdir() if re.fullmatch(r"[0-9A-F]{24}", p.name))
    blobs = [p.read_bytes() for p in segments]
    raw = sum(any(i in blob for blob in blobs) for i in scene.removed_ids)
    FIGURES["WAL raw bytes"] = f"{raw}/{VOTERS} ({len(segments)} segments)"
    assert raw == 0
    if not PG_WALDUMP.exists():
        pytest.skip(f"{PG_WALDUMP} is not installed")
    old_nodes = {p.name.split(".")[0] for p in scene.old_files.values()}
    dumped = subprocess.run(
        [str(PG_WALDUMP), "--path", str(folder), segments[0].name],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    inserts: dict[str, set[str]] = {}
    for line in dumped.splitlines():
        found = re.search(r"tx:\s+(\d+).*INSERT.*rel \d+/\d+/(\d+)", line)
        if found and found.group(2) in old_nodes:
            inserts.setdefault(found.group(1), set()).add(found.group(2))
    linked = sum(1 for nodes in inserts.values() if len(nodes) == 2)
    FIGURES["WAL pg_waldump"] = f"{linked}/{VOTERS} ({len(dumped.splitlines())} records read)"
    assert linked == 0


def test_the_logs_hold_no_vote(scene: Scene) -> None:
    codes = {r for r, _ in ballots(scene)}
    app_log = scene.log.read_text(errors="replace") if scene.log.exists() else ""
    in_app = sum(code in app_log for code in codes)
    FIGURES["application log"] = f"{in_app}/{VOTERS}"
    assert in_app == 0
    if not on_postgres():
        return
    if not _readable(PG_LOG):
        pytest.skip(f"the PostgreSQL server log is not readable here ({PG_LOG})")
    with PG_LOG.open("rb") as log:
        log.seek(scene.pg_log_offset)
        text = log.read().decode(errors="replace")
    digests = [d for (d,) in scene.query("SELECT key_digest FROM voting_participation")]
    linked = sum(code in text for code in codes) + sum(d in text for d in digests)
    FIGURES["server log"] = f"{linked}/{VOTERS} ({len(text)} bytes written meanwhile)"
    assert linked == 0 and "voting_cast_vote" not in text


# --- SQLite: a long reader does not hold the close ------------------------------------------


@pytest.mark.skipif(on_postgres(), reason="SQLite readers and checkpoints")
def test_a_long_reader_neither_hangs_the_close_nor_keeps_the_votes_in_the_files(
    scene: Scene,
) -> None:
    port, poll = scene.server.port, scene.second
    answers = drill.burst(port, poll, scene.sessions[:30], concurrency=8)
    assert all(a.status == 200 for a in answers)
    removed = [
        str(r[0]).encode()
        for r in scene.query("SELECT id FROM voting_ballot WHERE poll_id = %s", [poll])
    ]
    reader = sqlite3.connect(scene.sqlite_path, timeout=30, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM voting_ballot").fetchone()  # holds its snapshot
    started = time.monotonic()
    answer = drill.close_over_http(port, poll, scene.seeded["manager_session"])
    seconds = time.monotonic() - started
    FIGURES["close with a long reader (s)"] = f"{seconds:.2f}"
    assert answer.status == 302 and seconds < 5
    reader.execute("COMMIT")
    reader.close()
    wal = scene.sqlite_path.with_name(scene.sqlite_path.name + "-wal")
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and wal.exists() and wal.stat().st_size > 0:
        time.sleep(0.2)
    assert not wal.exists() or wal.stat().st_size == 0  # the background retry emptied it
    stored = scene.sqlite_path.read_bytes()
    assert not [i for i in removed if i in stored]


# --- Reading what the administrator reads ----------------------------------------------------


def _checkpoint(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as pg:
        pg.execute("CHECKPOINT")


def _readable(path: Path) -> bool:
    return path.exists() and os.access(path, os.R_OK)


def _relation_bytes(path: Path) -> bytes:
    """The main fork and its 1 GB continuation files, if any."""
    blob = path.read_bytes() if path.exists() else b""
    for extra in sorted(path.parent.glob(path.name + ".*")):
        if extra.name.split(".")[-1].isdigit():
            blob += extra.read_bytes()
    return blob


def _decoded_session(data: str) -> str:
    """Django signs session data but does not encrypt it: no key is needed to read it."""
    payload = data.split(":", 1)[0]
    compressed = payload.startswith(".")
    raw = signing.b64_decode(payload.lstrip(".").encode())
    return (zlib.decompress(raw) if compressed else raw).decode(errors="replace") + data
