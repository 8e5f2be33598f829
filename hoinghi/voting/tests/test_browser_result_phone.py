"""The counting result read on a phone, in Debian's Chromium."""

from __future__ import annotations

from typing import Any

import pytest

from hoinghi.testing import World, login
from hoinghi.voting import services
from hoinghi.voting.tests.factories import election

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_result_with_its_digests_fits_a_phone_without_scrolling_sideways(
    world: World, live_server: Any, phone_page: Any
) -> None:
    poll = election(world, seats=2)
    services.cast_vote(poll, world.person(world.colleague), kept=[], by=world.colleague)
    services.close_poll(poll, by=world.clerk)
    login(phone_page, live_server.url, world.colleague.username)
    phone_page.goto(f"{live_server.url}/bieu-quyet/{poll.pk}/ket-qua/")
    phone_page.get_by_role("heading", name="Kết quả kiểm phiếu").wait_for()
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= phone_page.viewport_size["width"], width
