"""Every change to evaluations: one transaction, one audit entry, coded domain errors."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from hoinghi.actors import Actor
from hoinghi.audit.services import record
from hoinghi.evaluation import decisions
from hoinghi.evaluation.facts import YearContext, facts_for, options_for
from hoinghi.evaluation.models import (
    Absence,
    Discipline,
    PersonEvaluation,
    Stage,
    UnitEvaluation,
    UnitMeeting,
)
from hoinghi.law import options as law_options
from hoinghi.law.citations import cite
from hoinghi.law.evaluation import (
    EvaluationRegime,
    ExcellentShareFacts,
    GeneralCriteria,
    PartyShareBound,
    PersonEvaluationFacts,
    Rating,
    RegimeFacts,
    UnitCapFacts,
    caps_for_people,
    check_excellent_share,
    check_unit_excellent_cap,
    classify_people,
    select_regime,
)
from hoinghi.law.evaluation.parameters import D48_FROM, D90_TRANSITION_END, D233_FROM
from hoinghi.law.evaluation.vocabulary import DisciplineGround, DisciplineLevel, LeaveKind, lower_of
from hoinghi.law.instruments import D48
from hoinghi.law.results import Basis, Reason, Result
from hoinghi.org.models import AgencyKind, Person, Unit, WorkYear
from hoinghi.org.selectors import unit_on
from hoinghi.refusals import Refusal, ensure_year_open
from hoinghi.vietnamese import nfc


class EvaluationError(Refusal):
    """A refused step, with a stable code, a Vietnamese message and the law's reasons."""

    def __init__(
        self,
        code: str,
        message: str,
        reasons: tuple[Reason, ...] = (),
        values: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(code, message)
        self.reasons = reasons
        self.values = values or {}

    @property
    def lines(self) -> list[str]:
        return [r.text for r in self.reasons] or [self.message]


def _actor(actor: Actor) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


def _check_open(work_year: WorkYear) -> None:
    ensure_year_open(work_year, EvaluationError, "evaluation.year_closed", "không xếp loại lại")


# --- Leave and discipline ---------------------------------------------------------------------


def record_absence(
    person: Person,
    *,
    kind: str,
    starts_on: date,
    ends_on: date,
    note: str = "",
    actor: Actor = None,
) -> Absence:
    """Leave of a person (thai sản, ốm đau…), read by the time rules of every year it overlaps."""
    if kind not in {k.value for k in LeaveKind}:
        raise EvaluationError("evaluation.bad_leave_kind", "Loại nghỉ không hợp lệ.")
    if ends_on < starts_on:
        raise EvaluationError(
            "evaluation.absence_order", "Ngày kết thúc nghỉ phải sau ngày bắt đầu."
        )
    with transaction.atomic():
        overlap = (
            Absence.objects.select_for_update()
            .filter(person=person, starts_on__lte=ends_on, ends_on__gte=starts_on)
            .first()
        )
        if overlap is not None:
            raise EvaluationError(
                "evaluation.absence_overlap",
                f"{person.full_name} đã có {overlap} trùng thời gian với lần nghỉ này.",
            )
        absence = Absence.objects.create(
            person=person, kind=kind, starts_on=starts_on, ends_on=ends_on, note=nfc(note)
        )
        record(
            "evaluation.record_absence",
            actor=actor,
            target=person,
            agency_code=person.agency.code,
            data={"kind": kind, "from": starts_on.isoformat(), "to": ends_on.isoformat()},
        )
    return absence


def record_discipline(
    person: Person,
    *,
    level: str,
    ground: str,
    decided_on: date,
    decision_number: str = "",
    counted_elsewhere: bool = False,
    actor: Actor = None,
) -> Discipline:
    """A disciplinary decision; counted in the year it was decided (unless counted elsewhere)."""
    if level not in {k.value for k in DisciplineLevel}:
        raise EvaluationError("evaluation.bad_discipline_level", "Hình thức kỷ luật không hợp lệ.")
    if ground not in {k.value for k in DisciplineGround}:
        raise EvaluationError("evaluation.bad_discipline_ground", "Lý do kỷ luật không hợp lệ.")
    with transaction.atomic():
        discipline = Discipline.objects.create(
            person=person,
            level=level,
            ground=ground,
            decided_on=decided_on,
            decision_number=nfc(decision_number).strip(),
            counted_elsewhere=counted_elsewhere,
        )
        record(
            "evaluation.record_discipline",
            actor=actor,
            target=person,
            agency_code=person.agency.code,
            data={
                "level": level,
                "ground": ground,
                "on": decided_on.isoformat(),
                "number": discipline.decision_number,
            },
        )
    return discipline


# --- A person's steps --------------------------------------------------------------------------


@dataclass(frozen=True)
class SelfAssessment:
    text: str
    self_rating: str
    score: Decimal | None = None
    components: dict[str, Any] = field(default_factory=dict)
    general_criteria: str = GeneralCriteria.MET
    tasks_assigned: int = 0
    tasks_on_time: int = 0
    tasks_exceeded: int = 0
    tasks_short: int = 0
    task_group: str = ""


def regime_for(person: Person, work_year: WorkYear) -> str:
    from hoinghi.evaluation.facts import StaffCategory

    facts = RegimeFacts(
        StaffCategory(person.category),
        work_year.year,
        work_year.agency.kind == AgencyKind.PUBLIC_SERVICE,
    )
    return select_regime(facts, options_for(work_year))[0].value


def submit_self_assessment(
    person: Person, work_year: WorkYear, data: SelfAssessment, *, actor: Actor = None
) -> PersonEvaluation:
    """The person's own assessment (D90 form 03; D233 Annex II). Resubmitting replaces it
    until the unit head has proposed a level."""
    _check_open(work_year)
    text = nfc(data.text).strip()
    if not text:
        raise EvaluationError("evaluation.no_text", "Bản tự đánh giá không được để trống.")
    if data.self_rating not in {r.value for r in Rating}:
        raise EvaluationError("evaluation.bad_rating", "Mức tự xếp loại không hợp lệ.")
    if data.score is not None and not Decimal(0) <= data.score <= Decimal(100):
        raise EvaluationError("evaluation.bad_score", "Điểm tự chấm phải từ 0 đến 100.")
    unit = unit_on(person, work_year.ends_on) or unit_on(person, work_year.starts_on)
    if unit is None:
        raise EvaluationError(
            "evaluation.no_unit", f"«{person}» chưa có đơn vị công tác trong năm."
        )
    with transaction.atomic():
        evaluation = (
            PersonEvaluation.objects.select_for_update()
            .filter(work_year=work_year, person=person)
            .first()
        )
        if evaluation is not None and evaluation.stage in (Stage.PROPOSED, Stage.APPROVED):
            raise EvaluationError(
                "evaluation.already_proposed",
                "Trưởng đơn vị đã đề xuất mức xếp loại: không sửa bản tự đánh giá.",
            )
        evaluation = evaluation or PersonEvaluation(work_year=work_year, person=person)
        evaluation.unit = unit
        evaluation.regime = regime_for(person, work_year)
        evaluation.self_text = text
        evaluation.self_rating = data.self_rating
        evaluation.score = data.score
        evaluation.score_components = data.components
        evaluation.general_criteria = data.general_criteria
        evaluation.tasks_assigned, evaluation.tasks_on_time = (
            data.tasks_assigned,
            data.tasks_on_time,
        )
        evaluation.tasks_exceeded, evaluation.tasks_short = data.tasks_exceeded, data.tasks_short
        evaluation.task_group = nfc(data.task_group)
        evaluation.stage = evaluation.stage if evaluation.pk else Stage.SELF
        evaluation.save()
        record(
            "evaluation.self_assess",
            actor=actor,
            target=evaluation,
            agency_code=work_year.agency.code,
            data={
                "person": person.pk,
                "self_rating": data.self_rating,
                "score": str(data.score) if data.score is not None else None,
            },
        )
    return evaluation


def record_unit_meeting(
    unit: Unit,
    work_year: WorkYear,
    *,
    held_on: date,
    present: int,
    convened: int,
    summary: str,
    opinions: dict[int, str] | None = None,
    actor: Actor = None,
) -> UnitMeeting:
    """The unit's meeting and the opinions on each person, minuted (D233 Art 15.2.b)."""
    _check_open(work_year)
    if convened <= 0 or not 0 <= present <= convened:
        raise EvaluationError(
            "evaluation.bad_attendance", "Số người dự họp phải từ 0 đến số người được triệu tập."
        )
    if not nfc(summary).strip():
        raise EvaluationError(
            "evaluation.no_minutes", "Xin ghi tóm tắt ý kiến, kết quả biểu quyết."
        )
    with transaction.atomic():
        meeting, _ = UnitMeeting.objects.update_or_create(
            work_year=work_year,
            unit=unit,
            defaults={
                "held_on": held_on,
                "present": present,
                "convened": convened,
                "summary": nfc(summary),
                "recorded_by": _actor(actor),
            },
        )
        rows = PersonEvaluation.objects.filter(
            work_year=work_year, unit=unit, stage__in=[Stage.SELF, Stage.MEETING]
        )
        for evaluation in rows:
            evaluation.meeting = meeting
            evaluation.meeting_opinion = nfc(
                (opinions or {}).get(evaluation.person_id, evaluation.meeting_opinion)
            )
            evaluation.stage = Stage.MEETING
            evaluation.save(update_fields=["meeting", "meeting_opinion", "stage", "updated_at"])
        record(
            "evaluation.record_meeting",
            actor=actor,
            target=meeting,
            agency_code=work_year.agency.code,
            data={"unit": unit.code, "present": present, "convened": convened},
        )
    return meeting


def propose_rating(
    evaluation: PersonEvaluation, *, rating: str, note: str = "", actor: Actor = None
) -> PersonEvaluation:
    """The unit head's (or a leader's) proposed level for one person."""
    _check_open(evaluation.work_year)
    if evaluation.stage == Stage.APPROVED:
        raise EvaluationError(
            "evaluation.already_decided", "Đã có quyết định xếp loại: không đề xuất lại."
        )
    if rating not in {r.value for r in Rating}:
        raise EvaluationError("evaluation.bad_rating", "Mức đề xuất không hợp lệ.")
    with transaction.atomic():
        evaluation.proposed_rating = rating
        evaluation.proposal_note = nfc(note)
        evaluation.proposed_by = _actor(actor)
        evaluation.stage = Stage.PROPOSED
        evaluation.save(
            update_fields=["proposed_rating", "proposal_note", "proposed_by", "stage", "updated_at"]
        )
        record(
            "evaluation.propose",
            actor=actor,
            target=evaluation,
            agency_code=evaluation.work_year.agency.code,
            data={"person": evaluation.person_id, "rating": rating},
        )
    return evaluation


# --- The leader's decision on a unit's list -----------------------------------------------------


@dataclass(frozen=True)
class ListCheck:
    """The law's reading of a unit's proposed list: levels, caps, and how many more."""

    evaluations: list[PersonEvaluation]
    levels: list[Result]
    finals: list[Rating | None]
    caps: list[Result]
    facts: list[PersonEvaluationFacts] = field(default_factory=list)
    share: Result | None = None  # D90 + D48 (Q4): excellent share ≤ that of Party members

    @property
    def checks(self) -> list[Result]:
        return [*self.caps, *([self.share] if self.share is not None else [])]

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)

    @property
    def remaining(self) -> int | None:
        """How many more may still be rated excellent (None: no cap applies)."""
        found = [
            int(c.values["remaining"]) for c in self.checks if c.values.get("remaining") is not None
        ]
        return min(found, default=None)

    @property
    def refusal_reasons(self) -> tuple[Reason, ...]:
        return tuple(
            r for c in self.checks if not c.ok for r in c.reasons if r.code.endswith(".over")
        )


