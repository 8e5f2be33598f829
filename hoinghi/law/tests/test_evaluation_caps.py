"""Excellent caps: docs/domain/examples.md §8 C3–C9 and one over the cap."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from fractions import Fraction

import pytest

from hoinghi.law.evaluation import (
    EvaluationRegime,
    ExcellentCapFacts,
    ExcellentShareFacts,
    GroupCounts,
    PartyShareBound,
    PersonEvaluationFacts,
    Rating,
    RatioBase,
    SmallUnitRule,
    StaffCategory,
    UnitCapFacts,
    caps_for_people,
    check_excellent_cap,
    check_excellent_share,
    check_unit_excellent_cap,
    classify_people,
)
from hoinghi.law.options import EvaluationOptions
from hoinghi.law.parameters import NotInForce
from hoinghi.law.registry import rule_for
from hoinghi.law.results import Basis, Result

ON = date(2026, 12, 10)
D233 = EvaluationRegime.D233


@pytest.mark.parametrize(
    ("good", "excellent", "raised", "base", "most"),
    [
        (32, 0, False, RatioBase.GOOD_ONLY, 5),
        (32, 0, True, RatioBase.GOOD_ONLY, 6),
        (32, 0, False, RatioBase.GOOD_AND_ABOVE, 6),
        (32, 0, True, RatioBase.GOOD_AND_ABOVE, 8),
        (27, 5, False, RatioBase.GOOD_ONLY, 5),
    ],
    ids=[
        "32 all good or above, at most 5 excellent",
        "unit excellent (25 %), at most 6",
        "ratio base good and above, at most 6",
        "good and above at 25 %, at most 8",
        "27 good and 5 excellent is exactly at the cap",
    ],
)
def test_the_most_that_may_be_excellent_in_a_pool_of_32(
    good: int, excellent: int, raised: bool, base: RatioBase, most: int
) -> None:
    result = check_excellent_cap(
        ExcellentCapFacts(D233, excellent, good, unit_rated_excellent=raised),
        on=ON,
        options=EvaluationOptions(ratio_base=base),
    )
    assert result.values["max_excellent"] == most
    assert result.values["remaining"] == most - excellent
    assert result.outcome is True
    assert any(r.basis is Basis.UNVERIFIED for r in result.reasons)


@pytest.mark.parametrize(
    ("good", "excellent", "raised", "ok"),
    [
        (20, 4, False, True),
        (20, 5, False, False),
        (20, 5, True, True),
        (20, 6, True, False),
        (12, 2, False, True),
        (12, 3, False, False),
        (12, 3, True, True),
        (26, 6, False, False),
    ],
    ids=[
        "20 rated good, at most 4 excellent",
        "20 good, 5 excellent is one over the cap",
        "20 good at 25 %, 5 excellent allowed",
        "20 good at 25 %, 6 is one over",
        "12 rated good, 2 excellent allowed",
        "12 good, 3 excellent is over",
        "12 good at 25 %, 3 allowed",
        "26 good and 6 excellent is over (6 > 5.2)",
    ],
)
def test_a_list_is_within_or_over_the_cap_as_counted_after_selection(
    good: int, excellent: int, raised: bool, ok: bool
) -> None:
    result = check_excellent_cap(
        ExcellentCapFacts(D233, excellent, good, unit_rated_excellent=raised), on=ON
    )
    assert result.outcome is ok
    if not ok:
        over = result.reasons[0]
        assert over.code == "evaluation.cap.unit.over"
        assert str(result.values["max_excellent"]) in over.text
        assert result.values["over"] == excellent - result.values["max_excellent"]


def test_the_agency_cap_and_each_task_group_cap_both_apply() -> None:
    facts = ExcellentCapFacts(
        D233,
        excellent=3,
        good=14,
        groups=(GroupCounts("giáo viên", 2, 10), GroupCounts("hành chính", 1, 4)),
    )
    result = check_excellent_cap(facts, on=ON)
    assert result.outcome is False
    groups = {g["group"]: g for g in result.values["groups"]}
    assert groups["giáo viên"]["max_excellent"] == 2
    assert groups["hành chính"]["max_excellent"] == 0
    assert groups["hành chính"]["ok"] is False


@pytest.mark.parametrize(
    ("units", "good", "excellent", "outstanding", "rule", "ok", "most"),
    [
        (4, 3, 1, False, SmallUnitRule.ALLOW_ONE, True, 1),
        (4, 3, 2, False, SmallUnitRule.ALLOW_ONE, False, 1),
        (4, 3, 1, False, SmallUnitRule.UPPER_BOUND, False, 0),
        (12, 8, 1, False, SmallUnitRule.ALLOW_ONE, True, 1),
        (12, 8, 2, True, SmallUnitRule.ALLOW_ONE, True, 2),
        (12, 8, 2, False, SmallUnitRule.ALLOW_ONE, False, 1),
    ],
    ids=[
        "4 units, 3 good: at most 1 excellent",
        "4 units: 2 excellent is over",
        "4 units read as upper bound only: none",
        "12 units, 8 good: at most 1",
        "12 units outstanding (25 %): 2",
        "12 units: 2 excellent is over",
    ],
)
def test_public_service_units_are_capped_and_one_may_be_excellent_under_five(
    units: int,
    good: int,
    excellent: int,
    outstanding: bool,
    rule: SmallUnitRule,
    ok: bool,
    most: int,
) -> None:
    result = check_unit_excellent_cap(
        UnitCapFacts(units, good, excellent, outstanding),
        on=ON,
        options=EvaluationOptions(small_unit_rule=rule),
    )
    assert result.outcome is ok
    assert result.values["max_excellent"] == most


OBSERVED = EvaluationOptions(party_share_bound=PartyShareBound.OBSERVED_SHARE)


def test_under_the_observed_reading_the_share_may_not_pass_the_party_members_share() -> None:
    facts = ExcellentShareFacts(excellent=6, classified=30, party_excellent=2, party_classified=10)
    result = check_excellent_share(facts, on=date(2024, 12, 1), options=OBSERVED)
    assert result.outcome is True and result.values["max_excellent"] == 6
    over = check_excellent_share(
        ExcellentShareFacts(7, 30, 2, 10), on=date(2024, 12, 1), options=OBSERVED
    )
    assert over.outcome is False


def test_by_default_the_party_s_cap_for_its_members_bounds_the_list_and_is_unverified() -> None:
    # Every member a Party member, every one rated excellent: the observed share (100 %) would
    # allow it; the Party's cap (20 % of those rated HTTNV) does not.
    all_party = ExcellentShareFacts(
        excellent=4, classified=4, party_excellent=4, party_classified=4
    )
    assert check_excellent_share(all_party, on=date(2024, 12, 1), options=OBSERVED).ok
    refused = check_excellent_share(all_party, on=date(2024, 12, 1))
    assert not refused.ok and refused.values["max_excellent"] == 0
    assert Basis.UNVERIFIED in [
        r.basis for r in refused.reasons if r.code == "evaluation.share.bound"
    ]
    thirty = ExcellentShareFacts(excellent=5, classified=30, good=25)
    assert check_excellent_share(thirty, on=date(2024, 12, 1)).values["max_excellent"] == 5
    assert not check_excellent_share(replace(thirty, excellent=6, good=24), on=date(2024, 12, 1)).ok


def test_the_d48_share_applies_from_15_september_2023_to_the_end_of_d90_s_transition() -> None:
    facts = ExcellentShareFacts(excellent=1, classified=10)
    with pytest.raises(NotInForce):
        check_share_on(facts, date(2023, 9, 14))
    assert check_share_on(facts, date(2023, 9, 15)).rule == "evaluation.excellent_share"
    assert check_share_on(facts, date(2027, 1, 15)).rule == "evaluation.excellent_share"
    with pytest.raises(NotInForce):
        check_share_on(facts, date(2027, 1, 16))


def check_share_on(facts: ExcellentShareFacts, on: date) -> Result:
    result: Result = rule_for("evaluation.excellent_share", on).func(facts, on=on)
    return result


def test_batch_demotes_beyond_the_cap_by_score() -> None:
    people = [
        PersonEvaluationFacts(
            f"p{i}", StaffCategory.PUBLIC_EMPLOYEE, 2026, unit_id="u", score=Fraction(99 - i)
        )
        for i in range(10)
    ]
    people += [
        PersonEvaluationFacts(
            f"q{i}", StaffCategory.PUBLIC_EMPLOYEE, 2026, unit_id="u", score=Fraction(80)
        )
        for i in range(22)
    ]
    results = classify_people(people, on=ON, apply_caps=True)
    excellent = [
        p.person_id for p, r in zip(people, results, strict=True) if r.outcome is Rating.EXCELLENT
    ]
    assert excellent == ["p0", "p1", "p2", "p3", "p4"]  # floor(32 / 6) = 5, best scores kept
    assert results[5].reasons[-1].code == "evaluation.cap.demoted"
    caps = caps_for_people(people, results, on=ON)
    assert caps[0].outcome is True and caps[0].values["remaining"] == 0


def test_the_cap_counts_the_whole_agency_not_each_department() -> None:
    # Three departments of one agency: 3, 4 and 8 people. Counted per department the one
    # excellent of the smallest would be over (at most floor(3/6) = 0); over the agency's 15
    # people two may be excellent.
    def person(i: int, unit: str, rating: Rating) -> tuple[PersonEvaluationFacts, Result]:
        facts = PersonEvaluationFacts(
            f"p{i}", StaffCategory.CIVIL_SERVANT, 2026, unit_id=unit, agency_id="Sở Mẫu"
        )
        values = {"regime": EvaluationRegime.D335}
        return facts, Result("evaluation.classify", "2020", ON, rating, values, ())

    rows = [person(0, "Phòng A", Rating.EXCELLENT)]
    rows += [person(i, "Phòng A", Rating.GOOD) for i in range(1, 3)]
    rows += [person(i, "Phòng B", Rating.GOOD) for i in range(3, 7)]
    rows += [person(i, "Văn phòng", Rating.GOOD) for i in range(7, 15)]
    caps = caps_for_people([f for f, _ in rows], [r for _, r in rows], on=ON)
    assert len(caps) == 1 and caps[0].ok and caps[0].values["max_excellent"] == 2
    assert caps[0].reasons[0].text.startswith("Toàn cơ quan Sở Mẫu: 1 người")


def test_the_raised_share_of_decree_233_needs_the_whole_unit_rated_excellent() -> None:
    # 30 viên chức, 6 proposed excellent: at 20 % at most floor(30/6) = 5, at 25 % floor(30/5) = 6.
    def people(ratings: list[Rating | None]) -> list[Result]:
        return [
            Result(
                "evaluation.classify",
                "2020",
                ON,
                Rating.EXCELLENT if i < 6 else Rating.GOOD,
                {"regime": EvaluationRegime.D233},
                (),
            )
            for i in range(len(ratings))
        ]

    def facts(ratings: list[Rating | None]) -> list[PersonEvaluationFacts]:
        return [
            PersonEvaluationFacts(
                f"p{i}", StaffCategory.PUBLIC_EMPLOYEE, 2026, agency_id="u", unit_rating=r
            )
            for i, r in enumerate(ratings)
        ]

    whole: list[Rating | None] = [Rating.EXCELLENT] * 30
    mixed: list[Rating | None] = [Rating.EXCELLENT, Rating.GOOD] * 15
    raised = caps_for_people(facts(whole), people(whole), on=ON)[0]
    plain = caps_for_people(facts(mixed), people(mixed), on=ON)[0]
    assert raised.values["share"] == Fraction(1, 4) and raised.ok
    assert plain.values["share"] == Fraction(1, 5) and not plain.ok
