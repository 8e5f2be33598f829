"""Writing checked staff rows: set-based, so the number of queries does not grow with rows.

Each kind of record is diffed against one preloaded query, then only what changed is
written as plain tuples through the cursor (hoinghi.org.imports.bulk: executemany on SQLite,
COPY + INSERT … SELECT on PostgreSQL): units level by level (a new unit may sit under another
new unit), people by one upsert keyed on (agency, staff code), positions by one insert of the
new ones and one update of changed flags. Nothing is deleted: a person missing from the file
stays as they are.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from django.db import models

from hoinghi.org.imports.bulk import Row, db_value, insert_rows, update_rows, upsert_rows
from hoinghi.org.imports.columns import PERSON_FIELDS
from hoinghi.org.imports.rows import CheckedFile, StaffRow, UnitRef
from hoinghi.org.models import Agency, Person, Position, Unit, UnitKind
from hoinghi.vietnamese import fold, name_sort_key

UNIT_KIND_BY_PREFIX = (
    ("van phong", UnitKind.OFFICE),
    ("uy ban", UnitKind.COMMITTEE),
    ("ban ", UnitKind.BOARD),
    ("phong ", UnitKind.DIVISION),
    ("to ", UnitKind.TEAM),
)


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
        return (
            self.people_created
            + self.people_updated
            + self.units_created
            + self.units_updated
            + self.positions_created
            + self.positions_updated
        )


@dataclass
class UnitRow:
    pk: int
    name: str
    parent_id: int | None
    task_group: str = ""


def agency_units(agency: Agency) -> dict[str, UnitRef]:
    """The agency's units as the checker needs them: code → name and parent code."""
    units = list(Unit.objects.filter(agency=agency).values_list("code", "name", "parent__code"))
    return {code: UnitRef(name, parent or "") for code, name, parent in units}


def write_staff(agency: Agency, checked: CheckedFile, *, dry_run: bool = False) -> ImportCounts:
    """Diff the rows against the database and, unless ``dry_run``, write the difference.
    The caller holds the transaction."""
    counts = ImportCounts()
    unit_ids = _write_units(agency, checked, counts, dry_run=dry_run)
    person_ids = _write_people(agency, checked, counts, dry_run=dry_run)
    _write_positions(agency, checked, unit_ids, person_ids, counts, dry_run=dry_run)
    return counts


def _unit_kind(name: str) -> str:
    folded = fold(name) + " "
    for prefix, kind in UNIT_KIND_BY_PREFIX:
        if folded.startswith(prefix):
            return kind
    return UnitKind.OTHER


def _write_units(
    agency: Agency, checked: CheckedFile, counts: ImportCounts, *, dry_run: bool
) -> dict[str, int]:
    rows = checked.rows
    loaded = list(
        Unit.objects.filter(agency=agency).values_list(
            "code", "pk", "name", "parent_id", "position", "task_group"
        )
    )
    existing = {
        code: UnitRow(pk, name, parent_id, group) for code, pk, name, parent_id, _, group in loaded
    }
    ids = {code: u.pk for code, u in existing.items()}
    # A unit's task group, where the file gives one (a blank cell changes nothing).
    groups = {r.unit_code: r.task_group for r in rows if r.unit_code and r.task_group}
    wanted: dict[str, tuple[str, str]] = {}
    for r in rows:
        if (
            r.unit_code
            and r.unit_code not in wanted
            and (r.unit_name or r.unit_parent_code or r.task_group)
        ):
            wanted[r.unit_code] = (r.unit_name, r.unit_parent_code)
        elif r.unit_code in wanted:  # a later row may give what the first one left out
            name, parent = wanted[r.unit_code]
            wanted[r.unit_code] = (name or r.unit_name, parent or r.unit_parent_code)
    new = {code for code in wanted if code not in existing}
    changed = {
        code
        for code, (name, parent) in wanted.items()
        if code in existing
        and (
            (name and name != existing[code].name)
            or (parent and ids.get(parent) != existing[code].parent_id)
            or (code in groups and groups[code] != existing[code].task_group)
        )
    }
    counts.units_created, counts.units_updated = len(new), len(changed)
    if dry_run or not (new or changed):
        return ids
    pending = new | changed
    next_position = 1 + max((row[4] for row in loaded), default=0)
    while pending:
        # Parents first: a unit is ready when its parent is not itself waiting to be written.
        ready = sorted(c for c in pending if wanted[c][1] not in pending)
        values: list[Row] = []
        for code in ready:
            name, parent = wanted[code]
            before = existing.get(code)
            values.append(
                (
                    agency.pk,
                    code,
                    name or (before.name if before else code),
                    ids[parent] if parent else (before.parent_id if before else None),
                    _unit_kind(name),
                    next_position,
                    "",
                    groups.get(code, before.task_group if before else ""),
                )
            )
            next_position += 0 if before else 1
        upsert_rows(
            Unit,
            UNIT_COLUMNS,
            values,
            conflict=("agency", "code"),
            update=("name", "parent", "task_group"),
        )
        pending -= set(ready)
        ids.update(Unit.objects.filter(agency=agency, code__in=ready).values_list("code", "pk"))
    return ids


