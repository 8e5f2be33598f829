"""Working days, public holidays and period arithmetic ("5 ngày làm việc", "15 ngày", "3 tháng").

A working day is Monday to Friday, except the days off declared for cán bộ, công chức,
viên chức, plus the Saturdays declared as make-up working days (làm bù). The days off of
each year are a table below: the statutory holidays of the Labour Code, the compensatory
days (nghỉ bù) when a holiday falls on a weekend, and the swapped days (hoán đổi) that the
Prime Minister approves each year with a Saturday worked in exchange.

Tết Nguyên đán and Giỗ Tổ Hùng Vương (10/3 âm lịch) are lunar dates: the table holds them
already converted to solar dates, as declared for each year. A year missing from the table
raises :class:`HolidayTableMissing` rather than guessing.

The counting conventions tagged unverified are options (:class:`~hoinghi.law.options.CalendarOptions`),
and so are the unverified days off: Ngày Văn hóa Việt Nam 24/11 from 2026 (not a day off unless
the agency's option says so) and the projected days off of a year whose notice is not published
(2027). :func:`unverified_day_reasons` states in a deadline's reasons how such a day was counted.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
import enum
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from hoinghi.law.citations import Citation, Confidence, cite
from hoinghi.law.instruments import BLDS2015, BLLD2012, BLLD2019
from hoinghi.law.options import CalendarOptions, DayCount, DeadlineRoll
from hoinghi.law.parameters import Dated, DatedValue
from hoinghi.law.results import Basis, Reason


class HolidayTableMissing(LookupError):
    """The holiday table has no entry for the year asked for."""

    def __init__(self, year: int) -> None:
        first, last = min(HOLIDAY_TABLE), max(HOLIDAY_TABLE)
        self.year = year
        self.message = (
            f"Chưa có lịch nghỉ lễ, Tết của năm {year} (bảng hiện có các năm {first}–{last}): "
            "cần bổ sung lịch nghỉ đã được công bố trước khi tính ngày làm việc."
        )
        super().__init__(self.message)


class HolidayKind(enum.StrEnum):
    STATUTORY = "le_tet"  # ngày nghỉ lễ, Tết của Bộ luật Lao động
    COMPENSATORY = "nghi_bu"  # nghỉ bù: a holiday fell on a weekly day off
    SWAPPED = "hoan_doi"  # hoán đổi: a working day off, a Saturday worked in exchange


@dataclass(frozen=True, slots=True)
class DayOff:
    day: date
    name: str
    kind: HolidayKind
    culture_day: bool = False  # Ngày Văn hóa Việt Nam 24/11: a day off only by option [U]


@dataclass(frozen=True, slots=True)
class DeclaredYear:
    year: int
    days_off: tuple[DayOff, ...]
    make_up_days: tuple[date, ...]  # Saturdays worked (làm bù) in exchange for a swapped day
    confidence: Confidence
    note: str = ""


# Number of statutory holidays in a year: a check on the table below.
STATUTORY_HOLIDAYS_PER_YEAR: DatedValue[int] = DatedValue(
    "calendar.statutory_holidays_per_year",
    "Số ngày nghỉ lễ, Tết hưởng nguyên lương trong năm",
    [
        Dated(10, date(2013, 5, 1), date(2020, 12, 31), cite(BLLD2012, 115, 1)),
        Dated(11, date(2021, 1, 1), date(2025, 12, 31), cite(BLLD2019, 112, 1)),
        # Ngày Văn hóa Việt Nam 24/11, reported as a paid day off from 2026: not read in a
        # primary text (docs/domain/unverified.md §9 style [U]).
        Dated(12, date(2026, 1, 1), None, cite(BLLD2019, 112, 1), Confidence.UNVERIFIED),
    ],
)

# Civil-law counting of periods, which docs/domain/rules.md §7 adopts without having verified it for L10.
PERIOD_START_CITATION = cite(BLDS2015, 147, 1)
PERIOD_END_CITATION = cite(BLDS2015, 148, 5)

_NEW_YEAR = "Tết Dương lịch"
_TET = "Tết Nguyên đán"
_HUNG = "Giỗ Tổ Hùng Vương (10/3 âm lịch)"
_VICTORY = "Ngày Chiến thắng 30/4"
_LABOUR = "Ngày Quốc tế Lao động 1/5"
_NATIONAL = "Quốc khánh 2/9"
_CULTURE = "Ngày Văn hóa Việt Nam 24/11"
_S, _B, _H = HolidayKind.STATUTORY, HolidayKind.COMPENSATORY, HolidayKind.SWAPPED

_Row = tuple[int, int, str, HolidayKind]


def _year(
    year: int,
    rows: list[_Row],
    make_up: list[tuple[int, int]],
    confidence: Confidence,
    note: str = "",
) -> DeclaredYear:
    days = tuple(
        DayOff(date(year, m, d), name, kind, name == _CULTURE) for m, d, name, kind in rows
    )
    return DeclaredYear(year, days, tuple(date(year, m, d) for m, d in make_up), confidence, note)


def _bu(name: str) -> str:
    return f"{name} (nghỉ bù)"


def _swap(saturday: str) -> str:
    return f"Ngày nghỉ hoán đổi (làm bù thứ Bảy {saturday})"


# The declared days off for cán bộ, công chức, viên chức (Mon–Fri week), per year.
# Sources: Labour Code 2012 Art 115 (to 2020) and 2019 Art 112 (from 2021, which adds the day
# next to 2/9); the yearly notices of the Ministry of Labour (to 2025) and of the Ministry of
# Home Affairs (from 2026) approved by the Prime Minister. Confidence S: checked against
# secondary sources (news reports of the yearly notices), not the notices themselves.
HOLIDAY_TABLE: Mapping[int, DeclaredYear] = {
    y.year: y
    for y in (
        _year(
            2015,
            [
                (1, 1, _NEW_YEAR, _S),
                (1, 2, _swap("27/12/2014"), _H),
                # Tết Ất Mùi (mùng 1 = 19/2): off from Sun 15/2 through Mon 23/2.
                (2, 16, _swap("14/02/2015"), _H),
                (2, 17, _bu(_TET), _B),
                (2, 18, _TET, _S),
                (2, 19, _TET, _S),
                (2, 20, _TET, _S),
                (2, 21, _TET, _S),
                (2, 22, _TET, _S),
                (2, 23, _bu(_TET), _B),
                (4, 28, _HUNG, _S),
                (4, 29, _swap("25/04/2015"), _H),
                (4, 30, _VICTORY, _S),
                (5, 1, _LABOUR, _S),
                (9, 2, _NATIONAL, _S),
            ],
            [(2, 14), (4, 25)],
            Confidence.SECONDARY,
        ),
        _year(
            2016,
            [
                (1, 1, _NEW_YEAR, _S),
                # Tết Bính Thân (mùng 1 = 8/2): off from Sat 6/2 through Sun 14/2.
                (2, 7, _TET, _S),
                (2, 8, _TET, _S),
                (2, 9, _TET, _S),
                (2, 10, _TET, _S),
                (2, 11, _TET, _S),
                (2, 12, _bu(_TET), _B),
                (4, 16, _HUNG, _S),
                (4, 18, _bu(_HUNG), _B),
                (4, 30, _VICTORY, _S),
                (5, 1, _LABOUR, _S),
                (5, 2, _bu(_VICTORY), _B),
                (5, 3, _bu(_LABOUR), _B),
                (9, 2, _NATIONAL, _S),
            ],
            [],
            Confidence.SECONDARY,
        ),
        _year(
            2017,
            [
                (1, 1, _NEW_YEAR, _S),
                (1, 2, _bu(_NEW_YEAR), _B),
                # Tết Đinh Dậu (mùng 1 = 28/1): off from Thu 26/1 through Wed 1/2.
                (1, 26, _bu(_TET), _B),
                (1, 27, _TET, _S),
                (1, 28, _TET, _S),
                (1, 29, _TET, _S),
                (1, 30, _TET, _S),
                (1, 31, _TET, _S),
                (2, 1, _bu(_TET), _B),
                (4, 6, _HUNG, _S),
                (4, 30, _VICTORY, _S),
                (5, 1, _LABOUR, _S),
                (5, 2, _bu(_VICTORY), _B),
                (9, 2, _NATIONAL, _S),
                (9, 4, _bu(_NATIONAL), _B),
            ],
            [],
            Confidence.SECONDARY,
        ),
        _year(
            2018,
            [
                (1, 1, _NEW_YEAR, _S),
                # Tết Mậu Tuất (mùng 1 = 16/2): off from Wed 14/2 through Tue 20/2.
                (2, 14, _bu(_TET), _B),
                (2, 15, _TET, _S),
                (2, 16, _TET, _S),
                (2, 17, _TET, _S),
                (2, 18, _TET, _S),
                (2, 19, _TET, _S),
                (2, 20, _bu(_TET), _B),
                (4, 25, _HUNG, _S),
                (4, 30, _VICTORY, _S),
                (5, 1, _LABOUR, _S),
                (9, 2, _NATIONAL, _S),
                (9, 3, _bu(_NATIONAL), _B),
                (12, 31, _swap("05/01/2019"), _H),
            ],
            [],
            Confidence.SECONDARY,
        ),
        _year(
            2019,
            [
                (1, 1, _NEW_YEAR, _S),
                # Tết Kỷ Hợi (mùng 1 = 5/2): off from Sat 2/2 through Sun 10/2.
                (2, 4, _TET, _S),
                (2, 5, _TET, _S),
                (2, 6, _TET, _S),
                (2, 7, _TET, _S),
                (2, 8, _TET, _S),
                (4, 14, _HUNG, _S),
                (4, 15, _bu(_HUNG), _B),
                (4, 29, _swap("04/05/2019"), _H),
                (4, 30, _VICTORY, _S),
                (5, 1, _LABOUR, _S),
                (9, 2, _NATIONAL, _S),
            ],
            [(1, 5), (5, 4)],
            Confidence.SECONDARY,
        ),
        _year(
            2020,
            [
                (1, 1, _NEW_YEAR, _S),
                # Tết Canh Tý (mùng 1 = 25/1): off from Thu 23/1 through Wed 29/1.
                (1, 23, _bu(_TET), _B),
                (1, 24, _TET, _S),
                (1, 25, _TET, _S),
                (1, 26, _TET, _S),
                (1, 27, _TET, _S),
                (1, 28, _TET, _S),
                (1, 29, _bu(_TET), _B),
                (4, 2, _HUNG, _S),
                (4, 30, _VICTORY, _S),
                (5, 1, _LABOUR, _S),
                (9, 2, _NATIONAL, _S),
            ],
            [],
            Confidence.SECONDARY,
        ),
        _year(
            2021,
            [
                (1, 1, _NEW_YEAR, _S),
                # Tết Tân Sửu (mùng 1 = 12/2): off from Wed 10/2 through Tue 16/2.
                (2, 10, _bu(_TET), _B),
                (2, 11, _TET, _S),
                (2, 12, _TET, _S),
                (2, 13, _TET, _S),
                (2, 14, _TET, _S),
                (2, 15, _TET, _S),
                (2, 16, _bu(_TET), _B),
                (4, 21, _HUNG, _S),
                (4, 30, _VICTORY, _S),
                (5, 1, _LABOUR, _S),
                (5, 3, _bu(_LABOUR), _B),
                (9, 2, _NATIONAL, _S),
                (9, 3, _NATIONAL, _S),
            ],
            [],
            Confidence.SECONDARY,
        ),
        _year(
            2022,
            [
                (1, 1, _NEW_YEAR, _S),
                (1, 3, _bu(_NEW_YEAR), _B),
                # Tết Nhâm Dần (mùng 1 = 1/2): off from Sat 29/1 through Sun 6/2.
                (1, 31, _TET, _S),
                (2, 1, _TET, _S),
                (2, 2, _TET, _S),
                (2, 3, _TET, _S),
                (2, 4, _TET, _S),
                (4, 10, _HUNG, _S),
                (4, 11, _bu(_HUNG), _B),
                (4, 30, _VICTORY, _S),
                (5, 1, _LABOUR, _S),
                (5, 2, _bu(_VICTORY), _B),
                (5, 3, _bu(_LABOUR), _B),
                (9, 1, _NATIONAL, _S),
                (9, 2, _NATIONAL, _S),
            ],
            [],
            Confidence.SECONDARY,
        ),
        _year(
            2023,
            [
                (1, 1, _NEW_YEAR, _S),
                (1, 2, _bu(_NEW_YEAR), _B),
                # Tết Quý Mão (mùng 1 = 22/1): off from Fri 20/1 through Thu 26/1.
                (1, 20, _bu(_TET), _B),
                (1, 21, _TET, _S),
                (1, 22, _TET, _S),
                (1, 23, _TET, _S),
                (1, 24, _TET, _S),
                (1, 25, _TET, _S),
                (1, 26, _bu(_TET), _B),
                (4, 29, _HUNG, _S),
                (4, 30, _VICTORY, _S),
                (5, 1, _LABOUR, _S),
                (5, 2, _bu(_HUNG), _B),
                (5, 3, _bu(_VICTORY), _B),
                (9, 1, _NATIONAL, _S),
                (9, 2, _NATIONAL, _S),
                (9, 4, _bu(_NATIONAL), _B),
            ],
            [],
            Confidence.SECONDARY,
        ),
        _year(
            2024,
            [
                (1, 1, _NEW_YEAR, _S),
                # Tết Giáp Thìn (mùng 1 = 10/2): off from Thu 8/2 through Wed 14/2.
                (2, 8, _bu(_TET), _B),
                (2, 9, _TET, _S),
                (2, 10, _TET, _S),
                (2, 11, _TET, _S),
                (2, 12, _TET, _S),
                (2, 13, _TET, _S),
                (2, 14, _bu(_TET), _B),
                (4, 18, _HUNG, _S),
                (4, 29, _swap("04/05/2024"), _H),
                (4, 30, _VICTORY, _S),
                (5, 1, _LABOUR, _S),
                (9, 2, _NATIONAL, _S),
                (9, 3, _NATIONAL, _S),
            ],
            [(5, 4)],
            Confidence.SECONDARY,
        ),
        _year(
            2025,
            [
                (1, 1, _NEW_YEAR, _S),
                # Tết Ất Tỵ (mùng 1 = 29/1): off from Sat 25/1 through Sun 2/2.
                (1, 27, _bu(_TET), _B),
                (1, 28, _TET, _S),
                (1, 29, _TET, _S),
                (1, 30, _TET, _S),
                (1, 31, _TET, _S),
                (2, 1, _TET, _S),
                (4, 7, _HUNG, _S),
                (4, 30, _VICTORY, _S),
                (5, 1, _LABOUR, _S),
                (5, 2, _swap("26/04/2025"), _H),
                (9, 1, _NATIONAL, _S),
                (9, 2, _NATIONAL, _S),
            ],
            [(4, 26)],
            Confidence.SECONDARY,
        ),
        _year(
            2026,
            [
                # 2/1 swapped with Sat 10/1 (Văn phòng Chính phủ, 12729/VPCP-KGVX, 25/12/2025).
                (1, 1, _NEW_YEAR, _S),
                (1, 2, _swap("10/01/2026"), _H),
                # Tết Bính Ngọ (mùng 1 = 17/2): off from Sat 14/2 through Sun 22/2.
                (2, 16, _TET, _S),
                (2, 17, _TET, _S),
                (2, 18, _TET, _S),
                (2, 19, _TET, _S),
                (2, 20, _TET, _S),
                (4, 26, _HUNG, _S),
                (4, 27, _bu(_HUNG), _B),
                (4, 30, _VICTORY, _S),
                (5, 1, _LABOUR, _S),
                (8, 31, _swap("22/08/2026"), _H),
                (9, 1, _NATIONAL, _S),
                (9, 2, _NATIONAL, _S),
                (11, 24, _CULTURE, _S),  # reported, see STATUTORY_HOLIDAYS_PER_YEAR
            ],
            [(1, 10), (8, 22)],
            Confidence.SECONDARY,
        ),
        _year(
            2027,
            [
                (1, 1, _NEW_YEAR, _S),
                # Tết Đinh Mùi (mùng 1 = 6/2): statutory days and the Labour Code's nghỉ bù on
                # the next working days; the yearly notice was not yet published.
                (2, 5, _TET, _S),
                (2, 6, _TET, _S),
                (2, 7, _TET, _S),
                (2, 8, _TET, _S),
                (2, 9, _TET, _S),
                (2, 10, _bu(_TET), _B),
                (2, 11, _bu(_TET), _B),
                (4, 16, _HUNG, _S),
                (4, 30, _VICTORY, _S),
                (5, 1, _LABOUR, _S),
                (5, 3, _bu(_LABOUR), _B),
                (9, 2, _NATIONAL, _S),
                (9, 3, _NATIONAL, _S),
                (11, 24, _CULTURE, _S),
            ],
            [],
            Confidence.UNVERIFIED,
            "Dự kiến theo Bộ luật Lao động; chưa có thông báo nghỉ.",
        ),
    )
}


def declared_year(year: int, options: CalendarOptions | None = None) -> DeclaredYear:
    """The declared days off of ``year``; a projected year (no notice yet) only when the
    options accept projections (``projected_days_off``, default yes, unverified)."""
    found = HOLIDAY_TABLE.get(year)
    if found is None or (is_projected(found) and not (options or _DEFAULT).projected_days_off):
        raise HolidayTableMissing(year)
    return found


def is_projected(year: DeclaredYear) -> bool:
    """A year whose days off are projected from the Labour Code, its notice not yet read."""
    return year.confidence is Confidence.UNVERIFIED


_DEFAULT = CalendarOptions()


def day_off(d: date, options: CalendarOptions | None = None) -> DayOff | None:
    """The declared day off on ``d`` (a holiday, a compensatory or a swapped day), if any.

    24/11 (Ngày Văn hóa Việt Nam) is one only with ``culture_day_off`` [U].
    """
    opts = options or _DEFAULT
    for entry in declared_year(d.year, opts).days_off:
        if entry.day == d:
            return None if entry.culture_day and not opts.culture_day_off else entry
    return None


def is_public_holiday(d: date, options: CalendarOptions | None = None) -> bool:
    """Whether ``d`` is a declared day off (lễ, Tết, nghỉ bù or hoán đổi)."""
    return day_off(d, options) is not None


def is_make_up_day(d: date) -> bool:
    """Whether ``d`` is a Saturday worked in exchange for a swapped day (làm bù)."""
    return d in declared_year(d.year).make_up_days


def is_working_day(
    d: date, *, count_make_up_days: bool = False, options: CalendarOptions | None = None
) -> bool:
    """Monday to Friday, not a declared day off (and a make-up Saturday, if asked) [U]."""
    if count_make_up_days and is_make_up_day(d):
        return True
    return d.weekday() < 5 and not is_public_holiday(d, options)


def unverified_day_reasons(
    start: date, end: date, options: CalendarOptions | None
) -> tuple[Reason, ...]:
    """Reasons naming each unverified day off met between ``start`` and ``end``: how 24/11 was
    counted, and that a year's days off are projected."""
    opts = options or _DEFAULT
    low, high = min(start, end), max(start, end)
    found: list[Reason] = []
    for year in range(low.year, high.year + 1):
        table = HOLIDAY_TABLE.get(year)
        if table is None:
            continue
        if is_projected(table) and opts.projected_days_off:
            found.append(
                Reason(
                    "calendar.projected_year",
                    "Lịch nghỉ lễ, Tết năm {year} là dự kiến theo Bộ luật Lao động, chưa có thông "
                    "báo nghỉ",
                    holiday_citation(date(year, 1, 1)),
                    {"year": year},
                    Basis.UNVERIFIED,
                )
            )
        for entry in table.days_off:
            if entry.culture_day and low < entry.day <= high:
                counted = "được" if opts.culture_day_off else "không được"
                found.append(
                    Reason(
                        "calendar.culture_day",
                        "Ngày {day} (Ngày Văn hóa Việt Nam) {counted} tính là ngày nghỉ",
                        holiday_citation(entry.day),
                        {"day": f"{entry.day:%d/%m/%Y}", "counted": counted},
                        Basis.UNVERIFIED,
                    )
                )
    return tuple(found)


