"""Bounded inputs: time and memory to refuse each hostile file (docs/reliability.md).

Rebuilds every hostile input of ``hoinghi.org.files.hostile`` and of the law's JSON face,
hands each to the reader the application uses (staff import, targets and tasks import,
scenario loading, ``hoinghi law evaluate``), and prints a Markdown table: file size, the
refusal, the best of three times, and the peak of Python's traced memory (tracemalloc; expat
and zlib allocate through it). Run: ``python3 -m bench.bounded``.
"""

from __future__ import annotations

import io
import json
import os
import sys
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hoinghi.settings")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import django  # noqa: E402

django.setup()

from hoinghi.law.casefile import decode, parse_cases  # noqa: E402
from hoinghi.law.evaluate import evaluate_cases  # noqa: E402
from hoinghi.org.files import FileRefused, hostile  # noqa: E402
from hoinghi.org.imports.files import read_table  # noqa: E402
from hoinghi.org.scenario import ScenarioError  # noqa: E402
from hoinghi.org.scenario.files import parse_text  # noqa: E402
from hoinghi.plans.imports import read_sheet  # noqa: E402


def staff(data: bytes, name: str = "ds.xlsx") -> Callable[[], Any]:
    return lambda: read_table(data, filename=name)


def plans(data: bytes) -> Callable[[], Any]:
    return lambda: read_sheet(io.BytesIO(data), len(data), "kh.xlsx")


def scenario(text: str, as_json: bool = False) -> Callable[[], Any]:
    return lambda: parse_text(text, as_json=as_json)


GOOD = {"question": "conference.quorum", "on": "2026-01-20", "facts": {"convened": 9, "present": 9}}
BAD_CASES = [
    {
        "question": "conference.window",
        "on": "2026-03-31",
        "facts": {"conference_date": "9999-12-30", "work_year_end": "9999-12-31"},
    },
    {
        "question": "evaluation.excellent_cap",
        "on": "2026-01-20",
        "facts": {"regime": "d90", "excellent": 3, "good": 10},
    },
]
LAW_TEXT = (
    "["
    + ", ".join(json.dumps(c) for c in [GOOD, *BAD_CASES])
    + ', {"question": "conference.quorum", "on": "2026-01-20", "facts": {"convened": '
    + "9" * 100_000
    + ', "present": 1}}, {"question": "conference.quorum", "on": "2026-01-20", "facts": '
    + "[" * 100_000
    + "]" * 100_000
    + "}, "
    + json.dumps(GOOD)
    + "]"
)


def law() -> list[dict[str, Any]]:
    answers = evaluate_cases(parse_cases(decode(LAW_TEXT.encode(), "cases.json"), "cases.json"))
    assert sum("error" in a for a in answers) == 4 and len(answers) == 6
    return answers


CASES: list[tuple[str, int, Callable[[], Any]]] = []


def case(label: str, size: int, action: Callable[[], Any]) -> None:
    CASES.append((label, size, action))


def build() -> None:
    for label, data in [
        ("staff: far-right cells, 5,000 rows", hostile.far_right_cells(5_000)),
        ("staff: far-right cells packed, 60,000 rows", hostile.far_right_packed()),
        ("staff: a row numbered 2,000,000,000", hostile.row_two_billion()),
        ("staff: declared range A1:XFD1048576", hostile.whole_sheet_declared()),
        ("staff: one row of 3,000 cells without addresses", hostile.one_row_of_cells()),
        ("staff: XML nested 10,000 deep", hostile.nested_xml()),
        ("staff: DTD after 200 kB of comment", hostile.late_dtd()),
        ("staff: 101 MiB of padding in the zip", hostile.padded_zip()),
    ]:
        case(label, len(data), staff(data))
    for label, data in [
        ("staff CSV: 1,000,000 commas on a line", hostile.comma_csv()),
        ("staff CSV: 5,000,000 blank lines", hostile.blank_lines_csv()),
    ]:
        case(label, len(data), staff(data, "ds.csv"))
    for label, data in [
        (
            "plans: declared range A1:XFD1048576, a value in its last row",
            hostile.plans_whole_sheet(),
        ),
        ("plans: a cell in column XFD of row 2,000", hostile.plans_far_right()),
    ]:
        case(label, len(data), plans(data))
    bomb = hostile.yaml_alias_bomb()
    case("scenario: YAML alias bomb (9⁹ strings)", len(bomb), scenario(bomb))
    nested = hostile.nested_text()
    case("scenario: YAML nested 100,000 deep", len(nested), scenario(nested))
    case("scenario: JSON nested 100,000 deep", len(nested), scenario(nested, as_json=True))
    number = hostile.long_json_number()
    case("scenario: JSON number of 100,000 digits", len(number), scenario(number, as_json=True))
    case("law evaluate: 6 cases, 4 hostile (answered one by one)", len(LAW_TEXT), law)


def run(action: Callable[[], Any]) -> str:
    try:
        action()
    except FileRefused as refused:
        return refused.message
    except ScenarioError as refused:
        return refused.issues[0].message
    return "(answered)"


def measure(action: Callable[[], Any]) -> tuple[str, float, float]:
    best = min(_timed(action) for _ in range(3))
    tracemalloc.start()
    outcome = run(action)
    peak = tracemalloc.get_traced_memory()[1] / (1024 * 1024)
    tracemalloc.stop()
    return outcome, best, peak


def _timed(action: Callable[[], Any]) -> float:
    started = time.perf_counter()
    run(action)
    return time.perf_counter() - started


def main() -> None:
    build()
    print("| input | size | refusal | time | peak memory |")
    print("|---|---:|---|---:|---:|")
    for label, size, action in CASES:
        outcome, seconds, peak = measure(action)
        shown = outcome if len(outcome) <= 90 else outcome[:89] + "…"
        print(f"| {label} | {size:,} B | {shown} | {seconds * 1000:.0f} ms | {peak:.1f} MB |")


if __name__ == "__main__":
    main()
