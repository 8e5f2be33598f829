"""A refused fact form keeps what the clerk typed, and says why once."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from hoinghi.emulation.models import EarlierTitle
from hoinghi.org.models import WorkYear
from hoinghi.testing import World

pytestmark = pytest.mark.django_db


def test_an_earlier_title_without_a_holder_keeps_the_typed_decision(world: World) -> None:
    WorkYear.objects.create(
        agency=world.agency, year=2024, starts_on=date(2024, 1, 1), ends_on=date(2024, 12, 31)
    )
    client = Client()
    client.force_login(world.clerk)
    typed = "Quyết định số 123-QĐ/HU ngày 20/12/2022"
    response = client.post(
        reverse("emulation:earlier-title-new", args=[world.agency.code, 2024]),
        {"year": 2022, "title": "cstdcs", "decision": typed},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert f'value="{typed}"' in html
    assert html.count("Chọn đúng một cá nhân hoặc một tập thể.") == 1
    assert not EarlierTitle.objects.exists()
