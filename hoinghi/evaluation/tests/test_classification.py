"""The boundaries of docs/domain/examples.md §8 C reached through the services (D335 year 2026)."""

from __future__ import annotations

from datetime import date

import pytest

from hoinghi.audit.models import AuditEntry
from hoinghi.evaluation import selectors, services
from hoinghi.evaluation.models import PersonEvaluation, Stage
from hoinghi.evaluation.tests.conftest import assess, proposed
from hoinghi.org.models import Person, WorkYear
from hoinghi.testing import World, make_person

pytestmark = pytest.mark.django_db


def staff(world: World, n: int) -> list[Person]:
    return [
        make_person(world.agency, f"VP{i:02}", f"Nguyễn Văn {chr(65 + i)}", unit=world.office)
        for i in range(n)
    ]


def test_a_list_one_over_the_cap_is_refused_with_numbers_and_citation_and_nothing_saved(
    world: World, year2026: WorkYear
) -> None:
    people = staff(world, 12)  # pool of 12 ≥ good: at most floor(12/6) = 2 excellent
    for i, p in enumerate(people):
        proposed(p, year2026, "htxs" if i < 3 else "htt", "95" if i < 3 else "80")
    with pytest.raises(services.EvaluationError) as err:
        services.approve_unit_classifications(
            unit=world.office, work_year=year2026, approved_by=world.leader
        )
    assert err.value.code == "evaluation.over_cap"
    text = " ".join(err.value.lines)
    assert "3 người" in text and "tối đa 2" in text and "335/2025/NĐ-CP" in text
    assert not PersonEvaluation.objects.filter(stage=Stage.APPROVED).exists()
    assert not AuditEntry.objects.filter(action="evaluation.approve").exists()


def test_at_the_cap_the_list_is_approved_with_rule_citations_and_snapshot(
    world: World, year2026: WorkYear
) -> None:
    people = staff(world, 12)
    for i, p in enumerate(people):
        proposed(p, year2026, "htxs" if i < 2 else "htt", "95" if i < 2 else "80")
    check = services.check_unit_list(world.office, year2026)
    assert check.ok and check.remaining == 0
    services.approve_unit_classifications(
        unit=world.office, work_year=year2026, approved_by=world.leader, on=date(2026, 12, 10)
    )
    done = PersonEvaluation.objects.get(person=people[0])
    assert done.rating == "htxs" and done.rule_code == "evaluation.classify"
    assert any("335/2025" in c for c in done.citations)
    assert done.facts["person"]["score"] == 95 and done.facts["caps"][0]["outcome"] is True
    assert selectors.classifications_by_person(year2026)[people[5].pk].rating == "htt"
    assert AuditEntry.objects.filter(action="evaluation.approve").count() == 1


def test_a_new_hire_of_five_months_is_not_classified(world: World, year2026: WorkYear) -> None:
    new = make_person(
        world.agency, "MOI01", "Lê Văn Mới", unit=world.office, joined_on=date(2026, 8, 1)
    )
    proposed(new, year2026, "htt", "88")
    services.approve_unit_classifications(
        unit=world.office, work_year=year2026, approved_by=world.leader
    )
    result = selectors.classification_for_person(new, year2026)
    assert result is not None and result.not_classified and result.rating is None
    assert any(
        "dưới 6 tháng" in r["text"] for r in PersonEvaluation.objects.get(person=new).reasons
    )


def test_maternity_leave_counts_and_she_is_classified_on_the_time_worked(
    world: World, year2026: WorkYear
) -> None:
    mother = make_person(world.agency, "TS01", "Trần Thị Mẹ", unit=world.office)
    services.record_absence(
        mother, kind="thai_san", starts_on=date(2026, 1, 1), ends_on=date(2026, 6, 30)
    )
    proposed(mother, year2026, "htt", "86")
    services.approve_unit_classifications(
        unit=world.office, work_year=year2026, approved_by=world.leader
    )
    assert selectors.classification_for_person(mother, year2026).rating == "htt"  # type: ignore[union-attr]


def test_a_disciplined_person_is_capped_at_not_done(world: World, year2026: WorkYear) -> None:
    person = make_person(world.agency, "KL01", "Phạm Văn Lỗi", unit=world.office)
    services.record_discipline(
        person, level="khien_trach", ground="nhiem_vu", decided_on=date(2026, 5, 4)
    )
    proposed(person, year2026, "htt", "95")
    services.approve_unit_classifications(
        unit=world.office, work_year=year2026, approved_by=world.leader
    )
    row = PersonEvaluation.objects.get(person=person)
    assert row.rating == "kht"
    assert any("kỷ luật" in r["text"] for r in row.reasons)


def test_recomputing_a_closed_year_is_refused(world: World, year2026: WorkYear) -> None:
    proposed(world.person(world.colleague), year2026, "htt")
    year2026.state = "closed"
    year2026.save()
    with pytest.raises(services.EvaluationError) as err:
        services.approve_unit_classifications(
            unit=world.office, work_year=year2026, approved_by=world.leader
        )
    assert err.value.code == "evaluation.year_closed"


def test_the_self_assessment_is_locked_once_the_head_has_proposed(
    world: World, year2026: WorkYear
) -> None:
    person = world.person(world.colleague)
    proposed(person, year2026, "htt")
    with pytest.raises(services.EvaluationError, match="đã đề xuất"):
        assess(person, year2026)


def test_the_unit_meeting_is_minuted_on_each_person(world: World, year2026: WorkYear) -> None:
    person = world.person(world.colleague)
    assess(person, year2026)
    services.record_unit_meeting(
        world.office,
        year2026,
        held_on=date(2026, 12, 5),
        present=5,
        convened=5,
        summary="5/5 nhất trí",
        opinions={person.pk: "Đề nghị mức tốt"},
    )
    row = PersonEvaluation.objects.get(person=person)
    assert row.stage == Stage.MEETING and row.meeting_opinion == "Đề nghị mức tốt"
    with pytest.raises(services.EvaluationError, match="triệu tập"):
        services.record_unit_meeting(
            world.office, year2026, held_on=date(2026, 12, 5), present=6, convened=5, summary="x"
        )
