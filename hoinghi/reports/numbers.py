"""Numbers, shares and dates as Vietnamese news reports write them.

"02 cơ quan", "100% (32/32)", "93,8%", "ngày 25/12/2020". Counts under ten get a leading
zero, as the reports do; a share that is not whole keeps one decimal with a comma.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction


def count(n: int) -> str:
    """Two-digit count: 2 → "02", 32 → "32"."""
    return f"{n:02d}"


def percent(part: int, whole: int) -> str:
    """ "100%", "93,8%": whole percentages plain, others with one decimal and a comma."""
    if whole <= 0:
        return "0%"
    share = Fraction(part * 100, whole)
    if share.denominator == 1:
        return f"{share.numerator}%"
    tenths = round(share * 10)
    if tenths % 10 == 0:
        return f"{tenths // 10}%"
    return f"{tenths // 10},{tenths % 10}%"


def share(part: int, whole: int) -> str:
    """ "100% (32/32)", "40% (02/05)"."""
    return f"{percent(part, whole)} ({count(part)}/{count(whole)})"


def ratio(part: int, whole: int) -> str:
    """ "15/15", "4/4", "27/27" (plain, as attendance and completion are written)."""
    return f"{part}/{whole}"


def day(on: date) -> str:
    """ "ngày 25/12/2020"."""
    return f"ngày {on:%d/%m/%Y}"


def names(items: list[str]) -> str:
    """ "A, B và C" is not the news style: the reports list names with commas."""
    return ", ".join(items)
