"""Writing checked staff rows: set-based, so the number of queries does not grow with rows.

Each kind of record is diffed against one preloaded query, then only what changed is
written, in batches: units level by level (a new unit may sit under another new unit),
people by one upsert per batch keyed on (agency, staff code), positions by one insert per
batch keyed on (person, unit, title, from date). Nothing is deleted: a person missing
from the file stays as they are.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from django.db import connection

from hoinghi.org.imports.columns import PERSON_FIELDS
from hoinghi.org.imports.rows import CheckedFile, StaffRow, UnitRef
from hoinghi.org.models import Agency, Person, Position, Unit, UnitKind
from hoinghi.vietnamese import fold, name_sort_key

BATCH = 1_000
ID_CHUNK = 10_000
UNIT_KIND_BY_PREFIX = (("van phong", UnitKind.OFFICE), ("uy ban", UnitKind.COMMITTEE),
                       ("ban ", UnitKind.BOARD), ("phong ", UnitKind.DIVISION), ("to ", UnitKind.TEAM))


@dataclass
class ImportCounts:
    people_created: int = 0
    people_updated: int = 0
    people_unchanged: int = 0
    units_created: int = 0
    units_updated: int = 0
    positions_created: int = 0
    positions_updated: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)

    @property
    def changes(self) -> int:
        return (self.people_created + self.people_updated + self.units_created + self.units_updated
                + self.positions_created + self.positions_updated)


@dataclass
class UnitRow:
    pk: int
    name: str
    parent_id: int | None


def agency_units(agency: Agency) -> dict[str, UnitRef]:
    """The agency's units as the checker needs them: code → name and parent code."""
    units = list(Unit.objects.filter(agency=agency).values_list("code", "name", "parent__code"))
    return {code: UnitRef(name, parent or "") for code, name, parent in units}


def write_staff(agency: Agency, checked: CheckedFile, *, dry_run: bool = False) -> ImportCounts:
    """Diff the rows against the database and, unless ``dry_run``, write the difference.
    The caller holds the transaction."""
    counts = ImportCounts()
    with wide_sqlite_batches():
        unit_ids = _write_units(agency, checked.rows, counts, dry_run=dry_run)
        person_ids = _write_people(agency, checked, counts, dry_run=dry_run)
        _write_positions(agency, checked.rows, unit_ids, person_ids, counts, dry_run=dry_run)
    return counts


@contextmanager
def wide_sqlite_batches() -> Iterator[None]:
    """Django assumes SQLite's historic limit of 999 bound variables per statement and so
    splits a bulk insert of people into batches of about 70 rows. The SQLite linked here
    reports its real limit (SQLITE_LIMIT_VARIABLE_NUMBER, 32,766 or more since 3.32), so
    for the import a batch of 1,000 rows is one statement."""
    if connection.vendor != "sqlite":
        yield
        return
    import sqlite3

    connection.ensure_connection()
    features = connection.features
    limit = connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    features.max_query_params = max(limit, 999)
    try:
        yield
    finally:
        del features.max_query_params  # back to the class default


def _unit_kind(name: str) -> str:
    folded = fold(name) + " "
    for prefix, kind in UNIT_KIND_BY_PREFIX:
        if folded.startswith(prefix):
            return kind
    return UnitKind.OTHER


def _write_units(agency: Agency, rows: list[StaffRow], counts: ImportCounts, *, dry_run: bool) -> dict[str, int]:
    loaded = list(Unit.objects.filter(agency=agency).values_list("code", "pk", "name", "parent_id", "position"))
    existing = {code: UnitRow(pk, name, parent_id) for code, pk, name, parent_id, _ in loaded}
    ids = {code: u.pk for code, u in existing.items()}
    wanted: dict[str, tuple[str, str]] = {}
    for r in rows:
        if r.unit_code and r.unit_code not in wanted and (r.unit_name or r.unit_parent_code):
            wanted[r.unit_code] = (r.unit_name, r.unit_parent_code)
        elif r.unit_code in wanted:  # a later row may give what the first one left out
            name, parent = wanted[r.unit_code]
            wanted[r.unit_code] = (name or r.unit_name, parent or r.unit_parent_code)
    new = {code for code in wanted if code not in existing}
    changed = {code for code, (name, parent) in wanted.items() if code in existing and (
        (name and name != existing[code].name) or (parent and ids.get(parent) != existing[code].parent_id))}
    counts.units_created, counts.units_updated = len(new), len(changed)
    if dry_run or not (new or changed):
        return ids
    pending = new | changed
    next_position = 1 + max((position for *_, position in loaded), default=0)
    while pending:
        # Parents first: a unit is ready when its parent is not itself waiting to be written.
        ready = sorted(c for c in pending if wanted[c][1] not in pending)
        objs = []
        for code in ready:
            name, parent = wanted[code]
            before = existing.get(code)
            objs.append(Unit(
                agency=agency, code=code, name=name or (before.name if before else code),
                parent_id=ids[parent] if parent else (before.parent_id if before else None),
                kind=_unit_kind(name), position=next_position,
            ))
            next_position += 0 if before else 1
        Unit.objects.bulk_create(objs, batch_size=BATCH, update_conflicts=True,
                                 unique_fields=["agency", "code"], update_fields=["name", "parent"])
        pending -= set(ready)
        ids.update(Unit.objects.filter(agency=agency, code__in=ready).values_list("code", "pk"))
    return ids


