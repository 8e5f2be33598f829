"""``hoinghi law evaluate`` on hostile input: each bad case answers its own error, the others
are still answered, and a file that cannot be read exits 2 (docs/law.md)."""

from __future__ import annotations

import dataclasses
import json
import time
import tracemalloc
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from hoinghi.law import ranges
from hoinghi.law.casefile import MAX_DEPTH, TOO_DEEP, cut_deep
from hoinghi.law.cli import main
from hoinghi.law.evaluate import evaluate_case
from hoinghi.law.registry import all_rules, load_all, rule_for

GOOD = {
    "question": "conference.quorum",
    "on": "2026-01-20",
    "facts": {"convened": 32, "present": 21},
}


def _evaluate(
    tmp_path: Path, text: str | bytes, capsys: pytest.CaptureFixture[str]
) -> tuple[int, Any]:
    path = tmp_path / "cases.json"
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    code = main(["evaluate", str(path)])
    captured = capsys.readouterr()
    if not captured.out:
        return code, captured.err
    return code, json.loads(captured.out)


def _batch(bad: str) -> str:
    good = json.dumps(GOOD)
    return f"[{good}, {bad}, {good}]"


def _only_the_bad_one_fails(answers: list[dict[str, Any]]) -> dict[str, Any]:
    assert len(answers) == 3
    assert answers[0]["outcome"] is False and answers[2]["outcome"] is False
    error: dict[str, Any] = answers[1]["error"]
    return error


def test_a_date_near_9999_is_that_cases_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = json.dumps(
        {
            "question": "conference.window",
            "on": "2026-03-31",
            "facts": {"conference_date": "9999-12-30", "work_year_end": "9999-12-31"},
        }
    )
    code, answers = _evaluate(tmp_path, _batch(bad), capsys)
    error = _only_the_bad_one_fails(answers)
    assert code == 1
    assert error["field"] == "facts.conference_date" and "31/12/2199" in error["message"]