def add_working_days(
    start: date,
    n: int,
    *,
    day_count: DayCount = DayCount.NEXT_DAY,
    count_make_up_days: bool = False,
    options: CalendarOptions | None = None,
) -> date:
    """The ``n``-th working day after ``start`` (before it when ``n`` is negative).

    With ``DayCount.NEXT_DAY`` (default, [U]) the day after ``start`` is the first counted
    (docs/domain/rules.md §7 ``wd(x)``): Fri 16/01/2026 + 5 → Fri 23/01/2026. Going backwards the day
    before ``start`` is the first: Wed 11/03/2026 − 5 → Wed 04/03/2026. With
    ``DayCount.SAME_DAY`` ``start`` itself is day 1 when it is a working day. Make-up
    Saturdays (làm bù) count only with ``count_make_up_days`` [U].
    """
    if n == 0:
        return start
    step = timedelta(days=1 if n > 0 else -1)
    current = start - step if day_count is DayCount.SAME_DAY else start
    remaining = abs(n)
    while remaining:
        current += step
        if is_working_day(current, count_make_up_days=count_make_up_days, options=options):
            remaining -= 1
    return current


def working_days_between(
    start: date,
    end: date,
    *,
    count_make_up_days: bool = False,
    options: CalendarOptions | None = None,
) -> int:
    """Working days after ``start`` up to and including ``end`` (0 if ``end <= start``)."""
    count, current = 0, start
    while current < end:
        current += timedelta(days=1)
        if is_working_day(current, count_make_up_days=count_make_up_days, options=options):
            count += 1
    return count


