"""Legal numbers of quality classification, each dated and cited (docs/domain/evaluation.md §3).

Shares are :class:`~fractions.Fraction`; scores and counts are integers.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from hoinghi.law.citations import Confidence, cite
from hoinghi.law.instruments import D48, D90, D233, D335, QD366
from hoinghi.law.parameters import Dated, DatedValue

P, S, U = Confidence.PRIMARY, Confidence.SECONDARY, Confidence.UNVERIFIED

D90_FROM = date(2020, 8, 20)
D48_FROM = date(2023, 9, 15)
D335_FROM = date(2026, 1, 1)
D233_FROM = date(2026, 7, 1)
QD366_FROM = date(2025, 8, 30)
# D233 Art 20.1 lets a unit keep D90 for the 2026 year-end round, which may end on 15/01/2027.
D90_TRANSITION_END = date(2027, 1, 15)

# (excellent, good, done): score thresholds of the 100-point scale.
ScoreBands = tuple[int, int, int]

D233_PERSON_BANDS: DatedValue[ScoreBands] = DatedValue(
    "evaluation.d233.person_bands",
    "Khung điểm xếp loại viên chức",
    [
        Dated((90, 70, 50), D233_FROM, None, cite(D233, 12), P),
    ],
)
D233_UNIT_BANDS: DatedValue[ScoreBands] = DatedValue(
    "evaluation.d233.unit_bands",
    "Khung điểm xếp loại đơn vị sự nghiệp công lập",
    [
        Dated((90, 70, 50), D233_FROM, None, cite(D233, 7), P),
    ],
)
D335_BANDS: DatedValue[ScoreBands] = DatedValue(
    "evaluation.d335.bands",
    "Khung điểm xếp loại công chức",
    [
        Dated((90, 70, 50), D335_FROM, None, cite(D335), S),
    ],
)
QD366_BANDS: DatedValue[ScoreBands] = DatedValue(
    "evaluation.qd366.bands",
    "Khung điểm xếp loại đảng viên, tập thể",
    [
        Dated((90, 70, 50), QD366_FROM, None, cite(QD366, 11), S),
    ],
)

# Excellent share of individuals: (normal, raised) as Fractions of the denominator.
SharePair = tuple[Fraction, Fraction]
D233_PERSON_SHARE: DatedValue[SharePair] = DatedValue(
    "evaluation.d233.excellent_share",
    "Tỷ lệ viên chức Hoàn thành xuất sắc nhiệm vụ",
    [
        Dated((Fraction(1, 5), Fraction(1, 4)), D233_FROM, None, cite(D233, 12, 6), P),
    ],
)
D335_PERSON_SHARE: DatedValue[SharePair] = DatedValue(
    "evaluation.d335.excellent_share",
    "Tỷ lệ công chức Hoàn thành xuất sắc nhiệm vụ",
    [
        Dated((Fraction(1, 5), Fraction(1, 4)), D335_FROM, None, cite(D335), S),
    ],
)
D233_UNIT_SHARE: DatedValue[SharePair] = DatedValue(
    "evaluation.d233.unit_excellent_share",
    "Tỷ lệ đơn vị Hoàn thành xuất sắc nhiệm vụ",
    [
        Dated((Fraction(1, 5), Fraction(1, 4)), D233_FROM, None, cite(D233, 7, 7), P),
    ],
)
# (fewer than this many subordinate units, at most this many excellent)
D233_SMALL_UNITS: DatedValue[tuple[int, int]] = DatedValue(
    "evaluation.d233.small_units",
    "Số đơn vị trực thuộc ít, số đơn vị xuất sắc tối đa",
    [
        Dated((5, 1), D233_FROM, None, cite(D233, 7, 7, "c"), P),
    ],
)

# D90 (+ D48): percentage criteria.
D90_EXCEEDED_SHARE: DatedValue[Fraction] = DatedValue(
    "evaluation.d90.exceeded_share",
    "Tỷ lệ nhiệm vụ vượt mức để Hoàn thành xuất sắc",
    [
        Dated(Fraction(1, 2), D90_FROM, D90_TRANSITION_END, cite(D90, 12, 1), P),
    ],
)
D90_ON_TIME_SHARE: DatedValue[Fraction] = DatedValue(
    "evaluation.d90.on_time_share",
    "Tỷ lệ chỉ tiêu bảo đảm tiến độ, chất lượng (người quản lý)",
    [
        Dated(Fraction(4, 5), D90_FROM, D90_TRANSITION_END, cite(D90, 13, 2), P),
    ],
)
D90_MANAGED_GOOD_SHARE: DatedValue[Fraction] = DatedValue(
    "evaluation.d90.managed_good_share",
    "Tỷ lệ đơn vị thuộc quyền xếp loại tốt trở lên",
    [
        Dated(Fraction(7, 10), D90_FROM, D90_TRANSITION_END, cite(D90, 13, 2), P),
    ],
)
D90_SHORT_SHARE: DatedValue[Fraction] = DatedValue(
    "evaluation.d90.short_share",
    "Tỷ lệ tiêu chí còn hạn chế tối đa (Hoàn thành nhiệm vụ)",
    [
        Dated(Fraction(1, 5), D90_FROM, D90_TRANSITION_END, cite(D90, 14), P),
    ],
)
D90_TARGETS_DONE_SHARE: DatedValue[Fraction] = DatedValue(
    "evaluation.d90.targets_done_share",
    "Tỷ lệ chỉ tiêu hoàn thành phải vượt (người quản lý)",
    [
        Dated(Fraction(7, 10), D90_FROM, D90_TRANSITION_END, cite(D90, 14), P),
    ],
)
D90_MANAGED_DONE_SHARE: DatedValue[Fraction] = DatedValue(
    "evaluation.d90.managed_done_share",
    "Tỷ lệ đơn vị thuộc quyền hoàn thành nhiệm vụ",
    [
        Dated(Fraction(7, 10), D90_FROM, D90_TRANSITION_END, cite(D90, 14), P),
    ],
)
D90_NOT_ASSURED_SHARE: DatedValue[Fraction] = DatedValue(
    "evaluation.d90.not_assured_share",
    "Tỷ lệ tiêu chí không bảo đảm (Không hoàn thành)",
    [
        Dated(Fraction(1, 2), D90_FROM, D90_TRANSITION_END, cite(D90, 15), P),
    ],
)
D90_TARGETS_FAIL_SHARE: DatedValue[Fraction] = DatedValue(
    "evaluation.d90.targets_fail_share",
    "Tỷ lệ chỉ tiêu hoàn thành dưới mức (Không hoàn thành)",
    [
        Dated(Fraction(1, 2), D90_FROM, D90_TRANSITION_END, cite(D90, 15), P),
    ],
)

# D233 units (Art 7).
D233_UNIT_EXCEEDED_SHARE: DatedValue[Fraction] = DatedValue(
    "evaluation.d233.unit_exceeded_share",
    "Tỷ lệ nhiệm vụ vượt mức (đơn vị xuất sắc)",
    [
        Dated(Fraction(3, 10), D233_FROM, None, cite(D233, 7, 1), P),
    ],
)
D233_UNIT_LATE_SHARE: DatedValue[Fraction] = DatedValue(
    "evaluation.d233.unit_late_share",
    "Tỷ lệ nhiệm vụ chậm tiến độ tối đa (đơn vị)",
    [
        Dated(Fraction(1, 5), D233_FROM, None, cite(D233, 7, 3), P),
    ],
)
D233_UNIT_MIN_DONE_SHARE: DatedValue[Fraction] = DatedValue(
    "evaluation.d233.unit_min_done_share",
    "Tỷ lệ nhiệm vụ hoàn thành tối thiểu (đơn vị)",
    [
        Dated(Fraction(7, 10), D233_FROM, None, cite(D233, 7, 4), P),
    ],
)
QD366_EXCEEDED_SHARE: DatedValue[Fraction] = DatedValue(
    "evaluation.qd366.exceeded_share",
    "Tỷ lệ nhiệm vụ vượt mức (Quy định 366)",
    [
        Dated(Fraction(3, 10), QD366_FROM, None, cite(QD366, 11), S),
    ],
)
QD366_LATE_SHARE: DatedValue[Fraction] = DatedValue(
    "evaluation.qd366.late_share",
    "Tỷ lệ nhiệm vụ chậm tiến độ tối đa (Quy định 366)",
    [
        Dated(Fraction(1, 5), QD366_FROM, None, cite(QD366, 11), S),
    ],
)

# Time rules.
MIN_MONTHS_CLASSIFIED: DatedValue[int] = DatedValue(
    "evaluation.min_months",
    "Thời gian công tác tối thiểu trong năm để xếp loại (tháng)",
    [
        Dated(6, D90_FROM, date(2026, 6, 30), cite(D90, 2), S),
        Dated(6, D233_FROM, None, cite(D233, 14, 1), P),
    ],
)
D90_LONG_ABSENCE_MONTHS: DatedValue[tuple[int, int]] = DatedValue(
    "evaluation.d90.long_absence",
    "Thời gian nghỉ từ … đến dưới … tháng: tối đa Hoàn thành nhiệm vụ",
    [
        Dated((3, 6), D90_FROM, D90_TRANSITION_END, cite(D90, 2), S),
    ],
)

# Deadlines as (month, day): normal in the evaluation year, special in the next year.
MonthDay = tuple[int, int]
DEADLINE_D90: DatedValue[tuple[MonthDay, MonthDay]] = DatedValue(
    "evaluation.d90.deadline",
    "Thời hạn hoàn thành xếp loại (Nghị định 90)",
    [
        Dated(((12, 15), (1, 15)), D90_FROM, D90_TRANSITION_END, cite(D90, 20), S),
    ],
)
DEADLINE_D335: DatedValue[tuple[MonthDay, MonthDay]] = DatedValue(
    "evaluation.d335.deadline",
    "Thời hạn hoàn thành xếp loại công chức",
    [
        Dated(((12, 15), (1, 15)), D335_FROM, None, cite(D335), S),
    ],
)
DEADLINE_D233: DatedValue[tuple[MonthDay, MonthDay]] = DatedValue(
    "evaluation.d233.deadline",
    "Thời hạn hoàn thành xếp loại viên chức",
    [
        Dated(((12, 15), (1, 15)), D233_FROM, None, cite(D233, 15, 1, "b"), P),
    ],
)

D48_DISCIPLINE = cite(D48, 1)
