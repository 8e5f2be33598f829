"""Reads of evaluation and classification that other apps use.

API for the other apps (emulation, reports, documents) — only *decided* results:

- ``Classification(person_id, year, rating: Rating | None, not_classified, unit_id, regime,
  decided_on, rule_code)``; ``UnitClassification(unit_id, year, rating, issuer,
  decision_number, decided_on)``.
- ``classification_for_person(person, work_year)`` → ``Classification | None``.
- ``classifications_by_person(work_year)`` → ``{person_id: Classification}`` (one query).
- ``ratings_by_person(work_year)`` → ``{person_id: Rating | None}``: the rating alone, for
  batches (one query of two columns).
- ``classifications_for_person(person)`` → every decided year, newest first (one query).
- ``unit_classifications(work_year)`` → ``{unit_id: UnitClassification}`` (one query).
- ``absences_by_person(work_year)`` → ``{person_id: [LeaveSpan]}`` overlapping the year.
- ``disciplines_by_person(work_year)`` → ``{person_id: [DisciplineFact]}`` decided in the year.
- ``months_on_duty(person, work_year, absences)``: months actually worked in the year.

Drafts, self-assessments and meeting opinions are not here: they are private and every read
goes through the views, which log it (audit ``evaluation.read``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import OuterRef, Q, QuerySet, Subquery

from hoinghi.evaluation.models import (
    Absence,
    ClassificationDecision,
    Discipline,
    PersonEvaluation,
    Stage,
    UnitEvaluation,
)
from hoinghi.law.evaluation.vocabulary import DisciplineGround, DisciplineLevel, LeaveKind, Rating
from hoinghi.org.models import Agency, Person, Unit, WorkYear


@dataclass(frozen=True)
class Classification:
    person_id: int
    year: int
    rating: Rating | None
    not_classified: bool
    unit_id: int
    regime: str
    decided_on: date | None
    rule_code: str

    @property
    def label(self) -> str:
        return self.rating.label if self.rating else "Không xếp loại"


@dataclass(frozen=True)
class UnitClassification:
    unit_id: int
    year: int
    rating: Rating | None
    issuer: str
    decision_number: str
    decided_on: date | None


@dataclass(frozen=True)
class LeaveSpan:
    kind: LeaveKind
    starts_on: date
    ends_on: date


@dataclass(frozen=True)
class DisciplineFact:
    level: DisciplineLevel
    ground: DisciplineGround
    decided_on: date
    counted_elsewhere: bool


_FIELDS = (
    "person_id",
    "work_year__year",
    "rating",
    "not_classified",
    "unit_id",
    "regime",
    "decided_on",
    "decision_rule",
)


def _classification(row: tuple) -> Classification:
    person_id, year, rating, not_classified, unit_id, regime, decided_on, rule_code = row
    return Classification(
        person_id,
        year,
        Rating(rating) if rating else None,
        not_classified,
        unit_id,
        regime,
        decided_on,
        rule_code,
    )


def decided(work_year: WorkYear | None = None) -> QuerySet[PersonEvaluation]:
    """Decided evaluations, with the rule of their latest decision as ``rule_code``."""
    latest = ClassificationDecision.objects.filter(evaluation=OuterRef("pk")).order_by("-pk")
    rows = PersonEvaluation.objects.filter(stage=Stage.APPROVED)
    if work_year is not None:
        rows = rows.filter(work_year=work_year)
    return rows.annotate(decision_rule=Subquery(latest.values("rule_code")[:1]))


def classification_for_person(person: Person, work_year: WorkYear) -> Classification | None:
    row = decided(work_year).filter(person=person).values_list(*_FIELDS).first()
    return _classification(row) if row else None


def classifications_by_person(work_year: WorkYear) -> dict[int, Classification]:
    rows = decided(work_year).order_by().values_list(*_FIELDS)  # a dict: no joins for sorting
    return {row[0]: _classification(row) for row in rows}


RATINGS = {r.value: r for r in Rating}


def ratings_by_person(work_year: WorkYear) -> dict[int, Rating | None]:
    """Each decided person's rating (None: not classified), without the decision's rule."""
    rows = (
        PersonEvaluation.objects.filter(work_year=work_year, stage=Stage.APPROVED)
        .order_by()
        .values_list("person_id", "rating")
    )
    return {person_id: RATINGS.get(rating) for person_id, rating in rows}


def classifications_for_person(person: Person) -> list[Classification]:
    rows = decided().filter(person=person).order_by("-work_year__year").values_list(*_FIELDS)
    return [_classification(row) for row in rows]


def unit_classifications(work_year: WorkYear) -> dict[int, UnitClassification]:
    rows = (
        UnitEvaluation.objects.filter(work_year=work_year)
        .exclude(rating="")
        .values_list("unit_id", "rating", "issuer", "decision_number", "decided_on")
    )
    return {u: UnitClassification(u, work_year.year, Rating(r), i, n, d) for u, r, i, n, d in rows}


def absences_by_person(work_year: WorkYear) -> dict[int, list[LeaveSpan]]:
    found: dict[int, list[LeaveSpan]] = defaultdict(list)
    rows = Absence.objects.filter(
        person__agency_id=work_year.agency_id,
        starts_on__lte=work_year.ends_on,
        ends_on__gte=work_year.starts_on,
    ).order_by("starts_on")
    for person_id, kind, start, end in rows.values_list(
        "person_id", "kind", "starts_on", "ends_on"
    ):
        found[person_id].append(LeaveSpan(LeaveKind(kind), start, end))
    return dict(found)


def disciplines_by_person(work_year: WorkYear) -> dict[int, list[DisciplineFact]]:
    found: dict[int, list[DisciplineFact]] = defaultdict(list)
    rows = Discipline.objects.filter(
        person__agency_id=work_year.agency_id,
        decided_on__range=(work_year.starts_on, work_year.ends_on),
    )
    for person_id, level, ground, decided_on, elsewhere in rows.values_list(
        "person_id", "level", "ground", "decided_on", "counted_elsewhere"
    ):
        found[person_id].append(
            DisciplineFact(DisciplineLevel(level), DisciplineGround(ground), decided_on, elsewhere)
        )
    return dict(found)


def _days(start: date, end: date) -> int:
    return max(0, (end - start).days + 1)


def to_months(days: int, year_days: int) -> int:
    """Whole months in ``days`` out of a year of ``year_days`` (rounded down)."""
    return days * 12 // year_days


def months_on_duty(
    person: Person, work_year: WorkYear, absences: list[LeaveSpan]
) -> tuple[int, int]:
    """(months actually worked, months absent on leave) within the work year."""
    start = max(work_year.starts_on, person.joined_on or work_year.starts_on)
    end = min(work_year.ends_on, person.left_on or work_year.ends_on)
    year_days = _days(work_year.starts_on, work_year.ends_on)
    on_staff = _days(start, end)
    absent = sum(_days(max(a.starts_on, start), min(a.ends_on, end)) for a in absences)
    return to_months(on_staff - absent, year_days), to_months(absent, year_days)


def longest_leave(absences: list[LeaveSpan]) -> LeaveKind | None:
    if not absences:
        return None
    return max(absences, key=lambda a: a.ends_on - a.starts_on + timedelta(days=1)).kind


def recent_absences(agency: Agency, limit: int = 200) -> list[Absence]:
    """The agency's latest leave records, newest first (for the clerk's screen)."""
    return list(
        Absence.objects.filter(person__agency=agency)
        .select_related("person")
        .order_by("-starts_on", "person__sort_key")[:limit]
    )


def recent_disciplines(agency: Agency, limit: int = 200) -> list[Discipline]:
    return list(
        Discipline.objects.filter(person__agency=agency)
        .select_related("person")
        .order_by("-decided_on", "person__sort_key")[:limit]
    )


def unit_evaluations(unit: Unit, work_year: WorkYear) -> QuerySet[PersonEvaluation]:
    """The unit's list for its head and the leaders (private: log reads in the view)."""
    return (
        PersonEvaluation.objects.filter(work_year=work_year, unit=unit)
        .select_related("person", "meeting")
        .order_by("person__sort_key")
    )


def published_results(work_year: WorkYear) -> QuerySet[PersonEvaluation]:
    """Decided classifications, published to the agency's staff."""
    return (
        decided(work_year)
        .select_related("person", "unit")
        .order_by("unit__position", "unit__name", "person__sort_key")
    )


def people_with_open_steps(unit: Unit, work_year: WorkYear) -> int:
    return (
        PersonEvaluation.objects.filter(work_year=work_year, unit=unit)
        .filter(~Q(stage=Stage.APPROVED))
        .count()
    )
