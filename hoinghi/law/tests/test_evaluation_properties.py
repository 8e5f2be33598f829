"""Properties: a cap never exceeds its share; same facts, same answer; every outcome cites."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from hoinghi.law.emulation import PersonYearFacts, decide_titles, decide_titles_for_people
from hoinghi.law.evaluation import (
    EvaluationRegime,
    ExcellentCapFacts,
    PersonEvaluationFacts,
    Rating,
    RatioBase,
    StaffCategory,
    check_excellent_cap,
    classify_people,
    classify_person,
    pool_max,
)
from hoinghi.law.evaluation.vocabulary import Rounding
from hoinghi.law.options import EvaluationOptions

counts = st.integers(min_value=0, max_value=500)
shares = st.sampled_from([Fraction(1, 5), Fraction(1, 4)])


@given(good=counts, excellent=counts, share=shares)
def test_a_cap_never_exceeds_its_share(good: int, excellent: int, share: Fraction) -> None:
    most = pool_max(good, excellent, share, RatioBase.GOOD_ONLY, Rounding.FLOOR)
    pool = good + excellent
    assert most <= share * (pool - most)  # literal: excellent ≤ share × those left good
    assert most + 1 > share * (pool - most - 1) or most == pool
    assert (
        pool_max(good, excellent, share, RatioBase.GOOD_AND_ABOVE, Rounding.FLOOR) <= share * pool
    )


@given(good=counts, excellent=counts, raised=st.booleans())
def test_cap_outcome_matches_its_numbers(good: int, excellent: int, raised: bool) -> None:
    result = check_excellent_cap(
        ExcellentCapFacts(EvaluationRegime.D233, excellent, good, unit_rated_excellent=raised),
        on=date(2026, 12, 1),
    )
    assert result.outcome is (excellent <= result.values["max_excellent"])
    assert result.citations


persons = st.builds(
    PersonEvaluationFacts,
    person_id=st.just("p"),
    category=st.sampled_from(list(StaffCategory)),
    evaluation_year=st.sampled_from([2021, 2024, 2025, 2026]),
    score=st.fractions(min_value=0, max_value=100, max_denominator=100),
    tasks_assigned=st.integers(0, 12),
    tasks_completed=st.integers(0, 12),
    tasks_on_time=st.integers(0, 12),
    tasks_exceeded=st.integers(0, 12),
    months_worked=st.integers(0, 12),
)


@settings(max_examples=200)
@given(facts=persons, pin=st.booleans())
def test_classification_is_deterministic_and_cited(facts: PersonEvaluationFacts, pin: bool) -> None:
    options = EvaluationOptions(pinned_regime=EvaluationRegime.D90 if pin else None)
    first = classify_person(facts, on=date(2026, 12, 10), options=options)
    assert first == classify_person(facts, on=date(2026, 12, 10), options=options)
    assert first == classify_people([facts], on=date(2026, 12, 10), options=options)[0]
    assert first.citations  # every outcome carries at least one citation
    assert first.outcome is None or isinstance(first.outcome, Rating)


titles_facts = st.builds(
    PersonYearFacts,
    person_id=st.just("p"),
    year=st.sampled_from([2022, 2023, 2024, 2025]),
    rating=st.one_of(st.none(), st.sampled_from(list(Rating))),
    spirit_ok=st.booleans(),
    registered=st.booleans(),
    science_work_accepted=st.booleans(),
    prior_consecutive_cstdcs=st.integers(0, 4),
)


@settings(max_examples=200)
@given(facts=titles_facts)
def test_titles_are_deterministic_and_cited(facts: PersonYearFacts) -> None:
    on = date(facts.year, 12, 31)
    first = decide_titles(facts, on=on)
    assert first == decide_titles_for_people([facts], on=on)[0]
    assert first.citations
    assert all(r.text for r in first.reasons)


def test_batch_results_equal_plain_results() -> None:
    from hoinghi.law.evaluation.explain import batch_result
    from hoinghi.law.results import Result

    on = date(2026, 1, 1)
    assert batch_result("a", "v", on, True, {}, ()) == Result("a", "v", on, True, {}, ())
