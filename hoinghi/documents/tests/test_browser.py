"""The clerk's journey in Debian's Chromium, from the home page: the minutes drafted, edited
with a preview, confirmed and issued, then downloaded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from hoinghi.conference.tests.helpers import make_conference, open_and_check_in_all
from hoinghi.documents.models import Document
from hoinghi.documents.tests.reading import full_text, load
from hoinghi.testing import World, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_clerk_drafts_edits_confirms_and_issues_the_minutes(
    world: World, live_server: Any, page: Any, tmp_path: Path
) -> None:
    open_and_check_in_all(world, make_conference(world))
    login(page, live_server.url, "vt01")
    page.get_by_role("link", name="Soạn, ban hành văn bản").first.click()
    page.get_by_label("Loại văn bản").first.select_option("bien-ban-hoi-nghi")
    page.get_by_label("Năm công tác").first.fill("2024")
    page.get_by_role("button", name="Tạo dự thảo").click()
    page.locator("#luu-y").get_by_text("giờ khai mạc do thư ký ghi").wait_for()
    opening = page.locator("textarea[name=opening]")
    opening.fill("Vào hồi 08 giờ 00, tại Hội trường tầng 3, cơ quan tổ chức Hội nghị.")
    page.locator("textarea[name='@summary']").fill("Hội nghị cán bộ, công chức năm 2024")
    page.get_by_role("button", name="Lưu dự thảo").click()
    page.get_by_text("Đã lưu dự thảo.").wait_for()
    page.locator("#xem-truoc").get_by_text("Hội trường tầng 3").wait_for()
    page.locator("#ban-hanh").click()
    page.get_by_role("button", name="Xác nhận ban hành").click()  # not ticked: refused
    assert Document.objects.get().is_draft
    page.get_by_label("Tôi đã kiểm tra bản xem trước và đồng ý ban hành").check()
    page.get_by_role("button", name="Xác nhận ban hành").click()
    page.get_by_text("Đã ban hành văn bản Số 01-BB/CQTN.").wait_for()
    with page.expect_download() as info:
        page.locator("#tai-docx").click()
    path = tmp_path / "bien-ban.docx"
    info.value.save_as(path)
    text = full_text(load(path.read_bytes()))
    assert "Vào hồi 08 giờ 00, tại Hội trường tầng 3, cơ quan tổ chức Hội nghị." in text
    assert "Hội nghị cán bộ, công chức năm 2024" in text
    assert "Số 01-BB/CQTN" in text
    assert Document.objects.get().number == 1
