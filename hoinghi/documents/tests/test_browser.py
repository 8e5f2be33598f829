"""The clerk's journey in Debian's Chromium: minutes drafted, edited, issued, downloaded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from hoinghi.conference.tests.helpers import make_conference, open_and_check_in_all
from hoinghi.documents.models import Document
from hoinghi.documents.tests.reading import full_text, load
from hoinghi.testing import World, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_clerk_edits_issues_and_downloads_the_minutes(
    world: World, live_server: Any, page: Any, tmp_path: Path
) -> None:
    open_and_check_in_all(world, make_conference(world))
    login(page, live_server.url, "vt01")
    page.goto(f"{live_server.url}/van-ban/co-quan-thu/")
    page.get_by_label("Loại văn bản").first.select_option("bien-ban-hoi-nghi")
    page.get_by_label("Năm công tác").first.fill("2024")
    page.get_by_role("button", name="Tạo dự thảo").click()
    opening = page.locator("textarea[name=opening]")
    opening.fill("Hội nghị khai mạc lúc 08 giờ 00 tại Hội trường tầng 3, do văn thư ghi lại.")
    page.get_by_role("button", name="Lưu dự thảo").click()
    page.get_by_text("Đã lưu dự thảo.").wait_for()
    page.get_by_role("button", name="Ban hành").click()
    page.get_by_text("Đã ban hành văn bản Số 01-BB/CQTN.").wait_for()
    with page.expect_download() as info:
        page.locator("#tai-docx").click()
    path = tmp_path / "bien-ban.docx"
    info.value.save_as(path)
    text = full_text(load(path.read_bytes()))
    assert "Hội nghị khai mạc lúc 08 giờ 00 tại Hội trường tầng 3, do văn thư ghi lại." in text
    assert "Số 01-BB/CQTN" in text
    assert Document.objects.get().number == 1
