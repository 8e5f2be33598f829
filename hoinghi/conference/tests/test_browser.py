"""Journeys in Debian's Chromium: a delegate on a phone, the projector in the hall."""

from __future__ import annotations

from typing import Any

import pytest

from hoinghi.conference import polls, services
from hoinghi.conference.tests.helpers import make_conference
from hoinghi.testing import World, login

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_delegate_checks_in_votes_and_gets_a_receipt_on_a_phone(
    world: World, live_server: Any, phone_page: Any, page: Any
) -> None:
    conference = make_conference(world)
    services.build_agenda(conference, actor=world.clerk)
    services.open_conference(conference, actor=world.clerk)
    own = conference.participants.get(person=world.person(world.colleague))
    login(phone_page, live_server.url, "cb01")
    phone_page.goto(f"{live_server.url}/hoi-nghi/diem-danh/{own.code}/")
    phone_page.get_by_role("button", name="Xác nhận có mặt").click()
    phone_page.get_by_text("Đã điểm danh").first.wait_for()
    motion = services.add_motion(
        conference, kind="resolution", title="Thông qua Nghị quyết", actor=world.clerk
    )
    polls.open_motion_poll(motion, actor=world.clerk)
    phone_page.reload()
    phone_page.get_by_label("Tán thành", exact=True).check()
    phone_page.get_by_role("button", name="Gửi phiếu").click()
    receipt = phone_page.locator(".receipt").first
    receipt.wait_for()
    assert len(receipt.inner_text().replace("-", "").replace(" ", "")) >= 8

    login(page, live_server.url, "vt01")
    page.goto(f"{live_server.url}/hoi-nghi/co-quan-thu/{conference.pk}/trinh-chieu/")
    assert page.locator("[data-live-field=present]").inner_text() == "1"
    polls.close_motion_poll(motion, actor=world.clerk)
    page.locator("[data-live-field=result]").filter(has_text="được thông qua").wait_for(
        timeout=10_000
    )
