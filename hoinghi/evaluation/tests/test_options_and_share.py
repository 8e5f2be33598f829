"""The agency's regulation sets the law's options; D90 years check the Party members' share."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from hoinghi.evaluation import services
from hoinghi.evaluation.models import PersonEvaluation, Stage
from hoinghi.evaluation.tests.conftest import proposed
from hoinghi.law.evaluation import PartyShareBound
from hoinghi.law.options import EvaluationOptions
from hoinghi.org.models import AgencyRegulation, LawDomain, WorkYear
from hoinghi.testing import PASSWORD, World, make_person

pytestmark = pytest.mark.django_db


def remaining_on_screen(world: World) -> str:
    c = Client()
    assert c.login(username="ld01", password=PASSWORD)
    text = c.get(
        reverse("evaluation:unit", args=[world.agency.code, 2026, world.office.code])
    ).content.decode()
    found = re.search(r'id="con-lai">(\d+)<', text)
    assert found is not None
    return found[1]


def test_a_regulation_counting_good_and_above_raises_the_cap_the_leader_sees(
    world: World, year2026: WorkYear
) -> None:
    for i in range(10):
        proposed(
            make_person(world.agency, f"VP{i:02}", f"Lê Văn {chr(65 + i)}", unit=world.office),
            year2026,
            "htt",
            "80",
        )
    assert remaining_on_screen(world) == "1"  # literal base: x ≤ floor(10/6)
    AgencyRegulation.objects.create(
        agency=world.agency,
        domain=LawDomain.EVALUATION,
        values={"ratio_base": "htt_plus"},
        valid_from=date(2026, 1, 1),
        regulation="Quy chế đánh giá số 02-QC/CQTN",
    )
    assert remaining_on_screen(world) == "2"  # good and above: x ≤ floor(10/5)


def test_the_work_years_pin_wins_over_the_regulation(world: World) -> None:
    AgencyRegulation.objects.create(
        agency=world.agency,
        domain=LawDomain.EVALUATION,
        values={"ratio_base": "htt_plus"},
        valid_from=date(2026, 1, 1),
        regulation="Quy chế đánh giá số 02-QC/CQTN",
    )
    year = WorkYear.objects.create(
        agency=world.agency,
        year=2026,
        starts_on=date(2026, 1, 1),
        ends_on=date(2026, 12, 31),
        pinned_regimes={"evaluation": "D90"},
    )
    options = services.options_for(year)
    assert options.pinned_regime == "d90" and options.ratio_base == "htt_plus"


def d90_year(world: World) -> WorkYear:
    return WorkYear.objects.create(
        agency=world.agency, year=2024, starts_on=date(2024, 1, 1), ends_on=date(2024, 12, 31)
    )


def d90_proposed(world: World, year: WorkYear, code: str, rating: str, *, member: bool) -> None:
    person = make_person(
        world.agency, code, f"Trịnh Văn {code}", unit=world.board, party_member=member
    )
    exceeded = 6 if rating == "htxs" else 2
    proposed_one = services.submit_self_assessment(
        person,
        year,
        services.SelfAssessment(
            text="Hoàn thành nhiệm vụ",
            self_rating=rating,
            general_criteria="tot",
            tasks_assigned=10,
            tasks_on_time=10,
            tasks_exceeded=exceeded,
        ),
    )
    services.propose_rating(proposed_one, rating=rating)


def test_in_a_d90_year_more_excellent_outside_the_party_than_inside_is_refused(
    world: World,
) -> None:
    year = d90_year(world)
    d90_proposed(world, year, "NM01", "htxs", member=False)
    d90_proposed(world, year, "NM02", "htt", member=False)
    d90_proposed(world, year, "DV01", "htt", member=True)
    d90_proposed(world, year, "DV02", "htt", member=True)
    observed = EvaluationOptions(party_share_bound=PartyShareBound.OBSERVED_SHARE)
    with pytest.raises(services.EvaluationError) as err:
        services.approve_unit_classifications(
            unit=world.board, work_year=year, approved_by=world.leader, options=observed
        )
    text = " ".join(err.value.lines)
    assert "1/4" in text and "đảng viên (0/2)" in text and "tối đa 0" in text
    assert not PersonEvaluation.objects.filter(stage=Stage.APPROVED).exists()


def test_in_a_d90_year_by_default_the_party_s_cap_for_members_bounds_the_agency_list(
    world: World,
) -> None:
    year = d90_year(world)
    d90_proposed(world, year, "DV01", "htxs", member=True)
    d90_proposed(world, year, "DV02", "htxs", member=True)
    with pytest.raises(services.EvaluationError) as err:
        services.approve_unit_classifications(
            unit=world.board, work_year=year, approved_by=world.leader
        )
    text = " ".join(err.value.lines)
    assert "Tỷ lệ theo quy định của Đảng đối với đảng viên" in text and "tối đa 0" in text


def test_in_a_d90_year_the_share_check_is_kept_with_the_decision(world: World) -> None:
    year = d90_year(world)
    d90_proposed(world, year, "DV01", "htxs", member=True)
    d90_proposed(world, year, "DV02", "htt", member=True)
    d90_proposed(world, year, "NM01", "htt", member=False)
    services.approve_unit_classifications(
        unit=world.board,
        work_year=year,
        approved_by=world.leader,
        options=EvaluationOptions(party_share_bound=PartyShareBound.OBSERVED_SHARE),
    )
    row = PersonEvaluation.objects.get(person__staff_code="DV01")
    assert row.rating == "htxs"
    share = next(c for c in row.facts["caps"] if c["question"] == "evaluation.excellent_share")
    assert share["values"]["max_excellent"] == 1
    assert share["reasons"][-1]["basis"] == "unverified"


def test_the_approval_screen_shows_the_party_members_share(world: World) -> None:
    year = d90_year(world)
    d90_proposed(world, year, "NM01", "htxs", member=False)
    d90_proposed(world, year, "DV01", "htt", member=True)
    AgencyRegulation.objects.create(
        agency=world.agency,
        domain=LawDomain.EVALUATION,
        values={"party_share_bound": "observed_share"},
        valid_from=date(2024, 1, 1),
        regulation="Quy chế đánh giá số 01-QC/CQTN",
    )
    c = Client()
    assert c.login(username="ld01", password=PASSWORD)
    text = c.get(
        reverse("evaluation:unit", args=[world.agency.code, 2024, world.board.code])
    ).content.decode()
    assert "vượt tỷ lệ đảng viên (0/1)" in text and 'id="con-lai">0<' in text
