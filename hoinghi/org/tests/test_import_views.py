"""The import pages: only the administrator and the clerk of the agency; 404 outside it."""

from __future__ import annotations

import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from hoinghi.org.imports.models import StaffImport
from hoinghi.org.imports.samples import csv_bytes, staff_rows, xlsx_bytes
from hoinghi.org.imports.services import preview_staff_import
from hoinghi.org.models import Person
from hoinghi.testing import World

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORBIDDEN = ["leader", "head", "colleague", "outsider", "union_chair", "council", "inspector"]


def client_for(world: World, persona: str) -> Client:
    client = Client()
    client.force_login(getattr(world, persona))
    return client


def upload(client: Client, world: World, data: bytes, name: str = "ds.xlsx") -> object:
    return client.post(
        reverse("org:import-staff", args=[world.agency.code]),
        {"file": SimpleUploadedFile(name, data)},
    )


def page_urls(world: World) -> list[str]:
    staff_import = preview_staff_import(
        world.agency, xlsx_bytes(staff_rows(1)), filename="ds.xlsx", uploaded_by=world.clerk
    )
    code = world.agency.code
    return [
        reverse("org:import-staff", args=[code]),
        reverse("org:import-template", args=[code]),
        reverse("org:import-preview", args=[code, staff_import.token]),
        reverse("org:export-people", args=[code]),
    ]


@pytest.mark.parametrize("persona", ["admin", "clerk"])
def test_the_administrator_and_the_clerk_may_open_the_import_pages(
    world: World, persona: str
) -> None:
    client = client_for(world, persona)
    urls = page_urls(world)
    if persona == "admin":
        urls.remove(urls[2])  # a preview belongs to its uploader
    for url in urls:
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("persona", FORBIDDEN)
def test_other_staff_of_the_agency_are_forbidden(world: World, persona: str) -> None:
    client = client_for(world, persona)
    urls = page_urls(world)
    for url in urls:
        assert client.get(url).status_code == 403, url
    assert upload(client, world, xlsx_bytes(staff_rows(1))).status_code == 403  # type: ignore[attr-defined]
    assert client.post(f"{urls[2]}xac-nhan/").status_code == 403
    assert not Person.objects.filter(staff_code="NV000001").exists()


def test_staff_of_another_agency_get_not_found(world: World) -> None:
    client = client_for(world, "stranger")
    for url in page_urls(world):
        assert client.get(url).status_code == 404, url


def test_an_anonymous_visitor_is_sent_to_sign_in(world: World) -> None:
    for url in page_urls(world):
        response = Client().get(url)
        assert response.status_code == 302 and "/dang-nhap/" in response["Location"]


def test_an_unknown_agency_or_preview_is_not_found(world: World) -> None:
    client = client_for(world, "clerk")
    assert client.get(reverse("org:import-staff", args=["khong-co"])).status_code == 404
    assert (
        client.get(
            reverse("org:import-preview", args=[world.agency.code, uuid.uuid4()])
        ).status_code
        == 404
    )


def test_someone_elses_preview_is_not_found(world: World) -> None:
    staff_import = preview_staff_import(
        world.agency, xlsx_bytes(staff_rows(1)), filename="ds.xlsx", uploaded_by=world.clerk
    )
    client = client_for(world, "admin")
    assert (
        client.get(
            reverse("org:import-preview", args=[world.agency.code, staff_import.token])
        ).status_code
        == 404
    )
    confirm = reverse("org:import-confirm", args=[world.agency.code, staff_import.token])
    assert client.post(confirm).status_code == 404
    assert not Person.objects.filter(staff_code="NV000001").exists()


def test_the_clerk_uploads_previews_and_confirms(world: World) -> None:
    client = client_for(world, "clerk")
    response = upload(client, world, xlsx_bytes(staff_rows(3)))
    staff_import = StaffImport.objects.get()
    assert response["Location"] == reverse(  # type: ignore[index]
        "org:import-preview", args=[world.agency.code, staff_import.token]
    )
    page = client.get(response["Location"]).content.decode()  # type: ignore[index]
    assert "người thêm mới" in page and "Trần Văn An" in page and "Xác nhận nhập" in page
    assert not Person.objects.filter(staff_code="NV000001").exists()
    done = client.post(
        reverse("org:import-confirm", args=[world.agency.code, staff_import.token]), follow=True
    )
    assert "Đã nhập danh sách: thêm 3 người" in done.content.decode()
    assert Person.objects.filter(staff_code__startswith="NV").count() == 3


def test_a_bad_file_shows_each_error_and_stores_nothing(world: World) -> None:
    rows = staff_rows(3)
    rows[1]["Đối tượng"] = "Khách"
    response = upload(client_for(world, "clerk"), world, csv_bytes(rows), "ds.csv")
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert "Dòng 3, cột «Đối tượng»: «Khách» không hợp lệ" in response.content.decode()  # type: ignore[attr-defined]
    assert not StaffImport.objects.exists()


def test_a_disguised_file_is_refused_with_its_reason(world: World) -> None:
    response = upload(client_for(world, "clerk"), world, b"<html>x</html>", "ds.xlsx")
    assert "mang đuôi .xlsx nhưng không phải là tệp Excel" in response.content.decode()  # type: ignore[attr-defined]


def test_confirming_needs_a_post(world: World) -> None:
    staff_import = preview_staff_import(
        world.agency, xlsx_bytes(staff_rows(1)), filename="ds.xlsx", uploaded_by=world.clerk
    )
    url = reverse("org:import-confirm", args=[world.agency.code, staff_import.token])
    assert client_for(world, "clerk").get(url).status_code == 405


def test_the_template_downloads_as_an_attachment(world: World) -> None:
    response = client_for(world, "clerk").get(
        reverse("org:import-template", args=[world.agency.code])
    )
    assert response["Content-Type"] == XLSX
    assert response["Content-Disposition"] == 'attachment; filename="mau-nhap-can-bo.xlsx"'


def test_the_people_page_links_to_import_and_export_for_the_clerk_only(world: World) -> None:
    url = reverse("org:people", args=[world.agency.code])
    target = reverse("org:import-staff", args=[world.agency.code])
    assert target in client_for(world, "clerk").get(url).content.decode()
    assert target not in client_for(world, "colleague").get(url).content.decode()
