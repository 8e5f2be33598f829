"""What the clerk reads importing a plan and adding an item by hand."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from hoinghi.org.models import WorkYear
from hoinghi.plans.tests.test_import_and_views import run, xlsx
from hoinghi.testing import World

pytestmark = pytest.mark.django_db


def test_a_target_value_that_is_not_a_number_is_one_sentence(year: WorkYear) -> None:
    report = run(year, xlsx([["Chỉ tiêu", "1", "Tin", "", "", "", "%", "abc", "31/12/2023"]]))
    assert report.errors == [
        "Dòng 2: cột «Giá trị chỉ tiêu» phải là số, nhỏ hơn 1.000.000.000.000: «abc»."
    ]


def test_each_field_of_the_item_form_stands_on_its_own_line(world: World, year: WorkYear) -> None:
    client = Client()
    client.force_login(world.clerk)
    url = reverse("plans:create-item", args=[world.agency.code, year.year])
    html = client.get(url).content.decode()
    labels = re.findall(r'<label for="(id_\w+)"', html)
    assert len(labels) > 3
    for name in labels:
        assert re.search(rf'<div>\s*<label for="{name}"', html), name


def test_a_refused_progress_report_keeps_what_was_typed(world: World, year: WorkYear) -> None:
    """The item page redirected on a refusal and the typed note was lost."""
    from hoinghi.plans import services

    item = services.create_item(
        year,
        services.ItemInput(kind="nhiem_vu", title="Của tôi"),
        person=world.person(world.colleague),
    )
    client = Client()
    client.force_login(world.colleague)
    note = "Đã hoàn thành dự thảo, chờ lãnh đạo cho ý kiến."
    response = client.post(
        reverse("plans:record-progress", args=[world.agency.code, year.year, item.pk]),
        {"progress_percent": "80", "completed_on": "2023-11-20", "note": note},
    )
    html = response.content.decode()
    assert response.status_code == 422
    assert note in html and 'value="80"' in html and 'value="2023-11-20"' in html
    assert "Ngày hoàn thành" in html
    item.refresh_from_db()
    assert item.progress_percent == 0


def test_the_assignment_choices_start_with_a_vietnamese_prompt(
    world: World, year: WorkYear
) -> None:
    from hoinghi.plans import services

    item = services.create_item(
        year, services.ItemInput(kind="nhiem_vu", title="Việc"), unit=world.office
    )
    client = Client()
    client.force_login(world.clerk)
    html = client.get(reverse("plans:item", args=[world.agency.code, year.year, item.pk]))
    page = html.content.decode()
    assert "---------" not in page
    assert "— Chọn đơn vị —" in page and "— Chọn người —" in page
    add = client.get(reverse("plans:create-item", args=[world.agency.code, year.year]))
    assert "---------" not in add.content.decode()
