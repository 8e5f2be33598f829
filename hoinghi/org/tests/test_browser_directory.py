"""A new user signs in and finds a colleague by typing a name without accents."""

from __future__ import annotations

from typing import Any

import pytest

from hoinghi.testing import World, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_new_user_signs_in_and_finds_a_person_without_typing_accents(
    world: World, live_server: Any, page: Any
) -> None:
    login(page, live_server.url, world.colleague.username)
    page.get_by_role(
        "link", name="Danh sách cán bộ, công chức, viên chức, người lao động"
    ).first.click()
    page.get_by_label("Tìm theo tên hoặc mã (không cần dấu)").fill("hoang van doan")
    page.get_by_role("button", name="Tìm").click()
    rows = page.locator("table tbody tr")
    assert rows.count() == 1
    assert "Hoàng Văn Đoàn" in rows.first.inner_text()
    rows.first.get_by_role("link").click()
    assert page.locator("h1").inner_text() == "Hoàng Văn Đoàn"
