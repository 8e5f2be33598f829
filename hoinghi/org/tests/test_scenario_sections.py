"""Sections that other apps register: loaded in order, in the same transaction, dumped back."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from hoinghi.org.models import Agency, Person
from hoinghi.org.scenario import (
    DumpContext,
    LoadContext,
    ScenarioError,
    dump_scenario_data,
    load_scenario_data,
    register_section,
)
from hoinghi.org.scenario import sections as registry
from hoinghi.org.tests.test_scenario_load import sample

pytestmark = pytest.mark.django_db

# What the sections below "store": a stand-in for another app's tables.
STORE: dict[str, Any] = {}
CALLS: list[str] = []


def load_badges(ctx: LoadContext, value: Any, path: str) -> None:
    CALLS.append(f"badges:{ctx.work_year.year if ctx.work_year else '-'}")
    node = ctx.node(value, path)
    badges = {}
    for item in node.items("awarded"):
        item.is_mapping(required=("person", "badge"))
        person = ctx.person(item.code("person"), f"{item.path}.person")
        badges[person.staff_code] = item.text("badge", required=True)
    STORE["badges"] = badges


def dump_badges(ctx: DumpContext) -> Any:
    badges = STORE.get("badges")
    return {"awarded": [{"person": k, "badge": v} for k, v in badges.items()]} if badges else None


def load_targets(ctx: LoadContext, value: Any, path: str) -> None:
    assert ctx.work_year is not None
    CALLS.append(f"targets:{ctx.work_year.year}")
    targets = []
    for item in ctx.node(value, path).elements():
        if not isinstance(item.value, str):
            ctx.error(item.path, "phải là chuỗi ký tự")
        targets.append(item.value)
    STORE[f"targets:{ctx.work_year.year}"] = targets
    ctx.changes += len(targets)


def dump_targets(ctx: DumpContext) -> Any:
    assert ctx.work_year is not None
    return STORE.get(f"targets:{ctx.work_year.year}")


@pytest.fixture(autouse=True)
def sections(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(registry, "_SECTIONS", {})
    STORE.clear()
    CALLS.clear()
    register_section("badges", load=load_badges, dump=dump_badges, order=20)
    register_section("targets", load=load_targets, dump=dump_targets, order=10, per_year=True)
    yield


def with_sections() -> dict[str, Any]:
    data = sample()
    data["badges"] = {"awarded": [{"person": "A02", "badge": "Giỏi"}]}
    data["years"] = [
        {"year": 2024, "targets": ["Hoàn thành 4/4 chỉ tiêu"]},
        {"year": 2023, "targets": ["Một"]},
    ]
    return data


def test_it_calls_top_level_sections_then_each_year_in_order() -> None:
    report = load_scenario_data(with_sections())
    assert CALLS == ["badges:-", "targets:2023", "targets:2024"]
    assert STORE["badges"] == {"A02": "Giỏi"}
    assert STORE["targets:2024"] == ["Hoàn thành 4/4 chỉ tiêu"]
    assert report.changes["sections"] == 2


def test_it_dumps_registered_sections_where_the_loader_reads_them() -> None:
    load_scenario_data(with_sections())
    data = dump_scenario_data(Agency.objects.get(code="so-mau"))
    assert data["badges"] == {"awarded": [{"person": "A02", "badge": "Giỏi"}]}
    assert [y.get("targets") for y in data["years"]] == [["Một"], ["Hoàn thành 4/4 chỉ tiêu"]]
    assert list(data)[-1] == "years"


def test_an_error_in_a_section_rolls_back_the_whole_file() -> None:
    data = with_sections()
    data["years"][0]["targets"] = ["Một", 2]
    with pytest.raises(ScenarioError) as caught:
        load_scenario_data(data, source="f.yaml")
    assert str(caught.value) == "f.yaml: years[0].targets[1]: phải là chuỗi ký tự"
    assert not Agency.objects.exists() and not Person.objects.exists()


def test_a_section_names_the_path_of_an_unknown_person() -> None:
    data = with_sections()
    data["badges"]["awarded"][0]["person"] = "Z99"
    with pytest.raises(ScenarioError, match=r"badges.awarded\[0\].person: không có người mã «Z99»"):
        load_scenario_data(data)


def test_issues_collected_by_a_section_stop_the_load() -> None:
    data = with_sections()
    data["badges"]["awarded"][0]["colour"] = "đỏ"
    with pytest.raises(
        ScenarioError, match=r"badges.awarded\[0\].colour: khóa «colour» không được hỗ trợ"
    ):
        load_scenario_data(data)
    assert not Agency.objects.exists()


def test_an_unregistered_year_key_is_an_error_naming_its_path() -> None:
    data = with_sections()
    data["years"][1]["titles"] = []
    with pytest.raises(ScenarioError, match=r"years\[1\].titles: khóa «titles» không được hỗ trợ"):
        load_scenario_data(data)


def test_registering_is_idempotent_but_a_clash_or_a_core_name_is_refused() -> None:
    register_section("badges", load=load_badges, dump=dump_badges, order=20)
    with pytest.raises(ValueError, match="đã được đăng ký"):
        register_section("badges", load=load_targets, dump=dump_badges, order=20)
    with pytest.raises(ValueError, match="phần lõi"):
        register_section("people", load=load_badges, dump=dump_badges, order=1)
    with pytest.raises(ValueError, match="phần lõi"):
        register_section("state", load=load_badges, dump=dump_badges, order=1, per_year=True)
