"""The news item: edited by the leaders before publishing, published as an HTML page, with its
staff named as the agency employs them."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from hoinghi.audit.models import AuditEntry
from hoinghi.org.models import StaffCategory, WorkYear
from hoinghi.reports.models import NewsDraft, PublishedSummary
from hoinghi.reports.selectors import year_summary
from hoinghi.reports.tests.test_views import CODE, client_for
from hoinghi.reports.tests.test_views import year as year  # noqa: F401 (fixture)
from hoinghi.testing import World

pytestmark = pytest.mark.django_db


def urls(name: str) -> str:
    return reverse(f"reports:{name}", args=[CODE, 2023])


def test_the_leader_edits_previews_and_publishes_the_item(world: World, year: WorkYear) -> None:
    leader, colleague = client_for(world.leader), client_for(world.colleague)
    page = leader.get(urls("news")).content.decode()
    assert "Sửa tin bài trước khi công bố" in page and "Viết tự động từ số liệu" in page
    text = "Ngày 10/01/2024, cơ quan tổ chức hội nghị.\r\n\r\nCơ quan hoàn thành 2/3 nhiệm vụ."
    response = leader.post(
        urls("edit-news"),
        {"headline": "Hội nghị cán bộ năm 2024", "text": text, "byline": "Trần Văn Lãnh"},
        follow=True,
    )
    page = response.content.decode()
    assert "Đã lưu bản sửa tin bài" in page and "<h1>Hội nghị cán bộ năm 2024</h1>" in page
    assert '<p class="lead"><strong>Ngày 10/01/2024, cơ quan tổ chức hội nghị.</strong></p>' in page
    assert colleague.get(urls("news")).status_code == 404  # not published yet
    leader.post(urls("publish-news"))
    published = PublishedSummary.objects.get()
    assert (published.headline, published.byline) == ("Hội nghị cán bộ năm 2024", "Trần Văn Lãnh")
    assert published.text == text.replace("\r\n", "\n")
    staff_page = colleague.get(urls("news")).content.decode()
    assert "<h1>Hội nghị cán bộ năm 2024</h1>" in staff_page and "Trần Văn Lãnh" in staff_page
    assert "Sửa tin bài" not in staff_page
    assert AuditEntry.objects.filter(action="reports.edit_news", actor=world.leader).exists()


def test_discarding_the_edit_writes_the_item_again_from_the_figures(
    world: World, year: WorkYear
) -> None:
    leader = client_for(world.leader)
    leader.post(urls("edit-news"), {"headline": "Tiêu đề sửa", "text": "Một đoạn.", "byline": ""})
    assert NewsDraft.objects.count() == 1
    page = leader.post(urls("edit-news"), {"viet-lai": "1"}, follow=True).content.decode()
    assert NewsDraft.objects.count() == 0 and "Tiêu đề sửa" not in page
    assert "2/3 nhiệm vụ" in page


def test_a_bad_edit_is_named_and_changes_nothing(world: World, year: WorkYear) -> None:
    leader = client_for(world.leader)
    page = leader.post(
        urls("edit-news"), {"headline": "   ", "text": "x" * 40_000, "byline": ""}, follow=True
    ).content.decode()
    assert "Tiêu đề" in page and "Sa-pô và thân bài" in page
    assert not NewsDraft.objects.exists()


def test_staff_may_not_edit_the_item(world: World, year: WorkYear) -> None:
    response = client_for(world.colleague).post(
        urls("edit-news"), {"headline": "Tin giả", "text": "Tin giả.", "byline": ""}
    )
    assert response.status_code == 403 and not NewsDraft.objects.exists()


def test_public_employees_are_named_in_the_conference_and_the_figures(
    world: World, year: WorkYear
) -> None:
    assert year_summary(year).staff_noun == "cán bộ, công chức, người lao động"
    person = world.person(world.colleague)
    person.category = StaffCategory.PUBLIC_EMPLOYEE
    person.save(update_fields=["category"])
    assert year_summary(year).staff_noun == "cán bộ, công chức, viên chức, người lao động"


def test_a_year_without_figures_is_not_published(world: World) -> None:
    WorkYear.objects.create(
        agency=world.agency, year=2021, starts_on=date(2021, 1, 1), ends_on=date(2021, 12, 31)
    )
    response = client_for(world.leader).post(
        reverse("reports:publish-news", args=[CODE, 2021]), follow=True
    )
    assert "chưa có số liệu" in response.content.decode()
    assert not PublishedSummary.objects.exists()
