"""The year-end journey in a browser: self-assessment, the head's proposal, the leader's
approval refused over the cap (with the citation), fixed and approved."""

from __future__ import annotations

from typing import Any

import pytest

from hoinghi.evaluation.models import PersonEvaluation, Stage
from hoinghi.org.models import WorkYear
from hoinghi.testing import World, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_self_assessment_proposal_refusal_over_the_cap_and_approval(
    world: World, year2026: WorkYear, live_server: Any, browser: Any
) -> None:
    base = live_server.url
    unit_url = f"{base}/danh-gia/{world.agency.code}/2026/don-vi/{world.office.code}/"

    def session(username: str) -> Any:
        page = browser.new_context(locale="vi-VN").new_page()
        page.set_default_timeout(15_000)
        login(page, base, username)
        return page

    staff = session("cb01")
    staff.goto(f"{base}/danh-gia/{world.agency.code}/2026/tu-danh-gia/")
    staff.fill("#id_text", "Hoàn thành 100% nhiệm vụ, 6/10 vượt mức.")
    staff.fill("#id_score", "95")
    staff.select_option("#id_self_rating", "htxs")
    staff.click("text=Gửi bản tự đánh giá")
    staff.wait_for_url("**/ca-nhan/CB01/")
    assert "Hoàn thành 100% nhiệm vụ" in staff.content()

    head = session("td01")
    head.goto(unit_url)
    head.select_option("select[name=rating]", "htxs")
    head.click("form[action$='/de-xuat/CB01/'] button")
    head.wait_for_load_state()
    assert "Đã đề xuất" in head.content()

    leader = session("ld01")
    leader.goto(unit_url)
    leader.click("text=Phê duyệt kết quả xếp loại")
    alert = leader.locator("#loi").inner_text()
    assert "tối đa 0 người" in alert and "335/2025/NĐ-CP" in alert
    assert PersonEvaluation.objects.get().stage == Stage.PROPOSED
    leader.select_option("select[name=rating]", "htt")
    leader.click("form[action$='/de-xuat/CB01/'] button")
    leader.wait_for_load_state()
    leader.click("text=Phê duyệt kết quả xếp loại")
    leader.wait_for_load_state()
    assert "Đã phê duyệt" in leader.content()
    row = PersonEvaluation.objects.get()
    assert row.stage == Stage.APPROVED and row.rating == "htt"
