"""A province on one server: the busiest pages under concurrent users (issue 14).

Generates a province (``hoinghi.generated_province``: the demo agencies plus
``1000 × scale`` agencies of 60 staff, and ``2000 × scale`` extra staff in the demo's district
office) in a throwaway database, starts gunicorn on 127.0.0.1 with DEBUG off, and sends each
page ``--requests`` times from ``--clients`` concurrent clients signed in as the demo leader.
Prints p50/p95 per page beside two baselines of the same server in the same run (the health
page, and the legal-bases page: a signed-in page that reads little), and the statements
each page runs (Django's test client in the seeding process).

    .venv/bin/python bench/province.py --database-url postgres://hoinghi:hoinghi@127.0.0.1:5432/postgres
    .venv/bin/python bench/province.py --scale 0.1          # SQLite, a tenth of the province

Aim on PostgreSQL at scale 1: p95 ≤ 200 ms a page, the province roll-up ≤ 1 s.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.child import run_child  # noqa: E402
from bench.vote import percentile, throwaway_database  # noqa: E402  (sets SECRET_KEY)
from hoinghi.voting import drill  # noqa: E402


def page_paths() -> dict[str, str]:
    """The pages measured, by name, once the province exists (in the seeding process)."""
    from hoinghi.conference.models import Conference
    from hoinghi.conference.services.hall import projector_token
    from hoinghi.generated_province import DEMO_AGENCY, PROVINCE_CODE, YEAR

    conference = Conference.objects.filter(agency__code=DEMO_AGENCY).order_by("pk").first()
    assert conference is not None, "the demo year has a conference"
    return {
        "health (baseline)": "/suc-khoe/",
        "legal bases (baseline)": "/co-so-phap-ly/",
        "home and to-do": "/",
        "people search": f"/co-quan/{DEMO_AGENCY}/can-bo/?q={quote('Nguyễn')}",
        "year board": f"/co-quan/{DEMO_AGENCY}/nam-cong-tac/{YEAR}/",
        "eligibility list": f"/thi-dua/{DEMO_AGENCY}/{YEAR}/xet-danh-hieu/",
        "conference runner": f"/hoi-nghi/{DEMO_AGENCY}/{conference.pk}/dieu-hanh/",
        "projector state": f"/hoi-nghi/trinh-chieu/{projector_token(conference)}/noi-dung/",
        "province roll-up": f"/bao-cao/{PROVINCE_CODE}/{YEAR}/toan-tinh/",
    }


def statements(paths: dict[str, str], username: str) -> dict[str, Any]:
    """Each page's status and statement count through the test client, signed in."""
    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(User.objects.get(username=username))
    counts: dict[str, Any] = {}
    for name, path in paths.items():
        client.get(path)  # warm: first-request work (content types, templates) aside
        with CaptureQueriesContext(connection) as queries:
            status = client.get(path).status_code
        counts[name] = {"status": status, "statements": len(queries)}
    return counts


def session_for(username: str) -> str:
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.models import User
    from django.contrib.sessions.backends.db import SessionStore

    user = User.objects.get(username=username)
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return str(store.session_key)


def seed_child(scale: float) -> None:
    """In a child process with DATABASE_URL: migrate, the demo, the province; JSON out."""
    drill._setup_django(fast_sqlite=True)
    from django.core.management import call_command

    from hoinghi.generated_province import generate
    from hoinghi.org.demo import load_demo

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    load_demo()
    province = generate(
        agencies=max(1, round(1000 * scale)), demo_extra=max(0, round(2000 * scale))
    )
    seconds = time.perf_counter() - started
    paths = page_paths()
    print(
        json.dumps(
            {
                "agencies": province.agencies,
                "people": province.people,
                "seconds": seconds,
                "paths": paths,
                "statements": statements(paths, "lanhdao"),
                "session": session_for("lanhdao"),
            }
        )
    )


def seed(database_url: str, scale: float) -> dict[str, Any]:
    return run_child(__file__, database_url, "--child-seed", str(scale), timeout=1800)


def load(port: int, path: str, session: str, clients: int, requests: int) -> dict[str, float]:
    """``requests`` GETs of one page from ``clients`` concurrent clients: latencies."""

    def one(_: int) -> tuple[int, float]:
        started = time.perf_counter()
        status, _body = drill.get(port, path, session)
        return status, time.perf_counter() - started

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        answers = list(pool.map(one, range(requests)))
    span = time.perf_counter() - started
    ok = [s for status, s in answers if status == 200]
    return {
        "ok": len(ok),
        "sent": len(answers),
        "rps": len(ok) / span if span else 0.0,
        "p50_ms": percentile(ok, 0.5) * 1000,
        "p95_ms": percentile(ok, 0.95) * 1000,
    }


def run(args: argparse.Namespace) -> None:
    with throwaway_database(args.database_url) as url:
        kind = "PostgreSQL" if url.startswith("postgres") else "SQLite"
        seeded = seed(url, args.scale)
        print(
            f"\n== province at scale {args.scale}, {kind}: {seeded['agencies']} agencies, "
            f"{seeded['people']} generated staff (seeded in {seeded['seconds']:.0f} s); "
            f"gunicorn {args.workers} workers; {args.clients} clients × {args.requests} "
            f"requests a page; load {os.getloadavg()[0]:.1f}",
            flush=True,
        )
        server = drill.Server(url, workers=args.workers, threads=args.threads).start()
        results: dict[str, dict[str, float]] = {}
        try:
            for name, path in seeded["paths"].items():
                load(server.port, path, seeded["session"], 2, 4)  # warm every worker
                results[name] = load(
                    server.port, path, seeded["session"], args.clients, args.requests
                )
            single = []  # the roll-up alone, one request at a time
            for _ in range(5):
                started = time.perf_counter()
                drill.get(server.port, seeded["paths"]["province roll-up"], seeded["session"])
                single.append(time.perf_counter() - started)
        finally:
            server.stop()
        print(f"{'page':24} {'ok':>8} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>7} {'SQL':>5}")
        for name, r in results.items():
            counted = seeded["statements"][name]
            print(
                f"{name:24} {r['ok']:>4.0f}/{r['sent']:<3.0f} {r['p50_ms']:>8.0f} "
                f"{r['p95_ms']:>8.0f} {r['rps']:>7.1f} {counted['statements']:>5}"
                + ("" if counted["status"] == 200 else f"  (test client: {counted['status']})")
            )
        print(
            f"province roll-up alone: median {sorted(single)[2] * 1000:.0f} ms, "
            f"max {max(single) * 1000:.0f} ms (aim ≤ 1000); load {os.getloadavg()[0]:.1f}",
            flush=True,
        )


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--child-seed":
        seed_child(float(sys.argv[2]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default="", help="PostgreSQL URL; SQLite when empty")
    parser.add_argument("--scale", type=float, default=1.0, help="share of the full province")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=40)
    run(parser.parse_args())


if __name__ == "__main__":
    main()