def _person_values(r: StaffRow) -> dict[str, Any]:
    return {key: getattr(r, key) for key in PERSON_FIELDS}


def _write_people(agency: Agency, checked: CheckedFile, counts: ImportCounts, *, dry_run: bool) -> dict[str, int]:
    fields = [f for f in PERSON_FIELDS if f in checked.present]
    existing = {row["staff_code"]: row for row in
                Person.objects.filter(agency=agency).values("pk", "staff_code", *fields)}
    to_write: list[Person] = []
    for r in checked.rows:
        values = _person_values(r)
        before = existing.get(r.staff_code)
        if before is None:
            counts.people_created += 1
        elif any(before[f] != values[f] for f in fields):
            counts.people_updated += 1
        else:
            counts.people_unchanged += 1
            continue
        to_write.append(Person(
            agency=agency, staff_code=r.staff_code, **{f: values[f] for f in fields},
            sort_key=name_sort_key(r.full_name), search_text=fold(f"{r.full_name} {r.staff_code}"),
        ))
    ids = {code: row["pk"] for code, row in existing.items()}
    if dry_run or not to_write:
        return ids
    Person.objects.bulk_create(to_write, batch_size=BATCH, update_conflicts=True,
                               unique_fields=["agency", "staff_code"],
                               update_fields=[*fields, "sort_key", "search_text"])
    if counts.people_created:
        ids = dict(Person.objects.filter(agency=agency).values_list("staff_code", "pk"))
    return ids


def _write_positions(agency: Agency, rows: list[StaffRow], unit_ids: dict[str, int],
                     person_ids: dict[str, int], counts: ImportCounts, *, dry_run: bool) -> None:
    if not any(r.unit_code for r in rows):
        return
    existing: dict[tuple[int, int, str, date], tuple[int, bool, bool]] = {
        (person_id, unit_id, title, valid_from): (pk, is_leader, is_head)
        for pk, person_id, unit_id, title, valid_from, is_leader, is_head in
        Position.objects.filter(person__agency=agency).values_list(
            "pk", "person_id", "unit_id", "title", "valid_from", "is_leader", "is_head")
    }
    new: list[StaffRow] = []
    flips: dict[tuple[bool, bool], list[int]] = {}
    for r in rows:
        if not r.unit_code or r.valid_from is None:  # the checker gives every position a date
            continue
        person_id, unit_id = person_ids.get(r.staff_code), unit_ids.get(r.unit_code)
        found = existing.get((person_id, unit_id, r.title, r.valid_from)) if person_id and unit_id else None
        if found is None:
            new.append(r)
        elif (found[1], found[2]) != (r.is_leader, r.is_head):
            flips.setdefault((r.is_leader, r.is_head), []).append(found[0])
    counts.positions_created = len(new)
    counts.positions_updated = sum(len(ids) for ids in flips.values())
    if dry_run:
        return
    Position.objects.bulk_create([_position(r, person_ids, unit_ids) for r in new], batch_size=BATCH)
    for (is_leader, is_head), ids in flips.items():
        for start in range(0, len(ids), ID_CHUNK):
            Position.objects.filter(pk__in=ids[start:start + ID_CHUNK]).update(is_leader=is_leader, is_head=is_head)


def _position(r: StaffRow, person_ids: dict[str, int], unit_ids: dict[str, int]) -> Position:
    assert r.valid_from is not None  # the checker fills it from the joining date
    return Position(person_id=person_ids[r.staff_code], unit_id=unit_ids[r.unit_code], title=r.title,
                    is_leader=r.is_leader, is_head=r.is_head, valid_from=r.valid_from)
