"""A staff member's to-do asks for their emulation registration, with the launch's deadline."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from hoinghi.emulation import services
from hoinghi.law.emulation.vocabulary import Title
from hoinghi.org.models import WorkYear
from hoinghi.testing import World

pytestmark = pytest.mark.django_db
TODO = "Đăng ký thi đua năm 2026"


@pytest.fixture
def year(world: World) -> WorkYear:
    return WorkYear.objects.create(
        agency=world.agency, year=2026, starts_on=date(2026, 1, 1), ends_on=date(2026, 12, 31)
    )


def home(user: object) -> str:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client.get("/").content.decode()


def launch(year: WorkYear, deadline: date | None) -> None:
    services.launch_emulation(
        year,
        launched_on=date(2026, 2, 10),
        theme="Đoàn kết, đổi mới, hoàn thành xuất sắc nhiệm vụ",
        registration_deadline=deadline,
    )


@time_machine.travel(date(2026, 3, 2), tick=False)
def test_the_registration_waits_with_the_launch_deadline_until_done(
    world: World, year: WorkYear
) -> None:
    assert TODO not in home(world.colleague)  # nothing launched yet
    launch(year, date(2026, 3, 25))
    html = home(world.colleague)
    assert TODO in html
    assert reverse("emulation:registration", args=[world.agency.code, 2026]) in html
    assert "Hạn: <strong>25/03/2026</strong>" in html
    assert "kế hoạch phát động thi đua ngày 10/02/2026" in html
    services.register_titles(
        year, [Title.LAO_DONG_TIEN_TIEN], person=world.person(world.colleague), on=date(2026, 3, 2)
    )
    assert TODO not in home(world.colleague)


@time_machine.travel(date(2026, 3, 26), tick=False)
def test_past_the_deadline_the_registration_is_no_longer_asked(
    world: World, year: WorkYear
) -> None:
    launch(year, date(2026, 3, 25))
    assert TODO not in home(world.colleague)


@time_machine.travel(date(2026, 3, 2), tick=False)
def test_without_a_deadline_it_is_asked_without_one(world: World, year: WorkYear) -> None:
    launch(year, None)
    html = home(world.colleague)
    assert TODO in html
    todo = html[html.index(TODO) :].split("</li>", 1)[0]
    assert "Hạn:" not in todo
