"""``--year`` of the document commands: the work year under review, for every type.

A conference's documents (its plan, invitations, report, minutes, resolution, the letter to
the superior body, the count of the election) belong to the conference, named after the year
it is held in; the command finds the conference that reviews the work year ``--year`` (or
the one held on ``--conference-date``) and asks for that conference's documents. Every
other type is about the work year itself.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import CommandError, CommandParser
from django.db.models import Q

from hoinghi.conference.selectors import conferences_of
from hoinghi.documents.catalogue import BY_SLUG
from hoinghi.org.commandline import date_argument
from hoinghi.org.models import Agency, Person

CONFERENCE_KINDS = frozenset(
    {
        "ke-hoach-hoi-nghi",
        "giay-moi",
        "bao-cao-hoat-dong",
        "bien-ban-hoi-nghi",
        "nghi-quyet-hoi-nghi",
        "cong-van-ket-qua-hoi-nghi",
        "bien-ban-kiem-phieu",
    }
)


def add_conference_date(parser: CommandParser) -> None:
    parser.add_argument(
        "--conference-date",
        type=date_argument,
        default=None,
        help="ngày họp của Hội nghị (dd/mm/yyyy), khi năm có hơn một Hội nghị",
    )


def add_document_arguments(parser: CommandParser) -> None:
    """``--conference-date``, ``--type`` and ``--person``: which document of the year."""
    add_conference_date(parser)
    parser.add_argument(
        "--type", required=True, dest="slug", help="loại văn bản (hoinghi documents types)"
    )
    parser.add_argument("--person", default="", help="mã cán bộ (văn bản cá nhân)")


def requested_document(agency: Agency, options: dict[str, Any]) -> tuple[str, Person | None, int]:
    """The type, the person and the year the documents app files it under, as checked."""
    slug = checked_type(options["slug"])
    person = person_of(agency, options["person"])
    return slug, person, source_year(agency, slug, options["year"], options["conference_date"])


def checked_type(slug: str) -> str:
    if slug not in BY_SLUG:
        raise CommandError(
            f"--type: không có loại văn bản «{slug}». Các loại: {', '.join(BY_SLUG)}."
        )
    return slug


def person_of(agency: Agency, staff_code: str) -> Person | None:
    """The person ``--person`` names in the agency, none when it is not given."""
    if not staff_code:
        return None
    person = Person.objects.filter(agency=agency, staff_code=staff_code).first()
    if person is None:
        raise CommandError(f"--person: không có cán bộ mã «{staff_code}» trong {agency.name}.")
    return person


def source_year(agency: Agency, slug: str, year: int, conference_date: date | None) -> int:
    """The year the documents app files a type under, from the work year under review."""
    if slug not in CONFERENCE_KINDS:
        if conference_date is not None:
            raise CommandError(f"--conference-date: loại văn bản «{slug}» không thuộc Hội nghị.")
        return year
    reviewing = conferences_of(agency).filter(
        Q(reviewed_year__year=year) | Q(reviewed_year__isnull=True, year=year + 1)
    )
    if conference_date is not None:
        found = reviewing.filter(held_on=conference_date).first()
        if found is None:
            raise CommandError(
                f"--conference-date: {agency.name} không có Hội nghị ngày "
                f"{conference_date:%d/%m/%Y} tổng kết năm {year}."
            )
        return found.year
    found = reviewing.order_by("-kind", "held_on").first()  # the regular one first
    if found is None:
        raise CommandError(f"--year: {agency.name} chưa có Hội nghị tổng kết năm công tác {year}.")
    return found.year
