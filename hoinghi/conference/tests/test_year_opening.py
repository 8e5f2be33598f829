"""Opening work year N in the browser's page brings in the targets adopted by the
conference of year N (the one that reviewed N - 1); opening is idempotent for them."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from hoinghi.conference import services
from hoinghi.conference.tests.helpers import make_conference, open_and_check_in_all
from hoinghi.plans.models import ItemSource, PlanItem
from hoinghi.testing import World

pytestmark = pytest.mark.django_db


def test_opening_the_next_year_carries_the_resolution_targets(world: World) -> None:
    conference = open_and_check_in_all(world, make_conference(world, held_on=date(2024, 1, 20)))
    services.add_resolution_target(
        conference, text="100% cán bộ hoàn thành nhiệm vụ", actor=world.clerk, measure="%"
    )
    services.add_resolution_target(
        conference, text="Không có đảng viên vi phạm kỷ luật", actor=world.clerk, unit=world.board
    )
    client = Client()
    client.force_login(world.clerk)
    response = client.post(
        reverse("org:years", args=[world.agency.code]), {"year": 2024}, follow=True
    )
    html = response.content.decode()
    assert "Đã mở năm công tác 2024." in html
    assert "Đã chuyển 2 chỉ tiêu của nghị quyết Hội nghị năm 2024 vào kế hoạch." in html
    items = PlanItem.objects.filter(work_year__year=2024, source=ItemSource.RESOLUTION)
    assert sorted(items.values_list("title", flat=True)) == [
        "100% cán bộ hoàn thành nhiệm vụ",
        "Không có đảng viên vi phạm kỷ luật",
    ]
    assert items.get(unit=world.board).title == "Không có đảng viên vi phạm kỷ luật"
