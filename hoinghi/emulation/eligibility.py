"""Year-end eligibility: every person's and unit's titles under the law of that year.

``compute_eligibility`` loads the facts in a constant number of queries, asks the law once
for the people (with the CSTĐCS cap over the whole agency, as D91 Art 9.3 reads it) and once
per collective, and writes one :class:`Eligibility` row per holder and title with the rule,
version, citations, reasons and facts snapshot — in batches, never a query per person.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, fields, replace
from datetime import date

from django.db import transaction
from django.db.models.functions import Now

from hoinghi.audit.services import record
from hoinghi.emulation.facts import YearFacts, load_year_facts
from hoinghi.emulation.models import Eligibility
from hoinghi.emulation.services import Actor, ensure_open
from hoinghi.emulation.vocabulary import Outcome
from hoinghi.law.emulation.collective import (
    CollectiveFacts,
    decide_collective_titles,
    decide_titles_for_units,
)
from hoinghi.law.emulation.titles import PersonYearFacts
from hoinghi.law.emulation.vocabulary import Title
from hoinghi.law.evaluation.vocabulary import DisciplineLevel, Rating
from hoinghi.law.options import EmulationOptions
from hoinghi.law.results import Reason, Result, to_json_value
from hoinghi.org.models import WorkYear

PERSON_TITLES_CHECKED = (Title.LAO_DONG_TIEN_TIEN, Title.CHIEN_SI_THI_DUA_CO_SO)
HIGHER_TITLES = (Title.CHIEN_SI_THI_DUA_CAP_TINH, Title.CHIEN_SI_THI_DUA_TOAN_QUOC)
UNIT_TITLES_CHECKED = (Title.TAP_THE_LAO_DONG_TIEN_TIEN, Title.TAP_THE_LAO_DONG_XUAT_SAC)
AGENCY = "agency"  # the cap's unit: the whole agency
BATCH = 500
TITLE_VALUES = frozenset(t.value for t in Title)


@dataclass(frozen=True)
class EligibilitySummary:
    people: int
    units: int
    rows: int
    eligible: dict[str, int]


def compute_eligibility(work_year: WorkYear, *, actor: Actor = None, options: EmulationOptions | None = None,
                        on: date | None = None) -> EligibilitySummary:
    """Recompute the year's eligibility table (refused once the year is closed)."""
    ensure_open(work_year)
    on = on or work_year.ends_on
    facts = load_year_facts(work_year)
    people_results, cap = decide_people(facts.people, on=on, options=options)
    unit_results = decide_units(facts, people_results, on=on, options=options)
    # The database's clock, as an expression: besides being one time for the whole table, an
    # expression keeps PostgreSQL's bulk insert on VALUES, whose text parameters psycopg
    # escapes in C; Django's UNNEST path quotes arrays of long JSON texts in Python, 3× slower.
    now = Now()
    rows = [*person_rows(work_year, facts.people, people_results, cap, now),
            *unit_rows(work_year, unit_results, now)]
    eligible: dict[str, int] = {}
    for row in rows:
        if row.outcome == Outcome.ELIGIBLE:
            eligible[row.title] = eligible.get(row.title, 0) + 1
    with transaction.atomic():
        Eligibility.objects.filter(work_year=work_year).delete()
        Eligibility.objects.bulk_create(rows, batch_size=BATCH)
        record("emulation.compute_eligibility", actor=actor, target=work_year,
               agency_code=work_year.agency.code,
               data={"year": work_year.year, "people": len(facts.people), "units": len(unit_results),
                     "eligible": eligible})
    return EligibilitySummary(len(facts.people), len(unit_results), len(rows), eligible)


def decide_people(people: Sequence[PersonYearFacts], *, on: date,
                  options: EmulationOptions | None) -> tuple[list[Result], Result | None]:
    """Individual titles, with the CSTĐCS cap counted over the whole agency."""
    pooled = [_with_unit(f, AGENCY) for f in people]
    answer = decide_titles_for_units(pooled, [], on=on, options=options)
    return answer.people, (answer.caps[0] if answer.caps else None)


def _with_unit(f: PersonYearFacts, unit_id: str) -> PersonYearFacts:
    return replace(f, unit_id=unit_id)


PERSON_FIELDS = tuple(f.name for f in fields(PersonYearFacts))


def facts_snapshot(f: PersonYearFacts) -> dict[str, object]:
    """The input as JSON, without dataclasses.asdict's deep copies (one per person)."""
    return {name: to_json_value(getattr(f, name)) for name in PERSON_FIELDS}


