"""What a clerk and an administrator meet walking through the documents pages of the demo."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from hoinghi.documents.models import Document
from hoinghi.org.models import Agency

pytestmark = pytest.mark.django_db

DEMO_PASSWORD = "dungthu-hoinghi"


def client_of(username: str) -> Client:
    client = Client()
    assert client.login(username=username, password=DEMO_PASSWORD)
    return client


@pytest.fixture
def demo_with_years(db: None) -> Agency:
    from hoinghi.org.demo import load_demo

    load_demo()
    return Agency.objects.get(code="co-quan-huyen-uy")


def test_the_minutes_of_a_work_year_are_those_of_the_conference_reviewing_it(
    demo_with_years: Agency,
) -> None:
    """The form asks for "Năm công tác": 2023 is reviewed by the conference of January 2024,
    as ``documents render --year 2023`` reads it, instead of "no conference in 2023"."""
    response = client_of("vanthu").post(
        reverse("documents:list", args=[demo_with_years.code]),
        {"kind": "bien-ban-hoi-nghi", "year": 2023},
    )
    document = Document.objects.get()
    assert response.status_code == 302 and response["Location"] == document.get_absolute_url()
    assert document.year == 2024


def test_the_administrator_sees_no_register_export_it_may_not_open(
    demo_with_years: Agency,
) -> None:
    admin, clerk = client_of("quantri"), client_of("vanthu")
    page = reverse("documents:register", args=[demo_with_years.code])
    printed = reverse("documents:register-print", args=[demo_with_years.code])
    assert admin.get(printed).status_code == 403
    assert printed not in admin.get(page).content.decode()
    assert printed in clerk.get(page).content.decode()
    assert not User.objects.filter(username="quantri", is_superuser=True).exists()


def test_the_staff_code_box_offers_the_staff_by_name(demo_with_years: Agency) -> None:
    """A personal document asked for a staff code the clerk had to look up elsewhere."""
    html = client_of("vanthu").get(reverse("documents:list", args=[demo_with_years.code]))
    page = html.content.decode()
    box = re.search(r'<input[^>]*name="person"[^>]*>', page)
    assert box is not None and 'list="ds-can-bo"' in box.group(0)
    assert '<datalist id="ds-can-bo">' in page
    assert '<option value="HU05">Nguyễn Thị Ngọc Lan</option>' in page


def test_invitations_of_a_work_year_are_those_of_the_conference_reviewing_it(
    demo_with_years: Agency, django_capture_on_commit_callbacks: object
) -> None:
    """A batch of invitations for 2023 made 32 invitations to a "Hội nghị năm 2023" that does
    not exist, without date or place; 2023 is reviewed by the conference of January 2024."""
    from hoinghi.documents.models import DocumentBatch

    client = client_of("vanthu")
    start = reverse("documents:batch-start", args=[demo_with_years.code])
    with django_capture_on_commit_callbacks(execute=False):  # type: ignore[operator]
        response = client.post(start, {"kind": "giay-moi", "year": 2023})
    assert response.status_code == 302
    assert DocumentBatch.objects.get().year == 2024


def test_no_invitations_without_a_conference(demo_with_years: Agency) -> None:
    """Year 2025 open, no conference reviews it nor is held in it: refused, named."""
    from hoinghi.documents.models import DocumentBatch
    from hoinghi.org.services import open_work_year

    open_work_year(demo_with_years, 2025)
    client = client_of("vanthu")
    start = reverse("documents:batch-start", args=[demo_with_years.code])
    page = client.post(start, {"kind": "giay-moi", "year": 2025}, follow=True).content.decode()
    assert "chưa có Hội nghị tổng kết năm công tác 2025" in page
    assert not DocumentBatch.objects.exists()


def test_the_issue_date_is_typed_and_shown_as_dd_mm_yyyy(demo_with_years: Agency) -> None:
    """The date box followed the browser's language (01/19/2024 on an English Windows)."""
    from datetime import date

    client = client_of("vanthu")
    client.post(
        reverse("documents:list", args=[demo_with_years.code]),
        {"kind": "bien-ban-hoi-nghi", "year": 2023},
    )
    document = Document.objects.get()
    address = reverse("documents:issue", args=[demo_with_years.code, document.pk])
    box = re.search(r'<input[^>]*name="issued_on"[^>]*>', client.get(address).content.decode())
    assert box is not None and 'type="text"' in box.group(0)
    assert re.search(r'value="\d\d/\d\d/\d{4}"', box.group(0))
    client.post(address, {"issued_on": "22/01/2024", "copies": 1, "confirm": "on"})
    document.refresh_from_db()
    assert document.issued_on == date(2024, 1, 22) and not document.is_draft
