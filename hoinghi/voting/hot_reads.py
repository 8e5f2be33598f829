"""The two reads every vote and every screen's poll make, as SQL written once per process.

A burst sends thousands of votes, and every projector and phone asks for a poll's live state
every second or two. Through the ORM each of these reads is compiled again on every request
(a third of a vote's CPU in the app). Here the SQL is written once from the models' own
metadata and the rows become model instances through the same converters the ORM applies
(:meth:`Model.from_db`), so what the views get is what a queryset would have given.

* :func:`voter_row`: the elector ⋈ poll ⋈ agency ⋈ person row of a vote.
* :func:`poll_for_member`: the poll and whether the user belongs to its agency (a person
  record or a role there), in one statement.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.db import connections
from django.db.models import Field, Model

from hoinghi.org.models import Agency, Person, RoleAssignment
from hoinghi.voting.models import Elector, Poll

Converter = Callable[[Any, Any, Any], Any]
DB = "default"
POLL_FIELDS: tuple[Field[Any, Any], ...] = tuple(Poll._meta.concrete_fields)
AGENCY_FIELDS = ("id", "code", "name")
PERSON_FIELDS = ("id", "agency_id", "user_id", "full_name")


def _fields(model: type[Model], attnames: tuple[str, ...]) -> tuple[Field[Any, Any], ...]:
    """The named fields in the model's own order (what :meth:`Model.from_db` expects)."""
    found = tuple(f for f in model._meta.concrete_fields if f.attname in attnames)
    if len(found) != len(attnames):
        raise LookupError(attnames)
    return found


@dataclass(frozen=True)
class Columns:
    """Selected columns of one model: their SQL and the ORM's converters for each."""

    model: type[Model]
    alias: str
    fields: tuple[Field[Any, Any], ...]

    def sql(self) -> str:
        return ", ".join(f'{self.alias}."{f.column}"' for f in self.fields)

    @cache  # noqa: B019  (a handful of instances, alive for the process)
    def converters(self) -> tuple[tuple[Any, tuple[Converter, ...]], ...]:
        """(column expression, converters) per field, as the ORM's compiler finds them."""
        connection = connections[DB]
        made = []
        for f in self.fields:
            col = f.get_col(self.alias)
            found = connection.ops.get_db_converters(col) + col.get_db_converters(connection)
            made.append((col, tuple(found)))
        return tuple(made)

    def build(self, values: Sequence[Any]) -> Model:
        connection = connections[DB]
        converted = []
        for (col, convs), value in zip(self.converters(), values, strict=True):
            for convert in convs:
                value = convert(value, col, connection)
            converted.append(value)
        return self.model.from_db(DB, [f.attname for f in self.fields], converted)


def _fetch_one(sql: str, params: list[Any] | dict[str, Any]) -> tuple[Any, ...] | None:
    with connections[DB].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()  # type: ignore[no-any-return]


POLL = Columns(Poll, "p", POLL_FIELDS)
AGENCY = Columns(Agency, "a", _fields(Agency, AGENCY_FIELDS))
PERSON = Columns(Person, "pe", _fields(Person, PERSON_FIELDS))


@cache
def _voter_sql() -> str:
    return (
        f"SELECT {POLL.sql()}, {AGENCY.sql()}, {PERSON.sql()} "
        f"FROM {Elector._meta.db_table} e "
        f"JOIN {Poll._meta.db_table} p ON p.id = e.poll_id "
        f"JOIN {Agency._meta.db_table} a ON a.id = p.agency_id "
        f"JOIN {Person._meta.db_table} pe ON pe.id = e.person_id "
        "WHERE e.poll_id = %s AND pe.user_id = %s LIMIT 1"
    )


def voter_row(poll_id: int, user_id: int) -> tuple[Poll, Person] | None:
    """The poll (with its agency's code and name) and the user's person, when the user is
    in the poll's frozen electorate; None otherwise."""
    row = _fetch_one(_voter_sql(), [poll_id, user_id])
    if row is None:
        return None
    n, m = len(POLL.fields), len(AGENCY.fields)
    poll, agency, person = (
        POLL.build(row[:n]),
        AGENCY.build(row[n : n + m]),
        PERSON.build(row[n + m :]),
    )
    poll.agency = agency  # type: ignore[attr-defined]
    person.agency = agency  # type: ignore[attr-defined]  # the elector's agency is the poll's
    return poll, person  # type: ignore[return-value]


def member_sql(poll: str, user: str) -> str:
    """SQL true when the user ``user`` (a placeholder) has a person record or a role in the
    agency of the poll aliased ``poll``."""
    return (
        f"(EXISTS (SELECT 1 FROM {Person._meta.db_table} x "
        f"WHERE x.user_id = {user} AND x.agency_id = {poll}.agency_id) "
        f"OR EXISTS (SELECT 1 FROM {RoleAssignment._meta.db_table} r "
        f"WHERE r.user_id = {user} AND r.agency_id = {poll}.agency_id))"
    )


@cache
def _member_sql() -> str:
    return (
        f"SELECT {POLL.sql()}, {member_sql('p', '%(user)s')} "
        f"FROM {Poll._meta.db_table} p WHERE p.id = %(poll)s"
    )


def poll_for_member(poll_id: int, user_id: int) -> tuple[Poll, bool] | None:
    """The poll and whether the user has a person record or a role in its agency (the rule of
    :func:`hoinghi.voting.access.belongs_to_agency`); None when there is no such poll."""
    row = _fetch_one(_member_sql(), {"user": user_id, "poll": poll_id})
    if row is None:
        return None
    return POLL.build(row[:-1]), bool(row[-1])  # type: ignore[return-value]
