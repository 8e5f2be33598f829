"""The tables' captions read as Vietnamese sentences on every report page."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from hoinghi.org.models import WorkYear
from hoinghi.plans import services as plans
from hoinghi.plans.models import ItemKind
from hoinghi.testing import World

pytestmark = pytest.mark.django_db


def test_the_years_table_is_captioned_by_its_title(world: World) -> None:
    year = WorkYear.objects.create(
        agency=world.agency, year=2023, starts_on=date(2023, 1, 1), ends_on=date(2023, 12, 31)
    )
    plans.create_item(year, plans.ItemInput(kind=ItemKind.TASK, title="Việc"), unit=world.office)
    client = Client()
    client.force_login(world.leader)
    pages = [
        reverse("reports:years", args=[world.agency.code]),
        reverse("reports:dashboard", args=[world.agency.code, 2023]),
    ]
    captions = [
        c
        for url in pages
        for c in re.findall(r"<caption[^>]*>(.*?)</caption>", client.get(url).content.decode())
    ]
    assert "Bảng số liệu «Qua các năm»" in captions
    assert not any("của qua" in c for c in captions)


def test_a_refused_news_edit_keeps_the_text_typed(world: World) -> None:
    """A blank headline redirected to the page and the edited body was lost."""
    from hoinghi.reports.models import NewsDraft

    WorkYear.objects.create(
        agency=world.agency, year=2023, starts_on=date(2023, 1, 1), ends_on=date(2023, 12, 31)
    )
    client = Client()
    client.force_login(world.leader)
    body = "Ngày 10/01/2024, cơ quan tổ chức hội nghị.\n\nĐoạn văn thư viết thêm."
    response = client.post(
        reverse("reports:edit-news", args=[world.agency.code, 2023]),
        {"headline": "   ", "text": body, "byline": "Văn phòng"},
    )
    html = response.content.decode()
    assert response.status_code == 422
    assert "Đoạn văn thư viết thêm." in html and "Trường này là bắt buộc." in html
    assert not NewsDraft.objects.exists()
