"""State changes of organisational data: each in one transaction with an audit entry."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from hoinghi.audit.services import record
from hoinghi.org.models import Agency, WorkYear, WorkYearState
from hoinghi.refusals import Refusal, ensure_year_open


class OrgError(Refusal):
    """A refused change, with a Vietnamese message for the user."""

    def __init__(self, message: str, code: str = "org.refused", *, field: str = "") -> None:
        super().__init__(code, message, field=field)


def open_work_year(
    agency: Agency,
    year: int,
    *,
    actor: AbstractBaseUser | None = None,
    starts_on: date | None = None,
    ends_on: date | None = None,
) -> WorkYear:
    """Open (or return) the work year; calendar year unless the agency says otherwise."""
    with transaction.atomic():
        work_year, created = WorkYear.objects.get_or_create(
            agency=agency,
            year=year,
            defaults={
                "starts_on": starts_on or date(year, 1, 1),
                "ends_on": ends_on or date(year, 12, 31),
            },
        )
        if created:
            record(
                "org.open_work_year",
                actor=actor,
                target=work_year,
                agency_code=agency.code,
                data={"year": year},
            )
    return work_year


def close_work_year(work_year: WorkYear, *, actor: AbstractBaseUser | None = None) -> WorkYear:
    """Khóa sổ: a closed year's decisions can no longer be recomputed."""
    with transaction.atomic():
        locked = WorkYear.objects.select_for_update().get(pk=work_year.pk)
        ensure_year_open(locked, OrgError, "org.year_closed")
        locked.state = WorkYearState.CLOSED
        locked.save(update_fields=["state"])
        record("org.close_work_year", actor=actor, target=locked, agency_code=locked.agency.code)
    return locked
