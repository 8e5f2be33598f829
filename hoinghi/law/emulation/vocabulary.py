"""Vocabularies of emulation and commendation: titles, initiatives, issuers, regimes."""

from __future__ import annotations

import enum


class Title(enum.StrEnum):
    """Emulation titles and commendation forms (L06 Arts 21–28, 74–75)."""

    LAO_DONG_TIEN_TIEN = "ldtt"
    CHIEN_SI_THI_DUA_CO_SO = "cstdcs"
    CHIEN_SI_THI_DUA_CAP_TINH = "cstd_tinh"  # of a ministry, branch, province
    CHIEN_SI_THI_DUA_TOAN_QUOC = "cstd_toan_quoc"
    TAP_THE_LAO_DONG_TIEN_TIEN = "ttldtt"
    TAP_THE_LAO_DONG_XUAT_SAC = "ttldxs"
    CO_THI_DUA_CAP_TINH = "co_thi_dua_tinh"
    CO_THI_DUA_CHINH_PHU = "co_thi_dua_cp"
    GIAY_KHEN = "giay_khen"
    BANG_KHEN = "bang_khen"  # of a ministry, branch, province
    BANG_KHEN_THU_TUONG = "bang_khen_ttg"

    @property
    def label(self) -> str:
        return TITLE_LABELS[self]

    @property
    def collective(self) -> bool:
        return self in COLLECTIVE_TITLES


TITLE_LABELS: dict[Title, str] = {
    Title.LAO_DONG_TIEN_TIEN: "Lao động tiên tiến",
    Title.CHIEN_SI_THI_DUA_CO_SO: "Chiến sĩ thi đua cơ sở",
    Title.CHIEN_SI_THI_DUA_CAP_TINH: "Chiến sĩ thi đua bộ, ban, ngành, tỉnh",
    Title.CHIEN_SI_THI_DUA_TOAN_QUOC: "Chiến sĩ thi đua toàn quốc",
    Title.TAP_THE_LAO_DONG_TIEN_TIEN: "Tập thể lao động tiên tiến",
    Title.TAP_THE_LAO_DONG_XUAT_SAC: "Tập thể lao động xuất sắc",
    Title.CO_THI_DUA_CAP_TINH: "Cờ thi đua của bộ, ban, ngành, tỉnh",
    Title.CO_THI_DUA_CHINH_PHU: "Cờ thi đua của Chính phủ",
    Title.GIAY_KHEN: "Giấy khen",
    Title.BANG_KHEN: "Bằng khen của bộ, ban, ngành, tỉnh",
    Title.BANG_KHEN_THU_TUONG: "Bằng khen của Thủ tướng Chính phủ",
}

COLLECTIVE_TITLES = frozenset(
    {
        Title.TAP_THE_LAO_DONG_TIEN_TIEN,
        Title.TAP_THE_LAO_DONG_XUAT_SAC,
        Title.CO_THI_DUA_CAP_TINH,
        Title.CO_THI_DUA_CHINH_PHU,
    }
)


class InitiativeKind(enum.StrEnum):
    INITIATIVE = "sang_kien"  # sáng kiến
    RESEARCH_TOPIC = "de_tai"  # đề tài khoa học
    SCHEME = "de_an"  # đề án khoa học
    SCIENCE_WORK = "cong_trinh"  # công trình khoa học và công nghệ
    COMBAT_INGENUITY = "sang_tao_chien_dau"  # mưu trí, sáng tạo trong chiến đấu (armed forces)


INITIATIVE_KIND_LABELS: dict[InitiativeKind, str] = {
    InitiativeKind.INITIATIVE: "Sáng kiến",
    InitiativeKind.RESEARCH_TOPIC: "Đề tài khoa học",
    InitiativeKind.SCHEME: "Đề án khoa học",
    InitiativeKind.SCIENCE_WORK: "Công trình khoa học và công nghệ",
    InitiativeKind.COMBAT_INGENUITY: "Mưu trí, sáng tạo trong chiến đấu",
}


class InitiativeLevel(enum.StrEnum):
    """Level at which an initiative's (or a scientific work's) effect is recognised."""

    GRASSROOTS = "co_so"
    PROVINCE = "tinh"  # ministry, branch, province
    NATIONAL = "toan_quoc"

    @property
    def rank(self) -> int:
        return _LEVEL_RANK[self]


_LEVEL_RANK = {
    InitiativeLevel.GRASSROOTS: 1,
    InitiativeLevel.PROVINCE: 2,
    InitiativeLevel.NATIONAL: 3,
}

INITIATIVE_LEVEL_LABELS: dict[InitiativeLevel, str] = {
    InitiativeLevel.GRASSROOTS: "Cấp cơ sở",
    InitiativeLevel.PROVINCE: "Cấp bộ, ban, ngành, tỉnh",
    InitiativeLevel.NATIONAL: "Toàn quốc",
}


class IssuerLevel(enum.StrEnum):
    """Who signs a decision on titles (L06 Art 80; E9)."""

    UNIT_HEAD = "unit_head"  # head of a unit with legal-entity status under a ministry/department
    COMMUNE_CHAIR = "commune_chair"  # Chủ tịch UBND cấp xã
    DISTRICT_CHAIR = "district_chair"  # Chủ tịch UBND cấp huyện (until 30/06/2025)
    MINISTRY_PROVINCE = "ministry_province"  # Bộ trưởng, Chủ tịch UBND cấp tỉnh
    PRIME_MINISTER = "prime_minister"


ISSUER_LEVEL_LABELS: dict[IssuerLevel, str] = {
    IssuerLevel.UNIT_HEAD: "Thủ trưởng đơn vị trực thuộc có tư cách pháp nhân",
    IssuerLevel.COMMUNE_CHAIR: "Chủ tịch Ủy ban nhân dân cấp xã",
    IssuerLevel.DISTRICT_CHAIR: "Chủ tịch Ủy ban nhân dân cấp huyện",
    IssuerLevel.MINISTRY_PROVINCE: "Bộ trưởng, Chủ tịch Ủy ban nhân dân cấp tỉnh",
    IssuerLevel.PRIME_MINISTER: "Thủ tướng Chính phủ",
}


class EmulationRegime(enum.StrEnum):
    """Which texts govern titles (docs/domain/README.md §0.3)."""

    LAW_2003 = "ltdkt2003"  # Law 2003 + Decree 91/2017 + TT 12/2019, up to 31/12/2023
    L06_D98 = "l06_d98"  # Law 06/2022 + Decree 98/2023 + TT 01/2024, 2024 to 30/06/2025
    L06_D152 = "l06_d152"  # Law 06/2022 + Decree 152/2025 + TT 15/2025, from 01/07/2025
    L06_2026 = "l06_2026"  # Law 06/2026/QH16, reported from 01/10/2026 [U]


EMULATION_REGIME_LABELS: dict[EmulationRegime, str] = {
    EmulationRegime.LAW_2003: "Luật Thi đua, khen thưởng 2003 và Nghị định số 91/2017/NĐ-CP",
    EmulationRegime.L06_D98: "Luật Thi đua, khen thưởng 2022 và Nghị định số 98/2023/NĐ-CP",
    EmulationRegime.L06_D152: "Luật Thi đua, khen thưởng 2022 và Nghị định số 152/2025/NĐ-CP",
    EmulationRegime.L06_2026: "Luật số 06/2026/QH16 sửa đổi Luật Thi đua, khen thưởng",
}
