"""Awards around the titles: no double reward (E8), authority (E9), registration (E11),
council ballot (E12), bonus amounts (D9), Giấy khen (option-backed), higher titles (E5, E6)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Any

from hoinghi.law import options as law_options
from hoinghi.law.citations import Confidence, cite
from hoinghi.law.emulation.parameters import (
    BASE_SALARY,
    BONUS_MULTIPLES,
    COUNCIL_SHARE,
    CSTD_TINH_CONSECUTIVE,
    CSTD_TOAN_QUOC_CONSECUTIVE,
    D91_FROM,
    D152_FROM,
    L06_FROM,
    LEGACY_TO,
)
from hoinghi.law.emulation.vocabulary import (
    ISSUER_LEVEL_LABELS,
    TITLE_LABELS,
    InitiativeLevel,
    IssuerLevel,
    Title,
)
from hoinghi.law.evaluation.explain import make_result, reason
from hoinghi.law.evaluation.vocabulary import RATING_LABELS, Rating
from hoinghi.law.instruments import D73_2024, D91, D98, D152, L06, LTDKT2003
from hoinghi.law.registry import rule
from hoinghi.law.results import Basis, Reason, Result

T = Title


@dataclass(frozen=True, slots=True)
class Award:
    achievement_id: str  # the achievement rewarded (thành tích)
    form: Title
    holder_id: str = ""


@dataclass(frozen=True, slots=True)
class AwardsFacts:
    awards: tuple[Award, ...]


# "không khen thưởng nhiều lần, nhiều hình thức cho một thành tích đạt được" (L06 Art 5.2.c).
NO_DOUBLE_REWARD = cite(L06, 5, 2, "c")


@rule(
    code="emulation.no_double_reward",
    version="L06",
    title="Không khen thưởng trùng thành tích",
    cites=(NO_DOUBLE_REWARD,),
    valid_from=L06_FROM,
    facts=AwardsFacts,
    confidence=Confidence.SECONDARY,
)
def check_no_double_reward(
    facts: AwardsFacts, *, on: date, options: law_options.EmulationOptions | None = None
) -> Result:
    """E8: one achievement is rewarded once, with one form; later duplicates are refused."""
    seen: dict[str, Award] = {}
    refused: list[Award] = []
    for a in facts.awards:
        if a.achievement_id in seen:
            refused.append(a)
        else:
            seen[a.achievement_id] = a
    if not refused:
        why = reason(
            "emulation.double_reward.none",
            "Không có thành tích được khen thưởng hai lần",
            NO_DOUBLE_REWARD,
        )
    else:
        first = seen[refused[0].achievement_id]
        why = reason(
            "emulation.double_reward.refused",
            "Thành tích {achievement} đã được đề nghị {first}: không khen thưởng thêm {second}",
            NO_DOUBLE_REWARD,
            achievement=refused[0].achievement_id,
            first=TITLE_LABELS[first.form],
            second=TITLE_LABELS[refused[0].form],
        )
    return make_result(
        "emulation.no_double_reward",
        "L06",
        on,
        not refused,
        (why,),
        {
            "refused": [
                {"achievement_id": a.achievement_id, "form": a.form, "holder_id": a.holder_id}
                for a in refused
            ]
        },
    )


@dataclass(frozen=True, slots=True)
class AuthorityFacts:
    title: Title
    issuer: IssuerLevel


_AGENCY_LEVEL = frozenset(
    {T.LAO_DONG_TIEN_TIEN, T.CHIEN_SI_THI_DUA_CO_SO, T.TAP_THE_LAO_DONG_TIEN_TIEN, T.GIAY_KHEN}
)
_POWERS: dict[IssuerLevel, frozenset[Title]] = {
    IssuerLevel.UNIT_HEAD: _AGENCY_LEVEL,
    IssuerLevel.COMMUNE_CHAIR: frozenset({T.LAO_DONG_TIEN_TIEN, T.GIAY_KHEN}),
    IssuerLevel.DISTRICT_CHAIR: _AGENCY_LEVEL,
    IssuerLevel.MINISTRY_PROVINCE: _AGENCY_LEVEL
    | {
        T.TAP_THE_LAO_DONG_XUAT_SAC,
        T.CHIEN_SI_THI_DUA_CAP_TINH,
        T.BANG_KHEN,
        T.CO_THI_DUA_CAP_TINH,
    },
    IssuerLevel.PRIME_MINISTER: frozenset(
        {T.CHIEN_SI_THI_DUA_TOAN_QUOC, T.CO_THI_DUA_CHINH_PHU, T.BANG_KHEN_THU_TUONG}
    ),
}


@rule(
    code="emulation.authority",
    version="L06",
    title="Thẩm quyền quyết định danh hiệu, khen thưởng",
    cites=(cite(L06, 80), cite(D152)),
    valid_from=L06_FROM,
    facts=AuthorityFacts,
    confidence=Confidence.SECONDARY,
)
def check_authority(
    facts: AuthorityFacts, *, on: date, options: law_options.EmulationOptions | None = None
) -> Result:
    """E9: who may decide a title; the district level is switched off from 01/07/2025."""
    issuer, title = facts.issuer, facts.title
    params: dict[str, Any] = {"issuer": ISSUER_LEVEL_LABELS[issuer], "title": TITLE_LABELS[title]}
    if issuer is IssuerLevel.DISTRICT_CHAIR and on >= D152_FROM:
        why = reason(
            "emulation.authority.district_abolished",
            "{issuer} không còn thẩm quyền quyết định {title} từ ngày 01/07/2025 (chính "
            "quyền địa phương hai cấp)",
            cite(D152),
            **params,
        )
        return make_result("emulation.authority", "L06", on, False, (why,))
    ok = title in _POWERS[issuer]
    text = (
        "{issuer} có thẩm quyền quyết định {title}"
        if ok
        else "{issuer} không có thẩm quyền quyết định {title}"
    )
    return make_result(
        "emulation.authority",
        "L06",
        on,
        ok,
        (reason("emulation.authority." + ("yes" if ok else "no"), text, cite(L06, 80), **params),),
    )


@dataclass(frozen=True, slots=True)
class RegistrationFacts:
    registered: bool


@rule(
    code="emulation.registration",
    version="2017",
    title="Đăng ký thi đua",
    cites=(cite(LTDKT2003, 10, 1, "b"), cite(L06)),
    valid_from=D91_FROM,
    facts=RegistrationFacts,
    confidence=Confidence.UNVERIFIED,
)
def check_registration(
    facts: RegistrationFacts, *, on: date, options: law_options.EmulationOptions | None = None
) -> Result:
    """E11: registration is required up to 2023 (default) or where the agency requires it."""
    opts = options if options is not None else law_options.EmulationOptions()
    legacy = on <= LEGACY_TO
    required = opts.registration_required if opts.registration_required is not None else legacy
    basis = Basis.AGENCY if opts.registration_required is not None else Basis.UNVERIFIED
    citation = cite(LTDKT2003, 10, 1, "b") if legacy else cite(L06)
    if not required:
        why = reason(
            "emulation.registration.not_required",
            "Đăng ký thi đua không là điều kiện xét danh hiệu",
            citation,
            basis,
        )
        return make_result("emulation.registration", "2017", on, True, (why,))
    text = (
        "Đã đăng ký thi đua"
        if facts.registered
        else "Chưa đăng ký thi đua: không được xét danh hiệu thi đua"
    )
    return make_result(
        "emulation.registration",
        "2017",
        on,
        facts.registered,
        (
            reason(
                "emulation.registration." + ("yes" if facts.registered else "no"),
                text,
                citation,
                basis,
            ),
        ),
    )


@dataclass(frozen=True, slots=True)
class BallotFacts:
    council_members: int  # all members of the council, present or not
    votes_in_favour: int  # secret-ballot yes votes (absent members vote in writing)


@rule(
    code="emulation.council_ballot",
    version="2017",
    title="Tỷ lệ phiếu bầu của Hội đồng Thi đua - Khen thưởng",
    cites=(cite(D91, 45, 8),),
    valid_from=D91_FROM,
    facts=BallotFacts,
    confidence=Confidence.SECONDARY,
)
def check_council_ballot(
    facts: BallotFacts, *, on: date, options: law_options.EmulationOptions | None = None
) -> Result:
    """E12: yes ≥ ceil(90 % × members) (legacy D91 Art 45.8); later the agency's share."""
    opts = options if options is not None else law_options.EmulationOptions()
    if on <= LEGACY_TO:
        dated = COUNCIL_SHARE.at(on)
        share, citation, basis = dated.value, dated.citation, Basis.LAW
    else:
        share, citation, basis = opts.council_share, cite(L06), Basis.UNVERIFIED
    needed = -(-share.numerator * facts.council_members // share.denominator)
    ok = facts.votes_in_favour >= needed
    why = reason(
        "emulation.council." + ("passed" if ok else "failed"),
        "{yes}/{members} thành viên Hội đồng đồng ý; cần ít nhất {needed} ({percent}% tổng "
        "số thành viên)",
        citation,
        basis,
        yes=facts.votes_in_favour,
        members=facts.council_members,
        needed=needed,
        percent=share * 100,
    )
    return make_result("emulation.council_ballot", "2017", on, ok, (why,), {"needed": needed})


@dataclass(frozen=True, slots=True)
class BonusFacts:
    title: Title


@rule(
    code="emulation.bonus",
    version="D98-D152",
    title="Mức tiền thưởng danh hiệu thi đua",
    cites=(cite(D98, 54), cite(D73_2024, 3)),
    valid_from=L06_FROM,
    facts=BonusFacts,
    confidence=Confidence.SECONDARY,
)
def decide_bonus(
    facts: BonusFacts, *, on: date, options: law_options.EmulationOptions | None = None
) -> Result:
    """D9: the bonus is a multiple of the base salary in force on ``on`` (VND, exact)."""
    opts = options if options is not None else law_options.EmulationOptions()
    base_salary, salary_why = _base_salary(on, opts)
    agency_multiple = next(
        (b.multiple for b in opts.bonus_multiples if b.title == facts.title.value), None
    )
    if agency_multiple is None and facts.title is T.GIAY_KHEN:
        agency_multiple = opts.giay_khen_multiple
    multiple: Fraction
    if agency_multiple is not None:
        multiple = agency_multiple
        m_why = reason(
            "emulation.bonus.multiple",
            "{title}: {multiple} lần mức lương cơ sở",
            None,
            Basis.AGENCY,
            title=TITLE_LABELS[facts.title],
            multiple=multiple,
        )
    elif facts.title in BONUS_MULTIPLES:
        dated = BONUS_MULTIPLES[facts.title].at(on)
        multiple = dated.value
        m_why = reason(
            "emulation.bonus.multiple",
            "{title}: {multiple} lần mức lương cơ sở",
            dated.citation,
            Basis.UNVERIFIED if dated.confidence is Confidence.UNVERIFIED else Basis.LAW,
            title=TITLE_LABELS[facts.title],
            multiple=multiple,
        )
    else:
        why = reason(
            "emulation.bonus.unknown",
            "Chưa xác định mức tiền thưởng {title}",
            None,
            Basis.UNVERIFIED,
            title=TITLE_LABELS[facts.title],
        )
        return make_result(
            "emulation.bonus", "D98-D152", on, None, (why, salary_why), {"base_salary": base_salary}
        )
    amount = multiple * base_salary
    value: int | Fraction = amount.numerator if amount.denominator == 1 else amount
    return make_result(
        "emulation.bonus",
        "D98-D152",
        on,
        value,
        (m_why, salary_why),
        {"base_salary": base_salary, "multiple": multiple},
    )


def _base_salary(on: date, opts: law_options.EmulationOptions) -> tuple[int, Reason]:
    """The base salary: the agency's figure, else the dated table (unverified)."""
    if opts.base_salary is not None:
        return opts.base_salary, reason(
            "emulation.bonus.base_salary",
            "Mức lương cơ sở {salary} đồng theo quy chế của cơ quan",
            None,
            Basis.AGENCY,
            salary=f"{opts.base_salary:,}".replace(",", "."),
        )
    base = BASE_SALARY.at(on)
    return base.value, reason(
        "emulation.bonus.base_salary",
        "Mức lương cơ sở {salary} đồng",
        base.citation,
        Basis.UNVERIFIED,
        salary=f"{base.value:,}".replace(",", "."),
    )


@dataclass(frozen=True, slots=True)
class GiayKhenFacts:
    rating: Rating | None
    achievement: bool  # an achievement recorded for the year (thành tích)
    disciplined: bool = False


@rule(
    code="emulation.giay_khen",
    version="L06",
    title="Tiêu chuẩn Giấy khen",
    cites=(cite(L06, 75),),
    valid_from=L06_FROM,
    facts=GiayKhenFacts,
    confidence=Confidence.UNVERIFIED,
)
def check_giay_khen(
    facts: GiayKhenFacts, *, on: date, options: law_options.EmulationOptions | None = None
) -> Result:
    """Giấy khen criteria from the agency's regulation (L06 Art 75.2 leaves them to it)."""
    opts = options if options is not None else law_options.EmulationOptions()
    c = cite(L06, 75)
    need = opts.giay_khen_min_rating
    fails = []
    if facts.rating is None or not facts.rating.at_least(need):
        fails.append(
            reason(
                "emulation.giay_khen.rating",
                "Không đủ điều kiện Giấy khen: chưa xếp loại {level} trở lên",
                c,
                Basis.AGENCY,
                level=RATING_LABELS[need],
            )
        )
    if opts.giay_khen_requires_achievement and not facts.achievement:
        fails.append(
            reason(
                "emulation.giay_khen.achievement",
                "Không đủ điều kiện Giấy khen: chưa có thành tích được ghi nhận",
                c,
                Basis.AGENCY,
            )
        )
    if facts.disciplined:
        fails.append(
            reason(
                "emulation.giay_khen.discipline",
                "Không đủ điều kiện Giấy khen: bị kỷ luật trong năm",
                c,
                Basis.AGENCY,
            )
        )
    if not fails:
        fails.append(
            reason("emulation.giay_khen.eligible", "Đủ điều kiện Giấy khen", c, Basis.AGENCY)
        )
        return make_result("emulation.giay_khen", "L06", on, True, tuple(fails))
    return make_result("emulation.giay_khen", "L06", on, False, tuple(fails))


@dataclass(frozen=True, slots=True)
class HigherTitleFacts:
    consecutive: int  # consecutive CSTĐCS (for bộ/tỉnh) or CSTĐ bộ/tỉnh (for toàn quốc) titles
    initiative_level: InitiativeLevel | None


def _higher(
    code: str,
    facts: HigherTitleFacts,
    on: date,
    title: Title,
    level: InitiativeLevel,
    years_dv: object,
) -> Result:
    from hoinghi.law.parameters import DatedValue

    assert isinstance(years_dv, DatedValue)
    dated = years_dv.at(on)
    years: int = dated.value
    basis = Basis.UNVERIFIED if dated.confidence is Confidence.UNVERIFIED else Basis.LAW
    fails = []
    if facts.consecutive < years:
        fails.append(
            reason(
                f"{code}.years",
                "Không đủ điều kiện {title}: {n} lần liên tục, cần {years}",
                dated.citation,
                basis,
                title=TITLE_LABELS[title],
                n=facts.consecutive,
                years=years,
            )
        )
    if facts.initiative_level is None or facts.initiative_level.rank < level.rank:
        fails.append(
            reason(
                f"{code}.initiative",
                "Không đủ điều kiện {title}: chưa có sáng kiến, "
                "đề tài được công nhận hiệu quả {level}",
                dated.citation,
                basis,
                title=TITLE_LABELS[title],
                level=level.value,
            )
        )
    if not fails:
        fails.append(
            reason(
                f"{code}.eligible",
                "Đủ điều kiện đề nghị {title}",
                dated.citation,
                basis,
                title=TITLE_LABELS[title],
            )
        )
    return make_result(
        code,
        "2017",
        on,
        len(fails) == 1 and fails[0].code.endswith("eligible"),
        tuple(fails),
        {"needed": years},
    )


@rule(
    code="emulation.cstd_tinh",
    version="2017",
    title="Chiến sĩ thi đua bộ, ban, ngành, tỉnh",
    cites=(cite(L06, 22), cite(LTDKT2003, 22)),
    valid_from=D91_FROM,
    facts=HigherTitleFacts,
    confidence=Confidence.SECONDARY,
)
def check_cstd_tinh(
    facts: HigherTitleFacts, *, on: date, options: law_options.EmulationOptions | None = None
) -> Result:
    """E5: 3 consecutive CSTĐCS and an initiative recognised at ministry or province level."""
    return _higher(
        "emulation.cstd_tinh",
        facts,
        on,
        T.CHIEN_SI_THI_DUA_CAP_TINH,
        InitiativeLevel.PROVINCE,
        CSTD_TINH_CONSECUTIVE,
    )


@rule(
    code="emulation.cstd_toan_quoc",
    version="2017",
    title="Chiến sĩ thi đua toàn quốc",
    cites=(cite(L06, 21), cite(LTDKT2003, 21)),
    valid_from=D91_FROM,
    facts=HigherTitleFacts,
    confidence=Confidence.SECONDARY,
)
def check_cstd_toan_quoc(
    facts: HigherTitleFacts, *, on: date, options: law_options.EmulationOptions | None = None
) -> Result:
    """E6: 2 consecutive CSTĐ bộ/tỉnh and an initiative with nationwide effect."""
    return _higher(
        "emulation.cstd_toan_quoc",
        facts,
        on,
        T.CHIEN_SI_THI_DUA_TOAN_QUOC,
        InitiativeLevel.NATIONAL,
        CSTD_TOAN_QUOC_CONSECUTIVE,
    )
