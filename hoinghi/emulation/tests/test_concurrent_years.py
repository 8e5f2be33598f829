"""Two year ends at once (two application workers, two agencies' clerks): each computation
commits whole, none waits for the other in a cycle, and each finds what it finds alone."""

from __future__ import annotations

from collections import Counter

import pytest
from django.db import connection

from hoinghi.emulation.eligibility import compute_eligibility
from hoinghi.emulation.models import Eligibility
from hoinghi.emulation.tests.builders import (
    STARS,
    classify,
    district_year,
    judge_units,
    rate_units,
    register_everyone,
    year_of,
)
from hoinghi.law.evaluation.vocabulary import Rating
from hoinghi.org.models import WorkYear
from hoinghi.testing import run_at_once

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite's test database is in memory with a shared cache (table locks, no "
        "waiting); a SQLite file serialises writers by its IMMEDIATE transactions",
    ),
]


def two_years() -> list[WorkYear]:
    first = district_year(2023)
    second = year_of(first.agency, 2024)
    classify(second, {code: Rating.EXCELLENT for code in STARS[:2]})
    rate_units(second)
    register_everyone(second)
    judge_units(second)
    return [first, second]


def outcomes(work_year: WorkYear) -> Counter[tuple[str, str]]:
    rows = Eligibility.objects.filter(work_year=work_year).values_list("title", "outcome")
    return Counter(rows)


def test_two_year_ends_at_once_each_commit_whole_and_find_what_they_find_alone() -> None:
    years = two_years()
    alone = []
    for work_year in years:
        compute_eligibility(work_year)
        alone.append(outcomes(work_year))
    for _ in range(3):
        Eligibility.objects.all().delete()
        assert run_at_once(compute_eligibility, years) == []
        assert [outcomes(wy) for wy in years] == alone
