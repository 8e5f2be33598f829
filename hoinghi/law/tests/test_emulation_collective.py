"""Collective titles (D4, D5), awards (D9, D10), authority (E9), council (E12)."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from hoinghi.law.emulation import (
    AuthorityFacts,
    Award,
    AwardsFacts,
    BallotFacts,
    BonusFacts,
    CollectiveFacts,
    GiayKhenFacts,
    IssuerLevel,
    LocalLevel,
    SuperiorFacts,
    Title,
    check_authority,
    check_council_ballot,
    check_giay_khen,
    check_no_double_reward,
    decide_bonus,
    decide_collective_titles,
    decide_superior_body,
)
from hoinghi.law.evaluation import Rating
from hoinghi.law.options import BonusMultiple, EmulationOptions
from hoinghi.law.results import Basis

TT, XS = Title.TAP_THE_LAO_DONG_TIEN_TIEN, Title.TAP_THE_LAO_DONG_XUAT_SAC
ON = date(2025, 12, 31)


def test_a_new_recruit_not_classified_is_left_out_of_the_100_percent_by_default() -> None:
    # 12 members, one recruited in the autumn (not classified): 11 done, 9 LĐTT, 1 CSTĐCS.
    facts = CollectiveFacts(
        "u", 12, 9, 1, 11, members_unclassified=1, collective_rating=Rating.EXCELLENT
    )
    result = decide_collective_titles(facts, on=ON)
    assert result.outcome == (TT, XS)
    note = next(r for r in result.reasons if r.code == "emulation.ttldxs.unclassified")
    assert note.basis is Basis.UNVERIFIED and "không tính vào" in note.text
    strict = EmulationOptions(unclassified_count_as_not_done=True)
    refused = decide_collective_titles(facts, on=ON, options=strict)
    assert refused.outcome == (TT,)
    assert "(11/12)" in " ".join(r.text for r in refused.reasons)


def test_the_agency_s_regulation_may_set_the_advanced_collective_share_from_2024() -> None:
    # 10 members, 6 Lao động tiên tiến: over the default 50 %, not over an agency's 2/3.
    facts = CollectiveFacts("u", 10, 6, 0, 10, collective_rating=Rating.GOOD)
    assert decide_collective_titles(facts, on=ON).outcome == (TT,)
    default = next(
        r
        for r in decide_collective_titles(facts, on=ON).reasons
        if r.code.startswith("emulation.ttldtt")
    )
    assert default.basis is Basis.UNVERIFIED
    agency = EmulationOptions(ttldtt_ldtt_share=Fraction(2, 3))
    assert decide_collective_titles(facts, on=ON, options=agency).outcome == ()
    # Before 2024 (Law 2003) the option does not apply.
    assert decide_collective_titles(facts, on=date(2023, 12, 31), options=agency).outcome == (TT,)


@pytest.mark.parametrize(
    ("facts", "titles"),
    [
        (CollectiveFacts("u", 12, 9, 1, 12, collective_rating=Rating.EXCELLENT), (TT, XS)),
        (CollectiveFacts("u", 12, 8, 1, 12, collective_rating=Rating.EXCELLENT), (TT,)),
        (CollectiveFacts("u", 12, 9, 0, 12, collective_rating=Rating.EXCELLENT), (TT,)),
        (CollectiveFacts("u", 12, 9, 1, 11, collective_rating=Rating.EXCELLENT), (TT,)),
        (CollectiveFacts("u", 10, 6, 0, 10, collective_rating=Rating.GOOD), (TT,)),
        (CollectiveFacts("u", 10, 5, 0, 10, collective_rating=Rating.GOOD), ()),
        (CollectiveFacts("u", 9, 5, 0, 9, collective_rating=Rating.GOOD), (TT,)),
    ],
    ids=[
        "12 members, 9 LĐTT, 1 CSTĐCS, excellent: TTLĐXS",
        "8 LĐTT of 12 is under 70 %",
        "no CSTĐCS blocks TTLĐXS",
        "one member not done blocks TTLĐXS",
        "10 members, 6 LĐTT: TTLĐTT",
        "10 members, 5 LĐTT (exactly 50 %) fails",
        "9 members, 5 LĐTT: TTLĐTT",
    ],
)
def test_a_collective_is_advanced_or_excellent_by_its_level_and_its_members_titles(
    facts: CollectiveFacts, titles: tuple[Title, ...]
) -> None:
    assert decide_collective_titles(facts, on=ON).outcome == titles


def test_legacy_disciplined_member_blocks_ttldtt_but_not_by_default_under_l06() -> None:
    facts = CollectiveFacts("u", 10, 8, 0, 10, 1, collective_rating=Rating.GOOD)
    assert decide_collective_titles(facts, on=date(2023, 12, 31)).outcome == ()
    assert decide_collective_titles(facts, on=ON).outcome == (TT,)
    strict = EmulationOptions(collective_discipline_clause=True)
    assert decide_collective_titles(facts, on=ON, options=strict).outcome == ()


@pytest.mark.parametrize(
    ("title", "on", "amount"),
    [
        (Title.LAO_DONG_TIEN_TIEN, date(2025, 1, 10), 702_000),
        (Title.CHIEN_SI_THI_DUA_CO_SO, date(2025, 1, 10), 2_340_000),
        (Title.TAP_THE_LAO_DONG_TIEN_TIEN, date(2025, 1, 10), 1_872_000),
        (Title.TAP_THE_LAO_DONG_XUAT_SAC, date(2025, 1, 10), 3_510_000),
        (Title.LAO_DONG_TIEN_TIEN, date(2024, 3, 1), 540_000),
    ],
    ids=[
        "LĐTT at 2,340,000 is 702,000",
        "CSTĐCS is 2,340,000",
        "TTLĐTT is 1,872,000",
        "TTLĐXS is 3,510,000",
        "LĐTT before 01/07/2024 at 1,800,000 is 540,000",
    ],
)
def test_the_bonus_is_the_title_s_multiple_of_the_base_salary_in_force(
    title: Title, on: date, amount: int
) -> None:
    assert decide_bonus(BonusFacts(title), on=on).outcome == amount


def test_giay_khen_bonus_is_an_unverified_option() -> None:
    assert decide_bonus(BonusFacts(Title.GIAY_KHEN), on=ON).outcome is None
    opts = EmulationOptions(giay_khen_multiple=Fraction(3, 10))
    assert decide_bonus(BonusFacts(Title.GIAY_KHEN), on=ON, options=opts).outcome == 702_000


def test_one_achievement_is_not_rewarded_twice() -> None:
    facts = AwardsFacts(
        (
            Award("a1", Title.GIAY_KHEN, "p"),
            Award("a1", Title.BANG_KHEN, "p"),
            Award("a2", Title.BANG_KHEN, "p"),
        )
    )
    result = check_no_double_reward(facts, on=ON)
    assert result.outcome is False
    assert result.values["refused"][0]["form"] is Title.BANG_KHEN


@pytest.mark.parametrize(
    ("issuer", "title", "on", "ok"),
    [
        (IssuerLevel.UNIT_HEAD, Title.CHIEN_SI_THI_DUA_CO_SO, ON, True),
        (IssuerLevel.UNIT_HEAD, XS, ON, False),
        (IssuerLevel.DISTRICT_CHAIR, Title.LAO_DONG_TIEN_TIEN, date(2025, 6, 30), True),
        (IssuerLevel.DISTRICT_CHAIR, Title.LAO_DONG_TIEN_TIEN, date(2025, 7, 1), False),
    ],
    ids=[
        "unit head decides CSTĐCS",
        "TTLĐXS is for the ministry or province",
        "district chair on 30/06/2025",
        "no district level from 01/07/2025",
    ],
)
def test_who_may_decide_a_title_and_no_district_chair_from_july_2025(
    issuer: IssuerLevel, title: Title, on: date, ok: bool
) -> None:
    assert check_authority(AuthorityFacts(title, issuer), on=on).outcome is ok


@pytest.mark.parametrize(
    ("members", "yes", "on", "ok"),
    [
        (11, 10, date(2023, 12, 1), True),
        (11, 9, date(2023, 12, 1), False),
        (10, 9, ON, True),
    ],
    ids=["legacy: 10 of 11 reaches 90 %", "legacy: 9 of 11 fails", "2025: agency share 90 %"],
)
def test_the_council_passes_a_proposal_with_its_share_of_all_members(
    members: int, yes: int, on: date, ok: bool
) -> None:
    assert check_council_ballot(BallotFacts(members, yes), on=on).outcome is ok


def test_giay_khen_follows_the_agency_options() -> None:
    assert check_giay_khen(GiayKhenFacts(Rating.GOOD, True), on=ON).outcome is True
    assert check_giay_khen(GiayKhenFacts(Rating.DONE, True), on=ON).outcome is False
    strict = EmulationOptions(giay_khen_min_rating=Rating.EXCELLENT)
    assert check_giay_khen(GiayKhenFacts(Rating.GOOD, True), on=ON, options=strict).outcome is False


def test_the_agency_may_set_the_bonus_multiple_and_the_base_salary() -> None:
    on = date(2025, 12, 31)
    default = decide_bonus(BonusFacts(Title.CHIEN_SI_THI_DUA_CO_SO), on=on)
    assert default.outcome == 2_340_000
    assert {r.basis for r in default.reasons} == {Basis.UNVERIFIED}
    opts = EmulationOptions(
        bonus_multiples=(BonusMultiple("cstdcs", Fraction(3, 2)),), base_salary=2_530_000
    )
    agency = decide_bonus(BonusFacts(Title.CHIEN_SI_THI_DUA_CO_SO), on=on, options=opts)
    assert agency.outcome == 3_795_000
    assert {r.basis for r in agency.reasons} == {Basis.AGENCY}
    # A title the agency did not list keeps the dated multiple, on the agency's base salary.
    ldtt = decide_bonus(BonusFacts(Title.LAO_DONG_TIEN_TIEN), on=on, options=opts)
    assert ldtt.outcome == 759_000


def test_the_superior_body_is_the_district_chair_up_to_30_june_2025_and_never_after() -> None:
    district = SuperiorFacts(LocalLevel.DISTRICT, "Ủy ban nhân dân huyện Thạch Bình")
    before = decide_superior_body(district, on=date(2025, 6, 30))
    assert before.outcome == "Chủ tịch Ủy ban nhân dân huyện Thạch Bình"
    after = decide_superior_body(district, on=date(2025, 7, 1))
    assert after.outcome is None
    assert after.reasons[0].code == "emulation.superior.district_abolished"
    commune = SuperiorFacts(LocalLevel.COMMUNE, "Ủy ban nhân dân xã Thạch An")
    named = decide_superior_body(commune, on=date(2025, 7, 1))
    assert named.outcome == "Chủ tịch Ủy ban nhân dân xã Thạch An"
    assert named.reasons[0].basis is Basis.UNVERIFIED
    chosen = EmulationOptions(superior_body="Chủ tịch Ủy ban nhân dân phường Thạch An")
    agency = decide_superior_body(commune, on=date(2025, 7, 1), options=chosen)
    assert agency.outcome == chosen.superior_body and agency.reasons[0].basis is Basis.AGENCY
    # Before the reform the agency's choice does not replace the law's district chair.
    assert decide_superior_body(district, on=date(2025, 6, 30), options=chosen).outcome == (
        before.outcome
    )
