"""SQLite in WAL mode: what synchronous=FULL costs against NORMAL for the vote's write.

Each transaction is the shape of one vote (BEGIN IMMEDIATE; update a counter; insert two
rows; COMMIT), on a database file in var/ (the disk the hall laptop writes to), from 1 and
from 16 client threads, the modes alternated three times to even out the machine's load.
FULL syncs the WAL at every commit; NORMAL only at checkpoints, so a power cut may lose the
last commits that were already acknowledged.

    python bench/sqlite_sync.py [--transactions 1500]
"""

from __future__ import annotations

import argparse
import secrets
import sqlite3
import statistics
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

VAR = Path(__file__).resolve().parents[1] / "var"
SCHEMA = """
CREATE TABLE poll (id INTEGER PRIMARY KEY, ballots_cast INTEGER NOT NULL);
CREATE TABLE participation (id TEXT PRIMARY KEY, poll_id INTEGER, person_id INTEGER);
CREATE TABLE ballot (id TEXT PRIMARY KEY, poll_id INTEGER, receipt TEXT, choice TEXT);
INSERT INTO poll VALUES (1, 0);
"""


def connect(path: Path, mode: str) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=20, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute(f"PRAGMA synchronous={mode}")
    conn.execute("PRAGMA busy_timeout=20000")
    return conn


def vote(conn: sqlite3.Connection, person: int) -> float:
    started = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE poll SET ballots_cast = ballots_cast + 1 WHERE id = 1")
    conn.execute("INSERT INTO participation VALUES (?, 1, ?)", (uuid.uuid4().hex, person))
    conn.execute(
        "INSERT INTO ballot VALUES (?, 1, ?, 'for')", (uuid.uuid4().hex, secrets.token_hex(5))
    )
    conn.execute("COMMIT")
    return time.perf_counter() - started


def run(mode: str, transactions: int, clients: int) -> tuple[float, float, float]:
    with tempfile.TemporaryDirectory(dir=VAR) as folder:
        path = Path(folder) / "sync.sqlite3"
        setup = connect(path, mode)
        setup.executescript(SCHEMA)
        setup.close()
        chunks = [list(range(i, transactions, clients)) for i in range(clients)]

        def work(chunk: list[int]) -> list[float]:
            conn = connect(path, mode)
            try:
                return [vote(conn, person) for person in chunk]
            finally:
                conn.close()

        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=clients) as pool:
            latencies = [t for part in pool.map(work, chunks) for t in part]
        span = time.perf_counter() - started
        check = connect(path, mode)
        assert check.execute("SELECT ballots_cast FROM poll").fetchone()[0] == transactions
        check.close()
    latencies.sort()
    p50 = statistics.median(latencies) * 1000
    p99 = latencies[int(0.99 * (len(latencies) - 1))] * 1000
    return transactions / span, p50, p99


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--transactions", type=int, default=1500)
    args = parser.parse_args()
    VAR.mkdir(exist_ok=True)
    results: dict[tuple[str, int], list[tuple[float, float, float]]] = {}
    for _ in range(3):
        for clients in (1, 16):
            for mode in ("NORMAL", "FULL"):
                results.setdefault((mode, clients), []).append(
                    run(mode, args.transactions, clients)
                )
    for (mode, clients), runs in sorted(results.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        rates = ", ".join(f"{r[0]:.0f}" for r in runs)
        best = max(runs)
        print(
            f"{mode:<6} {clients:>2} clients: txn/s {rates} (best {best[0]:.0f}); "
            f"p50 {best[1]:.2f} ms p99 {best[2]:.2f} ms"
        )


if __name__ == "__main__":
    main()
