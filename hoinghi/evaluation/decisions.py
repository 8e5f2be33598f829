"""Writing decided classifications: set-based, in batches, on both databases.

One path for the leader's approval of a unit's list and for a province's year-end batch
(``bench/yearend.py`` measures this very code). Each decision is serialised once — the law
shares one reason tuple between many results, so its JSON is built once per tuple — then:

- PostgreSQL: each batch is ``COPY``-ed into a temporary table, and one
  ``UPDATE … FROM`` writes it into the evaluations;
- SQLite: one ``executemany`` per batch inside the caller's (IMMEDIATE) transaction.

Never ``bulk_update`` (PERFORMANCE.md S5).
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from hoinghi.evaluation.models import PersonEvaluation, Stage
from hoinghi.law.evaluation import PersonEvaluationFacts, Rating
from hoinghi.law.results import Result, to_json_value

BATCH = 10_000
TABLE = PersonEvaluation._meta.db_table
TEMP = "hoinghi_decided_evaluation"
COLUMNS = ("id", "rating", "not_classified", "rule_code", "rule_version", "citations", "reasons", "facts")
FACT_FIELDS = tuple(PersonEvaluationFacts.__dataclass_fields__)


@dataclass(frozen=True, slots=True)
class Decided:
    """One evaluation's decision, ready to write (JSON columns already serialised)."""

    evaluation_id: int
    rating: str  # "" when not classified
    not_classified: bool
    rule_code: str
    rule_version: str
    citations: str
    reasons: str
    facts: str

    def as_row(self) -> tuple[Any, ...]:
        return (self.evaluation_id, self.rating, self.not_classified, self.rule_code, self.rule_version,
                self.citations, self.reasons, self.facts)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _plain(value: Any) -> Any:
    if value is None or type(value) in (str, int, bool):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Fraction):
        return int(value) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"
    return to_json_value(value)


def facts_json(facts: PersonEvaluationFacts) -> str:
    """The facts the law read, as JSON text (the input snapshot of the decision)."""
    return _dumps({name: _plain(getattr(facts, name)) for name in FACT_FIELDS})


class Serialiser:
    """JSON of the pieces results share: reason tuples, caps. Use one per batch."""

    def __init__(self) -> None:
        self._reasons: dict[int, tuple[object, str, str]] = {}

    def reasons(self, result: Result) -> tuple[str, str]:
        """(citations JSON, reasons JSON) of a result, built once per distinct reason tuple."""
        key = id(result.reasons)
        hit = self._reasons.get(key)
        if hit is None or hit[0] is not result.reasons:
            hit = (result.reasons, _dumps([c.render() for c in result.citations]),
                   _dumps([r.to_dict() for r in result.reasons]))
            self._reasons[key] = hit
        return hit[1], hit[2]

    def decided(self, evaluation_id: int, level: Result, final: Rating | None, facts: PersonEvaluationFacts,
                checks_json: str = "[]") -> Decided:
        """The decision on one person: the law's level, the final rating and the snapshot."""
        citations, reasons = self.reasons(level)
        result = _dumps({"question": level.rule, "on": level.on.isoformat(), "outcome": _plain(level.outcome),
                         "values": {k: to_json_value(v) for k, v in level.values.items()},
                         "rule_version": level.rule_version})
        snapshot = f'{{"person":{facts_json(facts)},"result":{result},"caps":{checks_json}}}'
        return Decided(evaluation_id, final.value if final else "", level.outcome is None, level.rule,
                       level.rule_version, citations, reasons, snapshot)


def checks_json(results: Iterable[Result]) -> str:
    return _dumps([r.to_dict() for r in results])


def write_decisions(rows: Sequence[Decided], *, decided_by_id: int | None, decided_on: date) -> int:
    """Mark the evaluations decided with their rating and record; returns the rows written."""
    ops = connection.ops
    constants = (Stage.APPROVED.value, decided_by_id, ops.adapt_datefield_value(decided_on),
                 ops.adapt_datetimefield_value(timezone.now()))
    with transaction.atomic(), connection.cursor() as cursor:
        write = _write_postgresql if connection.vendor == "postgresql" else _write_sqlite
        for start in range(0, len(rows), BATCH):
            write(cursor, rows[start:start + BATCH], constants)
    return len(rows)


_SET = ("stage = %s, decided_by_id = %s, decided_on = %s, updated_at = %s")


def _write_postgresql(cursor: Any, rows: Sequence[Decided], constants: tuple[Any, ...]) -> None:
    cursor.execute(
        f"CREATE TEMPORARY TABLE IF NOT EXISTS {TEMP} (id bigint, rating varchar(4), not_classified boolean, "
        "rule_code varchar(80), rule_version varchar(40), citations jsonb, reasons jsonb, facts jsonb) "
        "ON COMMIT DROP")
    cursor.execute(f"TRUNCATE {TEMP}")
    raw = cursor.cursor  # the psycopg cursor: COPY is not part of the DB-API
    with raw.copy(f"COPY {TEMP} ({', '.join(COLUMNS)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row.as_row())
    cursor.execute(
        f"UPDATE {TABLE} AS e SET rating = t.rating, not_classified = t.not_classified, rule_code = t.rule_code, "
        "rule_version = t.rule_version, citations = t.citations, reasons = t.reasons, facts = t.facts, "
        f"{_SET} FROM {TEMP} AS t WHERE e.id = t.id", constants)


def _write_sqlite(cursor: Any, rows: Sequence[Decided], constants: tuple[Any, ...]) -> None:
    sql = (f"UPDATE {TABLE} SET rating = %s, not_classified = %s, rule_code = %s, rule_version = %s, "
           f"citations = %s, reasons = %s, facts = %s, {_SET} WHERE id = %s")
    cursor.executemany(sql, [(*r.as_row()[1:], *constants, r.evaluation_id) for r in rows])
