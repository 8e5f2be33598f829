"""S5/S6 year-end benchmark: classification and titles of generated staff, end to end.

    .venv/bin/python bench/yearend.py [N ...]            # SQLite (default 2000 100000)
    .venv/bin/python bench/yearend.py --processes 1,2 100000   # on 1, then on 2 processes
    .venv/bin/python bench/yearend.py --classification-only 100000   # without the titles stage
    DATABASE_URL=postgres://… .venv/bin/python bench/yearend.py 2000 100000

Generated agencies of 2,000 people. Each agency's year end is the product's two steps in
order: the classification as the leader's approval writes it (load → rules → records → write
back → audit) and the titles (``emulation.eligibility.compute_eligibility``, the clerk's
step). Agencies are independent, so a province's year end runs them on as many processes as
the server has cores, as its application or job workers would: ``--processes P`` (default 2
on PostgreSQL, 1 on SQLite, whose single writer gains nothing) hands the agencies out to P
forked processes, each with its own connection; the figure is the wall time from the first
agency's start to the last commit, beside the stages' time summed over the processes.
In-run baselines: one ``INSERT … SELECT`` writing as many decisions (a rating by score band)
into the same decisions table, and one writing three title rows per person into the
eligibility table; the ratio is the year end's wall time to the two together.

The records and write stages call the production code the leader's approval uses
(``hoinghi.evaluation.decisions``: ``Serialiser.decided`` and ``write_decisions``): each
decision a new row of the insert-only ``ClassificationDecision`` table (``COPY`` on
PostgreSQL, ``executemany`` on SQLite), the evaluations' level set by a narrow ``UPDATE``;
never ``bulk_update``.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hoinghi.settings")
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = "sqlite:////tmp/hoinghi-bench-yearend.sqlite3"

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402

BATCH = 5000
PER_AGENCY = 2000
UNITS_PER_AGENCY = 10


@dataclass
class State:
    """One agency's year end (or, for ``generate``, the whole run's agencies)."""

    n: int
    work_year_ids: list[int] = field(default_factory=list)
    tag: str = ""  # keeps the agency codes of several runs apart
    # (eval_id, person_id, unit_id, year, score, proposed)
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    facts: list[Any] = field(default_factory=list)
    results: list[Any] = field(default_factory=list)
    decided: list[Any] = field(default_factory=list)
    ratings: list[tuple[int, str]] = field(default_factory=list)
    eligible: Counter[str] = field(default_factory=Counter)
    title_rows: int = 0


def generate(state: State) -> None:
    """Agencies of PER_AGENCY people in UNITS_PER_AGENCY units, each with a proposed list."""
    from hoinghi.evaluation.models import PersonEvaluation, Stage
    from hoinghi.org.models import Agency, Person, Position, Unit, WorkYear
    from hoinghi.vietnamese import name_sort_key

    rnd = random.Random(2026)
    agencies = max(1, state.n // PER_AGENCY)
    with transaction.atomic():
        for a in range(agencies):
            agency = Agency.objects.create(
                code=f"bench-{state.n}-{state.tag}{a}",
                name=f"Cơ quan {a}",
                abbreviation="CQ",
                kind="state",
                place_name="Huế",
            )
            units = Unit.objects.bulk_create(
                [
                    Unit(agency=agency, code=f"u{u}", name=f"Phòng {u}")
                    for u in range(UNITS_PER_AGENCY)
                ]
            )
            wy = WorkYear.objects.create(
                agency=agency, year=2026, starts_on=date(2026, 1, 1), ends_on=date(2026, 12, 31)
            )
            state.work_year_ids.append(wy.pk)
            size = min(PER_AGENCY, state.n - a * PER_AGENCY)
            people = Person.objects.bulk_create(
                [
                    Person(
                        agency=agency,
                        staff_code=f"P{i}",
                        full_name=f"Nguyễn Văn {i}",
                        gender="nam",
                        category="cong_chuc",
                        joined_on=date(2015, 1, 1),
                        sort_key=name_sort_key(f"Nguyễn Văn {i}"),
                    )
                    for i in range(size)
                ],
                batch_size=BATCH,
            )
            Position.objects.bulk_create(
                [
                    Position(
                        person=p,
                        unit=units[i % UNITS_PER_AGENCY],
                        title="Chuyên viên",
                        valid_from=date(2015, 1, 1),
                    )
                    for i, p in enumerate(people)
                ],
                batch_size=BATCH,
            )
            evaluations = []
            for i, p in enumerate(people):
                score = Decimal(rnd.randint(600, 990)) / 10
                proposed = "htxs" if score >= 90 else "htt" if score >= 70 else "ht"
                evaluations.append(
                    PersonEvaluation(
                        work_year=wy,
                        person=p,
                        unit=units[i % UNITS_PER_AGENCY],
                        regime="d335",
                        stage=Stage.PROPOSED,
                        self_text="Tự đánh giá",
                        score=score,
                        self_rating=proposed,
                        proposed_rating=proposed,
                    )
                )
            PersonEvaluation.objects.bulk_create(evaluations, batch_size=BATCH)


def load(state: State) -> None:
    from hoinghi.evaluation.models import PersonEvaluation

    state.rows = list(  # in the (year, person) index's order: no join for a name sort
        PersonEvaluation.objects.filter(work_year_id__in=state.work_year_ids)
        .order_by("work_year_id", "person_id")
        .values_list("pk", "person_id", "unit_id", "work_year__year", "score", "proposed_rating")
        .iterator(chunk_size=BATCH)
    )


def rules(state: State) -> None:
    from hoinghi.evaluation.facts import score_fraction
    from hoinghi.law.evaluation import PersonEvaluationFacts, StaffCategory, classify_people

    facts = [
        PersonEvaluationFacts(
            person_id=str(p),
            category=StaffCategory.CIVIL_SERVANT,
            evaluation_year=y,
            unit_id=str(u),
            score=score_fraction(s),
        )
        for _, p, u, y, s, _ in state.rows
    ]
    state.facts, state.results = (
        facts,
        classify_people(facts, on=date(2026, 12, 31), apply_caps=True),
    )
    state.ratings = [
        (row[0], r.outcome.value if r.outcome else "")
        for row, r in zip(state.rows, state.results, strict=True)
    ]


def records(state: State) -> None:
    """Each decision as the approval stores it (the service's own serialiser)."""
    from hoinghi.evaluation.decisions import Serialiser

    serialiser = Serialiser()
    state.decided = [
        serialiser.decided(row[0], result, result.outcome, facts)
        for row, result, facts in zip(state.rows, state.results, state.facts, strict=True)
    ]


def write_back(state: State) -> None:
    from hoinghi.evaluation.decisions import write_decisions

    with transaction.atomic():
        write_decisions(state.decided, decided_by_id=None, decided_on=date(2026, 12, 31))


def audit(state: State) -> None:
    from hoinghi.audit.models import AuditEntry

    counts = Counter(r for _, r in state.ratings)
    AuditEntry.objects.bulk_create(
        [
            AuditEntry(action="evaluation.approve", data={"work_year": wid, **counts})
            for wid in state.work_year_ids
        ]
    )


STAGES: list[tuple[str, Callable[[State], None]]] = [
    ("load", load),
    ("rules", rules),
    ("records", records),
    ("write back", write_back),
    ("audit", audit),
]


def titles(state: State) -> None:
    """Emulation: every person's and unit's titles (LĐTT, CSTĐCS, Giấy khen, TTLĐTT, TTLĐXS)
    through ``emulation.eligibility.compute_eligibility``: constant queries for the facts, the
    law's batch once, each distinct reason list and facts snapshot stored once, the rows
    written set-based (SQLite executemany, PostgreSQL COPY + INSERT … SELECT)."""
    from hoinghi.emulation.eligibility import compute_eligibility
    from hoinghi.org.models import WorkYear

    for work_year in WorkYear.objects.filter(pk__in=state.work_year_ids).select_related("agency"):
        summary = compute_eligibility(work_year)
        state.eligible.update(summary.eligible)
        state.title_rows += summary.rows


STAGES.append(("titles", titles))
CLASSIFICATION = ("load", "rules", "records", "write back", "audit")


@dataclass
class Share:
    """What one process did: seconds per stage summed over its agencies, and the counts."""

    figures: Counter[str] = field(default_factory=Counter)
    ratings: Counter[str] = field(default_factory=Counter)
    eligible: Counter[str] = field(default_factory=Counter)
    title_rows: int = 0


def year_end(work_year_ids: list[int]) -> Share:
    """Each agency's year end in turn: its classification, then its titles."""
    share = Share()
    for work_year_id in work_year_ids:
        state = State(0, [work_year_id])
        for name, stage in STAGES:
            started = time.perf_counter()
            stage(state)
            share.figures[name] += time.perf_counter() - started
        share.ratings.update(r for _, r in state.ratings)
        share.eligible.update(state.eligible)
        share.title_rows += state.title_rows
    return share


def year_end_child(work_year_ids: list[int]) -> Share:
    try:
        return year_end(work_year_ids)
    finally:
        connection.close()


def spread(work_year_ids: list[int], processes: int) -> list[Share]:
    """The agencies dealt out to ``processes`` forked processes (one connection each)."""
    if processes == 1:
        return [year_end(work_year_ids)]
    connection.close()  # a child must not share the parent's socket
    shares = [work_year_ids[i::processes] for i in range(processes)]
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        return pool.map(year_end_child, shares)


def titles_baseline(work_year_ids: list[int]) -> float:
    """One plain ``INSERT … SELECT`` writing three rows per person (LĐTT, CSTĐCS, Giấy khen)
    into the eligibility table, pointing at one existing set, after the year end's rows are
    removed (same table, same indexes)."""
    from hoinghi.emulation.models import Eligibility

    some = (
        Eligibility.objects.filter(work_year_id__in=work_year_ids)
        .values_list("reason_set_id", "fact_set_id")
        .first()
    )
    Eligibility.objects.filter(work_year_id__in=work_year_ids).delete()
    ids = ",".join(str(i) for i in work_year_ids)
    sql = (
        "INSERT INTO emulation_eligibility (work_year_id, person_id, title, outcome, rule, rule_version, "
        "reason_set_id, fact_set_id, computed_at) SELECT e.work_year_id, e.person_id, t.title, CASE WHEN "
        "e.rating IN ('htt', 'htxs') THEN 'eligible' ELSE 'not_eligible' END, 'emulation.titles', 'sql', "
        "%s, %s, CURRENT_TIMESTAMP FROM evaluation_personevaluation e CROSS JOIN (SELECT 'ldtt' AS title "
        f"UNION ALL SELECT 'cstdcs' UNION ALL SELECT 'giay_khen') t WHERE e.work_year_id IN ({ids})"
    )
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, list(some or ("", "")))
    return time.perf_counter() - started


