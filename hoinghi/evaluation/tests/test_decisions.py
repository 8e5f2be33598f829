"""The set-based write path of decisions, across batch boundaries, on both databases."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest

from hoinghi.evaluation import decisions, selectors, services
from hoinghi.evaluation.models import (
    ClassificationDecision,
    DecisionBasis,
    PersonEvaluation,
    Stage,
)
from hoinghi.evaluation.tests.conftest import proposed
from hoinghi.org.models import WorkYear
from hoinghi.testing import World, make_person

pytestmark = pytest.mark.django_db


def test_a_list_longer_than_a_batch_is_written_whole_with_its_records(
    world: World, year2026: WorkYear, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(decisions, "BATCH", 2)
    people = [
        make_person(world.agency, f"VP{i:02}", f"Lê Văn {chr(65 + i)}", unit=world.office)
        for i in range(7)
    ]
    for i, person in enumerate(people):
        proposed(person, year2026, "htxs" if i == 0 else "htt", "95" if i == 0 else str(70 + i))
    services.approve_unit_classifications(
        unit=world.office, work_year=year2026, approved_by=world.leader, on=date(2026, 12, 12)
    )
    rows = list(PersonEvaluation.objects.filter(work_year=year2026).order_by("person__staff_code"))
    assert [r.rating for r in rows] == ["htxs"] + ["htt"] * 6
    assert all(
        r.stage == Stage.APPROVED
        and r.decided_by == world.leader
        and r.decided_on == date(2026, 12, 12)
        for r in rows
    )
    assert rows[3].facts["person"]["score"] == 73 and rows[3].reasons[-1]["code"].startswith(
        "evaluation."
    )
    assert rows[0].citations == [c for c in rows[0].citations if "335/2025" in c]


def test_the_snapshot_leaves_out_only_the_laws_defaults(world: World, year2026: WorkYear) -> None:
    proposed(world.person(world.colleague), year2026, "htt", "80")
    check = services.check_unit_list(world.office, year2026)
    row = decisions.Serialiser().decided(1, check.levels[0], check.finals[0], check.facts[0], "[]")
    snapshot = json.loads(row.facts)
    assert snapshot["person"]["score"] == 80 and "degradation" not in snapshot["person"]
    assert snapshot["result"]["outcome"] == "htt" and snapshot["caps"] == []
    assert json.loads(row.reasons) == [r.to_dict() for r in check.levels[0].reasons]


def test_a_new_decision_is_a_new_row_and_readers_see_the_latest(
    world: World, year2026: WorkYear
) -> None:
    evaluation = proposed(world.person(world.colleague), year2026, "htt", "80")
    check = services.check_unit_list(world.office, year2026)
    serialiser = decisions.Serialiser()
    first = serialiser.decided(evaluation.pk, check.levels[0], check.finals[0], check.facts[0])
    decisions.write_decisions([first], decided_by_id=world.leader.pk, decided_on=date(2026, 12, 1))
    later = dataclasses.replace(first, rating="ht", facts='{"person":{"score":60}}')
    decisions.write_decisions([later], decided_by_id=None, decided_on=date(2026, 12, 20))
    rows = list(ClassificationDecision.objects.filter(evaluation=evaluation).order_by("pk"))
    assert [(r.rating, r.decided_on, r.decided_by_id) for r in rows] == [
        ("htt", date(2026, 12, 1), world.leader.pk),
        ("ht", date(2026, 12, 20), None),
    ]
    assert rows[0].basis_id == rows[1].basis_id  # the shared basis is stored once
    assert DecisionBasis.objects.filter(pk=rows[0].basis_id).count() == 1
    evaluation.refresh_from_db()
    assert evaluation.rating == "ht" and evaluation.decided_on == date(2026, 12, 20)
    assert evaluation.facts == {"person": {"score": 60}}
    assert evaluation.rule_code == check.levels[0].rule and evaluation.reasons
    found = selectors.classification_for_person(evaluation.person, year2026)
    assert found is not None and found.rule_code == check.levels[0].rule


def test_new_bases_are_written_in_digest_order_so_two_batches_at_once_cannot_deadlock() -> None:
    """Two agencies' approvals at once may share bases: each writes its new ones in digest
    order, so their key locks are taken in one order."""
    from hoinghi.evaluation.decisions import Decided, _insert_bases

    rows = [
        Decided(
            n, "htt", False, "evaluation.classify", "1", f"{(37 * n) % 101:032x}", "[]", "[]", "{}"
        )
        for n in range(12)
    ]
    batches: list[list[tuple[str, ...]]] = []

    class SpyCursor:
        def executemany(self, sql: str, values: list[tuple[str, ...]]) -> None:
            batches.append(list(values))

    _insert_bases(SpyCursor(), rows)
    digests = [v[0] for v in batches[0]]
    assert len(digests) == 12 and digests == sorted(digests) != [r.basis for r in rows]
