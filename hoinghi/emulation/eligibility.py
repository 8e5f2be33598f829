"""Year-end eligibility: every person's and unit's titles under the law of that year.

``compute_eligibility`` loads the facts in a constant number of queries, asks the law once
for the people (with the CSTĐCS cap over the whole agency, as D91 Art 9.3 reads it) and once
per collective, and writes one :class:`Eligibility` row per holder and title with the rule,
version, citations, reasons and facts snapshot — in batches, never a query per person.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, fields, replace
from datetime import date

from django.db import connection, transaction

from hoinghi.audit.services import record
from hoinghi.emulation.facts import YearFacts, load_year_facts
from hoinghi.emulation.models import Eligibility
from hoinghi.emulation.rules import options_for
from hoinghi.emulation.services import Actor, ensure_open
from hoinghi.emulation.vocabulary import Outcome
from hoinghi.law.emulation.awards import GiayKhenFacts, check_giay_khen
from hoinghi.law.emulation.collective import (
    CollectiveFacts,
    decide_collective_titles,
    decide_titles_for_units,
)
from hoinghi.law.emulation.titles import PersonYearFacts
from hoinghi.law.emulation.vocabulary import Title
from hoinghi.law.evaluation.vocabulary import DisciplineLevel, Rating
from hoinghi.law.options import EmulationOptions
from hoinghi.law.parameters import NotInForce
from hoinghi.law.registry import rule_for
from hoinghi.law.results import Reason, Result, to_json_value
from hoinghi.org.models import WorkYear

PERSON_TITLES_CHECKED = (Title.LAO_DONG_TIEN_TIEN, Title.CHIEN_SI_THI_DUA_CO_SO)
HIGHER_TITLES = (Title.CHIEN_SI_THI_DUA_CAP_TINH, Title.CHIEN_SI_THI_DUA_TOAN_QUOC)
UNIT_TITLES_CHECKED = (Title.TAP_THE_LAO_DONG_TIEN_TIEN, Title.TAP_THE_LAO_DONG_XUAT_SAC)
AGENCY = "agency"  # the cap's unit: the whole agency
BATCH = 500
TITLE_VALUES = frozenset(t.value for t in Title)
GIAY_KHEN_RULE = "emulation.giay_khen"


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
    options = options if options is not None else options_for(work_year.agency)
    facts = load_year_facts(work_year)
    people_results, cap = decide_people(facts.people, on=on, options=options)
    unit_results = decide_units(facts, people_results, on=on, options=options)
    builder = RowBuilder(work_year.pk)
    rows = [*person_rows(builder, facts.people, people_results, cap),
            *giay_khen_rows(builder, facts.people, on=on, options=options), *unit_rows(builder, unit_results)]
    eligible: dict[str, int] = {}
    for row in rows:
        if row[4] == Outcome.ELIGIBLE:
            eligible[row[3]] = eligible.get(row[3], 0) + 1
    with transaction.atomic():
        Eligibility.objects.filter(work_year=work_year).delete()
        insert_rows(rows)
        record("emulation.compute_eligibility", actor=actor, target=work_year,
               agency_code=work_year.agency.code,
               data={"year": work_year.year, "people": len(facts.people), "units": len(unit_results),
                     "eligible": eligible})
    return EligibilitySummary(len(facts.people), len(unit_results), len(rows), eligible)


# One eligibility row as written: the columns of COLUMNS, JSON already encoded.
Row = tuple[int, int | None, int | None, str, str, str, str, str, str, str]
COLUMNS = ("work_year_id", "person_id", "unit_id", "title", "outcome", "rule", "rule_version",
           "citations", "reasons", "facts")
JSON_COLUMNS = frozenset({"citations", "reasons", "facts"})


def insert_rows(rows: Sequence[Row]) -> None:
    """One ``INSERT … VALUES`` per batch, stamped with the database's clock.

    Written without model instances: the ORM's per-row preparation (and on PostgreSQL its
    UNNEST arrays of JSON texts, quoted in Python) cost several times the insert itself."""
    table = connection.ops.quote_name(Eligibility._meta.db_table)
    names = ", ".join(connection.ops.quote_name(c) for c in (*COLUMNS, "computed_at"))
    cast = "::jsonb" if connection.vendor == "postgresql" else ""
    one = "(" + ", ".join(f"%s{cast}" if c in JSON_COLUMNS else "%s" for c in COLUMNS) + ", CURRENT_TIMESTAMP)"
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            chunk = rows[start:start + BATCH]
            cursor.execute(f"INSERT INTO {table} ({names}) VALUES {', '.join([one] * len(chunk))}",
                           [value for row in chunk for value in row])


def dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


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
    """The input as JSON, without dataclasses.asdict's deep copies (one per person); strings
    (StrEnums too), numbers and None are JSON already."""
    out: dict[str, object] = {}
    for name in PERSON_FIELDS:
        value = getattr(f, name)
        out[name] = value if value is None or isinstance(value, (str, int)) else to_json_value(value)
    return out


class RowBuilder:
    """Builds rows; a batch shares its Reason objects, so each list of reasons is rendered and
    encoded once."""

    def __init__(self, work_year_id: int) -> None:
        self.work_year_id = work_year_id
        self.encoded: dict[tuple[int, ...], tuple[str, str]] = {}

    def reasons(self, reasons: Sequence[Reason]) -> tuple[str, str]:
        key = tuple(id(r) for r in reasons)
        found = self.encoded.get(key)
        if found is None:
            rendered = [r.to_dict() for r in reasons]
            citations = list(dict.fromkeys(r["citation"] for r in rendered if r["citation"]))
            found = self.encoded[key] = (dumps(citations), dumps(rendered))
        return found

    def row(self, title: Title, result: Result, reasons: Sequence[Reason], facts: str, *,
            person_id: int | None = None, unit_id: int | None = None, eligible: bool | None = None) -> Row:
        citations, rendered = self.reasons(reasons)
        if eligible is None:
            eligible = title in result.outcome
        outcome = Outcome.ELIGIBLE if eligible else Outcome.NOT_ELIGIBLE
        return (self.work_year_id, person_id, unit_id, title.value, outcome.value, result.rule, result.rule_version,
                citations, rendered, facts)


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


def person_rows(builder: RowBuilder, people: Sequence[PersonYearFacts], results: Sequence[Result],
                cap: Result | None) -> list[Row]:
    cap_snapshot = cap.to_dict() if cap is not None else None
    rows = []
    for f, result in zip(people, results, strict=True):
        general, by_title = split_reasons(result.reasons)
        snapshot = {"input": facts_snapshot(f), "on": result.on.isoformat(),
                    "values": to_json_value(result.values)}
        plain = dumps(snapshot)
        with_cap = dumps({**snapshot, "cap": cap_snapshot}) if cap_snapshot else plain
        titles = [*PERSON_TITLES_CHECKED, *(t for t in HIGHER_TITLES if t in by_title)]
        for title in titles:
            facts = with_cap if title is Title.CHIEN_SI_THI_DUA_CO_SO else plain
            rows.append(builder.row(title, result, [*general, *by_title.get(title, [])], facts,
                                    person_id=int(f.person_id)))
    return rows


def unit_rows(builder: RowBuilder, results: Sequence[tuple[int, CollectiveFacts, Result]]) -> list[Row]:
    rows = []
    for unit_id, facts, result in results:
        general, by_title = split_reasons(result.reasons)
        snapshot = dumps({"input": to_json_value(asdict(facts)), "on": result.on.isoformat(),
                          "values": to_json_value(result.values)})
        for title in UNIT_TITLES_CHECKED:
            rows.append(builder.row(title, result, [*general, *by_title.get(title, [])], snapshot,
                                    unit_id=unit_id))
    return rows


def giay_khen_rows(builder: RowBuilder, people: Sequence[PersonYearFacts], *, on: date,
                   options: EmulationOptions | None) -> list[Row]:
    """Giấy khen of the head (Điều 75 Luật 2022, criteria of the agency's regulation): from 2024.

    The achievement it asks for is read as: rated Hoàn thành xuất sắc nhiệm vụ, or an
    initiative or scientific work recognised in the year."""
    try:
        rule_for(GIAY_KHEN_RULE, on)
    except NotInForce:
        return []
    rows = []
    for f in people:
        achievement = f.rating is Rating.EXCELLENT or f.initiative_level is not None or f.science_work_accepted
        facts = GiayKhenFacts(f.rating, achievement, f.discipline is not None)
        result = check_giay_khen(facts, on=on, options=options)
        snapshot = dumps({"input": to_json_value(asdict(facts)), "on": on.isoformat()})
        rows.append(builder.row(Title.GIAY_KHEN, result, result.reasons, snapshot, person_id=int(f.person_id),
                                eligible=bool(result.outcome)))
    return rows
