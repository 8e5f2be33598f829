"""The days-off table read against the ``holidays`` package, and its unverified days as options.

Every year of the table is compared day by day with ``holidays.country_holidays("VN")``; each
day where the two disagree is listed below with the source the table follows. A new
disagreement, or a listed one that disappears, fails the test.
"""

from __future__ import annotations

from datetime import date

import holidays
import pytest

from hoinghi.law.calendar import HOLIDAY_TABLE, HolidayTableMissing, add_working_days, day_off
from hoinghi.law.conference import PublicationFacts, decide
from hoinghi.law.options import CalendarOptions, ConferenceOptions
from hoinghi.law.results import Basis

# day → (which side has it, the source the table follows)
DISAGREEMENTS: dict[date, tuple[str, str]] = {
    date(2026, 1, 2): (
        "table",
        "Văn phòng Chính phủ, công văn 12729/VPCP-KGVX ngày 25/12/2025: nghỉ 02/01/2026, làm bù "
        "thứ Bảy 10/01/2026 (the package does not list swapped days announced late)",
    ),
    date(2027, 2, 4): (
        "package",
        "The package projects the Tết Đinh Mùi break from 29 tháng Chạp (04/02/2027); the table "
        "follows Bộ luật Lao động 2019 Điều 112: 5 days from the eve, nghỉ bù on the next "
        "working days, the yearly notice not yet read (the year is flagged as projected)",
    ),
    date(2027, 2, 11): (
        "table",
        "Bộ luật Lao động 2019 Điều 112 khoản 3: the Tết day falling on Sunday 07/02/2027 is "
        "made up on the next working day (projected, flagged)",
    ),
}


def test_the_table_agrees_with_the_holidays_package_except_the_listed_days() -> None:
    found: dict[date, str] = {}
    for year, declared in HOLIDAY_TABLE.items():
        ours = {d.day for d in declared.days_off}
        theirs = set(holidays.country_holidays("VN", years=[year]))
        found.update({d: "table" for d in ours - theirs})
        found.update({d: "package" for d in theirs - ours})
    assert found == {d: side for d, (side, _) in DISAGREEMENTS.items()}


def test_culture_day_24_november_is_a_day_off_only_by_the_agency_s_option() -> None:
    assert day_off(date(2026, 11, 24)) is None
    assert day_off(date(2026, 11, 24), CalendarOptions(culture_day_off=True)) is not None
    # 2025 has no such day in either reading.
    assert day_off(date(2025, 11, 24), CalendarOptions(culture_day_off=True)) is None


def test_a_decision_of_friday_20_november_2026_is_published_by_27_november_by_default() -> None:
    facts = PublicationFacts(date(2026, 11, 20))
    plain = decide("conference.publication_deadline", facts, on=date(2026, 11, 20))
    assert plain.values["deadline"] == date(2026, 11, 27)
    note = next(r for r in plain.reasons if r.code == "calendar.culture_day")
    assert note.basis is Basis.UNVERIFIED and "không được tính" in note.text
    with_day_off = ConferenceOptions(calendar=CalendarOptions(culture_day_off=True))
    moved = decide(
        "conference.publication_deadline", facts, on=date(2026, 11, 20), options=with_day_off
    )
    assert moved.values["deadline"] == date(2026, 11, 30)
    # A week earlier the period does not meet 24/11 and says nothing of it.
    early = decide(
        "conference.publication_deadline",
        PublicationFacts(date(2026, 11, 13)),
        on=date(2026, 11, 13),
    )
    assert "calendar.culture_day" not in [r.code for r in early.reasons]


def test_the_projected_2027_days_off_are_flagged_or_refused_by_option() -> None:
    facts = PublicationFacts(date(2027, 2, 3))
    result = decide("conference.publication_deadline", facts, on=date(2027, 2, 3))
    assert "calendar.projected_year" in [r.code for r in result.reasons]
    assert result.values["deadline"] == date(2027, 2, 17)
    settled = decide(
        "conference.publication_deadline", PublicationFacts(date(2026, 2, 3)), on=date(2026, 2, 3)
    )
    assert "calendar.projected_year" not in [r.code for r in settled.reasons]
    with pytest.raises(HolidayTableMissing):
        add_working_days(date(2027, 2, 3), 5, options=CalendarOptions(projected_days_off=False))