def baseline(work_year_ids: list[int]) -> float:
    """One ``INSERT … SELECT`` writing the same decisions: a rating by score band for every
    evaluation, into the same decisions table (same indexes), a small facts object built by
    the database, pointing at one stored basis."""
    from hoinghi.evaluation.models import ClassificationDecision

    basis = ClassificationDecision.objects.filter(
        evaluation__work_year_id__in=work_year_ids
    ).values_list("basis_id", flat=True)[:1]
    ids = ",".join(str(i) for i in work_year_ids)
    facts = (
        "jsonb_build_object('person', jsonb_build_object('person_id', person_id::text, "
        "'unit_id', unit_id::text, 'score', score))"
        if connection.vendor == "postgresql"
        else "json_object('person', json_object('person_id', person_id, 'unit_id', unit_id, "
        "'score', score))"
    )
    sql = (
        "INSERT INTO evaluation_classificationdecision (evaluation_id, rating, not_classified, "
        "rule_code, rule_version, basis_id, facts, decided_by_id, decided_on, decided_at) "
        "SELECT id, CASE WHEN score >= 90 THEN 'htxs' WHEN score >= 70 THEN 'htt' WHEN score >= 50 "
        f"THEN 'ht' ELSE 'kht' END, FALSE, 'evaluation.classify', 'sql', %s, {facts}, NULL, "
        "'2026-12-31', CURRENT_TIMESTAMP "
        f"FROM evaluation_personevaluation WHERE work_year_id IN ({ids})"
    )
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, [basis[0] if basis else ""])
    return time.perf_counter() - started


