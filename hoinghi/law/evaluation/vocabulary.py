"""Vocabularies of classification: levels, staff categories, leave, discipline, regimes.

Models build their ``choices`` from these enums; each has its Vietnamese labels next to it.
"""

from __future__ import annotations

import enum


class Rating(enum.StrEnum):
    """The four levels of quality classification (D90 Art 2; D233 Art 10; D335)."""

    EXCELLENT = "htxs"
    GOOD = "htt"
    DONE = "ht"
    NOT_DONE = "kht"

    @property
    def rank(self) -> int:
        """3 for excellent down to 0 for not done: ``a.rank >= b.rank`` reads "a is at least b"."""
        return _RATING_RANK[self]

    @property
    def label(self) -> str:
        return RATING_LABELS[self]

    def at_least(self, other: Rating) -> bool:
        return _RATING_RANK[self] >= _RATING_RANK[other]


_RATING_RANK = {Rating.EXCELLENT: 3, Rating.GOOD: 2, Rating.DONE: 1, Rating.NOT_DONE: 0}

RATING_LABELS: dict[Rating, str] = {
    Rating.EXCELLENT: "Hoàn thành xuất sắc nhiệm vụ",
    Rating.GOOD: "Hoàn thành tốt nhiệm vụ",
    Rating.DONE: "Hoàn thành nhiệm vụ",
    Rating.NOT_DONE: "Không hoàn thành nhiệm vụ",
}

RATINGS_DESCENDING: tuple[Rating, ...] = (
    Rating.EXCELLENT,
    Rating.GOOD,
    Rating.DONE,
    Rating.NOT_DONE,
)


def lower_of(a: Rating, b: Rating) -> Rating:
    return a if _RATING_RANK[a] <= _RATING_RANK[b] else b


class StaffCategory(enum.StrEnum):
    CADRE = "can_bo"
    CIVIL_SERVANT = "cong_chuc"
    PUBLIC_EMPLOYEE = "vien_chuc"
    WORKER = "nguoi_lao_dong"
    CONTRACT = "hop_dong_lao_dong"


STAFF_CATEGORY_LABELS: dict[StaffCategory, str] = {
    StaffCategory.CADRE: "Cán bộ",
    StaffCategory.CIVIL_SERVANT: "Công chức",
    StaffCategory.PUBLIC_EMPLOYEE: "Viên chức",
    StaffCategory.WORKER: "Người lao động",
    StaffCategory.CONTRACT: "Hợp đồng lao động",
}


class LeaveKind(enum.StrEnum):
    MATERNITY = "thai_san"
    SICK = "om_dau"
    WORK_INJURY = "tai_nan_lao_dong"
    UNPAID_PERSONAL = "nghi_khong_luong"
    TRAINING = "dao_tao"
    OTHER = "khac"


LEAVE_KIND_LABELS: dict[LeaveKind, str] = {
    LeaveKind.MATERNITY: "Nghỉ thai sản",
    LeaveKind.SICK: "Nghỉ ốm đau",
    LeaveKind.WORK_INJURY: "Điều trị tai nạn lao động, bị thương khi làm nhiệm vụ",
    LeaveKind.UNPAID_PERSONAL: "Nghỉ việc riêng không hưởng lương",
    LeaveKind.TRAINING: "Đi đào tạo, bồi dưỡng",
    LeaveKind.OTHER: "Nghỉ theo quy định khác",
}


class DisciplineLevel(enum.StrEnum):
    """Disciplinary forms, mildest first (administrative and Party forms on one scale)."""

    REPRIMAND = "khien_trach"
    WARNING = "canh_cao"
    SALARY_DOWNGRADE = "ha_bac_luong"
    DEMOTION = "giang_chuc"
    REMOVAL = "cach_chuc"
    DISMISSAL = "buoc_thoi_viec"
    EXPULSION = "khai_tru"

    @property
    def rank(self) -> int:
        return _DISCIPLINE_RANK[self]

    def at_least(self, other: DisciplineLevel) -> bool:
        return _DISCIPLINE_RANK[self] >= _DISCIPLINE_RANK[other]


_DISCIPLINE_RANK = {level: i for i, level in enumerate(DisciplineLevel)}

DISCIPLINE_LEVEL_LABELS: dict[DisciplineLevel, str] = {
    DisciplineLevel.REPRIMAND: "Khiển trách",
    DisciplineLevel.WARNING: "Cảnh cáo",
    DisciplineLevel.SALARY_DOWNGRADE: "Hạ bậc lương",
    DisciplineLevel.DEMOTION: "Giáng chức",
    DisciplineLevel.REMOVAL: "Cách chức",
    DisciplineLevel.DISMISSAL: "Buộc thôi việc",
    DisciplineLevel.EXPULSION: "Khai trừ",
}


class DisciplineGround(enum.StrEnum):
    """What the discipline was for: D233 Art 14.3 and D335 only count some grounds."""

    TASK = "nhiem_vu"  # violation in performing tasks or public duties
    DEGRADATION = "suy_thoai"  # ideological, ethical or lifestyle degradation
    OTHER = "khac"


