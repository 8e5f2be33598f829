"""The Ban thanh tra nhân dân of an agency (B1–B8): Law 10/2022 Arts 60–63, Decree 59/2023.

What the Law sets (size, who may sit, term, the head's reply, whether a board is needed) applies
from 01/07/2023 (Law 10/2022 Art 90.1); what Decree 59/2023 adds (the union's recognition, the
notice of an inspection, deputies, the special cases) from 15/08/2023. Decree 159/2016, which
governed the board before, is not described here: an earlier date answers "no rule in force".
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from hoinghi.law.calendar import (
    add_months,
    add_working_days,
    calendar_deadline,
    unverified_day_reasons,
)
from hoinghi.law.citations import Citation, cite
from hoinghi.law.conference._common import (
    D59_FROM,
    L10_FROM,
    deadline_status,
    fmt_date,
    options_or_default,
    reason,
    require_non_negative,
)
from hoinghi.law.conference.publicity import counting_reason
from hoinghi.law.instruments import D59, L10
from hoinghi.law.options import ConferenceOptions, DayKind
from hoinghi.law.parameters import Dated, DatedValue, InvalidFacts
from hoinghi.law.registry import rule
from hoinghi.law.results import Basis, Reason, Result


def _since_d59(code: str, title: str, value: int, citation: Citation) -> DatedValue[int]:
    """A number in force from the date of the text it cites: the Law's or the Decree's."""
    start = L10_FROM if citation.instrument is L10 else D59_FROM
    return DatedValue(code, title, [Dated(value, start, None, citation)])


def _decree_in_force(on: date) -> bool:
    return on >= D59_FROM


def _decree_not_yet(on: date) -> Reason:
    return reason(
        "inspection_board.decree_not_in_force",
        "Ngày {on}: Nghị định số 59/2023/NĐ-CP chưa có hiệu lực (từ ngày 15/08/2023), trường hợp "
        "đặc thù của Nghị định chưa áp dụng",
        cite(D59, 28),
        on=fmt_date(on),
    )


SMALL_UNIT_MAX = _since_d59(
    "inspection_board.small_unit_max",
    "Số người tối đa của đơn vị không phải thành lập Ban thanh tra nhân dân",
    7,
    cite(L10, 60, 1),
)
MIN_MEMBERS = _since_d59(
    "inspection_board.min_members", "Số thành viên tối thiểu", 3, cite(L10, 60, 1)
)
MAX_MEMBERS = _since_d59(
    "inspection_board.max_members",
    "Số thành viên tối đa (trừ trường hợp đặc thù)",
    9,
    cite(L10, 60, 1),
)
DEPUTY_CAP_FROM = _since_d59(
    "inspection_board.deputy_cap_from",
    "Số thành viên từ đó giới hạn số Phó Trưởng ban",
    9,
    cite(D59, 21, 3),
)
MAX_DEPUTIES = _since_d59(
    "inspection_board.max_deputies", "Số Phó Trưởng ban tối đa", 2, cite(D59, 21, 3)
)
TERM_YEARS = _since_d59("inspection_board.term_years", "Nhiệm kỳ (năm)", 2, cite(L10, 60, 3))
RECOGNITION_WORKING_DAYS = _since_d59(
    "inspection_board.recognition_working_days",
    "Thời hạn Ban Chấp hành Công đoàn công nhận kết quả bầu (ngày làm việc)",
    5,
    cite(D59, 21, 1),
)
NOTICE_WORKING_DAYS = _since_d59(
    "inspection_board.notice_working_days",
    "Thời hạn thông báo kế hoạch kiểm tra trước khi tiến hành (ngày làm việc)",
    5,
    cite(D59, 22, 1, "b"),
)
REPLY_DAYS = _since_d59(
    "inspection_board.reply_days",
    "Thời hạn người đứng đầu giải quyết kiến nghị của Ban (ngày)",
    15,
    cite(L10, 63, 1, "c"),
)


# --- B1 Required ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BoardRequiredFacts:
    staff_count: int
    special_case_approved: bool = False  # Công đoàn cấp trên trực tiếp quyết định (đặc thù)


@rule(
    code="inspection_board.required",
    version="L10",
    title="Phải thành lập Ban thanh tra nhân dân",
    cites=(cite(L10, 60, 1), cite(D59, 21, 2), cite(L10, 63, 2, "e")),
    valid_from=L10_FROM,
    facts=BoardRequiredFacts,
)
def decide_board_required(
    facts: BoardRequiredFacts, *, on: date, options: ConferenceOptions | None = None
) -> Result:
    """Khoản 1 Điều 60 Luật 10/2022, khoản 2 Điều 21 Nghị định 59/2023."""
    require_non_negative("staff_count", facts.staff_count)
    small = SMALL_UNIT_MAX.at(on)
    if facts.staff_count <= small.value:
        required, first = (
            False,
            reason(
                "inspection_board.required.small_unit",
                "Cơ quan, đơn vị có {staff_count} người (không quá {limit}): không thành lập Ban "
                "thanh tra nhân dân",
                small.citation,
                staff_count=facts.staff_count,
                limit=small.value,
            ),
        )
    elif facts.special_case_approved and _decree_in_force(on):
        required, first = (
            False,
            reason(
                "inspection_board.required.special_case",
                "Trường hợp đặc thù đã được Công đoàn cấp trên trực tiếp quyết định không thành lập "
                "Ban thanh tra nhân dân",
                cite(D59, 21, 2),
            ),
        )
    else:
        required, first = (
            True,
            reason(
                "inspection_board.required.yes",
                "Cơ quan, đơn vị có {staff_count} người (trên {limit}): phải thành lập Ban thanh tra "
                "nhân dân",
                small.citation,
                staff_count=facts.staff_count,
                limit=small.value,
            ),
        )
    reasons = [first]
    if not required:
        reasons.append(
            reason(
                "inspection_board.required.union_acts",
                "Ban Chấp hành Công đoàn thực hiện nhiệm vụ của Ban thanh tra nhân dân",
                cite(L10, 63, 2, "e"),
            )
        )
    if facts.special_case_approved and not _decree_in_force(on):
        reasons.append(_decree_not_yet(on))
    return Result(
        "inspection_board.required",
        "L10",
        on,
        required,
        {"small_unit_max": small.value},
        tuple(reasons),
    )


# --- B2 Size -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BoardSizeFacts:
    members: int
    special_or_dispersed: bool = False  # đơn vị đặc thù, phân tán
    union_proposed: bool = False  # Ban Chấp hành Công đoàn đề xuất (thống nhất với người đứng đầu)
    conference_decided: bool = False  # Hội nghị quyết định


@rule(
    code="inspection_board.size",
    version="L10",
    title="Số thành viên Ban thanh tra nhân dân",
    cites=(cite(L10, 60, 1), cite(D59, 21, 2)),
    valid_from=L10_FROM,
    facts=BoardSizeFacts,
)
def check_board_size(
    facts: BoardSizeFacts, *, on: date, options: ConferenceOptions | None = None
) -> Result:
    """Khoản 1 Điều 60 Luật 10/2022: từ 03 đến 09 thành viên; khoản 2 Điều 21 NĐ 59/2023."""
    require_non_negative("members", facts.members)
    low, high = MIN_MEMBERS.at(on), MAX_MEMBERS.at(on)
    params = {"members": facts.members, "low": low.value, "high": high.value}
    if facts.members < low.value:
        ok, found = (
            False,
            reason(
                "inspection_board.size.too_small",
                "Ban có {members} thành viên, ít hơn tối thiểu {low}",
                low.citation,
                Basis.LAW,
                **params,
            ),
        )
    elif facts.members <= high.value:
        ok, found = (
            True,
            reason(
                "inspection_board.size.ok",
                "Ban có {members} thành viên, trong khoảng {low}–{high}",
                high.citation,
                Basis.LAW,
                **params,
            ),
        )
    elif (
        facts.special_or_dispersed
        and facts.union_proposed
        and facts.conference_decided
        and _decree_in_force(on)
    ):
        ok, found = (
            True,
            reason(
                "inspection_board.size.special",
                "Đơn vị đặc thù, phân tán: Ban có {members} thành viên theo đề xuất "
                "của Ban Chấp hành Công đoàn và quyết định của Hội nghị",
                cite(D59, 21, 2),
                Basis.LAW,
                **params,
            ),
        )
    else:
        ok, found = (
            False,
            reason(
                "inspection_board.size.too_large",
                "Ban có {members} thành viên, vượt tối đa {high}; chỉ được nhiều "
                "hơn ở đơn vị đặc thù, phân tán, do Công đoàn đề xuất và Hội nghị "
                "quyết định",
                cite(D59, 21, 2),
                Basis.LAW,
                **params,
            ),
        )
    notes = (
        (found,)
        if _decree_in_force(on) or not facts.special_or_dispersed
        else (found, _decree_not_yet(on))
    )
    return Result(
        "inspection_board.size",
        "L10",
        on,
        ok,
        {"min_members": low.value, "max_members": high.value},
        notes,
    )


# --- B3 Eligibility ------------------------------------------------------------------------


class BoardPosition(enum.StrEnum):
    HEAD = "head"  # người đứng đầu
    DEPUTY_HEAD = "deputy_head"  # cấp phó của người đứng đầu
    CHIEF_ACCOUNTANT = "chief_accountant"  # kế toán trưởng
    UNION_COMMITTEE_MEMBER = "union_committee_member"  # ủy viên Ban Chấp hành Công đoàn
    STAFF = "staff"


_BARRED = {
    BoardPosition.HEAD: "người đứng đầu",
    BoardPosition.DEPUTY_HEAD: "cấp phó của người đứng đầu",
    BoardPosition.CHIEF_ACCOUNTANT: "kế toán trưởng",
}


@dataclass(frozen=True, slots=True)
class BoardCandidateFacts:
    positions: tuple[BoardPosition, ...] = ()
    works_in_agency: bool = True  # đang làm việc tại cơ quan, đơn vị


@rule(
    code="inspection_board.eligibility",
    version="L10",
    title="Người được bầu vào Ban thanh tra nhân dân",
    cites=(cite(L10, 60, 2),),
    valid_from=L10_FROM,
    facts=BoardCandidateFacts,
)
def check_board_eligibility(
    facts: BoardCandidateFacts, *, on: date, options: ConferenceOptions | None = None
) -> Result:
    """Khoản 2 Điều 60 Luật 10/2022: không phải người đứng đầu, cấp phó, kế toán trưởng."""
    citation = cite(L10, 60, 2)
    reasons: list[Reason] = []
    if not facts.works_in_agency:
        reasons.append(
            reason(
                "inspection_board.eligibility.not_staff",
                "Người ứng cử không làm việc tại cơ quan, đơn vị",
                citation,
            )
        )
    for position in facts.positions:
        if position in _BARRED:
            reasons.append(
                reason(
                    "inspection_board.eligibility.barred",
                    "Người ứng cử là {position}: không được là thành viên Ban thanh tra nhân dân",
                    citation,
                    position=_BARRED[position],
                )
            )
    ok = not reasons
    if ok:
        reasons.append(
            reason(
                "inspection_board.eligibility.ok",
                "Không thuộc trường hợp bị loại trừ; phẩm chất đạo đức, uy tín, sức "
                "khỏe, hiểu biết và sự tự nguyện do Hội nghị xem xét",
                citation,
            )
        )
    return Result("inspection_board.eligibility", "L10", on, ok, {}, tuple(reasons))


# --- B4 Deputies ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BoardStructureFacts:
    members: int
    deputies: int  # số Phó Trưởng ban


@rule(
    code="inspection_board.deputies",
    version="D59",
    title="Số Phó Trưởng ban",
    cites=(cite(D59, 21, 3), cite(L10, 60, 4)),
    valid_from=D59_FROM,
    facts=BoardStructureFacts,
)
def check_board_deputies(
    facts: BoardStructureFacts, *, on: date, options: ConferenceOptions | None = None
) -> Result:
    """Khoản 3 Điều 21 Nghị định 59/2023: Ban từ 09 thành viên có không quá 02 Phó Trưởng ban."""
    require_non_negative("deputies", facts.deputies)
    if facts.deputies >= facts.members:
        raise InvalidFacts("deputies", "Số Phó Trưởng ban phải nhỏ hơn số thành viên của Ban.")
    cap_from, cap = DEPUTY_CAP_FROM.at(on), MAX_DEPUTIES.at(on)
    capped = facts.members >= cap_from.value
    ok = not capped or facts.deputies <= cap.value
    params = {
        "members": facts.members,
        "deputies": facts.deputies,
        "cap": cap.value,
        "cap_from": cap_from.value,
    }
    if not capped:
        found = reason(
            "inspection_board.deputies.uncapped",
            "Ban có {members} thành viên (dưới {cap_from}): không giới hạn số Phó Trưởng ban",
            cap.citation,
            Basis.LAW,
            **params,
        )
    elif ok:
        found = reason(
            "inspection_board.deputies.ok",
            "Ban có {members} thành viên, {deputies} Phó Trưởng ban (tối đa {cap})",
            cap.citation,
            Basis.LAW,
            **params,
        )
    else:
        found = reason(
            "inspection_board.deputies.too_many",
            "Ban có {members} thành viên thì có không quá {cap} Phó Trưởng ban (đang "
            "là {deputies})",
            cap.citation,
            Basis.LAW,
            **params,
        )
    return Result(
        "inspection_board.deputies",
        "D59",
        on,
        ok,
        {"max_deputies": cap.value if capped else None},
        (found,),
    )


# --- B5 Term -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BoardTermFacts:
    elected_on: date


@rule(
    code="inspection_board.term",
    version="L10",
    title="Nhiệm kỳ Ban thanh tra nhân dân",
    cites=(cite(L10, 60, 3),),
    valid_from=L10_FROM,
    facts=BoardTermFacts,
)
def decide_board_term(
    facts: BoardTermFacts, *, on: date, options: ConferenceOptions | None = None
) -> Result:
    """Khoản 3 Điều 60 Luật 10/2022: nhiệm kỳ 02 năm."""
    years = TERM_YEARS.at(on)
    end = add_months(facts.elected_on, 12 * years.value)
    return Result(
        "inspection_board.term",
        "L10",
        on,
        end,
        {"term_end": end},
        (
            reason(
                "inspection_board.term.end",
                "Nhiệm kỳ {years} năm từ ngày bầu {elected}: kết thúc ngày {end}, bầu Ban mới tại "
                "Hội nghị năm {year}",
                years.citation,
                years=years.value,
                elected=fmt_date(facts.elected_on),
                end=fmt_date(end),
                year=end.year,
            ),
        ),
    )


# --- B6–B8 Deadlines -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RecognitionFacts:
    conference_ended_on: date
    recognized_on: date | None = None


@rule(
    code="inspection_board.recognition_deadline",
    version="D59",
    title="Thời hạn công nhận kết quả bầu Ban thanh tra nhân dân",
    cites=(cite(D59, 21, 1),),
    valid_from=D59_FROM,
    facts=RecognitionFacts,
)
def check_recognition_deadline(
    facts: RecognitionFacts, *, on: date, options: ConferenceOptions | None = None
) -> Result:
    """Khoản 1 Điều 21 Nghị định 59/2023: chậm nhất 05 ngày làm việc sau khi kết thúc Hội nghị."""
    calendar_opts = options_or_default(options).calendar
    day_count, make_up = calendar_opts.day_count, calendar_opts.count_make_up_days
    days = RECOGNITION_WORKING_DAYS.at(on)
    deadline = add_working_days(
        facts.conference_ended_on,
        days.value,
        day_count=day_count,
        count_make_up_days=make_up,
        options=calendar_opts,
    )
    return _deadline_result(
        "inspection_board.recognition_deadline",
        on,
        deadline,
        facts.recognized_on,
        days.citation,
        day_count_reason=counting_reason(day_count),
        what="Ban Chấp hành Công đoàn công nhận kết quả bầu",
        notes=unverified_day_reasons(facts.conference_ended_on, deadline, calendar_opts),
    )


@dataclass(frozen=True, slots=True)
class InspectionNoticeFacts:
    inspection_starts_on: date
    notified_on: date | None = None


@rule(
    code="inspection_board.notice_deadline",
    version="D59",
    title="Thời hạn thông báo kế hoạch kiểm tra của Ban thanh tra nhân dân",
    cites=(cite(D59, 22, 1, "b"),),
    valid_from=D59_FROM,
    facts=InspectionNoticeFacts,
)
def check_notice_deadline(
    facts: InspectionNoticeFacts, *, on: date, options: ConferenceOptions | None = None
) -> Result:
    """Khoản 1 Điều 22 Nghị định 59/2023: thông báo ít nhất 05 ngày làm việc trước khi kiểm tra."""
    calendar_opts = options_or_default(options).calendar
    day_count, make_up = calendar_opts.day_count, calendar_opts.count_make_up_days
    days = NOTICE_WORKING_DAYS.at(on)
    deadline = add_working_days(
        facts.inspection_starts_on,
        -days.value,
        day_count=day_count,
        count_make_up_days=make_up,
        options=calendar_opts,
    )
    return _deadline_result(
        "inspection_board.notice_deadline",
        on,
        deadline,
        facts.notified_on,
        days.citation,
        day_count_reason=counting_reason(day_count),
        what="Thông báo kế hoạch kiểm tra cho đối tượng được kiểm tra",
        notes=unverified_day_reasons(facts.inspection_starts_on, deadline, calendar_opts),
    )


@dataclass(frozen=True, slots=True)
class RecommendationFacts:
    received_on: date  # ngày người đứng đầu nhận kiến nghị của Ban
    replied_on: date | None = None


@rule(
    code="inspection_board.reply_deadline",
    version="L10",
    title="Thời hạn người đứng đầu giải quyết kiến nghị của Ban thanh tra nhân dân",
    cites=(cite(L10, 63, 1, "c"),),
    valid_from=L10_FROM,
    facts=RecommendationFacts,
)
def check_reply_deadline(
    facts: RecommendationFacts, *, on: date, options: ConferenceOptions | None = None
) -> Result:
    """Khoản 1 Điều 63 Luật 10/2022: giải quyết, thông báo kết quả trong 15 ngày."""
    opts = options_or_default(options)
    days = REPLY_DAYS.at(on)
    kind = opts.inspection_board.reply_day_kind
    if kind is DayKind.CALENDAR:
        deadline = calendar_deadline(facts.received_on, days.value, opts.calendar)
    else:
        deadline = add_working_days(
            facts.received_on,
            days.value,
            day_count=opts.calendar.day_count,
            count_make_up_days=opts.calendar.count_make_up_days,
            options=opts.calendar,
        )
    kind_reason = reason(
        "inspection_board.reply.day_kind",
        '"{days} ngày" được hiểu là {kind}',
        days.citation,
        Basis.UNVERIFIED if kind is DayKind.CALENDAR else Basis.AGENCY,
        days=days.value,
        kind="ngày theo lịch" if kind is DayKind.CALENDAR else "ngày làm việc",
    )
    return _deadline_result(
        "inspection_board.reply_deadline",
        on,
        deadline,
        facts.replied_on,
        days.citation,
        day_count_reason=counting_reason(opts.calendar.day_count),
        notes=unverified_day_reasons(facts.received_on, deadline, opts.calendar),
        what="Người đứng đầu giải quyết và thông báo kết quả kiến nghị",
        extra=kind_reason,
    )


def _deadline_result(
    code: str,
    on: date,
    deadline: date,
    done_on: date | None,
    citation: Citation,
    *,
    day_count_reason: Reason,
    what: str,
    extra: Reason | None = None,
    notes: tuple[Reason, ...] = (),
) -> Result:
    status = deadline_status(done_on, deadline)
    text = {
        "due": "{what} chậm nhất ngày {deadline}",
        "met": "{what} ngày {done}: đúng hạn (chậm nhất {deadline})",
        "missed": "{what} ngày {done}: quá hạn (chậm nhất {deadline})",
    }[status.value]
    reasons = [
        reason(
            f"{code}.{status.value}",
            text,
            citation,
            what=what,
            deadline=fmt_date(deadline),
            done=fmt_date(done_on) if done_on else "",
        )
    ]
    if extra is not None:
        reasons.append(extra)
    reasons.append(day_count_reason)
    reasons.extend(notes)
    version = "L10" if code == "inspection_board.reply_deadline" else "D59"
    return Result(code, version, on, status, {"deadline": deadline}, tuple(reasons))
