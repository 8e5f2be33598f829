"""The law's agency options, read from the agency's own regulation (quy chế) in force.

A rule that takes ``options=`` gets them from :func:`law_options`; what the agency did not
set keeps the law package's default, which the rule itself marks as "chưa xác minh" where
docs/domain/unverified.md marks it unverified.
"""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar

from django.core.exceptions import ValidationError

from hoinghi.law.evaluate import CaseError, build_dataclass
from hoinghi.law.options import (
    ConferenceOptions,
    DocumentOptions,
    EmulationOptions,
    EvaluationOptions,
)
from hoinghi.org.models import Agency, AgencyRegulation, LawDomain

OPTION_CLASSES: dict[str, type[Any]] = {
    LawDomain.CONFERENCE: ConferenceOptions,
    LawDomain.EVALUATION: EvaluationOptions,
    LawDomain.EMULATION: EmulationOptions,
    LawDomain.DOCUMENTS: DocumentOptions,
}

T = TypeVar("T")


def regulation_in_force(agency: Agency, domain: str, on: date) -> AgencyRegulation | None:
    return (
        AgencyRegulation.objects.filter(agency=agency, domain=domain, valid_from__lte=on)
        .order_by("-valid_from")
        .first()
    )


def build_options(domain: str, values: dict[str, Any]) -> Any:
    """The options dataclass of a domain from stored values; a Vietnamese error names the field."""
    try:
        return build_dataclass(OPTION_CLASSES[domain], values, domain)
    except CaseError as exc:
        raise ValidationError({"values": f"{exc.field}: {exc.message}"}) from None


def law_options(agency: Agency, options_class: type[T], on: date) -> T:
    """The options of ``options_class`` as the agency's regulation in force on ``on`` sets them."""
    domain = next(d for d, cls in OPTION_CLASSES.items() if cls is options_class)
    row = regulation_in_force(agency, domain, on)
    if row is None:
        return options_class()
    options: T = build_options(domain, row.values)
    return options
