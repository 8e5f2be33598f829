"""Writing an agency out in the scenario format: the inverse of the loader.

The output is deterministic (units in tree order, people by staff code, everything else
by its natural key) and leaves out empty values, so dump → load → dump gives the same file.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.auth.models import User
from django.db.models import Prefetch, Q

from hoinghi.org.models import Agency, Person, Position, RoleAssignment, Training, Unit, WorkYear
from hoinghi.org.scenario.sections import DumpContext, sections
from hoinghi.org.scenario.spec import VERSION


def _compact(**values: Any) -> dict[str, Any]:
    """Leave out what the loader would default anyway: None, "" and empty lists or mappings."""
    return {
        k: v.isoformat() if isinstance(v, date) else v
        for k, v in values.items()
        if v is not None and v != "" and v != [] and v != {}
    }


def dump_scenario_data(agency: Agency) -> dict[str, Any]:
    """The agency as a scenario mapping (dates as ISO strings), ready for YAML or JSON."""
    data: dict[str, Any] = {"version": VERSION, "agency": _agency(agency)}
    units = _units(agency)
    data["units"] = [_unit(u) for u in units]
    data["people"] = [_person(p) for p in _people(agency)]
    data["accounts"] = _accounts(agency)
    for section in sections(per_year=False):
        value = section.dump(DumpContext(agency))
        if value is not None:
            data[section.name] = value
    data["years"] = [
        _year(agency, y) for y in WorkYear.objects.filter(agency=agency).order_by("year")
    ]
    return {k: v for k, v in data.items() if v != []}


def _agency(agency: Agency) -> dict[str, Any]:
    return _compact(
        code=agency.code,
        name=agency.name,
        short_name=agency.short_name,
        abbreviation=agency.abbreviation,
        kind=agency.kind,
        parent=agency.parent.code if agency.parent else None,
        parent_name=agency.parent_name,
        place_name=agency.place_name,
        history=[
            _compact(
                valid_from=p.valid_from,
                kind=p.kind,
                superior_level=p.superior_level,
                superior_name=p.superior_name,
                note=p.note,
            )
            for p in agency.periods.order_by("valid_from")
        ],
    )


def _units(agency: Agency) -> list[Unit]:
    """Depth first, siblings by position: a parent always comes before its children."""
    units = list(
        Unit.objects.filter(agency=agency)
        .select_related("parent")
        .order_by("position", "name", "code")
    )
    children: dict[int | None, list[Unit]] = {}
    for unit in units:
        children.setdefault(unit.parent_id, []).append(unit)
    ordered: list[Unit] = []

    def visit(parent_id: int | None) -> None:
        for unit in children.get(parent_id, []):
            ordered.append(unit)
            visit(unit.pk)

    visit(None)
    return ordered


def _unit(unit: Unit) -> dict[str, Any]:
    return _compact(
        code=unit.code,
        name=unit.name,
        abbreviation=unit.abbreviation,
        kind=unit.kind,
        parent=unit.parent.code if unit.parent else None,
        task_group=unit.task_group,
    )


def _people(agency: Agency) -> list[Person]:
    positions = Position.objects.select_related("unit").order_by(
        "valid_from", "unit__code", "title"
    )
    trainings = Training.objects.order_by("starts_on", "kind", "name")
    return list(
        Person.objects.filter(agency=agency)
        .order_by("staff_code")
        .prefetch_related(
            Prefetch("positions", queryset=positions), Prefetch("trainings", queryset=trainings)
        )
    )


def _person(person: Person) -> dict[str, Any]:
    data = _compact(
        staff_code=person.staff_code,
        full_name=person.full_name,
        gender=person.gender,
        date_of_birth=person.date_of_birth,
        category=person.category,
    )
    data["party_member"] = person.party_member
    data["union_member"] = person.union_member
    data.update(
        _compact(
            joined_on=person.joined_on,
            left_on=person.left_on,
            positions=[_position(p) for p in person.positions.all()],
            trainings=[
                _compact(
                    kind=t.kind,
                    name=t.name,
                    institution=t.institution,
                    starts_on=t.starts_on,
                    ends_on=t.ends_on,
                )
                for t in person.trainings.all()
            ],
        )
    )
    return data


def _position(position: Position) -> dict[str, Any]:
    data = _compact(unit=position.unit.code, title=position.title)
    if position.is_leader != position.is_head:  # the loader's default: a head leads
        data["is_leader"] = position.is_leader
    if position.is_head:
        data["is_head"] = True
    if position.agency_role:
        data["agency_role"] = position.agency_role
    data.update(_compact(valid_from=position.valid_from, valid_to=position.valid_to))
    return data


def _accounts(agency: Agency) -> list[dict[str, Any]]:
    """Accounts linked to a person of the agency or holding a role in it, by username."""
    users = (
        User.objects.filter(Q(person__agency=agency) | Q(roles__agency=agency))
        .distinct()
        .select_related("person")
        .order_by("username")
        .prefetch_related(
            Prefetch(
                "roles",
                queryset=RoleAssignment.objects.filter(agency=agency)
                .select_related("unit")
                .order_by("role", "unit__code"),
            )
        )
    )
    accounts = []
    for user in users:
        person = getattr(user, "person", None)
        data = _compact(
            username=user.username,
            person=person.staff_code
            if person is not None and person.agency_id == agency.pk
            else None,
            email=user.email,
        )
        if not user.is_active:
            data["is_active"] = False
        data.update(
            _compact(
                password_hash=user.password,
                roles=[
                    {"role": r.role, "unit": r.unit.code} if r.unit else r.role
                    for r in user.roles.all()
                ],
            )
        )
        accounts.append(data)
    return accounts


def _year(agency: Agency, work_year: WorkYear) -> dict[str, Any]:
    data = _compact(
        year=work_year.year,
        starts_on=work_year.starts_on,
        ends_on=work_year.ends_on,
        state=work_year.state,
        pinned_regimes=work_year.pinned_regimes,
    )
    for section in sections(per_year=True):
        value = section.dump(DumpContext(agency, work_year))
        if value is not None:
            data[section.name] = value
    return data
