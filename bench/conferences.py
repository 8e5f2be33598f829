"""Many conferences on one morning, on one or two app servers (issue 14).

C agencies hold their conference at once: each has one open secret poll of D delegates
(signed in beforehand). Every delegate votes once while every conference's projector and a
number of delegates' phones poll the live state (``/bieu-quyet/<poll>/trang-thai.json`` with
``If-None-Match``). Prints vote p50/p99, votes/s, the readers' requests/s beside the same
readers on a plain page (the health page) measured in the same run, and the checks:
each poll's counter, participations, distinct voters and ballots all equal D (every vote
recorded exactly once), and every server answers the same live state afterwards.

With ``--servers 2`` two gunicorn instances share one database: votes, their retries and the
readers are spread over both; every tenth vote is sent again with the same key to the other
server, which must answer it as the same vote (no second ballot).

    .venv/bin/python bench/conferences.py --database-url postgres://hoinghi:hoinghi@127.0.0.1:5432/postgres
    .venv/bin/python bench/conferences.py --database-url … --servers 2 --phones 150

The readers are client threads of this one process: 3,000 phones are more than two shared
cores can drive besides the servers, so ``--phones`` scales them down (the figure says how
many ran). A throwaway database is created beside the URL's database and dropped after.
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.child import run_child  # noqa: E402
from bench.cpu_share import CpuShare, describe  # noqa: E402
from bench.vote import percentile, throwaway_database  # noqa: E402  (sets SECRET_KEY)
from hoinghi.voting import drill  # noqa: E402


def prepare_child(conferences: int, delegates: int) -> None:
    """In a child process with DATABASE_URL: one agency and one open poll per conference."""
    drill._setup_django(fast_sqlite=True)
    drill.migrate()
    made = [drill.seed(delegates, polls=1) for _ in range(conferences)]
    print(
        json.dumps(
            {
                "conferences": [
                    {"poll": m["poll"], "manager": m["manager_session"], "sessions": m["sessions"]}
                    for m in made
                ],
                "cpu_ms": request_cpu(made[0]["poll"], made[0]["sessions"][0]),
            }
        )
    )


def request_cpu(poll: int, session: str, repeat: int = 200) -> dict[str, float]:
    """CPU of one request through the whole WSGI stack in this process (test client), the
    figure that does not depend on what else the machine runs: the live state (200 and 304),
    the health page, the signed-in legal-bases page."""
    from django.test import Client

    client = Client()
    client.cookies["sessionid"] = session
    state = f"/bieu-quyet/{poll}/trang-thai.json"
    etag = client.get(state)["ETag"]
    cases = {
        "state 200": (state, ""),
        "state 304": (state, etag),
        "health": ("/suc-khoe/", ""),
        "legal bases": ("/co-so-phap-ly/", ""),
    }
    spent = {}
    for name, (path, tag) in cases.items():
        headers = {"If-None-Match": tag} if tag else {}
        client.get(path, headers=headers)
        started = time.process_time()
        for _ in range(repeat):
            client.get(path, headers=headers)
        spent[name] = (time.process_time() - started) * 1000 / repeat
    return spent


def prepare(database_url: str, conferences: int, delegates: int) -> dict[str, Any]:
    return run_child(
        __file__, database_url, "--child-prepare", str(conferences), str(delegates), timeout=900
    )


Target = tuple[int, str, str, float]  # port, path, session, seconds to wait after an answer


def readers(targets: list[Target], stop: Any, limit: float = 240.0) -> dict[str, float]:
    """One client per (port, path, session) until ``stop``; requests/s overall. Each asks
    again as soon as answered (pace 0), or, as a screen's poller does (live.js: 1.5 s), its
    pace in seconds after its last answer."""
    counts = [0] * len(targets)
    failures = [0] * len(targets)
    not_modified = [0] * len(targets)

    def run(slot: int) -> None:
        port, path, session, every = targets[slot]
        etag = ""
        conn = http.client.HTTPConnection(drill.HOST, port, timeout=10)
        deadline = time.monotonic() + limit
        while not stop.is_set() and time.monotonic() < deadline:
            try:
                headers = {"If-None-Match": etag} if etag else {}
                if session:
                    headers["Cookie"] = f"sessionid={session}"
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
                etag = response.headers.get("ETag", etag) or ""
                counts[slot] += response.status in (200, 304)
                failures[slot] += response.status not in (200, 304)
                not_modified[slot] += response.status == 304
            except (OSError, http.client.HTTPException):
                failures[slot] += 1
                conn.close()
                conn = http.client.HTTPConnection(drill.HOST, port, timeout=10)
            if every:
                stop.wait(every)
        conn.close()

    threads = [threading.Thread(target=run, args=(i,), daemon=True) for i in range(len(targets))]
    started = time.perf_counter()
    for t in threads:
        t.start()
    stop.wait(limit)
    for t in threads:
        t.join(timeout=15)
    seconds = time.perf_counter() - started
    return {
        "rps": sum(counts) / seconds,
        "failures": sum(failures),
        "share_304": sum(not_modified) / max(1, sum(counts)),
        "requests": sum(counts),
        "not_modified": sum(not_modified),
        "seconds": seconds,
    }


def _reader_process(targets: list[Target], stop: Any, limit: float, out: Any) -> None:
    out.put(readers(targets, stop, limit))


def spread_readers(
    targets: list[Target], stop: Any, limit: float = 240.0, processes: int = 1
) -> dict[str, float]:
    """:func:`readers` in ``processes`` client processes (threads of one Python process share
    one interpreter lock: past about a thousand, the client's own CPU per request triples).
    ``stop`` must then be a ``multiprocessing`` event."""
    if processes <= 1:
        return readers(targets, stop, limit)
    context = multiprocessing.get_context("spawn")
    out = context.Queue()
    children = [
        context.Process(target=_reader_process, args=(targets[i::processes], stop, limit, out))
        for i in range(processes)
    ]
    for child in children:
        child.start()
    parts = [out.get(timeout=limit + 60) for _ in children]
    for child in children:
        child.join(timeout=30)
    requests = sum(p["requests"] for p in parts)
    seconds = max(p["seconds"] for p in parts)
    return {
        "rps": requests / seconds,
        "failures": sum(p["failures"] for p in parts),
        "share_304": sum(p["not_modified"] for p in parts) / max(1, requests),
        "requests": requests,
        "not_modified": sum(p["not_modified"] for p in parts),
        "seconds": seconds,
    }


def plain_baseline(
    ports: list[int],
    paces: list[float],
    seconds: float,
    path: str,
    session: str = "",
    processes: int = 1,
) -> dict[str, Any]:
    """The same clients, at the same pace, on one plain page; with the servers' CPU per request."""
    stop = new_stop(processes)
    timer = threading.Timer(seconds, stop.set)
    timer.start()
    targets = [(ports[i % len(ports)], path, session, pace) for i, pace in enumerate(paces)]
    share = CpuShare(ports_groups())
    done: dict[str, Any] = spread_readers(targets, stop, seconds + 5, processes)
    done["cpu"] = share.per(int(done["rps"] * seconds))
    return done


def new_stop(processes: int) -> Any:
    return multiprocessing.get_context("spawn").Event() if processes > 1 else threading.Event()


SERVER_GROUPS: list[int] = []


def ports_groups() -> list[int]:
    """The process groups of the running app servers (for :class:`CpuShare`)."""
    return list(SERVER_GROUPS)


def vote_all(
    ports: list[int], conferences: list[dict[str, Any]], concurrency: int
) -> dict[str, Any]:
    """Every delegate of every conference votes once, interleaved across the conferences."""
    jobs = [
        (c["poll"], i, s)
        for i in range(max(len(c["sessions"]) for c in conferences))
        for c in conferences
        for s in c["sessions"][i : i + 1]
    ]

    def one(index: int) -> tuple[int, float, int]:
        poll, voter, session = jobs[index]
        port = ports[index % len(ports)]
        choice = ("for", "for", "against", "abstain")[voter % 4]
        answer = drill.post_vote(port, poll, session, drill.vote_key(poll, voter), choice=choice)
        replay = 200
        if len(ports) > 1 and voter % 10 == 0:  # the same vote again, on the other server
            other = ports[(index + 1) % len(ports)]
            again = drill.post_vote(
                other, poll, session, drill.vote_key(poll, voter), choice=choice
            )
            replay = again.status
        return answer.status, answer.seconds, replay

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        answers = list(pool.map(one, range(len(jobs))))
    span = time.perf_counter() - started
    ok = [seconds for status, seconds, _ in answers if status == 200]
    return {
        "sent": len(jobs),
        "ok": len(ok),
        "statuses": sorted({status for status, _, _ in answers}),
        "replay_statuses": sorted({r for _, _, r in answers}),
        "span": span,
        "votes_per_s": len(ok) / span if span else 0.0,
        "p50_ms": percentile(ok, 0.5) * 1000,
        "p99_ms": percentile(ok, 0.99) * 1000,
    }


def live_states(port: int, conferences: list[dict[str, Any]]) -> dict[int, Any]:
    states = {}
    for c in conferences:
        status, body = drill.get(port, f"/bieu-quyet/{c['poll']}/trang-thai.json", c["manager"])
        data = json.loads(body) if status == 200 else {"status": status}
        states[c["poll"]] = (data.get("ballots_cast"), data.get("state"), data.get("version"))
    return states


def run(args: argparse.Namespace) -> None:
    with throwaway_database(args.database_url) as url:
        kind = "PostgreSQL" if url.startswith("postgres") else "SQLite"
        print(
            f"\n== {args.conferences} conferences × {args.delegates} delegates, {kind}, "
            f"{args.servers} server(s) × {args.workers} workers; readers: "
            f"{args.conferences} projectors + {args.phones} phones"
            f"{f' polling every {args.every:.0f} ms' if args.every else ' polling back to back'}"
            f"{f' (phones every {args.phone_every:.0f} ms)' if args.phone_every is not None else ''}"
            f" from {args.reader_processes} client process(es); load {os.getloadavg()[0]:.1f}",
            flush=True,
        )
        started = time.perf_counter()
        prepared = prepare(url, args.conferences, args.delegates)
        conferences = prepared["conferences"]
        print(f"seeded in {time.perf_counter() - started:.1f} s", flush=True)
        print(
            "CPU of one request in process (test client): "
            + ", ".join(f"{k} {v:.1f} ms" for k, v in prepared["cpu_ms"].items()),
            flush=True,
        )
        servers = [
            drill.Server(url, workers=args.workers, threads=args.threads).start()
            for _ in range(args.servers)
        ]
        ports = [s.port for s in servers]
        SERVER_GROUPS[:] = [s.process.pid for s in servers if s.process is not None]
        every = args.every / 1000
        phone_every = (args.every if args.phone_every is None else args.phone_every) / 1000
        paces = [every] * args.conferences + [phone_every] * args.phones
        try:
            for port in ports:
                for _ in range(10):
                    drill.get(port, "/suc-khoe/")
            procs = args.reader_processes
            plain = plain_baseline(ports, paces, args.baseline_seconds, "/suc-khoe/", "", procs)
            signed = plain_baseline(
                ports,
                paces,
                args.baseline_seconds,
                "/co-so-phap-ly/",
                conferences[0]["manager"],
                procs,
            )
            targets: list[Target] = []
            for i, c in enumerate(conferences):  # the projector: the manager's screen
                targets.append(
                    (
                        ports[i % len(ports)],
                        f"/bieu-quyet/{c['poll']}/trang-thai.json",
                        c["manager"],
                        every,
                    )
                )
            for j in range(args.phones):  # phones: delegates of the conferences in turn
                c = conferences[j % len(conferences)]
                session = c["sessions"][(j // len(conferences)) % len(c["sessions"])]
                targets.append(
                    (
                        ports[j % len(ports)],
                        f"/bieu-quyet/{c['poll']}/trang-thai.json",
                        session,
                        phone_every,
                    )
                )
            drill.run_child(
                url, "touch", stdin="\n".join(s for c in conferences for s in c["sessions"])
            )
            stop = new_stop(procs)
            holder: dict[str, Any] = {}
            watcher = threading.Thread(
                target=lambda: holder.update(spread_readers(targets, stop, 240.0, procs))
            )
            share = CpuShare(ports_groups())
            watcher.start()
            time.sleep(1.0)
            votes = vote_all(ports, conferences, args.concurrency)
            stop.set()
            watcher.join()
            spent = share.spent()
            seen = [live_states(port, conferences) for port in ports]
        finally:
            for s in servers:
                s.stop()
        checks = [drill.verify_direct(url, c["poll"]) for c in conferences]
        exact = all(
            r["counter"]
            == r["participations"]
            == r["distinct_voters"]
            == r["ballots"]
            == args.delegates
            for r in checks
        )
        consistent = all(states == seen[0] for states in seen) and all(
            seen[0][c["poll"]][0] == r["counter"] for c, r in zip(conferences, checks, strict=True)
        )
        live = holder
        load_after = os.getloadavg()[0]
        print(
            f"votes: {votes['ok']}/{votes['sent']} answered 200 {votes['statuses']} in "
            f"{votes['span']:.1f} s = {votes['votes_per_s']:.0f} votes/s; p50 "
            f"{votes['p50_ms']:.0f} ms, p99 {votes['p99_ms']:.0f} ms (aim ≤ 1000)"
        )
        if args.servers > 1:
            print(f"same vote replayed on the other server: statuses {votes['replay_statuses']}")
        print(
            f"every vote recorded exactly once (counter = participations = distinct voters = "
            f"ballots = {args.delegates} in each of {len(checks)} polls): {exact}"
        )
        print(f"live state the same on every server and equal to the counter: {consistent}")
        print(
            f"readers while voting: {live['rps']:.0f} req/s ({live['share_304']:.0%} answered 304, "
            f"{live['failures']:.0f} failures); plain page, same clients, same run: "
            f"{plain['rps']:.0f} req/s; ratio {live['rps'] / max(plain['rps'], 1):.2f} (aim ≥ 0.7)"
        )
        print(
            f"a signed-in plain page (legal bases), same clients, same run: {signed['rps']:.0f} "
            f"req/s; ratio {live['rps'] / max(signed['rps'], 1):.2f}"
        )
        print(f"  health page: {describe(plain['cpu'], 'request')}")
        print(f"  legal bases: {describe(signed['cpu'], 'request')}")
        print(
            "  while voting, all sides (votes and reads together): "
            + ", ".join(f"{k} {v:.1f} s" for k, v in spent.items())
            + f" of CPU in {votes['span'] + 1:.1f} s"
        )
        print(f"load average after: {load_after:.1f}", flush=True)


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--child-prepare":
        prepare_child(int(sys.argv[2]), int(sys.argv[3]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default="", help="PostgreSQL URL; SQLite when empty")
    parser.add_argument("--conferences", type=int, default=50)
    parser.add_argument("--delegates", type=int, default=60)
    parser.add_argument("--phones", type=int, default=150)
    parser.add_argument("--servers", type=int, default=1, choices=[1, 2])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--baseline-seconds", type=float, default=8.0)
    parser.add_argument(
        "--reader-processes", type=int, default=1, help="client processes for the readers"
    )
    parser.add_argument(
        "--phone-every", type=float, default=None, help="ms for the phones; default: --every"
    )
    parser.add_argument(
        "--every",
        type=float,
        default=1500,
        help="ms a reader waits after each answer (live.js: 1500); 0: ask again at once",
    )
    run(parser.parse_args())


if __name__ == "__main__":
    main()
