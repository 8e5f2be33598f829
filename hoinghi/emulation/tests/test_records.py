"""Eligibility rows are complete decision records stored compactly: each distinct reason list
and facts snapshot once, shared by the rows, reconstructable by the selector."""

from __future__ import annotations

import pytest

from hoinghi.emulation import selectors
from hoinghi.emulation.eligibility import compute_eligibility
from hoinghi.emulation.models import Eligibility, FactSet, ReasonSet
from hoinghi.emulation.tests.builders import district_year
from hoinghi.emulation.vocabulary import Outcome
from hoinghi.law.emulation.vocabulary import Title

pytestmark = pytest.mark.django_db
LDTT, CSTDCS = Title.LAO_DONG_TIEN_TIEN, Title.CHIEN_SI_THI_DUA_CO_SO


def test_each_distinct_reason_list_and_snapshot_is_stored_once_and_shared() -> None:
    work_year = district_year(2023)
    summary = compute_eligibility(work_year)
    assert Eligibility.objects.filter(work_year=work_year).count() == summary.rows
    assert ReasonSet.objects.count() < summary.rows / 5
    assert FactSet.objects.count() < summary.rows / 3  # 32 people, 5 units: 19 snapshots
    sets = (ReasonSet.objects.count(), FactSet.objects.count())
    compute_eligibility(work_year)  # again: the same sets, none added
    assert (ReasonSet.objects.count(), FactSet.objects.count()) == sets


def test_a_row_reconstructs_rule_citations_reasons_and_the_facts_the_rule_read() -> None:
    work_year = district_year(2023)
    compute_eligibility(work_year)
    row = selectors.eligibility_of(
        work_year, CSTDCS, person=work_year.agency.people.get(staff_code="HU01")
    )
    assert row is not None and row.outcome == Outcome.ELIGIBLE
    record = selectors.decision_record(row)
    assert record["rule"] == "emulation.titles" and record["rule_version"]
    citations, reasons = record["citations"], record["reasons"]
    assert isinstance(citations, list) and isinstance(reasons, list)
    assert citations and all(isinstance(c, str) for c in citations)
    assert [r["code"] for r in reasons]
    facts = record["facts"]
    assert facts["input"]["person_id"] == str(row.person_id)  # type: ignore[index]
    assert facts["input"]["rating"] == "htxs" and facts["input"]["initiative_level"]  # type: ignore[index]
    assert "cap" in facts and facts["on"] == "2023-12-31"  # type: ignore[operator,index]
    assert "registered" not in facts["input"]  # type: ignore[index]  # the law's default: left out


def test_the_eligibility_page_reads_reasons_in_a_bounded_number_of_queries(
    django_assert_max_num_queries: object,
) -> None:
    work_year = district_year(2023)
    compute_eligibility(work_year)
    with django_assert_max_num_queries(2):  # type: ignore[operator]
        texts = [row.reason_texts for row in selectors.eligibility_rows(work_year, title=LDTT)]
    assert len(texts) > 20 and all(texts)


class SpyCursor:
    def __init__(self) -> None:
        self.batches: list[list[tuple[str, ...]]] = []

    def executemany(self, sql: str, rows: list[tuple[str, ...]]) -> None:
        self.batches.append(list(rows))


def test_new_sets_are_written_in_digest_order_so_two_agencies_at_once_cannot_deadlock() -> None:
    """Two agencies computed at once may share sets: each writes its new ones in digest order,
    so their key locks are taken in one order (no cycle of waits)."""
    from hoinghi.emulation.records import Records, insert_sets
    from hoinghi.law.results import Basis, Reason

    records = Records(1)
    for n in range(12):
        records.facts(("key", n), dict, {"n": n})
        records.reasons([Reason(f"emulation.test.{n}", f"Lý do {n}", None, {}, Basis.LAW)])
    spy = SpyCursor()
    insert_sets(spy, records)
    assert [len(b) for b in spy.batches] == [12, 12]
    for batch in spy.batches:
        digests = [row[0] for row in batch]
        assert digests == sorted(digests) and digests != list(
            records.fact_sets if len(batch[0]) == 2 else records.reason_sets
        )
