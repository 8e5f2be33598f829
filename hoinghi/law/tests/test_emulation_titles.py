"""Individual titles per regime: docs/domain/examples.md §8 D1–D3, D7, D8 and the regime changes."""

from __future__ import annotations

from datetime import date

import pytest

from hoinghi.law.emulation import (
    InitiativeLevel,
    PersonYearFacts,
    Title,
    decide_titles,
    decide_titles_for_people,
    decide_titles_for_units,
)
from hoinghi.law.evaluation import DisciplineLevel, LeaveKind, Rating
from hoinghi.law.options import EmulationOptions
from hoinghi.law.results import Basis

LDTT, CSTDCS = Title.LAO_DONG_TIEN_TIEN, Title.CHIEN_SI_THI_DUA_CO_SO
X, G, D = Rating.EXCELLENT, Rating.GOOD, Rating.DONE


def end_of(year: int) -> date:
    return date(year, 12, 31)


@pytest.mark.parametrize(
    ("year", "rating", "initiative", "titles"),
    [
        (2023, X, False, (LDTT,)),
        (2024, X, False, (LDTT, CSTDCS)),
        (2025, X, False, (LDTT, CSTDCS)),
        (2023, G, True, (LDTT, CSTDCS)),
        (2024, G, False, (LDTT,)),
        (2024, D, False, ()),
        (2026, X, False, (LDTT, CSTDCS)),
    ],
    ids=[
        "2023: excellent without initiative is not CSTĐCS (legacy)",
        "2024: excellent without initiative is CSTĐCS (L06)",
        "2025 (Decree 152): same as 2024",
        "2023: good with an initiative is CSTĐCS",
        "2024: good without initiative is only LĐTT",
        "rated done is neither",
        "after 01/10/2026 without adopting Law 06/2026: L06 still applies",
    ],
)
def test_chien_si_thi_dua_co_so_follows_the_criteria_of_each_law(
    year: int, rating: Rating, initiative: bool, titles: tuple[Title, ...]
) -> None:
    facts = PersonYearFacts(
        "p", year, rating, initiative_level=InitiativeLevel.GRASSROOTS if initiative else None
    )
    result = decide_titles(facts, on=end_of(year))
    assert result.outcome == titles
    assert result.citations


def test_a_refused_chien_si_thi_dua_co_so_names_the_missing_initiative_and_its_clause() -> None:
    result = decide_titles(PersonYearFacts("p", 2023, X), on=end_of(2023))
    refusal = result.reasons[-1]
    assert refusal.code == "emulation.cstdcs.no_initiative"
    assert refusal.text.startswith("Không đủ điều kiện Chiến sĩ thi đua cơ sở: chưa có sáng kiến")
    assert "khoản 3 Điều 9" in refusal.text


def test_law_2026_is_off_by_default_with_a_warning_and_applies_when_chosen() -> None:
    facts = PersonYearFacts("p", 2026, X)
    default = decide_titles(facts, on=end_of(2026))
    assert default.reasons[0].basis is Basis.UNVERIFIED
    adopted = decide_titles(facts, on=end_of(2026), options=EmulationOptions(apply_law_2026=True))
    assert adopted.outcome == (LDTT,)
    assert adopted.rule_version == "L06-2026"
    with_initiative = PersonYearFacts("p", 2026, X, initiative_level=InitiativeLevel.GRASSROOTS)
    assert decide_titles(
        with_initiative, on=end_of(2026), options=EmulationOptions(apply_law_2026=True)
    ).outcome == (LDTT, CSTDCS)


@pytest.mark.parametrize(
    ("year", "recruited", "leave", "months_leave", "ldtt"),
    [
        (2023, date(2023, 4, 1), None, 0, False),
        (2023, date(2023, 3, 1), None, 0, True),
        (2024, date(2024, 4, 1), None, 0, True),
        (2024, date(2024, 8, 1), None, 0, False),
        (2023, None, LeaveKind.MATERNITY, 6, True),
        (2023, None, LeaveKind.UNPAID_PERSONAL, 3, False),
    ],
    ids=[
        "2023: recruited 01/04 (9 months) is not considered (< 10)",
        "2023: recruited 01/03 (10 months) is considered",
        "2024: recruited 01/04 (9 months ≥ 6) is considered",
        "2024: recruited 01/08 (5 months) is not considered",
        "2023: maternity leave counts as working time",
        "2023: 3 months of unpaid leave leaves 9 months",
    ],
)
def test_months_of_service_and_counted_leave_decide_lao_dong_tien_tien(
    year: int, recruited: date | None, leave: LeaveKind | None, months_leave: int, ldtt: bool
) -> None:
    facts = PersonYearFacts(
        "p", year, G, recruited_on=recruited, leave=leave, months_on_leave=months_leave
    )
    assert (LDTT in decide_titles(facts, on=end_of(year)).outcome) is ldtt