def next_working_day(
    d: date, *, count_make_up_days: bool = False, options: CalendarOptions | None = None
) -> date:
    """``d`` itself if it is a working day, else the first working day after it."""
    while not is_working_day(d, count_make_up_days=count_make_up_days, options=options):
        d += timedelta(days=1)
    return d


def add_days(start: date, n: int) -> date:
    """Plain calendar arithmetic: ``start`` + ``n`` days."""
    return start + timedelta(days=n)


def add_months(start: date, n: int) -> date:
    """``start`` + ``n`` months, on the same day, or the month's last day if it is shorter.

    20/01/2026 + 6 → 20/07/2026; 31/08/2026 + 6 → 28/02/2027.
    """
    index = start.year * 12 + (start.month - 1) + n
    year, month = divmod(index, 12)
    last = _stdlib_calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(start.day, last))


def calendar_deadline(start: date, days: int, options: CalendarOptions | None = None) -> date:
    """Last day of a period of ``days`` calendar days from the event on ``start``.

    The day after ``start`` is day 1 by default [U]; with ``DeadlineRoll.NEXT_WORKING_DAY``
    a last day on a day off moves to the next working day (civil-law reading) [U].
    """
    opts = options or CalendarOptions()
    offset = days if opts.day_count is DayCount.NEXT_DAY else days - 1
    end = add_days(start, offset)
    if opts.deadline_roll is DeadlineRoll.NEXT_WORKING_DAY:
        end = next_working_day(end, count_make_up_days=opts.count_make_up_days, options=opts)
    return end


def holiday_citation(on: date) -> Citation:
    """The Labour Code article that lists the public holidays in force on ``on``."""
    return STATUTORY_HOLIDAYS_PER_YEAR.at(on).citation
