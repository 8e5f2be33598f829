"""In Chromium, the unit head of the demo finds the year's targets and the unit's proposals
by clicking only, and switches the unit's page to the previous year."""

from __future__ import annotations

from typing import Any

import pytest

from hoinghi.org.demo import load_demo
from hoinghi.testing import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_unit_head_clicks_to_the_targets_and_the_unit_proposals(
    live_server: Any, phone_page: Any
) -> None:
    load_demo()
    page = phone_page
    login(page, live_server.url, "truongdonvi", "dungthu-hoinghi")
    page.get_by_role("link", name="Chỉ tiêu, nhiệm vụ năm 2024").click()
    assert page.locator("h1").inner_text() == "Chỉ tiêu, nhiệm vụ năm 2024"
    page.go_back()
    page.get_by_role("link", name="Đánh giá, đề xuất xếp loại: Ban Tuyên giáo Huyện ủy").click()
    page.wait_for_url("**/danh-gia/co-quan-huyen-uy/2024/don-vi/ban-tuyen-giao/")
    page.locator(".year-switcher").get_by_role("link", name="2023").click()
    page.wait_for_url("**/danh-gia/co-quan-huyen-uy/2023/don-vi/ban-tuyen-giao/")
    assert "Ban Tuyên giáo" in page.locator("h1").inner_text()
    assert page.locator("main table tbody tr").count() >= 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
