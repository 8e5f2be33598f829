"""The set-based write path of decisions, across batch boundaries, on both databases."""

from __future__ import annotations

import json
from datetime import date

import pytest

from hoinghi.evaluation import decisions, services
from hoinghi.evaluation.models import PersonEvaluation, Stage
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
