"""The demo's conferences carry their hours, the presidium's head, the award presenter and the
closing speech: the invitation prints an hour, the news item ends with the closing paragraph."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

import hoinghi.scenarios
from hoinghi.conference.models import Conference
from hoinghi.conference.scenario import dump_conferences
from hoinghi.documents.services import render_kind
from hoinghi.documents.tests.reading import full_text, load
from hoinghi.org.demo import load_demo
from hoinghi.org.models import WorkYear
from hoinghi.org.scenario import DumpContext, ScenarioError, load_scenario_text
from hoinghi.reports.news import write_news
from hoinghi.reports.selectors import year_summary

pytestmark = pytest.mark.django_db

SCENARIOS = Path(hoinghi.scenarios.__file__).parent


@pytest.fixture
def demo(db: None) -> None:
    load_demo()


def test_the_demo_conferences_carry_hours_head_presenter_and_speech(demo: None) -> None:
    district = Conference.objects.get(agency__code="co-quan-huyen-uy", year=2024)
    assert (district.starts_at, district.minutes_opened_at, district.minutes_closed_at) == (
        time(7, 30),
        time(7, 30),
        time(11, 0),
    )
    assert district.presidium_head is not None and district.presidium_head.staff_code == "HU01"
    assert district.awards_presented_by is not None
    assert district.awards_presented_by.staff_code == "HU02"
    assert district.closing_points.count("\n") == 2 and district.closing_quote
    bdv = Conference.objects.get(agency__code="ban-dan-van-tinh-uy", year=2021)
    assert bdv.starts_at == time(14, 0)
    assert bdv.closing_quote == "Dân vận khéo thì việc gì cũng thành công"


def test_the_demo_invitation_prints_the_hour_and_the_minutes_the_recorded_hours(
    demo: None,
) -> None:
    district = Conference.objects.select_related("agency").get(
        agency__code="co-quan-huyen-uy", year=2024
    )
    invitation = full_text(load(render_kind("giay-moi", district.agency, 2024)))
    assert "07 giờ 30, ngày 19 tháng 01 năm 2024" in invitation
    minutes = full_text(load(render_kind("bien-ban-hoi-nghi", district.agency, 2024)))
    assert "Vào hồi 07 giờ 30, ngày 19 tháng 01 năm 2024" in minutes
    assert "kết thúc vào hồi 11 giờ 00" in minutes


def test_the_demo_news_items_end_with_the_closing_speech(demo: None) -> None:
    bdv = write_news(
        year_summary(WorkYear.objects.get(agency__code="ban-dan-van-tinh-uy", year=2020))
    )
    assert "Phát biểu kết luận hội nghị, đồng chí Phạm Văn Quang" in bdv
    assert "nhấn mạnh: “Dân vận khéo thì việc gì cũng thành công”." in bdv
    assert "Đồng chí Phạm Văn Quang - Trưởng Ban đã trao danh hiệu thi đua" in bdv
    district = write_news(
        year_summary(WorkYear.objects.get(agency__code="co-quan-huyen-uy", year=2023))
    )
    assert "Phát biểu kết luận hội nghị, đồng chí Trần Minh Khoa" in district
    assert district.index("Chủ tịch Công đoàn cơ quan đã trao") < district.index(
        "Phát biểu kết luận hội nghị"
    )


def test_the_closing_fields_survive_a_dump_and_a_reload_unchanged(demo: None) -> None:
    district = Conference.objects.select_related("agency").get(
        agency__code="co-quan-huyen-uy", year=2024
    )
    rows = dump_conferences(DumpContext(district.agency))
    row = next(r for r in rows if r["year"] == 2024)
    assert {k: row[k] for k in ("starts_at", "opened_at", "closed_at", "presidium_head")} == {
        "starts_at": "07:30",
        "opened_at": "07:30",
        "closed_at": "11:00",
        "presidium_head": "HU01",
    }
    assert row["awards_by"] == "HU02" and row["closing"]["speaker"] == "HU01"
    assert len(row["closing"]["points"]) == 3
    load_demo()  # the same files again: nothing changes
    again = Conference.objects.get(agency__code="co-quan-huyen-uy", year=2024)
    assert again.pk == district.pk


def test_an_unquoted_hour_is_named_with_its_place_and_nothing_is_written(demo: None) -> None:
    text = (SCENARIOS / "co-quan-huyen-uy-2023.yaml").read_text(encoding="utf-8")
    assert 'closed_at: "11:00"' in text
    text = text.replace('closed_at: "11:00"', "closed_at: 11:00")  # YAML reads 660 minutes
    with pytest.raises(ScenarioError) as error:
        load_scenario_text(text, source="co-quan-huyen-uy-2023.yaml")
    assert "conferences[0].closed_at" in str(error.value) and '"07:30"' in str(error.value)
    kept = Conference.objects.get(agency__code="co-quan-huyen-uy", year=2024)
    assert kept.minutes_closed_at == time(11, 0)


def test_a_head_outside_the_presidium_is_refused(demo: None) -> None:
    text = (SCENARIOS / "co-quan-huyen-uy-2023.yaml").read_text(encoding="utf-8")
    text = text.replace("presidium_head: HU01", "presidium_head: HU20")
    with pytest.raises(ScenarioError) as error:
        load_scenario_text(text, source="co-quan-huyen-uy-2023.yaml")
    assert "không ở trong Đoàn Chủ tịch" in str(error.value)
    kept = Conference.objects.get(agency__code="co-quan-huyen-uy", year=2024)
    assert kept.presidium_head is not None and kept.presidium_head.staff_code == "HU01"
