"""Ranges of the evaluation and emulation facts, checked before a rule reads them.

The conference rules refuse impossible facts themselves (more votes than people present);
the JSON face (:mod:`hoinghi.law.evaluate`) holds the evaluation and emulation questions to
the same standard here, so a case with a negative count, more done than assigned, more
titled than members, a score over 100, a council of 0 or a unit with 0 tasks answers an
error naming the fact instead of a result built on it. Field names are checked against the
facts dataclasses by the tests, so a renamed fact cannot silently drop its check.
"""

from __future__ import annotations

import dataclasses
from fractions import Fraction
from typing import Any

from hoinghi.law.parameters import InvalidFacts

SCOPES = ("evaluation.", "emulation.")
YEARS = (1900, 2199)
YEAR_FIELDS = frozenset({"evaluation_year", "year"})

# Facts class → (part, whole): the part may not exceed the whole.
PART_OF: dict[str, tuple[tuple[str, str], ...]] = {
    "PersonEvaluationFacts": (
        ("tasks_completed", "tasks_assigned"),
        ("tasks_on_time", "tasks_assigned"),
        ("tasks_exceeded", "tasks_assigned"),
        ("tasks_late", "tasks_assigned"),
        ("tasks_short", "tasks_assigned"),
        ("tasks_not_assured", "tasks_assigned"),
        ("targets_completed", "targets_assigned"),
        ("targets_on_time", "targets_assigned"),
        ("targets_exceeded", "targets_assigned"),
        ("managed_units_done", "managed_units"),
        ("managed_units_good", "managed_units"),
    ),
    "UnitEvaluationFacts": (
        ("tasks_completed", "tasks_assigned"),
        ("tasks_on_time", "tasks_assigned"),
        ("tasks_exceeded", "tasks_assigned"),
        ("tasks_late", "tasks_assigned"),
    ),
    "PartyLevelFacts": (
        ("tasks_completed", "tasks_assigned"),
        ("tasks_on_time", "tasks_assigned"),
        ("tasks_exceeded", "tasks_assigned"),
        ("tasks_late", "tasks_assigned"),
    ),
    "ExcellentShareFacts": (
        ("excellent", "classified"),
        ("party_excellent", "party_classified"),
        ("party_classified", "classified"),
        ("good", "classified"),
    ),
    "UnitCapFacts": (
        ("good_units", "subordinate_units"),
        ("excellent_units", "subordinate_units"),
    ),
    "CollectiveFacts": (
        ("members_ldtt", "members"),
        ("members_cstdcs", "members"),
        ("members_done", "members"),
        ("members_disciplined_warning", "members"),
    ),
    "CstdcsCapFacts": (("cstdcs", "ldtt"),),
    "BallotFacts": (("votes_in_favour", "council_members"),),
}
# Facts class → counts that must be at least 1.
AT_LEAST_ONE: dict[str, tuple[str, ...]] = {
    "UnitEvaluationFacts": ("tasks_assigned",),
    "CollectiveFacts": ("members",),
    "BallotFacts": ("council_members",),
}
# Facts class → counts of months within a year.
MONTHS: dict[str, tuple[str, ...]] = {
    "PersonEvaluationFacts": ("months_worked", "months_absent"),
    "PersonYearFacts": ("months_on_leave",),
}
# Facts class → scores out of 100.
SCORES: dict[str, tuple[str, ...]] = {
    "PersonEvaluationFacts": ("score",),
    "UnitEvaluationFacts": ("score",),
    "PartyLevelFacts": ("score",),
}


def check_ranges(question: str, facts: Any) -> None:
    """Raise :class:`InvalidFacts` (its field relative to ``facts``) on the first fact out of
    range of an evaluation or emulation question."""
    if question.startswith(SCOPES):
        _check(facts, "")


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _check(facts: Any, path: str) -> None:
    name = type(facts).__name__
    for field in dataclasses.fields(facts):
        value = getattr(facts, field.name)
        where = _join(path, field.name)
        if isinstance(value, tuple):
            for index, item in enumerate(value):
                if dataclasses.is_dataclass(item):
                    _check(item, f"{where}[{index}]")
        elif isinstance(value, int) and not isinstance(value, bool):
            _count(field.name, value, where)
    for field_name in AT_LEAST_ONE.get(name, ()):
        if getattr(facts, field_name) < 1:
            raise InvalidFacts(_join(path, field_name), "Phải từ 1 trở lên.")
    for field_name in MONTHS.get(name, ()):
        if getattr(facts, field_name) > 12:
            raise InvalidFacts(_join(path, field_name), "Số tháng trong năm không quá 12.")
    for field_name in SCORES.get(name, ()):
        score = getattr(facts, field_name)
        if isinstance(score, Fraction) and not 0 <= score <= 100:
            raise InvalidFacts(_join(path, field_name), "Điểm phải từ 0 đến 100.")
    for part, whole in PART_OF.get(name, ()):
        part_value, whole_value = getattr(facts, part), getattr(facts, whole)
        if part_value is not None and whole_value is not None and part_value > whole_value:
            raise InvalidFacts(
                _join(path, part),
                f"«{part}» ({part_value}) không được lớn hơn «{whole}» ({whole_value}).",
            )


def _count(name: str, value: int, where: str) -> None:
    if name in YEAR_FIELDS:
        if not YEARS[0] <= value <= YEARS[1]:
            raise InvalidFacts(where, f"Năm phải từ {YEARS[0]} đến {YEARS[1]}.")
    elif value < 0:
        raise InvalidFacts(where, "Không được là số âm.")
