"""The ``evaluation`` section of each year of a scenario file.

```yaml
years:
- year: 2023
  evaluation:
    absences:                 # leave overlapping the year
    - {person: HU07, kind: thai_san, starts_on: 2023-03-01, ends_on: 2023-08-31, note: …}
    disciplines:              # decided in the year
    - {person: HU09, level: khien_trach, ground: nhiem_vu, decided_on: 2023-05-04, number: 12-QĐ/HU,
       counted_elsewhere: false}
    units:                    # collectives: proposal, and the decision (for Party bodies the
    - unit: van-phong         # superior body's: issuer, number, date)
      proposed: htt
      score: 92
      rating: htxs
      issuer: Ban Thường vụ Huyện ủy
      number: 125-QĐ/HU
      decided_on: 2023-12-20
    decided_on: 2023-12-22    # the leader's approval of the people's lists (default: year end)
    people:
    - person: HU01
      rating: htxs            # htxs | htt | ht | kht | khong_xep_loai; optional where the
                              # law decides the level from the facts (then it is checked)
      self_rating: htxs       # default: the rating
      proposed: htxs          # the unit head's proposal; default: the law's level, or the
                              # rating when it is lower (never above what the law allows)
      score: 95               # D335, D233 years
      general_criteria: tot   # tot | dat | khong_dat (default tot)
      tasks: {assigned: 12, on_time: 12, exceeded: 7, short: 0}
      task_group: …
      text: …                 # the self-assessment
```

Everything goes through the services, so the law's checks apply: a unit's list is approved
by :func:`~hoinghi.evaluation.services.approve_unit_classifications` (levels, caps, the Party
members' share in D90 years), and a rating the law does not allow is an error naming the
person's path. Where the law decides a level from the facts (tasks, score, leave,
discipline), the file's rating is not taken as a proposal: the unit head is taken to propose
the law's level (or the file's lower rating), and a rating above it is reported. Every
mismatch and every refused list of the section is reported at once, then nothing is kept.
Each part (absences, disciplines, units, people) is rebuilt only when the file
differs from the database, so loading the same file twice changes nothing.
"""

from __future__ import annotations

from copy import copy
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from hoinghi.evaluation import services
from hoinghi.evaluation.facts import YearContext, facts_for, options_for
from hoinghi.evaluation.models import (
    Absence,
    Discipline,
    PersonEvaluation,
    Stage,
    UnitEvaluation,
    UnitMeeting,
)
from hoinghi.law.evaluation import classify_people
from hoinghi.law.evaluation.vocabulary import (
    RATING_LABELS,
    DisciplineGround,
    DisciplineLevel,
    GeneralCriteria,
    LeaveKind,
    Rating,
    lower_of,
)
from hoinghi.law.results import Result
from hoinghi.org.models import Person, Unit, WorkYear
from hoinghi.org.scenario import DumpContext, Issue, LoadContext, Node
from hoinghi.plans.scenario import decimal, number

NOT_CLASSIFIED = "khong_xep_loai"
RATINGS = [r.value for r in Rating]
KEYS = ("absences", "disciplines", "units", "decided_on", "people")
PERSON_KEYS = (
    "person",
    "rating",
    "self_rating",
    "proposed",
    "score",
    "general_criteria",
    "tasks",
    "task_group",
    "text",
)
UNIT_KEYS = ("unit", "proposed", "score", "text", "rating", "issuer", "number", "decided_on")
DEFAULT_TEXT = "Tự đánh giá theo kịch bản."


def open_copy(work_year: WorkYear) -> WorkYear:
    """A closed year is loaded as it was decided, before it was closed."""
    year = copy(work_year)
    year.state = "open"
    return year


def load_evaluation(ctx: LoadContext, value: Any, path: str) -> None:
    assert ctx.work_year is not None
    node = ctx.node(value, path)
    if not node.is_mapping(optional=KEYS):
        ctx.raise_issues()
    year = open_copy(ctx.work_year)
    try:
        load_absences(ctx, year, node)
        load_disciplines(ctx, year, node)
        load_units(ctx, year, node)
        load_people(ctx, year, node)
    except services.EvaluationError as exc:
        ctx.error(path, "; ".join(dict.fromkeys([exc.message, *exc.lines])))


