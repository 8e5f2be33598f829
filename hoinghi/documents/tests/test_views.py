"""Every documents view: allowed, forbidden (403/404) and not found, with the personas."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from hoinghi.documents.models import Document, DocumentBatch
from hoinghi.documents.services import create_draft, issue_document
from hoinghi.org.models import WorkYear
from hoinghi.testing import PASSWORD, World

pytestmark = pytest.mark.django_db


@pytest.fixture
def year_2025(world: World) -> WorkYear:
    return WorkYear.objects.create(
        agency=world.agency, year=2025, starts_on=date(2025, 1, 1), ends_on=date(2025, 12, 31)
    )


def client_for(user: object) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)  # type: ignore[attr-defined]
    return client


def url(name: str, world: World, *args: object) -> str:
    return reverse(f"documents:{name}", args=[world.agency.code, *args])


def test_the_clerk_creates_a_draft_from_the_list(world: World, year_2025: WorkYear) -> None:
    response = client_for(world.clerk).post(
        url("list", world), {"kind": "ke-hoach-hoi-nghi", "year": 2025}
    )
    document = Document.objects.get()
    assert response.status_code == 302 and response["Location"] == document.get_absolute_url()


def test_a_bad_staff_code_is_named_and_changes_nothing(world: World, year_2025: WorkYear) -> None:
    response = client_for(world.clerk).post(
        url("list", world), {"kind": "bao-cao-thanh-tich", "year": 2025, "person": "KHONG-CO"}
    )
    assert response.status_code == 200
    assert "Không có cán bộ mã &quot;KHONG-CO&quot;" in response.content.decode()
    assert not Document.objects.exists()


def test_a_missing_year_is_explained(world: World) -> None:
    response = client_for(world.clerk).post(
        url("list", world), {"kind": "thong-bao-xep-loai", "year": 2030}
    )
    assert "Chưa mở năm công tác 2030" in response.content.decode()


def test_staff_may_not_create_drafts(world: World, year_2025: WorkYear) -> None:
    response = client_for(world.colleague).post(
        url("list", world), {"kind": "ke-hoach-hoi-nghi", "year": 2025}
    )
    assert response.status_code == 403 and not Document.objects.exists()


def test_another_agency_gets_404(world: World) -> None:
    assert client_for(world.stranger).get(url("list", world)).status_code == 404


def test_the_list_costs_a_bounded_number_of_queries(
    world: World, year_2025: WorkYear, django_assert_max_num_queries: object
) -> None:
    for _ in range(5):
        issue_document(
            create_draft(world.agency, "ke-hoach-hoi-nghi", year=2025, actor=world.clerk),
            actor=world.clerk,
            on=date(2026, 1, 5),
        )
    client = client_for(world.colleague)
    with django_assert_max_num_queries(12):  # type: ignore[operator]
        response = client.get(url("list", world))
    assert response.content.decode().count("Số 0") == 5


def test_staff_see_issued_documents_but_not_drafts(world: World, year_2025: WorkYear) -> None:
    draft = create_draft(world.agency, "ke-hoach-hoi-nghi", year=2025, actor=world.clerk)
    issued = issue_document(
        create_draft(world.agency, "ke-hoach-hoi-nghi", year=2025, actor=world.clerk),
        actor=world.clerk,
        on=date(2026, 1, 5),
    )
    colleague = client_for(world.colleague)
    assert colleague.get(url("detail", world, draft.pk)).status_code == 404
    assert colleague.get(url("detail", world, issued.pk)).status_code == 200
    download = colleague.get(url("download", world, issued.pk))
    assert download.status_code == 200 and download["Content-Type"].startswith(
        "application/vnd.openxml"
    )
    assert client_for(world.stranger).get(url("detail", world, issued.pk)).status_code == 404
    assert colleague.get(url("detail", world, 999_999)).status_code == 404


def test_a_personal_document_is_seen_only_by_its_person_and_the_editors(
    world: World, year_2025: WorkYear
) -> None:
    report = issue_document(
        create_draft(
            world.agency,
            "bao-cao-thanh-tich",
            year=2025,
            actor=world.clerk,
            person=world.person(world.colleague),
        ),
        actor=world.clerk,
        on=date(2026, 1, 5),
    )
    assert client_for(world.colleague).get(url("detail", world, report.pk)).status_code == 200
    assert client_for(world.outsider).get(url("detail", world, report.pk)).status_code == 404
    assert client_for(world.leader).get(url("detail", world, report.pk)).status_code == 200


def test_the_clerk_edits_and_issues_and_staff_cannot(world: World, year_2025: WorkYear) -> None:
    draft = create_draft(world.agency, "thong-bao-xep-loai", year=2025, actor=world.clerk)
    clerk = client_for(world.clerk)
    page = clerk.get(url("detail", world, draft.pk))
    assert page.status_code == 200 and 'name="result"' in page.content.decode()
    assert (
        clerk.post(url("detail", world, draft.pk), {"result": "Nội dung mới."}).status_code == 302
    )
    assert Document.objects.get(pk=draft.pk).sections == {"result": "Nội dung mới."}
    assert client_for(world.head).post(url("issue", world, draft.pk)).status_code == 404
    leader = client_for(world.leader)
    confirm = leader.get(url("issue", world, draft.pk))
    assert confirm.status_code == 200 and "Xác nhận ban hành" in confirm.content.decode()
    today = timezone.localdate().isoformat()
    unconfirmed = leader.post(url("issue", world, draft.pk), {"issued_on": today, "copies": 2})
    assert unconfirmed.status_code == 200 and Document.objects.get(pk=draft.pk).is_draft
    empty = {"issued_on": today, "copies": 2, "confirm": "on"}
    refused = leader.post(url("issue", world, draft.pk), empty)
    assert "đang trống" in refused.content.decode()
    form = {**empty, "confirm_empty": "on"}
    assert leader.post(url("issue", world, draft.pk), form).status_code == 302
    issued = Document.objects.get(pk=draft.pk)
    assert issued.number == 1 and issued.copies == 2 and issued.issued_on == timezone.localdate()
    response = clerk.post(url("issue", world, draft.pk), follow=True)
    assert "Văn bản đã ban hành" in response.content.decode()


def test_issued_staff_page_refuses_a_post(world: World, year_2025: WorkYear) -> None:
    issued = issue_document(
        create_draft(world.agency, "ke-hoach-hoi-nghi", year=2025, actor=world.clerk),
        actor=world.clerk,
        on=date(2026, 1, 5),
    )
    assert (
        client_for(world.colleague).post(url("detail", world, issued.pk), {"x": "y"}).status_code
        == 403
    )


def test_batches_are_for_editors_only(world: World, year_2025: WorkYear) -> None:
    batch = DocumentBatch.objects.create(
        agency=world.agency, kind="thong-bao-xep-loai", year=2025, total=3
    )
    for user in (world.colleague, world.head, world.stranger):
        client = client_for(user)
        assert client.get(url("batch", world, batch.pk)).status_code == 404
        assert client.get(url("batch-status", world, batch.pk)).status_code == 404
        assert client.get(url("batch-download", world, batch.pk)).status_code == 404
    clerk = client_for(world.clerk)
    assert clerk.get(url("batch", world, batch.pk)).status_code == 200
    assert clerk.get(url("batch-status", world, batch.pk)).json()["total"] == 3
    assert clerk.get(url("batch", world, 999_999)).status_code == 404
    assert (
        client_for(world.colleague)
        .post(url("batch-start", world), {"kind": "thong-bao-xep-loai", "year": 2025})
        .status_code
        == 403
    )
