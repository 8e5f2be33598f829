"""Levels from percentage criteria: D90 as amended by D48 (Q9, Q10, Q12–Q15).

Evaluation years up to 2025, and 2026 for a unit that keeps D90 (D233 Art 20.1).
Articles: cán bộ 4–7, công chức 8–11, viên chức 12–15 (one article per level).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Any

from hoinghi.law import options as law_options
from hoinghi.law.citations import cite
from hoinghi.law.evaluation.explain import reason
from hoinghi.law.evaluation.facts import PersonEvaluationFacts
from hoinghi.law.evaluation.parameters import (
    D48_FROM,
    D90_EXCEEDED_SHARE,
    D90_LONG_ABSENCE_MONTHS,
    D90_MANAGED_DONE_SHARE,
    D90_MANAGED_GOOD_SHARE,
    D90_NOT_ASSURED_SHARE,
    D90_ON_TIME_SHARE,
    D90_SHORT_SHARE,
    D90_TARGETS_DONE_SHARE,
    D90_TARGETS_FAIL_SHARE,
    MIN_MONTHS_CLASSIFIED,
)
from hoinghi.law.evaluation.vocabulary import (
    RATING_LABELS,
    GeneralCriteria,
    LeaveKind,
    Rating,
    StaffCategory,
)
from hoinghi.law.instruments import D48, D90
from hoinghi.law.results import Basis, Reason

Outcome = tuple[Rating | None, tuple[Reason, ...]]
X, G, D, N = Rating.EXCELLENT, Rating.GOOD, Rating.DONE, Rating.NOT_DONE
_FIRST_ARTICLE = {
    StaffCategory.CADRE: 4,
    StaffCategory.CIVIL_SERVANT: 8,
    StaffCategory.PUBLIC_EMPLOYEE: 12,
}
_LEVEL_OFFSET = {X: 0, G: 1, D: 2, N: 3}

_WHY = {
    "general_good": "chưa thực hiện tốt các tiêu chí chung",
    "general_met": "chưa đáp ứng các tiêu chí chung",
    "on_time": "chưa hoàn thành 100% nhiệm vụ đúng tiến độ, bảo đảm chất lượng",
    "exceeded": "dưới {share}% nhiệm vụ hoàn thành vượt mức yêu cầu",
    "completed": "chưa hoàn thành 100% nhiệm vụ",
    "short": "quá {share}% tiêu chí còn hạn chế về chất lượng, tiến độ, hiệu quả",
    "targets_all": "đơn vị phụ trách chưa hoàn thành 100% chỉ tiêu",
    "targets_exceeded": "dưới {share}% chỉ tiêu của đơn vị phụ trách hoàn thành vượt mức",
    "targets_on_time": "dưới {share}% chỉ tiêu bảo đảm tiến độ, chất lượng",
    "targets_done": "đơn vị phụ trách hoàn thành không quá {share}% chỉ tiêu",
    "managed_all_done": "chưa có 100% đơn vị thuộc quyền hoàn thành nhiệm vụ trở lên",
    "managed_good": "dưới {share}% đơn vị thuộc quyền hoàn thành tốt nhiệm vụ trở lên",
    "managed_done": "dưới {share}% đơn vị thuộc quyền hoàn thành nhiệm vụ trở lên",
}


def _pct(share: Fraction) -> int | Fraction:
    value = share * 100
    return value.numerator if value.denominator == 1 else value


@dataclass(frozen=True, slots=True)
class D90Context:
    exceeded: tuple[int, int]
    on_time: tuple[int, int]
    managed_good: tuple[int, int]
    short: tuple[int, int]
    targets_done: tuple[int, int]
    managed_done: tuple[int, int]
    not_assured: tuple[int, int]
    targets_fail: tuple[int, int]
    min_months: int
    absence: tuple[int, int]
    not_classified: Reason
    maternity: Reason
    no_tasks: Reason
    absence_cap: Reason
    attained: dict[tuple[StaffCategory, Rating], Reason]
    missing: dict[tuple[StaffCategory, Rating, str], Reason]
    khtnv: dict[tuple[StaffCategory, str], Reason]
    head: tuple[Reason, ...] = ()  # reasons every result of this context starts with


def _ints(share: Fraction) -> tuple[int, int]:
    return share.numerator, share.denominator


def _d90_shares(on: date) -> dict[str, Fraction]:
    """The shares of D90 Arts 12–15 (as amended by D48) in force on ``on``."""
    return {
        "exceeded": D90_EXCEEDED_SHARE.value(on),
        "on_time": D90_ON_TIME_SHARE.value(on),
        "managed_good": D90_MANAGED_GOOD_SHARE.value(on),
        "short": D90_SHORT_SHARE.value(on),
        "targets_done": D90_TARGETS_DONE_SHARE.value(on),
        "managed_done": D90_MANAGED_DONE_SHARE.value(on),
        "not_assured": D90_NOT_ASSURED_SHARE.value(on),
        "targets_fail": D90_TARGETS_FAIL_SHARE.value(on),
    }


_SHARE_OF = {
    "exceeded": "exceeded",
    "targets_exceeded": "exceeded",
    "short": "short",
    "targets_on_time": "on_time",
    "targets_done": "targets_done",
    "managed_good": "managed_good",
    "managed_done": "managed_done",
}


def _level_reasons(
    shares: dict[str, Fraction],
) -> tuple[
    dict[tuple[StaffCategory, Rating], Reason], dict[tuple[StaffCategory, Rating, str], Reason]
]:
    """Each category's levels (D90 Arts 12–14 for cadres, 13 for civil servants, 14 for public
    employees…): the level attained, and each criterion missing for it."""
    attained: dict[tuple[StaffCategory, Rating], Reason] = {}
    missing: dict[tuple[StaffCategory, Rating, str], Reason] = {}
    for cat, first in _FIRST_ARTICLE.items():
        for level, offset in _LEVEL_OFFSET.items():
            art = cite(D90, first + offset)
            attained[cat, level] = reason(
                "evaluation.d90.attained",
                "Đạt tiêu chí mức {level}",
                art,
                level=RATING_LABELS[level],
            )
            for key, text in _WHY.items():
                params: dict[str, Any] = {"level": RATING_LABELS[level]}
                if key in _SHARE_OF:
                    params["share"] = _pct(shares[_SHARE_OF[key]])
                missing[cat, level, key] = reason(
                    f"evaluation.d90.missing.{key}", "Chưa đạt mức {level}: " + text, art, **params
                )
    return attained, missing


def _not_done_reasons(
    on: date, shares: dict[str, Fraction]
) -> dict[tuple[StaffCategory, str], Reason]:
    """What makes a person Không hoàn thành nhiệm vụ whatever the rest (the fourth article of
    each category; discipline from D48 Art 1 since 15/09/2023)."""
    khtnv: dict[tuple[StaffCategory, str], Reason] = {}
    discipline_cite = cite(D48, 1) if on >= D48_FROM else None
    for cat, first in _FIRST_ARTICLE.items():
        kht = cite(D90, first + 3)
        khtnv[cat, "degradation"] = reason(
            "evaluation.d90.degradation",
            "Có biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống: Không hoàn thành "
            "nhiệm vụ",
            kht,
        )
        khtnv[cat, "discipline"] = reason(
            "evaluation.d90.discipline",
            "Bị kỷ luật trong năm đánh giá: Không hoàn thành nhiệm vụ",
            discipline_cite or kht,
        )
        khtnv[cat, "not_assured"] = reason(
            "evaluation.d90.not_assured",
            "Trên {share}% tiêu chí về kết quả thực hiện nhiệm vụ không bảo đảm: Không hoàn thành "
            "nhiệm vụ",
            kht,
            share=_pct(shares["not_assured"]),
        )
        khtnv[cat, "targets_fail"] = reason(
            "evaluation.d90.targets_fail",
            "Đơn vị phụ trách hoàn thành dưới {share}% chỉ tiêu: Không hoàn thành nhiệm vụ",
            kht,
            share=_pct(shares["targets_fail"]),
        )
        khtnv[cat, "corruption"] = reason(
            "evaluation.d90.corruption",
            "Đơn vị thuộc quyền quản lý xảy ra tham nhũng, lãng phí và bị xử lý: Không hoàn thành "
            "nhiệm vụ",
            kht,
        )
        khtnv[cat, "below_done"] = reason(
            "evaluation.d90.below_done",
            "Không đạt tiêu chí mức Hoàn thành nhiệm vụ: Không hoàn thành nhiệm vụ",
            kht,
        )
    return khtnv


@functools.lru_cache(maxsize=64)
def d90_context(on: date, options: law_options.EvaluationOptions) -> D90Context:
    """What every person of one date shares under D90: the shares, the months of service and
    absence, and every reason, built once."""
    shares = _d90_shares(on)
    months = MIN_MONTHS_CLASSIFIED.at(on)
    absence = D90_LONG_ABSENCE_MONTHS.at(on)
    attained, missing = _level_reasons(shares)
    return D90Context(
        exceeded=_ints(shares["exceeded"]),
        on_time=_ints(shares["on_time"]),
        managed_good=_ints(shares["managed_good"]),
        short=_ints(shares["short"]),
        targets_done=_ints(shares["targets_done"]),
        managed_done=_ints(shares["managed_done"]),
        not_assured=_ints(shares["not_assured"]),
        targets_fail=_ints(shares["targets_fail"]),
        min_months=months.value,
        absence=absence.value,
        not_classified=reason(
            "evaluation.d90.short_service",
            "Công tác dưới {months} tháng trong năm: không xếp loại chất lượng (vẫn kiểm điểm)",
            months.citation,
            months=months.value,
        ),
        maternity=reason(
            "evaluation.d90.maternity",
            "Nghỉ thai sản theo quy định: vẫn xếp loại chất lượng theo thời gian làm việc thực tế",
            months.citation,
        ),
        no_tasks=reason(
            "evaluation.d90.no_tasks",
            "Chưa có dữ liệu nhiệm vụ được giao: chưa thể xếp loại",
            cite(D90, 3),
        ),
        absence_cap=reason(
            "evaluation.d90.long_absence",
            "Nghỉ từ {low} đến dưới {high} tháng trong năm: không xếp loại Hoàn thành tốt nhiệm "
            "vụ trở lên",
            absence.citation,
            Basis.LAW,
            low=absence.value[0],
            high=absence.value[1],
        ),
        attained=attained,
        missing=missing,
        khtnv=_not_done_reasons(on, shares),
    )


def _at_least(part: int, whole: int, share: tuple[int, int]) -> bool:
    return part * share[1] >= share[0] * whole


def _not_done_ground(f: PersonEvaluationFacts, ctx: D90Context) -> str | None:
    """The ground that makes the person Không hoàn thành nhiệm vụ whatever the rest, if any."""
    a, m = f.tasks_assigned, f.is_manager
    if f.degradation:
        return "degradation"
    if f.discipline is not None:
        return "discipline"
    if f.tasks_not_assured * ctx.not_assured[1] > ctx.not_assured[0] * a:
        return "not_assured"
    if m and f.targets_completed * ctx.targets_fail[1] < ctx.targets_fail[0] * f.targets_assigned:
        return "targets_fail"
    if m and f.managed_unit_corruption:
        return "corruption"
    return None


_Criteria = tuple[tuple[Rating, tuple[tuple[bool, str], ...]], ...]


def _criteria(f: PersonEvaluationFacts, ctx: D90Context) -> _Criteria:
    """Each level's criteria (excellent, good, done) met or not, by the key of its reason."""
    a, m = f.tasks_assigned, f.is_manager
    general = f.general_criteria
    all_on_time = f.tasks_on_time >= a
    managed_all = f.managed_units_done >= f.managed_units
    managed_good = _at_least(f.managed_units_good, f.managed_units, ctx.managed_good)
    targets_all = f.targets_completed >= f.targets_assigned
    return (
        (
            X,
            (
                (general is GeneralCriteria.GOOD, "general_good"),
                (all_on_time, "on_time"),
                (_at_least(f.tasks_exceeded, a, ctx.exceeded), "exceeded"),
                (not m or targets_all, "targets_all"),
                (
                    not m or _at_least(f.targets_exceeded, f.targets_assigned, ctx.exceeded),
                    "targets_exceeded",
                ),
                (not m or managed_all, "managed_all_done"),
                (not m or managed_good, "managed_good"),
            ),
        ),
        (
            G,
            (
                (general is not GeneralCriteria.NOT_MET, "general_met"),
                (all_on_time, "on_time"),
                (not m or targets_all, "targets_all"),
                (
                    not m or _at_least(f.targets_on_time, f.targets_assigned, ctx.on_time),
                    "targets_on_time",
                ),
                (not m or managed_all, "managed_all_done"),
                (not m or managed_good, "managed_good"),
            ),
        ),
        (
            D,
            (
                (general is not GeneralCriteria.NOT_MET, "general_met"),
                (f.tasks_completed >= a, "completed"),
                (f.tasks_short * ctx.short[1] <= ctx.short[0] * a, "short"),
                (
                    not m
                    or f.targets_completed * ctx.targets_done[1]
                    > ctx.targets_done[0] * f.targets_assigned,
                    "targets_done",
                ),
                (
                    not m or _at_least(f.managed_units_done, f.managed_units, ctx.managed_done),
                    "managed_done",
                ),
            ),
        ),
    )