def run(n: int, processes: int, tag: str) -> None:
    state = State(n, tag=tag)
    started = time.perf_counter()
    generate(state)
    settle()
    print(f"  generated {n:,} people in {time.perf_counter() - started:.1f} s ({uptime()})")
    started = time.perf_counter()
    shares = spread(state.work_year_ids, processes)
    wall = time.perf_counter() - started
    total = Share()
    for share in shares:
        total.figures.update(share.figures)
        total.ratings.update(share.ratings)
        total.eligible.update(share.eligible)
        total.title_rows += share.title_rows
    stages = ", ".join(f"{k} {v:.2f} s" for k, v in total.figures.items())
    both = ("titles",) if "titles" in total.figures else ()
    base = baseline(state.work_year_ids)
    title_base = titles_baseline(state.work_year_ids) if both else 0.0
    print(f"  N={n:,} ({connection.vendor}), {processes} process(es): stages summed: {stages}")
    print(
        f"  year end, wall: {wall:.2f} s ({n / wall:,.0f} people/s); one INSERT … SELECT of the "
        f"decisions {base:.3f} s"
        + (f" + of the {total.title_rows:,} title rows {title_base:.3f} s" if both else "")
        + f"; ratio {wall / (base + title_base):,.1f}× ({uptime()})"
    )
    print(f"  ratings: {dict(sorted(total.ratings.items()))}")
    if both:
        print(f"  eligible: {dict(sorted(total.eligible.items()))}")


