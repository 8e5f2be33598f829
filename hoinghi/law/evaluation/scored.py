"""Levels from the 100-point score: D233 viên chức (Q1, Q6, Q9, Q11) and D335 công chức (Q2).

Each regime has a context built once per (date, options): its thresholds and every reason it
can give, so a batch only compares numbers and hands out shared reasons.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from hoinghi.law import options as law_options
from hoinghi.law.citations import Citation, cite
from hoinghi.law.evaluation.explain import reason
from hoinghi.law.evaluation.facts import PersonEvaluationFacts
from hoinghi.law.evaluation.parameters import (
    D233_PERSON_BANDS,
    D335_BANDS,
    MIN_MONTHS_CLASSIFIED,
    ScoreBands,
)
from hoinghi.law.evaluation.vocabulary import (
    RATING_LABELS,
    DisciplineGround,
    EvaluationRegime,
    LeaveKind,
    Rating,
)
from hoinghi.law.instruments import D233, D335
from hoinghi.law.results import Basis, Reason

Outcome = tuple[Rating | None, tuple[Reason, ...]]
X, G, D, N = Rating.EXCELLENT, Rating.GOOD, Rating.DONE, Rating.NOT_DONE


def score_parts(score: Fraction | Decimal | int) -> tuple[int, int]:
    """Numerator and denominator of a score, refusing floats (exact arithmetic only)."""
    if type(score) is int:
        return score, 1
    if isinstance(score, float):
        raise TypeError("điểm đánh giá phải là số chính xác (Fraction, Decimal), không dùng float")
    return score.as_integer_ratio()


def band_of(n: int, d: int, bands: ScoreBands) -> Rating:
    excellent, good, done = bands
    if n >= excellent * d:
        return X
    if n >= good * d:
        return G
    if n >= done * d:
        return D
    return N


def band_reasons(code: str, bands: ScoreBands, citation: Citation) -> dict[Rating, Reason]:
    excellent, good, done = bands
    msg_top = "Điểm đánh giá từ {low} điểm trở lên: {level}"
    msg_mid = "Điểm đánh giá từ {low} đến dưới {high} điểm: {level}"
    msg_low = "Điểm đánh giá dưới {high} điểm: {level}"
    return {
        X: reason(f"{code}.excellent", msg_top, citation, low=excellent, level=RATING_LABELS[X]),
        G: reason(
            f"{code}.good", msg_mid, citation, low=good, high=excellent, level=RATING_LABELS[G]
        ),
        D: reason(f"{code}.done", msg_mid, citation, low=done, high=good, level=RATING_LABELS[D]),
        N: reason(f"{code}.not_done", msg_low, citation, high=done, level=RATING_LABELS[N]),
    }


@dataclass(frozen=True, slots=True)
class ScoreContext:
    regime: EvaluationRegime
    bands: ScoreBands
    band: dict[Rating, Reason]
    min_months: int
    short_service_rule: bool
    exempt_leaves: frozenset[LeaveKind]
    not_classified: Reason
    actual_time: Reason
    missing_score: Reason
    degradation: Reason
    discipline: Reason
    discipline_not_counted: Reason
    discipline_other_ground: Reason
    corruption: Reason
    corruption_mitigated: Reason
    mitigation_allowed: bool
    counts_once: bool
    head_rule: bool
    head_cap: dict[Rating, Reason]
    head: tuple[Reason, ...] = ()  # reasons every result of this context starts with
    plain: dict[Rating, tuple[Reason, ...]] = field(default_factory=dict)

    def with_head(self, head: tuple[Reason, ...]) -> ScoreContext:
        """This context with ``head`` in front of every answer (the regime's reasons)."""
        return replace(self, head=head, plain={lvl: (*head, r) for lvl, r in self.band.items()})


_NOT_CLASSIFIED = "Công tác dưới {months} tháng trong năm: không xếp loại chất lượng"
_ACTUAL_TIME = "Nghỉ ốm đau, thai sản theo quy định: xếp loại theo thời gian công tác thực tế"
_MISSING = "Chưa có điểm đánh giá: chưa thể xếp loại"
_DEGRADATION = (
    "Có kết luận suy thoái tư tưởng chính trị, đạo đức, lối sống hoặc vi phạm quy "
    "định nêu gương: Không hoàn thành nhiệm vụ"
)
_DISCIPLINE = "Bị kỷ luật trong năm đánh giá: Không hoàn thành nhiệm vụ"
_CORRUPTION = (
    "Đơn vị thuộc phạm vi phụ trách trực tiếp để xảy ra tham nhũng, lãng phí và bị "
    "xử lý: Không hoàn thành nhiệm vụ"
)


@functools.lru_cache(maxsize=64)
def d233_context(on: date, options: law_options.EvaluationOptions) -> ScoreContext:
    bands = D233_PERSON_BANDS.at(on)
    months = MIN_MONTHS_CLASSIFIED.at(on)
    return ScoreContext(
        regime=EvaluationRegime.D233,
        bands=bands.value,
        band=band_reasons("evaluation.d233.band", bands.value, cite(D233, 12)),
        min_months=months.value,
        short_service_rule=True,
        exempt_leaves=frozenset({LeaveKind.SICK, LeaveKind.MATERNITY}),
        not_classified=reason(
            "evaluation.d233.short_service", _NOT_CLASSIFIED, cite(D233, 14, 1), months=months.value
        ),
        actual_time=reason("evaluation.d233.actual_time", _ACTUAL_TIME, cite(D233, 14, 2)),
        missing_score=reason("evaluation.d233.no_score", _MISSING, cite(D233, 12, 5)),
        degradation=reason("evaluation.d233.degradation", _DEGRADATION, cite(D233, 12, 4)),
        discipline=reason(
            "evaluation.d233.discipline",
            "Bị kỷ luật từ khiển trách trở lên do suy thoái hoặc vi phạm trong thực hiện nhiệm "
            "vụ trong năm đánh giá: Không hoàn thành nhiệm vụ",
            cite(D233, 14, 3),
        ),
        discipline_not_counted=reason(
            "evaluation.d233.discipline_counted_once",
            "Hành vi vi phạm đã được tính khi đánh giá, xếp loại: không tính lại",
            cite(D233, 14, 3),
        ),
        discipline_other_ground=reason(
            "evaluation.d233.discipline_other_ground",
            "Kỷ luật không do suy thoái hoặc vi phạm trong thực hiện nhiệm vụ: không áp dụng mức "
            "Không hoàn thành nhiệm vụ",
            cite(D233, 14, 3),
        ),
        corruption=reason("evaluation.d233.corruption", _CORRUPTION, cite(D233, 12, 4)),
        corruption_mitigated=reason(
            "evaluation.d233.corruption_mitigated",
            "Người quản lý đã chủ động phát hiện, báo cáo, khắc phục: không áp dụng mức Không hoàn "
            "thành nhiệm vụ",
            cite(D233, 12, 4),
        ),
        mitigation_allowed=True,
        counts_once=True,
        head_rule=True,
        head_cap=head_cap_reasons(),
    )


def head_cap_reasons() -> dict[Rating, Reason]:
    return {
        level: reason(
            "evaluation.d233.head_not_above_unit",
            "Người đứng đầu không được xếp loại cao hơn mức xếp loại của đơn vị: {level}",
            cite(D233, 12, 7),
            level=RATING_LABELS[level],
        )
        for level in Rating
    }


@functools.lru_cache(maxsize=64)
def d335_context(on: date, options: law_options.EvaluationOptions) -> ScoreContext:
    bands = D335_BANDS.at(on)
    c = cite(D335)
    unverified = Basis.UNVERIFIED
    return ScoreContext(
        regime=EvaluationRegime.D335,
        bands=bands.value,
        band=band_reasons("evaluation.d335.band", bands.value, c),
        min_months=6,
        short_service_rule=options.d335_short_service_rule,
        exempt_leaves=frozenset({LeaveKind.SICK, LeaveKind.MATERNITY}),
        not_classified=reason(
            "evaluation.d335.short_service", _NOT_CLASSIFIED, c, unverified, months=6
        ),
        actual_time=reason("evaluation.d335.actual_time", _ACTUAL_TIME, c),
        missing_score=reason("evaluation.d335.no_score", _MISSING, c),
        degradation=reason("evaluation.d335.degradation", _DEGRADATION, c),
        discipline=reason(
            "evaluation.d335.discipline",
            "Bị kỷ luật từ khiển trách trở lên do vi phạm khi thi hành công vụ trong năm đánh giá:"
            " Không hoàn thành nhiệm vụ",
            c,
        ),
        discipline_not_counted=reason(
            "evaluation.d335.discipline_counted_once",
            "Hành vi vi phạm đã được tính khi đánh giá, xếp loại: không tính lại",
            c,
            unverified,
        ),
        discipline_other_ground=reason(
            "evaluation.d335.discipline_other_ground",
            "Kỷ luật không do vi phạm khi thi hành công vụ: không áp dụng mức Không hoàn thành "
            "nhiệm vụ",
            c,
            unverified,
        ),
        corruption=reason("evaluation.d335.corruption", _CORRUPTION, c),
        corruption_mitigated=reason(
            "evaluation.d335.corruption_mitigated",
            "Người quản lý đã chủ động phát hiện, báo cáo, khắc phục",
            c,
            unverified,
        ),
        mitigation_allowed=False,
        counts_once=True,
        head_rule=False,
        head_cap={},
    )


_COUNTED_GROUNDS = frozenset({DisciplineGround.TASK, DisciplineGround.DEGRADATION})


def level_by_score(f: PersonEvaluationFacts, ctx: ScoreContext) -> Outcome:
    """The level of one person under a 100-point regime, with its reasons."""
    pre: tuple[Reason, ...] = ctx.head
    if ctx.short_service_rule and f.months_worked < ctx.min_months:
        if f.leave not in ctx.exempt_leaves:
            return None, (*pre, ctx.not_classified)
        pre = (*pre, ctx.actual_time)
    score: Any = f.score
    if score is None:
        return None, (*pre, ctx.missing_score)
    kind = type(score)
    if kind is int:
        n, d = score, 1
    elif kind is Fraction or kind is Decimal:
        n, d = score.as_integer_ratio()
    else:
        n, d = score_parts(score)
    excellent, good, done = ctx.bands
    level = X if n >= excellent * d else G if n >= good * d else D if n >= done * d else N
    if (
        not (
            f.degradation or f.discipline is not None or f.managed_unit_corruption or f.is_unit_head
        )
        and pre is ctx.head
    ):
        return level, ctx.plain.get(level) or (*pre, ctx.band[level])
    reasons = (*pre, ctx.band[level])
    if f.degradation:
        level = N
        reasons += (ctx.degradation,)
    if f.discipline is not None:
        if f.discipline_ground not in _COUNTED_GROUNDS:
            reasons += (ctx.discipline_other_ground,)
        elif ctx.counts_once and f.discipline_counted_elsewhere:
            reasons += (ctx.discipline_not_counted,)
        else:
            level = N
            reasons += (ctx.discipline,)
    if f.is_manager and f.managed_unit_corruption:
        if ctx.mitigation_allowed and f.corruption_mitigated:
            reasons += (ctx.corruption_mitigated,)
        else:
            level = N
            reasons += (ctx.corruption,)
    unit = f.unit_rating
    if ctx.head_rule and f.is_unit_head and unit is not None and level.rank > unit.rank:
        level = unit
        reasons += (ctx.head_cap[unit],)
    return level, reasons
