"""Consecutive titles across years (docs/domain/examples.md §8 D7), earlier titles, other recognitions, and
the home-page links."""

from __future__ import annotations

from datetime import date

import pytest

from hoinghi.emulation import selectors, services
from hoinghi.emulation.eligibility import compute_eligibility
from hoinghi.emulation.home import emulation_links
from hoinghi.emulation.models import Eligibility
from hoinghi.emulation.services import EmulationError
from hoinghi.emulation.tests.builders import add_initiative, classify, district, people, year_of
from hoinghi.emulation.vocabulary import Outcome
from hoinghi.law.emulation.vocabulary import InitiativeLevel, Title
from hoinghi.law.evaluation.vocabulary import Rating
from hoinghi.org.models import WorkYear
from hoinghi.testing import World

pytestmark = pytest.mark.django_db
CSTDCS, TINH = Title.CHIEN_SI_THI_DUA_CO_SO, Title.CHIEN_SI_THI_DUA_CAP_TINH


def province_year(earlier: tuple[int, ...]) -> WorkYear:
    agency = district()
    star = people(agency)["HU03"]
    for year in earlier:
        services.record_earlier_title(
            year=year, title=CSTDCS, person=star, decision=f"Quyết định năm {year}"
        )
    work_year = year_of(agency, 2025)
    classify(work_year, {"HU03": Rating.EXCELLENT})
    add_initiative(star, date(2025, 10, 2), level=InitiativeLevel.PROVINCE)
    compute_eligibility(work_year)
    return work_year


def test_three_consecutive_cstdcs_and_a_province_initiative_open_the_province_title() -> None:
    work_year = province_year((2023, 2024))
    row = Eligibility.objects.get(work_year=work_year, title=TINH, person__staff_code="HU03")
    assert row.outcome == Outcome.ELIGIBLE
    assert row.facts["input"]["prior_consecutive_cstdcs"] == 2


def test_two_consecutive_years_are_not_enough() -> None:
    work_year = province_year((2024,))
    assert not Eligibility.objects.filter(
        work_year=work_year, title=TINH, outcome=Outcome.ELIGIBLE
    ).exists()
    assert (
        Eligibility.objects.get(
            work_year=work_year, title=CSTDCS, person__staff_code="HU03"
        ).outcome
        == Outcome.ELIGIBLE
    )


def test_an_earlier_title_is_entered_once_and_fits_its_holder() -> None:
    star = people(district())["HU03"]
    services.record_earlier_title(year=2022, title=CSTDCS, person=star)
    with pytest.raises(EmulationError) as twice:
        services.record_earlier_title(year=2022, title=CSTDCS, person=star)
    assert twice.value.field == "year"
    with pytest.raises(EmulationError, match="chỉ dành cho tập thể"):
        services.record_earlier_title(
            year=2022, title=Title.TAP_THE_LAO_DONG_TIEN_TIEN, person=star
        )


def test_other_recognitions_of_the_year_are_kept_for_the_report() -> None:
    work_year = year_of(district(), 2023)
    services.record_recognition(work_year, "An toàn về an ninh trật tự", issuer="Công an huyện")
    with pytest.raises(EmulationError):
        services.record_recognition(work_year, "  ")
    assert [r.name for r in selectors.recognitions_of_year(work_year)] == [
        "An toàn về an ninh trật tự"
    ]


def test_home_links_point_staff_to_the_year_and_the_council_to_the_table(world: World) -> None:
    year_of(world.agency, 2024)
    assert [link.title for link in emulation_links(world.colleague, world.agency)] == [
        "Thi đua, khen thưởng năm 2024"
    ]
    assert [link.title for link in emulation_links(world.council, world.agency)][1:] == [
        "Xét danh hiệu thi đua",
        "Hội đồng đánh giá tập thể",
    ]


def test_giay_khen_from_2024_needs_an_achievement_and_is_not_weighed_in_2023() -> None:
    agency = district()
    y2024 = year_of(agency, 2024)
    classify(y2024, {"HU03": Rating.EXCELLENT})
    compute_eligibility(y2024)
    rows = Eligibility.objects.filter(work_year=y2024, title=Title.GIAY_KHEN)
    assert list(
        rows.filter(outcome=Outcome.ELIGIBLE).values_list("person__staff_code", flat=True)
    ) == ["HU03"]
    other = rows.get(person__staff_code="HU04")
    assert other.reasons[0]["code"] == "emulation.giay_khen.achievement"
    assert "theo quy chế của cơ quan" in other.reasons[0]["text"]
    y2023 = year_of(agency, 2023)
    classify(y2023, {})
    compute_eligibility(y2023)
    assert not Eligibility.objects.filter(work_year=y2023, title=Title.GIAY_KHEN).exists()
