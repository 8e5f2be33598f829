"""When an account stops by itself: its holder has left the agency.

The rule is :func:`hoinghi.org.accounts.services.leavers_with_active_accounts`'s, for one
person: on a day ``on``, a person has left when ``left_on`` (ngày thôi việc) is before ``on``,
or when the person has positions and none of them is in force on ``on``. The account may be
used up to and including its *last day*: the leaving date, or the last day of the unbroken run
of positions in force from today, whichever comes first. Sign-in stores that day in the
session so that a session ends on the first request after it without reading the database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from hoinghi.audit.services import record
from hoinghi.org.models import Person, Position

Period = tuple[date, date | None]  # a position's valid_from and valid_to (None: open-ended)

CONTACT = "Liên hệ quản trị của cơ quan nếu có nhầm lẫn."


class Why(StrEnum):
    LEFT = "left"  # ngày thôi việc
    POSITIONS_ENDED = "positions_ended"  # the last position in force ended
    NOT_STARTED = "not_started"  # positions only in the future


def covered_until(periods: Iterable[Period], on: date) -> date | None:
    """The last day of the unbroken run of positions in force from ``on`` (None: no end).

    A day before ``on`` when no position is in force on ``on``."""
    spans = list(periods)
    day = on
    while True:
        ends = [end for start, end in spans if start <= day and (end is None or end >= day)]
        if not ends:
            return day - timedelta(days=1)
        if None in ends:
            return None
        day = max(e for e in ends if e is not None) + timedelta(days=1)


@dataclass(frozen=True)
class AccountEnd:
    """The last day a person's account may be used, seen from ``today``, and why."""

    person: Person
    today: date
    last_day: date | None  # None: no end known
    why: Why | None  # None when last_day is None
    ended_on: date | None = None  # POSITIONS_ENDED: the last position's end (before today)
    starts_on: date | None = None  # NOT_STARTED: the first position's start

    @property
    def has_left(self) -> bool:
        return self.last_day is not None and self.last_day < self.today

    def message(self) -> str:
        """The Vietnamese refusal, for the sign-in page and the end of a session."""
        name = self.person.full_name
        if self.why is Why.LEFT and self.person.left_on is not None:
            return (
                f"Tài khoản này đã dừng vì {name} đã thôi việc ngày "
                f"{self.person.left_on:%d/%m/%Y}. {CONTACT}"
            )
        if self.why is Why.NOT_STARTED and self.starts_on is not None:
            return (
                f"Tài khoản này chưa dùng được vì chức vụ, vị trí công tác của {name} bắt đầu "
                f"từ ngày {self.starts_on:%d/%m/%Y}. {CONTACT}"
            )
        ended = self.ended_on or self.last_day or self.today
        return (
            f"Tài khoản này đã dừng vì chức vụ, vị trí công tác cuối cùng của {name} đã kết "
            f"thúc ngày {ended:%d/%m/%Y}. {CONTACT}"
        )


def account_end(person: Person, periods: Iterable[Period], today: date) -> AccountEnd:
    """The rule, on data already read: ``periods`` are all the person's positions."""
    spans = list(periods)
    covered = covered_until(spans, today) if spans else None
    left_on = person.left_on
    if left_on is not None and (covered is None or left_on <= covered):
        return AccountEnd(person, today, left_on, Why.LEFT)
    if covered is None:
        return AccountEnd(person, today, None, None)
    if covered >= today:
        return AccountEnd(person, today, covered, Why.POSITIONS_ENDED, ended_on=covered)
    before = [end for _, end in spans if end is not None and end < today]
    if before:
        return AccountEnd(person, today, covered, Why.POSITIONS_ENDED, ended_on=max(before))
    first = min(start for start, _ in spans)
    return AccountEnd(person, today, covered, Why.NOT_STARTED, starts_on=first)


def account_end_of_person(person: Person, today: date) -> AccountEnd:
    """One statement: the person's positions."""
    periods = Position.objects.filter(person=person).values_list("valid_from", "valid_to")
    return account_end(person, periods, today)


def account_end_of_user(user: AbstractBaseUser | AnonymousUser, today: date) -> AccountEnd | None:
    """None for a user without a person record (a superuser, a role holder from elsewhere)."""
    if not user.is_authenticated or user.pk is None:
        return None
    person = Person.objects.select_related("agency").filter(user_id=user.pk).first()
    if person is None:
        return None
    return account_end_of_person(person, today)


def record_refusal(
    end: AccountEnd, *, at: str, actor: AbstractBaseUser | AnonymousUser | None, ip: str = ""
) -> None:
    """``auth.leaver_refused``: where (``sign_in``, ``session``, ``letter``), the last day, why."""
    record(
        "auth.leaver_refused",
        actor=actor,
        target=end.person,
        agency_code=end.person.agency.code,
        data={
            "at": at,
            "last_day": end.last_day.isoformat() if end.last_day else "",
            "why": str(end.why or ""),
            "ip": ip,
        },
    )
