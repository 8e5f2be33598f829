"""On a phone, a staff member follows the home link to the year and registers their titles."""

from __future__ import annotations

from typing import Any

import pytest

from hoinghi.emulation.models import Registration
from hoinghi.org.services import open_work_year
from hoinghi.testing import World, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_staff_member_registers_for_lao_dong_tien_tien_on_a_phone(
    world: World, live_server: Any, phone_page: Any
) -> None:
    open_work_year(world.agency, 2024)
    login(phone_page, live_server.url, world.colleague.username)
    phone_page.get_by_role("link", name="Thi đua, khen thưởng năm 2024").first.click()
    phone_page.get_by_role("link", name="Đăng ký thi đua của tôi").click()
    phone_page.get_by_label("Lao động tiên tiến").check()
    phone_page.get_by_role("button", name="Đăng ký").click()
    assert "Đã ghi nhận đăng ký thi đua." in phone_page.locator(".messages").inner_text()
    assert phone_page.get_by_label("Lao động tiên tiến").is_checked()
    assert list(Registration.objects.values_list("title", flat=True)) == ["ldtt"]