def check_unit_list(
    unit: Unit, work_year: WorkYear, *, options: law_options.EvaluationOptions | None = None
) -> ListCheck:
    """Classify every proposed person of the unit and check the caps on the proposal.

    The caps count the whole agency (D335, D90: "trong cùng cơ quan"; D233: the public service
    unit itself) and each group with similar tasks, not the department: the other departments'
    people count at their decided level, or their proposal lowered by the law while undecided.
    """
    everyone = list(
        PersonEvaluation.objects.filter(work_year=work_year)
        .select_related("person", "unit")
        .order_by("person__sort_key")
    )
    opts = options or options_for(work_year)
    ctx = YearContext.load(work_year)
    all_facts = [facts_for(e, ctx) for e in everyone]
    on = work_year.ends_on
    all_levels = [
        by_agency_rules(e, level)
        for e, level in zip(everyone, classify_people(all_facts, on=on, options=opts), strict=True)
    ]
    all_finals = [counted_level(e, level) for e, level in zip(everyone, all_levels, strict=True)]
    counted = [
        Result(r.rule, r.rule_version, on, final, r.values, r.reasons)
        for r, final in zip(all_levels, all_finals, strict=True)
    ]
    caps = caps_for_people(all_facts, counted, on=on, options=opts)
    share = party_share_check(everyone, all_levels, all_finals, on=on, options=opts)
    mine = [i for i, e in enumerate(everyone) if e.unit_id == unit.pk and e.stage != Stage.APPROVED]
    return ListCheck(
        [everyone[i] for i in mine],
        [all_levels[i] for i in mine],
        [all_finals[i] for i in mine],
        caps,
        [all_facts[i] for i in mine],
        share,
    )


