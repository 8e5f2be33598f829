"""Person levels: docs/domain/examples.md §8 C1, C2, C7, C12–C16 and the regime boundaries."""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Any

import pytest

from hoinghi.law.evaluation import (
    DisciplineGround,
    DisciplineLevel,
    EvaluationRegime,
    LeaveKind,
    PersonEvaluationFacts,
    Rating,
    RegimeFacts,
    StaffCategory,
    classify_person,
    decide_level_d90,
    decide_level_d233,
    decide_level_d335,
    decide_regime,
)
from hoinghi.law.options import EvaluationOptions

X, G, D, N = Rating.EXCELLENT, Rating.GOOD, Rating.DONE, Rating.NOT_DONE
VC, CC = StaffCategory.PUBLIC_EMPLOYEE, StaffCategory.CIVIL_SERVANT
ON_2026 = date(2026, 12, 10)
ON_2025 = date(2025, 12, 10)


def vc(year: int = 2026, **kw: object) -> PersonEvaluationFacts:
    return PersonEvaluationFacts("p1", VC, year, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("score", "level"),
    [
        (Fraction(90), X),
        (Fraction("89.99"), G),
        (Fraction(70), G),
        (Fraction("69.9"), D),
        (Fraction(50), D),
        (Fraction("49.9"), N),
        (Fraction(100), X),
        (Fraction(0), N),
    ],
    ids=[
        "90 points is excellent",
        "89.99 points is good",
        "70 points is good",
        "69.9 points is done",
        "50 points is done",
        "49.9 points is not done",
        "100 points is excellent",
        "0 points is not done",
    ],
)
def test_a_score_gives_the_level_under_decrees_233_and_335(score: Fraction, level: Rating) -> None:
    assert decide_level_d233(vc(score=score), on=ON_2026).outcome is level
    cc = PersonEvaluationFacts("p", CC, 2026, score=score)
    assert decide_level_d335(cc, on=date(2026, 12, 1)).outcome is level


@pytest.mark.parametrize(
    ("kw", "level"),
    [
        ({"discipline": DisciplineLevel.REPRIMAND}, N),
        ({"discipline": DisciplineLevel.REPRIMAND, "discipline_ground": DisciplineGround.OTHER}, X),
        ({"discipline": DisciplineLevel.WARNING, "discipline_counted_elsewhere": True}, X),
        ({"degradation": True}, N),
        ({"is_manager": True, "managed_unit_corruption": True}, N),
        ({"is_manager": True, "managed_unit_corruption": True, "corruption_mitigated": True}, X),
    ],
    ids=[
        "95 points and reprimanded for a task violation is not done",
        "95 points, discipline on another ground is not counted",
        "95 points, same act already counted in another year",
        "95 points with degradation is not done",
        "manager whose unit was handled for corruption is not done",
        "manager who detected and fixed the corruption keeps the level",
    ],
)
def test_discipline_degradation_and_corruption_lower_a_scored_level_under_decree_233(
    kw: dict[str, Any], level: Rating
) -> None:
    result = decide_level_d233(vc(score=Fraction(95), **kw), on=ON_2026)
    assert result.outcome is level
    assert result.citations


@pytest.mark.parametrize(
    ("unit", "level"),
    [(G, G), (X, X), (D, D)],
    ids=[
        "unit good, head scoring 93 is good",
        "unit excellent, head scoring 93 stays excellent",
        "unit done, head scoring 93 is done",
    ],
)
def test_a_unit_head_is_not_rated_above_the_unit(unit: Rating, level: Rating) -> None:
    facts = vc(score=Fraction(93), is_unit_head=True, unit_rating=unit)
    assert decide_level_d233(facts, on=ON_2026).outcome is level


@pytest.mark.parametrize(
    ("months", "leave", "classified"),
    [
        (5, None, False),
        (6, None, True),
        (6, LeaveKind.MATERNITY, True),
        (4, LeaveKind.SICK, True),
        (4, LeaveKind.UNPAID_PERSONAL, False),
    ],
    ids=[
        "new hire with 5 months is not classified",
        "6 months worked is classified",
        "6 months maternity and 6 worked is classified on actual time",
        "sick leave classifies on actual time",
        "unpaid leave with 4 months worked is not",
    ],
)
def test_under_six_months_of_service_a_public_employee_is_not_classified(
    months: int, leave: LeaveKind | None, classified: bool
) -> None:
    result = decide_level_d233(
        vc(score=Fraction(80), months_worked=months, leave=leave), on=ON_2026
    )
    assert (result.outcome is not None) is classified
    assert result.reasons


