"""On a phone: a delegate opens the poll from the home page, votes, and keeps the receipt."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from hoinghi.testing import World, login
from hoinghi.voting import services
from hoinghi.voting.models import Ballot
from hoinghi.voting.tests.factories import election, motion

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_delegate_votes_on_a_phone_and_gets_a_receipt(
    world: World, live_server: Any, phone_page: Any
) -> None:
    poll = motion(world)
    page = phone_page
    login(page, live_server.url, world.colleague.username)
    page.get_by_role("link", name="Biểu quyết: Thông qua Nghị quyết Hội nghị").click()
    page.get_by_label("Tán thành", exact=True).check()
    page.get_by_role("button", name="Gửi phiếu").dblclick()  # a nervous double tap
    receipt = page.locator("#ma-bien-nhan").inner_text()
    assert page.get_by_role("heading", name="Đã bỏ phiếu").is_visible()
    assert receipt.replace("-", "") == Ballot.objects.get(poll=poll).receipt  # one ballot
    # The button fits the phone's width: nothing to scroll sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.goto(f"{live_server.url}/bieu-quyet/{poll.pk}/")
    assert page.get_by_role("heading", name="Đã bỏ phiếu").is_visible()
    assert page.locator("input[name=choice]").count() == 0


def test_the_turnout_updates_live_and_the_page_follows_the_close(
    world: World, live_server: Any, phone_page: Any
) -> None:
    poll = election(world)
    page = phone_page
    login(page, live_server.url, world.colleague.username)
    page.goto(f"{live_server.url}/bieu-quyet/{poll.pk}/")
    assert page.locator("[data-live-field=turnout]").inner_text() == "0/9"
    services.cast_vote(poll, world.person(world.head), by=world.head, kept=[])
    expect(page.locator("[data-live-field=turnout]")).to_have_text("1/9")  # no eval: CSP
    services.close_poll(poll, by=world.clerk)
    page.wait_for_selector("text=Kết quả kiểm phiếu", timeout=10_000)
    assert page.locator("input[name=kept]").count() == 0


def test_the_page_reconnects_and_resends_the_same_key_while_the_server_is_away(
    world: World, live_server: Any, phone_page: Any
) -> None:
    poll = motion(world, secrecy="secret")
    page = phone_page
    login(page, live_server.url, world.colleague.username)
    sent: list[str] = []

    def away_twice(route: Any) -> None:
        form = route.request.post_data_buffer
        sent.append(form.split(b'name="key"\r\n\r\n')[1].split(b"\r\n")[0].decode())
        if len(sent) <= 2:
            route.fulfill(
                status=503,
                content_type="application/json",
                body='{"error": "voting.unavailable", "message": "x", "retry": true}',
            )
        else:
            route.continue_()

    page.route("**/bo-phieu/", away_twice)
    page.goto(f"{live_server.url}/bieu-quyet/{poll.pk}/")
    page.get_by_label("Không tán thành", exact=True).check()
    page.get_by_role("button", name="Gửi phiếu").click()
    page.get_by_text("đang kết nối lại").first.wait_for(timeout=5_000)
    receipt = page.locator("#ma-bien-nhan").inner_text(timeout=15_000)
    assert len(sent) == 3 and len(set(sent)) == 1  # resent, always with the same key
    assert receipt.replace("-", "") == Ballot.objects.get(poll=poll).receipt
    assert Ballot.objects.filter(poll=poll).count() == 1
