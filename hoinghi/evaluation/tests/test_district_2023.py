"""The district Party office's 2023 (seed report): 4/4 targets, 27/27 tasks, five units rated
by Ban Thường vụ Huyện ủy — two excellent, three good."""

from __future__ import annotations

from datetime import date

import pytest

from hoinghi.evaluation import selectors, services
from hoinghi.evaluation.models import UnitEvaluation
from hoinghi.org.models import Agency, AgencyKind, Unit, WorkYear
from hoinghi.plans import selectors as plan_selectors
from hoinghi.plans import services as plan_services
from hoinghi.plans.models import ItemKind

pytestmark = pytest.mark.django_db

UNITS = [("van-phong", "Văn phòng Huyện ủy", "htxs"), ("ban-tuyen-giao", "Ban Tuyên giáo Huyện ủy", "htxs"),
         ("ban-to-chuc", "Ban Tổ chức Huyện ủy", "htt"), ("ban-dan-van", "Ban Dân vận Huyện ủy", "htt"),
         ("ubkt", "Ủy ban Kiểm tra Huyện ủy", "htt")]


@pytest.fixture
def office_2023(db: None) -> tuple[WorkYear, list[Unit]]:
    agency = Agency.objects.create(code="co-quan-huyen-uy", name="Cơ quan Huyện ủy", abbreviation="HU",
                                   kind=AgencyKind.PARTY, place_name="Huyện X")
    units = [Unit.objects.create(agency=agency, code=c, name=n, position=i) for i, (c, n, _) in enumerate(UNITS)]
    year = WorkYear.objects.create(agency=agency, year=2023, starts_on=date(2023, 1, 1), ends_on=date(2023, 12, 31))
    return year, units


def test_the_district_office_2023(office_2023: tuple[WorkYear, list[Unit]]) -> None:
    year, units = office_2023
    for n in range(4):
        item = plan_services.create_item(year, plan_services.ItemInput(kind=ItemKind.TARGET, title=f"Chỉ tiêu {n}"))
        plan_services.record_progress(item, progress_percent=100, completed_on=date(2023, 12, 15))
    for n in range(27):
        item = plan_services.create_item(year, plan_services.ItemInput(
            kind=ItemKind.TASK, title=f"Nhiệm vụ {n}", due_on=date(2023, 12, 31)), unit=units[n % 5])
        plan_services.record_progress(item, progress_percent=100, completed_on=date(2023, 12, 1))
    for unit in units:
        services.propose_unit_rating(unit, year, rating="htt")
    decided = services.decide_unit_ratings(
        year, {u: r for u, (_, _, r) in zip(units, UNITS, strict=True)}, issuer="Ban Thường vụ Huyện ủy",
        decision_number="125-QĐ/HU", decided_on=date(2023, 12, 20))
    assert len(decided) == 5
    agency_phrase = plan_selectors.completion_for_agency(year).phrase
    by_unit = plan_selectors.completion_by_unit(year)
    tasks = sum(c.tasks_done for c in by_unit.values())
    assert agency_phrase == "hoàn thành 4/4 chỉ tiêu" and tasks == 27
    results = selectors.unit_classifications(year)
    ratings = sorted(c.rating.value for c in results.values() if c.rating)
    assert ratings == ["htt", "htt", "htt", "htxs", "htxs"]
    row = UnitEvaluation.objects.get(unit=units[0])
    assert row.issuer == "Ban Thường vụ Huyện ủy" and row.decision_number == "125-QĐ/HU"


def test_public_service_units_from_2026_are_held_to_the_unit_cap(db: None) -> None:
    agency = Agency.objects.create(code="so-y-te", name="Trung tâm Y tế", abbreviation="TTYT",
                                   kind=AgencyKind.PUBLIC_SERVICE, place_name="Huế")
    units = [Unit.objects.create(agency=agency, code=f"khoa-{i}", name=f"Khoa {i}") for i in range(4)]
    year = WorkYear.objects.create(agency=agency, year=2026, starts_on=date(2026, 1, 1), ends_on=date(2026, 12, 31))
    with pytest.raises(services.EvaluationError) as err:
        services.decide_unit_ratings(year, {units[0]: "htxs", units[1]: "htxs", units[2]: "htt", units[3]: "htt"},
                                     issuer="Giám đốc", decision_number="01/QĐ-TTYT", decided_on=date(2026, 12, 10))
    assert "233/2026" in " ".join(err.value.lines)
    assert not UnitEvaluation.objects.exists()
