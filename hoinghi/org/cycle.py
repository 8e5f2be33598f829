"""The annual cycle across apps: to-dos, the year board, the checks before closing a year,
and what opening a year brings along.

The org app cannot import the apps above it, so each app contributes through a registry,
as it does for home links (:mod:`hoinghi.org.home`)::

    @cycle.todos
    def evaluation_todos(user, agency, work_year): ...

Every provider must cost a constant number of queries, whatever the number of people.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from hoinghi.org.access import AnyUser
from hoinghi.org.models import Agency, WorkYear


class Stage:
    """The steps of the year, in the order the board shows them."""

    TARGETS = 10  # chỉ tiêu, nhiệm vụ
    EVALUATION = 20  # đánh giá, xếp loại
    EMULATION = 30  # thi đua, khen thưởng
    CONFERENCE = 40  # Hội nghị cán bộ, công chức, viên chức, người lao động
    DOCUMENTS = 50  # văn bản
    FOLLOW_UP = 60  # theo dõi thực hiện nghị quyết


@dataclass(frozen=True)
class Todo:
    """Việc cần làm: something that waits for this user, with its deadline and a link."""

    title: str
    url: str
    stage: int
    due_on: date | None = None
    basis: str = ""  # where the deadline comes from: a legal citation or the agency's plan
    note: str = ""


@dataclass(frozen=True)
class Step:
    """One step of the year board: "28/32 đã tự đánh giá"."""

    stage: int
    title: str
    url: str
    done: int | None = None
    total: int | None = None
    label: str = ""
    due_on: date | None = None
    basis: str = ""

    @property
    def finished(self) -> bool:
        return bool(self.total) and self.done is not None and self.done >= (self.total or 0)

    @property
    def counts(self) -> str:
        if self.total is None or self.done is None:
            return self.label
        return f"{self.done}/{self.total} {self.label}".strip()


@dataclass(frozen=True)
class Unfinished:
    """What is still open in a year that is about to be closed (khóa sổ)."""

    title: str
    count: int
    url: str = ""


TodoProvider = Callable[[AnyUser, Agency, WorkYear], list[Todo]]
StepProvider = Callable[[WorkYear], list[Step]]
CheckProvider = Callable[[WorkYear], list[Unfinished]]
OpenHook = Callable[[WorkYear, AnyUser | None], str]

_TODOS: list[TodoProvider] = []
_STEPS: list[StepProvider] = []
_CHECKS: list[CheckProvider] = []
_OPEN_HOOKS: list[OpenHook] = []

F = TypeVar("F")


def _adder(registry: list[F]) -> Callable[[F], F]:
    def add(provider: F) -> F:
        if provider not in registry:
            registry.append(provider)
        return provider

    return add


todos = _adder(_TODOS)
steps = _adder(_STEPS)
closing_checks = _adder(_CHECKS)
on_open = _adder(_OPEN_HOOKS)


def todos_for(user: AnyUser, agency: Agency, work_year: WorkYear) -> list[Todo]:
    found = [todo for provider in _TODOS for todo in provider(user, agency, work_year)]
    return sorted(found, key=lambda t: (t.due_on is None, t.due_on or date.max, t.stage))


def board(work_year: WorkYear) -> list[Step]:
    found = [step for provider in _STEPS for step in provider(work_year)]
    return sorted(found, key=lambda s: s.stage)


def unfinished(work_year: WorkYear) -> list[Unfinished]:
    return [item for provider in _CHECKS for item in provider(work_year) if item.count]


def year_opened(work_year: WorkYear, actor: AnyUser | None) -> list[str]:
    """Run what the apps bring into a new year; each returns a line for the clerk, or ""."""
    return [note for hook in _OPEN_HOOKS if (note := hook(work_year, actor))]


def current_year(agency: Agency) -> WorkYear | None:
    """The year a home page speaks of: the latest open year, else the latest year."""
    years = list(agency.work_years.order_by("-year")[:5])
    return next((y for y in years if not y.is_closed), years[0] if years else None)
