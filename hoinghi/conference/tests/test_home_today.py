"""On the conference day a participant's home leads straight to their phone page."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from hoinghi.conference import services
from hoinghi.conference.tests.helpers import make_conference
from hoinghi.testing import World

pytestmark = pytest.mark.django_db
DAY = date(2026, 1, 16)


def home(user: object) -> str:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client.get("/").content.decode()


def test_the_day_s_page_is_one_tap_from_home_on_that_day_only(world: World) -> None:
    conference = make_conference(world, held_on=DAY, year=2026)
    page = reverse("conference:delegate", args=[world.agency.code, conference.pk])
    assert conference.participants.filter(person=world.person(world.colleague)).exists()
    with time_machine.travel(date(2026, 1, 15), tick=False):
        assert page not in home(world.colleague)  # the day before
    with time_machine.travel(DAY, tick=False):
        html = home(world.colleague)
        assert page in html and "Hội nghị hôm nay (năm 2026)" in html
        assert "Hạn: <strong>16/01/2026</strong>" in html
        services.open_conference(conference, actor=world.clerk)
        services.close_conference(conference, actor=world.clerk)
        assert page not in home(world.colleague)  # closed: nothing left to do there
