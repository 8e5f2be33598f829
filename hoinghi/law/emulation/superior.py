"""The body an agency's emulation proposals and reports go to, on a date (E9, two-tier local
government).

Until 30/06/2025 local government had three levels (province, district, commune); from
01/07/2025 it has two (province and commune: xã, phường, đặc khu) and the district level is gone
(Law on the Organisation of Local Government 72/2025/QH15, [S]). An agency's superior body is a
fact of its dated history (the app keeps it per period); this rule names the office that
decides or receives on the agency's behalf at that level: the chair of the People's Committee of
the district (to 30/06/2025), of the commune or of the province (L06 Art 80, [S]). How Decree
152/2025 spreads the powers after the reform is unverified (docs/domain/emulation.md §2.7, AUTH-3): from 01/07/2025 the
name is flagged "chưa xác minh" unless the agency's regulation names the body
(``EmulationOptions.superior_body``).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from hoinghi.law import options as law_options
from hoinghi.law.citations import Confidence, cite, cite_unread
from hoinghi.law.emulation.parameters import D152_FROM, L06_FROM
from hoinghi.law.evaluation.explain import make_result, reason
from hoinghi.law.instruments import D152, L06, LCQDP2025
from hoinghi.law.registry import rule
from hoinghi.law.results import Basis, Result

TWO_TIER_FROM = D152_FROM  # 01/07/2025: no district level


class LocalLevel(enum.StrEnum):
    """The level of the body an agency answers to."""

    CENTRAL = "trung_uong"  # a ministry, a central body
    PROVINCE = "tinh"  # tỉnh, thành phố trực thuộc trung ương
    DISTRICT = "huyen"  # huyện, quận, thị xã, thành phố thuộc tỉnh (to 30/06/2025)
    COMMUNE = "xa"  # xã, phường, thị trấn; from 01/07/2025 xã, phường, đặc khu


LEVEL_CHAIRS: dict[LocalLevel, str] = {
    LocalLevel.PROVINCE: "Chủ tịch Ủy ban nhân dân tỉnh",
    LocalLevel.DISTRICT: "Chủ tịch Ủy ban nhân dân huyện",
    LocalLevel.COMMUNE: "Chủ tịch Ủy ban nhân dân xã",
}


@dataclass(frozen=True, slots=True)
class SuperiorFacts:
    """The agency's superior on the date, as its history records it."""

    superior_level: LocalLevel
    superior_name: str = ""  # "Ủy ban nhân dân huyện Thạch Bình"


@rule(
    code="emulation.superior_body",
    version="L06",
    title="Cơ quan nhận đề nghị khen thưởng, báo cáo thi đua của cơ quan",
    cites=(cite(L06, 80), cite_unread(LCQDP2025)),
    valid_from=L06_FROM,
    facts=SuperiorFacts,
    confidence=Confidence.SECONDARY,
)
def decide_superior_body(
    facts: SuperiorFacts, *, on: date, options: law_options.EmulationOptions | None = None
) -> Result:
    """The office the agency's proposals and reports go to on ``on`` (None: none can be named)."""
    opts = options if options is not None else law_options.EmulationOptions()
    level = facts.superior_level
    two_tier = on >= TWO_TIER_FROM
    if level is LocalLevel.DISTRICT and two_tier:
        why = reason(
            "emulation.superior.district_abolished",
            "Từ ngày 01/07/2025 không còn cấp huyện: cần ghi cơ quan cấp trên mới của cơ quan "
            "(cấp tỉnh hoặc cấp xã) trong lịch sử cơ quan",
            cite_unread(LCQDP2025),
        )
        return make_result("emulation.superior_body", "L06", on, None, (why,))
    if two_tier and opts.superior_body:
        why = reason(
            "emulation.superior.agency",
            "Đề nghị, báo cáo gửi {body}",
            cite(L06, 80),
            Basis.AGENCY,
            body=opts.superior_body,
        )
        return make_result("emulation.superior_body", "L06", on, opts.superior_body, (why,))
    chair = LEVEL_CHAIRS.get(level)
    if chair is None:
        why = reason(
            "emulation.superior.by_name",
            "Đề nghị, báo cáo gửi {body}",
            cite(L06, 80),
            body=facts.superior_name or "cơ quan cấp trên",
        )
        return make_result("emulation.superior_body", "L06", on, facts.superior_name, (why,))
    body = f"{chair} {_place(facts.superior_name, level)}".strip()
    why = reason(
        "emulation.superior.chair",
        "Đề nghị, báo cáo gửi {body}",
        cite(D152) if two_tier else cite(L06, 80),
        Basis.UNVERIFIED if two_tier else Basis.LAW,
        body=body,
    )
    return make_result("emulation.superior_body", "L06", on, body, (why,))


_LEVEL_WORDS = {
    LocalLevel.PROVINCE: ("Ủy ban nhân dân tỉnh", "tỉnh"),
    LocalLevel.DISTRICT: ("Ủy ban nhân dân huyện", "huyện"),
    LocalLevel.COMMUNE: ("Ủy ban nhân dân xã", "xã"),
}


def _place(name: str, level: LocalLevel) -> str:
    """ "Ủy ban nhân dân huyện Thạch Bình" → "Thạch Bình" (the place after the level's word)."""
    for prefix in _LEVEL_WORDS[level]:
        if name.startswith(prefix + " "):
            return name[len(prefix) + 1 :]
    return name
