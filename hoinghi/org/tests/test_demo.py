"""The demo agencies: shaped like the seed reports, loaded through the scenario loader."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.test import Client

from hoinghi.org import selectors
from hoinghi.org.demo import demo_logins, load_demo, load_demo_if_empty
from hoinghi.org.models import Agency, Person, Role, RoleAssignment, Unit, WorkYear

pytestmark = pytest.mark.django_db

DISTRICT_UNITS = [
    "Văn phòng Huyện ủy",
    "Ban Tổ chức Huyện ủy",
    "Ban Tuyên giáo Huyện ủy",
    "Ban Dân vận Huyện ủy",
    "Ủy ban Kiểm tra Huyện ủy",
]


@pytest.fixture
def demo(db: None) -> None:
    load_demo()


def test_the_district_office_has_five_units_and_32_people(demo: None) -> None:
    agency = Agency.objects.get(code="co-quan-huyen-uy")
    assert agency.kind == "party" and agency.name.startswith("Cơ quan Huyện ủy")
    assert list(Unit.objects.filter(agency=agency).values_list("name", flat=True)) == DISTRICT_UNITS
    assert selectors.staff_on(agency, date(2023, 12, 31)).count() == 32  # "100% (32/32)"
    assert sorted(WorkYear.objects.filter(agency=agency).values_list("year", flat=True)) == [
        2023,
        2024,
    ]


def test_every_district_unit_has_one_head(demo: None) -> None:
    for unit in Unit.objects.filter(agency__code="co-quan-huyen-uy"):
        head = selectors.head_of_unit(unit, date(2023, 12, 31))
        assert head is not None, unit.name
    heads = {u.code: selectors.head_of_unit(u, date(2023, 12, 31)) for u in Unit.objects.all()}
    inspection_head = heads["uy-ban-kiem-tra"]
    assert inspection_head is not None
    assert inspection_head.positions.get(is_head=True).title == "Chủ nhiệm Ủy ban Kiểm tra"


def test_the_ban_dan_van_has_15_people_and_08_trainings_in_2020(demo: None) -> None:
    agency = Agency.objects.get(code="ban-dan-van-tinh-uy")
    assert selectors.staff_on(agency, date(2020, 12, 25)).count() == 15  # "15/15 CBCCLĐ"
    assert (
        selectors.training_count(agency, date(2020, 1, 1), date(2020, 12, 31)).courses == 8
    )  # "08 lượt"
    assert sorted(WorkYear.objects.filter(agency=agency).values_list("year", flat=True)) == [
        2020,
        2021,
    ]


def test_demo_people_have_varied_vietnamese_names_in_nfc(demo: None) -> None:
    names = list(Person.objects.values_list("full_name", flat=True))
    assert len(names) == 47 == len(set(names))
    assert len({name.split()[0] for name in names}) >= 15  # varied family names
    assert not {"Nguyễn Văn Hợp", "Nguyễn Dương Khuê", "Đặng Thanh Đức", "Ngô Thanh Bình"} & set(
        names
    )


def test_every_role_has_a_district_login_linked_to_a_person(demo: None) -> None:
    district = RoleAssignment.objects.filter(agency__code="co-quan-huyen-uy")
    assert set(district.values_list("role", flat=True)) == set(Role.values)
    usernames = {
        "quantri",
        "vanthu",
        "lanhdao",
        "truongdonvi",
        "congdoan",
        "hoidong",
        "thanhtra",
        "canbo",
    }
    assert usernames <= set(district.values_list("user__username", flat=True))
    assert Person.objects.filter(user__username__in=usernames).count() == 8
    unit = district.get(role=Role.UNIT_HEAD).unit
    assert unit is not None and unit.code == "ban-tuyen-giao"


def test_loading_the_demo_again_changes_nothing(demo: None) -> None:
    people = dict(Person.objects.values_list("staff_code", "pk"))
    load_demo()
    assert dict(Person.objects.values_list("staff_code", "pk")) == people
    assert Agency.objects.count() == 2


def test_it_loads_the_demo_only_into_an_empty_database(db: None) -> None:
    assert load_demo_if_empty() is True
    assert load_demo_if_empty() is False
    assert Person.objects.count() == 47


def test_demo_logins_name_each_role_in_vietnamese() -> None:
    logins = {login.username: login for login in demo_logins()}
    assert logins["vanthu"].role == "Văn thư"
    assert logins["truongdonvi"].role == "Trưởng đơn vị"
    assert logins["canbo"].role == "Cán bộ"
    assert logins["bdv-lanhdao"].agency == "Ban Dân vận Tỉnh ủy"
    assert len(logins) == 13


def test_each_demo_login_signs_in_and_lands_on_its_agencys_home_page(demo: None) -> None:
    names = dict(Agency.objects.values_list("code", "name"))
    for login in demo_logins():
        client = Client()
        response = client.post(
            "/dang-nhap/", {"username": login.username, "password": login.password}
        )
        assert response.status_code == 302 and response["Location"] == "/", login.username
        home = client.get("/")
        expected = names[
            "ban-dan-van-tinh-uy" if login.username.startswith("bdv-") else "co-quan-huyen-uy"
        ]
        assert home.status_code == 200
        assert expected in home.content.decode(), login.username


def test_a_wrong_demo_password_is_refused(demo: None, client: Any) -> None:
    response = client.post("/dang-nhap/", {"username": "canbo", "password": "sai-mat-khau"})
    assert response.status_code == 200 and "_auth_user_id" not in client.session
