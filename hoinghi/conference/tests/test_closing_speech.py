"""The secretary records the closing speech and who handed the awards; the news item says so."""

from __future__ import annotations

import pytest

from hoinghi.conference.models import Conference
from hoinghi.conference.tests.helpers import make_conference
from hoinghi.conference.tests.test_views import client_for, url
from hoinghi.reports.news import write_news
from hoinghi.reports.selectors import year_summary
from hoinghi.testing import World

pytestmark = pytest.mark.django_db


def test_the_secretary_records_the_closing_speech_and_the_news_carries_it(world: World) -> None:
    conference = make_conference(world)
    leader, chair = world.person(world.leader), world.person(world.union_chair)
    response = client_for(world.clerk).post(
        url("closing", conference),
        {
            "action": "closing_speech",
            "speaker": leader.pk,
            "points": "Biểu dương tập thể cơ quan\r\nđề nghị phát huy tinh thần đoàn kết",
            "quote": "Dân vận khéo thì việc gì cũng thành công",
            "awards_by": chair.pk,
        },
        follow=True,
    )
    assert "Đã ghi phát biểu kết luận" in response.content.decode()
    conference = Conference.objects.get(pk=conference.pk)
    assert (conference.closing_speaker, conference.awards_presented_by) == (leader, chair)
    assert conference.closing_points == (
        "Biểu dương tập thể cơ quan\nđề nghị phát huy tinh thần đoàn kết"
    )
    assert conference.reviewed_year is not None
    text = write_news(year_summary(conference.reviewed_year))
    assert f"Phát biểu kết luận hội nghị, đồng chí {leader.full_name}" in text
    assert "đã biểu dương tập thể cơ quan; đề nghị phát huy tinh thần đoàn kết." in text
    assert "nhấn mạnh: “Dân vận khéo thì việc gì cũng thành công”." in text


def test_points_without_a_speaker_are_refused_and_nothing_changes(world: World) -> None:
    conference = make_conference(world)
    page = client_for(world.clerk).post(
        url("closing", conference),
        {"action": "closing_speech", "points": "Một ý", "quote": ""},
        follow=True,
    )
    assert "chọn người phát biểu" in page.content.decode()
    assert Conference.objects.get(pk=conference.pk).closing_points == ""


def test_staff_outside_the_presidium_may_not_record_it(world: World) -> None:
    conference = make_conference(world)
    response = client_for(world.colleague).post(
        url("closing", conference), {"action": "closing_speech", "points": "x"}
    )
    assert response.status_code == 403
    assert Conference.objects.get(pk=conference.pk).closing_points == ""
