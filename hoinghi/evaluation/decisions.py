"""Writing decided classifications: set-based, in batches, on both databases.

One path for the leader's approval of a unit's list and for a province's year-end batch
(``bench/yearend.py`` measures this very code). Each decision is serialised once — the law
shares one reason tuple between many results, so its JSON is built once per tuple — then:

- PostgreSQL: each batch is ``COPY``-ed into a temporary table — the JSON pieces many
  decisions share (citations, reasons) once each into a second one, so the server parses
  them once — and one ``UPDATE … FROM`` writes the batch into the evaluations;
- SQLite: one ``executemany`` per batch inside the caller's (IMMEDIATE) transaction.

Never ``bulk_update`` (PERFORMANCE.md S5).
"""

from __future__ import annotations

import dataclasses
import enum
import json
import operator
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

BATCH = 50_000
TABLE = PersonEvaluation._meta.db_table
TEMP = "hoinghi_decided_evaluation"
FACT_FIELDS = tuple(PersonEvaluationFacts.__dataclass_fields__)
_read_facts = operator.attrgetter(*FACT_FIELDS)
_MISSING = object()
FACT_DEFAULTS = tuple(
    f.default if f.default is not dataclasses.MISSING else _MISSING
    for f in dataclasses.fields(PersonEvaluationFacts)
)


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
        return (
            self.evaluation_id,
            self.rating,
            self.not_classified,
            self.rule_code,
            self.rule_version,
            self.citations,
            self.reasons,
            self.facts,
        )


_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode


def _plain(value: Any) -> Any:
    kind = type(value)
    if value is None or kind is str or kind is int or kind is bool:
        return value
    if isinstance(value, enum.Enum):
        return value._value_
    if isinstance(value, Fraction):
        return int(value) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"
    return to_json_value(value)


def facts_dict(facts: PersonEvaluationFacts) -> dict[str, Any]:
    """The facts the law read (the input snapshot of the decision). Fields left at the law's
    default (``PersonEvaluationFacts``) are omitted: the rule version fixes them. The test is
    identity (the defaults are None, False, small integers, enum members, ""), so at worst an
    equal value is written out."""
    return {
        name: _plain(value)
        for name, value, default in zip(FACT_FIELDS, _read_facts(facts), FACT_DEFAULTS, strict=True)
        if value is not default
    }


class Serialiser:
    """JSON of the pieces results share: reason tuples, caps. Use one per batch."""

    def __init__(self) -> None:
        self._reasons: dict[int, tuple[object, str, str]] = {}
        self._results: dict[tuple[Any, ...], tuple[object, str]] = {}

    def reasons(self, result: Result) -> tuple[str, str]:
        """(citations JSON, reasons JSON) of a result, built once per distinct reason tuple."""
        key = id(result.reasons)
        hit = self._reasons.get(key)
        if hit is None or hit[0] is not result.reasons:
            hit = (
                result.reasons,
                _dumps([c.render() for c in result.citations]),
                _dumps([r.to_dict() for r in result.reasons]),
            )
            self._reasons[key] = hit
        return hit[1], hit[2]

    def decided(
        self,
        evaluation_id: int,
        level: Result,
        final: Rating | None,
        facts: PersonEvaluationFacts,
        checks_json: str = "[]",
    ) -> Decided:
        """The decision on one person: the law's level, the final rating and the snapshot."""
        citations, reasons = self.reasons(level)
        snapshot = f'{{"person":{_dumps(facts_dict(facts))},"result":{self.result(level)},"caps":{checks_json}}}'
        return Decided(
            evaluation_id,
            final.value if final else "",
            level.outcome is None,
            level.rule,
            level.rule_version,
            citations,
            reasons,
            snapshot,
        )

    def result(self, level: Result) -> str:
        """The result's JSON without its reasons (they have their own column), built once when shared."""
        key = (id(level.values), level.outcome, level.rule, level.rule_version, level.on)
        hit = self._results.get(key)
        if hit is None or hit[0] is not level.values:
            hit = (
                level.values,
                _dumps(
                    {
                        "question": level.rule,
                        "on": level.on.isoformat(),
                        "outcome": _plain(level.outcome),
                        "values": {k: to_json_value(v) for k, v in level.values.items()},
                        "rule_version": level.rule_version,
                    }
                ),
            )
            self._results[key] = hit
        return hit[1]