def counted_level(evaluation: PersonEvaluation, level: Result) -> Rating | None:
    """The level a person counts at in the caps: the decision once approved, else the proposal
    lowered where the law caps it."""
    if evaluation.stage == Stage.APPROVED:
        return Rating(evaluation.rating) if evaluation.rating else None
    proposed = Rating(evaluation.proposed_rating) if evaluation.proposed_rating else None
    law_level = level.outcome
    return None if law_level is None or proposed is None else lower_of(proposed, law_level)


AGENCY_RULES = Reason(
    "evaluation.agency_rules",
    "Người không thuộc đối tượng của nghị định được đánh giá, xếp loại theo quy chế của cơ quan: mức do người "
    "có thẩm quyền quyết định trên cơ sở đề xuất",
    None,
    {},
    Basis.AGENCY,
)


def by_agency_rules(evaluation: PersonEvaluation, level: Result) -> Result:
    """Workers and contract staff are outside the decree: their level is the proposal, decided
    under the agency's regulation (quy chế), recorded as such."""
    outside = any(r.code == "evaluation.regime.not_covered" for r in level.reasons)
    if level.outcome is not None or not outside or not evaluation.proposed_rating:
        return level
    return replace(
        level, outcome=Rating(evaluation.proposed_rating), reasons=(*level.reasons, AGENCY_RULES)
    )