# --- Leave and discipline --------------------------------------------------------------------------


def year_absences(year: WorkYear) -> Any:
    return Absence.objects.filter(
        person__agency_id=year.agency_id, starts_on__lte=year.ends_on, ends_on__gte=year.starts_on
    )


def year_disciplines(year: WorkYear) -> Any:
    return Discipline.objects.filter(
        person__agency_id=year.agency_id, decided_on__range=(year.starts_on, year.ends_on)
    )


def load_absences(ctx: LoadContext, year: WorkYear, node: Node) -> None:
    wanted: list[tuple[Person, str, date, date, str]] = []
    for item in node.items("absences"):
        item.is_mapping(required=("person", "kind", "starts_on", "ends_on"), optional=("note",))
        person = ctx.person(item.code("person"), f"{item.path}.person")
        kind = item.choice("kind", [k.value for k in LeaveKind], required=True)
        start, end, note = (
            item.date("starts_on", required=True),
            item.date("ends_on", required=True),
            item.text("note"),
        )
        if start and end and not (start <= year.ends_on and end >= year.starts_on):
            item.report(f"không trùng với năm {year.year}")
        if start and end:
            wanted.append((person, kind, start, end, note))
    ctx.raise_issues()
    current = {
        (a.person.staff_code, a.kind, a.starts_on, a.ends_on, a.note)
        for a in year_absences(year).select_related("person")
    }
    if current == {(p.staff_code, k, s, e, n) for p, k, s, e, n in wanted}:
        return
    ctx.changes += year_absences(year).delete()[0]
    for person, kind, start, end, note in wanted:
        services.record_absence(person, kind=kind, starts_on=start, ends_on=end, note=note)
        ctx.changes += 1


def load_disciplines(ctx: LoadContext, year: WorkYear, node: Node) -> None:
    wanted: list[tuple[Person, str, str, date, str, bool]] = []
    for item in node.items("disciplines"):
        item.is_mapping(
            required=("person", "level", "decided_on"),
            optional=("ground", "number", "counted_elsewhere"),
        )
        person = ctx.person(item.code("person"), f"{item.path}.person")
        level = item.choice("level", [k.value for k in DisciplineLevel], required=True)
        ground = item.choice(
            "ground", [k.value for k in DisciplineGround], default=DisciplineGround.TASK.value
        )
        on = item.date("decided_on", required=True)
        if on and not year.starts_on <= on <= year.ends_on:
            item.report(f"quyết định kỷ luật phải trong năm {year.year}", "decided_on")
        if on:
            wanted.append(
                (person, level, ground, on, item.text("number"), item.boolean("counted_elsewhere"))
            )
    ctx.raise_issues()
    current = {
        (
            d.person.staff_code,
            d.level,
            d.ground,
            d.decided_on,
            d.decision_number,
            d.counted_elsewhere,
        )
        for d in year_disciplines(year).select_related("person")
    }
    if current == {(p.staff_code, *rest) for p, *rest in wanted}:
        return
    ctx.changes += year_disciplines(year).delete()[0]
    for person, level, ground, on, decision_number, elsewhere in wanted:
        services.record_discipline(
            person,
            level=level,
            ground=ground,
            decided_on=on,
            decision_number=decision_number,
            counted_elsewhere=elsewhere,
        )
        ctx.changes += 1


# --- Units ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class UnitRow:
    unit: Unit
    proposed: str
    score: Decimal | None
    text: str
    rating: str
    issuer: str
    number: str
    decided_on: date | None

    def state(self) -> tuple[Any, ...]:
        return (
            self.unit.code,
            self.proposed,
            self.score,
            self.text,
            self.rating,
            self.issuer,
            self.number,
            self.decided_on,
        )


