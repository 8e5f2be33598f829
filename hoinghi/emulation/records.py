"""Decision records of the eligibility table, stored compactly and written set-based.

Every eligibility row is a complete decision record: rule code and version on the row, its
citations and reasons in a :class:`ReasonSet`, the facts the rule read in a :class:`FactSet`.
Both sets are keyed by a digest of their text and stored once, however many rows share them
(an agency of 2,000 has a few dozen distinct reason lists and a few hundred fact snapshots).

Writing: the new sets with ``INSERT … ON CONFLICT DO NOTHING``; the rows on SQLite with one
``executemany`` in the caller's (IMMEDIATE) transaction, on PostgreSQL with one ``COPY`` straight
into the table (``computed_at`` is the column's database default). No model instances, no
``bulk_create``.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Hashable, Sequence

from django.db import connection

from hoinghi.emulation.models import Eligibility, FactSet, ReasonSet
from hoinghi.emulation.vocabulary import Outcome
from hoinghi.law.emulation.vocabulary import Title
from hoinghi.law.results import Reason, Result

# One eligibility row as written, in the order of COLUMNS.
Row = tuple[int, int | None, int | None, str, str, str, str, str, str]
COLUMNS = (
    "work_year_id",
    "person_id",
    "unit_id",
    "title",
    "outcome",
    "rule",
    "rule_version",
    "reason_set_id",
    "fact_set_id",
)
ELIGIBLE = Outcome.ELIGIBLE.value


def dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def digest(text: str) -> str:
    """The key of a set: 32 hex digits of BLAKE2b over its JSON text."""
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


class Records:
    """The rows of one computation and the distinct sets they point at.

    Reason lists are recognised by the identity of their (shared, cached) Reason objects, so
    each distinct list is rendered, encoded and hashed once; fact snapshots by a key the
    caller gives (the facts' values), so each distinct snapshot is encoded once."""

    def __init__(self, work_year_id: int) -> None:
        self.work_year_id = work_year_id
        self.rows: list[Row] = []
        self.reason_sets: dict[str, tuple[str, str]] = {}  # digest → (citations, reasons) JSON
        self.fact_sets: dict[str, str] = {}  # digest → facts JSON
        self._reasons: dict[tuple[int, ...], tuple[tuple[Reason, ...], str]] = {}
        self._facts: dict[Hashable, str] = {}

    def reasons(self, reasons: Sequence[Reason]) -> str:
        key = tuple(map(id, reasons))
        hit = self._reasons.get(key)
        # The objects are kept with the digest: an id is only unique while its object lives.
        if hit is not None and all(a is b for a, b in zip(hit[0], reasons, strict=True)):
            return hit[1]
        rendered = [r.to_dict() for r in reasons]
        citations = list(dict.fromkeys(r["citation"] for r in rendered if r["citation"]))
        found = digest(dumps([citations, rendered]))
        self.reason_sets[found] = (dumps(citations), dumps(rendered))
        self._reasons[key] = (tuple(reasons), found)
        return found

    def facts(self, key: Hashable, snapshot: Callable[..., object], *args: object) -> str:
        """The digest of the snapshot for ``key``, built (``snapshot(*args)``) once."""
        found = self._facts.get(key)
        if found is None:
            text = dumps(snapshot(*args))
            found = self._facts[key] = digest(text)
            self.fact_sets[found] = text
        return found

    def eligible(self) -> dict[str, int]:
        """How many rows are eligible, by title."""
        return dict(Counter(r[3] for r in self.rows if r[4] == ELIGIBLE))

    def add(
        self,
        title: Title,
        result: Result,
        reasons: Sequence[Reason],
        facts: str,
        *,
        person_id: int | None = None,
        unit_id: int | None = None,
        eligible: bool | None = None,
    ) -> None:
        if eligible is None:
            eligible = title in result.outcome
        outcome = Outcome.ELIGIBLE if eligible else Outcome.NOT_ELIGIBLE
        self.rows.append(
            (
                self.work_year_id,
                person_id,
                unit_id,
                title.value,
                outcome.value,
                result.rule,
                result.rule_version,
                self.reasons(reasons),
                facts,
            )
        )


def write(records: Records) -> None:
    """Insert the sets not stored yet, then every row (inside the caller's transaction)."""
    with connection.cursor() as cursor:
        insert_sets(cursor, records)
        if connection.vendor == "postgresql":
            copy_rows(cursor, records.rows)
        else:
            execute_rows(cursor, records.rows)


def insert_sets(cursor: object, records: Records) -> None:
    """The sets not stored yet, in digest order: two agencies' computations sharing sets take
    the keys' locks in the same order, so neither waits for the other in a cycle."""
    cast = "::jsonb" if connection.vendor == "postgresql" else ""
    q = connection.ops.quote_name
    reasons, facts = q(ReasonSet._meta.db_table), q(FactSet._meta.db_table)
    cursor.executemany(  # type: ignore[attr-defined]
        f"INSERT INTO {reasons} (digest, citations, reasons) VALUES (%s, %s{cast}, %s{cast}) "
        "ON CONFLICT (digest) DO NOTHING",
        sorted((d, c, r) for d, (c, r) in records.reason_sets.items()),
    )
    cursor.executemany(  # type: ignore[attr-defined]
        f"INSERT INTO {facts} (digest, facts) VALUES (%s, %s{cast}) ON CONFLICT (digest) DO NOTHING",
        sorted(records.fact_sets.items()),
    )


def target() -> tuple[str, str]:
    q = connection.ops.quote_name
    return q(Eligibility._meta.db_table), ", ".join(q(c) for c in (*COLUMNS, "computed_at"))


def execute_rows(cursor: object, rows: Sequence[Row]) -> None:
    """SQLite: one prepared statement run for every row, stamped with the database's clock."""
    table, names = target()
    marks = ", ".join(["%s"] * len(COLUMNS))
    cursor.executemany(  # type: ignore[attr-defined]
        f"INSERT INTO {table} ({names}) VALUES ({marks}, CURRENT_TIMESTAMP)", rows
    )


def copy_rows(cursor: object, rows: Sequence[Row]) -> None:
    """PostgreSQL: COPY straight into the table; the database stamps ``computed_at``."""
    table, _ = target()
    raw = cursor.cursor  # type: ignore[attr-defined]  # the psycopg cursor: COPY is not DB-API
    with raw.copy(f"COPY {table} ({', '.join(COLUMNS)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