PARTY_PROXY = Reason(
    "evaluation.share.party_from_list",
    "Tỷ lệ của đảng viên tính theo mức xếp loại cán bộ, công chức, viên chức của các đảng viên trong "
    "cùng danh sách (chưa có kết quả xếp loại đảng viên của tổ chức đảng)",
    cite(D48, 1),
    {},
    Basis.UNVERIFIED,
)


def party_share_check(
    evaluations: list[PersonEvaluation],
    levels: list[Result],
    finals: list[Rating | None],
    *,
    on: date,
    options: law_options.EvaluationOptions,
) -> Result | None:
    """Q4 in D90 years (D48), over the agency's list: the excellent share may not exceed the
    Party members' share, read (agency option) as the Party's cap for its members or as the
    share among the list's Party members (``Person.party_member``)."""
    if not D48_FROM <= on <= D90_TRANSITION_END:
        return None
    rows = [
        (e.person.party_member, final)
        for e, level, final in zip(evaluations, levels, finals, strict=True)
        if level.values.get("regime") is EvaluationRegime.D90 and final is not None
    ]
    if not rows:
        return None
    party = [final for member, final in rows if member]
    facts = ExcellentShareFacts(
        excellent=sum(1 for _, final in rows if final is Rating.EXCELLENT),
        classified=len(rows),
        party_excellent=sum(1 for final in party if final is Rating.EXCELLENT),
        party_classified=len(party),
        good=sum(1 for _, final in rows if final is Rating.GOOD),
    )
    result = check_excellent_share(facts, on=on, options=options)
    if options.party_share_bound is not PartyShareBound.OBSERVED_SHARE:
        return result
    return replace(result, reasons=(*result.reasons, PARTY_PROXY))


