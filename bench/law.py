"""Law bench (docs/benchmarks.md S5, compute part): classify and decide titles for whole agencies.

Generates 100,000 and 500,000 people in units of about 100 (deterministic random), classifies
them (D233, caps applied per agency of about 100 and per task group) and decides every individual title and collective title
through the public API, then times a plain loop applying the same thresholds without reasons.
Prints seconds and the ratio. Run: ``python3 -m bench.law [N ...]``.
"""

from __future__ import annotations

import os
import platform
import random
import sys
import time
from collections.abc import Callable
from datetime import date
from fractions import Fraction
from typing import TypeVar

from hoinghi.law.emulation import (
    AgencyTitles,
    InitiativeLevel,
    PersonYearFacts,
    UnitYearFacts,
    decide_titles_for_units,
)
from hoinghi.law.evaluation import (
    PersonEvaluationFacts,
    Rating,
    StaffCategory,
    classify_people,
)
from hoinghi.law.results import Result

T = TypeVar("T")

ON = date(2026, 12, 10)
TITLES_ON = date(2026, 12, 31)


def people(n: int) -> list[PersonEvaluationFacts]:
    rng = random.Random(20260701)
    out = []
    for i in range(n):
        score = Fraction(rng.randint(4000, 10000), 100)
        out.append(
            PersonEvaluationFacts(
                f"p{i}",
                StaffCategory.PUBLIC_EMPLOYEE,
                2026,
                unit_id=f"u{i // 100}",
                agency_id=f"u{i // 100}",  # each group of about 100 is an agency of its own
                task_group=f"g{i % 3}",
                score=score,
                months_worked=12 if rng.random() > 0.01 else 4,
            )
        )
    return out


def year_facts(staff: list[PersonEvaluationFacts], levels: list[Result]) -> list[PersonYearFacts]:
    """What the service builds from its rows (not timed: it is the service's load step)."""
    rng = random.Random(7)
    return [
        PersonYearFacts(
            f.person_id,
            2026,
            r.outcome,
            unit_id=f.unit_id,
            initiative_level=InitiativeLevel.GRASSROOTS if rng.random() < 0.1 else None,
            score=f.score,
        )
        for f, r in zip(staff, levels, strict=True)
    ]


def classify(staff: list[PersonEvaluationFacts]) -> list[Result]:
    return classify_people(staff, on=ON, apply_caps=True)


def titles(year: list[PersonYearFacts]) -> AgencyTitles:
    units = [UnitYearFacts(f"u{u}", Rating.GOOD) for u in range(len(year) // 100 + 1)]
    return decide_titles_for_units(year, units, on=TITLES_ON)


def plain_loop(staff: list[PersonEvaluationFacts]) -> tuple[int, int, int]:
    """The same thresholds, no reasons, no results: the baseline."""
    levels: list[int] = []
    pools: dict[object, list[int]] = {}
    for f in staff:
        if f.months_worked < 6 or f.score is None:
            levels.append(-1)
            continue
        s = f.score
        level = 3 if s >= 90 else 2 if s >= 70 else 1 if s >= 50 else 0
        levels.append(level)
        if level >= 2:
            pools.setdefault(f.unit_id, [0, 0])[level - 2] += 1
            pools.setdefault((f.unit_id, f.task_group), [0, 0])[level - 2] += 1
    room: dict[object, int] = {u: (good + exc) // 6 for u, (good, exc) in pools.items()}
    order = sorted((i for i, lv in enumerate(levels) if lv == 3), key=lambda i: -staff[i].score)
    for i in order:
        u, g = staff[i].unit_id, (staff[i].unit_id, staff[i].task_group)
        if room[u] > 0 and room[g] > 0:
            room[u] -= 1
            room[g] -= 1
        else:
            levels[i] = 2
    rng = random.Random(7)
    ldtt = cstd = 0
    unit_ldtt: dict[str, int] = {}
    unit_n: dict[str, int] = {}
    for f, lv in zip(staff, levels, strict=True):
        initiative = rng.random() < 0.1
        unit_n[f.unit_id] = unit_n.get(f.unit_id, 0) + 1
        if lv >= 2:
            ldtt += 1
            unit_ldtt[f.unit_id] = unit_ldtt.get(f.unit_id, 0) + 1
            if lv == 3 or initiative:
                cstd += 1
    collective = sum(2 * unit_ldtt.get(u, 0) > n for u, n in unit_n.items())
    return sum(lv == 3 for lv in levels), ldtt, collective


def best_of(func: Callable[[T], object], arg: T, repeat: int) -> tuple[float, object]:
    best, answer = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        answer = func(arg)
        best = min(best, time.perf_counter() - start)
    return best, answer


def main(sizes: list[int]) -> None:
    print(f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs")
    print(
        f"{'people':>8} {'classify':>9} {'titles':>7} {'API (s)':>8} {'plain (s)':>9} "
        f"{'ratio':>6}  excellent / LĐTT / collective titles"
    )
    for n in sizes:
        staff = people(n)
        repeat = 3 if n <= 100_000 else 1
        c_s, levels = best_of(classify, staff, repeat)
        assert isinstance(levels, list)
        year = year_facts(staff, levels)
        t_s, agency = best_of(titles, year, repeat)
        assert isinstance(agency, AgencyTitles)
        plain_s, plain = best_of(plain_loop, staff, repeat)
        api = (
            sum(r.outcome is Rating.EXCELLENT for r in levels),
            sum(bool(r.outcome) for r in agency.people),
            sum(bool(r.outcome) for r in agency.units),
        )
        same = "same as plain" if api == plain else f"differs: plain {plain}"
        total = c_s + t_s
        print(
            f"{n:>8,} {c_s:>9.3f} {t_s:>7.3f} {total:>8.3f} {plain_s:>9.3f} "
            f"{total / plain_s:>6.1f}  {api} ({same})"
        )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100_000, 500_000])
