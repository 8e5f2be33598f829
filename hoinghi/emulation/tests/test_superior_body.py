"""Where proposals upward go: the agency's history and the two-tier local government.

The demo district office answers to the district (Chủ tịch Ủy ban nhân dân huyện Thạch Bình)
up to 30/06/2025, as its 2023 history records; from 01/07/2025 there is no district level and
its history names the province.
"""

from __future__ import annotations

from datetime import date

import pytest

from hoinghi.emulation.rules import superior_body
from hoinghi.emulation.services import EmulationError
from hoinghi.emulation.tests.builders import district, people, year_of
from hoinghi.emulation.upward import propose_upward
from hoinghi.law.emulation.vocabulary import Title
from hoinghi.law.results import Basis
from hoinghi.org.models import AgencyPeriod, LocalLevel
from hoinghi.org.scenario import dump_scenario_data
from hoinghi.org.selectors import period_on

pytestmark = pytest.mark.django_db


def test_the_district_office_keeps_its_district_history_and_answers_to_the_province_after() -> None:
    agency = district()
    levels = [period_on(agency, date(*d)) for d in ((2023, 12, 31), (2025, 6, 30), (2025, 7, 1))]
    assert [p.superior_level if p else None for p in levels] == [
        LocalLevel.DISTRICT,
        LocalLevel.DISTRICT,
        LocalLevel.PROVINCE,
    ]
    history = dump_scenario_data(agency)["agency"]["history"]
    assert [h["superior_level"] for h in history] == ["huyen", "tinh"]


def test_a_proposal_upward_goes_to_the_body_the_law_names_on_its_date() -> None:
    agency = district()
    work_year = year_of(agency, 2025)
    star = people(agency)["HU03"]
    subject = "Đề nghị tặng Bằng khen"
    before = propose_upward(
        work_year,
        Title.BANG_KHEN,
        people=[star],
        proposed_on=date(2025, 6, 30),
        subject=subject,
        recipient="",
    )
    assert before.recipient == "Chủ tịch Ủy ban nhân dân huyện Thạch Bình"
    after = propose_upward(
        work_year,
        Title.BANG_KHEN,
        people=[star],
        proposed_on=date(2025, 7, 1),
        subject=subject,
        recipient="",
    )
    assert after.recipient == "Chủ tịch Ủy ban nhân dân tỉnh Bình Nguyên"
    found = superior_body(work_year, date(2025, 7, 1))
    assert found is not None and found.reasons[0].basis is Basis.UNVERIFIED


def test_a_district_superior_recorded_after_the_reform_is_refused_with_the_reason() -> None:
    agency = district()
    AgencyPeriod.objects.filter(agency=agency, valid_from=date(2025, 7, 1)).delete()
    work_year = year_of(agency, 2025)
    star = people(agency)["HU03"]
    with pytest.raises(EmulationError) as error:
        propose_upward(
            work_year,
            Title.BANG_KHEN,
            people=[star],
            proposed_on=date(2025, 7, 1),
            subject="Đề nghị tặng Bằng khen",
            recipient="",
        )
    assert error.value.field == "recipient" and "không còn cấp huyện" in error.value.message
