"""Caps on the excellent level: individuals (Q3, Q4) and units (Q5).

docs/domain/evaluation.md §3.6: "HTXSNV ≤ 20 % of those rated HTTNV", per unit AND per group of similar work,
25 % when raised. The cap rule gives the numbers: the most that may be excellent, how many are,
and how many more can still be rated excellent; a list over the cap is refused with reasons that
name the numbers.

Counts are those of the proposed list. Moving one person from good to excellent changes both
counts, so the maximum is computed on the pool ``T = good + excellent``: with the literal
denominator (good only) ``x ≤ r·(T − x)`` gives ``x ≤ floor(r·T / (1 + r))`` (``floor(T/6)``
at 20 %); with "good and above" ``x ≤ floor(r·T)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Any

from hoinghi.law import options as law_options
from hoinghi.law.citations import Citation, Confidence, cite
from hoinghi.law.evaluation.explain import make_result, reason
from hoinghi.law.evaluation.parameters import (
    D48_FROM,
    D90_TRANSITION_END,
    D233_FROM,
    D233_PERSON_SHARE,
    D233_SMALL_UNITS,
    D233_UNIT_SHARE,
    D335_FROM,
    D335_PERSON_SHARE,
)
from hoinghi.law.evaluation.vocabulary import (
    PARTY_SHARE_BOUND_LABELS,
    RATIO_BASE_LABELS,
    SMALL_UNIT_RULE_LABELS,
    EvaluationRegime,
    PartyShareBound,
    RatioBase,
    Rounding,
    SmallUnitRule,
    ratio_floor,
)
from hoinghi.law.instruments import D48, D233, D335
from hoinghi.law.parameters import InvalidFacts
from hoinghi.law.registry import rule
from hoinghi.law.results import Basis, Reason, Result


def pool_max(
    good: int, excellent: int, share: Fraction, base: RatioBase, rounding: Rounding
) -> int:
    """Most people of this pool that may be excellent (see the module docstring)."""
    pool = good + excellent
    n, d = share.numerator, share.denominator
    if base is RatioBase.GOOD_ONLY:
        return ratio_floor(n * pool, d + n, rounding)
    return ratio_floor(n * pool, d, rounding)


def percent(share: Fraction) -> str:
    value = share * 100
    return str(value.numerator) if value.denominator == 1 else f"{float(value):g}".replace(".", ",")


@dataclass(frozen=True, slots=True)
class GroupCounts:
    """Proposed ratings in one group of similar work (nhóm có nhiệm vụ tương đồng)."""

    group: str
    excellent: int
    good: int


@dataclass(frozen=True, slots=True)
class ExcellentCapFacts:
    """Proposed ratings of one unit (and its groups), for Q3 (D233 Art 12.6; D335)."""

    regime: EvaluationRegime  # D233 (viên chức) or D335 (công chức)
    excellent: int
    good: int
    groups: tuple[GroupCounts, ...] = ()
    unit_rated_excellent: bool = False  # D233: the unit itself is excellent → 25 %
    outstanding: bool = False  # D335: the competent level raised the share → 25 %
    unit_id: str = ""


def _ratio_base_reason(base: RatioBase, citation: Citation) -> Reason:
    return reason(
        "evaluation.cap.ratio_base",
        "Mẫu số tính tỷ lệ: {base}",
        citation,
        Basis.UNVERIFIED,
        base=RATIO_BASE_LABELS[base],
    )


def _scope_check(
    code: str,
    scope: str,
    good: int,
    excellent: int,
    share: Fraction,
    opts: law_options.EvaluationOptions,
    citation: Citation,
) -> tuple[int, Reason]:
    most = pool_max(good, excellent, share, opts.ratio_base, opts.rounding)
    params: dict[str, Any] = {
        "scope": scope,
        "current": excellent,
        "most": most,
        "percent": percent(share),
        "good": good,
    }
    if excellent <= most:
        return most, reason(
            f"{code}.within",
            "{scope}: {current} người Hoàn thành xuất sắc nhiệm vụ, tối đa {most} người "
            "({percent}% số người Hoàn thành tốt nhiệm vụ); còn có thể xếp thêm {more} người",
            citation,
            more=most - excellent,
            **params,
        )
    return most, reason(
        f"{code}.over",
        "{scope}: {current} người Hoàn thành xuất sắc nhiệm vụ vượt tối đa {most} người "
        "({percent}% số người Hoàn thành tốt nhiệm vụ, {good} người đề nghị mức tốt); "
        "phải giảm {over} người",
        citation,
        over=excellent - most,
        **params,
    )


def scope_label(regime: EvaluationRegime, scope: str, group: str | None = None) -> str:
    """Who the cap counted, in Vietnamese: the whole agency or unit, or one task group of it.

    D335 and D90 count "trong cùng cơ quan" and each group with similar tasks; D233 counts "trong
    cùng đơn vị", the public service unit itself and not its departments.
    """
    if group is not None:
        return f"Nhóm có nhiệm vụ tương đồng «{group}»"
    whole = "Toàn đơn vị sự nghiệp công lập" if regime is EvaluationRegime.D233 else "Toàn cơ quan"
    return f"{whole} {scope}".strip()


def person_share(regime: EvaluationRegime, raised: bool, on: date) -> tuple[Fraction, Citation]:
    value = (D233_PERSON_SHARE if regime is EvaluationRegime.D233 else D335_PERSON_SHARE).at(on)
    return value.value[1 if raised else 0], value.citation


@rule(
    code="evaluation.excellent_cap",
    version="D335-D233",
    title="Tỷ lệ cá nhân Hoàn thành xuất sắc nhiệm vụ",
    cites=(cite(D233, 12, 6), cite(D335)),
    valid_from=D335_FROM,
    facts=ExcellentCapFacts,
)
def check_excellent_cap(
    facts: ExcellentCapFacts, *, on: date, options: law_options.EvaluationOptions | None = None
) -> Result:
    """Q3: excellent ≤ 20 % (25 % raised) of good, over the whole agency (D335) or public service
    unit (D233) and over each group with similar tasks in it; both apply."""
    opts = options or law_options.EvaluationOptions()
    if facts.regime not in (EvaluationRegime.D233, EvaluationRegime.D335):
        raise InvalidFacts(
            "regime",
            f"Hạn mức Hoàn thành xuất sắc nhiệm vụ của câu hỏi này áp dụng cho chế độ d335 "
            f"(công chức) hoặc d233 (viên chức), không cho «{facts.regime.value}»; với d90 "
            "hãy hỏi evaluation.excellent_share.",
        )
    raised = (
        facts.unit_rated_excellent if facts.regime is EvaluationRegime.D233 else facts.outstanding
    )
    share, citation = person_share(facts.regime, raised, on)
    scope = scope_label(facts.regime, facts.unit_id)
    unit_most, unit_reason = _scope_check(
        "evaluation.cap.unit", scope, facts.good, facts.excellent, share, opts, citation
    )
    reasons = [unit_reason]
    groups: list[dict[str, Any]] = []
    most = unit_most
    if facts.groups:
        group_sum = 0
        for g in facts.groups:
            g_most, g_reason = _scope_check(
                "evaluation.cap.group",
                scope_label(facts.regime, facts.unit_id, g.group),
                g.good,
                g.excellent,
                share,
                opts,
                citation,
            )
            group_sum += g_most
            reasons.append(g_reason)
            groups.append(
                {
                    "group": g.group,
                    "good": g.good,
                    "current": g.excellent,
                    "max_excellent": g_most,
                    "remaining": max(0, g_most - g.excellent),
                    "ok": g.excellent <= g_most,
                }
            )
        most = min(unit_most, group_sum)
    ok = facts.excellent <= most and all(g["ok"] for g in groups)
    reasons.append(_ratio_base_reason(opts.ratio_base, citation))
    if raised:
        reasons.append(
            reason(
                "evaluation.cap.raised",
                "Tỷ lệ được nâng lên {percent}%",
                citation,
                percent=percent(share),
            )
        )
    values = {
        "share": share,
        "max_excellent": most,
        "current": facts.excellent,
        "remaining": max(0, most - facts.excellent),
        "over": max(0, facts.excellent - most),
        "unit_max": unit_most,
        "groups": groups,
    }
    return make_result("evaluation.excellent_cap", "D335-D233", on, ok, tuple(reasons), values)


@dataclass(frozen=True, slots=True)
class ExcellentShareFacts:
    """Q4 (D48): the excellent share of staff may not exceed that of Party members.

    Counted over the agency and over each group with similar tasks, like Q3.
    """

    excellent: int  # staff (CB, CC, VC) rated excellent in the agency or group
    classified: int  # staff classified in the same agency or group
    party_excellent: int = 0  # Party members rated excellent (same agency or group)
    party_classified: int = 0  # Party members classified
    good: int | None = None  # staff rated good (HTTNV); None = classified minus excellent


SHARE_CITATION = cite(D48, 1)


@rule(
    code="evaluation.excellent_share",
    version="D48",
    title="Tỷ lệ Hoàn thành xuất sắc nhiệm vụ không vượt tỷ lệ đảng viên",
    cites=(SHARE_CITATION,),
    valid_from=D48_FROM,
    valid_to=D90_TRANSITION_END,
    facts=ExcellentShareFacts,
    confidence=Confidence.SECONDARY,
)
def check_excellent_share(
    facts: ExcellentShareFacts, *, on: date, options: law_options.EvaluationOptions | None = None
) -> Result:
    """Q4: share(excellent among staff) ≤ the Party members' share under the Party's rules.

    Which share bounds it is an option (``party_share_bound``, unverified): the cap the Party's
    rules set for members (default, 20 % of those rated HTTNV) or the share observed among the
    Party members of the same list.
    """
    opts = options or law_options.EvaluationOptions()
    bound = opts.party_share_bound
    choice = reason(
        "evaluation.share.bound",
        "{bound}",
        SHARE_CITATION,
        Basis.UNVERIFIED,
        bound=PARTY_SHARE_BOUND_LABELS[bound],
    )
    if bound is PartyShareBound.PARTY_CAP:
        return _share_by_party_cap(facts, on, opts, choice)
    return _share_by_observed(facts, on, choice)


def _share_result(
    on: date, ok: bool, reasons: tuple[Reason, ...], values: dict[str, Any]
) -> Result:
    return make_result("evaluation.excellent_share", "D48", on, ok, reasons, values)


def _share_by_party_cap(
    facts: ExcellentShareFacts, on: date, opts: law_options.EvaluationOptions, choice: Reason
) -> Result:
    """The Party's cap for its members (default 20 % of those rated HTTNV) bounds the list."""
    good = facts.good if facts.good is not None else facts.classified - facts.excellent
    share = opts.party_cap_share
    most, why = _scope_check(
        "evaluation.share.party_cap",
        "Tỷ lệ theo quy định của Đảng đối với đảng viên",
        good,
        facts.excellent,
        share,
        opts,
        SHARE_CITATION,
    )
    reasons = (why, choice, _ratio_base_reason(opts.ratio_base, SHARE_CITATION))
    values = {
        "share": share,
        "max_excellent": most,
        "current": facts.excellent,
        "remaining": max(0, most - facts.excellent),
    }
    return _share_result(on, facts.excellent <= most, reasons, values)


