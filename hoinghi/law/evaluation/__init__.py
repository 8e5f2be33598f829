"""Quality classification (đánh giá, xếp loại chất lượng): D90/D48, D335, D233, QĐ366.

Services call :func:`classify_people` for a whole agency, :func:`caps_for_people` or
:func:`check_excellent_cap` for the excellent caps (the numbers: max, current, how many
more), :func:`check_unit_excellent_cap` for units and :func:`decide_unit_level` for a unit.
"""

from hoinghi.law.evaluation.caps import (
    ExcellentCapFacts,
    ExcellentShareFacts,
    GroupCounts,
    UnitCapFacts,
    check_excellent_cap,
    check_excellent_share,
    check_unit_excellent_cap,
    pool_max,
)
from hoinghi.law.evaluation.deadline import DeadlineFacts, decide_deadline
from hoinghi.law.evaluation.facts import PersonEvaluationFacts
from hoinghi.law.evaluation.persons import (
    caps_for_people,
    classify_people,
    classify_person,
    decide_level_d90,
    decide_level_d233,
    decide_level_d335,
)
from hoinghi.law.evaluation.regime import RegimeFacts, decide_regime, select_regime
from hoinghi.law.evaluation.units import (
    HeadFacts,
    PartyLevelFacts,
    UnitEvaluationFacts,
    decide_head_level,
    decide_party_level,
    decide_unit_level,
)
from hoinghi.law.evaluation.vocabulary import (
    DISCIPLINE_GROUND_LABELS,
    DISCIPLINE_LEVEL_LABELS,
    EVALUATION_REGIME_LABELS,
    GENERAL_CRITERIA_LABELS,
    LEAVE_KIND_LABELS,
    PARTY_SHARE_BOUND_LABELS,
    RATING_LABELS,
    STAFF_CATEGORY_LABELS,
    DisciplineGround,
    DisciplineLevel,
    EvaluationRegime,
    GeneralCriteria,
    LeaveKind,
    PartyShareBound,
    Rating,
    RatioBase,
    Rounding,
    SmallUnitRule,
    StaffCategory,
)

__all__ = [
    "DISCIPLINE_GROUND_LABELS",
    "DISCIPLINE_LEVEL_LABELS",
    "EVALUATION_REGIME_LABELS",
    "GENERAL_CRITERIA_LABELS",
    "LEAVE_KIND_LABELS",
    "RATING_LABELS",
    "STAFF_CATEGORY_LABELS",
    "DeadlineFacts",
    "DisciplineGround",
    "DisciplineLevel",
    "EvaluationRegime",
    "ExcellentCapFacts",
    "ExcellentShareFacts",
    "GeneralCriteria",
    "GroupCounts",
    "HeadFacts",
    "LeaveKind",
    "PartyLevelFacts",
    "PersonEvaluationFacts",
    "PARTY_SHARE_BOUND_LABELS",
    "PartyShareBound",
    "Rating",
    "RatioBase",
    "RegimeFacts",
    "Rounding",
    "SmallUnitRule",
    "StaffCategory",
    "UnitCapFacts",
    "UnitEvaluationFacts",
    "caps_for_people",
    "check_excellent_cap",
    "check_excellent_share",
    "check_unit_excellent_cap",
    "classify_people",
    "classify_person",
    "decide_deadline",
    "decide_head_level",
    "decide_level_d90",
    "decide_level_d233",
    "decide_level_d335",
    "decide_party_level",
    "decide_regime",
    "decide_unit_level",
    "pool_max",
    "select_regime",
]