@pytest.mark.parametrize(
    ("kw", "ldtt"),
    [
        ({"discipline": DisciplineLevel.REPRIMAND}, False),
        ({"spirit_ok": False}, False),
        ({"registered": False}, False),
        ({"rating": None}, False),
    ],
    ids=[
        "reprimanded in 2023 is not considered",
        "spirit criteria not met",
        "no registration in 2023 (legacy default)",
        "not classified",
    ],
)
def test_in_2023_discipline_spirit_registration_and_classification_exclude_lao_dong_tien_tien(
    kw: dict[str, object], ldtt: bool
) -> None:
    base: dict[str, object] = {"rating": G}
    base.update(kw)
    facts = PersonYearFacts("p", 2023, **base)  # type: ignore[arg-type]
    assert (LDTT in decide_titles(facts, on=end_of(2023)).outcome) is ldtt


def test_registration_is_not_required_from_2024_by_default() -> None:
    facts = PersonYearFacts("p", 2024, G, registered=False)
    assert decide_titles(facts, on=end_of(2024)).outcome == (LDTT,)


@pytest.mark.parametrize(
    ("prior", "level", "proposed"),
    [
        (2, InitiativeLevel.PROVINCE, True),
        (1, InitiativeLevel.PROVINCE, False),
        (2, InitiativeLevel.GRASSROOTS, False),
    ],
    ids=[
        "CSTĐCS 2023, 2024, 2025 with a province initiative: propose CSTĐ tỉnh",
        "only 2 consecutive years: not eligible",
        "3 years but grassroots initiative only",
    ],
)
def test_chien_si_thi_dua_tinh_needs_consecutive_years_and_a_province_initiative(
    prior: int, level: InitiativeLevel, proposed: bool
) -> None:
    facts = PersonYearFacts("p", 2025, X, initiative_level=level, prior_consecutive_cstdcs=prior)
    result = decide_titles(facts, on=end_of(2025))
    assert (Title.CHIEN_SI_THI_DUA_CAP_TINH in result.outcome) is proposed


@pytest.mark.parametrize(
    ("year", "cstdcs"),
    [(2023, 4), (2024, 32)],
    ids=["32 LĐTT in 2023 allow at most 4 CSTĐCS (15 %)", "32 LĐTT in 2024: no statutory cap"],
)
def test_32_lao_dong_tien_tien_allow_4_chien_si_thi_dua_co_so_in_2023_and_no_cap_in_2024(
    year: int, cstdcs: int
) -> None:
    people = [
        PersonYearFacts(f"p{i}", year, G, unit_id="u", initiative_level=InitiativeLevel.GRASSROOTS)
        for i in range(32)
    ]
    agency = decide_titles_for_units(people, [], on=end_of(year))
    assert sum(LDTT in r.outcome for r in agency.people) == 32
    assert sum(CSTDCS in r.outcome for r in agency.people) == cstdcs
    if year == 2023:
        assert agency.caps[0].values["max"] == 4
        assert agency.people[-1].reasons[-1].code == "emulation.cstdcs_cap.demoted"


def test_agency_cap_from_2024_is_an_option() -> None:
    from fractions import Fraction

    people = [PersonYearFacts(f"p{i}", 2024, X, unit_id="u") for i in range(20)]
    agency = decide_titles_for_units(
        people, [], on=end_of(2024), options=EmulationOptions(cstdcs_cap_share=Fraction(1, 5))
    )
    assert sum(CSTDCS in r.outcome for r in agency.people) == 4
    assert agency.caps[0].reasons[0].basis is Basis.AGENCY


def test_batch_equals_single() -> None:
    people = [PersonYearFacts(f"p{i}", 2024, r) for i, r in enumerate([X, G, D, None])]
    batch = decide_titles_for_people(people, on=end_of(2024))
    assert batch == [decide_titles(p, on=end_of(2024)) for p in people]


def test_from_2024_a_disciplined_person_is_refused_lao_dong_tien_tien_unless_the_agency_says_not() -> (
    None
):
    facts = PersonYearFacts("p", 2024, Rating.GOOD, discipline=DisciplineLevel.REPRIMAND)
    by_default = decide_titles(facts, on=date(2024, 12, 31))
    assert by_default.outcome == ()
    refusal = next(r for r in by_default.reasons if r.code == "emulation.ldtt.discipline")
    assert refusal.basis is Basis.UNVERIFIED
    lenient = EmulationOptions(discipline_bars_ldtt=False)
    allowed = decide_titles(facts, on=date(2024, 12, 31), options=lenient)
    assert Title.LAO_DONG_TIEN_TIEN in allowed.outcome
    assert "emulation.ldtt.discipline_not_applied" in [r.code for r in allowed.reasons]
    # Under the 2003 Law (to 2023) the rule is the law's, whatever the option says.
    legacy = decide_titles(
        PersonYearFacts("p", 2023, Rating.GOOD, discipline=DisciplineLevel.REPRIMAND),
        on=date(2023, 12, 31),
        options=lenient,
    )
    assert legacy.outcome == ()
    assert (
        next(r for r in legacy.reasons if r.code == "emulation.ldtt.discipline").basis is Basis.LAW
    )
