"""Error pages: Vietnamese, phone-sized, what to do next; never a traceback or Django's
English page. 500 and 503 render with the database gone."""

from __future__ import annotations

import unicodedata

import pytest
from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.test import Client, override_settings
from django.urls import path

from hoinghi.security.errors import server_error
from hoinghi.testing import World
from hoinghi.urls import urlpatterns as site_patterns

ENGLISH = ("Server Error", "Not Found", "Forbidden", "Traceback", "CSRF verification failed")


def outage(request: HttpRequest) -> HttpResponse:
    raise OperationalError("could not connect to server: Connection refused")


def disk_full(request: HttpRequest) -> HttpResponse:
    raise OperationalError("database or disk is full")


def crash(request: HttpRequest) -> HttpResponse:
    raise ZeroDivisionError("boom")


urlpatterns = [
    *site_patterns,
    path("thu/mat-ket-noi/", outage),
    path("thu/day-dia/", disk_full),
    path("thu/loi/", crash),
]
handler500 = server_error


def vietnamese(page: str) -> None:
    assert unicodedata.normalize("NFC", page) == page
    assert 'lang="vi"' in page and 'name="viewport"' in page and "width=device-width" in page
    assert not any(word in page for word in ENGLISH), page
    assert "Về trang chủ" in page


@pytest.fixture
def crashing_client(db: None) -> Client:
    return Client(raise_request_exception=False)


@override_settings(ROOT_URLCONF=__name__)
@pytest.mark.parametrize("url", ["/thu/mat-ket-noi/", "/thu/day-dia/"])
def test_a_database_outage_answers_503_in_vietnamese(
    crashing_client: Client, world: World, url: str
) -> None:
    crashing_client.force_login(world.colleague)
    response = crashing_client.get(url)
    assert response.status_code == 503 and response["Retry-After"] == "15"
    page = response.content.decode()
    vietnamese(page)
    assert "Hệ thống tạm thời gián đoạn" in page and "tải lại trang" in page
    assert "Content-Security-Policy" in response.headers


@override_settings(ROOT_URLCONF=__name__)
def test_a_script_asking_for_json_gets_a_json_503(crashing_client: Client, world: World) -> None:
    crashing_client.force_login(world.colleague)
    response = crashing_client.get("/thu/mat-ket-noi/", HTTP_ACCEPT="application/json")
    assert response.status_code == 503
    assert "thử lại" in response.json()["message"]


@override_settings(ROOT_URLCONF=__name__)
def test_an_unexpected_error_answers_500_in_vietnamese(
    crashing_client: Client, world: World
) -> None:
    crashing_client.force_login(world.colleague)
    response = crashing_client.get("/thu/loi/")
    assert response.status_code == 500
    page = response.content.decode()
    vietnamese(page)
    assert "boom" not in page and "ZeroDivisionError" not in page
    assert "tải lại trang" in page


def test_500_and_503_render_without_a_database(django_assert_num_queries) -> None:
    """No db fixture: any query would fail the test; and none is counted."""
    for name in ("500.html", "503.html"):
        page = loader.render_to_string(name)
        vietnamese(page)


@pytest.mark.django_db
def test_404_and_403_are_vietnamese(world: World) -> None:
    client = Client()
    client.force_login(world.colleague)
    missing = client.get("/khong-co-trang-nay/")
    assert missing.status_code == 404
    vietnamese(missing.content.decode())
    assert "Không tìm thấy trang này" in missing.content.decode()
    forbidden = client.get(f"/bao-mat/{world.agency.code}/khoa-dang-nhap/")
    assert forbidden.status_code == 403
    vietnamese(forbidden.content.decode())
    assert "người quản trị" in forbidden.content.decode()


@pytest.mark.django_db
def test_a_stale_form_gets_the_vietnamese_csrf_page(world: World) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post("/dang-nhap/", {"username": "cb01", "password": "x"})
    assert response.status_code == 403
    page = response.content.decode()
    vietnamese(page)
    assert "Biểu mẫu đã hết hạn" in page and "tải lại trang" in page
