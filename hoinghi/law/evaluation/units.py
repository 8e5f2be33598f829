"""Units and heads: unit levels (Q7, Q8), head ≤ unit (Q6), Party levels (P1)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Any

from hoinghi.law import options as law_options
from hoinghi.law.citations import Citation, Confidence, cite
from hoinghi.law.evaluation.explain import make_result, reason
from hoinghi.law.evaluation.parameters import (
    D233_FROM,
    D233_UNIT_BANDS,
    D233_UNIT_EXCEEDED_SHARE,
    D233_UNIT_LATE_SHARE,
    D233_UNIT_MIN_DONE_SHARE,
    QD366_BANDS,
    QD366_EXCEEDED_SHARE,
    QD366_FROM,
    QD366_LATE_SHARE,
)
from hoinghi.law.evaluation.scored import band_of, band_reasons, score_parts
from hoinghi.law.evaluation.vocabulary import RATING_LABELS, Rating
from hoinghi.law.instruments import D233, QD366
from hoinghi.law.registry import rule
from hoinghi.law.results import Basis, Reason, Result

X, G, D, N = Rating.EXCELLENT, Rating.GOOD, Rating.DONE, Rating.NOT_DONE


@dataclass(frozen=True, slots=True)
class UnitEvaluationFacts:
    """A public service unit's year (D233 Art 7); task counts as in docs/domain/evaluation.md §3.11."""

    unit_id: str
    score: Fraction
    tasks_assigned: int
    tasks_completed: int
    tasks_on_time: int  # on time with quality
    tasks_exceeded: int = 0
    tasks_late: int = 0
    component_unit_not_done: bool = False  # a component unit rated KHTNV
    prior_findings_fixed: bool = True  # shortcomings from last evaluation and inspections fixed
    personnel_violation: bool = False  # violations in personnel work, disunity, factionalism…
    force_majeure: bool = False  # tasks unfinished for force majeure (Art 7.4 "may consider")


def _share(part: int, whole: int, share: Fraction) -> bool:
    return part * share.denominator >= share.numerator * whole


def _failed(code: str, level: Rating, text: str, citation: Citation, **params: Any) -> Reason:
    return reason(
        f"evaluation.unit.{code}",
        "Chưa đạt mức {level}: " + text,
        citation,
        level=RATING_LABELS[level],
        **params,
    )


@rule(
    code="evaluation.unit_level",
    version="D233",
    title="Xếp loại chất lượng đơn vị sự nghiệp công lập",
    cites=(cite(D233, 7),),
    valid_from=D233_FROM,
    facts=UnitEvaluationFacts,
)
def decide_unit_level(
    facts: UnitEvaluationFacts, *, on: date, options: law_options.EvaluationOptions | None = None
) -> Result:
    """Q7, Q8: the unit's level from its score and conditions (D233 Art 7).

    When the score falls in a band whose other conditions fail, the competent level decides a
    suitable level (Art 7.5): the outcome is the highest lower level whose conditions hold,
    or None, and ``values["competent_level_decides"]`` is True.
    """
    bands = D233_UNIT_BANDS.at(on)
    n, d = score_parts(facts.score)
    band = band_of(n, d, bands.value)
    reasons: list[Reason] = [
        band_reasons("evaluation.unit.band", bands.value, bands.citation)[band]
    ]
    values: dict[str, object] = {"band": band, "competent_level_decides": False}
    not_done, force_majeure = _not_done_reasons(facts, on)
    if force_majeure is not None:
        reasons.append(force_majeure)
        values["competent_level_decides"] = True
    if band is N or not_done:
        return make_result("evaluation.unit_level", "D233", on, N, (*reasons, *not_done), values)
    checks = _level_conditions(facts, on)
    outcome: Rating | None = None
    for level in (X, G, D):
        if level.rank > band.rank:
            continue
        if not checks[level]:
            outcome = level
            break
        reasons.extend(checks[level])
    if outcome is not band:
        values["competent_level_decides"] = True
        reasons.append(
            reason(
                "evaluation.unit.competent_decides",
                "Điểm thuộc khung nhưng không đủ điều kiện của mức tương ứng: "
                "cấp có thẩm quyền quyết "
                "định mức xếp loại phù hợp",
                cite(D233, 7, 5),
            )
        )
    return make_result("evaluation.unit_level", "D233", on, outcome, tuple(reasons), values)


