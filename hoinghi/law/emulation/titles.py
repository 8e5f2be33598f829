"""Individual titles per year and regime: Lao động tiên tiến, Chiến sĩ thi đua cơ sở and the
higher titles a person may be proposed for (E1, E2, E2-old, E2-new, E5, E6, E10, E11).

``decide_titles_for_people`` is the batch API: the regime, the rule version and every reason
are fixed once per batch; each person costs a few comparisons.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from types import MappingProxyType
from typing import Any

from hoinghi.law import options as law_options
from hoinghi.law.citations import Citation, Confidence, cite
from hoinghi.law.emulation.parameters import (
    CSTD_TINH_CONSECUTIVE,
    CSTD_TOAN_QUOC_CONSECUTIVE,
    D91_FROM,
    D98_TO,
    D152_FROM,
    L06_FROM,
    LAW_2026,
    LAW_2026_FROM,
    LEGACY_TO,
    MIN_MONTHS_NEW_RECRUIT,
)
from hoinghi.law.emulation.vocabulary import (
    EMULATION_REGIME_LABELS,
    TITLE_LABELS,
    EmulationRegime,
    InitiativeLevel,
    Title,
)
from hoinghi.law.evaluation.explain import batch_result, paused_gc, reason
from hoinghi.law.evaluation.vocabulary import (
    DisciplineLevel,
    LeaveKind,
    Rating,
    StaffCategory,
)
from hoinghi.law.instruments import D91, L06, LTDKT2003, TT01_2024
from hoinghi.law.registry import rule, rule_for
from hoinghi.law.results import Basis, Reason, Result

TITLES = "emulation.titles"
LDTT, CSTDCS = Title.LAO_DONG_TIEN_TIEN, Title.CHIEN_SI_THI_DUA_CO_SO
CSTD_TINH, CSTD_TQ = Title.CHIEN_SI_THI_DUA_CAP_TINH, Title.CHIEN_SI_THI_DUA_TOAN_QUOC


@dataclass(frozen=True, slots=True)
class PersonYearFacts:
    """One person's emulation year, built by the service from classification and records."""

    person_id: str
    year: int
    rating: Rating | None  # the year's classification; None = not classified
    unit_id: str = ""
    category: StaffCategory = StaffCategory.PUBLIC_EMPLOYEE
    spirit_ok: bool = True  # self-reliance, solidarity, active in emulation movements
    recruited_on: date | None = None  # None = in service before the year began
    leave: LeaveKind | None = None
    months_on_leave: int = 0
    discipline: DisciplineLevel | None = None  # disciplined in the year
    registered: bool = True  # emulation registration (đăng ký thi đua)
    initiative_level: InitiativeLevel | None = None  # highest recognised initiative effect
    science_work_accepted: bool = False  # đề tài, đề án, công trình đã được nghiệm thu
    science_work_applied: bool = False  # … and applied (legacy rule)
    combat_ingenuity: bool = False  # armed forces
    prior_consecutive_cstdcs: int = 0  # consecutive CSTĐCS titles ending last year
    consecutive_cstd_tinh: int = 0  # consecutive CSTĐ bộ/tỉnh titles ending this year
    score: Fraction | None = None  # ranking under a cap (higher first)


def months_in_service(recruited_on: date | None, year: int) -> int:
    """Whole months from recruitment to the end of ``year`` (01/04 → 9 months)."""
    if recruited_on is None or recruited_on.year < year:
        return 12
    if recruited_on.year > year:
        return 0
    return 13 - recruited_on.month - (1 if recruited_on.day > 1 else 0)


def regime_on(on: date, options: law_options.EmulationOptions) -> EmulationRegime:
    if on <= LEGACY_TO:
        return EmulationRegime.LAW_2003
    if on <= D98_TO:
        return EmulationRegime.L06_D98
    if on >= LAW_2026_FROM and options.apply_law_2026:
        return EmulationRegime.L06_2026
    return EmulationRegime.L06_D152


