"""What the Conference and Ban thanh tra nhân dân rules share: regimes, numbers, helpers."""

from __future__ import annotations

import enum
import re
from datetime import date
from fractions import Fraction
from typing import Any

from hoinghi.law.citations import Citation, Confidence, cite
from hoinghi.law.instruments import D04, L10, TT01_2016
from hoinghi.law.options import ConferenceOptions
from hoinghi.law.parameters import Dated, DatedValue, InvalidFacts
from hoinghi.law.results import Basis, Reason

# Regimes (docs/domain/README.md §0.3): Decree 04/2015 (+ TT 01/2016) to 30/06/2023, then Law 10/2022.
D04_FROM = date(2015, 3, 1)
D04_TO = date(2023, 6, 30)
L10_FROM = date(2023, 7, 1)
# The Ban thanh tra nhân dân under Decree 59/2023 (docs/domain/README.md §0.3, §1.10).
D59_FROM = date(2023, 8, 15)

TT01_FROM = date(2016, 3, 1)


def _old_regime(value: Any, article_tt01: int | None = 7) -> list[Dated[Any]]:
    """An old-regime number: Decree 04/2015 alone, then TT 01/2016 (both [S]/[U])."""
    return [
        Dated(value, D04_FROM, date(2016, 2, 29), cite(D04), Confidence.UNVERIFIED),
        Dated(value, TT01_FROM, D04_TO, cite(TT01_2016, article_tt01), Confidence.SECONDARY),
    ]


QUORUM_SHARE: DatedValue[Fraction] = DatedValue(
    "conference.quorum_share",
    "Tỷ lệ tối thiểu người có mặt để Hội nghị hợp lệ",
    [*_old_regime(Fraction(2, 3)), Dated(Fraction(2, 3), L10_FROM, None, cite(L10, 51, 2, "c"))],
)
ADOPTION_SHARE: DatedValue[Fraction] = DatedValue(
    "conference.adoption_share",
    "Tỷ lệ tán thành phải vượt quá (trên tổng số người dự Hội nghị)",
    [*_old_regime(Fraction(1, 2)), Dated(Fraction(1, 2), L10_FROM, None, cite(L10, 51, 2, "c"))],
)


def options_or_default(options: ConferenceOptions | None) -> ConferenceOptions:
    return options if options is not None else ConferenceOptions()


class DeadlineStatus(enum.StrEnum):
    """Where a deadline stands for the facts given."""

    DUE = "due"  # not done yet: the deadline is in the values
    MET = "met"  # done on or before the deadline
    MISSED = "missed"  # done after the deadline


def deadline_status(done_on: date | None, deadline: date) -> DeadlineStatus:
    if done_on is None:
        return DeadlineStatus.DUE
    return DeadlineStatus.MET if done_on <= deadline else DeadlineStatus.MISSED


def reason(
    code: str,
    message: str,
    citation: Citation,
    basis: Basis = Basis.LAW,
    **params: Any,
) -> Reason:
    return Reason(code, message, citation, params, basis)


# How a refusal names a fact: the field stays in ``InvalidFacts.field`` for programs, the
# message says it in Vietnamese (a clerk reads it on the runner's desk).
FIELD_LABELS = {
    "present": "số người dự có mặt",
    "convened": "số người được triệu tập",
    "staff_count": "tổng số cán bộ, công chức, viên chức, người lao động",
    "proposers": "số người đề nghị",
    "members": "số thành viên",
    "deputies": "số phó trưởng ban",
    "failed_convocations": "số lần triệu tập không đủ người",
    "valid_ballots": "số phiếu hợp lệ",
    "votes_for": "số tán thành",
    "votes_against": "số không tán thành",
    "abstentions": "số không biểu quyết",
    "votes_for + votes_against + abstentions": (
        "tổng số tán thành, không tán thành và không biểu quyết"
    ),
}
_CANDIDATE_VOTES = re.compile(r"candidates\[(\d+)\]\.votes")


def field_label(field: str) -> str:
    """The Vietnamese name of a fact in a refusal; the field itself when it has none."""
    found = _CANDIDATE_VOTES.fullmatch(field)
    if found:
        return f"số phiếu của người ứng cử thứ {int(found.group(1)) + 1}"
    return FIELD_LABELS.get(field, field)


def require_non_negative(field: str, value: int) -> None:
    if value < 0:
        label = field_label(field)
        raise InvalidFacts(
            field, f"{label[:1].upper()}{label[1:]} không được âm (đang là {value})."
        )


def require_at_most(field: str, value: int, limit_field: str, limit: int) -> None:
    if value > limit:
        label = field_label(field)
        raise InvalidFacts(
            field,
            f"{label[:1].upper()}{label[1:]} ({value}) không được lớn hơn "
            f"{field_label(limit_field)} ({limit}).",
        )


def ceil_fraction(value: Fraction) -> int:
    """Exact ceiling of a Fraction (no floats)."""
    return -((-value.numerator) // value.denominator)


def fmt_date(d: date) -> str:
    """dd/mm/yyyy, as dates are written in the reasons."""
    return f"{d:%d/%m/%Y}"
