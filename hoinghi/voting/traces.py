"""Removing the physical trace of the voting order after a secret poll closes.

The close shuffles a secret poll's ballots and participations into new rows (services). The
rows it deleted still lie in the database's files until they are rewritten:

* **PostgreSQL** keeps the old tuple versions in the table's pages (with the ``xmin`` of the
  vote's transaction, shared by the participation and the ballot) and in the write-ahead
  log. After the commit, ``VACUUM FULL`` rewrites both tables into new files (the old files
  are removed; every row now carries the closing transaction), then, where the database role
  may (superuser or ``pg_checkpoint`` and ``EXECUTE`` on ``pg_switch_wal``), the log is
  switched to a new segment and a ``CHECKPOINT`` retires the segments that held the votes
  (removed, not recycled, with ``wal_recycle = off``: docs/deploy.md).
* **SQLite**: the shuffle ran with ``secure_delete`` (freed cells zeroed); a
  ``wal_checkpoint(TRUNCATE)`` folds the log into the file and empties it. A reader holding an
  old snapshot blocks the checkpoint: we wait at most :data:`SQLITE_WAIT_MS`, then retry in
  the background until the reader is gone (:data:`SQLITE_RETRY_SECONDS` apart), so the close
  answers at once and the file is clean as soon as the reader lets go.
"""

from __future__ import annotations

import logging
import threading
import time

from django.db import OperationalError, connection, connections

logger = logging.getLogger(__name__)

SECRET_TABLES = ("voting_ballot", "voting_participation")
SQLITE_WAIT_MS = 500
SQLITE_RETRY_SECONDS = 1.0
SQLITE_RETRY_LIMIT = 600  # ten minutes of retries, then the next close tries again
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
            rewrite_postgresql()
        elif connection.vendor == "sqlite" and not checkpoint_sqlite(SQLITE_WAIT_MS):
            _retry_in_background()
    except Exception:
        logger.exception("Không xóa được dấu vết thứ tự bỏ phiếu sau khi kết thúc bỏ phiếu kín")


def rewrite_postgresql() -> bool:
    """Rewrite the secret tables; retire the log when permitted. True when the log was too."""
    with connection.cursor() as cursor:
        for table in SECRET_TABLES:
            cursor.execute(f"VACUUM FULL {table}")
        cursor.execute(_PRIVILEGES)
        row = cursor.fetchone()
        if not (row and row[0]):
            logger.warning(
                "Không có quyền pg_checkpoint/pg_switch_wal: nhật ký ghi trước (WAL) giữ "
                "dấu vết thứ tự bỏ phiếu cho đến lần checkpoint tiếp theo."
            )
            return False
        cursor.execute("SELECT pg_switch_wal()")
        cursor.execute("CHECKPOINT")
    return True


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


def _retry_in_background() -> None:
    if not _retrying.acquire(blocking=False):
        return  # a retry is already waiting for the reader

    def retry() -> None:
        try:
            for _ in range(SQLITE_RETRY_LIMIT):
                time.sleep(SQLITE_RETRY_SECONDS)
                try:
                    if checkpoint_sqlite(0):
                        return
                except Exception:  # a closed database at shutdown: the next close retries
                    logger.exception("SQLite checkpoint after a secret close failed")
                    return
        finally:
            connections.close_all()
            _retrying.release()

    threading.Thread(target=retry, name="hoinghi-secret-checkpoint", daemon=True).start()