def read_units(ctx: LoadContext, node: Node) -> list[UnitRow]:
    rows = []
    for item in node.items("units"):
        item.is_mapping(required=("unit",), optional=UNIT_KEYS)
        unit = ctx.unit(item.code("unit"), f"{item.path}.unit")
        rating = item.choice("rating", RATINGS)
        row = UnitRow(
            unit,
            item.choice("proposed", RATINGS),
            decimal(item, "score"),
            item.text("text"),
            rating,
            item.text("issuer"),
            item.text("number"),
            item.date("decided_on"),
        )
        if rating and not (row.issuer and row.decided_on):
            item.report(
                "một quyết định xếp loại cần cơ quan quyết định (issuer) và ngày (decided_on)"
            )
        rows.append(row)
    return rows


def load_units(ctx: LoadContext, year: WorkYear, node: Node) -> None:
    rows = read_units(ctx, node)
    ctx.raise_issues()
    current = {
        (
            u.unit.code,
            u.proposed_rating,
            u.score,
            u.self_text,
            u.rating,
            u.issuer,
            u.decision_number,
            u.decided_on,
        )
        for u in UnitEvaluation.objects.filter(work_year=year).select_related("unit")
    }
    if current == {r.state() for r in rows}:
        return
    ctx.changes += UnitEvaluation.objects.filter(work_year=year).delete()[0]
    for row in rows:
        if row.proposed:
            services.propose_unit_rating(
                row.unit, year, rating=row.proposed, score=row.score, text=row.text
            )
        elif row.score is not None or row.text:
            UnitEvaluation.objects.create(
                work_year=year, unit=row.unit, score=row.score, self_text=row.text
            )
    decisions: dict[tuple[str, str, date], dict[Unit, str]] = {}
    for row in rows:
        if row.rating and row.decided_on:
            decisions.setdefault((row.issuer, row.number, row.decided_on), {})[row.unit] = (
                row.rating
            )
    for (issuer, decision_number, on), ratings in decisions.items():
        services.decide_unit_ratings(
            year, ratings, issuer=issuer, decision_number=decision_number, decided_on=on
        )
    ctx.changes += len(rows)


# --- People -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonRow:
    person: Person
    rating: str  # "": the law's level, whatever it is
    assessment: services.SelfAssessment
    proposed: str  # "": the law's level, or the rating when lower
    path: str


def read_person(ctx: LoadContext, item: Node) -> PersonRow:
    item.is_mapping(required=("person",), optional=PERSON_KEYS)
    person = ctx.person(item.code("person"), f"{item.path}.person")
    rating = item.choice("rating", [*RATINGS, NOT_CLASSIFIED])
    tasks = item.child("tasks")
    counts = {
        k: tasks.integer(k, minimum=0) or 0 for k in ("assigned", "on_time", "exceeded", "short")
    }
    score = decimal(item, "score")
    self_rating = item.choice("self_rating", RATINGS) or (
        rating if rating in RATINGS else Rating.DONE.value
    )
    assessment = services.SelfAssessment(
        text=item.text("text") or DEFAULT_TEXT,
        self_rating=self_rating,
        score=score,
        general_criteria=item.choice(
            "general_criteria",
            [c.value for c in GeneralCriteria],
            default=GeneralCriteria.GOOD.value,
        ),
        tasks_assigned=counts["assigned"],
        tasks_on_time=counts["on_time"],
        tasks_exceeded=counts["exceeded"],
        tasks_short=counts["short"],
        task_group=item.text("task_group"),
    )
    return PersonRow(person, rating, assessment, item.choice("proposed", RATINGS), item.path)


def decided_state(year: WorkYear) -> dict[str, tuple[Any, ...]]:
    rows = PersonEvaluation.objects.filter(work_year=year).select_related("person")
    return {
        e.person.staff_code: (
            (e.rating or NOT_CLASSIFIED) if e.stage == Stage.APPROVED else "",
            e.self_rating,
            e.proposed_rating,
            e.score,
            e.general_criteria,
            e.tasks_assigned,
            e.tasks_on_time,
            e.tasks_exceeded,
            e.tasks_short,
            e.task_group,
            e.self_text,
            e.decided_on,
        )
        for e in rows
    }


