"""Year-end eligibility: every person's and unit's titles under the law of that year.

``compute_eligibility`` loads the facts in a constant number of queries, asks the law once
for the people (with the CSTĐCS cap over the whole agency, as D91 Art 9.3 reads it) and once
per collective, and writes one :class:`Eligibility` row per holder and title: a complete
decision record (rule, version, citations, reasons, the facts the rule read) whose reasons and
facts live in shared sets (:mod:`hoinghi.emulation.records`), written set-based.

A collective the council has not judged yet (its emulation movement, its unity) is not
eligible for a collective title, and the reason says it is not judged yet.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, fields
from datetime import date

from django.db import transaction

from hoinghi.actors import Actor
from hoinghi.audit.services import record
from hoinghi.emulation.facts import YearFacts, load_year_facts
from hoinghi.emulation.models import Eligibility
from hoinghi.emulation.records import Records, write
from hoinghi.emulation.rules import options_for
from hoinghi.emulation.services import ensure_open
from hoinghi.emulation.vocabulary import Outcome
from hoinghi.law.emulation.awards import GiayKhenFacts, check_giay_khen
from hoinghi.law.emulation.collective import (
    CollectiveFacts,
    decide_collective_titles,
    decide_titles_for_units,
)
from hoinghi.law.emulation.titles import PersonYearFacts
from hoinghi.law.emulation.vocabulary import TITLE_LABELS, Title
from hoinghi.law.evaluation.vocabulary import DisciplineLevel, Rating
from hoinghi.law.options import EmulationOptions
from hoinghi.law.parameters import NotInForce
from hoinghi.law.registry import rule_for
from hoinghi.law.results import Basis, Reason, Result, to_json_value
from hoinghi.org.models import WorkYear

PERSON_TITLES_CHECKED = (Title.LAO_DONG_TIEN_TIEN, Title.CHIEN_SI_THI_DUA_CO_SO)
HIGHER_TITLES = (Title.CHIEN_SI_THI_DUA_CAP_TINH, Title.CHIEN_SI_THI_DUA_TOAN_QUOC)
UNIT_TITLES_CHECKED = (Title.TAP_THE_LAO_DONG_TIEN_TIEN, Title.TAP_THE_LAO_DONG_XUAT_SAC)
TITLE_VALUES = frozenset(t.value for t in Title)
GIAY_KHEN_RULE = "emulation.giay_khen"
GIAY_KHEN = Title.GIAY_KHEN.value


@dataclass(frozen=True)
class EligibilitySummary:
    people: int
    units: int
    rows: int
    eligible: dict[str, int]


def compute_eligibility(
    work_year: WorkYear,
    *,
    actor: Actor = None,
    options: EmulationOptions | None = None,
    on: date | None = None,
) -> EligibilitySummary:
    """Recompute the year's eligibility table (refused once the year is closed)."""
    ensure_open(work_year)
    on = on or work_year.ends_on
    options = options if options is not None else options_for(work_year, on)
    facts = load_year_facts(work_year)
    people_results, cap = decide_people(facts.people, on=on, options=options)
    unit_results = decide_units(facts, people_results, on=on, options=options)
    records = Records(work_year.pk)
    person_rows(records, facts.people, people_results, cap)
    giay_khen_rows(records, facts.people, on=on, options=options)
    unit_rows(records, unit_results)
    eligible = records.eligible()
    with transaction.atomic():
        Eligibility.objects.filter(work_year=work_year).delete()
        write(records)
        record(
            "emulation.compute_eligibility",
            actor=actor,
            target=work_year,
            agency_code=work_year.agency.code,
            data={
                "year": work_year.year,
                "people": len(facts.people),
                "units": len(unit_results),
                "eligible": eligible,
            },
        )
    return EligibilitySummary(len(facts.people), len(unit_results), len(records.rows), eligible)


def decide_people(
    people: Sequence[PersonYearFacts], *, on: date, options: EmulationOptions | None
) -> tuple[list[Result], Result | None]:
    """Individual titles, with the CSTĐCS cap counted over the whole agency (the facts carry
    the agency as every person's cap group)."""
    answer = decide_titles_for_units(people, [], on=on, options=options)
    return answer.people, (answer.caps[0] if answer.caps else None)