def _no(
    title: Title,
    code: str,
    why: str,
    citation: Citation | None,
    basis: Basis = Basis.LAW,
    **params: Any,
) -> Reason:
    return reason(
        f"emulation.{code}",
        f"Không đủ điều kiện {TITLE_LABELS[title]}: {why}",
        citation,
        basis,
        **params,
    )


def _yes(title: Title, citation: Citation, basis: Basis = Basis.LAW) -> Reason:
    return reason(
        f"emulation.{title.value}.eligible",
        "Đủ điều kiện {title}",
        citation,
        basis,
        title=TITLE_LABELS[title],
    )


@dataclass(frozen=True, slots=True)
class TitleContext:
    regime: EmulationRegime
    legacy: bool
    min_months: int
    counted_leave: frozenset[LeaveKind]
    registration_required: bool
    discipline_bars: bool  # disciplined in the year → no Lao động tiên tiến
    discipline_note: Reason  # said when a disciplined person is not barred (agency option)
    tinh_years: int
    tq_years: int
    values: MappingProxyType[str, Any]
    head: tuple[Reason, ...]  # regime notes every result carries
    r: dict[str, Reason]
    t: dict[str, tuple[Reason, ...]]  # whole answers for the common cases, built once


@dataclass(frozen=True, slots=True)
class _LdttRule:
    """Lao động tiên tiến in force on a date: its thresholds and its reasons."""

    min_months: int
    counted_leave: frozenset[LeaveKind]
    registration_required: bool
    discipline_bars: bool
    reasons: dict[str, Reason]


def _ldtt_rule(on: date, options: law_options.EmulationOptions, legacy: bool) -> _LdttRule:
    """LĐTT (Law 2003 Art 24 and Decree 91 Art 10 to 2023; L06 Art 24.1 and TT 01/2024 after):
    months of service, counted leave, registration and discipline, with each refusal's reason."""
    months = MIN_MONTHS_NEW_RECRUIT.at(on)
    min_months = options.min_months_new_recruit or months.value
    months_basis = (
        Basis.AGENCY
        if options.min_months_new_recruit
        else Basis.UNVERIFIED
        if months.confidence is Confidence.UNVERIFIED
        else Basis.LAW
    )
    counted = {LeaveKind.WORK_INJURY, LeaveKind.TRAINING}
    if legacy or options.maternity_counted:
        counted.add(LeaveKind.MATERNITY)
    required = (
        options.registration_required if options.registration_required is not None else legacy
    )
    reg_basis = Basis.AGENCY if options.registration_required is not None else Basis.UNVERIFIED
    discipline_basis = (
        Basis.LAW
        if legacy
        else Basis.AGENCY
        if options.discipline_bars_ldtt is not None
        else Basis.UNVERIFIED
    )
    ldtt_cite = cite(LTDKT2003, 24) if legacy else cite(L06, 24, 1)
    reasons = {
        "ldtt.yes": _yes(LDTT, ldtt_cite),
        "ldtt.not_classified": _no(
            LDTT, "ldtt.not_classified", "không được xếp loại chất lượng trong năm", ldtt_cite
        ),
        "ldtt.rating": _no(
            LDTT, "ldtt.rating", "chưa được xếp loại Hoàn thành tốt nhiệm vụ trở lên", ldtt_cite
        ),
        "ldtt.spirit": _no(
            LDTT,
            "ldtt.spirit",
            "chưa đạt tiêu chí tinh thần tự lực, tự cường, "
            "đoàn kết, tích cực tham gia phong trào thi đua",
            ldtt_cite,
        ),
        "ldtt.time": _no(
            LDTT,
            "ldtt.time",
            "thời gian công tác trong năm dưới {months} tháng",
            cite(D91, 10) if legacy else months.citation,
            months_basis,
            months=min_months,
        ),
        "ldtt.discipline": _no(
            LDTT,
            "ldtt.discipline",
            "bị kỷ luật từ hình thức khiển trách trở lên trong năm",
            cite(D91, 10) if legacy else cite(TT01_2024),
            discipline_basis,
        ),
        "ldtt.registration": _no(
            LDTT,
            "ldtt.registration",
            "chưa đăng ký thi đua",
            cite(LTDKT2003, 10, 1, "b"),
            reg_basis,
        ),
    }
    return _LdttRule(
        min_months,
        frozenset(counted),
        required,
        legacy or options.discipline_bars_ldtt is not False,
        reasons,
    )


