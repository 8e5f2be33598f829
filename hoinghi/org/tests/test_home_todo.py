"""Each role's home is a to-do list with the law's deadlines, and the year board counts."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hoinghi.org.models import WorkYear
from hoinghi.testing import World, make_person

pytestmark = pytest.mark.django_db


def client_for(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


@pytest.fixture
def year(world: World) -> WorkYear:
    return WorkYear.objects.create(
        agency=world.agency, year=2024, starts_on=date(2024, 1, 1), ends_on=date(2024, 12, 31)
    )


def test_staff_see_their_self_assessment_with_the_law_deadline(
    world: World, year: WorkYear
) -> None:
    html = client_for(world.colleague).get("/").content.decode()
    assert "Việc cần làm" in html
    assert "Tự đánh giá năm 2024" in html
    assert reverse("evaluation:self-assess", args=[world.agency.code, 2024]) in html
    assert "Hạn: <strong>15/12/2024</strong>" in html
    assert "Nghị định" in html  # the deadline's citation
    assert "Các bước năm 2024" not in html  # the board is for agency-wide roles


def test_the_clerk_sees_the_year_board_with_counts(world: World, year: WorkYear) -> None:
    html = client_for(world.clerk).get("/").content.decode()
    assert "Các bước năm 2024" in html
    assert "0/9 đã tự đánh giá" in html
    # The conference that reviews 2024 is due within 3 months of the year's end (L10 Art 51.1).
    assert re.search(
        r"Hội nghị năm 2025 \(tổng kết năm 2024\).*?hạn 31/03/2025 \(khoản 1 Điều 51", html, re.S
    )
    assert reverse("plans:year", args=[world.agency.code, 2024]) in html
    assert reverse("org:accounts", args=[world.agency.code]) in html


def test_the_unit_head_is_asked_for_proposals_and_the_council_for_its_judgement(
    world: World, year: WorkYear
) -> None:
    from hoinghi.evaluation import services

    quiet = client_for(world.head).get("/").content.decode()
    assert "Đề xuất xếp loại: Văn phòng" not in quiet  # nobody waits yet
    assert reverse("evaluation:unit", args=[world.agency.code, 2024, "van-phong"]) in quiet
    services.submit_self_assessment(
        world.person(world.colleague),
        year,
        services.SelfAssessment(text="Đã làm.", self_rating="ht"),
    )
    head = client_for(world.head).get("/").content.decode()
    assert "Đề xuất xếp loại: Văn phòng" in head
    assert "1 người chờ trưởng đơn vị đề xuất" in head
    assert reverse("evaluation:unit", args=[world.agency.code, 2024, "van-phong"]) in head
    council = client_for(world.council).get("/").content.decode()
    assert "Hội đồng thi đua đánh giá tập thể năm 2024" in council


def home_queries(user: object) -> int:
    client = client_for(user)
    client.get("/")
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/").status_code == 200
    return len(ctx.captured_queries)


def test_the_home_page_costs_the_same_queries_for_10_and_310_people(
    world: World, year: WorkYear
) -> None:
    small = {u.username: home_queries(u) for u in (world.clerk, world.head, world.colleague)}
    for i in range(300):
        make_person(world.agency, f"NV{i:03d}", f"Người Số {i}", unit=world.board)
    large = {u.username: home_queries(u) for u in (world.clerk, world.head, world.colleague)}
    assert large == small


def test_every_page_names_a_favicon_served_from_the_app_itself(world: World) -> None:
    from django.contrib.staticfiles import finders

    html = client_for(world.colleague).get("/").content.decode()
    assert '<link rel="icon" type="image/svg+xml" href="/static/hoinghi/favicon.svg">' in html
    path = finders.find("hoinghi/favicon.svg")
    assert path is not None
    with open(str(path), encoding="utf-8") as svg:
        assert svg.read().startswith("<svg")


def test_an_open_vote_waits_in_the_to_do_until_cast(world: World, year: WorkYear) -> None:
    from hoinghi.voting.models import Participation
    from hoinghi.voting.tests.factories import motion

    poll = motion(world)
    html = client_for(world.colleague).get("/").content.decode()
    assert f"Bỏ phiếu: {poll.title}" in html
    Participation.objects.create(poll=poll, person=world.person(world.colleague), key_digest="x")
    html = client_for(world.colleague).get("/").content.decode()
    assert f"Bỏ phiếu: {poll.title}" not in html
