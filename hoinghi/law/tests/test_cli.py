"""``hoinghi law evaluate`` and ``hoinghi law rules`` on JSON, including bad cases."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from hoinghi.law.cli import main
from hoinghi.law.evaluate import evaluate_case

ROOT = Path(__file__).resolve().parents[3]


def _run(tmp_path: Path, cases: Any, capsys: pytest.CaptureFixture[str]) -> tuple[int, Any]:
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
    code = main(["evaluate", str(path)])
    return code, json.loads(capsys.readouterr().out)


def test_one_case_answers_one_object(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, answer = _run(
        tmp_path,
        {
            "question": "conference.quorum",
            "on": "2026-01-20",
            "facts": {"convened": 15, "present": 15},
        },
        capsys,
    )
    assert code == 0
    assert answer["outcome"] is True and answer["values"]["quorum"] == 10
    assert answer["rule_version"] == "L10"
    assert set(answer["reasons"][0]) >= {"code", "text", "citation", "params"}
    assert "Điều 51" in answer["reasons"][0]["citation"]


GOOD = [
    {
        "question": "conference.adoption",
        "on": "2026-01-20",
        "facts": {"present": 15, "votes_for": 15},
    },
    {
        "question": "inspection_board.election",
        "on": "2026-01-20",
        "facts": {
            "seats": 2,
            "present": 30,
            "candidates": [
                {"name": "Nguyễn Văn An", "votes": 20},
                {"name": "Trần Thị Bình", "votes": 17},
                {"name": "Lê Chi", "votes": 17},
            ],
        },
        "options": {"election_tie_rule": "top_k_revote_on_tie"},
    },
    {
        "question": "documents.page_setup",
        "on": "2026-01-20",
        "facts": {"top_mm": 20, "bottom_mm": "45/2", "left_mm": 30, "right_mm": 15, "body_pt": 14},
    },
    {
        "question": "conference.agenda",
        "on": "2026-01-20",
        "facts": {"items": ["head_report", "union_report"], "has_inspection_board": False},
    },
]


def test_good_cases_are_all_answered(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, answers = _run(tmp_path, GOOD, capsys)
    assert code == 0 and [a["question"] for a in answers] == [c["question"] for c in GOOD]
    assert answers[0]["outcome"] == "adopted"
    assert answers[1]["outcome"] == "revote_needed"
    assert answers[1]["values"]["tied"] == ["Trần Thị Bình", "Lê Chi"]
    assert answers[2]["outcome"] is True
    assert answers[3]["outcome"] is False and "resolution" in answers[3]["values"]["missing"]


@pytest.mark.parametrize(
    ("case", "field", "words"),
    [
        pytest.param(
            {"question": "conference.nothing", "on": "2026-01-20", "facts": {}},
            "question",
            "Không có quy tắc",
            id="unknown question",
        ),
        pytest.param(
            {"question": "conference.quorum", "on": "2026-01-20", "facts": {"convened": 32}},
            "facts.present",
            "Thiếu dữ kiện",
            id="missing fact",
        ),
        pytest.param(
            {
                "question": "conference.quorum",
                "on": "2026-01-20",
                "facts": {"convened": "32", "present": 21},
            },
            "facts.convened",
            "số nguyên",
            id="wrong type",
        ),
        pytest.param(
            {
                "question": "conference.quorum",
                "on": "2026-01-20",
                "facts": {"convened": 32, "present": True},
            },
            "facts.present",
            "số nguyên",
            id="a boolean is not a number",
        ),
        pytest.param(
            {
                "question": "conference.quorum",
                "on": "2014-01-20",
                "facts": {"convened": 32, "present": 21},
            },
            "on",
            "không có quy định",
            id="date before every version",
        ),
        pytest.param(
            {
                "question": "conference.quorum",
                "on": "20/01/2026",
                "facts": {"convened": 32, "present": 21},
            },
            "on",
            "YYYY-MM-DD",
            id="date not in ISO form",
        ),
        pytest.param(
            {
                "question": "conference.quorum",
                "on": "2026-01-20",
                "facts": {"convened": 32, "present": 40},
            },
            "facts.present",
            "không được lớn hơn",
            id="more present than convened",
        ),
        pytest.param(
            {"question": "conference.agenda", "on": "2026-01-20", "facts": {"items": ["speech"]}},
            "facts.items[0]",
            "một trong",
            id="unknown enum value",
        ),
        pytest.param(
            {
                "question": "conference.publication_deadline",
                "on": "2028-06-01",
                "facts": {"decision_date": "2028-06-01"},
            },
            "on",
            "lịch nghỉ",
            id="year outside the holiday table",
        ),
        pytest.param(
            {
                "question": "conference.quorum",
                "on": "2026-01-20",
                "facts": {"convened": 32, "present": 21, "guests": 3},
            },
            "facts.guests",
            "Không có dữ kiện",
            id="unknown fact",
        ),
    ],
)
def test_bad_cases_answer_an_error(case: dict[str, Any], field: str, words: str) -> None:
    answer = evaluate_case(case)
    assert answer["question"] == case["question"] and answer["on"] == case["on"]
    assert answer["error"]["field"] == field
    assert words in answer["error"]["message"]


def test_a_bad_case_does_not_stop_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = [GOOD[0], {"question": "nope", "on": "2026-01-20", "facts": {}}, GOOD[2]]
    code, answers = _run(tmp_path, cases, capsys)
    assert code == 1
    assert "error" not in answers[0] and "error" in answers[1] and "error" not in answers[2]


def test_rules_on_a_date_lists_the_regime_in_force(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--on", "2020-12-25", "--format", "json"]) == 0
    rules = {r["code"]: r for r in json.loads(capsys.readouterr().out)}
    assert rules["conference.quorum"]["version"] == "D04"
    assert "inspection_board.required" not in rules
    assert main(["rules", "--on", "2026-01-20"]) == 0
    text = capsys.readouterr().out
    assert "conference.quorum [L10]" in text and "Luật Thực hiện dân chủ ở cơ sở" in text


def test_module_entry_point_reads_standard_input() -> None:
    case = {
        "question": "conference.window",
        "on": "2020-12-25",
        "facts": {"conference_date": "2020-12-25", "work_year_end": "2020-12-31"},
    }
    completed = subprocess.run(
        [sys.executable, "-m", "hoinghi.law.cli", "evaluate", "-"],
        cwd=ROOT,
        text=True,
        input=json.dumps(case),
        capture_output=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    answer = json.loads(completed.stdout)
    assert answer["outcome"] is True and answer["rule_version"] == "D04"
    assert "Thông tư" in completed.stdout  # ensure_ascii=False keeps the diacritics
