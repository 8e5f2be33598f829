"""The agency's own rules (quy chế) read as the law's ``EmulationOptions``."""

from __future__ import annotations

from fractions import Fraction

from hoinghi.emulation.models import AgencyRules
from hoinghi.law.options import EmulationOptions
from hoinghi.org.models import Agency


def options_for(agency: Agency) -> EmulationOptions:
    rules = AgencyRules.objects.filter(agency=agency).first()
    if rules is None:
        return EmulationOptions()
    cap = rules.cstdcs_cap_percent
    return EmulationOptions(
        apply_law_2026=rules.apply_law_2026,
        cstdcs_cap_share=Fraction(cap, 100) if cap is not None else None,
        registration_required=rules.registration_required,
        council_share=Fraction(rules.council_share_percent, 100),
    )
