"""The core of a scenario file, read into plain dataclasses before anything is written.

Reading collects every issue of the file (with its path) so the user fixes them in one
go; only a file without issues reaches the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from hoinghi.org.models import (
    AgencyKind,
    AgencyRole,
    Gender,
    LocalLevel,
    Role,
    StaffCategory,
    TrainingKind,
    UnitKind,
    WorkYearState,
)
from hoinghi.org.scenario.errors import Issue, ScenarioError
from hoinghi.org.scenario.reading import Node, join_path, shown
from hoinghi.org.scenario.sections import CORE_KEYS, CORE_YEAR_KEYS, sections

VERSION = 1
SUPPORTED_VERSIONS = (1,)


@dataclass(frozen=True)
class AgencySpec:
    code: str
    name: str
    short_name: str
    abbreviation: str
    kind: str
    parent: str  # code of an agency already in the database, or ""
    parent_name: str
    place_name: str
    history: tuple[PeriodSpec, ...] | None = None  # None: the file does not say


@dataclass(frozen=True)
class PeriodSpec:
    """One period of the agency's history: its kind and superior body from a date."""

    valid_from: date
    kind: str
    superior_level: str
    superior_name: str
    note: str = ""


@dataclass(frozen=True)
class UnitSpec:
    path: str
    code: str
    name: str
    abbreviation: str
    kind: str
    parent: str
    position: int
    task_group: str = ""  # group with similar tasks (the excellent cap); "" = the agency


@dataclass(frozen=True)
class PositionSpec:
    path: str
    unit: str
    title: str
    is_leader: bool
    is_head: bool
    valid_from: date
    valid_to: date | None
    agency_role: str = ""  # AgencyRole: the agency's head, its deputy, its chief accountant


@dataclass(frozen=True)
class TrainingSpec:
    kind: str
    name: str
    institution: str
    starts_on: date
    ends_on: date | None


@dataclass(frozen=True)
class PersonSpec:
    path: str
    staff_code: str
    full_name: str
    gender: str
    date_of_birth: date | None
    category: str
    party_member: bool
    union_member: bool
    joined_on: date | None
    left_on: date | None
    positions: list[PositionSpec]
    trainings: list[TrainingSpec]


@dataclass(frozen=True)
class RoleSpec:
    path: str
    role: str
    unit: str  # "" for the whole agency


@dataclass(frozen=True)
class AccountSpec:
    path: str
    username: str
    person: str  # staff_code or ""
    email: str
    is_active: bool
    password: str  # plain text, hashed on load (demo and first setup)
    password_hash: str  # as dumped
    roles: list[RoleSpec]


@dataclass(frozen=True)
class YearSpec:
    path: str
    year: int
    starts_on: date
    ends_on: date
    state: str
    pinned_regimes: dict[str, Any]
    sections: dict[str, tuple[Any, str]]  # registered per-year section → (value, path)


@dataclass
class ScenarioSpec:
    agency: AgencySpec
    units: list[UnitSpec] = field(default_factory=list)
    people: list[PersonSpec] = field(default_factory=list)
    accounts: list[AccountSpec] = field(default_factory=list)
    years: list[YearSpec] = field(default_factory=list)
    sections: dict[str, tuple[Any, str]] = field(
        default_factory=dict
    )  # top-level section → (value, path)


def read_scenario(data: Any, source: str = "") -> ScenarioSpec:
    """Check the whole file and return its core, or raise every issue found."""
    issues: list[Issue] = []
    root = Node(data, "", issues)
    if not isinstance(data, dict):
        raise ScenarioError(
            [Issue("", "tệp phải là một bảng khóa: giá trị (version, agency, units, people, …)")],
            source,
        )
    _check_version(root)
    if issues:  # a file of another version is not read further
        raise ScenarioError(issues, source)
    top = {s.name for s in sections(per_year=False)}
    root.is_mapping(required=("version", "agency"), optional=(*CORE_KEYS, *top))
    spec = ScenarioSpec(agency=_read_agency(root.child("agency")))
    spec.units = _read_units(root)
    spec.people = _read_people(root)
    spec.accounts = _read_accounts(root)
    spec.years = _read_years(root)
    spec.sections = {name: (data[name], name) for name in sorted(top) if data.get(name) is not None}
    if issues:
        raise ScenarioError(issues, source)
    return spec


def _check_version(root: Node) -> None:
    version = root.value.get("version")
    if version is None:
        root.report("thiếu trường bắt buộc (phiên bản định dạng kịch bản; hiện là 1)", "version")
    elif isinstance(version, bool) or version not in SUPPORTED_VERSIONS:
        supported = ", ".join(str(v) for v in SUPPORTED_VERSIONS)
        root.report(f"phiên bản «{version}» không được hỗ trợ (hỗ trợ: {supported})", "version")


