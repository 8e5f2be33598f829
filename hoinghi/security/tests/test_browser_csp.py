"""In Debian's Chromium: the pages work under the strict Content-Security-Policy and the
browser reports no violation (login, home, a vote, the staff import, the admin, the
conference screens, the report charts, the error pages on a phone)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth.models import User

from hoinghi.conference.tests.helpers import make_conference
from hoinghi.testing import PASSWORD, World, login
from hoinghi.voting.tests.factories import motion

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e => {
  window.__violations.push(e.violatedDirective + ' ' + e.blockedURI);
});
"""


class Violations:
    """Every CSP violation Chromium reports: console errors and violation events."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.console: list[str] = []
        page.add_init_script(WATCH)
        page.on("console", self._console)

    def _console(self, message: Any) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.console.append(message.text)

    def of_this_page(self) -> list[str]:
        events = self.page.evaluate("window.__violations || []")
        return [*self.console, *events]


@pytest.fixture
def watched(page: Any) -> Iterator[tuple[Any, Violations]]:
    yield page, Violations(page)


@pytest.fixture
def watched_phone(phone_page: Any) -> Iterator[tuple[Any, Violations]]:
    yield phone_page, Violations(phone_page)


def test_staff_pages_work_without_a_violation(
    world: World, live_server: Any, watched: tuple[Any, Violations]
) -> None:
    page, violations = watched
    base = live_server.url
    login(page, base, world.clerk.username)  # the login page, then home
    assert violations.of_this_page() == []
    assert page.locator("header.site").is_visible()
    # The stylesheet applied (no inline style needed): the header has the accent colour.
    colour = page.evaluate(
        "getComputedStyle(document.querySelector('header.site')).backgroundColor"
    )
    assert colour == "rgb(164, 22, 26)"

    page.goto(f"{base}/co-quan/{world.agency.code}/nhap-can-bo/")
    assert page.locator("input[type=file]").count() == 1
    assert violations.of_this_page() == []

    page.goto(f"{base}/bao-cao/{world.agency.code}/")
    assert page.locator("h1").count() == 1
    assert violations.of_this_page() == []


def test_a_vote_works_without_a_violation(
    world: World, live_server: Any, watched_phone: tuple[Any, Violations]
) -> None:
    poll = motion(world)
    page, violations = watched_phone
    login(page, live_server.url, world.colleague.username)
    page.goto(f"{live_server.url}/bieu-quyet/{poll.pk}/")
    page.get_by_label("Tán thành", exact=True).check()
    page.get_by_role("button", name="Gửi phiếu").click()
    page.wait_for_selector("#ma-bien-nhan")  # the page's script sent it and showed the receipt
    assert violations.of_this_page() == []


def test_the_conference_screens_work_without_a_violation(
    world: World, live_server: Any, watched_phone: tuple[Any, Violations]
) -> None:
    conference = make_conference(world)
    page, violations = watched_phone
    login(page, live_server.url, world.colleague.username)
    page.goto(f"{live_server.url}/hoi-nghi/{world.agency.code}/{conference.pk}/dai-bieu/")
    page.wait_for_load_state("networkidle")
    assert violations.of_this_page() == []


def test_the_projector_works_without_a_violation(
    world: World, live_server: Any, watched: tuple[Any, Violations]
) -> None:
    conference = make_conference(world)
    page, violations = watched
    login(page, live_server.url, world.clerk.username)
    page.goto(f"{live_server.url}/hoi-nghi/{world.agency.code}/{conference.pk}/trinh-chieu/")
    assert "/hoi-nghi/trinh-chieu/" in page.url  # the screen's own token link
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1500)  # one round of the live poller
    assert violations.of_this_page() == []


def test_the_admin_works_without_a_violation(
    world: World, live_server: Any, watched: tuple[Any, Violations]
) -> None:
    User.objects.create_superuser("quantri", password=PASSWORD)
    page, violations = watched
    page.goto(f"{live_server.url}/quan-tri/")
    page.fill("#id_username", "quantri")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#content")
    assert violations.of_this_page() == []
    page.goto(f"{live_server.url}/quan-tri/auth/user/")
    page.locator("#searchbar").fill("cb0")
    page.keyboard.press("Enter")
    page.wait_for_selector("#result_list")
    assert violations.of_this_page() == []
    page.goto(f"{live_server.url}/quan-tri/auth/user/{world.colleague.pk}/change/")
    # The admin's own scripts run: the date-time widget shortcuts are added by JavaScript.
    page.wait_for_selector(".datetimeshortcuts")
    assert violations.of_this_page() == []


def test_error_pages_fit_a_phone_without_a_violation(
    world: World, live_server: Any, watched_phone: tuple[Any, Violations]
) -> None:
    page, violations = watched_phone
    login(page, live_server.url, world.colleague.username)
    response = page.goto(f"{live_server.url}/khong-co-trang-nay/")
    assert response.status == 404
    assert page.get_by_role("heading", name="Không tìm thấy trang này").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert violations.of_this_page() == []
