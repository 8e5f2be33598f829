"""Working days, declared holidays and period arithmetic."""

from __future__ import annotations

from datetime import date

import pytest

from hoinghi.law.calendar import (
    HOLIDAY_TABLE,
    STATUTORY_HOLIDAYS_PER_YEAR,
    HolidayKind,
    HolidayTableMissing,
    add_months,
    add_working_days,
    calendar_deadline,
    day_off,
    is_public_holiday,
    is_working_day,
    working_days_between,
)
from hoinghi.law.options import CalendarOptions, DayCount, DeadlineRoll


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        pytest.param(date(2026, 1, 5), 5, date(2026, 1, 12), id="Mon 05/01/2026 + 5 → Mon 12/01"),
        pytest.param(date(2026, 1, 16), 5, date(2026, 1, 23), id="Fri 16/01/2026 + 5 → Fri 23/01"),
        pytest.param(date(2026, 3, 11), -5, date(2026, 3, 4), id="Wed 11/03/2026 − 5 → Wed 04/03"),
        pytest.param(date(2026, 2, 12), 5, date(2026, 2, 26), id="across Tết Bính Ngọ 2026"),
        pytest.param(date(2025, 1, 24), 1, date(2025, 2, 3), id="Fri before Tết Ất Tỵ + 1 → 03/02"),
        pytest.param(date(2026, 4, 24), 3, date(2026, 5, 4), id="across Giỗ Tổ, 30/4 and 1/5 2026"),
        pytest.param(date(2026, 8, 28), 2, date(2026, 9, 4), id="across Quốc khánh 2026 (2 days)"),
        pytest.param(date(2020, 8, 31), 2, date(2020, 9, 3), id="Quốc khánh 2020: one day only"),
        pytest.param(date(2026, 1, 9), 0, date(2026, 1, 9), id="zero working days"),
    ],
)
def test_add_working_days(start: date, n: int, expected: date) -> None:
    assert add_working_days(start, n) == expected


def test_same_day_counting_counts_the_event_day() -> None:
    assert add_working_days(date(2026, 1, 5), 5, day_count=DayCount.SAME_DAY) == date(2026, 1, 9)


def test_make_up_saturday_counts_only_when_asked() -> None:
    assert not is_working_day(date(2026, 1, 10))
    assert is_working_day(date(2026, 1, 10), count_make_up_days=True)
    assert add_working_days(date(2026, 1, 5), 5, count_make_up_days=True) == date(2026, 1, 10)


@pytest.mark.parametrize(
    ("day", "kind"),
    [
        pytest.param(date(2026, 2, 17), HolidayKind.STATUTORY, id="mùng 1 Tết 2026"),
        pytest.param(date(2026, 1, 2), HolidayKind.SWAPPED, id="02/01/2026 swapped"),
        pytest.param(date(2023, 9, 4), HolidayKind.COMPENSATORY, id="nghỉ bù Quốc khánh 2023"),
        pytest.param(date(2024, 4, 18), HolidayKind.STATUTORY, id="Giỗ Tổ 2024 (10/3 âm lịch)"),
    ],
)
def test_declared_days_off(day: date, kind: HolidayKind) -> None:
    entry = day_off(day)
    assert entry is not None and entry.kind is kind
    assert not is_working_day(day)


def test_an_ordinary_weekday_is_a_working_day() -> None:
    assert is_working_day(date(2026, 3, 11)) and not is_public_holiday(date(2026, 3, 11))


@pytest.mark.parametrize("year", sorted(HOLIDAY_TABLE))
def test_each_year_lists_its_statutory_holidays(year: int) -> None:
    statutory = [d for d in HOLIDAY_TABLE[year].days_off if d.kind is HolidayKind.STATUTORY]
    assert len(statutory) == STATUTORY_HOLIDAYS_PER_YEAR.value(date(year, 6, 1))
    assert all(d.day.year == year for d in HOLIDAY_TABLE[year].days_off)
    assert all(d.weekday() == 5 for d in HOLIDAY_TABLE[year].make_up_days)


def test_a_year_missing_from_the_table_is_refused_in_vietnamese() -> None:
    with pytest.raises(HolidayTableMissing) as raised:
        add_working_days(date(2027, 12, 30), 5)
    assert "2028" in raised.value.message and "lịch nghỉ" in raised.value.message


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        pytest.param(date(2026, 1, 20), 6, date(2026, 7, 20), id="20/01 + 6 months"),
        pytest.param(date(2026, 1, 20), 24, date(2028, 1, 20), id="20/01/2026 + 2 years"),
        pytest.param(date(2026, 8, 31), 6, date(2027, 2, 28), id="31/08 + 6 → end of February"),
        pytest.param(date(2026, 1, 1), 3, date(2026, 4, 1), id="01/01 + 3"),
        pytest.param(date(2026, 1, 31), -2, date(2025, 11, 30), id="backwards"),
    ],
)
def test_add_months(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


def test_calendar_deadline_conventions() -> None:
    assert calendar_deadline(date(2026, 3, 2), 15) == date(2026, 3, 17)
    # 15 days from Thu 05/02/2026 end on Fri 20/02 (Tết): rolled to Mon 23/02 only if asked.
    assert calendar_deadline(date(2026, 2, 5), 15) == date(2026, 2, 20)
    rolled = CalendarOptions(deadline_roll=DeadlineRoll.NEXT_WORKING_DAY)
    assert calendar_deadline(date(2026, 2, 5), 15, rolled) == date(2026, 2, 23)


def test_working_days_between() -> None:
    assert working_days_between(date(2026, 1, 5), date(2026, 1, 12)) == 5
    assert working_days_between(date(2026, 1, 12), date(2026, 1, 5)) == 0