def _cstdcs_reasons(regime: EmulationRegime, legacy: bool) -> dict[str, Reason]:
    """Chiến sĩ thi đua cơ sở (Decree 91 Art 9.3 to 2023, L06 Art 23, the reported 2026 Law)."""
    if legacy:
        cstd_cite = cite(D91, 9, 3)
    elif regime is EmulationRegime.L06_2026:
        cstd_cite = LAW_2026
    else:
        cstd_cite = cite(L06, 23)
    basis = Basis.UNVERIFIED if regime is EmulationRegime.L06_2026 else Basis.LAW
    return {
        "cstdcs.yes": _yes(CSTDCS, cstd_cite, basis),
        "cstdcs.no_ldtt": _no(
            CSTDCS, "cstdcs.no_ldtt", "chưa đạt danh hiệu Lao động tiên tiến", cstd_cite, basis
        ),
        "cstdcs.no_initiative": _no(
            CSTDCS,
            "cstdcs.no_initiative",
            "chưa có sáng kiến được công nhận hoặc đề tài khoa học đã nghiệm thu và được áp dụng",
            cstd_cite,
        ),
        "cstdcs.no_excellent_or_initiative": _no(
            CSTDCS,
            "cstdcs.no_excellent_or_initiative",
            "chưa được xếp loại Hoàn thành xuất sắc nhiệm vụ và chưa có sáng kiến được công nhận, "
            "đề tài, đề án, công trình khoa học đã được nghiệm thu",
            cstd_cite,
        ),
        "cstdcs.2026.no_excellent": _no(
            CSTDCS,
            "cstdcs.2026.no_excellent",
            "chưa được xếp loại Hoàn thành xuất sắc nhiệm vụ",
            cstd_cite,
            Basis.UNVERIFIED,
        ),
        "cstdcs.2026.no_initiative": _no(
            CSTDCS,
            "cstdcs.2026.no_initiative",
            "chưa có sáng kiến, đề tài, công trình khoa học được công nhận",
            cstd_cite,
            Basis.UNVERIFIED,
        ),
    }


def _higher_reasons(on: date) -> tuple[int, int, dict[str, Reason]]:
    """Chiến sĩ thi đua bộ, ngành, tỉnh and toàn quốc: consecutive years and the initiative's
    reach (L06 Art 22, 21), with the years each needs."""
    tinh, tq = CSTD_TINH_CONSECUTIVE.at(on), CSTD_TOAN_QUOC_CONSECUTIVE.at(on)
    reasons = {
        "tinh.yes": _yes(
            CSTD_TINH,
            tinh.citation,
            Basis.UNVERIFIED if tinh.confidence is Confidence.UNVERIFIED else Basis.LAW,
        ),
        "tinh.years": _no(
            CSTD_TINH,
            "cstd_tinh.years",
            "chưa có {years} lần liên tục đạt Chiến sĩ thi đua cơ sở",
            tinh.citation,
            years=tinh.value,
        ),
        "tinh.initiative": _no(
            CSTD_TINH,
            "cstd_tinh.initiative",
            "chưa có sáng kiến, đề tài được công nhận hiệu quả ở cấp bộ, tỉnh",
            tinh.citation,
        ),
        "tq.yes": _yes(
            CSTD_TQ,
            tq.citation,
            Basis.UNVERIFIED if tq.confidence is Confidence.UNVERIFIED else Basis.LAW,
        ),
        "tq.years": _no(
            CSTD_TQ,
            "cstd_toan_quoc.years",
            "chưa có {years} lần liên tục đạt Chiến sĩ thi đua bộ, ban, ngành, tỉnh",
            tq.citation,
            years=tq.value,
        ),
        "tq.initiative": _no(
            CSTD_TQ,
            "cstd_toan_quoc.initiative",
            "chưa có sáng kiến, đề tài có phạm vi ảnh hưởng toàn quốc",
            tq.citation,
        ),
    }
    return tinh.value, tq.value, reasons


