"""Vote bursts against a real server (docs/benchmarks.md S2, S3, S4, S10).

N delegates, signed in beforehand (sessions written to the database, no password hashing),
each vote once as fast as a pool of client threads can send, against gunicorn on
127.0.0.1 (2 workers × 4 threads, as ``hoinghi serve`` runs it). Prints votes/s, p50/p99 latency, recorded == N, "database is locked" errors and
the ratio to a plain database baseline of the same three statements (update the poll's
counter, insert the participation, insert the ballot) measured in the same run, and the SQL
statements and CPU of one vote through the WSGI stack in process (``drill profile``), the
figure that does not depend on what else the machine runs.

    python bench/vote.py                                   # SQLite, N = 300 (S10)
    python bench/vote.py --database-url postgres://hoinghi:hoinghi@127.0.0.1:5432/postgres \
        --voters 500 2000 5000 --election --fanout         # PostgreSQL: S2, S3, S4

On PostgreSQL a throwaway database is created beside the URL's database and dropped after.
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
# The servers run with DEBUG off, which refuses the public development key: one key per run,
# shared by this process (it writes the sessions) and the gunicorn it starts.
os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(64))

from bench.cpu_share import CpuShare, describe  # noqa: E402
from hoinghi.voting import drill  # noqa: E402


@contextmanager
def throwaway_database(url: str | None) -> Iterator[str]:
    if not url:
        with tempfile.TemporaryDirectory() as folder:
            yield f"sqlite:///{folder}/bench.sqlite3"
        return
    import psycopg

    server = url.split("?", 1)[0].rsplit("/", 1)[0]
    name = f"hoinghi_bench_{os.getpid()}_{secrets.token_hex(3)}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{server}/{name}"
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def run_burst(
    server: drill.Server,
    poll: int,
    sessions: list[str],
    concurrency: int,
    kept: list[int] | None = None,
    keep_alive: bool = True,
) -> dict[str, Any]:
    rng = secrets.SystemRandom()
    choices = [rng.choice(("for", "for", "against", "abstain")) for _ in sessions]
    picks = [rng.sample(kept, rng.randint(0, 5)) for _ in sessions] if kept else None
    started = time.perf_counter()
    answers = drill.burst(
        server.port,
        poll,
        sessions,
        concurrency=concurrency,
        choice_for=lambda i: choices[i],
        kept_for=(lambda i: picks[i]) if picks else None,
        keep_alive=keep_alive,
    )
    span = time.perf_counter() - started
    ok = [a.seconds for a in answers if a.status == 200]
    return {
        "sent": len(answers),
        "ok": len(ok),
        "span": span,
        "statuses": sorted({a.status for a in answers}),
        "errors": sum(a.status != 200 for a in answers),
        "votes_per_s": len(ok) / span if span else 0.0,
        "p50_ms": percentile(ok, 0.5) * 1000,
        "p99_ms": percentile(ok, 0.99) * 1000,
    }


def baseline(database_url: str, poll: int, clients: int = 16) -> tuple[float, dict[str, float]]:
    """Transactions/s of the same three statements through the bare driver, same machine,
    and the CPU per transaction of this client and of PostgreSQL (its connections still open)."""
    if database_url.startswith("sqlite"):
        import sqlite3

        def connect() -> Any:
            conn = sqlite3.connect(  # opened here, then used by one client thread only
                database_url.split("sqlite:///", 1)[1],
                timeout=20,
                isolation_level=None,
                check_same_thread=False,
            )
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            return conn

        begin, mark = "BEGIN IMMEDIATE", "?"
    else:
        import psycopg

        def connect() -> Any:
            return psycopg.connect(database_url, autocommit=True)

        begin, mark = "BEGIN", "%s"
    conn = connect()
    people = [
        r[0]
        for r in conn.execute(
            f"SELECT person_id FROM voting_elector WHERE poll_id = {mark}", (poll,)
        ).fetchall()
    ]
    conn.close()
    chunks = [people[i::clients] for i in range(clients)]
    connections = [connect() for _ in chunks]

    def work(db: Any, chunk: list[int]) -> None:
        import uuid

        for person in chunk:
            db.execute(begin)
            db.execute(
                f"UPDATE voting_poll SET ballots_cast = ballots_cast + 1 WHERE id = {mark} "
                f"AND state = 'open'",
                (poll,),
            )
            db.execute(
                f"INSERT INTO voting_participation (id, poll_id, person_id, key_digest) "
                f"VALUES ({mark}, {mark}, {mark}, 'x')",
                (uuid.uuid4().hex, poll, person),
            )
            db.execute(
                f"INSERT INTO voting_ballot (id, poll_id, receipt, choice, kept, valid) "
                f"VALUES ({mark}, {mark}, {mark}, 'for', '[]', true)",
                (uuid.uuid4().hex, poll, secrets.token_hex(5)),
            )
            db.execute("COMMIT")

    share = CpuShare([])
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        list(pool.map(work, connections, chunks))
    rate = len(people) / (time.perf_counter() - started)
    cpu = share.per(len(people))
    for db in connections:
        db.close()
    return rate, cpu


def fanout(
    server: drill.Server, poll: int, session: str, stop: threading.Event, readers: int = 16
) -> dict[str, float]:
    """S4: screens polling the live state with If-None-Match while the burst runs."""
    import http.client

    counts = [0] * readers
    not_modified = [0] * readers

    def reader(slot: int) -> None:
        etag = ""
        conn = http.client.HTTPConnection(drill.HOST, server.port, timeout=10)
        while not stop.is_set():
            try:
                conn.request(
                    "GET",
                    f"/bieu-quyet/{poll}/trang-thai.json",
                    headers={"Cookie": f"sessionid={session}", "If-None-Match": etag},
                )
                response = conn.getresponse()
                response.read()
                etag = response.headers.get("ETag", etag)
                counts[slot] += 1
                not_modified[slot] += response.status == 304
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection(drill.HOST, server.port, timeout=10)
        conn.close()

    threads = [threading.Thread(target=reader, args=(i,)) for i in range(readers)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    stop.wait(120)
    for t in threads:
        t.join(timeout=15)
    seconds = time.perf_counter() - started
    return {"rps": sum(counts) / seconds, "share_304": sum(not_modified) / max(1, sum(counts))}


SESSIONS_WRITTEN = (
    "SELECT count(*) FROM django_session WHERE expire_date <> (SELECT expire_date "
    "FROM django_session GROUP BY expire_date ORDER BY count(*) DESC LIMIT 1)"
)


def sessions_written(database_url: str) -> int:
    """Sessions saved since the seed (a save moves the expiry the seed gave all of them)."""
    if database_url.startswith("sqlite"):
        import sqlite3

        conn: Any = sqlite3.connect(database_url.split("sqlite:///", 1)[1], timeout=30)
    else:
        import psycopg

        conn = psycopg.connect(database_url)
    try:
        return int(conn.execute(SESSIONS_WRITTEN).fetchone()[0])
    finally:
        conn.close()


def locked_errors(log: Path) -> int:
    return log.read_text(errors="replace").count("database is locked") if log.exists() else 0


def scenario(database_url: str, voters: int, args: argparse.Namespace) -> None:
    kind = "election" if args.election else "motion"
    print(
        f"\n== {kind}, {'PostgreSQL' if 'postgres' in database_url else 'SQLite'}, N = {voters}, votes over {args.connection} connections",
        flush=True,
    )
    seeded = drill.run_child(
        database_url,
        "prepare",
        "--voters",
        str(voters),
        "--polls",
        "3",
        "--kind",
        kind,
        "--secrecy",
        "secret",
        timeout=900,
    )
    app_poll, base_poll, fan_poll = seeded["polls"]
    log = Path(tempfile.mkstemp(suffix=".log")[1])
    server = drill.Server(database_url, workers=args.workers, threads=args.threads, log=log)
    server.start()
    try:
        for _ in range(20):
            drill.get(server.port, "/suc-khoe/")
        kept = seeded["candidates"][str(app_poll)] if args.election else None
        assert server.process is not None
        drill.run_child(database_url, "touch", stdin="\n".join(seeded["sessions"]))
        share = CpuShare([server.process.pid])
        burst = run_burst(
            server,
            app_poll,
            seeded["sessions"],
            args.concurrency,
            kept,
            args.connection == "keep-alive",
        )
        burst_cpu = share.per(burst["ok"])
        report = drill.verify_direct(database_url, app_poll)
        close_started = time.perf_counter()
        closed = drill.close_over_http(server.port, app_poll, seeded["manager_session"])
        close_ms = (time.perf_counter() - close_started) * 1000
        fan: dict[str, float] = {}
        fan_burst: dict[str, Any] = {}
        if args.fanout:
            stop = threading.Event()
            holder: dict[str, Any] = {}
            watcher = threading.Thread(
                target=lambda: holder.update(
                    fanout(server, fan_poll, seeded["manager_session"], stop)
                )
            )
            drill.run_child(database_url, "touch", stdin="\n".join(seeded["sessions"]))
            watcher.start()
            fan_burst = run_burst(
                server,
                fan_poll,
                seeded["sessions"],
                args.concurrency,
                seeded["candidates"][str(fan_poll)] if args.election else None,
                args.connection == "keep-alive",
            )
            stop.set()
            watcher.join()
            fan = holder
    finally:
        server.stop()
    written = sessions_written(database_url)
    base_tps, base_cpu = baseline(database_url, base_poll, args.baseline_clients)
    with throwaway_database(args.database_url) as profile_url:
        cost = drill.run_child(profile_url, "profile", "--voters", "200", "--kind", kind)
    recorded = report["ballots"]
    print(
        f"votes/s {burst['votes_per_s']:.0f}  p50 {burst['p50_ms']:.0f} ms  "
        f"p99 {burst['p99_ms']:.0f} ms  span {burst['span']:.2f} s  "
        f"recorded {recorded} == N: {recorded == voters == report['counter'] == report['participations']}  "
        f"errors {burst['errors']} {burst['statuses']}  'database is locked' {locked_errors(log)}"
    )
    print(f"  {describe(burst_cpu, 'vote')}; sessions saved in the run: {written}")
    print(
        f"baseline (3 statements, {args.baseline_clients} clients) {base_tps:.0f} txn/s  "
        f"ratio app/baseline {burst['votes_per_s'] / base_tps:.2f}"
    )
    print(f"  {describe(base_cpu, 'transaction')}")
    print(
        f"one vote in process: {cost['statements']} SQL statements, "
        f"{cost['cpu_ms']:.2f} ms CPU (WSGI stack, test client)"
    )
    print(
        f"close (count, tally through the law, shuffle) over HTTP {close_ms:.0f} ms "
        f"(status {closed.status})"
    )
    if fan:
        print(
            f"S4 fan-out: state rps {fan['rps']:.0f} ({fan['share_304']:.0%} answered 304) "
            f"while voting; vote p99 {fan_burst['p99_ms']:.0f} ms "
            f"(x{fan_burst['p99_ms'] / max(burst['p99_ms'], 1):.1f}), "
            f"recorded {drill.verify_direct(database_url, fan_poll)['ballots']}"
        )
    log.unlink(missing_ok=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default="", help="PostgreSQL URL; SQLite when empty")
    parser.add_argument("--voters", type=int, nargs="+", default=None)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument(
        "--connection",
        choices=["keep-alive", "close"],
        default="keep-alive",
        help="each client thread's votes over one kept-alive connection (a phone's browser "
        "reuses the one its live poll keeps open), or a new connection per vote",
    )
    # hoinghi serve's own: one worker per core of the 2-core box, 4 threads each
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--baseline-clients", type=int, default=16)
    parser.add_argument("--election", action="store_true", help="S3: 15 candidates, keep ≤ 5")
    parser.add_argument("--fanout", action="store_true", help="S4: live state readers")
    args = parser.parse_args()
    voters = args.voters or ([500, 2000, 5000] if args.database_url else [300])
    for n in voters:
        with throwaway_database(args.database_url) as url:
            scenario(url, n, args)


if __name__ == "__main__":
    main()