def _not_done_reasons(facts: UnitEvaluationFacts, on: date) -> tuple[list[Reason], Reason | None]:
    """D233 Art 7.4: what makes a unit Không hoàn thành nhiệm vụ whatever its score, and the
    force majeure that leaves the level to the competent body instead."""
    min_done = D233_UNIT_MIN_DONE_SHARE.value(on)
    not_done: list[Reason] = []
    if facts.personnel_violation:
        not_done.append(
            reason(
                "evaluation.unit.personnel_violation",
                "Có kết luận vi phạm trong công tác cán bộ, mất đoàn kết, cục bộ, bè phái: "
                "Không hoàn "
                "thành nhiệm vụ",
                cite(D233, 7, 4),
            )
        )
    if _share(facts.tasks_completed, facts.tasks_assigned, min_done):
        return not_done, None
    if facts.force_majeure:
        return not_done, reason(
            "evaluation.unit.force_majeure",
            "Hoàn thành dưới {share}% nhiệm vụ do nguyên nhân bất khả kháng: "
            "cấp có thẩm quyền"
            " xem xét",
            cite(D233, 7, 4),
            share=min_done * 100,
        )
    not_done.append(
        reason(
            "evaluation.unit.tasks_below",
            "Hoàn thành dưới {share}% nhiệm vụ trong chương trình công tác năm: Không hoàn "
            "thành nhiệm vụ",
            cite(D233, 7, 4),
            share=min_done * 100,
        )
    )
    return not_done, None


def _level_conditions(facts: UnitEvaluationFacts, on: date) -> dict[Rating, list[Reason]]:
    """D233 Art 7.1–7.3: the conditions of each level beyond the score, each failed one with
    its reason (excellent: all on time, its share exceeded, no component unit not done,
    findings fixed; good: all on time; done: all completed, at most its share late)."""
    a = facts.tasks_assigned
    exceeded = D233_UNIT_EXCEEDED_SHARE.value(on)
    late = D233_UNIT_LATE_SHARE.value(on)
    checks: dict[Rating, list[Reason]] = {X: [], G: [], D: []}
    if facts.tasks_on_time < a:
        for level in (X, G):
            checks[level].append(
                _failed(
                    "not_all_on_time",
                    level,
                    "chưa hoàn thành 100% nhiệm vụ đúng tiến độ, bảo đảm chất lượng",
                    cite(D233, 7, 1 if level is X else 2),
                )
            )
    if not _share(facts.tasks_exceeded, a, exceeded):
        checks[X].append(
            _failed(
                "exceeded",
                X,
                "dưới {share}% nhiệm vụ vượt mức",
                cite(D233, 7, 1),
                share=exceeded * 100,
            )
        )
    if facts.component_unit_not_done:
        checks[X].append(
            _failed(
                "component_not_done",
                X,
                "có đơn vị cấu thành Không hoàn thành nhiệm vụ",
                cite(D233, 7, 1),
            )
        )
    if not facts.prior_findings_fixed:
        checks[X].append(
            _failed("findings", X, "chưa khắc phục xong hạn chế, khuyết điểm", cite(D233, 7, 1))
        )
    if facts.tasks_completed < a:
        checks[D].append(
            _failed("not_all_completed", D, "chưa hoàn thành 100% nhiệm vụ", cite(D233, 7, 3))
        )
    if facts.tasks_late * late.denominator > late.numerator * a:
        checks[D].append(
            _failed(
                "late", D, "quá {share}% nhiệm vụ chậm tiến độ", cite(D233, 7, 3), share=late * 100
            )
        )
    return checks


@dataclass(frozen=True, slots=True)
class HeadFacts:
    head_rating: Rating  # the level the head would get on their own results
    unit_rating: Rating  # the unit's level


