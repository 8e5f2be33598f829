"""Removing the physical trace of the voting order after a secret poll closes.

The close shuffles a secret poll's ballots and participations into new rows (services). The
rows it deleted still lie in the database's files until they are rewritten:

* **PostgreSQL** keeps the old tuple versions in the table's pages (with the ``xmin`` of the
  vote's transaction, shared by the participation and the ballot) and in the write-ahead
  log. After the commit, ``VACUUM FULL`` rewrites both tables into new files (the old files
  are removed; every row now carries the closing transaction). A transaction whose snapshot
  predates the close (a request in flight, autovacuum's ANALYZE) makes it copy the removed
  versions too: its report says how many, and the rewrite is done again until none is kept,
  for :data:`PG_WAIT_SECONDS` in the close's request, then every second in the background.
  Then, where the database role
  may (superuser or ``pg_checkpoint`` and ``EXECUTE`` on ``pg_switch_wal``), the log is
  switched to a new segment and a ``CHECKPOINT`` retires the segments that held the votes
  (removed, not recycled, with ``wal_recycle = off``: docs/deploy.md).
* **SQLite**: the shuffle ran with ``secure_delete`` (freed cells zeroed); a
  ``wal_checkpoint(TRUNCATE)`` folds the log into the file and empties it. A reader holding an
  old snapshot blocks the checkpoint: we wait at most :data:`SQLITE_WAIT_MS`, then retry in
  the background until the reader is gone (:data:`RETRY_SECONDS` apart), so the close
  answers at once and the file is clean as soon as the reader lets go.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable
from typing import Any

from django.db import OperationalError, connection, connections

logger = logging.getLogger(__name__)

SECRET_TABLES = ("voting_ballot", "voting_participation")
SQLITE_WAIT_MS = 500
PG_WAIT_SECONDS = 2.0  # in the close's request, before handing over to the background
PG_RECHECK_SECONDS = 0.2
RETRY_SECONDS = 1.0
RETRY_LIMIT = 600  # ten minutes of retries, then the next close tries again
# VACUUM FULL's report: "N dead row versions cannot be removed yet." (copied, not removed)
_KEPT = re.compile(r"([0-9]+) dead row versions cannot be removed yet")
_PRIVILEGES = (
    "SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) "
    "OR (pg_has_role(current_user, 'pg_checkpoint', 'USAGE') "
    "AND has_function_privilege('pg_switch_wal()', 'EXECUTE'))"
)
_retrying = threading.Lock()


def erase_after_secret_close() -> None:
    """Run after the closing commit (``transaction.on_commit``). The close is already done:
    a failure here is logged, never turned into an error page for the secretary."""
    try:
        if connection.vendor == "postgresql":
            if not rewrite_postgresql(PG_WAIT_SECONDS):
                _retry_in_background(lambda: rewrite_postgresql(0))
        elif connection.vendor == "sqlite" and not checkpoint_sqlite(SQLITE_WAIT_MS):
            _retry_in_background(lambda: checkpoint_sqlite(0))
    except Exception:
        logger.exception("Không xóa được dấu vết thứ tự bỏ phiếu sau khi kết thúc bỏ phiếu kín")


def rewrite_postgresql(wait_seconds: float) -> bool:
    """Rewrite the secret tables until no removed row version is kept (a transaction whose
    snapshot is older than the close makes ``VACUUM FULL`` copy them into the new file),
    trying again for at most ``wait_seconds``; then retire the log where permitted. False
    while removed versions remain (the caller tries again later)."""
    deadline = time.monotonic() + wait_seconds
    while (kept := vacuum_full()) and time.monotonic() < deadline:
        time.sleep(PG_RECHECK_SECONDS)
    if kept:
        return False
    with connection.cursor() as cursor:
        cursor.execute(_PRIVILEGES)
        row = cursor.fetchone()
        if not (row and row[0]):
            logger.warning(
                "Không có quyền pg_checkpoint/pg_switch_wal: nhật ký ghi trước (WAL) giữ "
                "dấu vết thứ tự bỏ phiếu cho đến lần checkpoint tiếp theo."
            )
            return True
        cursor.execute("SELECT pg_switch_wal()")
        cursor.execute("CHECKPOINT")
    return True


def vacuum_full() -> int:
    """``VACUUM FULL`` of the secret tables; how many removed row versions it had to keep,
    read from its report (``VERBOSE``). A server whose messages are not in English
    (``lc_messages``) gives 0: the rewrite then runs once, as before this check."""
    connection.ensure_connection()
    reports: list[str] = []

    def heard(notice: Any) -> None:
        reports.append(notice.message_detail or "")

    raw = connection.connection
    raw.add_notice_handler(heard)
    try:
        with connection.cursor() as cursor:
            for table in SECRET_TABLES:
                cursor.execute(f"VACUUM (FULL, VERBOSE) {table}")
    finally:
        raw.remove_notice_handler(heard)
    return sum(int(m.group(1)) for r in reports if (m := _KEPT.match(r)))


def checkpoint_sqlite(wait_ms: int, alias: str = "default") -> bool:
    """Fold the write-ahead log into the file and empty it, waiting at most ``wait_ms``."""
    conn = connections[alias]
    with conn.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        row = cursor.fetchone()
        previous = int(row[0]) if row else 0
        cursor.execute(f"PRAGMA busy_timeout = {int(wait_ms)}")
        try:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            busy, _log, _done = cursor.fetchone()
        except OperationalError:  # "database is locked": a writer holds it
            busy = 1
        finally:
            cursor.execute(f"PRAGMA busy_timeout = {previous}")
    return busy == 0


def _retry_in_background(attempt: Callable[[], bool]) -> None:
    """Call ``attempt`` every :data:`RETRY_SECONDS` until it succeeds (at most
    :data:`RETRY_LIMIT` times), in a thread, so the close answers at once."""
    if not _retrying.acquire(blocking=False):
        return  # a retry is already waiting for the reader

    def retry() -> None:
        try:
            for _ in range(RETRY_LIMIT):
                time.sleep(RETRY_SECONDS)
                try:
                    if attempt():
                        return
                except Exception:  # a closed database at shutdown: the next close retries
                    logger.exception("Xóa dấu vết sau khi kết thúc bỏ phiếu kín không thành")
                    return
        finally:
            connections.close_all()
            _retrying.release()

    threading.Thread(target=retry, name="hoinghi-secret-erase", daemon=True).start()
