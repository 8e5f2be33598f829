"""Reads of targets and tasks that other apps use.

API for the other apps (evaluation, emulation, reports, documents):

- ``Completion``: frozen counts of one owner's year, for targets and for tasks:
  ``*_total``, ``*_done``, ``*_on_time``, ``*_exceeded``, ``*_late`` (docs/domain/evaluation.md §3.11), with
  ``phrase`` → "hoàn thành 4/4 chỉ tiêu, 27/27 nhiệm vụ" and ``tasks_share_on_time`` etc.
- ``completion_for_agency(work_year)``: the agency's own items (no unit, no person).
- ``completion_for_year(work_year)``: every item of the year, whoever owns it.
- ``completion_for_unit(unit, work_year)``: the unit's own items (no person).
- ``completion_for_person(person, work_year)``: the person's items.
- ``completion_by_person(work_year)`` → ``{person_id: Completion}`` in one query.
- ``completion_by_unit(work_year)`` → ``{unit_id: Completion}`` in one query.
- ``items_for_year(work_year)``: the year's items with owners joined, in display order.
- ``due_items_for_person(person, on)``: open items overdue or due within ``NEAR_DUE_DAYS``.

Cancelled items count nowhere. "Late" means done after the due date, or still open after it
(as of the work year's end, or of ``on=`` when given).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from django.db.models import Count, F, Q, QuerySet

from hoinghi.org.models import Person, Unit, WorkYear
from hoinghi.plans.models import ItemKind, ItemStatus, PlanItem

NEAR_DUE_DAYS = 7


@dataclass(frozen=True)
class Completion:
    targets_total: int = 0
    targets_done: int = 0
    targets_on_time: int = 0
    targets_exceeded: int = 0
    targets_late: int = 0
    tasks_total: int = 0
    tasks_done: int = 0
    tasks_on_time: int = 0
    tasks_exceeded: int = 0
    tasks_late: int = 0

    @property
    def phrase(self) -> str:
        """ "hoàn thành 4/4 chỉ tiêu, 27/27 nhiệm vụ" (the news reports' wording)."""
        parts = []
        if self.targets_total:
            parts.append(f"{self.targets_done}/{self.targets_total} chỉ tiêu")
        if self.tasks_total:
            parts.append(f"{self.tasks_done}/{self.tasks_total} nhiệm vụ")
        return "hoàn thành " + ", ".join(parts) if parts else "chưa có chỉ tiêu, nhiệm vụ"

    @property
    def all_done(self) -> bool:
        return self.targets_done == self.targets_total and self.tasks_done == self.tasks_total

    @property
    def tasks_share_on_time(self) -> Fraction | None:
        return Fraction(self.tasks_on_time, self.tasks_total) if self.tasks_total else None

    @property
    def tasks_share_exceeded(self) -> Fraction | None:
        return Fraction(self.tasks_exceeded, self.tasks_total) if self.tasks_total else None

    def __add__(self, other: Completion) -> Completion:
        return Completion(*(a + b for a, b in zip(self.as_tuple(), other.as_tuple(), strict=True)))

    def as_tuple(self) -> tuple[int, ...]:
        return (
            self.targets_total,
            self.targets_done,
            self.targets_on_time,
            self.targets_exceeded,
            self.targets_late,
            self.tasks_total,
            self.tasks_done,
            self.tasks_on_time,
            self.tasks_exceeded,
            self.tasks_late,
        )

    def to_dict(self) -> dict[str, int]:
        names = (
            "targets_total",
            "targets_done",
            "targets_on_time",
            "targets_exceeded",
            "targets_late",
            "tasks_total",
            "tasks_done",
            "tasks_on_time",
            "tasks_exceeded",
            "tasks_late",
        )
        return dict(zip(names, self.as_tuple(), strict=True))


def _counters(on: date) -> dict[str, Count]:
    done = Q(status=ItemStatus.DONE)
    on_time = done & (Q(due_on__isnull=True) | Q(completed_on__lte=F("due_on")))
    late = (done & Q(completed_on__gt=F("due_on"))) | (~done & Q(due_on__lt=on))
    return {
        "total": Count("pk"),
        "done": Count("pk", filter=done),
        "on_time": Count("pk", filter=on_time),
        "exceeded": Count("pk", filter=done & Q(exceeded=True)),
        "late": Count("pk", filter=late),
    }


def _counted(work_year: WorkYear) -> QuerySet[PlanItem]:
    return PlanItem.objects.filter(work_year=work_year).exclude(status=ItemStatus.CANCELLED)


def _fold(rows: list[dict[str, object]], key: str | None) -> dict[object, Completion]:
    """Rows of (key, kind, counters) → one Completion per key."""
    found: dict[object, dict[str, int]] = {}
    for row in rows:
        prefix = "targets" if row["kind"] == ItemKind.TARGET else "tasks"
        counts = found.setdefault(row[key] if key else None, {})
        for name in ("total", "done", "on_time", "exceeded", "late"):
            counts[f"{prefix}_{name}"] = int(row[name])  # type: ignore[call-overload]
    return {k: Completion(**v) for k, v in found.items()}


def _completion(items: QuerySet[PlanItem], on: date) -> Completion:
    rows = list(items.values("kind").order_by().annotate(**_counters(on)))
    return _fold(rows, None).get(None, Completion())


def completion_for_agency(work_year: WorkYear, *, on: date | None = None) -> Completion:
    items = _counted(work_year).filter(unit__isnull=True, person__isnull=True)
    return _completion(items, on or work_year.ends_on)


def completion_for_year(work_year: WorkYear, *, on: date | None = None) -> Completion:
    """Every item of the year, the agency's, the units' and the people's together."""
    return _completion(_counted(work_year), on or work_year.ends_on)


def completion_for_unit(unit: Unit, work_year: WorkYear, *, on: date | None = None) -> Completion:
    items = _counted(work_year).filter(unit=unit, person__isnull=True)
    return _completion(items, on or work_year.ends_on)


def completion_for_person(
    person: Person, work_year: WorkYear, *, on: date | None = None
) -> Completion:
    return _completion(_counted(work_year).filter(person=person), on or work_year.ends_on)


def completion_by_person(work_year: WorkYear, *, on: date | None = None) -> dict[int, Completion]:
    """Every person's counts in one query: ``{person_id: Completion}``."""
    rows = list(
        _counted(work_year)
        .filter(person__isnull=False)
        .values("person_id", "kind")
        .order_by()
        .annotate(**_counters(on or work_year.ends_on))
    )
    return _fold(rows, "person_id")  # type: ignore[return-value]


def completion_by_unit(work_year: WorkYear, *, on: date | None = None) -> dict[int, Completion]:
    """Every unit's own counts (items without a person) in one query: ``{unit_id: Completion}``."""
    rows = list(
        _counted(work_year)
        .filter(unit__isnull=False, person__isnull=True)
        .values("unit_id", "kind")
        .order_by()
        .annotate(**_counters(on or work_year.ends_on))
    )
    return _fold(rows, "unit_id")  # type: ignore[return-value]


def items_for_year(work_year: WorkYear) -> QuerySet[PlanItem]:
    return (
        PlanItem.objects.filter(work_year=work_year)
        .select_related("unit", "person", "parent")
        .order_by("kind", "unit__position", "code", "pk")
    )


def due_items_for_person(person: Person, on: date) -> list[PlanItem]:
    """Open items of a person overdue or due within NEAR_DUE_DAYS, the most urgent first."""
    return list(
        PlanItem.objects.filter(
            person=person,
            due_on__lte=on + timedelta(days=NEAR_DUE_DAYS),
            status__in=[ItemStatus.NOT_STARTED, ItemStatus.IN_PROGRESS],
        )
        .select_related("work_year")
        .order_by("due_on", "pk")
    )


def completion_by_work_year(work_years: list[WorkYear]) -> dict[int, Completion]:
    """The agency's own and its units' own items (people's items not counted twice) of many
    work years, one query for each year-end date: ``{work_year_id: Completion}``."""
    found: dict[int, Completion] = {}
    ends: dict[date, list[int]] = {}
    for work_year in work_years:
        ends.setdefault(work_year.ends_on, []).append(work_year.pk)
    for on, ids in ends.items():
        rows = list(
            PlanItem.objects.filter(work_year_id__in=ids, person__isnull=True)
            .exclude(status=ItemStatus.CANCELLED)
            .values("work_year_id", "kind")
            .order_by()
            .annotate(**_counters(on))
        )
        found.update(_fold(rows, "work_year_id"))  # type: ignore[arg-type]
    return found
