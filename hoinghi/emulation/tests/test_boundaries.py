"""docs/domain/examples.md §8 D boundaries reached through the services: new hires, maternity leave,
discipline, registration, the cap, a closed year, and constant query counts."""

from __future__ import annotations

from datetime import date

import pytest

from hoinghi.emulation.eligibility import compute_eligibility
from hoinghi.emulation.models import Eligibility, Registration
from hoinghi.emulation.services import EmulationError
from hoinghi.emulation.tests.builders import (
    add_initiative,
    classify,
    district,
    people,
    rate_units,
    register_everyone,
    year_of,
)
from hoinghi.emulation.vocabulary import Outcome
from hoinghi.evaluation.services import record_absence, record_discipline
from hoinghi.law.emulation.vocabulary import Title
from hoinghi.law.evaluation.vocabulary import Rating
from hoinghi.org.models import Person, Position, Unit, WorkYear
from hoinghi.org.services import close_work_year
from hoinghi.testing import make_person

pytestmark = pytest.mark.django_db
LDTT, CSTDCS = Title.LAO_DONG_TIEN_TIEN, Title.CHIEN_SI_THI_DUA_CO_SO


def row(work_year: WorkYear, code: str, title: Title = LDTT) -> Eligibility:
    return Eligibility.objects.get(work_year=work_year, title=title, person__staff_code=code)


def hire(year: int, joined_on: date) -> tuple[WorkYear, Person]:
    agency = district()
    work_year = year_of(agency, year)
    unit = Unit.objects.get(agency=agency, code="ban-dan-van")
    person = make_person(agency, f"NEW{year}", "Đinh Thị Mới", unit=unit, joined_on=joined_on)
    classify(work_year, {})
    register_everyone(work_year)
    return work_year, person


def test_a_new_hire_of_nine_months_is_left_out_in_2023() -> None:
    work_year, person = hire(2023, date(2023, 4, 1))
    compute_eligibility(work_year)
    found = row(work_year, person.staff_code)
    assert found.outcome == Outcome.NOT_ELIGIBLE
    assert [r["code"] for r in found.reasons if r["code"].startswith("emulation.ldtt")] == [
        "emulation.ldtt.time"
    ]
    assert found.reasons[0]["params"]["months"] == 10


def test_the_same_nine_months_in_2024_are_enough() -> None:
    work_year, person = hire(2024, date(2024, 4, 1))
    compute_eligibility(work_year)
    assert row(work_year, person.staff_code).outcome == Outcome.ELIGIBLE


def test_maternity_leave_counts_as_working_time() -> None:
    agency = district()
    work_year = year_of(agency, 2024)
    classify(work_year, {})
    staff = people(agency)
    record_absence(
        staff["HU02"], kind="thai_san", starts_on=date(2024, 2, 1), ends_on=date(2024, 7, 31)
    )
    record_absence(
        staff["HU06"],
        kind="nghi_khong_luong",
        starts_on=date(2024, 2, 1),
        ends_on=date(2024, 10, 31),
    )
    compute_eligibility(work_year)
    assert row(work_year, "HU02").outcome == Outcome.ELIGIBLE
    assert row(work_year, "HU06").outcome == Outcome.NOT_ELIGIBLE
    assert row(work_year, "HU06").facts["input"]["leave"] == "nghi_khong_luong"


def test_a_disciplined_person_is_excluded_and_the_unit_loses_nothing_else() -> None:
    agency = district()
    work_year = year_of(agency, 2024)
    classify(work_year, {"HU01": Rating.EXCELLENT})
    rate_units(work_year)
    record_discipline(
        people(agency)["HU01"], level="khien_trach", ground="nhiem_vu", decided_on=date(2024, 5, 6)
    )
    compute_eligibility(work_year)
    assert row(work_year, "HU01").outcome == Outcome.NOT_ELIGIBLE
    assert "emulation.ldtt.discipline" in [r["code"] for r in row(work_year, "HU01").reasons]
    assert row(work_year, "HU01", CSTDCS).outcome == Outcome.NOT_ELIGIBLE


def test_rated_done_is_neither_ldtt_nor_cstdcs() -> None:
    agency = district()
    work_year = year_of(agency, 2024)
    classify(work_year, {"HU07": Rating.DONE, "HU08": None})
    compute_eligibility(work_year)
    assert row(work_year, "HU07").reasons[0]["code"] == "emulation.ldtt.rating"
    assert row(work_year, "HU08").reasons[0]["code"] == "emulation.ldtt.not_classified"
    assert row(work_year, "HU07", CSTDCS).outcome == Outcome.NOT_ELIGIBLE


def test_in_2023_an_unregistered_person_gets_no_title() -> None:
    agency = district()
    work_year = year_of(agency, 2023)
    classify(work_year, {})
    Registration.objects.filter(
        work_year=work_year, person__staff_code="HU09"
    ).delete()  # the demo may hold one
    compute_eligibility(work_year)
    assert [r["code"] for r in row(work_year, "HU09").reasons] == ["emulation.ldtt.registration"]


def test_the_2023_cap_is_fifteen_percent_of_the_agencys_ldtt_rounded_down() -> None:
    agency = district()
    work_year = year_of(agency, 2023)
    classify(work_year, {}, default=Rating.EXCELLENT)
    register_everyone(work_year)
    for code in ("HU01", "HU02", "HU03", "HU04", "HU05", "HU06", "HU07"):
        add_initiative(people(agency)[code], date(2023, 10, 1))
    compute_eligibility(work_year)
    granted = Eligibility.objects.filter(
        work_year=work_year, title=CSTDCS, outcome=Outcome.ELIGIBLE
    )
    assert granted.count() == 4  # floor(0.15 × 32)


def test_a_closed_year_is_not_recomputed_and_nothing_changes() -> None:
    agency = district()
    work_year = year_of(agency, 2024)
    classify(work_year, {})
    compute_eligibility(work_year)
    before = Eligibility.objects.filter(work_year=work_year).count()
    work_year = close_work_year(work_year)
    with pytest.raises(EmulationError) as refused:
        compute_eligibility(work_year)
    assert refused.value.code == "emulation.year_closed"
    assert "đã khóa sổ" in refused.value.message
    assert Eligibility.objects.filter(work_year=work_year).count() == before


def reads_and_deletes(captured: list[dict[str, str]]) -> int:
    """Queries other than the batched inserts (whose count grows with the batches only)."""
    return sum(1 for q in captured if not q["sql"].lstrip().upper().startswith("INSERT"))


def test_compute_eligibility_costs_the_same_queries_for_32_or_64_people(
    django_assert_max_num_queries: object,
) -> None:
    agency = district()
    work_year = year_of(agency, 2024)
    classify(work_year, {})
    compute_eligibility(work_year)
    # about 20: the facts (constant), the sets, the rows (on PostgreSQL a temporary table)
    with django_assert_max_num_queries(22) as small:  # type: ignore[operator]
        compute_eligibility(work_year)
    unit = Unit.objects.get(agency=agency, code="van-phong")
    for i in range(32):
        make_person(agency, f"X{i:02d}", f"Nguyễn Văn Thêm {i}", unit=unit)
    classify(work_year, {})
    compute_eligibility(work_year)
    with django_assert_max_num_queries(22) as large:  # type: ignore[operator]
        summary = compute_eligibility(work_year)
    assert summary.people == 64
    assert reads_and_deletes(large.captured_queries) == reads_and_deletes(small.captured_queries)
    assert Position.objects.filter(unit=unit).count() > 32
