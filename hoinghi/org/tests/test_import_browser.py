"""The clerk imports a staff file with one bad row, reads which row, fixes it and imports."""

from __future__ import annotations

from typing import Any

import pytest

from hoinghi.org.imports.samples import staff_rows, xlsx_bytes
from hoinghi.org.models import Person
from hoinghi.testing import World, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_the_clerk_fixes_the_row_the_message_names_and_imports(
    world: World, live_server: Any, page: Any
) -> None:
    rows = staff_rows(12)
    rows[6]["Ngày sinh"] = "30/02/1988"
    login(page, live_server.url, world.clerk.username)
    page.goto(f"{live_server.url}/co-quan/{world.agency.code}/can-bo/")
    page.get_by_role("link", name="Nhập danh sách từ tệp").click()
    label = "Tệp danh sách cán bộ (.xlsx hoặc .csv)"
    page.get_by_label(label).set_input_files(
        {"name": "danh-sach.xlsx", "mimeType": XLSX, "buffer": xlsx_bytes(rows)}
    )
    page.get_by_role("button", name="Tải lên và xem trước").click()
    alert = page.get_by_role("alert")
    assert "Dòng 8, cột «Ngày sinh»: ngày «30/02/1988» không hợp lệ" in alert.inner_text()
    assert not Person.objects.filter(staff_code__startswith="NV").exists()

    rows[6]["Ngày sinh"] = "28/02/1988"
    page.get_by_label(label).set_input_files(
        {"name": "danh-sach.xlsx", "mimeType": XLSX, "buffer": xlsx_bytes(rows)}
    )
    page.get_by_role("button", name="Tải lên và xem trước").click()
    assert page.locator("h1").inner_text() == "Xem trước khi nhập"
    assert "12 dòng hợp lệ" in page.locator("main").inner_text()
    page.get_by_role("button", name="Xác nhận nhập").click()
    assert "Đã nhập danh sách: thêm 12 người" in page.get_by_role("status").inner_text()
    assert Person.objects.filter(staff_code__startswith="NV").count() == 12
