"""Dashboard, exports and the news page: allowed, forbidden and not found, per persona."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from hoinghi.audit.models import AuditEntry
from hoinghi.org.home import HomeLink
from hoinghi.org.models import Agency, AgencyKind, WorkYear
from hoinghi.plans import services as plans
from hoinghi.plans.models import ItemKind
from hoinghi.reports.models import PublishedSummary
from hoinghi.testing import PASSWORD, World

pytestmark = pytest.mark.django_db
CODE = "co-quan-thu"
ALLOWED = ("admin", "clerk", "leader", "union_chair", "council")
STAFF_ONLY = ("head", "colleague", "outsider", "inspector")


@pytest.fixture
def year(world: World) -> WorkYear:
    work_year = WorkYear.objects.create(
        agency=world.agency, year=2023, starts_on=date(2023, 1, 1), ends_on=date(2023, 12, 31)
    )
    for n in range(3):
        item = plans.create_item(
            work_year,
            plans.ItemInput(kind=ItemKind.TASK, title=f"=Nhiệm vụ {n}"),
            unit=world.office,
        )
        if n < 2:
            plans.record_progress(item, progress_percent=100, completed_on=date(2023, 6, 1))
    return work_year


def client_for(user: User) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


PAGES = [
    ("reports:years", ()),
    ("reports:export-trends", ()),
    ("reports:dashboard", (2023,)),
    ("reports:export-dashboard", (2023,)),
]


@pytest.mark.parametrize(("name", "args"), PAGES)
@pytest.mark.parametrize("persona", ALLOWED)
def test_leaders_clerk_union_and_council_see_the_dashboard(
    world: World, year: WorkYear, persona: str, name: str, args: tuple[int, ...]
) -> None:
    response = client_for(getattr(world, persona)).get(reverse(name, args=[CODE, *args]))
    assert response.status_code == 200


@pytest.mark.parametrize(("name", "args"), PAGES)
@pytest.mark.parametrize("persona", STAFF_ONLY)
def test_other_staff_are_refused_the_dashboard(
    world: World, year: WorkYear, persona: str, name: str, args: tuple[int, ...]
) -> None:
    assert (
        client_for(getattr(world, persona)).get(reverse(name, args=[CODE, *args])).status_code
        == 403
    )


@pytest.mark.parametrize(("name", "args"), [*PAGES, ("reports:news", (2023,))])
def test_another_agency_gets_not_found(
    world: World, year: WorkYear, name: str, args: tuple[int, ...]
) -> None:
    assert client_for(world.stranger).get(reverse(name, args=[CODE, *args])).status_code == 404


@pytest.mark.parametrize("name", ["reports:dashboard", "reports:export-dashboard", "reports:news"])
def test_a_year_without_work_year_is_not_found(world: World, year: WorkYear, name: str) -> None:
    assert client_for(world.leader).get(reverse(name, args=[CODE, 1999])).status_code == 404


def test_an_unknown_agency_is_not_found(world: World) -> None:
    assert (
        client_for(world.leader).get(reverse("reports:years", args=["khong-co"])).status_code == 404
    )


def test_the_dashboard_shows_each_chart_beside_its_table(
    world: World, year: WorkYear, django_assert_max_num_queries: object
) -> None:
    client = client_for(world.leader)
    client.get(reverse("reports:dashboard", args=[CODE, 2023]))  # warm the session and role caches
    with django_assert_max_num_queries(40):  # type: ignore[operator]
        response = client.get(reverse("reports:dashboard", args=[CODE, 2023]))
    html = response.content.decode()
    assert html.count('role="img"') >= 2 and "<title" in html and "<desc" in html
    assert (
        "Chỉ tiêu, nhiệm vụ" in html
        and '<th scope="row">Nhiệm vụ</th><td>3</td><td>2</td><td>1</td>' in html
    )


def test_the_export_has_every_table_and_no_formula(world: World, year: WorkYear) -> None:
    response = client_for(world.clerk).get(reverse("reports:export-dashboard", args=[CODE, 2023]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    assert len(book.sheetnames) == 6
    cells = [
        c for s in book.worksheets for row in s.iter_rows() for c in row if c.value is not None
    ]
    assert cells and all(c.data_type != "f" for c in cells)


def test_staff_see_the_news_only_once_published(world: World, year: WorkYear) -> None:
    url = reverse("reports:news", args=[CODE, 2023])
    colleague = client_for(world.colleague)
    assert colleague.get(url).status_code == 404
    leader = client_for(world.leader)
    assert "Bản nháp" in leader.get(url).content.decode()
    response = leader.post(reverse("reports:publish-news", args=[CODE, 2023]), follow=True)
    assert "Đã công bố bản tin năm 2023" in response.content.decode()
    published = PublishedSummary.objects.get(agency=world.agency, year=2023)
    assert published.figures["tasks_done"] == 2 and "2/3 nhiệm vụ" in published.text
    assert (
        AuditEntry.objects.filter(action="reports.publish_summary", actor=world.leader).count() == 1
    )
    page = colleague.get(url)
    assert page.status_code == 200 and "2/3 nhiệm vụ" in page.content.decode()
    assert "Công bố" not in page.content.decode()


def test_staff_cannot_publish_and_nothing_changes(world: World, year: WorkYear) -> None:
    response = client_for(world.colleague).post(reverse("reports:publish-news", args=[CODE, 2023]))
    assert response.status_code == 403 and not PublishedSummary.objects.exists()


def test_publishing_an_empty_year_says_why_and_stores_nothing(world: World) -> None:
    WorkYear.objects.create(
        agency=world.agency, year=2022, starts_on=date(2022, 1, 1), ends_on=date(2022, 12, 31)
    )
    response = client_for(world.leader).post(
        reverse("reports:publish-news", args=[CODE, 2022]), follow=True
    )
    assert "Năm 2022 chưa có số liệu nào để viết bản tin." in response.content.decode()
    assert not PublishedSummary.objects.exists()


def test_a_province_sums_its_agencies(world: World, year: WorkYear) -> None:
    world.agency.parent = Agency.objects.create(
        code="tinh", name="Tỉnh ủy Mẫu", abbreviation="TU", kind=AgencyKind.PARTY, place_name="Mẫu"
    )
    world.agency.save()
    Agency.objects.create(
        code="so-b",
        name="Sở B",
        abbreviation="SB",
        kind=AgencyKind.STATE,
        place_name="Mẫu",
        parent=world.agency.parent,
    )
    from hoinghi.testing import grant

    grant(world.leader, "lanh_dao", world.agency.parent)
    client = client_for(world.leader)
    html = client.get(reverse("reports:province", args=["tinh", 2023])).content.decode()
    assert "Cơ quan Thử nghiệm" in html and "Sở B" in html and "<th>Cộng</th>" in html
    book = load_workbook(
        io.BytesIO(client.get(reverse("reports:export-province", args=["tinh", 2023])).content)
    )
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[-1][0] == "Cộng" and rows[-1][4] == 2 and rows[-1][5] == 3
    assert client.get(reverse("reports:province", args=[CODE, 2023])).status_code == 404


def test_the_home_page_links_to_reports_per_role(world: World, year: WorkYear) -> None:
    from hoinghi.org.home import links_for

    assert any(link.title == "Báo cáo, thống kê" for link in links_for(world.leader, world.agency))
    assert not links_for_reports(world.colleague, world.agency)
    PublishedSummary.objects.create(
        agency=world.agency, year=2023, text="x", published_at="2024-01-20T08:00Z"
    )
    assert [link.title for link in links_for_reports(world.colleague, world.agency)] == [
        "Bản tin Hội nghị, năm 2023"
    ]


def links_for_reports(user: User, agency: Agency) -> list[HomeLink]:
    from hoinghi.reports.home import reports_links

    return reports_links(user, agency)
