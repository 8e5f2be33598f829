"""Emulation and commendation (thi đua, khen thưởng): titles per year and regime.

Services call :func:`decide_titles_for_people` (individual titles) or
:func:`decide_titles_for_units` (with the CSTĐCS cap per unit and the collective titles),
:func:`check_cstdcs_cap` for the cap numbers and :func:`decide_bonus` for amounts.
"""

from hoinghi.law.emulation.awards import (
    Award,
    AwardsFacts,
    AuthorityFacts,
    BallotFacts,
    BonusFacts,
    GiayKhenFacts,
    HigherTitleFacts,
    RegistrationFacts,
    check_authority,
    check_council_ballot,
    check_cstd_tinh,
    check_cstd_toan_quoc,
    check_giay_khen,
    check_no_double_reward,
    check_registration,
    decide_bonus,
)
from hoinghi.law.emulation.collective import (
    AgencyTitles,
    CollectiveFacts,
    CstdcsCapFacts,
    UnitYearFacts,
    check_cstdcs_cap,
    decide_collective_titles,
    decide_titles_for_units,
)
from hoinghi.law.emulation.parameters import BASE_SALARY, BONUS_MULTIPLES
from hoinghi.law.emulation.titles import (
    PersonYearFacts,
    decide_titles,
    decide_titles_for_people,
    months_in_service,
    regime_on,
)
from hoinghi.law.emulation.vocabulary import (
    EMULATION_REGIME_LABELS,
    INITIATIVE_KIND_LABELS,
    INITIATIVE_LEVEL_LABELS,
    ISSUER_LEVEL_LABELS,
    TITLE_LABELS,
    EmulationRegime,
    InitiativeKind,
    InitiativeLevel,
    IssuerLevel,
    Title,
)

__all__ = [
    "BASE_SALARY", "BONUS_MULTIPLES", "EMULATION_REGIME_LABELS", "INITIATIVE_KIND_LABELS",
    "INITIATIVE_LEVEL_LABELS", "ISSUER_LEVEL_LABELS", "TITLE_LABELS", "AgencyTitles",
    "AuthorityFacts", "Award", "AwardsFacts", "BallotFacts", "BonusFacts", "CollectiveFacts",
    "CstdcsCapFacts", "EmulationRegime", "GiayKhenFacts", "HigherTitleFacts", "InitiativeKind",
    "InitiativeLevel", "IssuerLevel", "PersonYearFacts", "RegistrationFacts", "Title",
    "UnitYearFacts", "check_authority", "check_council_ballot", "check_cstd_tinh",
    "check_cstd_toan_quoc", "check_cstdcs_cap", "check_giay_khen", "check_no_double_reward",
    "check_registration", "decide_bonus", "decide_collective_titles", "decide_titles",
    "decide_titles_for_people", "decide_titles_for_units", "months_in_service", "regime_on",
]
