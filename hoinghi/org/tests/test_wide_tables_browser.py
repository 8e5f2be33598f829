"""On a phone, a wide table keeps its headings and scrolls inside its own box; the page
never widens past the screen (the accounts table and a report table of the demo)."""

from __future__ import annotations

from typing import Any

import pytest

from hoinghi.org.demo import load_demo
from hoinghi.testing import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_accounts_table_keeps_its_headings_on_a_phone(
    live_server: Any, phone_page: Any
) -> None:
    load_demo()
    login(phone_page, live_server.url, "vanthu", "dungthu-hoinghi")
    phone_page.get_by_role("link", name="Tài khoản, thư đăng nhập").click()
    table = phone_page.locator("table.wide").first
    heading = table.locator("thead th").first
    assert heading.is_visible(), "the column headings are shown above the figures"
    first_cell = table.locator("tbody tr").first.locator("td").nth(1)
    heading_box, cell_box = heading.bounding_box(), first_cell.bounding_box()
    assert heading_box and cell_box and cell_box["y"] > heading_box["y"]
    # A row stays a row: its second cell stands beside the first, not under it.
    first_box = table.locator("tbody tr").first.locator("td").first.bounding_box()
    assert first_box and abs(first_box["y"] - cell_box["y"]) < 4
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