def _share_by_observed(facts: ExcellentShareFacts, on: date, choice: Reason) -> Result:
    """The share observed among the Party members of the same list bounds it."""
    if facts.party_classified <= 0:
        why = reason(
            "evaluation.share.no_party_data",
            "Chưa có kết quả xếp loại đảng viên để so sánh tỷ lệ",
            SHARE_CITATION,
            Basis.UNVERIFIED,
        )
        return _share_result(
            on, True, (why, choice), {"max_excellent": None, "current": facts.excellent}
        )
    most = (facts.classified * facts.party_excellent) // facts.party_classified
    params: dict[str, Any] = {
        "current": facts.excellent,
        "most": most,
        "classified": facts.classified,
        "party_excellent": facts.party_excellent,
        "party_classified": facts.party_classified,
    }
    ok = facts.excellent <= most
    why = reason(
        "evaluation.share.within" if ok else "evaluation.share.over",
        "{current}/{classified} người Hoàn thành xuất sắc nhiệm vụ, "
        + ("không vượt" if ok else "vượt")
        + " tỷ lệ đảng viên ({party_excellent}/{party_classified}): tối đa {most} người",
        SHARE_CITATION,
        **params,
    )
    values = {
        "max_excellent": most,
        "current": facts.excellent,
        "remaining": max(0, most - facts.excellent),
    }
    return _share_result(on, ok, (why, choice), values)


