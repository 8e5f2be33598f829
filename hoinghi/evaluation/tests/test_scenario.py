"""The ``evaluation`` section of a scenario year, loaded through the services."""

from __future__ import annotations

from copy import deepcopy
from typing import Any

import pytest

from hoinghi.evaluation import selectors
from hoinghi.evaluation.models import Absence, Discipline, PersonEvaluation, UnitEvaluation
from hoinghi.law.evaluation import Rating
from hoinghi.org.models import WorkYear
from hoinghi.org.scenario import ScenarioError, dump_scenario_data, load_scenario_data
from hoinghi.testing import World

pytestmark = pytest.mark.django_db

GOOD = {"tasks": {"assigned": 10, "on_time": 10, "exceeded": 2}}
SECTION: dict[str, Any] = {
    "absences": [
        {"person": "CB02", "kind": "thai_san", "starts_on": "2023-02-01", "ends_on": "2023-05-31"}
    ],
    "disciplines": [
        {
            "person": "TT01",
            "level": "khien_trach",
            "ground": "nhiem_vu",
            "decided_on": "2023-05-04",
            "number": "12-QĐ/CQTN",
        }
    ],
    "units": [
        {
            "unit": "ban-to-chuc",
            "proposed": "htt",
            "rating": "htt",
            "issuer": "Ban Thường vụ Huyện ủy",
            "number": "125-QĐ/HU",
            "decided_on": "2023-12-20",
        }
    ],
    "decided_on": "2023-12-22",
    "people": [
        {"person": "CB02", "rating": "htt", **GOOD},
        {"person": "CD01", "rating": "htt", **GOOD},
        {"person": "HD01", "rating": "htt", **GOOD},
        {"person": "TT01", "rating": "kht", "proposed": "htt", **GOOD},
    ],
}


def scenario(world: World, section: dict[str, Any]) -> dict[str, Any]:
    data = dump_scenario_data(world.agency)
    data["years"] = [{"year": 2023, "evaluation": deepcopy(section)}]
    return data


def test_leave_discipline_the_units_decision_and_the_lists_go_through_the_services(
    world: World,
) -> None:
    load_scenario_data(scenario(world, SECTION))
    year = WorkYear.objects.get(agency=world.agency, year=2023)
    assert (
        Absence.objects.get().kind == "thai_san"
        and Discipline.objects.get().decision_number == "12-QĐ/CQTN"
    )
    unit = selectors.unit_classifications(year)[world.board.pk]
    assert (unit.rating, unit.issuer, unit.decision_number) == (
        Rating.GOOD,
        "Ban Thường vụ Huyện ủy",
        "125-QĐ/HU",
    )
    ratings = {
        e.person.staff_code: e.rating for e in PersonEvaluation.objects.select_related("person")
    }
    assert ratings == {"CB02": "htt", "CD01": "htt", "HD01": "htt", "TT01": "kht"}
    disciplined = PersonEvaluation.objects.get(person__staff_code="TT01")
    assert disciplined.proposed_rating == "htt" and any(
        "kỷ luật" in r["text"] for r in disciplined.reasons
    )


def test_loading_twice_changes_nothing_and_the_dump_loads_back_unchanged(world: World) -> None:
    load_scenario_data(scenario(world, SECTION))
    assert not load_scenario_data(scenario(world, SECTION)).changed
    dumped = dump_scenario_data(world.agency)
    assert not load_scenario_data(dumped).changed
    section = dumped["years"][0]["evaluation"]
    assert section["decided_on"] == "2023-12-22"
    assert {"person": "TT01", "rating": "kht", "proposed": "htt", **GOOD} in section["people"]


def test_a_rating_the_law_does_not_allow_names_the_person_and_nothing_is_kept(world: World) -> None:
    bad = deepcopy(SECTION)
    bad["people"][3]["rating"] = "htt"
    with pytest.raises(
        ScenarioError, match=r"people\[3\].rating: theo quy định chỉ được xếp «Không hoàn thành"
    ):
        load_scenario_data(scenario(world, bad))
    assert not PersonEvaluation.objects.exists() and not Discipline.objects.exists()
    assert not UnitEvaluation.objects.exists()


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (
            ("absences", 0, "kind"),
            "nghi_phep",
            r"absences\[0\].kind: giá trị «nghi_phep» không hợp lệ",
        ),
        (
            ("disciplines", 0, "decided_on"),
            "2022-05-04",
            r"disciplines\[0\].decided_on: quyết định kỷ luật phải trong năm",
        ),
        (("people", 1, "person"), "ZZ99", r"people\[1\].person: không có người mã «ZZ99»"),
        (("units", 0, "issuer"), "", r"units\[0\]: một quyết định xếp loại cần cơ quan quyết định"),
    ],
)
def test_bad_values_name_their_path(
    world: World, path: tuple[Any, ...], value: str, message: str
) -> None:
    bad = deepcopy(SECTION)
    bad[path[0]][path[1]][path[2]] = value
    with pytest.raises(ScenarioError, match=message):
        load_scenario_data(scenario(world, bad))
    assert not Absence.objects.exists()


def test_every_mismatch_is_reported_at_once_and_nothing_is_kept(world: World) -> None:
    bad = deepcopy(SECTION)
    bad["people"][3]["rating"] = "htt"  # disciplined: the law allows only kht
    bad["people"][0] = {"person": "CB02", "rating": "htxs", "tasks": {"assigned": 10}}
    with pytest.raises(ScenarioError) as error:
        load_scenario_data(scenario(world, bad))
    paths = [issue.path for issue in error.value.issues]
    assert "years[0].evaluation.people[3].rating" in paths
    assert "years[0].evaluation.people[0].rating" in paths
    assert str(error.value).count("theo quy định chỉ được xếp") == 2
    assert not PersonEvaluation.objects.exists() and not Discipline.objects.exists()


def test_without_a_rating_the_law_decides_it_from_the_facts_and_no_proposal_is_invented(
    world: World,
) -> None:
    section = deepcopy(SECTION)
    for row in section["people"]:
        del row["rating"]
    section["people"][3].pop("proposed")
    load_scenario_data(scenario(world, section))
    found = {e.person.staff_code: e for e in PersonEvaluation.objects.select_related("person")}
    disciplined = found["TT01"]
    assert disciplined.rating == "kht"  # the law's level under a reprimand for the tasks
    assert disciplined.proposed_rating == "kht"  # the law's level, not a rating from the file
    assert {found[c].rating for c in ("CB02", "CD01", "HD01")} == {"htt"}
    assert not load_scenario_data(scenario(world, section)).changed