def level_by_criteria(f: PersonEvaluationFacts, ctx: D90Context) -> Outcome:
    """The level of one person under D90 (+ D48), with its reasons."""
    pre: tuple[Reason, ...] = ctx.head
    if f.months_worked < ctx.min_months:
        if f.leave is not LeaveKind.MATERNITY:
            return None, (*pre, ctx.not_classified)
        pre = (*pre, ctx.maternity)
    cat = f.category if f.category in _FIRST_ARTICLE else StaffCategory.PUBLIC_EMPLOYEE
    a = f.tasks_assigned
    if a <= 0:
        return None, (*pre, ctx.no_tasks)
    override = _not_done_ground(f, ctx)
    if override is not None:
        return N, (*pre, ctx.khtnv[cat, override])
    checks = _criteria(f, ctx)
    reasons = pre
    level = N
    for candidate, conditions in checks:
        failed = next((key for ok, key in conditions if not ok), None)
        if failed is None:
            level = candidate
            reasons += (ctx.attained[cat, candidate],)
            break
        reasons += (ctx.missing[cat, candidate, failed],)
    else:
        reasons += (ctx.khtnv[cat, "below_done"],)
    low, high = ctx.absence
    if low <= f.months_absent < high and f.leave is not LeaveKind.MATERNITY and level.rank > D.rank:
        level = D
        reasons += (ctx.absence_cap,)
    return level, reasons
