"""The tables' captions read as Vietnamese sentences on every report page."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from hoinghi.org.models import WorkYear
from hoinghi.plans import services as plans
from hoinghi.plans.models import ItemKind
from hoinghi.testing import World

pytestmark = pytest.mark.django_db


def test_the_years_table_is_captioned_by_its_title(world: World) -> None:
    year = WorkYear.objects.create(
        agency=world.agency, year=2023, starts_on=date(2023, 1, 1), ends_on=date(2023, 12, 31)
    )
    plans.create_item(year, plans.ItemInput(kind=ItemKind.TASK, title="Việc"), unit=world.office)
    client = Client()
    client.force_login(world.leader)
    pages = [
        reverse("reports:years", args=[world.agency.code]),
        reverse("reports:dashboard", args=[world.agency.code, 2023]),
    ]
    captions = [
        c
        for url in pages
        for c in re.findall(r"<caption[^>]*>(.*?)</caption>", client.get(url).content.decode())
    ]
    assert "Bảng số liệu «Qua các năm»" in captions
    assert not any("của qua" in c for c in captions)
