"""What every command of the year shares: the agency, the work year under review, the actor.

``--year`` always means the work year under review (năm công tác được tổng kết). A command
that changes data acts as a named user (``--as USERNAME``) and is refused, as the web refuses,
when that user lacks the role; a superuser passes every check, as in the browser.
Refusals are :class:`CommandError` (exit status 1) with a Vietnamese message naming the
argument.
"""

from __future__ import annotations

from argparse import ArgumentTypeError
from collections.abc import Callable
from datetime import date
from typing import Any

from django.contrib.auth.models import User
from django.core.management.base import CommandError, CommandParser

from hoinghi.org.models import Agency, Unit, WorkYear


def add_year_arguments(parser: CommandParser, *, acting: bool = True) -> None:
    parser.add_argument("--agency", required=True, help="mã cơ quan, ví dụ co-quan-huyen-uy")
    parser.add_argument(
        "--year", required=True, type=int, help="năm công tác được tổng kết, ví dụ 2023"
    )
    if acting:
        parser.add_argument(
            "--as",
            dest="username",
            required=True,
            help="tên đăng nhập của người thực hiện (được kiểm tra vai trò như trên trang web)",
        )


def agency_of(code: str) -> Agency:
    agency = Agency.objects.filter(code=code).first()
    if agency is None:
        raise CommandError(f"--agency: không có cơ quan mã «{code}».")
    return agency


def work_year_of(agency: Agency, year: int) -> WorkYear:
    found = WorkYear.objects.select_related("agency").filter(agency=agency, year=year).first()
    if found is None:
        raise CommandError(f"--year: {agency.name} chưa có năm công tác {year}.")
    return found


def unit_of(agency: Agency, code: str, argument: str = "--unit") -> Unit:
    unit = Unit.objects.filter(agency=agency, code=code).first()
    if unit is None:
        raise CommandError(f"{argument}: {agency.name} không có đơn vị mã «{code}».")
    return unit


def acting_user(
    username: str,
    agency: Agency,
    allowed: Callable[[User, Agency], bool],
    who: str,
) -> User:
    """The named, active user, if the web's rule ``allowed`` lets them act; ``who`` names
    the roles that may, for the refusal."""
    user = User.objects.filter(username=username).first()
    if user is None or not user.is_active:
        raise CommandError(f"--as: không có tài khoản đang hoạt động «{username}».")
    if not allowed(user, agency):
        raise CommandError(f"--as: «{username}» không có quyền: chỉ {who} của {agency.name}.")
    return user


def acting_year(
    options: dict[str, Any],
    allowed: Callable[[User, Agency], bool],
    who: str,
) -> tuple[WorkYear, User]:
    """``--agency``, ``--as`` (checked by ``allowed``, refused naming ``who``) and ``--year``."""
    agency = agency_of(str(options["agency"]))
    user = acting_user(str(options["username"]), agency, allowed, who)
    return work_year_of(agency, int(str(options["year"]))), user


def date_argument(value: str) -> date:
    """A date typed as the decrees write it (dd/mm/yyyy) or ISO (yyyy-mm-dd)."""
    text = value.strip()
    try:
        if "/" in text:
            day, month, year = (int(p) for p in text.split("/"))
            return date(year, month, day)
        return date.fromisoformat(text)
    except ValueError:
        raise ArgumentTypeError(
            f"«{value}» không phải một ngày (dd/mm/yyyy hoặc yyyy-mm-dd)"
        ) from None
