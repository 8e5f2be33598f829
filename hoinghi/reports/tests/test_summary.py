"""The summary follows the data: changes show, absent data leaves its paragraph out, the JSON
form gives the text's figures, the command prints both."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from hoinghi.conference.models import Conference
from hoinghi.plans import services as plans
from hoinghi.plans.models import ItemKind, PlanItem
from hoinghi.reports.news import write_news
from hoinghi.reports.numbers import count, share
from hoinghi.reports.selectors import year_summary
from hoinghi.reports.tests.seed_years import ban_dan_van_2020, district_2023

pytestmark = pytest.mark.django_db


def test_a_new_open_task_changes_the_figures_in_the_text() -> None:
    work_year = ban_dan_van_2020()
    assert "27/27 nhiệm vụ" in write_news(year_summary(work_year))
    plans.create_item(work_year, plans.ItemInput(kind=ItemKind.TASK, title="Nhiệm vụ phát sinh"))
    text = write_news(year_summary(work_year))
    assert "27/28 nhiệm vụ" in text and "27/27" not in text


def test_a_cancelled_target_no_longer_counts() -> None:
    work_year = district_2023(conference=False)
    item = PlanItem.objects.filter(work_year=work_year, kind=ItemKind.TARGET).first()
    assert item is not None
    plans.cancel_item(item, reason="Điều chỉnh kế hoạch")
    assert "3/3 chỉ tiêu" in write_news(year_summary(work_year))


def test_without_a_conference_its_paragraphs_are_left_out() -> None:
    text = write_news(year_summary(district_2023(conference=False)))
    assert "4/4 chỉ tiêu" in text
    assert "Dự hội nghị" not in text and "Tại hội nghị" not in text and "nhất trí" not in text


def test_a_vote_short_of_unanimity_is_written_with_its_share() -> None:
    work_year = ban_dan_van_2020()
    conference = Conference.objects.get(agency=work_year.agency)
    conference.motions.update(votes_for=14, votes_against=1)
    text = write_news(year_summary(work_year))
    assert "nhất trí 100%" not in text
    assert "với 14/15 đại biểu tán thành, đạt 93,3%" in text


def test_the_json_fields_are_the_figures_of_the_text() -> None:
    summary = year_summary(district_2023())
    text, data = write_news(summary), summary.to_dict()
    assert f"{data['targets_done']}/{data['targets_total']} chỉ tiêu" in text
    assert f"{data['tasks_done']}/{data['tasks_total']} nhiệm vụ" in text
    ldtt = next(t for t in data["titles"] if t["title"] == "ldtt")
    cstdcs = next(t for t in data["titles"] if t["title"] == "cstdcs")
    assert (ldtt["awarded"], ldtt["base"], cstdcs["awarded"]) == (32, 32, 4)
    assert (
        share(ldtt["awarded"], ldtt["base"]) in text
        and f"có {count(cstdcs['awarded'])} cá nhân" in text
    )
    for group in data["unit_ratings"]:
        assert (
            f"{count(group['count'])} đơn vị {group['label']} ({', '.join(group['names'])})" in text
        )
    c = data["conference"]
    assert f"{c['present']}/{c['convened']}" in text and c["held_on"] == "2024-01-19"
    assert c["votes"][0]["votes_for"] == c["present"] == 32


def test_the_command_prints_the_text_and_the_json() -> None:
    ban_dan_van_2020()
    out = StringIO()
    call_command("report_summary", agency="ban-dan-van-tinh-uy", year=2020, stdout=out)
    assert "Dự hội nghị có 15/15" in out.getvalue()
    out = StringIO()
    call_command(
        "report_summary", agency="ban-dan-van-tinh-uy", year=2020, format="json", stdout=out
    )
    data = json.loads(out.getvalue())
    assert data["tasks_done"] == 27 and data["training_courses"] == 8
    assert data["conference"]["present"] == 15 and "08 lượt" in data["text"]


@pytest.mark.parametrize(
    ("agency", "year", "message"),
    [
        ("khong-co", 2020, "--agency: không có cơ quan mã «khong-co»"),
        (
            "ban-dan-van-tinh-uy",
            1999,
            "--year: Ban Dân vận Tỉnh ủy Bình Nguyên chưa có năm công tác 1999",
        ),
    ],
)
def test_the_command_names_the_wrong_option(agency: str, year: int, message: str) -> None:
    ban_dan_van_2020(conference=False)
    with pytest.raises(CommandError, match=message):
        call_command("report_summary", agency=agency, year=year)


def test_the_summary_costs_a_bounded_number_of_queries(
    django_assert_max_num_queries: object,
) -> None:
    work_year = district_2023()
    with django_assert_max_num_queries(45):  # type: ignore[operator]
        year_summary(work_year)
