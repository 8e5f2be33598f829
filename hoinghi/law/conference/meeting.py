"""Holding the Conference: window, who attends, quorum, extraordinary sessions (C1–C4, C6–C7).

Each rule has a Law 10/2022 version (from 01/07/2023) and, where docs/domain/conference.md §1.12 states the
old rule, a Decree 04/2015 version (01/03/2015 – 30/06/2023).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from hoinghi.law.calendar import add_days, add_months
from hoinghi.law.citations import Citation, Confidence, cite
from hoinghi.law.conference._common import (
    D04_FROM,
    D04_TO,
    L10_FROM,
    QUORUM_SHARE,
    TT01_FROM,
    ceil_fraction,
    deadline_status,
    options_or_default,
    reason,
    require_at_most,
    require_non_negative,
)
from hoinghi.law.conference._common import (
    fmt_date as _d,
)
from hoinghi.law.instruments import D04, L10, TT01_2016
from hoinghi.law.options import ConferenceOptions
from hoinghi.law.parameters import Dated, DatedValue, InvalidFacts
from hoinghi.law.registry import rule
from hoinghi.law.results import Basis, Result

_OLD_CITES = (cite(D04), cite(TT01_2016, 7))

WINDOW_MONTHS: DatedValue[int] = DatedValue(
    "conference.window_months",
    "Thời hạn tổ chức Hội nghị thường niên sau khi kết thúc năm công tác (tháng)",
    [Dated(3, L10_FROM, None, cite(L10, 51, 1))],
)
OLD_REGULAR_TIMING: DatedValue[str] = DatedValue(
    "conference.old_regular_timing",
    "Thời điểm tổ chức Hội nghị thường niên theo chế độ cũ",
    [
        Dated("hằng năm", D04_FROM, date(2016, 2, 29), cite(D04), Confidence.UNVERIFIED),
        Dated("cuối năm công tác", TT01_FROM, D04_TO, cite(TT01_2016, 7), Confidence.SECONDARY),
    ],
)
SMALL_UNIT_MAX: DatedValue[int] = DatedValue(
    "conference.small_unit_max",
    "Số người tối đa của cơ quan, đơn vị được tổ chức Hội nghị khi cần thiết",
    [Dated(7, L10_FROM, None, cite(L10, 51, 2, "đ"))],
)
DELEGATE_THRESHOLD: DatedValue[int] = DatedValue(
    "conference.delegate_threshold",
    "Số người từ đó được chọn hình thức Hội nghị đại biểu",
    [Dated(100, L10_FROM, None, cite(L10, 51, 2, "b"))],
)
EXTRAORDINARY_SHARE: DatedValue[Fraction] = DatedValue(
    "conference.extraordinary_share",
    "Tỷ lệ tối thiểu người đề nghị tổ chức Hội nghị bất thường",
    [
        Dated(Fraction(1, 3), TT01_FROM, D04_TO, cite(TT01_2016, 7), Confidence.SECONDARY),
        Dated(Fraction(1, 3), L10_FROM, None, cite(L10, 50, 1)),
    ],
)
OLD_EXTRAORDINARY_DAYS: DatedValue[int] = DatedValue(
    "conference.old_extraordinary_days",
    "Thời hạn tổ chức Hội nghị bất thường kể từ khi có đề nghị hợp lệ (ngày)",
    [Dated(15, TT01_FROM, D04_TO, cite(TT01_2016, 7), Confidence.SECONDARY)],
)
FALLBACK_FAILED_CONVOCATIONS: DatedValue[int] = DatedValue(
    "conference.fallback_failed_convocations",
    "Số lần triệu tập không đủ số người để được lấy ý kiến bằng phiếu",
    [Dated(2, L10_FROM, None, cite(L10, 50, 2))],
)


# --- C1 Conference window ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ConferenceDateFacts:
    conference_date: date
    work_year_end: date  # last day of the agency's work year (31/12 for a calendar year)
    extraordinary: bool = False  # Hội nghị bất thường


def _extraordinary_ok(facts: ConferenceDateFacts, on: date, version: str) -> Result:
    citation = cite(L10, 51, 1) if version == "L10" else cite(TT01_2016, 7)
    return Result(
        "conference.window",
        version,
        on,
        True,
        {},
        (
            reason(
                "conference.window.extraordinary",
                "Hội nghị bất thường không bị giới hạn trong thời hạn của Hội nghị thường niên",
                citation,
            ),
        ),
    )


@rule(
    code="conference.window",
    version="L10",
    title="Thời hạn tổ chức Hội nghị thường niên",
    cites=(cite(L10, 51, 1),),
    valid_from=L10_FROM,
    facts=ConferenceDateFacts,
)
def check_window_l10(
    facts: ConferenceDateFacts, *, on: date, options: ConferenceOptions | None = None
) -> Result:
    """Khoản 1 Điều 51 Luật 10/2022: sau khi kết thúc năm công tác, chậm nhất 3 tháng."""
    if facts.extraordinary:
        return _extraordinary_ok(facts, on, "L10")
    months = WINDOW_MONTHS.at(on)
    start = add_days(facts.work_year_end, 1)
    end = add_days(add_months(start, months.value), -1)
    ok = start <= facts.conference_date <= end
    if ok:
        code, message = (
            "conference.window.within",
            ("Hội nghị ngày {conference_date} nằm trong thời hạn từ {start} đến {end}"),
        )
    elif facts.conference_date < start:
        code, message = (
            "conference.window.before_year_end",
            (
                "Hội nghị ngày {conference_date} tổ chức trước khi kết thúc năm công tác "
                "(chỉ được tổ chức từ {start} đến {end})"
            ),
        )
    else:
        code, message = (
            "conference.window.late",
            (
                "Hội nghị ngày {conference_date} quá thời hạn {months} tháng sau khi kết thúc năm "
                "công tác (hạn cuối {end})"
            ),
        )
    return Result(
        "conference.window",
        "L10",
        on,
        ok,
        {"window_start": start, "window_end": end},
        (
            reason(
                code,
                message,
                months.citation,
                conference_date=_d(facts.conference_date),
                start=_d(start),
                end=_d(end),
                months=months.value,
            ),
        ),
    )


@rule(
    code="conference.window",
    version="D04",
    title="Thời điểm tổ chức Hội nghị thường niên",
    cites=_OLD_CITES,
    valid_from=D04_FROM,
    valid_to=D04_TO,
    facts=ConferenceDateFacts,
    confidence=Confidence.SECONDARY,
)
def check_window_d04(
    facts: ConferenceDateFacts, *, on: date, options: ConferenceOptions | None = None
) -> Result:
    """Nghị định 04/2015, Thông tư 01/2016 (Điều 7): Hội nghị tổ chức vào cuối năm công tác.

    The exact window is [U]: the agency option sets it (default three months either side of
    the end of the work year).
    """
    opts = options_or_default(options)
    if facts.extraordinary:
        return _extraordinary_ok(facts, on, "D04")
    timing = OLD_REGULAR_TIMING.at(on)
    year_start = add_days(facts.work_year_end, 1)
    start = add_months(year_start, -opts.old_regime_window_months_before)
    end = add_days(add_months(year_start, opts.old_regime_window_months_after), -1)
    ok = start <= facts.conference_date <= end
    message = (
        "Hội nghị ngày {conference_date} {verdict} khoảng thời gian tổ chức Hội nghị {timing} "
        "(từ {start} đến {end})"
    )
    return Result(
        "conference.window",
        "D04",
        on,
        ok,
        {"window_start": start, "window_end": end},
        (
            reason(
                "conference.window.old_regime",
                message,
                timing.citation,
                Basis.UNVERIFIED,
                conference_date=_d(facts.conference_date),
                timing=timing.value,
                verdict="nằm trong" if ok else "nằm ngoài",
                start=_d(start),
                end=_d(end),
            ),
        ),
    )


# --- C2 Required or optional ---------------------------------------------------------------


class ConferenceRequirement(enum.StrEnum):
    REQUIRED = "required"  # phải tổ chức
    OPTIONAL = "optional"  # tổ chức khi cần thiết


@dataclass(frozen=True, slots=True)
class StaffFacts:
    staff_count: int  # tổng số cán bộ, công chức, viên chức, người lao động


@rule(
    code="conference.required",
    version="L10",
    title="Cơ quan, đơn vị phải tổ chức Hội nghị",
    cites=(cite(L10, 51, 2, "đ"),),
    valid_from=L10_FROM,
    facts=StaffFacts,
)
def decide_conference_required_l10(
    facts: StaffFacts, *, on: date, options: ConferenceOptions | None = None
) -> Result:
    """Điểm đ khoản 2 Điều 51 Luật 10/2022: đơn vị có từ 07 người trở xuống tổ chức khi cần."""
    require_non_negative("staff_count", facts.staff_count)
    small = SMALL_UNIT_MAX.at(on)
    if facts.staff_count <= small.value:
        outcome, code, message = (
            ConferenceRequirement.OPTIONAL,
            "conference.required.small_unit",
            (
                "Cơ quan, đơn vị có {staff_count} người (không quá {limit}) có thể tổ chức Hội nghị "
                "khi cần thiết"
            ),
        )
    else:
        outcome, code, message = (
            ConferenceRequirement.REQUIRED,
            "conference.required.yes",
            (
                "Cơ quan, đơn vị có {staff_count} người (trên {limit}) phải tổ chức Hội nghị hằng năm"
            ),
        )
    return Result(
        "conference.required",
        "L10",
        on,
        outcome,
        {"small_unit_max": small.value},
        (reason(code, message, small.citation, staff_count=facts.staff_count, limit=small.value),),
    )


@rule(
    code="conference.required",
    version="D04",
    title="Cơ quan, đơn vị phải tổ chức Hội nghị",
    cites=_OLD_CITES,
    valid_from=D04_FROM,
    valid_to=D04_TO,
    facts=StaffFacts,
    confidence=Confidence.UNVERIFIED,
)
def decide_conference_required_d04(
    facts: StaffFacts, *, on: date, options: ConferenceOptions | None = None
) -> Result:
    """Nghị định 04/2015: Hội nghị hằng năm; no small-unit exception is known [U]."""
    require_non_negative("staff_count", facts.staff_count)
    return Result(
        "conference.required",
        "D04",
        on,
        ConferenceRequirement.REQUIRED,
        {},
        (
            reason(
                "conference.required.old_regime",
                "Theo chế độ cũ, cơ quan, đơn vị tổ chức Hội nghị hằng năm; không xác định được "
                "ngoại lệ cho đơn vị nhỏ",
                OLD_REGULAR_TIMING.at(on).citation,
                Basis.UNVERIFIED,
            ),
        ),
    )


# --- C3 Plenary or delegates ---------------------------------------------------------------


class AttendanceForm(enum.StrEnum):
    PLENARY = "plenary"  # Hội nghị toàn thể
    PLENARY_OR_DELEGATES = "plenary_or_delegates"  # người đứng đầu và Công đoàn chọn


@dataclass(frozen=True, slots=True)
class AttendanceFormFacts:
    staff_count: int
    dispersed: bool = False  # làm việc phân tán, không thể bỏ vị trí công tác


def _attendance_result(
    facts: AttendanceFormFacts,
    on: date,
    version: str,
    threshold: int,
    citation_basis: Basis,
    citation: Citation,
) -> Result:
    require_non_negative("staff_count", facts.staff_count)
    if facts.staff_count >= threshold or facts.dispersed:
        outcome = AttendanceForm.PLENARY_OR_DELEGATES
        why = "có {staff_count} người" if facts.staff_count >= threshold else "làm việc phân tán"
        message = (
            f"Cơ quan, đơn vị {why}: người đứng đầu thống nhất với Công đoàn chọn Hội "
            "nghị toàn thể hoặc Hội nghị đại biểu"
        )
        code = "conference.attendance_form.choice"
    else:
        outcome = AttendanceForm.PLENARY
        message = (
            "Cơ quan, đơn vị có {staff_count} người (dưới {threshold}) và không làm việc "
            "phân tán: tổ chức Hội nghị toàn thể"
        )
        code = "conference.attendance_form.plenary"
    return Result(
        "conference.attendance_form",
        version,
        on,
        outcome,
        {"delegate_threshold": threshold},
        (
            reason(
                code,
                message,
                citation,
                citation_basis,
                staff_count=facts.staff_count,
                threshold=threshold,
            ),
        ),
    )


@rule(
    code="conference.attendance_form",
    version="L10",
    title="Hình thức Hội nghị toàn thể hoặc đại biểu",
    cites=(cite(L10, 51, 2, "a"), cite(L10, 51, 2, "b")),
    valid_from=L10_FROM,
    facts=AttendanceFormFacts,
)
def decide_attendance_form_l10(
    facts: AttendanceFormFacts, *, on: date, options: ConferenceOptions | None = None
) -> Result:
    """Điểm a, b khoản 2 Điều 51 Luật 10/2022: dưới 100 người thì Hội nghị toàn thể."""
    threshold = DELEGATE_THRESHOLD.at(on)
    return _attendance_result(facts, on, "L10", threshold.value, Basis.LAW, threshold.citation)


@rule(
    code="conference.attendance_form",
    version="D04",
    title="Hình thức Hội nghị toàn thể hoặc đại biểu",
    cites=_OLD_CITES,
    valid_from=D04_FROM,
    valid_to=D04_TO,
    facts=AttendanceFormFacts,
    confidence=Confidence.UNVERIFIED,
)
def decide_attendance_form_d04(
    facts: AttendanceFormFacts, *, on: date, options: ConferenceOptions | None = None
) -> Result:
    """Chế độ cũ: ngưỡng Hội nghị đại biểu (100 hay 200 người) chưa xác minh: agency option."""
    threshold = options_or_default(options).old_regime_delegate_threshold
    return _attendance_result(
        facts, on, "D04", threshold, Basis.UNVERIFIED, OLD_REGULAR_TIMING.at(on).citation
    )


# --- C4 Quorum -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class QuorumFacts:
    convened: int  # tổng số người (Hội nghị toàn thể) hoặc số đại biểu được triệu tập
    present: int  # số người có mặt
    delegate_conference: bool = False


def required_quorum(convened: int, *, on: date) -> int:
    """The least number present for a valid Conference: ``ceil(2·convened/3)``."""
    return ceil_fraction(QUORUM_SHARE.value(on) * convened)


def _check_quorum(facts: QuorumFacts, on: date, version: str) -> Result:
    if facts.convened < 1:
        raise InvalidFacts("convened", "Số người được triệu tập phải từ 1 trở lên.")
    require_non_negative("present", facts.present)
    require_at_most("present", facts.present, "convened", facts.convened)
    share = QUORUM_SHARE.at(on)
    quorum = ceil_fraction(share.value * facts.convened)
    ok = facts.present >= quorum
    who = (
        "đại biểu được triệu tập"
        if facts.delegate_conference
        else "cán bộ, công chức, viên chức, người lao động"
    )
    message = (
        "Có mặt {present}/{convened} "
        + who
        + "; cần ít nhất {quorum} (hai phần ba): "
        + ("Hội nghị hợp lệ" if ok else "Hội nghị không đủ số người để hợp lệ")
    )
    basis = Basis.LAW if share.confidence is not Confidence.UNVERIFIED else Basis.UNVERIFIED
    return Result(
        "conference.quorum",
        version,
        on,
        ok,
        {"quorum": quorum, "convened": facts.convened, "present": facts.present},
        (
            reason(
                "conference.quorum.met" if ok else "conference.quorum.not_met",
                message,
                share.citation,
                basis,
                present=facts.present,
                convened=facts.convened,
                quorum=quorum,
            ),
        ),
    )


@rule(
    code="conference.quorum",
    version="L10",
    title="Số người tối thiểu để Hội nghị hợp lệ",
    cites=(cite(L10, 51, 2, "c"),),
    valid_from=L10_FROM,
    facts=QuorumFacts,
)
def check_quorum_l10(
    facts: QuorumFacts, *, on: date, options: ConferenceOptions | None = None
) -> Result:
    """Điểm c khoản 2 Điều 51 Luật 10/2022: ít nhất 2/3 tổng số người (hoặc đại biểu)."""
    return _check_quorum(facts, on, "L10")


@rule(
    code="conference.quorum",
    version="D04",
    title="Số người tối thiểu để Hội nghị hợp lệ",
    cites=_OLD_CITES,
    valid_from=D04_FROM,
    valid_to=D04_TO,
    facts=QuorumFacts,
    confidence=Confidence.SECONDARY,
)
def check_quorum_d04(
    facts: QuorumFacts, *, on: date, options: ConferenceOptions | None = None
) -> Result:
    """Thông tư 01/2016 (Điều 7) [S]: ít nhất 2/3 tổng số người hoặc đại biểu được triệu tập."""
    return _check_quorum(facts, on, "D04")


# --- C6 Extraordinary Conference -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExtraordinaryRequestFacts:
    staff_count: int
    proposers: int = 0  # số người ký đề nghị
    union_committee_proposed: bool = False  # Ban Chấp hành Công đoàn đề nghị
    head_proposed: bool = False  # người đứng đầu đề nghị
    requested_on: date | None = None
    held_on: date | None = None


def _extraordinary(facts: ExtraordinaryRequestFacts, on: date, version: str) -> Result:
    require_non_negative("staff_count", facts.staff_count)
    require_non_negative("proposers", facts.proposers)
    require_at_most("proposers", facts.proposers, "staff_count", facts.staff_count)
    share = EXTRAORDINARY_SHARE.at(on) if on >= TT01_FROM else None
    needed = ceil_fraction(share.value * facts.staff_count) if share else None
    citation = share.citation if share else cite(D04)
    reasons = []
    by_staff = needed is not None and facts.staff_count > 0 and facts.proposers >= needed
    if by_staff:
        reasons.append(
            reason(
                "conference.extraordinary.staff",
                "{proposers}/{staff_count} người đề nghị, đạt ít nhất một phần ba (cần {needed})",
                citation,
                proposers=facts.proposers,
                staff_count=facts.staff_count,
                needed=needed,
            )
        )
    if facts.union_committee_proposed:
        reasons.append(
            reason(
                "conference.extraordinary.union",
                "Ban Chấp hành Công đoàn đề nghị tổ chức Hội nghị bất thường",
                citation,
            )
        )
    if facts.head_proposed:
        reasons.append(
            reason(
                "conference.extraordinary.head",
                "Người đứng đầu cơ quan, đơn vị đề nghị tổ chức Hội nghị bất thường",
                citation,
                Basis.LAW if version == "L10" else Basis.UNVERIFIED,
            )
        )
    ok = bool(reasons)
    if not ok:
        reasons.append(
            reason(
                "conference.extraordinary.not_enough",
                "Chưa đủ căn cứ tổ chức Hội nghị bất thường: {proposers} người đề "
                "nghị, cần ít nhất {needed}, hoặc đề nghị của Ban Chấp hành Công "
                "đoàn, người đứng đầu",
                citation,
                proposers=facts.proposers,
                needed=needed if needed is not None else "một phần ba",
            )
        )
    values: dict[str, object] = {"proposers_needed": needed}
    if version == "D04" and ok and facts.requested_on is not None and on >= TT01_FROM:
        days = OLD_EXTRAORDINARY_DAYS.at(on)
        deadline = add_days(facts.requested_on, days.value)
        status = deadline_status(facts.held_on, deadline)
        values.update(deadline=deadline, status=status)
        reasons.append(
            reason(
                "conference.extraordinary.old_deadline",
                "Hội nghị bất thường phải tổ chức trong {days} ngày kể từ khi có đề "
                "nghị hợp lệ: chậm nhất ngày {deadline}",
                days.citation,
                days=days.value,
                deadline=_d(deadline),
            )
        )
    return Result("conference.extraordinary_trigger", version, on, ok, values, tuple(reasons))


@rule(
    code="conference.extraordinary_trigger",
    version="L10",
    title="Căn cứ tổ chức Hội nghị bất thường",
    cites=(cite(L10, 50, 1), cite(L10, 51, 1)),
    valid_from=L10_FROM,
    facts=ExtraordinaryRequestFacts,
)
def check_extraordinary_trigger_l10(
    facts: ExtraordinaryRequestFacts, *, on: date, options: ConferenceOptions | None = None
) -> Result:
    """Khoản 1 Điều 50, khoản 1 Điều 51 Luật 10/2022: Công đoàn, người đứng đầu hoặc 1/3."""
    return _extraordinary(facts, on, "L10")


@rule(
    code="conference.extraordinary_trigger",
    version="D04",
    title="Căn cứ tổ chức Hội nghị bất thường",
    cites=_OLD_CITES,
    valid_from=D04_FROM,
    valid_to=D04_TO,
    facts=ExtraordinaryRequestFacts,
    confidence=Confidence.SECONDARY,
)
def check_extraordinary_trigger_d04(
    facts: ExtraordinaryRequestFacts, *, on: date, options: ConferenceOptions | None = None
) -> Result:
    """Thông tư 01/2016 [S]: đề nghị của 1/3 số người hoặc Công đoàn; tổ chức trong 15 ngày."""
    return _extraordinary(facts, on, "D04")


# --- C7 Written-ballot fallback ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WrittenBallotFacts:
    failed_convocations: int = 0  # số lần triệu tập mà không đủ số người
    force_majeure: bool = False  # sự kiện bất khả kháng
    head_union_agreed: bool = False  # người đứng đầu đã thống nhất với Ban Chấp hành Công đoàn


@rule(
    code="conference.written_ballot_fallback",
    version="L10",
    title="Lấy ý kiến bằng phiếu khi không tổ chức được Hội nghị",
    cites=(cite(L10, 50, 2),),
    valid_from=L10_FROM,
    facts=WrittenBallotFacts,
)
def check_written_ballot_fallback_l10(
    facts: WrittenBallotFacts, *, on: date, options: ConferenceOptions | None = None
) -> Result:
    """Khoản 2 Điều 50 Luật 10/2022: bất khả kháng, hoặc triệu tập lần hai vẫn không đủ người."""
    require_non_negative("failed_convocations", facts.failed_convocations)
    needed = FALLBACK_FAILED_CONVOCATIONS.at(on)
    citation = needed.citation
    reasons = []
    ground = facts.force_majeure or facts.failed_convocations >= needed.value
    if facts.force_majeure:
        reasons.append(
            reason(
                "conference.written_ballot.force_majeure",
                "Không tổ chức được Hội nghị do sự kiện bất khả kháng",
                citation,
            )
        )
    elif ground:
        reasons.append(
            reason(
                "conference.written_ballot.second_failure",
                "Đã triệu tập {failed} lần mà vẫn không đủ số người theo quy định",
                citation,
                failed=facts.failed_convocations,
            )
        )
    else:
        reasons.append(
            reason(
                "conference.written_ballot.no_ground",
                "Mới triệu tập {failed} lần không đủ số người: phải triệu tập lại "
                "lần thứ hai trước khi lấy ý kiến bằng phiếu",
                citation,
                failed=facts.failed_convocations,
            )
        )
    if ground and not facts.head_union_agreed:
        reasons.append(
            reason(
                "conference.written_ballot.no_agreement",
                "Người đứng đầu chưa thống nhất với Ban Chấp hành Công đoàn về việc "
                "phát phiếu lấy ý kiến",
                citation,
            )
        )
    ok = ground and facts.head_union_agreed
    if ok:
        reasons.append(
            reason(
                "conference.written_ballot.allowed",
                "Được phát phiếu lấy ý kiến đến toàn thể cán bộ, công chức, viên "
                "chức, người lao động để quyết định các nội dung thuộc thẩm quyền",
                citation,
            )
        )
    return Result(
        "conference.written_ballot_fallback",
        "L10",
        on,
        ok,
        {"failed_convocations_needed": needed.value},
        tuple(reasons),
    )