def approve_unit_classifications(
    *,
    unit: Unit,
    work_year: WorkYear,
    approved_by: Actor,
    on: date | None = None,
    options: law_options.EvaluationOptions | None = None,
) -> list[PersonEvaluation]:
    """The competent leader's decision on the unit's list (docs/architecture.md).

    Each level is the proposal, lowered where the law caps it (discipline, head ≤ unit, long
    absence); a person the law does not classify (under six months) is recorded as such. A
    list over the excellent cap (or, in D90 years, over the Party members' share) is refused
    with the numbers and the citation; nothing is saved. The rows are written through
    :func:`hoinghi.evaluation.decisions.write_decisions`, the same path as a year-end batch.
    """
    _check_open(work_year)
    with transaction.atomic():
        check = check_unit_list(unit, work_year, options=options)
        if not check.evaluations:
            raise EvaluationError(
                "evaluation.nothing_to_approve", "Đơn vị chưa có ai cần xếp loại."
            )
        missing = [
            str(e.person)
            for e, f in zip(check.evaluations, check.levels, strict=True)
            if not e.proposed_rating and f.outcome is not None
        ]
        if missing:
            raise EvaluationError(
                "evaluation.unproposed",
                "Chưa có đề xuất mức xếp loại cho: " + ", ".join(missing) + ".",
            )
        if not check.ok:
            raise EvaluationError(
                "evaluation.over_cap",
                "Danh sách vượt tỷ lệ Hoàn thành xuất sắc nhiệm vụ.",
                check.refusal_reasons,
                {"caps": [c.to_dict() for c in check.checks]},
            )
        decided_on = on or timezone.localdate()
        serialiser = decisions.Serialiser()
        shared = decisions.checks_json(check.checks)
        rows = [
            serialiser.decided(e.pk, level, final, facts, shared)
            for e, level, final, facts in zip(
                check.evaluations, check.levels, check.finals, check.facts, strict=True
            )
        ]
        actor = _actor(approved_by)
        decisions.write_decisions(
            rows, decided_by_id=actor.pk if actor else None, decided_on=decided_on
        )
        record(
            "evaluation.approve",
            actor=approved_by,
            target=unit,
            agency_code=work_year.agency.code,
            data={
                "work_year": work_year.year,
                "unit": unit.code,
                "ratings": {
                    str(e.person_id): r.rating or None
                    for e, r in zip(check.evaluations, rows, strict=True)
                },
            },
        )
    return list(
        PersonEvaluation.objects.filter(pk__in=[e.pk for e in check.evaluations])
        .select_related("person")
        .order_by("person__sort_key")
    )


# --- Units (collectives) -------------------------------------------------------------------------


def propose_unit_rating(
    unit: Unit,
    work_year: WorkYear,
    *,
    rating: str,
    score: Decimal | None = None,
    text: str = "",
    actor: Actor = None,
) -> UnitEvaluation:
    _check_open(work_year)
    if rating not in {r.value for r in Rating}:
        raise EvaluationError("evaluation.bad_rating", "Mức đề nghị không hợp lệ.")
    with transaction.atomic():
        unit_eval, _ = UnitEvaluation.objects.update_or_create(
            work_year=work_year,
            unit=unit,
            defaults={"proposed_rating": rating, "score": score, "self_text": nfc(text)},
        )
        record(
            "evaluation.propose_unit",
            actor=actor,
            target=unit_eval,
            agency_code=work_year.agency.code,
            data={"unit": unit.code, "rating": rating},
        )
    return unit_eval


