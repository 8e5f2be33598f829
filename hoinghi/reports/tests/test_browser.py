"""In Chromium: the dashboard's charts render, visible, with one bar per figure."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from hoinghi.org.models import WorkYear
from hoinghi.plans import services as plans
from hoinghi.plans.models import ItemKind
from hoinghi.testing import World, login

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_leader_sees_the_charts_of_the_year(world: World, live_server: Any, page: Any) -> None:
    work_year = WorkYear.objects.create(
        agency=world.agency, year=2023, starts_on=date(2023, 1, 1), ends_on=date(2023, 12, 31)
    )
    for n in range(4):
        item = plans.create_item(
            work_year, plans.ItemInput(kind=ItemKind.TASK, title=f"Nhiệm vụ {n}")
        )
        if n:
            plans.record_progress(item, progress_percent=100, completed_on=date(2023, 6, 1))
    login(page, live_server.url, world.leader.username)
    page.goto(f"{live_server.url}/bao-cao/co-quan-thu/2023/")
    chart = page.locator("#bang-chi-tieu svg[role=img]")
    chart.wait_for(state="visible")
    assert chart.bounding_box()["width"] > 200
    assert page.locator("#bang-chi-tieu svg .bar").count() == 4  # two rows: done and not done
    assert page.locator("#bang-dao-tao svg .bar").count() == 2
    assert (
        page.locator("#bang-chi-tieu svg title").first.text_content()
        == "Chỉ tiêu, nhiệm vụ năm 2023"
    )
    assert page.locator("#bang-chi-tieu table").is_visible()


def test_the_leader_edits_the_news_item_and_staff_read_it_published(
    world: World, live_server: Any, page: Any, browser: Any
) -> None:
    work_year = WorkYear.objects.create(
        agency=world.agency, year=2023, starts_on=date(2023, 1, 1), ends_on=date(2023, 12, 31)
    )
    item = plans.create_item(work_year, plans.ItemInput(kind=ItemKind.TASK, title="Nhiệm vụ"))
    plans.record_progress(item, progress_percent=100, completed_on=date(2023, 6, 1))
    login(page, live_server.url, world.leader.username)
    page.goto(f"{live_server.url}/bao-cao/co-quan-thu/2023/ban-tin/")
    page.fill("#id_headline", "Cơ quan Thử nghiệm tổng kết năm 2023")
    page.fill("#id_byline", "Trần Văn Lãnh, Văn phòng")
    page.click("button[name=luu]")
    assert page.locator("article h1").text_content() == "Cơ quan Thử nghiệm tổng kết năm 2023"
    page.get_by_role("button", name="Công bố bản tin cho cán bộ").click()
    assert "Đã công bố bản tin năm 2023" in page.content()
    other = browser.new_page()
    login(other, live_server.url, world.colleague.username)
    other.goto(f"{live_server.url}/bao-cao/co-quan-thu/2023/ban-tin/")
    assert other.locator("article h1").text_content() == "Cơ quan Thử nghiệm tổng kết năm 2023"
    assert "1/1 nhiệm vụ" in other.locator("article").text_content()
    assert other.locator("article .byline").text_content().strip() == "Trần Văn Lãnh, Văn phòng"
    assert other.locator("#id_headline").count() == 0
    other.close()
