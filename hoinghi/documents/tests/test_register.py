"""The register: numbers given at issue, per issuer, type and year, never twice (D1, E5)."""

from __future__ import annotations

import time
from datetime import date

import pytest
from django.db import OperationalError, connection

from hoinghi.audit.models import AuditEntry
from hoinghi.documents.models import Document, DocumentCounter
from hoinghi.documents.services import DocumentError, create_draft, edit_draft, issue_document
from hoinghi.documents.tests.reading import load, texts
from hoinghi.org.models import WorkYear
from hoinghi.testing import World, run_at_once


@pytest.fixture
def year_2025(world: World) -> WorkYear:
    return WorkYear.objects.create(
        agency=world.agency, year=2025, starts_on=date(2025, 1, 1), ends_on=date(2025, 12, 31)
    )


def _notice(world: World) -> Document:
    return create_draft(world.agency, "thong-bao-xep-loai", year=2025, actor=world.clerk)


@pytest.mark.django_db
def test_a_draft_has_no_number_until_it_is_issued(world: World, year_2025: WorkYear) -> None:
    draft = _notice(world)
    assert draft.number is None and draft.is_draft
    issued = issue_document(draft, actor=world.clerk, confirm_empty=True, on=date(2026, 1, 5))
    assert (issued.number, issued.number_year, issued.number_text) == (1, 2026, "Số 01-TB/CQTN")
    doc = load(issued.file.open("rb").read())
    assert "Số 01-TB/CQTN" in texts(doc)
    assert "Hà Nội, ngày 05 tháng 01 năm 2026" in texts(doc)
    entry = AuditEntry.objects.get(action="documents.issue")
    assert entry.data["number"] == "Số 01-TB/CQTN" and entry.data["decision"]["outcome"] == 1


@pytest.mark.django_db
def test_numbers_follow_each_other_per_type_and_restart_on_1_january(
    world: World, year_2025: WorkYear
) -> None:
    numbers = [
        issue_document(
            _notice(world), actor=world.clerk, confirm_empty=True, on=date(2026, 12, 30)
        ).number
        for _ in range(3)
    ]
    assert numbers == [1, 2, 3]
    plan = create_draft(world.agency, "ke-hoach-hoi-nghi", year=2025, actor=world.clerk)
    assert (
        issue_document(
            plan, actor=world.clerk, confirm_empty=True, on=date(2026, 12, 31)
        ).number_text
        == "Số 01-KH/CQTN"
    )
    first_of_2027 = issue_document(
        _notice(world), actor=world.clerk, confirm_empty=True, on=date(2027, 1, 4)
    )
    assert first_of_2027.number_text == "Số 01-TB/CQTN"
    assert DocumentCounter.objects.get(register_key="thong_bao", year=2026).last_number == 3


@pytest.mark.django_db
def test_an_issued_document_is_frozen(world: World, year_2025: WorkYear) -> None:
    issued = issue_document(
        _notice(world), actor=world.clerk, confirm_empty=True, on=date(2026, 1, 5)
    )
    with pytest.raises(DocumentError, match="đã ban hành"):
        edit_draft(issued, {"result": "Khác"}, actor=world.clerk)
    with pytest.raises(DocumentError, match="Văn bản đã ban hành"):
        issue_document(issued, actor=world.clerk, confirm_empty=True)
    assert Document.objects.get(pk=issued.pk).number == 1


@pytest.mark.django_db
def test_edits_are_kept_and_rendered_and_unknown_parts_refused(
    world: World, year_2025: WorkYear
) -> None:
    draft = _notice(world)
    edit_draft(draft, {"result": "Đoạn văn đã sửa bởi văn thư."}, actor=world.clerk)
    with pytest.raises(DocumentError, match="không sửa được"):
        edit_draft(draft, {"khong-co": "x"}, actor=world.clerk)
    issued = issue_document(
        Document.objects.get(pk=draft.pk),
        actor=world.clerk,
        confirm_empty=True,
        on=date(2026, 1, 5),
    )
    assert "Đoạn văn đã sửa bởi văn thư." in texts(load(issued.file.open("rb").read()))


@pytest.mark.django_db
def test_unpersonal_drafts_ignore_a_person_and_foreign_people_are_refused(
    world: World, year_2025: WorkYear
) -> None:
    with pytest.raises(DocumentError, match="không thuộc cơ quan"):
        create_draft(
            world.agency,
            "bao-cao-thanh-tich",
            year=2025,
            actor=world.clerk,
            person=world.person(world.stranger),
        )
    plan = create_draft(
        world.agency,
        "ke-hoach-hoi-nghi",
        year=2025,
        actor=world.clerk,
        person=world.person(world.colleague),
    )
    assert plan.person is None


@pytest.mark.django_db(transaction=True)
def test_clerks_issuing_at_once_never_share_a_number(world: World, year_2025: WorkYear) -> None:
    drafts = [_notice(world) for _ in range(6)]

    def issue(document: Document) -> None:
        for attempt in range(200):
            try:
                issue_document(document, actor=world.clerk, confirm_empty=True, on=date(2026, 3, 2))
                return
            except OperationalError as exc:
                # The SQLite test database lives in memory with a shared cache, where the busy
                # timeout does not apply ("table is locked"): wait and try again. A file
                # database (production) waits by itself; PostgreSQL blocks on the lock.
                if connection.vendor != "sqlite" or "locked" not in str(exc) or attempt == 199:
                    raise
                time.sleep(0.02)

    assert run_at_once(issue, drafts) == []
    numbers = list(
        Document.objects.filter(number_year=2026)
        .order_by("number")
        .values_list("number", flat=True)
    )
    assert numbers == [1, 2, 3, 4, 5, 6]
    assert DocumentCounter.objects.get(register_key="thong_bao", year=2026).last_number == 6