def decide_unit_ratings(
    work_year: WorkYear,
    ratings: dict[Unit, str],
    *,
    issuer: str,
    decision_number: str,
    decided_on: date,
    actor: Actor = None,
    options: law_options.EvaluationOptions | None = None,
) -> list[UnitEvaluation]:
    """Record the decision on the units' levels: by the leader, or for Party bodies by the
    superior body ("Ban Thường vụ Huyện ủy") with its number and date.

    Public service units from 01/07/2026 are held to the unit cap (D233 Art 7.7).
    """
    _check_open(work_year)
    if not nfc(issuer).strip():
        raise EvaluationError("evaluation.no_issuer", "Xin ghi cơ quan, người quyết định.")
    if not ratings:
        raise EvaluationError(
            "evaluation.no_unit_rating", "Chọn mức xếp loại cho ít nhất một đơn vị."
        )
    if work_year.agency.kind == AgencyKind.PARTY and not nfc(decision_number).strip():
        raise EvaluationError(
            "evaluation.no_decision_number",
            "Cơ quan Đảng: xin ghi số quyết định của cấp ủy cấp trên.",
        )
    foreign = [str(u) for u in ratings if u.agency_id != work_year.agency_id]
    if foreign:
        raise EvaluationError(
            "evaluation.foreign_unit", "Đơn vị không thuộc cơ quan: " + ", ".join(foreign) + "."
        )
    values = {u: Rating(r) for u, r in ratings.items()}
    cap = unit_cap(work_year, values, options)
    if cap is not None and not cap.ok:
        raise EvaluationError(
            "evaluation.units_over_cap",
            "Số đơn vị Hoàn thành xuất sắc nhiệm vụ vượt tỷ lệ.",
            tuple(r for r in cap.reasons if ".over" in r.code or ".small" in r.code),
            {"cap": cap.to_dict()},
        )
    saved: list[UnitEvaluation] = []
    with transaction.atomic():
        for unit, rating in values.items():
            unit_eval, _ = UnitEvaluation.objects.get_or_create(work_year=work_year, unit=unit)
            unit_eval.rating, unit_eval.issuer = rating.value, nfc(issuer)
            unit_eval.decision_number, unit_eval.decided_on = nfc(decision_number), decided_on
            unit_eval.decided_by = _actor(actor)
            unit_eval.rule_code = cap.rule if cap else "evaluation.unit_decision"
            unit_eval.rule_version = cap.rule_version if cap else ""
            unit_eval.citations = [c.render() for c in cap.citations] if cap else []
            unit_eval.reasons = [r.to_dict() for r in cap.reasons] if cap else []
            unit_eval.facts = {
                "ratings": {u.code: r.value for u, r in values.items()},
                "cap": cap.to_dict() if cap else None,
            }
            unit_eval.save()
            saved.append(unit_eval)
        record(
            "evaluation.decide_units",
            actor=actor,
            agency_code=work_year.agency.code,
            data={
                "work_year": work_year.year,
                "issuer": issuer,
                "number": decision_number,
                "ratings": {u.code: r.value for u, r in values.items()},
            },
        )
    return saved


def unit_cap(
    work_year: WorkYear,
    values: dict[Unit, Rating],
    options: law_options.EvaluationOptions | None = None,
) -> Result | None:
    """D233 Art 7.7 on the units' levels (public service units from 01/07/2026), else None."""
    on = work_year.ends_on
    if work_year.agency.kind != AgencyKind.PUBLIC_SERVICE or on < D233_FROM:
        return None
    facts = UnitCapFacts(
        subordinate_units=Unit.objects.filter(agency=work_year.agency, parent__isnull=True).count(),
        good_units=sum(1 for r in values.values() if r is Rating.GOOD),
        excellent_units=sum(1 for r in values.values() if r is Rating.EXCELLENT),
    )
    return check_unit_excellent_cap(facts, on=on, options=options or options_for(work_year))
