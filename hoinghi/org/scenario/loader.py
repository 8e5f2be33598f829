"""Writing a checked scenario into the database: all of it, or nothing.

Rows are matched by their codes (agency code, unit code, staff code, username, year), so
loading the same file twice changes nothing. The file is the truth for what it lists: a
person's positions and training records, and an account's roles in this agency, are made
to match it. Units, people and accounts the file does not mention are left as they are.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.models import AbstractBaseUser, User
from django.db import models, transaction

from hoinghi.audit.services import record
from hoinghi.org.models import (
    Agency,
    AgencyPeriod,
    Person,
    Position,
    RoleAssignment,
    Training,
    Unit,
    WorkYear,
)
from hoinghi.org.scenario.errors import Issue
from hoinghi.org.scenario.reading import join_path
from hoinghi.org.scenario.sections import LoadContext, sections
from hoinghi.org.scenario.spec import (
    AccountSpec,
    PeriodSpec,
    PersonSpec,
    ScenarioSpec,
    read_scenario,
)

CHANGE_LABELS = {
    "agency": "cơ quan",
    "units": "đơn vị",
    "people": "người",
    "positions": "chức vụ",
    "trainings": "khóa đào tạo",
    "accounts": "tài khoản",
    "roles": "phân quyền",
    "years": "năm công tác",
    "sections": "bản ghi khác",
}


@dataclass
class LoadReport:
    agency: Agency
    changes: Counter[str] = field(default_factory=Counter)
    dry_run: bool = False

    @property
    def changed(self) -> bool:
        return sum(self.changes.values()) > 0

    def summary(self) -> str:
        if not self.changed:
            return f"{self.agency.code}: không có thay đổi."
        parts = ", ".join(
            f"{count} {CHANGE_LABELS.get(kind, kind)}"
            for kind, count in self.changes.items()
            if count
        )
        verb = "sẽ ghi" if self.dry_run else "đã ghi"
        return f"{self.agency.code}: {verb} {parts}."


def load_scenario_data(
    data: Any, *, source: str = "", actor: AbstractBaseUser | None = None, dry_run: bool = False
) -> LoadReport:
    """Check a parsed scenario and write it in one transaction (rolled back on a dry run)."""
    spec = read_scenario(data, source)
    with transaction.atomic():
        report = _write(spec, source)
        if report.changed and not dry_run:
            record(
                "org.load_scenario",
                actor=actor,
                target=report.agency,
                agency_code=report.agency.code,
                data={"source": source, "changes": dict(report.changes)},
            )
        if dry_run:
            report.dry_run = True
            transaction.set_rollback(True)
    return report


def _assign(obj: models.Model, **values: Any) -> bool:
    """Set the fields that differ; report whether any did."""
    changed = False
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    return changed


def _write(spec: ScenarioSpec, source: str) -> LoadReport:
    agency, created = _write_agency(spec, source)
    ctx = LoadContext(agency=agency, units={}, people={}, users={}, source=source)
    report = LoadReport(agency)
    report.changes["agency"] += created
    report.changes["units"] += _write_units(ctx, spec)
    _write_people(ctx, spec, report.changes)
    _write_accounts(ctx, spec, report.changes)
    work_years = _write_years(ctx, spec, report.changes)
    ctx.raise_issues()
    _load_sections(ctx, spec, work_years)
    report.changes["sections"] += ctx.changes
    return report


def _write_agency(spec: ScenarioSpec, source: str) -> tuple[Agency, bool]:
    a = spec.agency
    parent = None
    if a.parent:
        parent = Agency.objects.filter(code=a.parent).first()
        if parent is None:
            LoadContext(Agency(), {}, {}, {}, source).error(
                "agency.parent",
                f"không có cơ quan cấp trên mã «{a.parent}»; nạp kịch bản của cơ quan đó trước",
            )
    values = {
        "name": a.name,
        "short_name": a.short_name,
        "abbreviation": a.abbreviation,
        "kind": a.kind,
        "parent": parent,
        "parent_name": a.parent_name,
        "place_name": a.place_name,
    }
    agency = Agency.objects.filter(code=a.code).first()
    if agency is None:
        agency = Agency.objects.create(code=a.code, **values)
        _write_history(agency, a.history)
        return agency, True
    changed = _assign(agency, **values)
    if changed:
        agency.save()
    return agency, _write_history(agency, a.history) or changed


def _write_history(agency: Agency, history: tuple[PeriodSpec, ...] | None) -> bool:
    """The agency's periods as the scenario lists them (a period not listed is removed); a
    scenario without ``history`` leaves them as they are."""
    if history is None:
        return False
    wanted = {p.valid_from: (p.kind, p.superior_level, p.superior_name, p.note) for p in history}
    have = {
        p.valid_from: (p.kind, p.superior_level, p.superior_name, p.note)
        for p in AgencyPeriod.objects.filter(agency=agency)
    }
    if wanted == have:
        return False
    AgencyPeriod.objects.filter(agency=agency).delete()
    AgencyPeriod.objects.bulk_create(
        AgencyPeriod(
            agency=agency,
            valid_from=d,
            kind=kind,
            superior_level=level,
            superior_name=name,
            note=note,
        )
        for d, (kind, level, name, note) in sorted(wanted.items())
    )
    return True


def _write_units(ctx: LoadContext, spec: ScenarioSpec) -> int:
    ctx.units = {u.code: u for u in Unit.objects.filter(agency=ctx.agency)}
    changes = 0
    for u in spec.units:
        values = {
            "name": u.name,
            "abbreviation": u.abbreviation,
            "kind": u.kind,
            "parent": ctx.units[u.parent] if u.parent else None,
            "position": u.position,
            "task_group": u.task_group,
        }
        unit = ctx.units.get(u.code)
        if unit is None:
            ctx.units[u.code] = Unit.objects.create(agency=ctx.agency, code=u.code, **values)
            changes += 1
        elif _assign(unit, **values):
            unit.save()
            changes += 1
    return changes


def _write_people(ctx: LoadContext, spec: ScenarioSpec, changes: Counter[str]) -> None:
    ctx.people = {p.staff_code: p for p in Person.objects.filter(agency=ctx.agency)}
    positions: dict[int, list[Position]] = {}
    for position in Position.objects.filter(person__agency=ctx.agency).select_related("unit"):
        positions.setdefault(position.person_id, []).append(position)
    trainings: dict[int, list[Training]] = {}
    for training in Training.objects.filter(person__agency=ctx.agency):
        trainings.setdefault(training.person_id, []).append(training)
    for p in spec.people:
        person = _write_person(ctx, p, changes)
        changes["positions"] += _sync_positions(ctx, person, p, positions.get(person.pk, []))
        changes["trainings"] += _sync_trainings(person, p, trainings.get(person.pk, []))


def _write_person(ctx: LoadContext, p: PersonSpec, changes: Counter[str]) -> Person:
    values = {
        "full_name": p.full_name,
        "gender": p.gender,
        "date_of_birth": p.date_of_birth,
        "category": p.category,
        "party_member": p.party_member,
        "union_member": p.union_member,
        "joined_on": p.joined_on,
        "left_on": p.left_on,
    }
    person = ctx.people.get(p.staff_code)
    if person is None:
        person = ctx.people[p.staff_code] = Person.objects.create(
            agency=ctx.agency, staff_code=p.staff_code, **values
        )
        changes["people"] += 1
    elif _assign(person, **values):
        person.save()
        changes["people"] += 1
    return person


def _sync_positions(
    ctx: LoadContext, person: Person, p: PersonSpec, existing: list[Position]
) -> int:
    by_key = {(pos.unit.code, pos.title, pos.valid_from): pos for pos in existing}
    changes = 0
    for s in p.positions:
        if s.unit not in ctx.units:
            ctx.issues.append(
                Issue(join_path(s.path, "unit"), f"không có đơn vị mã «{s.unit}» trong units")
            )
            continue
        values = {
            "is_leader": s.is_leader,
            "is_head": s.is_head,
            "agency_role": s.agency_role,
            "valid_to": s.valid_to,
        }
        position = by_key.pop((s.unit, s.title, s.valid_from), None)
        if position is None:
            Position.objects.create(
                person=person,
                unit=ctx.units[s.unit],
                title=s.title,
                valid_from=s.valid_from,
                **values,
            )
            changes += 1
        elif _assign(position, **values):
            position.save()
            changes += 1
    stale = [pos.pk for pos in by_key.values()]
    if stale:
        Position.objects.filter(pk__in=stale).delete()
    return changes + len(stale)


def _sync_trainings(person: Person, p: PersonSpec, existing: list[Training]) -> int:
    by_key = {(t.kind, t.name, t.starts_on): t for t in existing}
    changes = 0
    for s in p.trainings:
        values = {"institution": s.institution, "ends_on": s.ends_on}
        training = by_key.pop((s.kind, s.name, s.starts_on), None)
        if training is None:
            Training.objects.create(
                person=person, kind=s.kind, name=s.name, starts_on=s.starts_on, **values
            )
            changes += 1
        elif _assign(training, **values):
            training.save()
            changes += 1
    stale = [t.pk for t in by_key.values()]
    if stale:
        Training.objects.filter(pk__in=stale).delete()
    return changes + len(stale)


class _Passwords:
    """Hash each plain password once per load: a demo's twelve accounts share one hashing."""

    def __init__(self) -> None:
        self.hashes: dict[str, str] = {}
        self.checked: dict[tuple[str, str], bool] = {}

    def matches(self, plain: str, encoded: str) -> bool:
        if (plain, encoded) not in self.checked:
            self.checked[(plain, encoded)] = check_password(plain, encoded)
        return self.checked[(plain, encoded)]

    def hash(self, plain: str) -> str:
        if plain not in self.hashes:
            self.hashes[plain] = make_password(plain)
        return self.hashes[plain]


