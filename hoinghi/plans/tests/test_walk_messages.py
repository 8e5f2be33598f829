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
