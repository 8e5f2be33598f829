"""Vote drills: a real server, many signed-in voters, a burst of votes, and the checks after.

Used by the fault tests and by ``bench/vote.py``. Three parts:

* **Database side** (run in a child process with its own ``DATABASE_URL``, so the drill never
  touches the test database): ``python -m hoinghi.voting.drill prepare --voters N`` migrates
  the tables the vote engine needs, seeds one agency with N voters, their sessions and one
  open poll, and prints JSON; ``… verify --poll ID`` prints the counters and receipts.
* **Server**: :class:`Server` starts gunicorn on 127.0.0.1 in its own process group, waits
  until it answers, and can be killed with SIGKILL and started again.
* **Clients**: :func:`post_vote` sends one vote with http.client (stdlib only) carrying
  an idempotency key; :func:`burst` sends many from a thread pool and keeps latencies.

Every loop is bounded in count and time, and every address is 127.0.0.1.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HOST = "127.0.0.1"
CSRF_TOKEN = "drillcsrftoken0123456789abcdefgh"  # 32 characters: Django's cookie format
PROJECT_DIR = Path(__file__).resolve().parents[2]


# --- Database side (child process) ----------------------------------------------------------


def _setup_django(fast_sqlite: bool) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hoinghi.settings")
    import django
    from django.conf import settings

    database: dict[str, Any] = settings.DATABASES["default"]
    if fast_sqlite and str(database["ENGINE"]).endswith("sqlite3"):
        # Seeding only: the drill's own throwaway file, no need to wait for the disk.
        options = database.setdefault("OPTIONS", {})
        options["init_command"] = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;"
    django.setup()


def migrate() -> None:
    from django.core.management import call_command

    for app in ("contenttypes", "auth", "org", "voting", "audit", "sessions"):
        call_command("migrate", app, verbosity=0, skip_checks=True)


def seed(
    voters: int, *, polls: int = 1, kind: str = "motion", secrecy: str = "secret"
) -> dict[str, Any]:
    """One agency, ``voters`` people with sessions, open polls; returns what clients need."""
    from datetime import date, timedelta

    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import User
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    from hoinghi.org.models import Agency, Person
    from hoinghi.security.sessions import LAST_SEEN, minute
    from hoinghi.voting import services

    token = secrets.token_hex(3)
    agency = Agency.objects.create(
        code=f"dien-tap-{token}",
        name="Cơ quan Diễn tập",
        abbreviation="CQDT",
        kind="state",
        place_name="Hà Nội",
    )
    unusable = make_password(None)
    users = User.objects.bulk_create(
        [User(username=f"dt{token}{i:05d}", password=unusable) for i in range(voters + 1)],
        batch_size=1000,
    )
    if users[0].pk is None:  # a database without RETURNING for bulk inserts
        users = list(User.objects.filter(username__startswith=f"dt{token}").order_by("username"))
    people = Person.objects.bulk_create(
        [
            Person(
                agency=agency,
                staff_code=f"DT{i:05d}",
                full_name=f"Đại Biểu Số {i}",
                gender="nam",
                category="cong_chuc",
                joined_on=date(2020, 1, 1),
                user=u,
            )
            for i, u in enumerate(users)
        ],
        batch_size=1000,
    )
    if people[0].pk is None:
        people = list(Person.objects.filter(agency=agency).order_by("staff_code"))
    manager, voter_people = users[0], people[1:]
    store = SessionStore()
    expires = timezone.now() + timedelta(days=1)
    # What a sign-in writes (hoinghi.security.sessions.mark_signed_in): the idle clock's start,
    # so a vote within the minute writes no session, as on a delegate's phone that polls.
    signed_in_at = minute(time.time())
    keys = [secrets.token_hex(16) for _ in users]
    Session.objects.bulk_create(
        [
            Session(
                session_key=key,
                expire_date=expires,
                session_data=store.encode(
                    {
                        "_auth_user_id": str(u.pk),
                        "_auth_user_backend": "django.contrib.auth.backends.ModelBackend",
                        "_auth_user_hash": u.get_session_auth_hash(),
                        LAST_SEEN: signed_in_at,
                    }
                ),
            )
            for key, u in zip(keys, users, strict=True)
        ],
        batch_size=1000,
    )
    candidates = (
        [(None, f"Ứng Cử Viên {i}", "") for i in range(1, 16)] if kind == "election" else []
    )
    made = []
    for _ in range(polls):
        poll = services.create_poll(
            agency,
            title="Biểu quyết diễn tập",
            kind=kind,
            secrecy=secrecy,
            method="electronic",
            legal_date=date(2026, 1, 15),
            by=manager,
            seats=5 if candidates else 1,
            candidates=candidates,
            managers=[manager],
        )
        services.open_poll(
            poll,
            electors=voter_people,
            present=len(voter_people),
            convened=len(voter_people),
            by=manager,
        )
        made.append(poll)
    return {
        "poll": made[0].pk,
        "polls": [p.pk for p in made],
        "manager_session": keys[0],
        "sessions": keys[1:],
        "candidates": {
            str(p.pk): list(p.candidates.order_by("position").values_list("pk", flat=True))
            for p in made
        },
    }


def touch(keys: list[str]) -> dict[str, Any]:
    """Move the idle clock of these sessions to this minute, as the phones' live-state polls
    do every minute in a hall (hoinghi.security.sessions): a burst right after then measures
    votes, not the once-a-minute session write that a poll a second before would have made."""
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session

    from hoinghi.security.sessions import LAST_SEEN, minute

    store, now = SessionStore(), minute(time.time())
    rows = list(Session.objects.filter(session_key__in=keys))
    for row in rows:
        data = store.decode(row.session_data)
        data[LAST_SEEN] = now
        row.session_data = store.encode(data)
    Session.objects.bulk_update(rows, ["session_data"], batch_size=1000)
    return {"touched": len(rows), "minute": now}


def profile(voters: int, *, kind: str = "motion") -> dict[str, Any]:
    """Statements and CPU of one vote through Django's whole WSGI stack, in this process.

    Seeds ``voters`` signed-in voters and one open poll, then each votes once through the
    test client (session, authentication, middleware, view, service): the statements of one
    vote, and the mean CPU time of the rest (the client's own work included).
    """
    from urllib.parse import urlencode

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    seeded = seed(voters, kind=kind)
    poll = seeded["poll"]
    kept = seeded["candidates"][str(poll)][:3]
    client = Client()

    def one(index: int) -> None:
        client.cookies["sessionid"] = seeded["sessions"][index]
        fields: dict[str, Any] = {"key": vote_key(poll, index)}
        fields.update({"kept": kept} if kind == "election" else {"choice": "for"})
        answer = client.post(
            f"/bieu-quyet/{poll}/bo-phieu/",
            urlencode(fields, doseq=True),
            content_type="application/x-www-form-urlencoded",
            HTTP_ACCEPT="application/json",
        )
        if answer.status_code != 200:
            raise RuntimeError(f"vote {index}: {answer.status_code} {answer.content[:200]!r}")

    one(0)
    with CaptureQueriesContext(connection) as queries:
        one(1)
    statements = len(queries)  # now: the next request clears the log
    started = time.process_time()
    for index in range(2, voters):
        one(index)
    spent = time.process_time() - started
    return {"statements": statements, "cpu_ms": spent * 1000 / max(1, voters - 2)}


def verify(poll_id: int) -> dict[str, Any]:
    from hoinghi.voting.models import Ballot, Participation, Poll

    poll = Poll.objects.get(pk=poll_id)
    return {
        "state": poll.state,
        "counter": poll.ballots_cast,
        "participations": Participation.objects.filter(poll=poll).count(),
        "distinct_voters": Participation.objects.filter(poll=poll)
        .values("person")
        .distinct()
        .count(),
        "ballots": Ballot.objects.filter(poll=poll).count(),
        "receipts": sorted(Ballot.objects.filter(poll=poll).values_list("receipt", flat=True)),
        "result": getattr(getattr(poll, "result", None), "digest", None),
    }


VERIFY_SQL = {
    "poll": "SELECT state, ballots_cast FROM voting_poll WHERE id = {p}",
    "participations": "SELECT count(*), count(DISTINCT person_id) FROM voting_participation "
    "WHERE poll_id = {p}",
    "receipts": "SELECT receipt FROM voting_ballot WHERE poll_id = {p} ORDER BY receipt",
    "result": "SELECT digest FROM voting_pollresult WHERE poll_id = {p}",
}


def verify_direct(database_url: str, poll_id: int) -> dict[str, Any]:
    """:func:`verify` with the database driver alone (no Django start-up): for harnesses."""
    rows: dict[str, list[tuple[Any, ...]]] = {}
    if database_url.startswith("sqlite"):
        import sqlite3

        conn: Any = sqlite3.connect(database_url.split("sqlite:///", 1)[1], timeout=30)
    else:
        import psycopg

        conn = psycopg.connect(database_url)
    try:
        for name, sql in VERIFY_SQL.items():
            rows[name] = list(conn.execute(sql.format(p=int(poll_id))).fetchall())
    finally:
        conn.close()
    state, counter = rows["poll"][0]
    participations, distinct = rows["participations"][0]
    receipts = [r[0] for r in rows["receipts"]]
    return {
        "state": state,
        "counter": counter,
        "participations": participations,
        "distinct_voters": distinct,
        "ballots": len(receipts),
        "receipts": receipts,
        "result": rows["result"][0][0] if rows["result"] else None,
    }


def run_child(
    database_url: str, *args: str, timeout: float = 300, stdin: str | None = None
) -> dict[str, Any]:
    """Run this module as a child process against ``database_url``; returns its JSON."""
    env = {**os.environ, "DATABASE_URL": database_url}
    done = subprocess.run(
        [sys.executable, "-m", "hoinghi.voting.drill", *args],
        input=stdin,
        env=env,
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"drill {args[0]} failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# --- Server ---------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    """gunicorn on 127.0.0.1 in its own process group, so SIGKILL takes every worker."""

    database_url: str
    workers: int = 2
    threads: int = 1
    port: int = field(default_factory=free_port)
    log: Path | None = None  # where the server's errors go (appended)
    process: subprocess.Popen[bytes] | None = None

    def start(self, wait: float = 30.0) -> Server:
        env = {
            **os.environ,
            "DATABASE_URL": self.database_url,
            "DEBUG": "false",
            "LOG_LEVEL": "ERROR",
        }
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "hoinghi.wsgi:application",
            "--bind",
            f"{HOST}:{self.port}",
            "--workers",
            str(self.workers),
            "--threads",
            str(self.threads),
            "--timeout",
            "60",
            "--backlog",
            "4096",
            # a phone's poller keeps its connection open between polls (gthread): room for
            # thousands per worker, not gunicorn's default 1,000
            "--worker-connections",
            "5000",
            "--log-level",
            "error",
        ]
        errors = open(self.log, "ab") if self.log else subprocess.DEVNULL  # noqa: SIM115
        self.process = subprocess.Popen(
            command,
            env=env,
            cwd=PROJECT_DIR,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
        if self.log:
            errors.close()  # type: ignore[union-attr]
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            try:
                if get(self.port, "/suc-khoe/")[0] == 200:
                    return self
            except OSError:
                time.sleep(0.1)
        self.kill()
        raise RuntimeError("gunicorn did not answer on 127.0.0.1")

    def kill(self) -> None:
        """SIGKILL the whole process group: no worker gets to finish anything."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        self.process = None

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()
        self.process = None


# --- Clients --------------------------------------------------------------------------------


@dataclass
class Answer:
    status: int  # 0: no answer (connection refused or reset)
    body: dict[str, Any]
    seconds: float


def get(port: int, path: str, session: str | None = None) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection(HOST, port, timeout=10)
    try:
        headers = {"Cookie": f"sessionid={session}"} if session else {}
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def post(
    port: int,
    path: str,
    session: str,
    fields: dict[str, Any],
    timeout: float = 30.0,
    *,
    keep_alive: bool = False,
) -> Answer:
    """One form POST as a phone's page sends it, over a raw socket.

    The request is written as bytes: http.client parses every header through the email
    package, about half a millisecond of the client's CPU per request, which on two shared
    cores is taken from the server it measures. ``keep_alive``: over this thread's kept-alive
    connection, as a phone's browser sends it on the connection its page's live poll keeps
    open; otherwise on a new connection closed after the answer.
    """
    from urllib.parse import urlencode

    body = urlencode(fields, doseq=True).encode()
    head = (
        f"POST {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\n"
        f"Connection: {'keep-alive' if keep_alive else 'close'}\r\n"
        f"Cookie: sessionid={session}; csrftoken={CSRF_TOKEN}\r\nX-CSRFToken: {CSRF_TOKEN}\r\n"
        "Accept: application/json\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode()
    started = time.perf_counter()
    try:
        if keep_alive:
            answer = _kept_exchange(port, head + body, timeout)
        else:
            with socket.create_connection((HOST, port), timeout=timeout) as sock:
                sock.sendall(head + body)
                chunks = []
                while chunk := sock.recv(65536):
                    chunks.append(chunk)
            answer = b"".join(chunks)
    except OSError:
        return Answer(0, {}, time.perf_counter() - started)
    status, raw = _parse_answer(answer)
    try:
        data = json.loads(raw) if raw else {}
    except ValueError:
        data = {"raw": raw[:200].decode(errors="replace")}
    return Answer(status, data, time.perf_counter() - started)


_KEPT = threading.local()


def _kept_exchange(port: int, request: bytes, timeout: float) -> bytes:
    """Send on this thread's open connection and read one answer by its length; a connection
    the server closed while idle is opened again and the request sent once more (a vote
    carries its idempotency key, so a resend is the same vote)."""
    for attempt in range(2):
        sock = getattr(_KEPT, "sock", None)
        if sock is None:
            sock = _KEPT.sock = socket.create_connection((HOST, port), timeout=timeout)
        try:
            sock.sendall(request)
            answer = _read_one(sock)
        except OSError:
            answer = None
        if answer is not None:
            return answer
        sock.close()
        _KEPT.sock = None
        if attempt:
            break
    raise OSError("the server closed the connection")


def _read_one(sock: socket.socket) -> bytes | None:
    """One HTTP/1.1 answer with a Content-Length, or None when the connection ends first."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(rest) < length:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        rest += chunk
    if b"connection: close" in head.lower():
        sock.close()
        _KEPT.sock = None
    return head + b"\r\n\r\n" + rest


def _parse_answer(answer: bytes) -> tuple[int, bytes]:
    """(status, body) of an HTTP/1.x answer read to the end; (0, b"") when it is cut short.

    A server killed while writing can leave its status line and part of the body: fewer
    bytes than the Content-Length it announced, or a chunked body without its last chunk, is
    no answer, as the voter's page treats it (it sends the same vote again).
    """
    head, found, body = answer.partition(b"\r\n\r\n")
    parts = head.split(b" ", 2)
    if not found or len(parts) < 2 or not parts[0].startswith(b"HTTP/") or not parts[1].isdigit():
        return 0, b""
    lowered = head.lower()
    if b"\r\ntransfer-encoding: chunked" in lowered:
        whole = _unchunk(body)
        if whole is None:
            return 0, b""
        body = whole
    else:
        length = _content_length(lowered)
        if length is not None and len(body) < length:
            return 0, b""
    return int(parts[1]), body


def _content_length(head: bytes) -> int | None:
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip() == b"content-length" and value.strip().isdigit():
            return int(value.strip())
    return None


def _unchunk(body: bytes) -> bytes | None:
    """The chunks joined, or None when the body ends before its last (empty) chunk."""
    out: list[bytes] = []
    rest = body
    while rest:
        size_line, _, rest = rest.partition(b"\r\n")
        try:
            size = int(size_line.split(b";")[0] or b"0", 16)
        except ValueError:
            return None
        if size == 0:
            return b"".join(out)
        if len(rest) < size:
            return None
        out.append(rest[:size])
        rest = rest[size + 2 :]
    return None


def vote_key(poll: int, voter: int, attempt: int = 0) -> str:
    """The idempotency key a voter's page would carry: stable per voter (and attempt)."""
    return f"drill-{poll}-{voter:06d}-{attempt:02d}-key"


def post_vote(
    port: int,
    poll: int,
    session: str,
    key: str,
    *,
    choice: str = "for",
    kept: Iterable[int] | None = None,
    keep_alive: bool = False,
) -> Answer:
    fields: dict[str, Any] = {"key": key}
    if kept is not None:
        fields["kept"] = list(kept)
    else:
        fields["choice"] = choice
    return post(port, f"/bieu-quyet/{poll}/bo-phieu/", session, fields, keep_alive=keep_alive)


def close_over_http(port: int, poll: int, manager_session: str) -> Answer:
    return post(port, f"/bieu-quyet/{poll}/ket-thuc/", manager_session, {})


def burst(
    port: int,
    poll: int,
    sessions: list[str],
    *,
    concurrency: int = 32,
    choice_for: Any = None,
    kept_for: Any = None,
    keep_alive: bool = False,
) -> list[Answer]:
    """Every session votes once, ``concurrency`` at a time; answers in session order."""

    def one(index: int) -> Answer:
        kept = kept_for(index) if kept_for else None
        choice = choice_for(index) if choice_for else "for"
        return post_vote(
            port,
            poll,
            sessions[index],
            vote_key(poll, index),
            choice=choice,
            kept=kept,
            keep_alive=keep_alive,
        )

    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        return list(pool.map(one, range(len(sessions))))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Vote drill: prepare or verify a drill poll.")
    sub = parser.add_subparsers(dest="command", required=True)
    prepare = sub.add_parser("prepare")
    prepare.add_argument("--voters", type=int, default=100)
    prepare.add_argument("--polls", type=int, default=1)
    prepare.add_argument("--kind", default="motion", choices=["motion", "election"])
    prepare.add_argument("--secrecy", default="secret", choices=["named", "secret"])
    check = sub.add_parser("verify")
    check.add_argument("--poll", type=int, required=True)
    sub.add_parser("touch", help="the idle clock of sessions (keys on stdin) to now")
    measure = sub.add_parser("profile", help="statements and CPU of one vote, in process")
    measure.add_argument("--voters", type=int, default=200)
    measure.add_argument("--kind", default="motion", choices=["motion", "election"])
    args = parser.parse_args(argv)
    _setup_django(fast_sqlite=args.command == "prepare")
    if args.command == "prepare":
        migrate()
        print(json.dumps(seed(args.voters, polls=args.polls, kind=args.kind, secrecy=args.secrecy)))
    elif args.command == "touch":
        print(json.dumps(touch(sys.stdin.read().split())))
    elif args.command == "profile":
        migrate()
        print(json.dumps(profile(args.voters, kind=args.kind)))
    else:
        print(json.dumps(verify(args.poll)))


if __name__ == "__main__":
    main()
