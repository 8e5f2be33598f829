"""The "Cơ sở pháp lý" page lists the rules in force on the date asked for."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from hoinghi.testing import PASSWORD, World

pytestmark = pytest.mark.django_db


def page(world: World, **params: str) -> str:
    client = Client()
    client.login(username=world.colleague.username, password=PASSWORD)
    response = client.get(reverse("legal-basis"), params)
    assert response.status_code == 200
    return response.content.decode()


def test_it_shows_the_conference_rules_of_law_10_2022_in_2024(world: World) -> None:
    html = page(world, ngay="15/01/2024")
    assert "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15" in html
    assert "điểm c khoản 2 Điều 51" in html


def test_it_shows_decree_04_2015_for_a_date_in_2020(world: World) -> None:
    html = page(world, ngay="2020-12-25")
    assert "04/2015/NĐ-CP" in html
    assert (
        "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15" not in html.split("Văn bản có hiệu lực")[0]
    )


def test_a_date_it_cannot_read_gets_a_vietnamese_message(world: World) -> None:
    assert "Không đọc được ngày" in page(world, ngay="31/02/2024")


def test_an_anonymous_visitor_is_sent_to_sign_in() -> None:
    assert Client().get(reverse("legal-basis")).status_code == 302
