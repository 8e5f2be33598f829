"""`law evaluate` throughput: JSON cases answered per second of CPU.

    .venv/bin/python -m bench.law_evaluate [N ...]      # default 20000

Generates N deterministic cases, a mix of the questions the command is asked most
(``evaluation.classify`` for công chức with scores and task counts, ``emulation.titles``,
``conference.quorum``), already parsed from JSON (the parser is the standard library's), and
answers them through ``hoinghi.law.evaluate.evaluate_cases`` — the command's own path: facts
built field by field with type and range checks, the rule, ``Result.to_dict()``.
Baseline in the same run: the same cases through the rule functions directly, on facts
dataclasses built beforehand (no parsing, no checks), each answer also turned into a dict.
Both must give the same answers. Prints cases/s and the ratio of the two.
"""

from __future__ import annotations

import os
import random
import sys
import time
from datetime import date
from typing import Any

from hoinghi.law.evaluate import build_dataclass, evaluate_cases
from hoinghi.law.registry import load_all, rule_for

ON = "2026-12-31"


def _classify(rnd: random.Random, i: int) -> dict[str, Any]:
    assigned = rnd.randint(5, 40)
    completed = rnd.randint(assigned // 2, assigned)
    return {
        "question": "evaluation.classify",
        "on": ON,
        "facts": {
            "person_id": f"p{i}",
            "category": "cong_chuc",
            "evaluation_year": 2026,
            "unit_id": f"u{i % 50}",
            "score": f"{rnd.randint(400, 1000)}/10",
            "tasks_assigned": assigned,
            "tasks_completed": completed,
            "tasks_on_time": rnd.randint(0, completed),
        },
    }


def _titles(rnd: random.Random, i: int) -> dict[str, Any]:
    return {
        "question": "emulation.titles",
        "on": ON,
        "facts": {
            "person_id": f"p{i}",
            "year": 2026,
            "rating": rnd.choice(["htxs", "htt", "ht", "kht"]),
            "unit_id": f"u{i % 50}",
            "initiative_level": rnd.choice([None, "co_so"]),
        },
    }


def _quorum(rnd: random.Random, i: int) -> dict[str, Any]:
    convened = rnd.randint(10, 300)
    return {
        "question": "conference.quorum",
        "on": ON,
        "facts": {"convened": convened, "present": rnd.randint(0, convened)},
    }


def cases(n: int) -> list[dict[str, Any]]:
    rnd = random.Random(2026)
    makers = (_classify, _classify, _titles, _quorum)
    return [makers[i % len(makers)](rnd, i) for i in range(n)]


def direct(prepared: list[tuple[Any, Any, date]]) -> list[dict[str, Any]]:
    return [func(facts, on=on).to_dict() for func, facts, on in prepared]


def prepare(batch: list[dict[str, Any]]) -> list[tuple[Any, Any, date]]:
    prepared = []
    for case in batch:
        on = date.fromisoformat(case["on"])
        version = rule_for(case["question"], on)
        prepared.append((version.func, build_dataclass(version.facts, case["facts"], "facts"), on))
    return prepared


def run(n: int) -> None:
    load_all()
    batch = cases(n)
    evaluate_cases(batch[:50])  # imports and first-call costs out of the timing
    prepared = prepare(batch)
    started = time.process_time()
    answers = evaluate_cases(batch)
    spent = time.process_time() - started
    started = time.process_time()
    expected = direct(prepared)
    base = time.process_time() - started
    errors = sum(1 for a in answers if "error" in a)
    assert answers == expected, "the command and the rule functions disagree"
    print(
        f"  N={n:,}: law evaluate {n / spent:,.0f} cases/s ({spent:.2f} s CPU, {errors} errors); "
        f"rule functions directly {n / base:,.0f} cases/s ({base:.2f} s); "
        f"ratio {base / spent:.2f} of the direct calls"
    )


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:] if a.isdigit()] or [20_000]
    print(f"load average {os.getloadavg()[0]:.2f}")
    for n in sizes:
        run(n)


if __name__ == "__main__":
    main()
