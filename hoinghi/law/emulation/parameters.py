"""Legal numbers of emulation and commendation, each dated and cited (docs/domain/emulation.md §2)."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from hoinghi.law.citations import Confidence, cite
from hoinghi.law.emulation.vocabulary import Title
from hoinghi.law.instruments import (
    D24_2023,
    D38_2019,
    D73_2024,
    D91,
    D98,
    D152,
    L06,
    L06_2026,
    LTDKT2003,
    TT01_2024,
    TT15_2025,
)
from hoinghi.law.parameters import Dated, DatedValue

P, S, U = Confidence.PRIMARY, Confidence.SECONDARY, Confidence.UNVERIFIED

D91_FROM = date(2017, 10, 1)
LEGACY_TO = date(2023, 12, 31)
L06_FROM = date(2024, 1, 1)
D98_TO = date(2025, 6, 30)
D152_FROM = date(2025, 7, 1)
LAW_2026_FROM = date(2026, 10, 1)  # reported [U]

MIN_MONTHS_NEW_RECRUIT: DatedValue[int] = DatedValue(
    "emulation.min_months_new_recruit",
    "Thời gian công tác tối thiểu trong năm của người mới tuyển dụng để xét danh hiệu (tháng)",
    [
        Dated(10, D91_FROM, LEGACY_TO, cite(D91, 10), S),
        # TT 01/2024 took effect on 01/02/2024; it governs the 2024 titles, decided at year end.
        Dated(6, L06_FROM, date(2025, 8, 4), cite(TT01_2024), S),
        Dated(6, date(2025, 8, 5), None, cite(TT15_2025), U),
    ],
)
CSTDCS_CAP_SHARE: DatedValue[Fraction] = DatedValue(
    "emulation.cstdcs_cap_share",
    "Tỷ lệ Chiến sĩ thi đua cơ sở tối đa trên số Lao động tiên tiến",
    [
        Dated(Fraction(15, 100), D91_FROM, LEGACY_TO, cite(D91, 9, 3), S),
    ],
)
TTLDTT_LDTT_SHARE: DatedValue[Fraction] = DatedValue(
    "emulation.ttldtt_ldtt_share",
    "Tỷ lệ cá nhân Lao động tiên tiến trong tập thể phải vượt (Tập thể lao động tiên tiến)",
    [
        Dated(Fraction(1, 2), D91_FROM, LEGACY_TO, cite(LTDKT2003, 28), S),
        Dated(Fraction(1, 2), L06_FROM, None, cite(L06, 28), U),
    ],
)
TTLDXS_LDTT_SHARE: DatedValue[Fraction] = DatedValue(
    "emulation.ttldxs_ldtt_share",
    "Tỷ lệ cá nhân Lao động tiên tiến tối thiểu (Tập thể lao động xuất sắc)",
    [
        Dated(Fraction(7, 10), D91_FROM, LEGACY_TO, cite(LTDKT2003, 27), U),
        Dated(Fraction(7, 10), L06_FROM, None, cite(L06, 27, 1), S),
    ],
)
CSTD_TINH_CONSECUTIVE: DatedValue[int] = DatedValue(
    "emulation.cstd_tinh_consecutive",
    "Số lần liên tục đạt Chiến sĩ thi đua cơ sở để xét Chiến sĩ thi đua cấp bộ, tỉnh",
    [
        Dated(3, D91_FROM, LEGACY_TO, cite(LTDKT2003, 22), U),
        Dated(3, L06_FROM, None, cite(L06, 22), S),
    ],
)
CSTD_TOAN_QUOC_CONSECUTIVE: DatedValue[int] = DatedValue(
    "emulation.cstd_toan_quoc_consecutive",
    "Số lần liên tục đạt Chiến sĩ thi đua cấp bộ, tỉnh để xét Chiến sĩ thi đua toàn quốc",
    [
        Dated(2, D91_FROM, LEGACY_TO, cite(LTDKT2003, 21), U),
        Dated(2, L06_FROM, None, cite(L06, 21), S),
    ],
)
COUNCIL_SHARE: DatedValue[Fraction] = DatedValue(
    "emulation.council_share",
    "Tỷ lệ phiếu đồng ý trên tổng số thành viên Hội đồng",
    [
        Dated(Fraction(9, 10), D91_FROM, LEGACY_TO, cite(D91, 45, 8), S),
    ],
)

BASE_SALARY: DatedValue[int] = DatedValue(
    "base_salary",
    "Mức lương cơ sở (đồng/tháng)",
    [
        Dated(1_490_000, date(2019, 7, 1), date(2023, 6, 30), cite(D38_2019, 3), U),
        Dated(1_800_000, date(2023, 7, 1), date(2024, 6, 30), cite(D24_2023, 3), U),
        Dated(2_340_000, date(2024, 7, 1), None, cite(D73_2024, 3), U),
    ],
)


def _multiple(title: Title, value: Fraction, d152_confidence: Confidence) -> DatedValue[Fraction]:
    return DatedValue(
        f"emulation.bonus.{title.value}",
        f"Hệ số tiền thưởng {title.label} (lần mức lương cơ sở)",
        [
            Dated(value, L06_FROM, D98_TO, cite(D98, 54), S),
            Dated(value, D152_FROM, None, cite(D152), d152_confidence),
        ],
    )


# D98 Art 54 [S]; reported retained by D152 for LĐTT, CSTĐ bộ/tỉnh and toàn quốc [S], the
# rest not confirmed [U] (docs/domain/emulation.md §2.11).
BONUS_MULTIPLES: dict[Title, DatedValue[Fraction]] = {
    Title.CHIEN_SI_THI_DUA_TOAN_QUOC: _multiple(
        Title.CHIEN_SI_THI_DUA_TOAN_QUOC, Fraction(9, 2), S
    ),
    Title.CHIEN_SI_THI_DUA_CAP_TINH: _multiple(Title.CHIEN_SI_THI_DUA_CAP_TINH, Fraction(3), S),
    Title.CHIEN_SI_THI_DUA_CO_SO: _multiple(Title.CHIEN_SI_THI_DUA_CO_SO, Fraction(1), U),
    Title.LAO_DONG_TIEN_TIEN: _multiple(Title.LAO_DONG_TIEN_TIEN, Fraction(3, 10), S),
    Title.TAP_THE_LAO_DONG_XUAT_SAC: _multiple(Title.TAP_THE_LAO_DONG_XUAT_SAC, Fraction(3, 2), U),
    Title.TAP_THE_LAO_DONG_TIEN_TIEN: _multiple(
        Title.TAP_THE_LAO_DONG_TIEN_TIEN, Fraction(4, 5), U
    ),
    Title.CO_THI_DUA_CHINH_PHU: _multiple(Title.CO_THI_DUA_CHINH_PHU, Fraction(12), U),
}

LAW_2026 = cite(L06_2026)