UNIT_COLUMNS = (
    "agency",
    "code",
    "name",
    "parent",
    "kind",
    "position",
    "abbreviation",
    "task_group",
)
POSITION_COLUMNS = ("person", "unit", "title", "is_leader", "is_head", "valid_from", "agency_role")
POSITION_FLAGS = ("is_leader", "is_head", "agency_role")  # what a re-import may change


def person_defaults() -> dict[str, Any]:
    """What a new person gets for a column the file does not have (the model's defaults)."""
    defaults: dict[str, Any] = {}
    for name in PERSON_FIELDS:
        field = Person._meta.get_field(name)
        assert isinstance(field, models.Field)
        defaults[name] = field.get_default()
    return defaults


def _write_people(
    agency: Agency, checked: CheckedFile, counts: ImportCounts, *, dry_run: bool
) -> dict[str, int]:
    fields = [f for f in PERSON_FIELDS if f in checked.present]
    existing = {
        row[0]: row
        for row in Person.objects.filter(agency=agency).values_list("staff_code", "pk", *fields)
    }
    # One tuple per row in the order of ``fields``, compared with the stored tuple as it is.
    getters = [(i, f) for i, f in enumerate(PERSON_FIELDS) if f in checked.present]
    defaults = person_defaults()
    to_write: list[Row] = []
    for r in checked.rows:
        values = tuple(getattr(r, f) for _, f in getters)
        before = existing.get(r.staff_code)
        if before is None:
            counts.people_created += 1
        elif before[2:] != values:
            counts.people_updated += 1
        else:
            counts.people_unchanged += 1
            continue
        if dry_run:
            continue
        row = dict(defaults)
        row.update(zip(fields, values, strict=True))
        to_write.append(
            (
                agency.pk,
                r.staff_code,
                *(db_value(row[f]) for f in PERSON_FIELDS),
                name_sort_key(r.full_name),
                fold(f"{r.full_name} {r.staff_code}"),
            )
        )
    ids = {code: row[1] for code, row in existing.items()}
    if dry_run or not to_write:
        return ids
    upsert_rows(
        Person,
        ("agency", "staff_code", *PERSON_FIELDS, "sort_key", "search_text"),
        to_write,
        conflict=("agency", "staff_code"),
        update=(*fields, "sort_key", "search_text"),
    )
    if counts.people_created:
        ids = dict(Person.objects.filter(agency=agency).values_list("staff_code", "pk"))
    return ids


def _write_positions(
    agency: Agency,
    checked: CheckedFile,
    unit_ids: dict[str, int],
    person_ids: dict[str, int],
    counts: ImportCounts,
    *,
    dry_run: bool,
) -> None:
    rows = checked.rows
    if not any(r.unit_code for r in rows):
        return
    with_roles = "agency_role" in checked.present  # absent: the stored place is kept
    existing: dict[tuple[int, int, str, date], tuple[int, bool, bool, str]] = {
        (person_id, unit_id, title, valid_from): (pk, is_leader, is_head, role)
        for pk, person_id, unit_id, title, valid_from, is_leader, is_head, role in (
            Position.objects.filter(person__agency=agency).values_list(
                "pk", "person_id", "unit_id", "title", "valid_from", *POSITION_FLAGS
            )
        )
    }
    new: list[StaffRow] = []
    flips: list[Row] = []
    for r in rows:
        if not r.unit_code or r.valid_from is None:  # the checker gives every position a date
            continue
        person_id, unit_id = person_ids.get(r.staff_code), unit_ids.get(r.unit_code)
        found = (
            existing.get((person_id, unit_id, r.title, r.valid_from))
            if person_id and unit_id
            else None
        )
        if found is None:
            new.append(r)
            continue
        role = r.agency_role if with_roles else found[3]
        if found[1:] != (r.is_leader, r.is_head, role):
            flips.append((found[0], db_value(r.is_leader), db_value(r.is_head), role))
    counts.positions_created, counts.positions_updated = len(new), len(flips)
    if dry_run:
        return
    insert_rows(
        Position,
        POSITION_COLUMNS,
        [
            (
                person_ids[r.staff_code],
                unit_ids[r.unit_code],
                r.title,
                db_value(r.is_leader),
                db_value(r.is_head),
                db_value(r.valid_from),
                r.agency_role,
            )
            for r in new
        ],
    )
    update_rows(Position, POSITION_FLAGS, flips)
