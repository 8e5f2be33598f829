"""What the law leaves to the agency (council share, CSTĐCS cap, registration, Law 06/2026),
read from the agency's regulation (quy chế) in force: :mod:`hoinghi.org.regulations`, one
place for every domain's options. An agency without a regulation gets the law's defaults."""

from __future__ import annotations

from datetime import date

from hoinghi.law.emulation.awards import RegistrationFacts, check_registration
from hoinghi.law.emulation.superior import LocalLevel, SuperiorFacts, decide_superior_body
from hoinghi.law.options import EmulationOptions
from hoinghi.law.parameters import NotInForce
from hoinghi.law.results import Result
from hoinghi.org.models import AgencyRegulation, LawDomain, WorkYear
from hoinghi.org.regulations import law_options, regulation_in_force
from hoinghi.org.selectors import period_on


def options_for(work_year: WorkYear, on: date | None = None) -> EmulationOptions:
    """The emulation options of the agency's regulation in force on ``on`` (default: year end)."""
    return law_options(work_year.agency, EmulationOptions, on or work_year.ends_on)


def regulation_of(work_year: WorkYear, on: date | None = None) -> AgencyRegulation | None:
    """The regulation the year's emulation decisions read (for pages: "theo Quy chế số …")."""
    return regulation_in_force(work_year.agency, LawDomain.EMULATION, on or work_year.ends_on)


def registration_required(work_year: WorkYear) -> bool:
    """Whether registration is a condition of the year's titles (law E11: the agency's
    regulation, or up to 2023 the law): the law's check fails an unregistered holder."""
    on = work_year.ends_on
    return not check_registration(
        RegistrationFacts(registered=False), on=on, options=options_for(work_year, on)
    ).outcome


def superior_body(work_year: WorkYear, on: date) -> Result | None:
    """The body the agency's proposals and reports go to on ``on``, from the agency's history
    (kind and superior body by date) and the law (no district level from 01/07/2025); None when
    the history records no period for the date or the law has no rule for it."""
    period = period_on(work_year.agency, on)
    if period is None:
        return None
    facts = SuperiorFacts(LocalLevel(period.superior_level), period.superior_name)
    try:
        return decide_superior_body(facts, on=on, options=options_for(work_year, on))
    except NotInForce:
        return None
