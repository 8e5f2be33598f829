"""The agency's own regulation: its CSTĐCS cap from 2024, its registration rule and its
council share, read as the law's options."""

from __future__ import annotations

from datetime import date

import pytest

from hoinghi.emulation.council import council_share
from hoinghi.emulation.eligibility import compute_eligibility
from hoinghi.emulation.models import Eligibility
from hoinghi.emulation.tests.builders import STARS, district, district_year, regulate, year_of
from hoinghi.emulation.vocabulary import Outcome
from hoinghi.law.emulation.vocabulary import Title

pytestmark = pytest.mark.django_db


def test_an_agency_cap_of_ten_percent_limits_cstdcs_in_2024_with_the_agency_as_basis() -> None:
    regulate(district(), cstdcs_cap_share="10/100", regulation="Quy chế số 12-QC/HU")
    work_year = district_year(2024)
    compute_eligibility(work_year)
    granted = Eligibility.objects.filter(
        work_year=work_year, title=Title.CHIEN_SI_THI_DUA_CO_SO, outcome=Outcome.ELIGIBLE
    )
    codes = set(granted.values_list("person__staff_code", flat=True))
    assert len(codes) == 3 and codes < set(STARS)  # floor(10 % × 32); ties kept in name order
    demoted = Eligibility.objects.get(
        work_year=work_year, title=Title.CHIEN_SI_THI_DUA_CO_SO, person__staff_code="HU10"
    )
    assert "theo quy chế của cơ quan" in demoted.reasons[-1]["text"]


def test_registration_required_by_the_agency_applies_after_2023() -> None:
    regulate(district(), registration_required=True)
    work_year = district_year(2024, registered=False)
    compute_eligibility(work_year)
    assert not Eligibility.objects.filter(
        work_year=work_year, title=Title.LAO_DONG_TIEN_TIEN, outcome=Outcome.ELIGIBLE
    ).exists()


def test_the_council_share_is_the_law_up_to_2023_and_the_agency_after() -> None:
    agency = district()
    regulate(agency, council_share="75/100")
    assert str(council_share(year_of(agency, 2023))) == "9/10"
    assert str(council_share(year_of(agency, 2024))) == "3/4"
    assert date(2024, 1, 1) == year_of(agency, 2024).starts_on