@rule(
    code="evaluation.head_level",
    version="D233",
    title="Mức xếp loại người đứng đầu không cao hơn mức của đơn vị",
    cites=(cite(D233, 12, 7),),
    valid_from=D233_FROM,
    facts=HeadFacts,
)
def decide_head_level(
    facts: HeadFacts, *, on: date, options: law_options.EvaluationOptions | None = None
) -> Result:
    """Q6: the head's level is at most the unit's level (D233 Art 12.7)."""
    if facts.head_rating.rank <= facts.unit_rating.rank:
        why = reason(
            "evaluation.head.within",
            "Mức xếp loại của người đứng đầu ({head}) không cao hơn mức của đơn vị ({unit})",
            cite(D233, 12, 7),
            head=RATING_LABELS[facts.head_rating],
            unit=RATING_LABELS[facts.unit_rating],
        )
        return make_result("evaluation.head_level", "D233", on, facts.head_rating, (why,))
    why = reason(
        "evaluation.d233.head_not_above_unit",
        "Người đứng đầu không được xếp loại cao hơn mức xếp loại của đơn vị: {level}",
        cite(D233, 12, 7),
        level=RATING_LABELS[facts.unit_rating],
    )
    return make_result("evaluation.head_level", "D233", on, facts.unit_rating, (why,))


@dataclass(frozen=True, slots=True)
class PartyLevelFacts:
    """A Party member's or Party collective's year under QĐ366 Art 11 (P1)."""

    score: Fraction
    tasks_assigned: int
    tasks_completed: int
    tasks_on_time: int
    tasks_exceeded: int = 0
    tasks_late: int = 0
    is_collective: bool = False
    collective_member_disciplined: bool = False  # a sub-unit or leadership member disciplined
    shortcomings_fixed: bool = True


@rule(
    code="evaluation.party_level",
    version="QD366",
    title="Xếp loại chất lượng đảng viên, tổ chức đảng theo Quy định 366",
    cites=(cite(QD366, 11),),
    valid_from=QD366_FROM,
    facts=PartyLevelFacts,
    confidence=Confidence.SECONDARY,
)
def decide_party_level(
    facts: PartyLevelFacts, *, on: date, options: law_options.EvaluationOptions | None = None
) -> Result:
    """P1: score bands with task conditions; below them the KHTNV detail is [U]."""
    bands = QD366_BANDS.at(on)
    c = bands.citation
    n, d = score_parts(facts.score)
    band = band_of(n, d, bands.value)
    a = facts.tasks_assigned
    exceeded, late = QD366_EXCEEDED_SHARE.value(on), QD366_LATE_SHARE.value(on)
    conditions = {
        X: [
            (facts.tasks_on_time >= a, "chưa hoàn thành 100% nhiệm vụ đúng tiến độ"),
            (_share(facts.tasks_exceeded, a, exceeded), "dưới 30% nhiệm vụ vượt mức"),
            (facts.shortcomings_fixed, "chưa khắc phục 100% hạn chế, khuyết điểm"),
            (
                not (facts.is_collective and facts.collective_member_disciplined),
                "có tổ chức trực thuộc hoặc thành viên tập thể lãnh đạo bị kỷ luật",
            ),
        ],
        G: [(facts.tasks_on_time >= a, "chưa hoàn thành 100% nhiệm vụ đúng tiến độ")],
        D: [
            (facts.tasks_completed >= a, "chưa hoàn thành 100% nhiệm vụ"),
            (
                facts.tasks_late * late.denominator <= late.numerator * a,
                "quá 20% nhiệm vụ chậm tiến độ",
            ),
        ],
    }
    reasons: list[Reason] = [band_reasons("evaluation.party.band", bands.value, c)[band]]
    outcome = N
    if band is not N:
        for level in (X, G, D):
            if level.rank > band.rank:
                continue
            failed = [text for ok, text in conditions[level] if not ok]
            if not failed:
                outcome = level
                break
            reasons.append(
                reason(
                    "evaluation.party.missing",
                    "Chưa đạt mức {level}: {why}",
                    c,
                    level=RATING_LABELS[level],
                    why="; ".join(failed),
                )
            )
        if outcome is N:
            reasons.append(
                reason(
                    "evaluation.party.not_done",
                    "Không đạt điều kiện các mức trên: Không hoàn thành nhiệm vụ",
                    c,
                    Basis.UNVERIFIED,
                )
            )
    return make_result(
        "evaluation.party_level", "QD366", on, outcome, tuple(reasons), {"band": band}
    )