def _regime_notes(on: date, options: law_options.EmulationOptions) -> tuple[Reason, ...]:
    """What every result carries: the reported 2026 Law not applied unless chosen."""
    if on < LAW_2026_FROM or options.apply_law_2026:
        return ()
    return (
        reason(
            "emulation.law_2026.not_applied",
            "Chưa áp dụng tiêu chí của Luật số 06/2026/QH16 (nội dung chưa được xác minh); "
            "xét theo Luật Thi đua, khen thưởng 2022",
            LAW_2026,
            Basis.UNVERIFIED,
        ),
    )


DISCIPLINE_NOT_APPLIED = reason(
    "emulation.ldtt.discipline_not_applied",
    "Bị kỷ luật trong năm: theo quy chế của cơ quan, không loại trừ khỏi danh hiệu Lao động "
    "tiên tiến",
    cite(TT01_2024),
    Basis.AGENCY,
)


@functools.lru_cache(maxsize=64)
def title_context(on: date, options: law_options.EmulationOptions) -> TitleContext:
    """Everything a batch of one date and options shares: each rule's thresholds and reasons,
    and the whole answers of the common cases, built once."""
    regime = regime_on(on, options)
    legacy = regime is EmulationRegime.LAW_2003
    ldtt = _ldtt_rule(on, options, legacy)
    tinh_years, tq_years, higher = _higher_reasons(on)
    r = {**ldtt.reasons, **_cstdcs_reasons(regime, legacy), **higher}
    head = _regime_notes(on, options)
    t = {key: (*head, r[key], r["cstdcs.no_ldtt"]) for key in r if key.startswith("ldtt.")}
    t.update({key: (*head, r["ldtt.yes"], r[key]) for key in r if key.startswith("cstdcs.")})
    t["both"] = (*head, r["ldtt.yes"], r["cstdcs.yes"])
    return TitleContext(
        regime=regime,
        legacy=legacy,
        min_months=ldtt.min_months,
        counted_leave=ldtt.counted_leave,
        registration_required=ldtt.registration_required,
        discipline_bars=ldtt.discipline_bars,
        discipline_note=DISCIPLINE_NOT_APPLIED,
        tinh_years=tinh_years,
        tq_years=tq_years,
        values=MappingProxyType(
            {"regime": regime, "regime_label": EMULATION_REGIME_LABELS[regime]}
        ),
        head=head,
        r=r,
        t=t,
    )


def titles_of(
    f: PersonYearFacts, ctx: TitleContext
) -> tuple[tuple[Title, ...], tuple[Reason, ...]]:
    """The titles one person is eligible for, and why (not)."""
    t = ctx.t
    rating = f.rating
    fail: str | None = None
    if rating is None:
        fail = "ldtt.not_classified"
    elif rating is not Rating.EXCELLENT and rating is not Rating.GOOD:
        fail = "ldtt.rating"
    elif not f.spirit_ok:
        fail = "ldtt.spirit"
    elif f.discipline is not None and ctx.discipline_bars:
        fail = "ldtt.discipline"
    elif ctx.registration_required and not f.registered:
        fail = "ldtt.registration"
    elif f.recruited_on is not None or f.months_on_leave:
        months = 12 if f.recruited_on is None else months_in_service(f.recruited_on, f.year)
        if f.months_on_leave and f.leave not in ctx.counted_leave:
            months -= f.months_on_leave
        if months < ctx.min_months:
            fail = "ldtt.time"
    if fail is not None:
        return (), t[fail]
    initiative = f.initiative_level is not None or f.combat_ingenuity
    if ctx.legacy:
        ok = initiative or (f.science_work_accepted and f.science_work_applied)
        no = "cstdcs.no_initiative"
    elif ctx.regime is EmulationRegime.L06_2026:
        ok = rating is Rating.EXCELLENT and (initiative or f.science_work_accepted)
        no = (
            "cstdcs.2026.no_excellent"
            if rating is not Rating.EXCELLENT
            else "cstdcs.2026.no_initiative"
        )
    else:
        ok = rating is Rating.EXCELLENT or initiative or f.science_work_accepted
        no = "cstdcs.no_excellent_or_initiative"
    if not ok:
        return _LDTT_ONLY, t[no]
    if f.prior_consecutive_cstdcs + 1 < ctx.tinh_years and not f.consecutive_cstd_tinh:
        return _BOTH, t["both"]
    r = ctx.r
    titles: tuple[Title, ...] = _BOTH
    why = t["both"]
    level = f.initiative_level
    if f.prior_consecutive_cstdcs + 1 >= ctx.tinh_years:
        if level is not None and level.rank >= InitiativeLevel.PROVINCE.rank:
            titles += (CSTD_TINH,)
            why += (r["tinh.yes"],)
        else:
            why += (r["tinh.initiative"],)
    if f.consecutive_cstd_tinh:
        if f.consecutive_cstd_tinh < ctx.tq_years:
            why += (r["tq.years"],)
        elif level is InitiativeLevel.NATIONAL:
            titles += (CSTD_TQ,)
            why += (r["tq.yes"],)
        else:
            why += (r["tq.initiative"],)
    return titles, why


