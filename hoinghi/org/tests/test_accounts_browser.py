"""In Chromium, on the demo agency: the clerk creates accounts for a unit and prints the
login letters; a staff member opens the letter's address on a phone, sets a password, signs
in and finds their to-do list. Then the clerk opens the next work year and closes one."""

from __future__ import annotations

import re
from typing import Any

import pytest

from hoinghi.org.demo import load_demo
from hoinghi.org.models import Person, WorkYear
from hoinghi.testing import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AGENCY = "co-quan-huyen-uy"
DEMO_PASSWORD = "dungthu-hoinghi"
NEW_PASSWORD = "Mat-khau-cua-toi-2026"


def test_accounts_letters_password_and_the_to_do(
    live_server: Any, page: Any, phone_page: Any
) -> None:
    load_demo()
    page.on("dialog", lambda dialog: dialog.accept())
    login(page, live_server.url, "vanthu", DEMO_PASSWORD)
    page.get_by_role("link", name="Tài khoản, thư đăng nhập").click()
    row = page.locator("tr", has_text="Ban Tuyên giáo")
    label = row.get_by_role("button").inner_text()
    count = int(re.search(r"Tạo (\d+) tài khoản", label).group(1))  # type: ignore[union-attr]
    assert count >= 1
    with page.context.expect_page() as opened:
        row.get_by_role("button").click()
    letters = opened.value
    letters.wait_for_load_state()
    assert letters.locator("article.letter").count() == count
    assert letters.locator("article.letter svg").count() == count
    first = letters.locator("article.letter").first
    name = first.locator(".name").inner_text()
    username = first.locator(".username").inner_text()
    code = first.locator(".code").inner_text()
    address = first.locator("ol .url").first.inner_text()
    assert code in address and address.startswith(live_server.url)
    # Printing lays one letter on each page.
    letters.emulate_media(media="print")
    assert letters.locator("header.site").is_hidden()
    assert (
        first.evaluate("e => getComputedStyle(e).breakAfter") == "page"
        or first.evaluate("e => getComputedStyle(e).pageBreakAfter") == "always"
    )

    phone_page.goto(address)
    assert name in phone_page.locator("main").inner_text()
    phone_page.get_by_label("Mật khẩu mới", exact=True).fill(NEW_PASSWORD)
    phone_page.get_by_label("Nhập lại mật khẩu mới").fill(NEW_PASSWORD)
    phone_page.get_by_role("button", name="Đặt mật khẩu").click()
    phone_page.wait_for_url(f"{live_server.url}/dang-nhap/")
    assert f"«{username}»" in phone_page.locator(".messages").inner_text()
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    login(phone_page, live_server.url, username, NEW_PASSWORD)
    todo = phone_page.locator("section.todo")
    assert "Việc cần làm" in todo.inner_text()
    year = WorkYear.objects.filter(agency__code=AGENCY, state="open").order_by("-year").first()
    assert year is not None
    assert f"Tự đánh giá năm {year.year}" in todo.inner_text()
    assert "Hạn: 15/12" in todo.inner_text()
    # The code is spent: the same address now refuses.
    phone_page.goto(address)
    assert "đã dùng hoặc đã hết hạn" in phone_page.locator("main").inner_text()
    assert Person.objects.get(user__username=username).full_name == name


def test_the_clerk_opens_the_next_year_and_closes_one(live_server: Any, page: Any) -> None:
    load_demo()
    asked: list[str] = []

    def answer(dialog: Any) -> None:
        asked.append(dialog.message)
        dialog.accept()

    page.on("dialog", answer)
    agency_years = WorkYear.objects.filter(agency__code=AGENCY)
    latest = max(agency_years.values_list("year", flat=True))
    login(page, live_server.url, "vanthu", DEMO_PASSWORD)
    page.get_by_role("link", name="Năm công tác").first.click()
    page.get_by_role("button", name=f"Mở năm công tác {latest + 1}").click()
    page.wait_for_url(f"**/nam-cong-tac/{latest + 1}/")
    assert asked and asked[-1].startswith(f"Mở năm công tác {latest + 1}?")
    assert f"Đã mở năm công tác {latest + 1}." in page.locator(".messages").inner_text()
    # The switcher leads from the new year's pages to the earlier ones.
    page.goto(f"{live_server.url}/thi-dua/{AGENCY}/{latest + 1}/")
    page.locator(".year-switcher").get_by_role("link", name=str(latest)).click()
    page.wait_for_url(f"**/thi-dua/{AGENCY}/{latest}/")
    # Closing the earlier year lists what is unfinished, then asks.
    page.goto(f"{live_server.url}/co-quan/{AGENCY}/nam-cong-tac/{latest}/")
    assert page.locator("ol.year-board li").count() >= 6
    assert "đã tự đánh giá" in page.locator("ol.year-board").inner_text()
    page.get_by_label(re.compile("đồng ý khóa sổ")).check()
    page.get_by_role("button", name=f"Khóa sổ năm {latest}").click()
    page.wait_for_url(f"**/nam-cong-tac/{latest}/")
    assert asked[-1].startswith(f"Khóa sổ năm công tác {latest}?")
    assert "Đã khóa sổ" in page.locator("main").inner_text()
    assert agency_years.get(year=latest).is_closed