def _read_agency(node: Node) -> AgencySpec:
    node.is_mapping(
        required=("code", "name", "abbreviation", "kind", "place_name"),
        optional=("short_name", "parent", "parent_name", "history"),
    )
    return AgencySpec(
        code=node.code("code"),
        name=node.text("name", required=True, max_length=255),
        short_name=node.text("short_name", max_length=120),
        abbreviation=node.text("abbreviation", required=True, max_length=20),
        kind=node.choice("kind", AgencyKind.values, required=True),
        parent=node.code("parent", required=False),
        parent_name=node.text("parent_name", max_length=255),
        place_name=node.text("place_name", required=True, max_length=120),
        history=_read_history(node),
    )


def _read_history(node: Node) -> tuple[PeriodSpec, ...] | None:
    if not isinstance(node.value, dict) or "history" not in node.value:
        return None
    return tuple(p for p in map(_read_period, node.items("history")) if p is not None)


def _read_period(node: Node) -> PeriodSpec | None:
    """``{valid_from, kind, superior_level, superior_name, note}``: the agency from a date."""
    if not node.is_mapping(
        required=("valid_from", "kind", "superior_level", "superior_name"), optional=("note",)
    ):
        return None
    valid_from = node.date("valid_from", required=True)
    kind = node.choice("kind", AgencyKind.values, required=True)
    level = node.choice("superior_level", LocalLevel.values, required=True)
    name = node.text("superior_name", required=True, max_length=255)
    if valid_from is None:
        return None
    return PeriodSpec(valid_from, kind, level, name, node.text("note", max_length=255))


def _unique(node: Node, key: str, value: str, seen: dict[str, str], what: str) -> None:
    if not value:
        return
    if value in seen:
        node.report(f"{what} «{shown(value)}» bị trùng với {seen[value]}", key)
    else:
        seen[value] = node.path


def _read_units(root: Node) -> list[UnitSpec]:
    units: list[UnitSpec] = []
    seen: dict[str, str] = {}
    for index, node in enumerate(root.items("units")):
        if not node.is_mapping(
            required=("code", "name"),
            optional=("abbreviation", "kind", "parent", "task_group"),
        ):
            continue
        code = node.code("code")
        parent = node.code("parent", required=False)
        if parent and parent not in seen:
            node.report(
                f"đơn vị cấp trên «{parent}» phải được khai báo trước trong units", "parent"
            )
        _unique(node, "code", code, seen, "mã đơn vị")
        units.append(
            UnitSpec(
                path=node.path,
                code=code,
                name=node.text("name", required=True, max_length=255),
                abbreviation=node.text("abbreviation", max_length=20),
                kind=node.choice("kind", UnitKind.values, default=UnitKind.DIVISION),
                task_group=node.text("task_group", max_length=80),
                parent=parent,
                position=index + 1,
            )
        )
    return units


def _check_period(
    node: Node, start: date | None, end: date | None, end_key: str, *, strict: bool = False
) -> None:
    if start is not None and end is not None and (end <= start if strict else end < start):
        node.report(f"phải sau ngày bắt đầu {start:%d/%m/%Y}", end_key)


def _read_people(root: Node) -> list[PersonSpec]:
    people: list[PersonSpec] = []
    seen: dict[str, str] = {}
    for node in root.items("people"):
        if not node.is_mapping(
            required=("staff_code", "full_name", "gender", "category"),
            optional=(
                "date_of_birth",
                "party_member",
                "union_member",
                "joined_on",
                "left_on",
                "positions",
                "trainings",
            ),
        ):
            continue
        staff_code = node.code("staff_code", max_length=40)
        _unique(node, "staff_code", staff_code, seen, "mã cán bộ")
        joined_on, left_on = node.date("joined_on"), node.date("left_on")
        _check_period(node, joined_on, left_on, "left_on")
        people.append(
            PersonSpec(
                path=node.path,
                staff_code=staff_code,
                full_name=node.text("full_name", required=True, max_length=120),
                gender=node.choice("gender", Gender.values, required=True),
                date_of_birth=node.date("date_of_birth"),
                category=node.choice("category", StaffCategory.values, required=True),
                party_member=node.boolean("party_member"),
                union_member=node.boolean("union_member", default=True),
                joined_on=joined_on,
                left_on=left_on,
                positions=[
                    p for p in map(_read_position, node.items("positions")) if p is not None
                ],
                trainings=[
                    t for t in map(_read_training, node.items("trainings")) if t is not None
                ],
            )
        )
    return people


