"""The staff directory: who may open which page, search, and name order."""

from __future__ import annotations

import unicodedata

import pytest
from django.test import Client
from django.urls import reverse

from hoinghi.testing import PASSWORD, World, make_person
from hoinghi.vietnamese import name_sort_key

pytestmark = pytest.mark.django_db


def client_for(user: object) -> Client:
    client = Client()
    client.login(username=user.username, password=PASSWORD)  # type: ignore[attr-defined]
    return client


def agency_urls(world: World) -> list[str]:
    code = world.agency.code
    return [
        reverse("org:agency", args=[code]),
        reverse("org:unit", args=[code, world.office.code]),
        reverse("org:people", args=[code]),
        reverse("org:person", args=[code, "CB01"]),
    ]


def test_staff_of_the_agency_can_open_every_directory_page(world: World) -> None:
    client = client_for(world.outsider)
    for url in agency_urls(world):
        assert client.get(url).status_code == 200, url


def test_a_stranger_from_another_agency_gets_not_found(world: World) -> None:
    client = client_for(world.stranger)
    for url in agency_urls(world):
        assert client.get(url).status_code == 404, url


def test_an_anonymous_visitor_is_sent_to_the_login_page(world: World) -> None:
    for url in agency_urls(world):
        response = Client().get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_unknown_agency_unit_and_person_are_not_found(world: World) -> None:
    client = client_for(world.admin)
    code = world.agency.code
    assert client.get(reverse("org:agency", args=["khong-co"])).status_code == 404
    assert client.get(reverse("org:unit", args=[code, "khong-co"])).status_code == 404
    assert client.get(reverse("org:person", args=[code, "KHONG"])).status_code == 404


def test_search_without_accents_finds_the_accented_name(world: World) -> None:
    response = client_for(world.colleague).get(
        reverse("org:people", args=[world.agency.code]), {"q": "nguyen thi huong"}
    )
    assert [p.full_name for p in response.context["page"]] == ["Nguyễn Thị Hương"]


def test_search_typed_in_nfd_finds_the_nfc_name(world: World) -> None:
    query = unicodedata.normalize("NFD", "Đỗ Văn")
    response = client_for(world.colleague).get(
        reverse("org:people", args=[world.agency.code]), {"q": query}
    )
    assert "Đỗ Văn Bình" in response.content.decode()


def test_people_are_listed_in_vietnamese_name_order(world: World) -> None:
    response = client_for(world.clerk).get(reverse("org:people", args=[world.agency.code]))
    names = [p.full_name for p in response.context["page"]]
    assert names[:3] == ["Đỗ Văn Bình", "Vũ Thị Cúc", "Hoàng Văn Đoàn"]
    assert names == sorted(names, key=name_sort_key)


def test_private_details_are_shown_to_the_person_and_their_head_only(world: World) -> None:
    person = world.person(world.colleague)
    person.trainings.create(
        kind="boi_duong", name="Bồi dưỡng kiến thức quốc phòng", starts_on="2023-03-01"
    )
    url = reverse("org:person", args=[world.agency.code, person.staff_code])
    for user in (world.colleague, world.head, world.clerk, world.leader):
        assert "Bồi dưỡng kiến thức quốc phòng" in client_for(user).get(url).content.decode(), user
    assert (
        "Bồi dưỡng kiến thức quốc phòng" not in client_for(world.outsider).get(url).content.decode()
    )


def test_the_people_list_costs_a_fixed_number_of_queries(
    world: World, django_assert_max_num_queries: object
) -> None:
    for i in range(30):
        make_person(world.agency, f"X{i:03}", f"Người Thứ {i}", unit=world.office)
    client = client_for(world.clerk)
    url = reverse("org:people", args=[world.agency.code])
    with django_assert_max_num_queries(12):  # type: ignore[operator]
        assert client.get(url).status_code == 200


def test_the_home_page_lists_the_users_agency(world: World) -> None:
    response = client_for(world.head).get(reverse("home"))
    assert response.status_code == 200
    assert world.agency.name in response.content.decode()
    assert world.other_agency.name not in response.content.decode()
