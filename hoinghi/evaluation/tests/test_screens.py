"""The leader's screen for the units' levels and the clerk's screen for leave and discipline."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from hoinghi.audit.models import AuditEntry
from hoinghi.evaluation import services
from hoinghi.evaluation.models import Absence, Discipline, UnitEvaluation
from hoinghi.org.models import Agency, AgencyKind, Role, Unit, WorkYear
from hoinghi.testing import PASSWORD, World, grant, make_person

pytestmark = pytest.mark.django_db


def client_for(user: User) -> Client:
    c = Client()
    assert c.login(username=user.username, password=PASSWORD)
    return c


@pytest.fixture
def year2023(world: World) -> WorkYear:
    return WorkYear.objects.create(
        agency=world.agency, year=2023, starts_on=date(2023, 1, 1), ends_on=date(2023, 12, 31)
    )


def units_url(world: World, year: int = 2023) -> str:
    return reverse("evaluation:units", args=[world.agency.code, year])


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("leader", 200),
        ("clerk", 200),
        ("admin", 200),
        ("head", 403),
        ("colleague", 403),
        ("stranger", 404),
    ],
)
def test_who_may_open_the_units_screen(
    world: World, year2023: WorkYear, persona: str, status: int
) -> None:
    assert client_for(getattr(world, persona)).get(units_url(world)).status_code == status


def test_an_unknown_year_is_not_found(world: World, year2023: WorkYear) -> None:
    assert client_for(world.leader).get(units_url(world, 1999)).status_code == 404


def test_the_leader_records_the_superior_bodys_decision(world: World, year2023: WorkYear) -> None:
    services.propose_unit_rating(world.office, year2023, rating="htxs")
    c = client_for(world.leader)
    page = c.get(units_url(world)).content.decode()
    assert "Cơ quan Đảng" in page and 'value="htxs" selected' in page
    form = {
        "rating_van-phong": "htxs",
        "rating_ban-to-chuc": "htt",
        "issuer": "Ban Thường vụ Huyện ủy",
        "decision_number": "",
        "decided_on": "20/12/2023",
    }
    refused = c.post(units_url(world), form)
    assert (
        refused.status_code == 422
        and "ghi số quyết định của cấp ủy cấp trên" in refused.content.decode()
    )
    assert not UnitEvaluation.objects.filter(rating="htxs").exists()
    form["decision_number"] = "125-QĐ/HU"
    assert c.post(units_url(world), form).status_code == 302
    office = UnitEvaluation.objects.get(unit=world.office)
    assert (office.rating, office.issuer, office.decided_on) == (
        "htxs",
        "Ban Thường vụ Huyện ủy",
        date(2023, 12, 20),
    )
    assert (
        AuditEntry.objects.filter(action="evaluation.decide_units", actor=world.leader).count() == 1
    )
    assert client_for(world.colleague).post(units_url(world), form).status_code == 403


def test_nothing_chosen_or_a_bad_date_is_refused_in_vietnamese(
    world: World, year2023: WorkYear
) -> None:
    c = client_for(world.leader)
    empty = c.post(
        units_url(world),
        {"issuer": "Ban Thường vụ", "decision_number": "1", "decided_on": "20/12/2023"},
    )
    assert empty.status_code == 422 and "ít nhất một đơn vị" in empty.content.decode()
    bad = c.post(
        units_url(world),
        {
            "rating_van-phong": "htt",
            "issuer": "Ban Thường vụ",
            "decision_number": "1",
            "decided_on": "31/02/2023",
        },
    )
    assert "Ngày quyết định không hợp lệ" in bad.content.decode()
    assert not UnitEvaluation.objects.exists()


def test_public_service_units_show_the_cap_and_how_many_more(db: None) -> None:
    agency = Agency.objects.create(
        code="ttyt",
        name="Trung tâm Y tế",
        abbreviation="TTYT",
        kind=AgencyKind.PUBLIC_SERVICE,
        place_name="Huế",
    )
    units = [
        Unit.objects.create(agency=agency, code=f"khoa-{i}", name=f"Khoa {i}", position=i)
        for i in range(4)
    ]
    WorkYear.objects.create(
        agency=agency, year=2026, starts_on=date(2026, 1, 1), ends_on=date(2026, 12, 31)
    )
    leader = make_person(
        agency, "GD01", "Lê Văn Giám", unit=units[0], username="gd01", is_leader=True
    ).user
    grant(leader, Role.LEADER, agency)
    c = client_for(leader)  # type: ignore[arg-type]
    url = reverse("evaluation:units", args=["ttyt", 2026])
    assert 'id="con-lai">1<' in c.get(url).content.decode()
    form = {
        "rating_khoa-0": "htxs",
        "rating_khoa-1": "htxs",
        "rating_khoa-2": "htt",
        "issuer": "Giám đốc Sở Y tế",
        "decided_on": "10/12/2026",
    }
    refused = c.post(url, form)
    text = refused.content.decode()
    assert refused.status_code == 422 and "233/2026" in text and 'id="con-lai">0<' in text
    assert not UnitEvaluation.objects.exists()


def leave_url(world: World) -> str:
    return reverse("evaluation:leave", args=[world.agency.code])


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("clerk", 200),
        ("admin", 200),
        ("leader", 403),
        ("head", 403),
        ("colleague", 403),
        ("stranger", 404),
    ],
)
def test_who_may_open_the_leave_screen(world: World, persona: str, status: int) -> None:
    assert client_for(getattr(world, persona)).get(leave_url(world)).status_code == status


def absence(person: str = "CB01", **kw: str) -> dict[str, str]:
    return {
        "form": "absence",
        "nghi-person": person,
        "nghi-kind": "thai_san",
        "nghi-starts_on": "01/03/2024",
        "nghi-ends_on": "31/08/2024",
        "nghi-note": "QĐ 15/QĐ-VP",
        **kw,
    }


def test_the_clerk_records_leave_and_an_overlap_is_refused(world: World) -> None:
    c = client_for(world.clerk)
    assert c.post(leave_url(world), absence()).status_code == 302
    row = Absence.objects.get()
    assert (row.person, row.starts_on, row.ends_on) == (
        world.person(world.colleague),
        date(2024, 3, 1),
        date(2024, 8, 31),
    )
    assert AuditEntry.objects.filter(action="evaluation.record_absence", actor=world.clerk).exists()
    again = c.post(
        leave_url(world), absence(**{"nghi-starts_on": "01/08/2024", "nghi-ends_on": "30/09/2024"})
    )
    assert again.status_code == 422 and "trùng thời gian" in again.content.decode()
    assert Absence.objects.count() == 1
    assert "01/03/2024" in c.get(leave_url(world)).content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (absence(**{"nghi-ends_on": "01/02/2024"}), "Ngày kết thúc phải sau ngày bắt đầu nghỉ."),
        (absence("NG01"), "Người được chọn không thuộc cơ quan."),
        (absence(**{"nghi-starts_on": "2024/13/01"}), "Ngày bắt đầu không hợp lệ"),
        (
            {
                "form": "discipline",
                "kl-person": "CB01",
                "kl-level": "khien_trach",
                "kl-ground": "nhiem_vu",
                "kl-decided_on": "31/02/2024",
            },
            "Ngày quyết định không hợp lệ",
        ),
        (
            {
                "form": "discipline",
                "kl-person": "CB01",
                "kl-level": "phat_tien",
                "kl-ground": "nhiem_vu",
                "kl-decided_on": "01/02/2024",
            },
            "phat_tien",
        ),
    ],
)
def test_bad_leave_or_discipline_names_the_field_and_saves_nothing(
    world: World, data: dict[str, str], message: str
) -> None:
    response = client_for(world.clerk).post(leave_url(world), data)
    assert response.status_code == 422 and message in response.content.decode()
    assert not Absence.objects.exists() and not Discipline.objects.exists()


def test_the_clerk_records_discipline_and_others_cannot(world: World) -> None:
    data = {
        "form": "discipline",
        "kl-person": "CB02",
        "kl-level": "canh_cao",
        "kl-ground": "nhiem_vu",
        "kl-decided_on": "04/05/2024",
        "kl-decision_number": "12-QĐ/CQTN",
    }
    assert client_for(world.leader).post(leave_url(world), data).status_code == 403
    assert client_for(world.clerk).post(leave_url(world), data).status_code == 302
    row = Discipline.objects.get()
    assert (row.person.staff_code, row.level, row.decision_number) == (
        "CB02",
        "canh_cao",
        "12-QĐ/CQTN",
    )


def test_the_leave_screen_costs_a_bounded_number_of_queries(
    world: World, django_assert_max_num_queries: object
) -> None:
    for i in range(30):
        person = make_person(world.agency, f"NV{i:02}", f"Lê Văn {i}", unit=world.office)
        services.record_absence(
            person, kind="om_dau", starts_on=date(2024, 1, 1), ends_on=date(2024, 1, 10)
        )
        services.record_discipline(
            person, level="khien_trach", ground="khac", decided_on=date(2024, 2, 1)
        )
    c = client_for(world.clerk)
    with django_assert_max_num_queries(12):  # type: ignore[operator]
        assert c.get(leave_url(world)).status_code == 200


def test_home_page_links_for_the_clerk_and_the_leader(world: World, year2023: WorkYear) -> None:
    assert "Thời gian nghỉ, kỷ luật" in client_for(world.clerk).get("/").content.decode()
    leader_home = client_for(world.leader).get("/").content.decode()
    assert (
        "Xếp loại tập thể năm 2023" in leader_home and "Thời gian nghỉ, kỷ luật" not in leader_home
    )
