"""The year's headline counts every item: the agency's, the units' and the people's."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from hoinghi.org.models import WorkYear
from hoinghi.plans.models import ItemKind, ItemStatus, PlanItem
from hoinghi.testing import World

pytestmark = pytest.mark.django_db


def test_the_headline_counts_unit_and_personal_items(world: World) -> None:
    year = WorkYear.objects.create(
        agency=world.agency, year=2024, starts_on=date(2024, 1, 1), ends_on=date(2024, 12, 31)
    )
    done = {
        "status": ItemStatus.DONE,
        "due_on": date(2024, 6, 30),
        "completed_on": date(2024, 6, 1),
    }
    PlanItem.objects.create(
        work_year=year, unit=world.office, kind=ItemKind.TARGET, title="CT 1", **done
    )
    PlanItem.objects.create(work_year=year, unit=world.board, kind=ItemKind.TARGET, title="CT 2")
    PlanItem.objects.create(
        work_year=year,
        person=world.person(world.colleague),
        kind=ItemKind.TASK,
        title="NV 1",
        **done,
    )
    PlanItem.objects.create(
        work_year=year,
        person=world.person(world.outsider),
        kind=ItemKind.TASK,
        title="NV 2",
        **done,
    )
    client = Client()
    client.force_login(world.colleague)
    html = client.get(reverse("plans:year", args=[world.agency.code, 2024])).content.decode()
    assert '<p class="big" id="tong-hop">Hoàn thành 1/2 chỉ tiêu, 2/2 nhiệm vụ</p>' in html
    assert "Nhiệm vụ: 2 đúng hạn" in html
    assert "Chưa có chỉ tiêu" not in html
