"""The agency's regulation sets the options the law leaves to it, by date."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from hoinghi.law.options import EmulationOptions, EvaluationOptions
from hoinghi.org.admin import AgencyRegulationForm
from hoinghi.org.models import AgencyRegulation, LawDomain
from hoinghi.org.regulations import law_options
from hoinghi.testing import World

pytestmark = pytest.mark.django_db


def test_without_a_regulation_the_law_packages_defaults_apply(world: World) -> None:
    assert law_options(world.agency, EmulationOptions, date(2024, 12, 1)) == EmulationOptions()


def test_the_regulation_in_force_on_the_date_applies(world: World) -> None:
    AgencyRegulation.objects.create(
        agency=world.agency,
        domain=LawDomain.EMULATION,
        values={"council_share": "2/3"},
        regulation="Quy chế số 01",
        valid_from=date(2024, 1, 1),
    )
    AgencyRegulation.objects.create(
        agency=world.agency,
        domain=LawDomain.EMULATION,
        values={"council_share": "3/4"},
        regulation="Quy chế số 02",
        valid_from=date(2025, 1, 1),
    )
    assert law_options(
        world.agency, EmulationOptions, date(2023, 12, 31)
    ).council_share == Fraction(9, 10)
    assert law_options(world.agency, EmulationOptions, date(2024, 6, 1)).council_share == Fraction(
        2, 3
    )
    assert law_options(world.agency, EmulationOptions, date(2025, 6, 1)).council_share == Fraction(
        3, 4
    )
    assert law_options(world.agency, EvaluationOptions, date(2025, 6, 1)) == EvaluationOptions()


def test_the_admin_form_refuses_an_unknown_option_naming_it(world: World) -> None:
    form = AgencyRegulationForm(
        data={
            "agency": world.agency.pk,
            "domain": LawDomain.EMULATION,
            "values": '{"khong_co": 1}',
            "regulation": "Quy chế số 03",
            "valid_from": "2024-01-01",
        }
    )
    assert not form.is_valid()
    assert "khong_co" in str(form.errors)


def test_the_admin_form_refuses_a_value_of_the_wrong_type(world: World) -> None:
    form = AgencyRegulationForm(
        data={
            "agency": world.agency.pk,
            "domain": LawDomain.EMULATION,
            "values": '{"council_share": "nhiều"}',
            "regulation": "Quy chế số 03",
            "valid_from": "2024-01-01",
        }
    )
    assert not form.is_valid()
    assert "council_share" in str(form.errors)