def settle() -> None:
    """After generating: statistics for the planner and the generation's pages on disk, as a
    server's tables would be, so that neither autovacuum nor a checkpoint runs during the
    measured year end (CHECKPOINT needs the pg_checkpoint role; skipped without it)."""
    from django.db import DatabaseError

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        if connection.vendor == "postgresql":
            try:
                with transaction.atomic():
                    cursor.execute("CHECKPOINT")
            except DatabaseError:
                pass


def uptime() -> str:
    return "load " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> None:
    args = sys.argv[1:]
    if "--classification-only" in args:  # leave out the stages appended after the audit
        STAGES[:] = [(name, stage) for name, stage in STAGES if name in CLASSIFICATION]
    processes = []
    if "--processes" in args:  # --processes 1,2
        at = args.index("--processes")
        processes = [int(p) for p in args.pop(at + 1).split(",")]
        args.pop(at)
    sizes = [int(a) for a in args if a.isdigit()] or [2000, 100_000]
    old_name = connection.settings_dict["NAME"]
    connection.settings_dict.setdefault("TEST", {})["NAME"] = (
        "/tmp/hoinghi-bench-yearend-test.sqlite3"
        if connection.vendor == "sqlite"
        else "test_hoinghi_bench_yearend"
    )
    processes = processes or [2 if connection.vendor == "postgresql" else 1]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        for n in sizes:
            for i, p in enumerate(processes):
                run(n, p, f"r{i}-")
    finally:
        connection.close()
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
