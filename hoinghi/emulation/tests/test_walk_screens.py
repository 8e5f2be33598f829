"""What the council and the clerk meet on the emulation screens."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from hoinghi.org.services import open_work_year
from hoinghi.testing import World

pytestmark = pytest.mark.django_db


def test_each_judgement_heading_stands_over_its_own_cell(world: World) -> None:
    """The council's whole form sat in one cell spanning the headings «Phong trào thi đua»,
    «Đoàn kết nội bộ», «Nhận xét» and an empty one: one heading per cell, none spanned."""
    open_work_year(world.agency, 2024)
    address = reverse("emulation:judgements", args=[world.agency.code, 2024])
    for user, expected in (
        (world.council, ["Tập thể", "Đánh giá của Hội đồng"]),
        (world.leader, ["Tập thể", "Phong trào thi đua", "Đoàn kết nội bộ", "Nhận xét"]),
    ):
        client = Client()
        client.force_login(user)
        html = client.get(address).content.decode()
        head = html.split("<thead>", 1)[1].split("</thead>", 1)[0]
        body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
        assert re.findall(r"<th>(.*?)</th>", head) == expected
        rows = [r for r in body.split("</tr>") if "<td" in r]
        assert rows and all(len(re.findall(r"<td[ >]", r)) == len(expected) for r in rows)
        assert "colspan" not in body


def test_a_refused_decision_opens_the_page_at_the_decision_form(world: World) -> None:
    """Below a long proposal the refusal was out of sight: the form posts to its own anchor."""
    from hoinghi.emulation.tests.test_refused_forms_keep_values import decide, voted_proposal

    status, page = decide(world, voted_proposal(world), "", "15/01/2025")
    assert status == 200 and "Trường này là bắt buộc." in page
    action = re.search(r'<form method="post" action="([^"]*quyet-dinh/[^"]*)"', page)
    assert action is not None and action.group(1).endswith("#quyet-dinh")
    assert 'id="quyet-dinh"' in page


def test_the_facts_page_choices_start_with_a_vietnamese_prompt(world: World) -> None:
    """The author, person and unit choices began with Django's «---------»."""
    open_work_year(world.agency, 2024)
    client = Client()
    client.force_login(world.clerk)
    html = client.get(reverse("emulation:facts", args=[world.agency.code, 2024])).content.decode()
    assert "---------" not in html
    assert "— Chọn người —" in html and "— Chọn cá nhân —" in html and "— Chọn tập thể —" in html


def test_people_are_ticked_like_units_not_picked_with_ctrl_click(world: World) -> None:
    """The decision and upward forms listed people in a multiple-choice box that needs Ctrl to
    pick a second name (and cannot on many phones): a checkbox each, as the units have."""
    open_work_year(world.agency, 2024)
    client = Client()
    client.force_login(world.clerk)
    for name in ("decisions", "upward"):
        html = client.get(reverse(f"emulation:{name}", args=[world.agency.code, 2024]))
        page = html.content.decode()
        assert '<select name="people"' not in page, name
        assert re.search(r'<input type="checkbox" name="people"', page), name