def _read_position(node: Node) -> PositionSpec | None:
    if not node.is_mapping(
        required=("unit", "title", "valid_from"),
        optional=("is_leader", "is_head", "agency_role", "valid_to"),
    ):
        return None
    valid_from, valid_to = node.date("valid_from", required=True), node.date("valid_to")
    _check_period(node, valid_from, valid_to, "valid_to")
    is_head = node.boolean("is_head")
    unit, title = node.code("unit"), node.text("title", required=True, max_length=120)
    is_leader = node.boolean("is_leader", default=is_head)
    agency_role = node.choice("agency_role", AgencyRole.values)
    if valid_from is None:
        return None
    return PositionSpec(
        path=node.path,
        unit=unit,
        title=title,
        is_leader=is_leader,
        is_head=is_head,
        valid_from=valid_from,
        valid_to=valid_to,
        agency_role=agency_role,
    )


def _read_training(node: Node) -> TrainingSpec | None:
    if not node.is_mapping(
        required=("kind", "name", "starts_on"), optional=("institution", "ends_on")
    ):
        return None
    starts_on, ends_on = node.date("starts_on", required=True), node.date("ends_on")
    _check_period(node, starts_on, ends_on, "ends_on")
    kind = node.choice("kind", TrainingKind.values, required=True)
    name = node.text("name", required=True, max_length=255)
    institution = node.text("institution", max_length=255)
    if starts_on is None:
        return None
    return TrainingSpec(
        kind=kind, name=name, institution=institution, starts_on=starts_on, ends_on=ends_on
    )


def _read_accounts(root: Node) -> list[AccountSpec]:
    accounts: list[AccountSpec] = []
    seen: dict[str, str] = {}
    linked: dict[str, str] = {}
    for node in root.items("accounts"):
        if not node.is_mapping(
            required=("username",),
            optional=("person", "email", "is_active", "password", "password_hash", "roles"),
        ):
            continue
        username = node.text("username", required=True, max_length=150)
        _unique(node, "username", username, seen, "tên đăng nhập")
        person = node.code("person", required=False, max_length=40)
        _unique(node, "person", person, linked, "người")
        password, password_hash = node.text("password"), node.text("password_hash")
        if password and password_hash:
            node.report("chỉ ghi một trong hai: password hoặc password_hash", "password_hash")
        accounts.append(
            AccountSpec(
                path=node.path,
                username=username,
                person=person,
                email=node.text("email", max_length=254),
                is_active=node.boolean("is_active", default=True),
                password=password,
                password_hash=password_hash,
                roles=[r for r in map(_read_role, node.items("roles")) if r is not None],
            )
        )
    return accounts


def _read_role(node: Node) -> RoleSpec | None:
    """``can_bo`` for the whole agency, or ``{role: truong_don_vi, unit: van-phong}``."""
    if isinstance(node.value, str):
        node = Node({"role": node.value}, node.path, node.issues)
        role = node.choice("role", Role.values, required=True)
        if role:
            return RoleSpec(node.path, role, "")
        return None
    if not node.is_mapping(required=("role",), optional=("unit",)):
        return None
    role = node.choice("role", Role.values, required=True)
    return RoleSpec(node.path, role, node.code("unit", required=False)) if role else None


def _read_years(root: Node) -> list[YearSpec]:
    years: list[YearSpec] = []
    seen: dict[str, str] = {}
    per_year = {s.name for s in sections(per_year=True)}
    for node in root.items("years"):
        if not node.is_mapping(required=("year",), optional=(*CORE_YEAR_KEYS, *per_year)):
            continue
        year = node.integer("year", required=True, minimum=1990, maximum=2100)
        if year is None:
            continue
        _unique(node, "year", str(year), seen, "năm")
        starts_on = node.date("starts_on") or date(year, 1, 1)
        ends_on = node.date("ends_on") or date(year, 12, 31)
        _check_period(node, starts_on, ends_on, "ends_on", strict=True)
        years.append(
            YearSpec(
                path=node.path,
                year=year,
                starts_on=starts_on,
                ends_on=ends_on,
                state=node.choice("state", WorkYearState.values, default=WorkYearState.OPEN),
                pinned_regimes=node.mapping_value("pinned_regimes"),
                sections={
                    name: (node.value[name], join_path(node.path, name))
                    for name in sorted(per_year)
                    if node.value.get(name) is not None
                },
            )
        )
    return years
