"""The district Party office's 2023 (seed report), loaded from a scenario file on top of the
demo agency: 4/4 targets, 27/27 tasks, five units rated by Ban Thường vụ Huyện ủy — two
excellent, three good — and 32 people classified, all at least good."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from hoinghi.audit.models import AuditEntry
from hoinghi.evaluation import selectors, services
from hoinghi.evaluation.models import PersonEvaluation, UnitEvaluation
from hoinghi.law.evaluation import Rating
from hoinghi.org.demo import load_demo
from hoinghi.org.models import Agency, AgencyKind, Unit, WorkYear
from hoinghi.org.scenario import dump_scenario_data, load_scenario
from hoinghi.plans import selectors as plan_selectors

pytestmark = pytest.mark.django_db

SCENARIO = Path(__file__).with_name("district-2023.yaml")


@pytest.fixture
def year_2023(db: None) -> WorkYear:
    load_demo()
    load_scenario(SCENARIO)
    return WorkYear.objects.get(agency__code="co-quan-huyen-uy", year=2023)


def test_the_district_office_2023_reads_as_the_news_report(year_2023: WorkYear) -> None:
    assert plan_selectors.completion_for_agency(year_2023).phrase == "hoàn thành 4/4 chỉ tiêu"
    by_unit = plan_selectors.completion_by_unit(year_2023)
    assert (
        sum(c.tasks_done for c in by_unit.values())
        == 27
        == sum(c.tasks_total for c in by_unit.values())
    )
    units = selectors.unit_classifications(year_2023)
    assert sorted(c.rating.value for c in units.values() if c.rating) == [
        "htt",
        "htt",
        "htt",
        "htxs",
        "htxs",
    ]
    office = UnitEvaluation.objects.get(work_year=year_2023, unit__code="van-phong")
    assert (office.issuer, office.decision_number, office.decided_on) == (
        "Ban Thường vụ Huyện ủy",
        "125-QĐ/HU",
        date(2023, 12, 20),
    )
    people = selectors.classifications_by_person(year_2023)
    ratings = [c.rating for c in people.values()]
    assert len(people) == 32 and all(r in (Rating.EXCELLENT, Rating.GOOD) for r in ratings)
    assert ratings.count(Rating.EXCELLENT) == 4


def test_every_decision_keeps_the_rule_and_the_party_members_share(year_2023: WorkYear) -> None:
    row = PersonEvaluation.objects.get(work_year=year_2023, person__staff_code="HU01")
    assert row.rule_code.startswith("evaluation.") and row.citations and row.reasons
    share = [c for c in row.facts["caps"] if c["question"] == "evaluation.excellent_share"]
    assert share and share[0]["outcome"] is True
    bound = next(r for r in share[0]["reasons"] if r["code"] == "evaluation.share.bound")
    assert bound["basis"] == "unverified"
    assert AuditEntry.objects.filter(action="evaluation.approve").count() == 5


def test_loading_the_year_again_changes_nothing_and_the_dump_gives_it_back(
    year_2023: WorkYear,
) -> None:
    entries = AuditEntry.objects.count()
    report = load_scenario(SCENARIO)
    assert not report.changed and AuditEntry.objects.count() == entries
    dumped = next(y for y in dump_scenario_data(year_2023.agency)["years"] if y["year"] == 2023)
    assert len(dumped["plans"]) == 31 and len(dumped["evaluation"]["people"]) == 32
    assert dumped["evaluation"]["units"][0] == {
        "unit": "van-phong",
        "proposed": "htxs",
        "rating": "htxs",
        "issuer": "Ban Thường vụ Huyện ủy",
        "number": "125-QĐ/HU",
        "decided_on": "2023-12-20",
    }


def test_public_service_units_from_2026_are_held_to_the_unit_cap(db: None) -> None:
    agency = Agency.objects.create(
        code="so-y-te",
        name="Trung tâm Y tế",
        abbreviation="TTYT",
        kind=AgencyKind.PUBLIC_SERVICE,
        place_name="Huế",
    )
    units = [
        Unit.objects.create(agency=agency, code=f"khoa-{i}", name=f"Khoa {i}") for i in range(4)
    ]
    year = WorkYear.objects.create(
        agency=agency, year=2026, starts_on=date(2026, 1, 1), ends_on=date(2026, 12, 31)
    )
    with pytest.raises(services.EvaluationError) as err:
        services.decide_unit_ratings(
            year,
            {units[0]: "htxs", units[1]: "htxs", units[2]: "htt", units[3]: "htt"},
            issuer="Giám đốc",
            decision_number="01/QĐ-TTYT",
            decided_on=date(2026, 12, 10),
        )
    assert "233/2026" in " ".join(err.value.lines)
    assert not UnitEvaluation.objects.exists()