def wanted_state(rows: list[PersonRow], on: date) -> dict[str, tuple[Any, ...]]:
    """The file's people as stored; ``None`` where the law's level stands (any value)."""
    return {
        r.person.staff_code: (
            r.rating or None,
            r.assessment.self_rating,
            r.proposed or None,
            r.assessment.score,
            r.assessment.general_criteria,
            r.assessment.tasks_assigned,
            r.assessment.tasks_on_time,
            r.assessment.tasks_exceeded,
            r.assessment.tasks_short,
            r.assessment.task_group,
            r.assessment.text,
            on,
        )
        for r in rows
    }


def same_people(decided: dict[str, tuple[Any, ...]], wanted: dict[str, tuple[Any, ...]]) -> bool:
    if decided.keys() != wanted.keys():
        return False
    return all(
        w is None or w == d
        for code, values in wanted.items()
        for w, d in zip(values, decided[code], strict=True)
    )


def load_people(ctx: LoadContext, year: WorkYear, node: Node) -> None:
    rows = [read_person(ctx, item) for item in node.items("people")]
    on = node.date("decided_on") or year.ends_on
    ctx.raise_issues()
    if same_people(decided_state(year), wanted_state(rows, on)):
        return
    deleted = PersonEvaluation.objects.filter(work_year=year).delete()[0]
    UnitMeeting.objects.filter(work_year=year).delete()
    ctx.changes += deleted + len(rows)
    evaluations: dict[int, PersonEvaluation] = {}
    for row in rows:
        try:
            evaluations[row.person.pk] = services.submit_self_assessment(
                row.person, year, row.assessment
            )
        except services.EvaluationError as exc:
            note(ctx, row.path, exc.message)
    ctx.raise_issues()
    levels = law_levels(year)
    for row in rows:
        proposal = proposal_for(ctx, row, levels[row.person.pk])
        if proposal:
            services.propose_rating(evaluations[row.person.pk], rating=proposal)
    units = {e.unit_id: e.unit for e in evaluations.values()}
    for unit in sorted(units.values(), key=lambda u: (u.position, u.code)):
        try:
            services.approve_unit_classifications(
                unit=unit, work_year=year, approved_by=None, on=on
            )
        except services.EvaluationError as exc:
            lines = "; ".join(dict.fromkeys([exc.message, *exc.lines]))
            note(ctx, node.child("people").path, f"danh sách của {unit.name}: {lines}")
    check_outcomes(ctx, year, rows)


def note(ctx: LoadContext, path: str, message: str) -> None:
    """One more issue; the section goes on so that the file's every mistake is reported."""
    if all(issue.path != path for issue in ctx.issues):
        ctx.issues.append(Issue(path, message))


def law_levels(year: WorkYear) -> dict[int, Result]:
    """The law's level of everyone from the facts (self-assessment, tasks, score, leave,
    discipline), before any proposal: ``outcome`` None where the law classifies no one."""
    everyone = list(
        PersonEvaluation.objects.filter(work_year=year).select_related("person", "unit")
    )
    context = YearContext.load(year)
    facts = [facts_for(e, context) for e in everyone]
    found = classify_people(facts, on=year.ends_on, options=options_for(year))
    return {e.person_id: level for e, level in zip(everyone, found, strict=True)}


def outside_decree(level: Result) -> bool:
    return any(r.code == "evaluation.regime.not_covered" for r in level.reasons)


def proposal_for(ctx: LoadContext, row: PersonRow, level: Result) -> str:
    """The unit head's proposal: the file's, else the law's level (or the file's lower rating);
    for people outside the decrees, the file's rating (decided under the agency's rules)."""
    if row.proposed:
        return row.proposed
    law = level.outcome
    if law is None:
        if outside_decree(level) and row.rating not in RATINGS:
            note(ctx, f"{row.path}.rating", "cần mức xếp loại: người này xếp loại theo quy chế")
        return row.rating if outside_decree(level) and row.rating in RATINGS else ""
    law = Rating(law)
    if not row.rating:
        return law.value
    if row.rating in RATINGS and lower_of(Rating(row.rating), law) == Rating(row.rating):
        return row.rating
    note(ctx, f"{row.path}.rating", mismatch(law.value, level.reasons))
    return law.value


