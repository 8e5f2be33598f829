from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from hoinghi.evaluation import services
from hoinghi.evaluation.models import PersonEvaluation
from hoinghi.org.models import Person, WorkYear
from hoinghi.testing import World


@pytest.fixture
def year2026(world: World) -> WorkYear:
    """A D335 year: công chức scored out of 100, excellent capped at a fifth of good."""
    return WorkYear.objects.create(
        agency=world.agency, year=2026, starts_on=date(2026, 1, 1), ends_on=date(2026, 12, 31)
    )


def assess(
    person: Person, year: WorkYear, score: str | None = "85", rating: str = "htt", **kw: object
) -> PersonEvaluation:
    data = services.SelfAssessment(
        text="Hoàn thành các nhiệm vụ được giao.",
        self_rating=rating,
        score=Decimal(score) if score else None,
        **kw,  # type: ignore[arg-type]
    )
    return services.submit_self_assessment(person, year, data)


def proposed(person: Person, year: WorkYear, rating: str, score: str = "85") -> PersonEvaluation:
    return services.propose_rating(assess(person, year, score, rating), rating=rating)