DISCIPLINE_GROUND_LABELS: dict[DisciplineGround, str] = {
    DisciplineGround.TASK: "Vi phạm trong thực hiện nhiệm vụ, công vụ",
    DisciplineGround.DEGRADATION: "Suy thoái về tư tưởng chính trị, đạo đức, lối sống",
    DisciplineGround.OTHER: "Vi phạm khác",
}


class EvaluationRegime(enum.StrEnum):
    """Which text classifies a person in a given evaluation year (docs/domain/README.md §0.3, §3.1)."""

    D90 = "d90"  # Decree 90/2020 as amended by Decree 48/2023
    D335 = "d335"  # Decree 335/2025: công chức from 2026
    D233 = "d233"  # Decree 233/2026: viên chức and public service units from 01/07/2026
    QD366 = "qd366"  # Party review, from 30/08/2025
    NOT_COVERED = "none"  # no state classification regime (contract workers, before D90)


EVALUATION_REGIME_LABELS: dict[EvaluationRegime, str] = {
    EvaluationRegime.D90: "Nghị định số 90/2020/NĐ-CP (sửa đổi bởi Nghị định số 48/2023/NĐ-CP)",
    EvaluationRegime.D335: "Nghị định số 335/2025/NĐ-CP",
    EvaluationRegime.D233: "Nghị định số 233/2026/NĐ-CP",
    EvaluationRegime.QD366: "Quy định số 366-QĐ/TW",
    EvaluationRegime.NOT_COVERED: "Không thuộc đối tượng đánh giá, xếp loại theo nghị định",
}


class RatioBase(enum.StrEnum):
    """Denominator of the excellent share (docs/domain/evaluation.md §3.6, [U])."""

    GOOD_ONLY = "htt"  # literal reading: "20% of those rated HTTNV"
    GOOD_AND_ABOVE = "htt_plus"  # "HTTNV and above"


RATIO_BASE_LABELS: dict[RatioBase, str] = {
    RatioBase.GOOD_ONLY: "Số người được xếp loại Hoàn thành tốt nhiệm vụ",
    RatioBase.GOOD_AND_ABOVE: "Số người được xếp loại Hoàn thành tốt nhiệm vụ trở lên",
}


class PartyShareBound(enum.StrEnum):
    """What "the Party members' HTXSNV share under the Party's rules" bounds (D48, [U])."""

    # The cap the Party's rules in force set for Party members (20 % of those rated HTTNV in
    # the 2019 guidance), applied to the staff's list.
    PARTY_CAP = "party_cap"
    # The share the Party members of the same list were actually rated excellent.
    OBSERVED_SHARE = "observed_share"


PARTY_SHARE_BOUND_LABELS: dict[PartyShareBound, str] = {
    PartyShareBound.PARTY_CAP: "Giới hạn là tỷ lệ tối đa mà quy định của Đảng đặt cho đảng viên "
    "Hoàn thành xuất sắc nhiệm vụ",
    PartyShareBound.OBSERVED_SHARE: "Giới hạn là tỷ lệ đảng viên trong cùng danh sách được xếp "
    "loại Hoàn thành xuất sắc nhiệm vụ",
}


class Rounding(enum.StrEnum):
    FLOOR = "floor"  # "không vượt quá": the default
    HALF_UP = "half_up"


ROUNDING_LABELS: dict[Rounding, str] = {
    Rounding.FLOOR: "Làm tròn xuống",
    Rounding.HALF_UP: "Làm tròn đến số nguyên gần nhất",
}


class SmallUnitRule(enum.StrEnum):
    """How "fewer than 5 subordinate units: at most 1" combines with the 20 %.

    D233 Art 7.7, [U].
    """

    ALLOW_ONE = "allow_one"  # the special cap replaces the share: one unit may be excellent
    UPPER_BOUND = "upper_bound"  # the special cap only bounds the share: min(1, share)


SMALL_UNIT_RULE_LABELS: dict[SmallUnitRule, str] = {
    SmallUnitRule.ALLOW_ONE: (
        "Dưới 5 đơn vị: được xếp tối đa 01 đơn vị Hoàn thành xuất sắc nhiệm vụ"
    ),
    SmallUnitRule.UPPER_BOUND: "Dưới 5 đơn vị: tối đa 01 đơn vị và không vượt tỷ lệ",
}


def ratio_floor(numerator: int, denominator: int, rounding: Rounding) -> int:
    """``numerator / denominator`` rounded as the agency reads it, in integers only."""
    if rounding is Rounding.FLOOR:
        return numerator // denominator
    return (2 * numerator + denominator) // (2 * denominator)


class GeneralCriteria(enum.StrEnum):
    """How the general criteria (politics, ethics, discipline…) were met (D90 Art 3)."""

    GOOD = "tot"  # "thực hiện tốt": needed for the excellent level under D90
    MET = "dat"
    NOT_MET = "khong_dat"


GENERAL_CRITERIA_LABELS: dict[GeneralCriteria, str] = {
    GeneralCriteria.GOOD: "Thực hiện tốt các tiêu chí chung",
    GeneralCriteria.MET: "Đáp ứng các tiêu chí chung",
    GeneralCriteria.NOT_MET: "Không đáp ứng các tiêu chí chung",
}