def mismatch(got: str, reasons: Any) -> str:
    label = RATING_LABELS[Rating(got)] if got in RATINGS else "Không xếp loại"
    why = "; ".join((r["text"] if isinstance(r, dict) else r.text) for r in list(reasons)[-2:])
    return f"theo quy định chỉ được xếp «{label}» ({why})"


def check_outcomes(ctx: LoadContext, year: WorkYear, rows: list[PersonRow]) -> None:
    """The law may lower a proposal (discipline, leave, the head's unit): the file must say so.
    Every row that differs is reported."""
    found = {e.person_id: e for e in PersonEvaluation.objects.filter(work_year=year)}
    for row in rows:
        e = found[row.person.pk]
        got = e.rating or NOT_CLASSIFIED
        if e.stage == Stage.APPROVED and row.rating and got != row.rating:
            note(ctx, f"{row.path}.rating", mismatch(got, e.reasons))


# --- Dump ---------------------------------------------------------------------------------------------


def dump_evaluation(ctx: DumpContext) -> dict[str, Any] | None:
    year = ctx.work_year
    assert year is not None
    data: dict[str, Any] = {}
    absences = (
        year_absences(year)
        .select_related("person")
        .order_by("person__staff_code", "starts_on", "pk")
    )
    if absences:
        data["absences"] = [
            clean(
                {
                    "person": a.person.staff_code,
                    "kind": a.kind,
                    "starts_on": a.starts_on.isoformat(),
                    "ends_on": a.ends_on.isoformat(),
                    "note": a.note,
                }
            )
            for a in absences
        ]
    disciplines = (
        year_disciplines(year)
        .select_related("person")
        .order_by("person__staff_code", "decided_on", "pk")
    )
    if disciplines:
        data["disciplines"] = [
            clean(
                {
                    "person": d.person.staff_code,
                    "level": d.level,
                    "ground": d.ground,
                    "decided_on": d.decided_on.isoformat(),
                    "number": d.decision_number,
                    "counted_elsewhere": d.counted_elsewhere or None,
                }
            )
            for d in disciplines
        ]
    units = (
        UnitEvaluation.objects.filter(work_year=year)
        .select_related("unit")
        .order_by("unit__position", "unit__code")
    )
    if units:
        data["units"] = [dump_unit(u) for u in units]
    people = list(
        PersonEvaluation.objects.filter(work_year=year, stage=Stage.APPROVED)
        .select_related("person")
        .order_by("person__staff_code")
    )
    if people:
        dates = {e.decided_on for e in people}
        if dates != {year.ends_on} and len(dates) == 1:
            data["decided_on"] = dates.pop().isoformat()  # type: ignore[union-attr]
        data["people"] = [dump_person(e) for e in people]
    return data or None


def clean(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v not in (None, "")}


def dump_unit(u: UnitEvaluation) -> dict[str, Any]:
    return clean(
        {
            "unit": u.unit.code,
            "proposed": u.proposed_rating,
            "score": number(u.score),
            "text": u.self_text,
            "rating": u.rating,
            "issuer": u.issuer,
            "number": u.decision_number,
            "decided_on": u.decided_on.isoformat() if u.decided_on else None,
        }
    )


def dump_person(e: PersonEvaluation) -> dict[str, Any]:
    rating = e.rating or NOT_CLASSIFIED
    tasks = {
        "assigned": e.tasks_assigned,
        "on_time": e.tasks_on_time,
        "exceeded": e.tasks_exceeded,
        "short": e.tasks_short,
    }
    return clean(
        {
            "person": e.person.staff_code,
            "rating": rating,
            "self_rating": e.self_rating
            if e.self_rating != (e.rating or Rating.DONE.value)
            else None,
            "proposed": e.proposed_rating if e.proposed_rating != e.rating else None,
            "score": number(e.score),
            "general_criteria": e.general_criteria
            if e.general_criteria != GeneralCriteria.GOOD.value
            else None,
            "tasks": {k: v for k, v in tasks.items() if v} or None,
            "task_group": e.task_group,
            "text": e.self_text if e.self_text != DEFAULT_TEXT else None,
        }
    )