def d90(**kw: object) -> PersonEvaluationFacts:
    base: dict[str, object] = {"tasks_assigned": 10, "tasks_completed": 10, "tasks_on_time": 10}
    base.update(kw)
    return PersonEvaluationFacts("p", VC, 2025, **base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kw", "level"),
    [
        ({"tasks_exceeded": 5}, X),
        ({"tasks_exceeded": 4}, G),
        ({"tasks_on_time": 9, "tasks_short": 2}, D),
        ({"tasks_on_time": 9, "tasks_short": 3}, N),
        ({"tasks_not_assured": 6, "tasks_completed": 4}, N),
        ({"tasks_exceeded": 5, "discipline": DisciplineLevel.REPRIMAND}, N),
        ({"tasks_exceeded": 5, "months_absent": 4, "leave": LeaveKind.SICK}, D),
        ({"tasks_exceeded": 5, "months_absent": 4, "leave": LeaveKind.MATERNITY}, X),
        ({"tasks_exceeded": 5, "months_worked": 5}, None),
        ({"tasks_exceeded": 5, "months_worked": 5, "leave": LeaveKind.MATERNITY}, X),
    ],
    ids=[
        "10 tasks on time, 5 exceeded is excellent",
        "4 exceeded is only good",
        "20 % of criteria short is done",
        "30 % short is not done",
        "more than half not assured is not done",
        "disciplined in the year is not done",
        "absent 4 months is at most done",
        "maternity leave is not capped",
        "5 months worked is not classified",
        "maternity is exempt from the 6-month rule",
    ],
)
def test_decree_90_levels_follow_its_criteria(kw: dict[str, object], level: Rating | None) -> None:
    assert decide_level_d90(d90(**kw), on=ON_2025).outcome is level


def test_a_manager_with_75_percent_on_time_and_60_percent_good_units_completes_the_tasks() -> None:
    facts = d90(
        tasks_exceeded=5,
        is_manager=True,
        targets_assigned=4,
        targets_completed=4,
        targets_on_time=3,
        managed_units=5,
        managed_units_done=5,
        managed_units_good=3,
    )
    result = decide_level_d90(facts, on=ON_2025)
    assert result.outcome is D
    codes = [r.code for r in result.reasons]
    assert "evaluation.d90.missing.targets_on_time" in codes


@pytest.mark.parametrize(
    ("category", "year", "pin", "regime"),
    [
        (VC, 2025, None, EvaluationRegime.D90),
        (VC, 2026, None, EvaluationRegime.D233),
        (VC, 2026, EvaluationRegime.D90, EvaluationRegime.D90),
        (VC, 2027, EvaluationRegime.D90, EvaluationRegime.D233),
        (CC, 2025, None, EvaluationRegime.D90),
        (CC, 2026, None, EvaluationRegime.D335),
        (StaffCategory.CONTRACT, 2025, None, EvaluationRegime.NOT_COVERED),
    ],
    ids=[
        "viên chức 2025 under D90",
        "viên chức 2026 under D233",
        "viên chức 2026 pinned to D90 (transition)",
        "the pin does not reach 2027",
        "công chức 2025 under D90",
        "công chức 2026 under D335",
        "contract worker not covered",
    ],
)
def test_regime_selection(
    category: StaffCategory, year: int, pin: EvaluationRegime | None, regime: EvaluationRegime
) -> None:
    result = decide_regime(
        RegimeFacts(category, year),
        on=date(year, 12, 1),
        options=EvaluationOptions(pinned_regime=pin),
    )
    assert result.outcome is regime
    assert result.citations


def test_same_person_d90_vs_d233_in_2026() -> None:
    facts = vc(
        score=Fraction(92),
        tasks_assigned=10,
        tasks_completed=10,
        tasks_on_time=10,
        tasks_exceeded=3,
    )
    d233 = classify_person(facts, on=ON_2026)
    d90_pinned = classify_person(
        facts, on=ON_2026, options=EvaluationOptions(pinned_regime=EvaluationRegime.D90)
    )
    assert (d233.outcome, d233.values["regime"]) == (X, EvaluationRegime.D233)
    assert (d90_pinned.outcome, d90_pinned.values["regime"]) == (G, EvaluationRegime.D90)


def test_float_scores_are_refused() -> None:
    with pytest.raises(TypeError):
        decide_level_d233(vc(score=89.99), on=ON_2026)
