"""Django's database sessions, read with SQL written once instead of a queryset per request.

Every signed-in request reads its session row first; through the ORM that read is compiled
again each time (about a tenth of a live-state request's CPU, docs/benchmarks.md, Voting).
The table, the rows, the expiry rule and every other operation (save, create, delete, cycle
the key at sign-in) are Django's own: only the read of one row by key changes, and it still
skips an expired row, so a session that ended stays ended.
"""

from __future__ import annotations

from typing import Any

from django.contrib.sessions.backends import db
from django.db import connections, router
from django.utils import timezone


class SessionStore(db.SessionStore):
    """``raw``: the row's stored data as read or last written in this request, for
    :mod:`hoinghi.voting.live_shortcut`, which compares it with the row on the next poll."""

    raw: str | None = None

    def create_model_instance(self, data: dict[str, Any]) -> Any:
        instance = super().create_model_instance(data)
        self.raw = instance.session_data
        return instance

    def _get_session_from_db(self) -> Any:
        key = self.session_key  # None when the cookie's key is malformed
        if key is None:
            return None
        model = self.model
        connection = connections[router.db_for_read(model)]
        table = connection.ops.quote_name(model._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT session_data FROM {table} WHERE session_key = %s AND expire_date > %s",
                [key, connection.ops.adapt_datetimefield_value(timezone.now())],
            )
            row = cursor.fetchone()
        if row is None:
            self._session_key = None
            return None
        self.raw = row[0]
        return model(session_key=key, session_data=row[0])
