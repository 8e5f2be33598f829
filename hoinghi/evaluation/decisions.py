"""Writing decided classifications: insert-only, set-based, on both databases.

One path for the leader's approval of a unit's list and for a province's year-end batch
(``bench/yearend.py`` measures this very code). Each decision is serialised once — the law
shares one reason tuple between many results, so its JSON and digest are built once per
tuple — then written as a new :class:`ClassificationDecision` row (never an update of an
earlier one), its citations and reasons as a :class:`DecisionBasis` stored once:

- the bases not stored yet: ``INSERT … ON CONFLICT DO NOTHING``;
- the decisions: on PostgreSQL ``COPY`` straight into their table, on SQLite one
  ``executemany`` per batch inside the caller's (IMMEDIATE) transaction;
- the evaluations' level (rating, stage, who and when): one narrow ``UPDATE`` per distinct
  rating on PostgreSQL (``id = ANY(…)``), one ``executemany`` on SQLite.

Never ``bulk_update`` or ``bulk_create`` (docs/benchmarks.md S5).
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
import operator
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from hoinghi.evaluation.models import (
    ClassificationDecision,
    DecisionBasis,
    PersonEvaluation,
    Stage,
)
from hoinghi.law.evaluation import PersonEvaluationFacts, Rating
from hoinghi.law.results import Result, to_json_value

BATCH = 50_000
TABLE = PersonEvaluation._meta.db_table
DECISIONS = ClassificationDecision._meta.db_table
BASES = DecisionBasis._meta.db_table
DECISION_COLUMNS = (
    "evaluation_id",
    "rating",
    "not_classified",
    "rule_code",
    "rule_version",
    "basis_id",
    "facts",
    "decided_by_id",
    "decided_on",
    "decided_at",
)
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
    basis: str  # the digest of (citations, reasons)
    citations: str
    reasons: str
    facts: str


_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode


def basis_digest(citations: str, reasons: str) -> str:
    """The key of a :class:`DecisionBasis`: 32 hex digits of BLAKE2b over its JSON pair."""
    return hashlib.blake2b(f"[{citations},{reasons}]".encode(), digest_size=16).hexdigest()


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
        self._reasons: dict[int, tuple[object, str, str, str]] = {}
        self._results: dict[tuple[Any, ...], tuple[object, str]] = {}

    def reasons(self, result: Result) -> tuple[str, str, str]:
        """(digest, citations JSON, reasons JSON) of a result, built once per distinct
        reason tuple."""
        key = id(result.reasons)
        hit = self._reasons.get(key)
        if hit is None or hit[0] is not result.reasons:
            citations = _dumps([c.render() for c in result.citations])
            reasons = _dumps([r.to_dict() for r in result.reasons])
            hit = (result.reasons, basis_digest(citations, reasons), citations, reasons)
            self._reasons[key] = hit
        return hit[1], hit[2], hit[3]

    def decided(
        self,
        evaluation_id: int,
        level: Result,
        final: Rating | None,
        facts: PersonEvaluationFacts,
        checks_json: str = "[]",
    ) -> Decided:
        """The decision on one person: the law's level, the final rating and the snapshot."""
        basis, citations, reasons = self.reasons(level)
        snapshot = f'{{"person":{_dumps(facts_dict(facts))},"result":{self.result(level)},"caps":{checks_json}}}'
        return Decided(
            evaluation_id,
            final.value if final else "",
            level.outcome is None,
            level.rule,
            level.rule_version,
            basis,
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
    """Record each decision as a new row and set the evaluations' level; returns the rows."""
    ops = connection.ops
    now = ops.adapt_datetimefield_value(timezone.now())
    day = ops.adapt_datefield_value(decided_on)
    with transaction.atomic(), connection.cursor() as cursor:
        _insert_bases(cursor, rows)
        for start in range(0, len(rows), BATCH):
            batch = rows[start : start + BATCH]
            if connection.vendor == "postgresql":
                _copy_decisions(cursor, batch, (decided_by_id, day, now))
            else:
                _execute_decisions(cursor, batch, (decided_by_id, day, now))
            _set_levels(cursor, batch, (Stage.APPROVED.value, decided_by_id, day, now))
    return len(rows)


def _insert_bases(cursor: Any, rows: Sequence[Decided]) -> None:
    bases: dict[str, tuple[str, str, str]] = {}
    for row in rows:
        if row.basis not in bases:
            bases[row.basis] = (row.basis, row.citations, row.reasons)
    cast = "::jsonb" if connection.vendor == "postgresql" else ""
    cursor.executemany(  # in digest order: two batches at once take the keys' locks alike
        f"INSERT INTO {BASES} (digest, citations, reasons) VALUES (%s, %s{cast}, %s{cast}) "
        "ON CONFLICT (digest) DO NOTHING",
        sorted(bases.values()),
    )


def _copy_decisions(cursor: Any, rows: Sequence[Decided], constants: tuple[Any, ...]) -> None:
    """PostgreSQL: ``COPY`` the batch straight into the decisions table."""
    raw = cursor.cursor  # the psycopg cursor: COPY is not part of the DB-API
    with raw.copy(f"COPY {DECISIONS} ({', '.join(DECISION_COLUMNS)}) FROM STDIN") as copy:
        write = copy.write_row
        for values in _decision_values(rows, constants):
            write(values)


def _execute_decisions(cursor: Any, rows: Sequence[Decided], constants: tuple[Any, ...]) -> None:
    marks = ", ".join(["%s"] * len(DECISION_COLUMNS))
    cursor.executemany(
        f"INSERT INTO {DECISIONS} ({', '.join(DECISION_COLUMNS)}) VALUES ({marks})",
        list(_decision_values(rows, constants)),
    )


def _decision_values(
    rows: Sequence[Decided], constants: tuple[Any, ...]
) -> Iterator[tuple[Any, ...]]:
    """Each decision's values in the order of ``DECISION_COLUMNS``."""
    for r in rows:
        yield (
            r.evaluation_id,
            r.rating,
            r.not_classified,
            r.rule_code,
            r.rule_version,
            r.basis,
            r.facts,
            *constants,
        )


_SET = "stage = %s, decided_by_id = %s, decided_on = %s, updated_at = %s"


def _set_levels(cursor: Any, rows: Sequence[Decided], constants: tuple[Any, ...]) -> None:
    """The evaluations' level: on PostgreSQL one narrow UPDATE per distinct (rating, not
    classified) — a handful per batch — over the ids as one array; on SQLite executemany."""
    if connection.vendor != "postgresql":
        cursor.executemany(
            f"UPDATE {TABLE} SET rating = %s, not_classified = %s, {_SET} WHERE id = %s",
            [(r.rating, r.not_classified, *constants, r.evaluation_id) for r in rows],
        )
        return
    groups: dict[tuple[str, bool], list[int]] = {}
    for r in rows:
        groups.setdefault((r.rating, r.not_classified), []).append(r.evaluation_id)
    for (rating, not_classified), ids in groups.items():
        cursor.execute(
            f"UPDATE {TABLE} SET rating = %s, not_classified = %s, {_SET} WHERE id = ANY(%s)",
            (rating, not_classified, *constants, ids),
        )
