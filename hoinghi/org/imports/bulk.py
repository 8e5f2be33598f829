"""Set-based writes straight through the connection's cursor, one statement per kind of write.

Django's ``bulk_create`` builds every value of every row through the field machinery; for a
province's file that is most of the import's time. Here the rows are plain tuples, already
in database form, and each write is one statement whatever the number of rows:

- SQLite: one ``executemany`` of a prepared ``INSERT … ON CONFLICT … DO UPDATE`` (or
  ``UPDATE … WHERE id = ?``), inside the caller's IMMEDIATE transaction;
- PostgreSQL: ``COPY`` (psycopg 3's ``cursor.copy``) into a temporary table dropped at
  commit, then one ``INSERT … SELECT … ON CONFLICT … DO UPDATE`` (or ``UPDATE … FROM``);
  plain inserts are copied straight into the table.

The caller holds the transaction and passes values already converted with ``db_value``.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import date
from typing import Any

from django.db import connection, models

Row = tuple[Any, ...]
_SCRATCH_NUMBERS = itertools.count(1)


def db_value(value: Any) -> Any:
    """A Python value as both databases take it in a raw statement or a COPY row."""
    if connection.vendor == "sqlite":
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, bool):
            return int(value)
    return value


def _table(model: type[models.Model]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _field(model: type[models.Model], name: str) -> models.Field[Any, Any]:
    """The concrete field ``name`` of the model ("pk" for its primary key)."""
    field = model._meta.pk if name == "pk" else model._meta.get_field(name)
    assert isinstance(field, models.Field)
    return field


def _column(model: type[models.Model], name: str) -> str:
    return connection.ops.quote_name(_field(model, name).column)


def _columns(model: type[models.Model], fields: Sequence[str]) -> list[str]:
    return [_column(model, f) for f in fields]


def insert_rows(model: type[models.Model], fields: Sequence[str], rows: Sequence[Row]) -> None:
    """Insert new rows (no conflict expected)."""
    if not rows:
        return
    table, columns = _table(model), ", ".join(_columns(model, fields))
    if connection.vendor == "postgresql":
        _copy(f"{table} ({columns})", rows)
        return
    marks = ", ".join(["%s"] * len(fields))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)


def upsert_rows(
    model: type[models.Model],
    fields: Sequence[str],
    rows: Sequence[Row],
    *,
    conflict: Sequence[str],
    update: Sequence[str],
) -> None:
    """Insert rows, or update ``update`` of the row already holding the ``conflict`` key."""
    if not rows:
        return
    table, names = _table(model), _columns(model, fields)
    columns = ", ".join(names)
    keys = ", ".join(_columns(model, conflict))
    changes = ", ".join(f"{c} = EXCLUDED.{c}" for c in _columns(model, update))
    on_conflict = (
        f"ON CONFLICT ({keys}) DO UPDATE SET {changes}"
        if update
        else f"ON CONFLICT ({keys}) DO NOTHING"
    )
    if connection.vendor == "postgresql":
        scratch = _scratch_table(model, fields, rows)
        sql = f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {scratch} {on_conflict}"
        with connection.cursor() as cursor:
            cursor.execute(sql)
        return
    marks = ", ".join(["%s"] * len(fields))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks}) {on_conflict}", rows)


def update_rows(model: type[models.Model], fields: Sequence[str], rows: Sequence[Row]) -> None:
    """Set ``fields`` of rows known by primary key: each row is (pk, *values)."""
    if not rows:
        return
    table = _table(model)
    pk = _column(model, "pk")
    names = _columns(model, fields)
    if connection.vendor == "postgresql":
        scratch = _scratch_table(model, ["pk", *fields], rows)
        changes = ", ".join(f"{c} = s.{c}" for c in names)
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET {changes} FROM {scratch} s WHERE {table}.{pk} = s.{pk}"
            )
        return
    changes = ", ".join(f"{c} = %s" for c in names)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {table} SET {changes} WHERE {pk} = %s", [(*r[1:], r[0]) for r in rows]
        )


def _scratch_table(model: type[models.Model], fields: Sequence[str], rows: Sequence[Row]) -> str:
    """A temporary table with the fields' column types, filled by COPY (PostgreSQL only); a new
    name each time, dropped at commit."""
    meta = model._meta
    scratch = connection.ops.quote_name(f"import_{meta.db_table}_{next(_SCRATCH_NUMBERS)}")
    spec = []
    for name in fields:
        field = _field(model, name)
        # django-stubs declare rel_db_type only on some subclasses; Django defines it on Field.
        column_type = (
            field.rel_db_type(connection)  # type: ignore[attr-defined]
            if field.primary_key
            else field.db_type(connection)
        )
        spec.append(f"{connection.ops.quote_name(field.column)} {column_type}")
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TEMPORARY TABLE {scratch} ({', '.join(spec)}) ON COMMIT DROP")
    columns = ", ".join(_columns(model, fields))
    _copy(f"{scratch} ({columns})", rows)
    return scratch


def _copy(target: str, rows: Sequence[Row]) -> None:
    """COPY rows into ``target`` ("table (columns)") through psycopg 3."""
    with connection.cursor() as cursor:
        raw = cursor.cursor
        with raw.copy(f"COPY {target} FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