def _write_accounts(ctx: LoadContext, spec: ScenarioSpec, changes: Counter[str]) -> None:
    usernames = [a.username for a in spec.accounts]
    ctx.users = {u.username: u for u in User.objects.filter(username__in=usernames)}
    linked = {
        p.user_id: p
        for p in Person.objects.filter(user__username__in=usernames).select_related("agency")
    }
    roles: dict[int, list[RoleAssignment]] = {}
    for assignment in RoleAssignment.objects.filter(agency=ctx.agency).select_related("unit"):
        roles.setdefault(assignment.user_id, []).append(assignment)
    passwords = _Passwords()
    for a in spec.accounts:
        user = _write_user(ctx, a, passwords, changes)
        _link_person(ctx, a, user, linked.get(user.pk), changes)
        changes["roles"] += _sync_roles(ctx, a, user, roles.get(user.pk, []))


def _write_user(
    ctx: LoadContext, a: AccountSpec, passwords: _Passwords, changes: Counter[str]
) -> User:
    user = ctx.users.get(a.username)
    created = user is None
    if user is None:
        user = ctx.users[a.username] = User(username=a.username)
    changed = _assign(user, email=a.email, is_active=a.is_active)
    if a.password_hash:
        changed |= _assign(user, password=a.password_hash)
    elif a.password and (created or not passwords.matches(a.password, user.password)):
        user.password = passwords.hash(a.password)
        changed = True
    elif created:
        user.set_unusable_password()
    if created or changed:
        user.save()
        changes["accounts"] += 1
    return user