_LDTT_ONLY: tuple[Title, ...] = (LDTT,)
_BOTH: tuple[Title, ...] = (LDTT, CSTDCS)


_CITES_LEGACY = (cite(LTDKT2003, 24), cite(D91, 9, 3), cite(D91, 10))
_CITES_L06 = (cite(L06, 24, 1), cite(L06, 23), cite(L06, 22), cite(L06, 21), cite(TT01_2024))


@rule(
    code=TITLES,
    version="LTDKT2003-D91",
    title="Danh hiệu thi đua cá nhân trong năm",
    cites=_CITES_LEGACY,
    valid_from=D91_FROM,
    valid_to=LEGACY_TO,
    facts=PersonYearFacts,
    confidence=Confidence.SECONDARY,
)
@rule(
    code=TITLES,
    version="L06-D98",
    title="Danh hiệu thi đua cá nhân trong năm",
    cites=_CITES_L06,
    valid_from=L06_FROM,
    valid_to=D98_TO,
    facts=PersonYearFacts,
    confidence=Confidence.SECONDARY,
)
@rule(
    code=TITLES,
    version="L06-D152",
    title="Danh hiệu thi đua cá nhân trong năm",
    cites=_CITES_L06,
    valid_from=D152_FROM,
    valid_to=date(2026, 9, 30),
    facts=PersonYearFacts,
    confidence=Confidence.SECONDARY,
)
@rule(
    code=TITLES,
    version="L06-2026",
    title="Danh hiệu thi đua cá nhân trong năm",
    cites=(LAW_2026, *_CITES_L06),
    valid_from=LAW_2026_FROM,
    facts=PersonYearFacts,
    confidence=Confidence.UNVERIFIED,
)
def decide_titles(
    facts: PersonYearFacts, *, on: date, options: law_options.EmulationOptions | None = None
) -> Result:
    """The individual titles of one person for the year of ``on``."""
    return decide_titles_for_people((facts,), on=on, options=options)[0]


def decide_titles_for_people(
    people: Sequence[PersonYearFacts],
    *,
    on: date,
    options: law_options.EmulationOptions | None = None,
) -> list[Result]:
    """Individual titles for a whole agency, one Result per person in input order.

    No cap is applied here; :func:`hoinghi.law.emulation.decide_titles_for_units` applies
    the CSTĐCS cap (legacy 15 %, or the agency's) and the collective titles.
    """
    with paused_gc():
        return _decide_titles_for_people(people, on=on, options=options)


def _decide_titles_for_people(
    people: Sequence[PersonYearFacts],
    *,
    on: date,
    options: law_options.EmulationOptions | None = None,
) -> list[Result]:
    opts = options if options is not None else law_options.EmulationOptions()
    ctx = title_context(on, opts)
    version = rule_for(TITLES, on).version
    values = ctx.values
    out: list[Result] = []
    append = out.append
    for f in people:
        titles, why = titles_of(f, ctx)
        if f.discipline is not None and not ctx.discipline_bars:
            why = (*why, ctx.discipline_note)
        append(batch_result(TITLES, version, on, titles, values, why))
    return out
