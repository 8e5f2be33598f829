"""In Chromium: the secretary reaches the presidium page from the conference's page, picks who
presides and types the planned hour in the browser's time field, then records the hours on
the results page."""

from __future__ import annotations

from datetime import time
from typing import Any

import pytest

from hoinghi.conference.models import Conference
from hoinghi.conference.tests.helpers import make_conference
from hoinghi.testing import World, login

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_secretary_sets_the_head_and_the_hours_by_clicking(
    world: World, live_server: Any, page: Any
) -> None:
    conference = make_conference(world)
    chair = world.person(world.union_chair)
    login(page, live_server.url, world.clerk.username)
    page.goto(f"{live_server.url}/hoi-nghi/{world.agency.code}/{conference.pk}/")
    page.get_by_role("link", name="Đoàn Chủ tịch, người chủ trì, thư ký, giờ khai mạc").click()
    page.get_by_label("Chủ trì Đoàn Chủ tịch (ký «TM. Đoàn Chủ tịch»)").select_option(str(chair.pk))
    page.get_by_label("Giờ khai mạc dự kiến (giờ Việt Nam, in trên giấy mời)").fill("07:30")
    page.get_by_role("button", name="Lưu").click()
    page.get_by_text("Đã lưu Đoàn Chủ tịch, người chủ trì").wait_for()
    page.get_by_role("link", name="Kết quả").first.click()
    page.get_by_label("Giờ khai mạc (giờ Việt Nam)").fill("07:45")
    page.get_by_label("Giờ bế mạc (giờ Việt Nam)").fill("11:20")
    page.get_by_role("button", name="Lưu giờ").click()
    page.get_by_text("Đã ghi giờ khai mạc, bế mạc vào biên bản.").wait_for()
    saved = Conference.objects.get(pk=conference.pk)
    assert saved.presidium_head == chair
    assert (saved.starts_at, saved.minutes_opened_at, saved.minutes_closed_at) == (
        time(7, 30),
        time(7, 45),
        time(11, 20),
    )