class ReasonCache:
    """Reasons are shared objects across a batch: render each one once."""

    def __init__(self) -> None:
        self.rendered: dict[int, dict[str, object]] = {}

    def __call__(self, reason: Reason) -> dict[str, object]:
        found = self.rendered.get(id(reason))
        if found is None:
            found = self.rendered[id(reason)] = reason.to_dict()
        return found


def decide_units(facts: YearFacts, results: Sequence[Result], *, on: date,
                 options: EmulationOptions | None) -> list[tuple[int, CollectiveFacts, Result]]:
    """Each top-level unit's collective titles, from its members' (capped) titles."""
    counts: dict[str, list[int]] = {str(u.pk): [0, 0, 0, 0, 0] for u in facts.units}
    for f, r in zip(facts.people, results, strict=True):
        c = counts.get(f.unit_id)
        if c is None:
            continue
        c[0] += 1
        c[1] += Title.LAO_DONG_TIEN_TIEN in r.outcome
        c[2] += Title.CHIEN_SI_THI_DUA_CO_SO in r.outcome
        c[3] += f.rating is not None and f.rating is not Rating.NOT_DONE
        c[4] += f.discipline is not None and f.discipline.at_least(DisciplineLevel.WARNING)
    decided = []
    for unit in facts.units:
        members, ldtt, cstdcs, done, warned = counts[str(unit.pk)]
        if not members:
            continue
        u = facts.unit_facts[unit.pk]
        collective = CollectiveFacts(u.unit_id, members, ldtt, cstdcs, done, warned, u.collective_rating,
                                     u.emulation_active, u.unity)
        decided.append((unit.pk, collective, decide_collective_titles(collective, on=on, options=options)))
    return decided


def title_of_reason(r: Reason) -> Title | None:
    """The title a reason speaks of, from its code ("emulation.cstdcs.no_ldtt" → CSTĐCS)."""
    parts = r.code.split(".")
    if len(parts) < 2:
        return None
    head = parts[1]
    if head == "cstdcs_cap":
        return Title.CHIEN_SI_THI_DUA_CO_SO
    return Title(head) if head in TITLE_VALUES else None


def split_reasons(reasons: Iterable[Reason]) -> tuple[list[Reason], dict[Title, list[Reason]]]:
    general: list[Reason] = []
    by_title: dict[Title, list[Reason]] = {}
    for r in reasons:
        title = title_of_reason(r)
        if title is None:
            general.append(r)
        else:
            by_title.setdefault(title, []).append(r)
    return general, by_title


def make_row(work_year: WorkYear, title: Title, result: Result, reasons: list[Reason],
             snapshot: dict[str, object], now: object, render: ReasonCache, **holder: int) -> Eligibility:
    rendered = [render(r) for r in reasons]
    citations = list(dict.fromkeys(r["citation"] for r in rendered if r["citation"]))
    return Eligibility(
        work_year=work_year, title=title,
        outcome=Outcome.ELIGIBLE if title in result.outcome else Outcome.NOT_ELIGIBLE,
        rule=result.rule, rule_version=result.rule_version, citations=citations,
        reasons=rendered, facts=snapshot, computed_at=now, **holder,
    )


def person_rows(work_year: WorkYear, people: Sequence[PersonYearFacts], results: Sequence[Result],
                cap: Result | None, now: object) -> list[Eligibility]:
    cap_snapshot = cap.to_dict() if cap is not None else None
    render = ReasonCache()
    rows = []
    for f, result in zip(people, results, strict=True):
        general, by_title = split_reasons(result.reasons)
        snapshot = {"input": facts_snapshot(f), "on": result.on.isoformat(),
                    "values": to_json_value(result.values)}
        titles = [*PERSON_TITLES_CHECKED, *(t for t in HIGHER_TITLES if t in by_title)]
        for title in titles:
            extra = {"cap": cap_snapshot} if title is Title.CHIEN_SI_THI_DUA_CO_SO and cap_snapshot else {}
            rows.append(make_row(work_year, title, result, [*general, *by_title.get(title, [])],
                                 {**snapshot, **extra}, now, render, person_id=int(f.person_id)))
    return rows


def unit_rows(work_year: WorkYear, results: Sequence[tuple[int, CollectiveFacts, Result]],
              now: object) -> list[Eligibility]:
    render = ReasonCache()
    rows = []
    for unit_id, facts, result in results:
        general, by_title = split_reasons(result.reasons)
        snapshot = {"input": to_json_value(asdict(facts)), "on": result.on.isoformat(),
                    "values": to_json_value(result.values)}
        for title in UNIT_TITLES_CHECKED:
            rows.append(make_row(work_year, title, result, [*general, *by_title.get(title, [])],
                                 snapshot, now, render, unit_id=unit_id))
    return rows