def test_a_number_of_100000_digits_is_refused_before_int(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = (
        '{"question": "conference.quorum", "on": "2026-01-20", "facts": {"convened": '
        + "9" * 100_000
        + ', "present": 1}}'
    )
    started = time.perf_counter()
    code, answers = _evaluate(tmp_path, _batch(bad), capsys)
    assert time.perf_counter() - started < 1.0
    error = _only_the_bad_one_fails(answers)
    assert code == 1 and error["field"] == "facts.convened" and "100.000 chữ số" in error["message"]


def test_a_fraction_of_100000_digits_is_a_type_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = json.dumps(
        {
            "question": "evaluation.unit_level",
            "on": "2026-08-01",
            "facts": {
                "unit_id": "u",
                "score": "9" * 100_000,
                "tasks_assigned": 1,
                "tasks_completed": 1,
                "tasks_on_time": 1,
            },
        }
    )
    code, answers = _evaluate(tmp_path, _batch(bad), capsys)
    error = _only_the_bad_one_fails(answers)
    assert error["field"] == "facts.score" and len(error["message"]) < 200


def test_deep_nesting_is_that_cases_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = "[" * 200_000 + "]" * 200_000
    bad = (
        '{"question": "inspection_board.election", "on": "2026-01-20", "facts": {"seats": 1, "present": 3, "candidates": '
        + deep
        + "}}"
    )
    started = time.perf_counter()
    code, answers = _evaluate(tmp_path, _batch(bad), capsys)
    assert time.perf_counter() - started < 2.0
    tracemalloc.start()
    _evaluate(tmp_path, _batch(bad), capsys)
    peak = tracemalloc.get_traced_memory()[1] / (1024 * 1024)
    tracemalloc.stop()
    assert peak < 100
    error = _only_the_bad_one_fails(answers)
    assert code == 1 and error["field"].startswith("facts.candidates")


def test_a_whole_file_nested_too_deep_answers_an_error_for_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, answers = _evaluate(tmp_path, "[" * 100_000 + "]" * 100_000, capsys)
    assert (
        code == 1 and answers[0]["error"]["message"] == "Mỗi trường hợp phải là một đối tượng JSON."
    )


def test_a_case_cut_at_the_depth_bound_names_the_bound() -> None:
    answer = evaluate_case(TOO_DEEP)
    assert f"lồng quá {MAX_DEPTH} cấp" in answer["error"]["message"]
    answer = evaluate_case({**GOOD, "facts": {"convened": TOO_DEEP, "present": 1}})
    assert answer["error"]["field"] == "facts.convened"
    assert f"lồng quá {MAX_DEPTH} cấp" in answer["error"]["message"]


def test_the_cut_leaves_strings_with_brackets_alone() -> None:
    text = json.dumps({"a": "[[[{{{", "b": [[1]]})
    assert json.loads(cut_deep(text, 1)) == {"a": "[[[{{{", "b": TOO_DEEP}
    assert json.loads(cut_deep(text, 3)) == {"a": "[[[{{{", "b": [[1]]}


def test_the_excellent_cap_under_d90_names_the_regime(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = json.dumps(
        {
            "question": "evaluation.excellent_cap",
            "on": "2026-01-20",
            "facts": {"regime": "d90", "excellent": 3, "good": 10},
        }
    )
    code, answers = _evaluate(tmp_path, _batch(bad), capsys)
    error = _only_the_bad_one_fails(answers)
    assert code == 1 and error["field"] == "facts.regime"
    assert "d335" in error["message"] and "evaluation.excellent_share" in error["message"]


def test_a_file_that_is_not_utf8_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _evaluate(
        tmp_path, json.dumps(GOOD).encode("utf-8").replace(b"quorum", b"quor\xffum"), capsys
    )
    assert code == 2 and "không mã hóa UTF-8" in out


def test_a_file_that_is_not_json_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _evaluate(tmp_path, "{not json", capsys)
    assert code == 2 and "không phải JSON hợp lệ (dòng 1, cột 2)" in out


def test_an_unexpected_failure_inside_a_rule_is_that_cases_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    load_all()
    version = rule_for("conference.quorum", date(2026, 1, 20))

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise ZeroDivisionError

    monkeypatch.setattr(
        "hoinghi.law.evaluate.rule_for", lambda code, on: dataclasses.replace(version, func=broken)
    )
    answer = evaluate_case(GOOD)
    assert answer["error"]["field"] == "facts" and "ZeroDivisionError" in answer["error"]["message"]


def _facts(question: str, on: str, **facts: Any) -> dict[str, Any]:
    return evaluate_case({"question": question, "on": on, "facts": facts})


PERSON = {"person_id": "p", "category": "civil_servant", "evaluation_year": 2025}


@pytest.mark.parametrize(
    ("question", "on", "facts", "field", "words"),
    [
        (
            "emulation.council_ballot",
            "2026-01-20",
            {"council_members": 0, "votes_in_favour": 0},
            "facts.council_members",
            "từ 1",
        ),
        (
            "emulation.council_ballot",
            "2026-01-20",
            {"council_members": 5, "votes_in_favour": 6},
            "facts.votes_in_favour",
            "lớn hơn",
        ),
        (
            "emulation.council_ballot",
            "2026-01-20",
            {"council_members": 5, "votes_in_favour": -1},
            "facts.votes_in_favour",
            "số âm",
        ),
        (
            "evaluation.unit_level",
            "2026-08-01",
            {
                "unit_id": "u",
                "score": "95",
                "tasks_assigned": 0,
                "tasks_completed": 0,
                "tasks_on_time": 0,
            },
            "facts.tasks_assigned",
            "từ 1",
        ),
        (
            "evaluation.unit_level",
            "2026-08-01",
            {
                "unit_id": "u",
                "score": "101",
                "tasks_assigned": 3,
                "tasks_completed": 3,
                "tasks_on_time": 3,
            },
            "facts.score",
            "0 đến 100",
        ),
        (
            "evaluation.unit_level",
            "2026-08-01",
            {
                "unit_id": "u",
                "score": "80",
                "tasks_assigned": 3,
                "tasks_completed": 4,
                "tasks_on_time": 3,
            },
            "facts.tasks_completed",
            "lớn hơn",
        ),
        (
            "evaluation.excellent_share",
            "2024-01-20",
            {"excellent": 5, "classified": 4},
            "facts.excellent",
            "lớn hơn",
        ),
        (
            "evaluation.excellent_cap",
            "2026-01-20",
            {
                "regime": "d335",
                "excellent": 1,
                "good": 4,
                "groups": [{"group": "a", "excellent": -1, "good": 2}],
            },
            "facts.groups[0].excellent",
            "số âm",
        ),
    ],
)
def test_evaluation_and_emulation_facts_out_of_range_answer_an_error(
    question: str, on: str, facts: dict[str, Any], field: str, words: str
) -> None:
    answer = _facts(question, on, **facts)
    assert answer["error"]["field"] == field, answer
    assert words in answer["error"]["message"]


def test_more_titled_than_members_is_refused() -> None:
    answer = _facts(
        "emulation.collective_titles",
        "2026-01-20",
        unit_id="u",
        members=3,
        members_ldtt=4,
        members_cstdcs=0,
        members_done=3,
    )
    assert answer["error"]["field"] == "facts.members_ldtt"
    assert "«members_ldtt» (4) không được lớn hơn «members» (3)" in answer["error"]["message"]


def test_every_field_the_range_tables_name_exists() -> None:
    """A fact renamed in a rule must be renamed in the range tables too."""
    load_all()
    classes = {}
    for version in all_rules():
        if version.facts is not None:
            classes[version.facts.__name__] = {f.name for f in dataclasses.fields(version.facts)}
    tables = [ranges.AT_LEAST_ONE, ranges.MONTHS, ranges.SCORES]
    for table in tables:
        for name, fields in table.items():
            assert name in classes and set(fields) <= classes[name], name
    for name, pairs in ranges.PART_OF.items():
        assert name in classes, name
        assert {f for pair in pairs for f in pair} <= classes[name], name
