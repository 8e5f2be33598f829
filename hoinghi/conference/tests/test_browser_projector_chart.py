"""The projector's result chart read from the back of the hall, in Debian's Chromium."""

from __future__ import annotations

from typing import Any

import pytest

from hoinghi.conference import polls, services
from hoinghi.conference.services import hall
from hoinghi.conference.tests.helpers import make_conference, open_and_check_in_all
from hoinghi.testing import World

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The horizontal gap in pixels between the end of a count and the start of its percentage.
GAPS = """() => Array.from(document.querySelectorAll('.p-chart tbody tr')).map(row => {
  const [count, percent] = row.querySelectorAll('td.p-num');
  const box = cell => { const r = document.createRange(); r.selectNodeContents(cell);
    return r.getBoundingClientRect(); };
  return box(percent).left - box(count).right;
})"""


def test_each_count_on_the_projector_stands_apart_from_its_percentage(
    world: World, live_server: Any, browser: Any
) -> None:
    """ "4" and "17%" side by side must not read "417%" on the screen."""
    conference = make_conference(world)
    open_and_check_in_all(world, conference)
    motion = services.add_motion(
        conference, kind="resolution", title="Thông qua Nghị quyết", actor=world.clerk
    )
    polls.open_motion_poll(motion, actor=world.clerk, secret=True)
    motion.refresh_from_db()
    for user in (world.colleague, world.outsider, world.inspector, world.council):
        polls.cast_motion_vote(motion, world.person(user), choice="for", key=None, actor=user)
    polls.close_motion_poll(motion, actor=world.clerk)
    token = hall.projector_token(conference)
    for width, height in ((1280, 720), (1920, 1080)):
        context = browser.new_context(locale="vi-VN", viewport={"width": width, "height": height})
        screen = context.new_page()
        screen.goto(f"{live_server.url}/hoi-nghi/trinh-chieu/{token}/")
        screen.locator(".p-chart").wait_for()
        gaps = screen.evaluate(GAPS)
        assert len(gaps) == 3 and min(gaps) >= width * 0.008, (width, gaps)
        context.close()
