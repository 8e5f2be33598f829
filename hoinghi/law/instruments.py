"""Every legal text the project cites, listed once.

A rule or a number cites an instrument through :mod:`hoinghi.law.citations`. The keys are
the shorthands of docs/domain/README.md §0.1 (L10, D59, …). Add a new text as a new entry; never
edit the dates of an existing one except to correct a mistake.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date


class InstrumentKind(enum.StrEnum):
    LAW = "luat"  # Luật
    ORDINANCE = "phap_lenh"  # Pháp lệnh
    RESOLUTION = "nghi_quyet"  # Nghị quyết
    DECREE = "nghi_dinh"  # Nghị định
    PM_DECISION = "quyet_dinh_ttg"  # Quyết định của Thủ tướng
    CIRCULAR = "thong_tu"  # Thông tư
    PARTY_REGULATION = "quy_dinh_dang"  # Quy định (Đảng)
    PARTY_GUIDANCE = "huong_dan_dang"  # Hướng dẫn (Đảng)
    UNION_DECISION = "quyet_dinh_cong_doan"  # Quyết định (Công đoàn)
    UNION_GUIDANCE = "huong_dan_cong_doan"  # Hướng dẫn (Công đoàn)


@dataclass(frozen=True, slots=True)
class Instrument:
    key: str  # docs/domain/README.md shorthand: "L10"
    kind: InstrumentKind
    number: str  # "10/2022/QH15"
    issuer: str  # "Quốc hội"
    name: str  # "Luật Thực hiện dân chủ ở cơ sở"
    signed_on: date
    effective_from: date
    effective_to: date | None = None  # last day in force, None while in force
    # A public copy of the official text (vbpl.vn, the Government's portal); empty where the
    # project has not confirmed an address.
    link: str = ""

    @property
    def title(self) -> str:
        """How a citation names the text: "Luật … số 10/2022/QH15", "Nghị định số 90/2020/NĐ-CP"."""
        return f"{self.name} số {self.number}"

    def in_force(self, on: date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)


_ALL: dict[str, Instrument] = {}


def _register(instrument: Instrument) -> Instrument:
    if instrument.key in _ALL:
        raise ValueError(f"instrument {instrument.key} listed twice")
    _ALL[instrument.key] = instrument
    return instrument


def instrument(key: str) -> Instrument:
    return _ALL[key]


def all_instruments() -> tuple[Instrument, ...]:
    return tuple(_ALL.values())


I = InstrumentKind  # noqa: E741 - local shorthand for the table below

# --- Democracy at the grassroots ---------------------------------------------------------
L10 = _register(
    Instrument(
        "L10",
        I.LAW,
        "10/2022/QH15",
        "Quốc hội",
        "Luật Thực hiện dân chủ ở cơ sở",
        date(2022, 11, 10),
        date(2023, 7, 1),
    )
)
D59 = _register(
    Instrument(
        "D59",
        I.DECREE,
        "59/2023/NĐ-CP",
        "Chính phủ",
        "Nghị định quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở",
        date(2023, 8, 14),
        date(2023, 8, 15),
    )
)
D04 = _register(
    Instrument(
        "D04",
        I.DECREE,
        "04/2015/NĐ-CP",
        "Chính phủ",
        "Nghị định về thực hiện dân chủ trong hoạt động của cơ quan hành chính nhà nước "
        "và đơn vị sự nghiệp công lập",
        date(2015, 1, 9),
        date(2015, 3, 1),
        date(2023, 6, 30),
    )
)
TT01_2016 = _register(
    Instrument(
        "TT01/2016",
        I.CIRCULAR,
        "01/2016/TT-BNV",
        "Bộ Nội vụ",
        "Thông tư hướng dẫn một số nội dung của Nghị định số 04/2015/NĐ-CP",
        date(2016, 1, 13),
        date(2016, 3, 1),
        date(2023, 6, 30),
    )
)
D159_2016 = _register(
    Instrument(
        "D159",
        I.DECREE,
        "159/2016/NĐ-CP",
        "Chính phủ",
        "Nghị định quy định chi tiết Luật Thanh tra về tổ chức và hoạt động của Ban thanh tra nhân dân",
        date(2016, 11, 29),
        date(2017, 1, 15),
        date(2023, 8, 14),
    )
)

# --- Emulation and commendation -----------------------------------------------------------
LTDKT2003 = _register(
    Instrument(
        "LTDKT2003",
        I.LAW,
        "15/2003/QH11",
        "Quốc hội",
        "Luật Thi đua, khen thưởng",
        date(2003, 11, 26),
        date(2004, 7, 1),
        date(2023, 12, 31),
    )
)
D91 = _register(
    Instrument(
        "D91",
        I.DECREE,
        "91/2017/NĐ-CP",
        "Chính phủ",
        "Nghị định quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
        date(2017, 7, 31),
        date(2017, 10, 1),
        date(2023, 12, 31),
    )
)
TT12_2019 = _register(
    Instrument(
        "TT12/2019",
        I.CIRCULAR,
        "12/2019/TT-BNV",
        "Bộ Nội vụ",
        "Thông tư quy định chi tiết thi hành một số điều của Nghị định số 91/2017/NĐ-CP",
        date(2019, 11, 4),
        date(2019, 12, 20),
        date(2023, 12, 31),
    )
)
L06 = _register(
    Instrument(
        "L06",
        I.LAW,
        "06/2022/QH15",
        "Quốc hội",
        "Luật Thi đua, khen thưởng",
        date(2022, 6, 15),
        date(2024, 1, 1),
    )
)
D98 = _register(
    Instrument(
        "D98",
        I.DECREE,
        "98/2023/NĐ-CP",
        "Chính phủ",
        "Nghị định quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
        date(2023, 12, 31),
        date(2024, 1, 1),
        date(2025, 6, 30),
    )
)
TT01_2024 = _register(
    Instrument(
        "TT01/2024",
        I.CIRCULAR,
        "01/2024/TT-BNV",
        "Bộ Nội vụ",
        "Thông tư quy định chi tiết một số điều của Nghị định số 98/2023/NĐ-CP",
        date(2024, 2, 1),
        date(2024, 2, 1),
        date(2025, 8, 4),
    )
)
D152 = _register(
    Instrument(
        "D152",
        I.DECREE,
        "152/2025/NĐ-CP",
        "Chính phủ",
        "Nghị định quy định chi tiết một số điều của Luật Thi đua, khen thưởng",
        date(2025, 6, 14),
        date(2025, 7, 1),
    )
)
TT15_2025 = _register(
    Instrument(
        "TT15/2025",
        I.CIRCULAR,
        "15/2025/TT-BNV",
        "Bộ Nội vụ",
        "Thông tư quy định chi tiết một số điều của Nghị định số 152/2025/NĐ-CP",
        date(2025, 8, 4),
        date(2025, 8, 5),
    )
)

# Reported amendment of L06, in force 01/10/2026; content and signing date not verified
# (docs/domain/README.md §0.3 [U]): the signing date below is a placeholder equal to the effective date.
L06_2026 = _register(
    Instrument(
        "L06-2026",
        I.LAW,
        "06/2026/QH16",
        "Quốc hội",
        "Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng",
        date(2026, 10, 1),
        date(2026, 10, 1),
    )
)

# --- Base salary (mức lương cơ sở), used for emulation bonuses (docs/domain/emulation.md §2.11, §9.21 [U]) --
D38_2019 = _register(
    Instrument(
        "D38/2019",
        I.DECREE,
        "38/2019/NĐ-CP",
        "Chính phủ",
        "Nghị định quy định mức lương cơ sở đối với cán bộ, công chức, viên chức và lực lượng vũ trang",
        date(2019, 5, 9),
        date(2019, 7, 1),
        date(2023, 6, 30),
    )
)
D24_2023 = _register(
    Instrument(
        "D24/2023",
        I.DECREE,
        "24/2023/NĐ-CP",
        "Chính phủ",
        "Nghị định quy định mức lương cơ sở đối với cán bộ, công chức, viên chức và lực lượng vũ trang",
        date(2023, 5, 14),
        date(2023, 7, 1),
        date(2024, 6, 30),
    )
)
D73_2024 = _register(
    Instrument(
        "D73/2024",
        I.DECREE,
        "73/2024/NĐ-CP",
        "Chính phủ",
        "Nghị định quy định mức lương cơ sở và chế độ tiền thưởng đối với cán bộ, công chức, viên chức "
        "và lực lượng vũ trang",
        date(2024, 6, 30),
        date(2024, 7, 1),
    )
)

# --- Evaluation and quality classification -----------------------------------------------
D90 = _register(
    Instrument(
        "D90",
        I.DECREE,
        "90/2020/NĐ-CP",
        "Chính phủ",
        "Nghị định về đánh giá, xếp loại chất lượng cán bộ, công chức, viên chức",
        date(2020, 8, 13),
        date(2020, 8, 20),
        date(2026, 6, 30),
    )
)
D48 = _register(
    Instrument(
        "D48",
        I.DECREE,
        "48/2023/NĐ-CP",
        "Chính phủ",
        "Nghị định sửa đổi, bổ sung một số điều của Nghị định số 90/2020/NĐ-CP",
        date(2023, 7, 17),
        date(2023, 9, 15),
        date(2026, 6, 30),
    )
)
D335 = _register(
    Instrument(
        "D335",
        I.DECREE,
        "335/2025/NĐ-CP",
        "Chính phủ",
        "Nghị định về đánh giá, xếp loại chất lượng công chức",
        date(2025, 12, 21),
        date(2026, 1, 1),
    )
)
D233 = _register(
    Instrument(
        "D233",
        I.DECREE,
        "233/2026/NĐ-CP",
        "Chính phủ",
        "Nghị định về đánh giá, xếp loại chất lượng đơn vị sự nghiệp công lập và viên chức",
        date(2026, 6, 26),
        date(2026, 7, 1),
    )
)
QD132 = _register(
    Instrument(
        "QD132",
        I.PARTY_REGULATION,
        "132-QĐ/TW",
        "Ban Chấp hành Trung ương",
        "Quy định về kiểm điểm và đánh giá, xếp loại chất lượng hằng năm đối với tập thể, "
        "cá nhân trong hệ thống chính trị",
        date(2018, 3, 8),
        date(2018, 3, 8),
        date(2023, 10, 3),
    )
)
QD124 = _register(
    Instrument(
        "QD124",
        I.PARTY_REGULATION,
        "124-QĐ/TW",
        "Ban Chấp hành Trung ương",
        "Quy định về kiểm điểm, đánh giá, xếp loại chất lượng hằng năm đối với tập thể, "
        "cá nhân trong hệ thống chính trị",
        date(2023, 10, 4),
        date(2023, 10, 4),
        date(2025, 8, 29),
    )
)
QD366 = _register(
    Instrument(
        "QD366",
        I.PARTY_REGULATION,
        "366-QĐ/TW",
        "Ban Chấp hành Trung ương",
        "Quy định về kiểm điểm, đánh giá, xếp loại chất lượng hằng năm đối với tập thể, "
        "cá nhân trong hệ thống chính trị",
        date(2025, 8, 30),
        date(2025, 8, 30),
    )
)

# --- Official documents ----------------------------------------------------------------
D30 = _register(
    Instrument(
        "D30",
        I.DECREE,
        "30/2020/NĐ-CP",
        "Chính phủ",
        "Nghị định về công tác văn thư",
        date(2020, 3, 5),
        date(2020, 3, 5),
    )
)
HD36 = _register(
    Instrument(
        "HD36",
        I.PARTY_GUIDANCE,
        "36-HD/VPTW",
        "Văn phòng Trung ương Đảng",
        "Hướng dẫn thể thức và kỹ thuật trình bày văn bản của Đảng",
        date(2018, 4, 3),
        date(2018, 4, 3),
    )
)

# --- The trade union (the legal bases of the union's own decisions) -----------------------
LCD2012 = _register(
    Instrument(
        "LCD2012",
        I.LAW,
        "12/2012/QH13",
        "Quốc hội",
        "Luật Công đoàn",
        date(2012, 6, 20),
        date(2013, 1, 1),
        date(2025, 6, 30),
    )
)
LCD2024 = _register(
    Instrument(
        "LCD2024",
        I.LAW,
        "50/2024/QH15",
        "Quốc hội",
        "Luật Công đoàn",
        date(2024, 11, 27),
        date(2025, 7, 1),
    )
)

# --- Local government -----------------------------------------------------------------------
# Two levels (province and commune) from 01/07/2025; the district level ends [S].
LCQDP2025 = _register(
    Instrument(
        "LCQDP2025",
        I.LAW,
        "72/2025/QH15",
        "Quốc hội",
        "Luật Tổ chức chính quyền địa phương",
        date(2025, 6, 16),
        date(2025, 7, 1),
    )
)

# --- Time limits and public holidays (calendar) ------------------------------------------
BLDS2015 = _register(
    Instrument(
        "BLDS2015",
        I.LAW,
        "91/2015/QH13",
        "Quốc hội",
        "Bộ luật Dân sự",
        date(2015, 11, 24),
        date(2017, 1, 1),
    )
)
BLLD2012 = _register(
    Instrument(
        "BLLD2012",
        I.LAW,
        "10/2012/QH13",
        "Quốc hội",
        "Bộ luật Lao động",
        date(2012, 6, 18),
        date(2013, 5, 1),
        date(2020, 12, 31),
    )
)
BLLD2019 = _register(
    Instrument(
        "BLLD2019",
        I.LAW,
        "45/2019/QH14",
        "Quốc hội",
        "Bộ luật Lao động",
        date(2019, 11, 20),
        date(2021, 1, 1),
    )
)
