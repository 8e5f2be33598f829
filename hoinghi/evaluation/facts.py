"""Building the law's facts from rows: one PersonEvaluationFacts per evaluation.

Everything a batch needs is loaded in a constant number of queries: task rollups from
plans, leave and discipline of the year, heads of units and unit ratings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction

from django.db.models import Q

from hoinghi.evaluation import selectors
from hoinghi.evaluation.models import PersonEvaluation
from hoinghi.law import options as law_options
from hoinghi.law.evaluation import (
    DisciplineGround,
    EvaluationRegime,
    GeneralCriteria,
    PersonEvaluationFacts,
    Rating,
    StaffCategory,
)
from hoinghi.org.models import AgencyKind, Position, WorkYear
from hoinghi.org.regulations import law_options as law_options_for
from hoinghi.plans.selectors import Completion, completion_by_person, completion_by_unit

COUNTED_GROUNDS = (DisciplineGround.TASK, DisciplineGround.DEGRADATION)


def options_for(work_year: WorkYear) -> law_options.EvaluationOptions:
    """The options as the agency's regulation (quy chế) in force at the year's end sets them;
    the work year's pin for the transition clause (D233 Art 20.1) wins for ``pinned_regime``."""
    options = law_options_for(work_year.agency, law_options.EvaluationOptions, work_year.ends_on)
    pin = (work_year.pinned_regimes or {}).get("evaluation")
    return replace(options, pinned_regime=EvaluationRegime(pin.lower())) if pin else options


@dataclass(frozen=True)
class YearContext:
    """What a batch reads once for the whole year."""

    work_year: WorkYear
    tasks: dict[int, Completion]
    unit_tasks: dict[int, Completion]
    absences: dict[int, list[selectors.LeaveSpan]]
    disciplines: dict[int, list[selectors.DisciplineFact]]
    heads: dict[int, int]  # person_id → unit_id they head at year end
    leaders: set[int]
    unit_ratings: dict[int, Rating]

    @classmethod
    def load(cls, work_year: WorkYear) -> YearContext:
        on = work_year.ends_on
        positions = (
            Position.objects.filter(unit__agency_id=work_year.agency_id, valid_from__lte=on)
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
            .filter(Q(is_head=True) | Q(is_leader=True))
        )
        heads: dict[int, int] = {}
        leaders: set[int] = set()
        for person_id, unit_id, is_head in positions.values_list("person_id", "unit_id", "is_head"):
            leaders.add(person_id)
            if is_head:
                heads[person_id] = unit_id
        ratings = {
            u: c.rating for u, c in selectors.unit_classifications(work_year).items() if c.rating
        }
        return cls(
            work_year,
            completion_by_person(work_year),
            completion_by_unit(work_year),
            selectors.absences_by_person(work_year),
            selectors.disciplines_by_person(work_year),
            heads,
            leaders,
            ratings,
        )


def facts_for(
    evaluation: PersonEvaluation, ctx: YearContext, *, rating: Rating | None = None
) -> PersonEvaluationFacts:
    """The person's year as the law reads it. ``rating`` stands in for a proposed level:
    for the caps the proposal is what is counted."""
    person, wy = evaluation.person, ctx.work_year
    absences = ctx.absences.get(person.pk, [])
    worked, absent = selectors.months_on_duty(person, wy, absences)
    done = ctx.tasks.get(person.pk)
    heaviest = _heaviest_counted(ctx.disciplines.get(person.pk, []))
    head_of = ctx.heads.get(person.pk)
    unit_tasks = ctx.unit_tasks.get(head_of) if head_of else None
    assigned = done.tasks_total + done.targets_total if done else evaluation.tasks_assigned
    return PersonEvaluationFacts(
        person_id=str(person.pk),
        category=StaffCategory(person.category),
        evaluation_year=wy.year,
        unit_id=evaluation.unit.name if evaluation.unit_id else "",
        agency_id=wy.agency.short_name or wy.agency.name,
        task_group=evaluation.task_group
        or (evaluation.unit.task_group if evaluation.unit_id else ""),
        in_public_service_unit=wy.agency.kind == AgencyKind.PUBLIC_SERVICE,
        is_manager=person.pk in ctx.leaders,
        is_unit_head=head_of is not None,
        unit_rating=ctx.unit_ratings.get(evaluation.unit_id),
        score=score_fraction(evaluation.score) if evaluation.score is not None else None,
        general_criteria=GeneralCriteria(evaluation.general_criteria),
        tasks_assigned=assigned,
        tasks_completed=(done.tasks_done + done.targets_done)
        if done
        else evaluation.tasks_assigned,
        tasks_on_time=(done.tasks_on_time + done.targets_on_time)
        if done
        else evaluation.tasks_on_time,
        tasks_exceeded=(done.tasks_exceeded + done.targets_exceeded)
        if done
        else evaluation.tasks_exceeded,
        tasks_late=(done.tasks_late + done.targets_late) if done else 0,
        tasks_short=evaluation.tasks_short,
        targets_assigned=unit_tasks.targets_total + unit_tasks.tasks_total if unit_tasks else 0,
        targets_completed=unit_tasks.targets_done + unit_tasks.tasks_done if unit_tasks else 0,
        targets_on_time=unit_tasks.targets_on_time + unit_tasks.tasks_on_time if unit_tasks else 0,
        targets_exceeded=unit_tasks.targets_exceeded + unit_tasks.tasks_exceeded
        if unit_tasks
        else 0,
        discipline=heaviest.level if heaviest else None,
        discipline_ground=heaviest.ground if heaviest else DisciplineGround.TASK,
        discipline_counted_elsewhere=heaviest.counted_elsewhere if heaviest else False,
        months_worked=worked,
        leave=selectors.longest_leave(absences),
        months_absent=absent,
    )


def _heaviest_counted(found: Sequence[selectors.DisciplineFact]) -> selectors.DisciplineFact | None:
    if not found:
        return None
    counted = [d for d in found if d.ground in COUNTED_GROUNDS and not d.counted_elsewhere] or list(
        found
    )
    return max(counted, key=lambda d: d.level.rank)


def facts_to_dict(facts: PersonEvaluationFacts) -> dict[str, object]:
    from hoinghi.law.results import to_json_value

    return {name: to_json_value(getattr(facts, name)) for name in facts.__dataclass_fields__}


def score_fraction(score: Decimal) -> Fraction:
    """A stored score as the law's exact fraction. ``Fraction(Decimal)`` takes its slow path
    (an abstract-class check per call, about 5 µs); the integer pair is exact and fast."""
    numerator, denominator = score.as_integer_ratio()
    return Fraction(numerator, denominator)
