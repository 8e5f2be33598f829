"""Unit levels (C10, C11), head ≤ unit (Q6), Party levels (P1), deadline (Q16)."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from hoinghi.law.evaluation import (
    DeadlineFacts,
    EvaluationRegime,
    HeadFacts,
    PartyLevelFacts,
    Rating,
    UnitEvaluationFacts,
    decide_deadline,
    decide_head_level,
    decide_party_level,
    decide_unit_level,
)

ON = date(2026, 12, 1)
X, G, D, N = Rating.EXCELLENT, Rating.GOOD, Rating.DONE, Rating.NOT_DONE


def unit(score: int, **kw: int | bool) -> UnitEvaluationFacts:
    base: dict[str, int | bool] = {"tasks_assigned": 10, "tasks_completed": 10, "tasks_on_time": 10}
    base.update(kw)
    return UnitEvaluationFacts("u", Fraction(score), **base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("facts", "level", "decides"),
    [
        (unit(92, tasks_exceeded=3), X, False),
        (unit(92, tasks_exceeded=2), G, True),
        (unit(92, tasks_exceeded=3, component_unit_not_done=True), G, True),
        (unit(75), G, False),
        (unit(60, tasks_on_time=7, tasks_late=2), D, False),
        (unit(60, tasks_on_time=7, tasks_late=3), None, True),
        (unit(60, tasks_completed=6, tasks_on_time=6), N, False),
        (unit(60, tasks_completed=7, tasks_on_time=7, tasks_late=3), None, True),
        (unit(45), N, False),
        (unit(95, tasks_exceeded=5, personnel_violation=True), N, False),
    ],
    ids=[
        "92 points, 30 % exceeded is excellent",
        "92 points, 25 % exceeded is not excellent: the competent level decides (good)",
        "a component unit not done blocks excellent",
        "75 points with all tasks on time is good",
        "60 points, 20 % late is done",
        "60 points, 30 % late: the competent level decides",
        "60 % of tasks completed is not done",
        "exactly 70 % completed is not automatically KHT",
        "45 points is not done",
        "personnel violation is not done",
    ],
)
def test_a_unit_s_level_follows_its_score_and_its_tasks(
    facts: UnitEvaluationFacts, level: Rating | None, decides: bool
) -> None:
    result = decide_unit_level(facts, on=ON)
    assert result.outcome is level
    assert result.values["competent_level_decides"] is decides


@pytest.mark.parametrize(
    ("head", "unit_level", "level"),
    [(X, G, G), (G, X, G), (D, D, D)],
    ids=[
        "excellent head of a good unit is good",
        "good head of an excellent unit stays good",
        "equal levels stay",
    ],
)
def test_the_head_s_level_is_capped_by_the_unit_s_level(
    head: Rating, unit_level: Rating, level: Rating
) -> None:
    assert decide_head_level(HeadFacts(head, unit_level), on=ON).outcome is level


@pytest.mark.parametrize(
    ("facts", "level"),
    [
        (PartyLevelFacts(Fraction(91), 10, 10, 10, 3), X),
        (PartyLevelFacts(Fraction(91), 10, 10, 10, 2), G),
        (PartyLevelFacts(Fraction(80), 10, 10, 9, 0, 2), D),
        (
            PartyLevelFacts(
                Fraction(91), 10, 10, 10, 3, is_collective=True, collective_member_disciplined=True
            ),
            G,
        ),
        (PartyLevelFacts(Fraction(40), 10, 10, 10), N),
    ],
    ids=[
        "Party member 91 points, 30 % exceeded is excellent",
        "20 % exceeded is good",
        "80 points with a late task is done",
        "collective with a disciplined member is not excellent",
        "40 points is not done",
    ],
)
def test_a_party_member_s_level_follows_the_party_s_rules(
    facts: PartyLevelFacts, level: Rating
) -> None:
    assert decide_party_level(facts, on=date(2025, 12, 1)).outcome is level


@pytest.mark.parametrize(
    ("facts", "deadline", "on_time"),
    [
        (DeadlineFacts(EvaluationRegime.D233, 2026, date(2026, 12, 15)), date(2026, 12, 15), True),
        (DeadlineFacts(EvaluationRegime.D233, 2026, date(2026, 12, 16)), date(2026, 12, 15), False),
        (
            DeadlineFacts(EvaluationRegime.D90, 2025, date(2026, 1, 10), special_case=True),
            date(2026, 1, 15),
            True,
        ),
    ],
    ids=["classified on 15/12 is on time", "16/12 is late", "special case until 15/01"],
)
def test_the_classification_is_on_time_by_15_december_or_15_january_in_a_special_case(
    facts: DeadlineFacts, deadline: date, on_time: bool
) -> None:
    result = decide_deadline(facts, on=ON)
    assert result.outcome == deadline
    assert result.values["on_time"] is on_time
