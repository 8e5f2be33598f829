"""Collective titles (E3, E4), the CSTĐCS cap (E6-old, E7) and the unit-level batch.

``decide_titles_for_units`` takes the people of an agency with their units, computes each
person's titles, applies the caps per unit and decides each unit's collective titles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from typing import Any

from hoinghi.law import options as law_options
from hoinghi.law.citations import Citation, Confidence, cite
from hoinghi.law.emulation.parameters import (
    CSTDCS_CAP_SHARE,
    D91_FROM,
    L06_FROM,
    LEGACY_TO,
    TTLDTT_LDTT_SHARE,
    TTLDXS_LDTT_SHARE,
)
from hoinghi.law.emulation.titles import (
    CSTD_TINH,
    CSTDCS,
    PersonYearFacts,
    decide_titles_for_people,
)
from hoinghi.law.emulation.vocabulary import TITLE_LABELS, Title
from hoinghi.law.evaluation.explain import make_result, paused_gc, reason
from hoinghi.law.evaluation.persons import score_keys
from hoinghi.law.evaluation.vocabulary import DisciplineLevel, Rating, ratio_floor
from hoinghi.law.instruments import D91, L06, LTDKT2003
from hoinghi.law.registry import rule
from hoinghi.law.results import Basis, Reason, Result

TTLDTT, TTLDXS = Title.TAP_THE_LAO_DONG_TIEN_TIEN, Title.TAP_THE_LAO_DONG_XUAT_SAC


@dataclass(frozen=True, slots=True)
class CollectiveFacts:
    """A collective (a sub-unit or the whole agency) in the year, with member counts."""

    unit_id: str
    members: int
    members_ldtt: int  # Lao động tiên tiến
    members_cstdcs: int  # Chiến sĩ thi đua cơ sở
    members_done: int  # classified Hoàn thành nhiệm vụ or above
    members_disciplined_warning: int = 0  # disciplined with cảnh cáo or heavier in the year
    # not classified in the year (under six months of work): left out of the 100 % by default
    members_unclassified: int = 0
    collective_rating: Rating | None = None  # the unit's level, or the council's assessment
    emulation_active: bool = True  # regular, practical, effective emulation movements
    unity: bool = True  # internal unity, compliance with the law


def _no(
    title: Title, code: str, why: str, citation: Citation, basis: Basis = Basis.LAW, **params: Any
) -> Reason:
    return reason(
        f"emulation.{code}",
        f"Không đủ điều kiện {TITLE_LABELS[title]}: {why}",
        citation,
        basis,
        **params,
    )


def _members_counted(
    f: CollectiveFacts, opts: law_options.EmulationOptions, citation: Citation
) -> tuple[int, Reason | None]:
    """Members counted in "100 % hoàn thành nhiệm vụ" and, with unclassified members, why.

    Whether a member not classified in the year (under six months of work) counts as not
    completing is unverified: by default they are left out (``unclassified_count_as_not_done``).
    """
    if not f.members_unclassified:
        return f.members, None
    if opts.unclassified_count_as_not_done:
        text = (
            "{unclassified} thành viên chưa được xếp loại (dưới 6 tháng công tác) được tính là "
            "chưa hoàn thành nhiệm vụ"
        )
        counted = f.members
    else:
        text = (
            "{unclassified} thành viên chưa được xếp loại (dưới 6 tháng công tác) không tính vào "
            "tỷ lệ 100% thành viên hoàn thành nhiệm vụ"
        )
        counted = f.members - f.members_unclassified
    note = reason(
        "emulation.ttldxs.unclassified",
        text,
        citation,
        Basis.UNVERIFIED,
        unclassified=f.members_unclassified,
    )
    return counted, note


def _ttldtt(
    f: CollectiveFacts, on: date, opts: law_options.EmulationOptions
) -> tuple[bool, list[Reason]]:
    """Tập thể lao động tiên tiến (E4): the collective's level, its share of Lao động tiên tiến,
    its movements and unity, and (to 2023, or by option) no member disciplined."""
    legacy = on <= LEGACY_TO
    tt = TTLDTT_LDTT_SHARE.at(on)
    tt_cite = tt.citation
    tt_basis = Basis.UNVERIFIED if tt.confidence is Confidence.UNVERIFIED else Basis.LAW
    tt_share = tt.value
    if opts.ttldtt_ldtt_share is not None and not legacy:
        tt_share, tt_basis = opts.ttldtt_ldtt_share, Basis.AGENCY
    rating = f.collective_rating
    why: list[Reason] = []
    tt_fail: list[Reason] = []
    if rating is None or not rating.at_least(Rating.GOOD):
        tt_fail.append(
            _no(TTLDTT, "ttldtt.rating", "tập thể chưa hoàn thành tốt nhiệm vụ", tt_cite)
        )
    if not (f.members_ldtt * tt_share.denominator > tt_share.numerator * f.members):
        tt_fail.append(
            _no(
                TTLDTT,
                "ttldtt.share",
                "số Lao động tiên tiến ({ldtt}/{members}) chưa vượt {percent}% số thành viên",
                tt_cite,
                tt_basis,
                ldtt=f.members_ldtt,
                members=f.members,
                percent=tt_share * 100,
            )
        )
    if not f.emulation_active:
        tt_fail.append(
            _no(
                TTLDTT,
                "ttldtt.emulation",
                "chưa tổ chức phong trào thi đua thường xuyên, thiết thực, hiệu quả",
                tt_cite,
            )
        )
    if not f.unity:
        tt_fail.append(
            _no(TTLDTT, "ttldtt.unity", "nội bộ chưa đoàn kết, chấp hành chưa tốt", tt_cite)
        )
    if f.members_disciplined_warning:
        if legacy or opts.collective_discipline_clause:
            tt_fail.append(
                _no(
                    TTLDTT,
                    "ttldtt.discipline",
                    "có thành viên bị kỷ luật từ hình thức cảnh cáo trở lên",
                    cite(LTDKT2003, 28) if legacy else tt_cite,
                    Basis.LAW if legacy else Basis.AGENCY,
                )
            )
        else:
            why.append(
                reason(
                    "emulation.ttldtt.discipline_clause",
                    "Có thành viên bị kỷ luật từ cảnh cáo trở lên: Luật 2022 không rõ "
                    "còn điều kiện này, chưa áp dụng",
                    tt_cite,
                    Basis.UNVERIFIED,
                )
            )
    if tt_fail:
        return False, [*why, *tt_fail]
    why.append(
        reason(
            "emulation.ttldtt.eligible",
            "Đủ điều kiện {title}",
            tt_cite,
            tt_basis,
            title=TITLE_LABELS[TTLDTT],
        )
    )
    return True, why


def _ttldxs(
    f: CollectiveFacts, on: date, opts: law_options.EmulationOptions
) -> tuple[bool, list[Reason]]:
    """Tập thể lao động xuất sắc (E3, proposed upward, E9): excellent, 100 % done, LĐTT share,
    a CSTĐCS, movements and unity."""
    xs = TTLDXS_LDTT_SHARE.at(on)
    xs_cite = xs.citation
    xs_basis = Basis.UNVERIFIED if xs.confidence is Confidence.UNVERIFIED else Basis.LAW
    rating = f.collective_rating
    counted, note = _members_counted(f, opts, xs_cite)
    why: list[Reason] = [note] if note is not None else []
    xs_fail: list[Reason] = []
    if rating is not Rating.EXCELLENT:
        xs_fail.append(
            _no(
                TTLDXS,
                "ttldxs.rating",
                "tập thể chưa hoàn thành xuất sắc nhiệm vụ",
                xs_cite,
                xs_basis,
            )
        )
    if f.members_done < counted:
        xs_fail.append(
            _no(
                TTLDXS,
                "ttldxs.all_done",
                "chưa có 100% thành viên hoàn thành nhiệm vụ ({done}/{members})",
                xs_cite,
                xs_basis,
                done=f.members_done,
                members=counted,
            )
        )
    if f.members_ldtt * xs.value.denominator < xs.value.numerator * f.members:
        xs_fail.append(
            _no(
                TTLDXS,
                "ttldxs.share",
                "số Lao động tiên tiến ({ldtt}/{members}) dưới {percent}%",
                xs_cite,
                xs_basis,
                ldtt=f.members_ldtt,
                members=f.members,
                percent=xs.value * 100,
            )
        )
    if f.members_cstdcs < 1:
        xs_fail.append(
            _no(
                TTLDXS,
                "ttldxs.cstdcs",
                "chưa có cá nhân đạt Chiến sĩ thi đua cơ sở",
                xs_cite,
                xs_basis,
            )
        )
    if not f.emulation_active or not f.unity:
        xs_fail.append(
            _no(
                TTLDXS,
                "ttldxs.emulation",
                "phong trào thi đua, đoàn kết nội bộ chưa đạt yêu cầu",
                xs_cite,
                xs_basis,
            )
        )
    if xs_fail:
        return False, [*why, *xs_fail]
    why.append(
        reason(
            "emulation.ttldxs.eligible",
            "Đủ điều kiện đề nghị {title} (cấp bộ, tỉnh quyết định)",
            cite(L06, 80),
            xs_basis,
            title=TITLE_LABELS[TTLDXS],
        )
    )
    return True, why


def _collective(
    f: CollectiveFacts, on: date, opts: law_options.EmulationOptions
) -> tuple[tuple[Title, ...], tuple[Reason, ...]]:
    tt_ok, tt_why = _ttldtt(f, on, opts)
    xs_ok, xs_why = _ttldxs(f, on, opts)
    titles = (TTLDTT,) * tt_ok + (TTLDXS,) * xs_ok
    return titles, (*tt_why, *xs_why)


@rule(
    code="emulation.collective_titles",
    version="LTDKT2003",
    title="Danh hiệu thi đua tập thể trong năm",
    cites=(cite(LTDKT2003, 27), cite(LTDKT2003, 28)),
    valid_from=D91_FROM,
    valid_to=LEGACY_TO,
    facts=CollectiveFacts,
    confidence=Confidence.SECONDARY,
)
@rule(
    code="emulation.collective_titles",
    version="L06",
    title="Danh hiệu thi đua tập thể trong năm",
    cites=(cite(L06, 27, 1), cite(L06, 28)),
    valid_from=L06_FROM,
    facts=CollectiveFacts,
    confidence=Confidence.SECONDARY,
)
def decide_collective_titles(
    facts: CollectiveFacts, *, on: date, options: law_options.EmulationOptions | None = None
) -> Result:
    """E3, E4: Tập thể lao động tiên tiến and (a proposal for) Tập thể lao động xuất sắc."""
    opts = options if options is not None else law_options.EmulationOptions()
    titles, why = _collective(facts, on, opts)
    version = "LTDKT2003" if on <= LEGACY_TO else "L06"
    return make_result(
        "emulation.collective_titles", version, on, titles, why, {"unit_id": facts.unit_id}
    )


@dataclass(frozen=True, slots=True)
class CstdcsCapFacts:
    ldtt: int  # Lao động tiên tiến in the unit
    cstdcs: int  # proposed Chiến sĩ thi đua cơ sở
    unit_id: str = ""


def cstdcs_cap(
    on: date, opts: law_options.EmulationOptions
) -> tuple[Fraction | None, Citation | None, Basis]:
    if on <= LEGACY_TO:
        dated = CSTDCS_CAP_SHARE.at(on)
        return dated.value, dated.citation, Basis.LAW
    if opts.cstdcs_cap_share is not None:
        return opts.cstdcs_cap_share, cite(L06, 23), Basis.AGENCY
    return None, cite(L06, 23), Basis.LAW


@rule(
    code="emulation.cstdcs_cap",
    version="D91",
    title="Tỷ lệ Chiến sĩ thi đua cơ sở",
    cites=(cite(D91, 9, 3),),
    valid_from=D91_FROM,
    valid_to=LEGACY_TO,
    facts=CstdcsCapFacts,
    confidence=Confidence.SECONDARY,
)
@rule(
    code="emulation.cstdcs_cap",
    version="L06",
    title="Tỷ lệ Chiến sĩ thi đua cơ sở",
    cites=(cite(L06, 23),),
    valid_from=L06_FROM,
    facts=CstdcsCapFacts,
    confidence=Confidence.SECONDARY,
)
def check_cstdcs_cap(
    facts: CstdcsCapFacts, *, on: date, options: law_options.EmulationOptions | None = None
) -> Result:
    """E6-old: CSTĐCS ≤ 15 % of LĐTT (≤ 2023).

    E7: no statutory cap from 2024; the agency may set one (an option).
    """
    opts = options if options is not None else law_options.EmulationOptions()
    share, citation, basis = cstdcs_cap(on, opts)
    version = "D91" if on <= LEGACY_TO else "L06"
    if share is None:
        why = reason(
            "emulation.cstdcs_cap.none",
            "Không có quy định giới hạn tỷ lệ Chiến sĩ thi đua "
            "cơ sở; số lượng chỉ phụ thuộc tiêu chuẩn",
            citation,
        )
        return make_result(
            "emulation.cstdcs_cap",
            version,
            on,
            True,
            (why,),
            {"max": None, "current": facts.cstdcs, "remaining": None},
        )
    most = ratio_floor(share.numerator * facts.ldtt, share.denominator, opts.cap_rounding)
    params = {"current": facts.cstdcs, "most": most, "ldtt": facts.ldtt, "percent": share * 100}
    if facts.cstdcs <= most:
        why = reason(
            "emulation.cstdcs_cap.within",
            "{current} Chiến sĩ thi đua cơ sở, tối đa {most}"
            " ({percent}% của {ldtt} Lao động tiên tiến); còn có thể đề nghị thêm {more}",
            citation,
            basis,
            more=most - facts.cstdcs,
            **params,
        )
    else:
        why = reason(
            "emulation.cstdcs_cap.over",
            "{current} Chiến sĩ thi đua cơ sở vượt tối đa "
            "{most} ({percent}% của {ldtt} Lao động tiên tiến)",
            citation,
            basis,
            **params,
        )
    return make_result(
        "emulation.cstdcs_cap",
        version,
        on,
        facts.cstdcs <= most,
        (why,),
        {"max": most, "current": facts.cstdcs, "remaining": max(0, most - facts.cstdcs)},
    )


@dataclass(frozen=True, slots=True)
class UnitYearFacts:
    """What the unit-level batch needs about a collective beyond its members' results."""

    unit_id: str
    collective_rating: Rating | None = None
    emulation_active: bool = True
    unity: bool = True


