"""The district office's 2023 figures, and the same people under the later law."""

from __future__ import annotations

from datetime import date

import pytest

from hoinghi.emulation import selectors
from hoinghi.emulation.eligibility import compute_eligibility
from hoinghi.emulation.models import Eligibility
from hoinghi.emulation.tests.builders import RUNNERS_UP, STARS, district_year
from hoinghi.emulation.vocabulary import Outcome
from hoinghi.law.emulation.vocabulary import Title
from hoinghi.law.options import EmulationOptions
from hoinghi.org.models import WorkYear

pytestmark = pytest.mark.django_db

LDTT, CSTDCS = Title.LAO_DONG_TIEN_TIEN, Title.CHIEN_SI_THI_DUA_CO_SO
TTLDTT, TTLDXS = Title.TAP_THE_LAO_DONG_TIEN_TIEN, Title.TAP_THE_LAO_DONG_XUAT_SAC


def eligible(work_year: WorkYear, title: Title) -> list[str]:
    rows = Eligibility.objects.filter(work_year=work_year, title=title, outcome=Outcome.ELIGIBLE)
    return sorted(
        person or unit for person, unit in rows.values_list("person__staff_code", "unit__code")
    )


def test_2023_gives_32_of_32_ldtt_4_cstdcs_5_ttldtt_and_2_ttldxs() -> None:
    work_year = district_year(2023)
    summary = compute_eligibility(work_year)
    assert summary.people == 32 and summary.units == 5
    assert len(eligible(work_year, LDTT)) == 32
    assert eligible(work_year, CSTDCS) == sorted(STARS)
    assert len(eligible(work_year, TTLDTT)) == 5
    assert eligible(work_year, TTLDXS) == ["ban-tuyen-giao", "van-phong"]


def test_2023_cap_leaves_the_initiatives_rated_good_out_with_the_reason() -> None:
    work_year = district_year(2023)
    compute_eligibility(work_year)
    row = Eligibility.objects.get(
        work_year=work_year, title=CSTDCS, person__staff_code=RUNNERS_UP[0]
    )
    assert row.outcome == Outcome.NOT_ELIGIBLE
    codes = [r["code"] for r in row.reasons]
    assert "emulation.cstdcs_cap.demoted" in codes
    assert any("9 Nghị định" in c for c in row.citations)
    assert row.facts["cap"]["values"]["max"] == 4
    assert row.rule == "emulation.titles" and row.rule_version == "LTDKT2003-D91"


def test_every_row_stores_rule_citations_reasons_and_facts() -> None:
    work_year = district_year(2023)
    compute_eligibility(work_year)
    for row in Eligibility.objects.filter(work_year=work_year):
        assert row.rule and row.rule_version and row.reasons and row.citations
        assert row.facts["input"]


def test_2024_excellent_without_initiative_is_cstdcs_but_not_in_2023() -> None:
    y2023 = district_year(2023, initiatives=())
    compute_eligibility(y2023)
    assert eligible(y2023, CSTDCS) == []
    reasons = Eligibility.objects.get(
        work_year=y2023, title=CSTDCS, person__staff_code=STARS[0]
    ).reasons
    assert reasons[-1]["code"] == "emulation.cstdcs.no_initiative"
    y2024 = district_year(2024, initiatives=())
    compute_eligibility(y2024)
    assert eligible(y2024, CSTDCS) == sorted(STARS)
    assert len(eligible(y2024, LDTT)) == 32


def test_2024_has_no_statutory_cap_so_all_six_with_an_initiative_qualify() -> None:
    y2024 = district_year(2024)
    compute_eligibility(y2024)
    assert eligible(y2024, CSTDCS) == sorted(STARS + RUNNERS_UP)


def test_2026_under_the_reported_amendment_needs_excellent_and_an_initiative() -> None:
    y2026 = district_year(2026, initiatives=STARS[:2])
    compute_eligibility(y2026)  # Law 06/2026 not applied by default: L06 as in 2024
    assert eligible(y2026, CSTDCS) == sorted(STARS)
    compute_eligibility(y2026, options=EmulationOptions(apply_law_2026=True))
    assert eligible(y2026, CSTDCS) == sorted(STARS[:2])
    row = Eligibility.objects.get(work_year=y2026, title=CSTDCS, person__staff_code=STARS[2])
    assert row.rule_version == "L06-2026"


def test_title_counts_read_as_the_news_report_once_decided(
    django_assert_max_num_queries: object,
) -> None:
    work_year = district_year(2023)
    compute_eligibility(work_year)
    assert selectors.eligible_counts(work_year)[LDTT] == 32
    count = selectors.title_count(work_year, LDTT)
    assert count.base == 32 and count.awarded == 0
    assert date(2023, 12, 31) == work_year.ends_on
