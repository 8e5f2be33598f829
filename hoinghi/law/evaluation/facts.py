"""Facts a service builds from its rows to classify a person (docs/domain/evaluation.md §3.3–§3.7, §3.11)."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from hoinghi.law.evaluation.vocabulary import (
    DisciplineGround,
    DisciplineLevel,
    GeneralCriteria,
    LeaveKind,
    Rating,
    StaffCategory,
)


@dataclass(frozen=True, slots=True)
class PersonEvaluationFacts:
    """One person's year, as the classification rules read it.

    Counts follow docs/domain/evaluation.md §3.11: of ``tasks_assigned`` tasks (or result criteria),
    ``tasks_completed`` were completed, ``tasks_on_time`` on time with quality,
    ``tasks_exceeded`` beyond requirements, ``tasks_late`` behind schedule,
    ``tasks_short`` short on quality, progress or efficiency (D90 Art 14) and
    ``tasks_not_assured`` not assured (D90 Art 15). ``targets_*`` are the targets of the unit
    or field a manager is in charge of; ``managed_units_*`` the units under them.
    """

    person_id: str
    category: StaffCategory
    evaluation_year: int
    unit_id: str = ""  # the department (phòng, ban) the person works in
    # The scope of the excellent cap (Q3): the agency (D335, D90 "trong cùng cơ quan") or
    # the public service unit itself (D233 "trong cùng đơn vị"), never one of its departments.
    agency_id: str = ""
    task_group: str = ""  # group of similar tasks in the agency (Q3 applies per group too)
    in_public_service_unit: bool = False
    party_or_mass_org_unit: bool = False
    is_manager: bool = False
    is_unit_head: bool = False  # head of the public service unit (D233 Art 12.7)
    # the unit's own level, when already decided; the 25 % of D233 Art 12.6 counts only when
    # every person of the agency's list carries "excellent" (the public service unit itself)
    unit_rating: Rating | None = None
    unit_outstanding: bool = False  # the competent level raised the share to 25 % (D335)
    score: Fraction | None = None  # out of 100 (D335, D233)
    general_criteria: GeneralCriteria = GeneralCriteria.GOOD
    tasks_assigned: int = 0
    tasks_completed: int = 0
    tasks_on_time: int = 0
    tasks_exceeded: int = 0
    tasks_late: int = 0
    tasks_short: int = 0
    tasks_not_assured: int = 0
    targets_assigned: int = 0
    targets_completed: int = 0
    targets_on_time: int = 0
    targets_exceeded: int = 0
    managed_units: int = 0
    managed_units_done: int = 0  # rated Hoàn thành nhiệm vụ or above
    managed_units_good: int = 0  # rated Hoàn thành tốt nhiệm vụ or above
    managed_unit_corruption: bool = False  # a unit in their charge handled for corruption/waste
    corruption_mitigated: bool = False  # they detected, reported and fixed it (D233)
    degradation: bool = False  # concluded degradation, "self-evolution", breach of example duty
    discipline: DisciplineLevel | None = None  # disciplined in the evaluation year
    discipline_ground: DisciplineGround = DisciplineGround.TASK
    discipline_counted_elsewhere: bool = False  # same act already counted (D233 Art 14.3)
    months_worked: int = 12  # months actually worked in the year
    leave: LeaveKind | None = None  # kind of the longest leave in the year
    months_absent: int = 0  # months of leave under the law (D90: 3 to < 6 → at most HTNV)