@dataclass(frozen=True, slots=True)
class UnitCapFacts:
    """Q5 (D233 Art 7.7): public service units under one recognising authority."""

    subordinate_units: int
    good_units: int  # proposed Hoàn thành tốt nhiệm vụ
    excellent_units: int  # proposed Hoàn thành xuất sắc nhiệm vụ
    outstanding: bool = False  # raised to 25 %


@rule(
    code="evaluation.unit_excellent_cap",
    version="D233",
    title="Tỷ lệ đơn vị sự nghiệp công lập Hoàn thành xuất sắc nhiệm vụ",
    cites=(cite(D233, 7, 7),),
    valid_from=D233_FROM,
    facts=UnitCapFacts,
)
def check_unit_excellent_cap(
    facts: UnitCapFacts, *, on: date, options: law_options.EvaluationOptions | None = None
) -> Result:
    """Q5: excellent units ≤ 20 % (25 %) of good units; fewer than 5 units → at most 1."""
    opts = options or law_options.EvaluationOptions()
    shares = D233_UNIT_SHARE.at(on)
    share = shares.value[1 if facts.outstanding else 0]
    most, main = _scope_check(
        "evaluation.unit_cap",
        "Các đơn vị trực thuộc",
        facts.good_units,
        facts.excellent_units,
        share,
        opts,
        shares.citation,
    )
    reasons = [main, _ratio_base_reason(opts.ratio_base, shares.citation)]
    small = D233_SMALL_UNITS.at(on)
    below, special = small.value
    if facts.subordinate_units < below:
        most = special if opts.small_unit_rule is SmallUnitRule.ALLOW_ONE else min(special, most)
        reasons[0] = reason(
            "evaluation.unit_cap.small",
            "Có {units} đơn vị trực thuộc (dưới {below}): tối đa {most} đơn vị Hoàn thành xuất sắc"
            " nhiệm vụ, đề nghị {current}",
            small.citation,
            units=facts.subordinate_units,
            below=below,
            most=most,
            current=facts.excellent_units,
        )
        reasons.append(
            reason(
                "evaluation.unit_cap.small_rule",
                "{rule}",
                small.citation,
                Basis.UNVERIFIED,
                rule=SMALL_UNIT_RULE_LABELS[opts.small_unit_rule],
            )
        )
    ok = facts.excellent_units <= most
    values = {
        "share": share,
        "max_excellent": most,
        "current": facts.excellent_units,
        "remaining": max(0, most - facts.excellent_units),
        "over": max(0, facts.excellent_units - most),
    }
    return make_result("evaluation.unit_excellent_cap", "D233", on, ok, tuple(reasons), values)