def checks_json(results: Iterable[Result]) -> str:
    return _dumps([r.to_dict() for r in results])


def write_decisions(rows: Sequence[Decided], *, decided_by_id: int | None, decided_on: date) -> int:
    """Mark the evaluations decided with their rating and record; returns the rows written."""
    ops = connection.ops
    constants = (
        Stage.APPROVED.value,
        decided_by_id,
        ops.adapt_datefield_value(decided_on),
        ops.adapt_datetimefield_value(timezone.now()),
    )
    with transaction.atomic(), connection.cursor() as cursor:
        write = _write_postgresql if connection.vendor == "postgresql" else _write_sqlite
        for start in range(0, len(rows), BATCH):
            write(cursor, rows[start : start + BATCH], constants)
    return len(rows)


_SET = "stage = %s, decided_by_id = %s, decided_on = %s, updated_at = %s"


def _write_postgresql(cursor: Any, rows: Sequence[Decided], constants: tuple[Any, ...]) -> None:
    """COPY the batch, its shared JSON pieces (citations, reasons) once each, then one UPDATE."""
    pieces: dict[tuple[int, int], tuple[int, str, str]] = {}
    keyed = []
    for row in rows:
        piece = pieces.setdefault(
            (id(row.citations), id(row.reasons)), (len(pieces), row.citations, row.reasons)
        )
        keyed.append(
            (
                row.evaluation_id,
                row.rating,
                row.not_classified,
                row.rule_code,
                row.rule_version,
                piece[0],
                row.facts,
            )
        )
    cursor.execute(
        f"CREATE TEMPORARY TABLE IF NOT EXISTS {TEMP} (id bigint, rating varchar(4), not_classified boolean, "
        "rule_code varchar(80), rule_version varchar(40), piece integer, facts jsonb) ON COMMIT DROP"
    )
    cursor.execute(
        f"CREATE TEMPORARY TABLE IF NOT EXISTS {TEMP}_piece (piece integer, citations jsonb, "
        "reasons jsonb) ON COMMIT DROP"
    )
    cursor.execute(f"TRUNCATE {TEMP}, {TEMP}_piece")
    raw = cursor.cursor  # the psycopg cursor: COPY is not part of the DB-API
    with raw.copy(f"COPY {TEMP}_piece (piece, citations, reasons) FROM STDIN") as copy:
        for piece in pieces.values():
            copy.write_row(piece)
    with raw.copy(
        f"COPY {TEMP} (id, rating, not_classified, rule_code, rule_version, piece, facts) "
        "FROM STDIN"
    ) as copy:
        for values in keyed:
            copy.write_row(values)
    cursor.execute(f"ANALYZE {TEMP}, {TEMP}_piece")  # real row counts: hash joins, no sort to disk
    cursor.execute(
        f"UPDATE {TABLE} AS e SET rating = t.rating, not_classified = t.not_classified, rule_code = t.rule_code, "
        "rule_version = t.rule_version, citations = p.citations, reasons = p.reasons, facts = t.facts, "
        f"{_SET} FROM {TEMP} AS t JOIN {TEMP}_piece AS p ON p.piece = t.piece "
        "WHERE e.id = t.id AND e.id BETWEEN %s AND %s",  # the key range: a primary-key scan, not the table
        (*constants, min(r.evaluation_id for r in rows), max(r.evaluation_id for r in rows)),
    )


def _write_sqlite(cursor: Any, rows: Sequence[Decided], constants: tuple[Any, ...]) -> None:
    sql = (
        f"UPDATE {TABLE} SET rating = %s, not_classified = %s, rule_code = %s, rule_version = %s, "
        f"citations = %s, reasons = %s, facts = %s, {_SET} WHERE id = %s"
    )
    cursor.executemany(sql, [(*r.as_row()[1:], *constants, r.evaluation_id) for r in rows])