# The facts a person's titles rest on, as stored: those that differ from the law's defaults
# (the defaults are the law's dataclass's), without the person, who is on the row.
# Two people with the same values of KEY_FIELDS share a snapshot: the score (rank under a
# cap) is left out of the key as load_year_facts derives it from the rating and initiative.
SNAPSHOT_FIELDS = tuple(f.name for f in fields(PersonYearFacts) if f.name != "person_id")
KEY_FIELDS = tuple(name for name in SNAPSHOT_FIELDS if name != "score")
read_key = operator.attrgetter(*KEY_FIELDS)
DEFAULTS = {f.name: f.default for f in fields(PersonYearFacts) if f.name != "person_id"}
MISSING = object()


def compact(f: PersonYearFacts) -> dict[str, object]:
    out = {}
    for name in SNAPSHOT_FIELDS:
        value = getattr(f, name)
        if value != DEFAULTS.get(name, MISSING):
            out[name] = to_json_value(value)
    return out


def person_rows(
    records: Records,
    people: Sequence[PersonYearFacts],
    results: Sequence[Result],
    cap: Result | None,
) -> None:
    """LĐTT and CSTĐCS for everyone, CSTĐ tỉnh/toàn quốc where the law spoke of them. Rows
    sharing a reasons tuple share its split by title (one reason set per title)."""
    cap_snapshot = cap.to_dict() if cap is not None else None
    plans: dict[int, list[tuple[str, str, str]]] = {}  # id(reasons) → [(title, outcome, digest)]
    append, facts = records.rows.append, records.facts
    work_year_id = records.work_year_id
    for f, result in zip(people, results, strict=True):
        plan = plans.get(id(result.reasons))
        if plan is None:
            plan = plans[id(result.reasons)] = person_plan(records, result)
        key = (read_key(f), id(result.values), result.on)
        plain = facts(key, person_snapshot, f, result, None)
        capped = (
            facts((*key, "cap"), person_snapshot, f, result, cap_snapshot)
            if cap_snapshot
            else plain
        )
        person_id = int(f.person_id)
        for title, outcome, digest in plan:
            append(
                (
                    work_year_id,
                    person_id,
                    None,
                    title,
                    outcome,
                    result.rule,
                    result.rule_version,
                    digest,
                    capped if title == CSTDCS else plain,
                )
            )


CSTDCS = Title.CHIEN_SI_THI_DUA_CO_SO.value


def person_plan(records: Records, result: Result) -> list[tuple[str, str, str]]:
    """For one (shared) reasons tuple: each title's row outcome and reason set."""
    general, by_title = split_reasons(result.reasons)
    titles = (*PERSON_TITLES_CHECKED, *(t for t in HIGHER_TITLES if t in by_title))
    return [
        (
            title.value,
            (Outcome.ELIGIBLE if title in result.outcome else Outcome.NOT_ELIGIBLE).value,
            records.reasons([*general, *by_title.get(title, ())]),
        )
        for title in titles
    ]


def person_snapshot(f: PersonYearFacts, result: Result, cap: object) -> dict[str, object]:
    out = {"input": compact(f), "on": result.on.isoformat(), "values": to_json_value(result.values)}
    return {**out, "cap": cap} if cap else out


def decide_units(
    facts: YearFacts, results: Sequence[Result], *, on: date, options: EmulationOptions | None
) -> list[tuple[int, CollectiveFacts, Result]]:
    """Each top-level unit's collective titles, from its members' (capped) titles and the
    council's judgement; a unit not judged yet is not eligible, and its reasons say why."""
    counts: dict[int, list[int]] = {u.pk: [0, 0, 0, 0, 0, 0] for u in facts.units}
    for f, r in zip(facts.people, results, strict=True):
        c = counts.get(facts.person_unit.get(int(f.person_id), 0))
        if c is None:
            continue
        c[0] += 1
        c[1] += Title.LAO_DONG_TIEN_TIEN in r.outcome
        c[2] += Title.CHIEN_SI_THI_DUA_CO_SO in r.outcome
        c[3] += f.rating is not None and f.rating is not Rating.NOT_DONE
        c[4] += f.discipline is not None and f.discipline.at_least(DisciplineLevel.WARNING)
        c[5] += f.rating is None  # not classified (under six months)
    decided = []
    for unit in facts.units:
        members, ldtt, cstdcs, done, warned, unclassified = counts[unit.pk]
        if not members:
            continue
        u = facts.unit_facts[unit.pk]
        active, unity = facts.judgements.get(unit.pk, (None, None))
        collective = CollectiveFacts(
            u.unit_id,
            members,
            ldtt,
            cstdcs,
            done,
            warned,
            unclassified,
            u.collective_rating,
            active is not False,
            unity is not False,
        )
        result = decide_collective_titles(collective, on=on, options=options)
        if active is None or unity is None:
            result = not_judged(result, active is None, unity is None)
        decided.append((unit.pk, collective, result))
    return decided


