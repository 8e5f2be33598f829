"""Classifying persons: one rule per regime, the dispatching rule, and the batch API.

``classify_people`` is what services call for a whole agency: the regime, the rule version
and each regime's context are looked up once per batch; every reason is a shared object.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from types import MappingProxyType
from typing import Any

from hoinghi.law import options as law_options
from hoinghi.law.citations import Confidence, cite, cite_unread
from hoinghi.law.evaluation.caps import person_share, pool_max, scope_label
from hoinghi.law.evaluation.criteria import d90_context, level_by_criteria
from hoinghi.law.evaluation.explain import batch_result, make_result, paused_gc, reason
from hoinghi.law.evaluation.facts import PersonEvaluationFacts
from hoinghi.law.evaluation.parameters import D90_FROM, D90_TRANSITION_END, D233_FROM, D335_FROM
from hoinghi.law.evaluation.regime import RegimeFacts, select_regime
from hoinghi.law.evaluation.scored import (
    d233_context,
    d335_context,
    level_by_score,
    score_parts,
)
from hoinghi.law.evaluation.vocabulary import EvaluationRegime, Rating
from hoinghi.law.instruments import D48, D90, D233, D335
from hoinghi.law.registry import rule, rule_for
from hoinghi.law.results import Reason, Result

Outcome = tuple[Rating | None, tuple[Reason, ...]]
Level = Callable[[PersonEvaluationFacts], Outcome]
CLASSIFY = "evaluation.classify"


@rule(
    code="evaluation.level.d90",
    version="D90-D48",
    title="Xếp loại chất lượng theo tiêu chí của Nghị định 90 (sửa đổi bởi Nghị định 48)",
    cites=(cite(D90, 4), cite(D90, 8), cite(D90, 12), cite(D90, 15), cite(D48, 1)),
    valid_from=D90_FROM,
    valid_to=D90_TRANSITION_END,
    facts=PersonEvaluationFacts,
)
def decide_level_d90(
    facts: PersonEvaluationFacts,
    *,
    on: date,
    options: law_options.EvaluationOptions | None = None,
) -> Result:
    """Q9, Q10, Q12–Q15: criteria-based level under D90 (+ D48)."""
    level, reasons = level_by_criteria(facts, d90_context(on, _opts(options)))
    return make_result("evaluation.level.d90", "D90-D48", on, level, reasons)


@rule(
    code="evaluation.level.d335",
    version="D335",
    title="Xếp loại chất lượng công chức theo điểm (Nghị định 335)",
    cites=(cite_unread(D335),),
    valid_from=D335_FROM,
    facts=PersonEvaluationFacts,
    confidence=Confidence.SECONDARY,
)
def decide_level_d335(
    facts: PersonEvaluationFacts,
    *,
    on: date,
    options: law_options.EvaluationOptions | None = None,
) -> Result:
    """Q2: score bands 90/70/50 with the KHTNV overrides (D335)."""
    level, reasons = level_by_score(facts, d335_context(on, _opts(options)))
    return make_result("evaluation.level.d335", "D335", on, level, reasons)


@rule(
    code="evaluation.level.d233",
    version="D233",
    title="Xếp loại chất lượng viên chức theo điểm (Nghị định 233)",
    cites=(cite(D233, 12), cite(D233, 14)),
    valid_from=D233_FROM,
    facts=PersonEvaluationFacts,
)
def decide_level_d233(
    facts: PersonEvaluationFacts,
    *,
    on: date,
    options: law_options.EvaluationOptions | None = None,
) -> Result:
    """Q1, Q6, Q9, Q11: score bands, head ≤ unit, short service, discipline (D233)."""
    level, reasons = level_by_score(facts, d233_context(on, _opts(options)))
    return make_result("evaluation.level.d233", "D233", on, level, reasons)


def _opts(options: law_options.EvaluationOptions | None) -> law_options.EvaluationOptions:
    return options if options is not None else law_options.EvaluationOptions()


def _level_for(
    regime: EvaluationRegime,
    on: date,
    opts: law_options.EvaluationOptions,
    head: tuple[Reason, ...],
) -> Level:
    """The level function of ``regime``, answering with ``head`` (the regime's reasons) first."""
    if regime is EvaluationRegime.D233 or regime is EvaluationRegime.D335:
        base = d233_context(on, opts) if regime is EvaluationRegime.D233 else d335_context(on, opts)
        ctx = base.with_head(head)
        return lambda f: level_by_score(f, ctx)
    if regime is EvaluationRegime.D90:
        d90 = replace(d90_context(on, opts), head=head)
        return lambda f: level_by_criteria(f, d90)
    return lambda f: (None, head)


@dataclass(frozen=True, slots=True)
class _RegimeEntry:
    regime: EvaluationRegime
    level: Level
    values: MappingProxyType[str, Any]
    capped: bool


@rule(
    code=CLASSIFY,
    version="2020",
    title="Đánh giá, xếp loại chất lượng cá nhân theo văn bản áp dụng",
    cites=(cite(D90, 1), cite(D335), cite(D233, 2), cite(D233, 20, 1)),
    valid_from=D90_FROM,
    facts=PersonEvaluationFacts,
    confidence=Confidence.SECONDARY,
)
def classify_person(
    facts: PersonEvaluationFacts,
    *,
    on: date,
    options: law_options.EvaluationOptions | None = None,
) -> Result:
    """The regime for the person's category and year, then that regime's level."""
    return classify_people((facts,), on=on, options=options)[0]


def classify_people(
    people: Sequence[PersonEvaluationFacts],
    *,
    on: date,
    options: law_options.EvaluationOptions | None = None,
    apply_caps: bool = False,
) -> list[Result]:
    """Classify a whole agency: one Result per person, in input order.

    With ``apply_caps`` the excellent candidates of each unit and group (D233, D335) beyond
    the cap are rated good, highest scores kept first (ties: input order), each with a reason
    naming the cap. Without it, use :func:`caps_for_people` to check the proposed list.
    """
    with paused_gc():
        return _classify_people(people, on=on, options=options, apply_caps=apply_caps)


def _classify_people(
    people: Sequence[PersonEvaluationFacts],
    *,
    on: date,
    options: law_options.EvaluationOptions | None = None,
    apply_caps: bool = False,
) -> list[Result]:
    opts = _opts(options)
    version = rule_for(CLASSIFY, on).version
    entries: dict[tuple[Any, ...], _RegimeEntry] = {}
    values: dict[EvaluationRegime, MappingProxyType[str, Any]] = {}
    out: list[Result] = []
    append = out.append
    # Cap bookkeeping (apply_caps): (regime, unit[, group]) → [good, excellent, raised]
    pools: dict[tuple[Any, ...], list[int]] = {}
    candidates: list[int] = []
    X, G = Rating.EXCELLENT, Rating.GOOD
    for i, f in enumerate(people):
        key = (f.category, f.evaluation_year, f.in_public_service_unit, f.party_or_mass_org_unit)
        entry = entries.get(key)
        if entry is None:
            regime, why = select_regime(RegimeFacts(*key), opts)
            shared = values.setdefault(regime, MappingProxyType({"regime": regime}))
            entry = entries[key] = _RegimeEntry(
                regime, _level_for(regime, on, opts, why), shared, apply_caps and regime in _SCOPED
            )
        level, reasons = entry.level(f)
        append(batch_result(CLASSIFY, version, on, level, entry.values, reasons))
        if entry.capped and (level is X or level is G):
            slot = 1 if level is X else 0
            unit_key = (entry.regime, f.agency_id)
            raised = int(
                f.unit_rating is X if entry.regime is EvaluationRegime.D233 else f.unit_outstanding
            )
            pool = pools.get(unit_key)
            if pool is None:
                pool = pools[unit_key] = [0, 0, raised]
            pool[2] &= raised  # raised only when the whole agency's list says so
            pool[slot] += 1
            if f.task_group:
                group_key = (entry.regime, f.agency_id, f.task_group)
                group = pools.get(group_key)
                if group is None:
                    group = pools[group_key] = [0, 0, 0]
                group[slot] += 1
            if slot:
                candidates.append(i)
    if candidates:
        _apply_caps(people, out, on, opts, pools, candidates)
    return out


_SCOPED = (EvaluationRegime.D233, EvaluationRegime.D335)


def score_keys(people: Sequence[Any], indices: Sequence[int]) -> Callable[[int], tuple[int, int]]:
    """Exact integer sort keys, highest score first then input order (no floats)."""
    parts = {
        i: score_parts(people[i].score) if people[i].score is not None else (0, 1) for i in indices
    }
    common = math.lcm(*(d for _, d in parts.values())) if parts else 1
    return lambda i: (-(parts[i][0] * (common // parts[i][1])), i)


def _apply_caps(
    people: Sequence[PersonEvaluationFacts],
    results: list[Result],
    on: date,
    opts: law_options.EvaluationOptions,
    pools: dict[tuple[Any, ...], list[int]],
    candidates: list[int],
) -> None:
    """Rate good the excellent candidates beyond the cap of their unit or group."""
    room: dict[tuple[Any, ...], int] = {}
    why_of: dict[tuple[Any, ...], Reason] = {}
    for key, (good, excellent, _) in pools.items():
        raised = pools[key[:2]][2]  # a group takes the agency's share
        share, citation = person_share(key[0], bool(raised), on)
        most = room[key] = pool_max(good, excellent, share, opts.ratio_base, opts.rounding)
        scope = scope_label(key[0], key[1], key[2] if len(key) == 3 else None)
        why_of[key] = reason(
            "evaluation.cap.demoted",
            "Vượt tỷ lệ Hoàn thành xuất sắc nhiệm vụ của {scope} (tối đa {most} người): xếp loại "
            "Hoàn thành tốt nhiệm vụ",
            citation,
            scope=scope,
            most=most,
        )
    candidates.sort(key=score_keys(people, candidates))
    for i in candidates:
        f, r = people[i], results[i]
        regime = r.values["regime"]
        unit_key = (regime, f.agency_id)
        group_key = (regime, f.agency_id, f.task_group) if f.task_group else None
        full = (
            unit_key
            if room[unit_key] <= 0
            else (group_key if group_key is not None and room[group_key] <= 0 else None)
        )
        if full is None:
            room[unit_key] -= 1
            if group_key is not None:
                room[group_key] -= 1
            continue
        results[i] = Result(
            r.rule, r.rule_version, on, Rating.GOOD, r.values, r.reasons + (why_of[full],)
        )


def caps_for_people(
    people: Sequence[PersonEvaluationFacts],
    results: Sequence[Result],
    *,
    on: date,
    options: law_options.EvaluationOptions | None = None,
) -> list[Result]:
    """Check the proposed list against Q3: one cap Result per (regime, agency), with its groups.

    The scope is the agency (D335, D90: "trong cùng cơ quan") or the public service unit
    itself (D233: "trong cùng đơn vị"), never a department of it, and each group of similar
    tasks (``task_group``) inside it.

    Only D233 and D335 people are counted; the numbers (max, current, how many more) are in
    each result's ``values``.
    """
    from hoinghi.law.evaluation.caps import ExcellentCapFacts, GroupCounts, check_excellent_cap

    units: dict[tuple[EvaluationRegime, str], list[Any]] = {}
    for f, r in zip(people, results, strict=True):
        regime = r.values.get("regime")
        if regime not in (EvaluationRegime.D233, EvaluationRegime.D335):
            continue
        if r.outcome not in (Rating.EXCELLENT, Rating.GOOD):
            continue
        slot = 1 if r.outcome is Rating.EXCELLENT else 0
        entry = units.setdefault((regime, f.agency_id), [[0, 0], {}, True, True])
        entry[0][slot] += 1
        entry[2] = entry[2] and f.unit_rating is Rating.EXCELLENT
        entry[3] = entry[3] and f.unit_outstanding
        if f.task_group:
            entry[1].setdefault(f.task_group, [0, 0])[slot] += 1
    out = []
    for (regime, agency), (counts, groups, rated_excellent, outstanding) in units.items():
        facts = ExcellentCapFacts(
            regime=regime,
            excellent=counts[1],
            good=counts[0],
            groups=tuple(GroupCounts(g, c[1], c[0]) for g, c in sorted(groups.items())),
            unit_rated_excellent=rated_excellent,
            outstanding=outstanding,
            unit_id=agency,
        )
        out.append(check_excellent_cap(facts, on=on, options=options))
    return out
