"""After the Conference: follow-up (C10), publication (C11), posting (C12) — Law 10/2022."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from hoinghi.law.calendar import (
    PERIOD_START_CITATION,
    add_days,
    add_months,
    add_working_days,
    unverified_day_reasons,
)
from hoinghi.law.citations import cite
from hoinghi.law.conference._common import (
    L10_FROM,
    DeadlineStatus,
    deadline_status,
    fmt_date,
    options_or_default,
    reason,
)
from hoinghi.law.instruments import L10
from hoinghi.law.options import ConferenceOptions, DayCount
from hoinghi.law.parameters import Dated, DatedValue, InvalidFacts
from hoinghi.law.registry import rule
from hoinghi.law.results import Basis, Reason, Result

FOLLOWUP_MONTHS: DatedValue[int] = DatedValue(
    "conference.followup_months",
    "Định kỳ kiểm tra, đánh giá việc thực hiện nghị quyết Hội nghị (tháng)",
    [Dated(6, L10_FROM, None, cite(L10, 52, 3))],
)
PUBLICATION_WORKING_DAYS: DatedValue[int] = DatedValue(
    "conference.publication_working_days",
    "Thời hạn công khai kể từ ngày ban hành quyết định, văn bản (ngày làm việc)",
    [Dated(5, L10_FROM, None, cite(L10, 47, 2))],
)
POSTING_MIN_DAYS: DatedValue[int] = DatedValue(
    "conference.posting_min_days",
    "Thời gian niêm yết, đăng tải tối thiểu (ngày liên tục)",
    [Dated(20, L10_FROM, None, cite(L10, 48, 1))],
)


def counting_reason(day_count: DayCount) -> Reason:
    """The [U] day-counting convention, stated in the reasons of every deadline."""
    message = (
        "Thời hạn tính từ ngày tiếp theo ngày xảy ra sự kiện"
        if day_count is DayCount.NEXT_DAY
        else "Thời hạn tính cả ngày xảy ra sự kiện"
    )
    return reason("calendar.day_count", message, PERIOD_START_CITATION, Basis.UNVERIFIED)


# --- C10 Six-monthly follow-up -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FollowupFacts:
    conference_date: date
    periods: int = 2  # how many six-monthly checks to list


@rule(
    code="conference.followup",
    version="L10",
    title="Kiểm tra, đánh giá việc thực hiện nghị quyết Hội nghị 6 tháng một lần",
    cites=(cite(L10, 52, 3),),
    valid_from=L10_FROM,
    facts=FollowupFacts,
)
def decide_followup_l10(
    facts: FollowupFacts, *, on: date, options: ConferenceOptions | None = None
) -> Result:
    """Khoản 3 Điều 52 Luật 10/2022: định kỳ 6 tháng kiểm tra, đánh giá và thông báo kết quả."""
    if facts.periods < 1:
        raise InvalidFacts("periods", "Số kỳ kiểm tra phải từ 1 trở lên.")
    months = FOLLOWUP_MONTHS.at(on)
    due = [add_months(facts.conference_date, months.value * k) for k in range(1, facts.periods + 1)]
    return Result(
        "conference.followup",
        "L10",
        on,
        due[0],
        {"due_dates": due},
        (
            reason(
                "conference.followup.due",
                "Người đứng đầu và Ban Chấp hành Công đoàn kiểm tra, đánh giá việc thực hiện nghị "
                "quyết định kỳ {months} tháng: các mốc {dates}",
                months.citation,
                months=months.value,
                dates=", ".join(fmt_date(d) for d in due),
            ),
        ),
    )


# --- C11 Publication deadline --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PublicationFacts:
    decision_date: date  # ngày ban hành quyết định, văn bản thuộc Điều 46
    published_on: date | None = None


@rule(
    code="conference.publication_deadline",
    version="L10",
    title="Thời hạn công khai",
    cites=(cite(L10, 47, 2),),
    valid_from=L10_FROM,
    facts=PublicationFacts,
)
def check_publication_deadline_l10(
    facts: PublicationFacts, *, on: date, options: ConferenceOptions | None = None
) -> Result:
    """Khoản 2 Điều 47 Luật 10/2022: công khai chậm nhất 05 ngày làm việc kể từ ngày ban hành."""
    calendar_opts = options_or_default(options).calendar
    day_count, make_up = calendar_opts.day_count, calendar_opts.count_make_up_days
    days = PUBLICATION_WORKING_DAYS.at(on)
    deadline = add_working_days(
        facts.decision_date,
        days.value,
        day_count=day_count,
        count_make_up_days=make_up,
        options=calendar_opts,
    )
    status = deadline_status(facts.published_on, deadline)
    message = {
        DeadlineStatus.DUE: "Phải công khai chậm nhất ngày {deadline} ({days} ngày làm việc)",
        DeadlineStatus.MET: "Đã công khai ngày {published}, trong thời hạn (chậm nhất {deadline})",
        DeadlineStatus.MISSED: "Công khai ngày {published} là quá hạn (chậm nhất {deadline})",
    }[status]
    published = fmt_date(facts.published_on) if facts.published_on else ""
    return Result(
        "conference.publication_deadline",
        "L10",
        on,
        status,
        {"deadline": deadline},
        (
            reason(
                f"conference.publication.{status.value}",
                message,
                days.citation,
                deadline=fmt_date(deadline),
                days=days.value,
                published=published,
            ),
            counting_reason(day_count),
            *unverified_day_reasons(facts.decision_date, deadline, calendar_opts),
        ),
    )


# --- C12 Posting duration ------------------------------------------------------------------


class PostingChannel(enum.StrEnum):
    INTRANET = "intranet"  # mạng nội bộ, hệ thống thông tin nội bộ, cổng thông tin (Art 48.1)
    PREMISES = "premises"  # niêm yết tại trụ sở (Art 48.2)


@dataclass(frozen=True, slots=True)
class PostingFacts:
    posted_on: date
    removed_on: date | None = None  # first day the information is no longer shown
    channel: PostingChannel = PostingChannel.INTRANET
    written_notice_to_all: bool = False  # đã thông báo bằng văn bản đến toàn thể (Art 48.2)


@rule(
    code="conference.posting_duration",
    version="L10",
    title="Thời gian niêm yết, đăng tải thông tin công khai",
    cites=(cite(L10, 48, 1), cite(L10, 48, 2)),
    valid_from=L10_FROM,
    facts=PostingFacts,
)
def check_posting_duration_l10(
    facts: PostingFacts, *, on: date, options: ConferenceOptions | None = None
) -> Result:
    """Khoản 1, 2 Điều 48 Luật 10/2022: niêm yết, đăng tải ít nhất 20 ngày liên tục."""
    if facts.removed_on is not None and facts.removed_on < facts.posted_on:
        raise InvalidFacts("removed_on", "Ngày gỡ thông tin không được trước ngày niêm yết.")
    if facts.channel is PostingChannel.PREMISES and facts.written_notice_to_all:
        return Result(
            "conference.posting_duration",
            "L10",
            on,
            DeadlineStatus.MET,
            {},
            (
                reason(
                    "conference.posting.written_notice",
                    "Đã thông báo bằng văn bản đến toàn thể cán bộ, công chức, viên chức, người lao "
                    "động: không bắt buộc niêm yết 20 ngày",
                    cite(L10, 48, 2),
                ),
            ),
        )
    calendar_opts = options_or_default(options).calendar
    days = POSTING_MIN_DAYS.at(on)
    last_day = add_days(
        facts.posted_on, days.value - 1 if calendar_opts.posting_first_day_counts else days.value
    )
    earliest_removal = add_days(last_day, 1)
    if facts.removed_on is None:
        status = DeadlineStatus.DUE
    else:
        status = (
            DeadlineStatus.MET if facts.removed_on >= earliest_removal else DeadlineStatus.MISSED
        )
    message = {
        DeadlineStatus.DUE: "Thông tin phải được giữ đến hết ngày {last_day} ({days} ngày liên "
        "tục); sớm nhất gỡ ngày {earliest}",
        DeadlineStatus.MET: "Thông tin được giữ đủ {days} ngày liên tục (đến hết ngày {last_day})",
        DeadlineStatus.MISSED: "Gỡ thông tin ngày {removed} là chưa đủ {days} ngày liên tục "
        "(phải giữ đến hết ngày {last_day})",
    }[status]
    citation = days.citation if facts.channel is PostingChannel.INTRANET else cite(L10, 48, 2)
    first_day = (
        "Ngày niêm yết là ngày thứ nhất của thời hạn"
        if calendar_opts.posting_first_day_counts
        else "Thời hạn tính từ ngày tiếp theo ngày niêm yết"
    )
    return Result(
        "conference.posting_duration",
        "L10",
        on,
        status,
        {"last_required_day": last_day, "earliest_removal": earliest_removal},
        (
            reason(
                f"conference.posting.{status.value}",
                message,
                citation,
                last_day=fmt_date(last_day),
                earliest=fmt_date(earliest_removal),
                days=days.value,
                removed=fmt_date(facts.removed_on) if facts.removed_on else "",
            ),
            reason(
                "calendar.posting_first_day", first_day, PERIOD_START_CITATION, Basis.UNVERIFIED
            ),
        ),
    )