def _link_person(
    ctx: LoadContext, a: AccountSpec, user: User, current: Person | None, changes: Counter[str]
) -> None:
    if not a.person:
        return
    person = ctx.people.get(a.person)
    if person is None:
        ctx.issues.append(
            Issue(join_path(a.path, "person"), f"không có người mã «{a.person}» trong people")
        )
        return
    if current is not None and current.pk != person.pk:
        if current.agency_id != ctx.agency.pk:
            ctx.issues.append(
                Issue(
                    join_path(a.path, "username"),
                    f"tài khoản «{a.username}» đã gắn với người của cơ quan {current.agency.code}",
                )
            )
            return
        Person.objects.filter(pk=current.pk).update(user=None)
    if person.user_id != user.pk:
        if person.user_id is not None:
            changes["accounts"] += 1  # the person's old account is unlinked
        person.user = user
        person.save(update_fields=["user"])
        changes["accounts"] += 1


def _sync_roles(
    ctx: LoadContext, a: AccountSpec, user: User, existing: list[RoleAssignment]
) -> int:
    by_key = {(r.role, r.unit.code if r.unit else ""): r for r in existing}
    changes = 0
    for s in a.roles:
        if s.unit and s.unit not in ctx.units:
            ctx.issues.append(
                Issue(join_path(s.path, "unit"), f"không có đơn vị mã «{s.unit}» trong units")
            )
            continue
        if by_key.pop((s.role, s.unit), None) is None:
            RoleAssignment.objects.create(
                user=user,
                role=s.role,
                agency=ctx.agency,
                unit=ctx.units[s.unit] if s.unit else None,
            )
            changes += 1
    stale = [r.pk for r in by_key.values()]
    if stale:
        RoleAssignment.objects.filter(pk__in=stale).delete()
    return changes + len(stale)


def _write_years(
    ctx: LoadContext, spec: ScenarioSpec, changes: Counter[str]
) -> dict[int, WorkYear]:
    years = {y.year: y for y in WorkYear.objects.filter(agency=ctx.agency)}
    for y in spec.years:
        values = {
            "starts_on": y.starts_on,
            "ends_on": y.ends_on,
            "state": y.state,
            "pinned_regimes": y.pinned_regimes,
        }
        work_year = years.get(y.year)
        if work_year is None:
            years[y.year] = WorkYear.objects.create(agency=ctx.agency, year=y.year, **values)
            changes["years"] += 1
        elif _assign(work_year, **values):
            work_year.save()
            changes["years"] += 1
    return years


def _load_sections(ctx: LoadContext, spec: ScenarioSpec, work_years: dict[int, WorkYear]) -> None:
    for section in sections(per_year=False):
        if section.name in spec.sections:
            value, path = spec.sections[section.name]
            section.load(ctx, value, path)
            ctx.raise_issues()
    for y in sorted(spec.years, key=lambda y: y.year):
        ctx.work_year = work_years[y.year]
        for section in sections(per_year=True):
            if section.name in y.sections:
                value, path = y.sections[section.name]
                section.load(ctx, value, path)
                ctx.raise_issues()
    ctx.work_year = None