NOT_JUDGED = "emulation.collective.not_judged"


def not_judged(result: Result, activity: bool, unity: bool) -> Result:
    """The law's answer for the other criteria, with no collective title: the council has
    not judged the unit's emulation movement and/or unity (a reason per title says so)."""
    what = " và ".join(
        w
        for w, missing in (("phong trào thi đua", activity), ("sự đoàn kết nội bộ", unity))
        if missing
    )
    extra = []
    for title in UNIT_TITLES_CHECKED:
        citation = next(
            (r.citation for r in result.reasons if title_of_reason(r) is title and r.citation), None
        )
        extra.append(
            Reason(
                f"emulation.{title.value}.not_judged",
                f"Chưa xét được {TITLE_LABELS[title]}: Hội đồng Thi đua – Khen thưởng chưa đánh giá "
                f"{what} của tập thể",
                citation,
                {},
                Basis.LAW,
            )
        )
    return Result(
        result.rule, result.rule_version, result.on, (), result.values, (*extra, *result.reasons)
    )


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


def unit_rows(records: Records, results: Sequence[tuple[int, CollectiveFacts, Result]]) -> None:
    for unit_id, facts, result in results:
        general, by_title = split_reasons(result.reasons)
        snapshot = {
            "input": {k: to_json_value(v) for k, v in asdict(facts).items() if k != "unit_id"},
            "on": result.on.isoformat(),
            "values": to_json_value(result.values),
        }
        digest = records.facts(("unit", repr(snapshot)), dict, snapshot)
        for title in UNIT_TITLES_CHECKED:
            records.add(
                title, result, [*general, *by_title.get(title, ())], digest, unit_id=unit_id
            )


def giay_khen_rows(
    records: Records,
    people: Sequence[PersonYearFacts],
    *,
    on: date,
    options: EmulationOptions | None,
) -> None:
    """Giấy khen of the head (Điều 75 Luật 2022, criteria of the agency's regulation): from 2024.

    The achievement it asks for is read as: rated Hoàn thành xuất sắc nhiệm vụ, or an
    initiative or scientific work recognised in the year. The rule is asked once per distinct
    set of facts (rating, achievement, disciplined): a handful per agency."""
    try:
        rule_for(GIAY_KHEN_RULE, on)
    except NotInForce:
        return
    answers: dict[GiayKhenFacts, tuple[Result, str, str, str]] = {}
    append, work_year_id = records.rows.append, records.work_year_id
    for f in people:
        achievement = (
            f.rating is Rating.EXCELLENT
            or f.initiative_level is not None
            or f.science_work_accepted
        )
        facts = GiayKhenFacts(f.rating, achievement, f.discipline is not None)
        answer = answers.get(facts)
        if answer is None:
            result = check_giay_khen(facts, on=on, options=options)
            snapshot = {"input": to_json_value(asdict(facts)), "on": on.isoformat()}
            outcome = Outcome.ELIGIBLE if result.outcome else Outcome.NOT_ELIGIBLE
            answer = answers[facts] = (
                result,
                outcome.value,
                records.reasons(result.reasons),
                records.facts(facts, dict, snapshot),
            )
        result, outcome_value, reasons, digest = answer
        append(
            (
                work_year_id,
                int(f.person_id),
                None,
                GIAY_KHEN,
                outcome_value,
                result.rule,
                result.rule_version,
                reasons,
                digest,
            )
        )
