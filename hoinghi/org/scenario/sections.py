"""The section registry: other apps add their own parts to the scenario format.

An app registers a section in its ``AppConfig.ready()``::

    from hoinghi.org.scenario import register_section

    register_section("targets", load=load_targets, dump=dump_targets, order=10, per_year=True)

A top-level section (``per_year=False``) is a key of the file beside ``units`` and
``people``; a per-year section is a key inside each entry of ``years``. After the core
sections are written, the loader calls every top-level section in ``order``, then, year
by year, every per-year section in ``order``, all inside the same transaction. A loader
gets a :class:`LoadContext`, the section's raw value and its path; it raises through
``ctx.error(path, message)`` (or collects with ``ctx.node(value, path)``) and the whole
file is then rolled back. A dumper gets a :class:`DumpContext` and returns the section's
value, or ``None`` to leave the key out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NoReturn

from django.contrib.auth.models import User

from hoinghi.org.models import Agency, Person, Unit, WorkYear
from hoinghi.org.scenario.errors import Issue, ScenarioError
from hoinghi.org.scenario.reading import Node

# Keys of the file (and of each year) that the core owns.
CORE_KEYS = ("version", "agency", "units", "people", "accounts", "years")
CORE_YEAR_KEYS = ("year", "starts_on", "ends_on", "state", "pinned_regimes")


@dataclass
class LoadContext:
    """What a section loader needs: the agency and its rows by code, and error helpers."""

    agency: Agency
    units: dict[str, Unit]  # unit code → Unit
    people: dict[str, Person]  # staff_code → Person
    users: dict[str, User]  # username → User
    source: str = ""
    work_year: WorkYear | None = None  # set for per-year sections
    issues: list[Issue] = field(default_factory=list)
    changes: int = 0  # rows created, changed or deleted; a section adds its own

    def error(self, path: str, message: str) -> NoReturn:
        """Stop the load: nothing of the file is kept."""
        raise ScenarioError([*self.issues, Issue(path, message)], self.source)

    def node(self, value: Any, path: str) -> Node:
        """Read a section's value with typed readers that collect issues with their paths."""
        return Node(value, path, self.issues)

    def raise_issues(self) -> None:
        if self.issues:
            raise ScenarioError(list(self.issues), self.source)

    def unit(self, code: str, path: str) -> Unit:
        if code not in self.units:
            self.error(path, f"không có đơn vị mã «{code}» trong cơ quan {self.agency.code}")
        return self.units[code]

    def person(self, staff_code: str, path: str) -> Person:
        if staff_code not in self.people:
            self.error(path, f"không có người mã «{staff_code}» trong cơ quan {self.agency.code}")
        return self.people[staff_code]

    def user(self, username: str, path: str) -> User:
        if username not in self.users:
            self.error(path, f"không có tài khoản «{username}» trong kịch bản")
        return self.users[username]


@dataclass(frozen=True)
class DumpContext:
    agency: Agency
    work_year: WorkYear | None = None  # set for per-year sections


SectionLoader = Callable[[LoadContext, Any, str], None]
SectionDumper = Callable[[DumpContext], Any]


@dataclass(frozen=True)
class Section:
    name: str
    load: SectionLoader
    dump: SectionDumper
    order: int
    per_year: bool = False


_SECTIONS: dict[str, Section] = {}


def register_section(
    name: str, *, load: SectionLoader, dump: SectionDumper, order: int, per_year: bool = False
) -> Section:
    """Add a section to the scenario format; registering the same section again is harmless."""
    reserved = CORE_YEAR_KEYS if per_year else CORE_KEYS
    if name in reserved:
        raise ValueError(f"«{name}» là phần lõi của kịch bản, không đăng ký lại được.")
    section = Section(name, load, dump, order, per_year)
    existing = _SECTIONS.get(name)
    if existing is not None and (existing.load, existing.dump, existing.per_year) != (
        load,
        dump,
        per_year,
    ):
        raise ValueError(
            f"Phần «{name}» của kịch bản đã được đăng ký bởi {existing.load.__module__}."
        )
    _SECTIONS[name] = section
    return section


def sections(*, per_year: bool) -> list[Section]:
    """Registered sections of one level, in load order."""
    return sorted(
        (s for s in _SECTIONS.values() if s.per_year == per_year), key=lambda s: (s.order, s.name)
    )