@dataclass(frozen=True, slots=True)
class AgencyTitles:
    people: list[Result]  # one per person, input order, caps applied
    units: list[Result] = field(default_factory=list)  # collective titles, one per unit
    caps: list[Result] = field(default_factory=list)  # CSTĐCS cap per unit (when a cap applies)


def decide_titles_for_units(
    people: Sequence[PersonYearFacts],
    units: Sequence[UnitYearFacts],
    *,
    on: date,
    options: law_options.EmulationOptions | None = None,
) -> AgencyTitles:
    """Individual titles with the CSTĐCS cap applied per unit, then each unit's titles.

    Over the cap, the proposed CSTĐCS of a unit are kept highest score first (ties: input
    order); the others keep Lao động tiên tiến and get a reason naming the cap.
    """
    with paused_gc():
        return _decide_titles_for_units(people, units=units, on=on, options=options)


def _decide_titles_for_units(
    people: Sequence[PersonYearFacts],
    units: Sequence[UnitYearFacts],
    *,
    on: date,
    options: law_options.EmulationOptions | None = None,
) -> AgencyTitles:
    opts = options if options is not None else law_options.EmulationOptions()
    results = decide_titles_for_people(people, on=on, options=opts)
    share, citation, basis = cstdcs_cap(on, opts)
    # unit → [members, ldtt, cstdcs, done, disciplined≥warning, unclassified]
    stats: dict[str, list[int]] = {}
    cands: dict[str, list[int]] = {}
    for i, (f, r) in enumerate(zip(people, results, strict=True)):
        s = stats.get(f.unit_id)
        if s is None:
            s = stats[f.unit_id] = [0, 0, 0, 0, 0, 0]
        s[0] += 1
        titles = r.outcome
        if titles:
            s[1] += 1
            if len(titles) > 1:
                s[2] += 1
                cands.setdefault(f.unit_id, []).append(i)
        if f.rating is None:
            s[5] += 1
        elif f.rating is not Rating.NOT_DONE:
            s[3] += 1
        if f.discipline is not None and f.discipline.at_least(DisciplineLevel.WARNING):
            s[4] += 1
    caps: list[Result] = []
    if share is not None:
        for unit, idx in cands.items():
            s = stats[unit]
            caps.append(check_cstdcs_cap(CstdcsCapFacts(s[1], s[2], unit), on=on, options=opts))
            most = ratio_floor(share.numerator * s[1], share.denominator, opts.cap_rounding)
            if len(idx) <= most:
                continue
            idx.sort(key=score_keys(people, idx))
            why = reason(
                "emulation.cstdcs_cap.demoted",
                "Không được đề nghị Chiến sĩ thi đua cơ sở: vượt tỷ lệ tối đa {most} người "
                "({percent}% của {ldtt} Lao động tiên tiến) của đơn vị {unit}",
                citation,
                basis,
                most=most,
                percent=share * 100,
                ldtt=s[1],
                unit=unit,
            )
            for i in idx[most:]:
                r = results[i]
                kept = tuple(t for t in r.outcome if t not in (CSTDCS, CSTD_TINH))
                results[i] = Result(r.rule, r.rule_version, on, kept, r.values, (*r.reasons, why))
            s[2] = most
    by_unit = {u.unit_id: u for u in units}
    unit_results = []
    for unit, s in stats.items():
        u = by_unit.get(unit, UnitYearFacts(unit))
        facts = CollectiveFacts(
            unit,
            s[0],
            s[1],
            s[2],
            s[3],
            s[4],
            s[5],
            u.collective_rating,
            u.emulation_active,
            u.unity,
        )
        unit_results.append(decide_collective_titles(facts, on=on, options=opts))
    return AgencyTitles(results, unit_results, caps)
