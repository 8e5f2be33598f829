"""The head's numbering choice (D30 Art 15), and batches whose worker died (heartbeat)."""

from __future__ import annotations

import stat
from datetime import date, timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from hoinghi.audit.models import AuditEntry
from hoinghi.documents.models import BatchState, DocumentBatch, RegisterSettings
from hoinghi.documents.pdf import convert_many
from hoinghi.documents.selectors import register_settings
from hoinghi.documents.services import (
    STALE_AFTER,
    DocumentError,
    create_draft,
    issue_document,
    recover_batch,
    run_batch,
    set_register_settings,
)
from hoinghi.documents.tests.test_views import client_for
from hoinghi.org.models import WorkYear
from hoinghi.testing import World

pytestmark = pytest.mark.django_db
ON = date(2026, 3, 2)


@pytest.fixture
def year_2025(world: World) -> WorkYear:
    return WorkYear.objects.create(
        agency=world.agency, year=2025, starts_on=date(2025, 1, 1), ends_on=date(2025, 12, 31)
    )


def _issue(world: World, slug: str) -> str:
    draft = create_draft(world.agency, slug, year=2025, actor=world.clerk)
    return issue_document(draft, actor=world.clerk, confirm_empty=True, on=ON).number_text


def test_by_default_each_type_has_its_own_series(world: World, year_2025: WorkYear) -> None:
    assert (
        register_settings(world.agency).numbering == "per_type"
        and not RegisterSettings.objects.exists()
    )
    assert [_issue(world, "thong-bao-xep-loai"), _issue(world, "ke-hoach-hoi-nghi")] == [
        "Số 01-TB/CQTN",
        "Số 01-KH/CQTN",
    ]


def test_one_series_for_all_types_when_the_head_says_so(world: World, year_2025: WorkYear) -> None:
    set_register_settings(
        world.agency,
        numbering="single",
        decided_by="Quy chế văn thư 2026",
        actor=world.leader,
        on=date(2026, 1, 2),
    )
    assert [
        _issue(world, "thong-bao-xep-loai"),
        _issue(world, "ke-hoach-hoi-nghi"),
        _issue(world, "thong-bao-xep-loai"),
    ] == ["Số 01-TB/CQTN", "Số 02-KH/CQTN", "Số 03-TB/CQTN"]
    entry = AuditEntry.objects.get(action="documents.set_register_settings")
    assert entry.data["numbering"] == "single" and entry.data["before"] == "per_type"


def test_the_scheme_does_not_change_once_numbers_were_given_this_year(
    world: World, year_2025: WorkYear
) -> None:
    _issue(world, "thong-bao-xep-loai")
    with pytest.raises(DocumentError, match="hãy đổi từ ngày 01/01/2027") as refused:
        set_register_settings(world.agency, numbering="single", actor=world.leader, on=ON)
    assert (
        refused.value.field == "numbering"
        and register_settings(world.agency).numbering == "per_type"
    )
    set_register_settings(world.agency, numbering="single", actor=world.leader, on=date(2027, 1, 1))
    assert register_settings(world.agency).numbering == "single"


def test_the_leader_sets_the_scheme_on_its_page(world: World) -> None:
    page = reverse("documents:register", args=[world.agency.code])
    client = client_for(world.leader)
    assert "Một dãy số chung" in client.get(page).content.decode()
    response = client.post(page, {"numbering": "per_type", "drafting_code": "T H!"})
    assert "chỉ gồm chữ cái và chữ số" in response.content.decode()
    assert not RegisterSettings.objects.exists()
    response = client.post(page, {"numbering": "single", "drafting_code": "th"})
    assert response.status_code == 302
    assert (
        register_settings(world.agency).numbering,
        register_settings(world.agency).drafting_code,
    ) == ("single", "TH")


@pytest.mark.parametrize(
    ("persona", "status"), [("colleague", 403), ("head", 403), ("stranger", 404)]
)
def test_others_may_not_set_the_scheme(world: World, persona: str, status: int) -> None:
    page = reverse("documents:register", args=[world.agency.code])
    response = client_for(getattr(world, persona)).post(page, {"numbering": "single"})
    assert response.status_code == status and not RegisterSettings.objects.exists()


def test_the_register_page_of_an_unknown_agency_is_not_found(world: World) -> None:
    assert (
        client_for(world.leader).get(reverse("documents:register", args=["khong-co"])).status_code
        == 404
    )


# --- batches whose worker died ------------------------------------------------------------------


def _dead_batch(world: World, *, attempts: int = 1) -> DocumentBatch:
    """A batch left "running" by a worker that stopped beating ten minutes ago."""
    return DocumentBatch.objects.create(
        agency=world.agency,
        kind="thong-bao-xep-loai",
        year=2025,
        total=9,
        done=4,
        state=BatchState.RUNNING,
        attempts=attempts,
        updated_at=timezone.now() - STALE_AFTER - timedelta(minutes=5),
    )


def test_a_dead_batch_goes_back_to_the_queue_and_then_completes(
    world: World, year_2025: WorkYear
) -> None:
    batch = recover_batch(_dead_batch(world))
    assert (batch.state, batch.done) == (BatchState.PENDING, 0)
    done = run_batch(batch)
    assert (done.state, done.done, done.attempts) == (BatchState.DONE, 9, 2)
    assert AuditEntry.objects.get(action="documents.recover_batch").data["outcome"] == "requeued"


def test_a_batch_that_died_twice_is_marked_failed(world: World) -> None:
    batch = recover_batch(_dead_batch(world, attempts=2))
    assert (
        batch.state == BatchState.FAILED
        and "không có tín hiệu" in batch.error
        and batch.finished_at
    )


def test_a_batch_with_a_recent_heartbeat_is_left_running(world: World) -> None:
    batch = DocumentBatch.objects.create(
        agency=world.agency,
        kind="thong-bao-xep-loai",
        year=2025,
        total=9,
        state=BatchState.RUNNING,
        attempts=1,
    )
    assert recover_batch(batch).state == BatchState.RUNNING and not AuditEntry.objects.exists()


def test_the_worker_picks_up_a_dead_batch(world: World, year_2025: WorkYear) -> None:
    batch = _dead_batch(world)
    out = StringIO()
    call_command("documents_worker", "--once", stdout=out)
    batch.refresh_from_db()
    assert batch.state == BatchState.DONE and "luồng tạo lô đã dừng" in out.getvalue()


def test_the_page_shows_a_dead_batch_as_failed(world: World) -> None:
    batch = _dead_batch(world, attempts=2)
    status = client_for(world.clerk).get(
        reverse("documents:batch-status", args=[world.agency.code, batch.pk])
    )
    assert status.json()["state"] == "failed" and "Hãy tạo lại lô" in status.json()["error"]


def test_the_page_restarts_a_dead_batch_after_commit(
    world: World, django_capture_on_commit_callbacks: object
) -> None:
    batch = _dead_batch(world)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:  # type: ignore[operator]
        page = client_for(world.clerk).get(
            reverse("documents:batch", args=[world.agency.code, batch.pk])
        )
    assert page.status_code == 200 and len(callbacks) == 1
    assert DocumentBatch.objects.get(pk=batch.pk).state == BatchState.PENDING


# --- PDF in two processes -----------------------------------------------------------------------


def test_a_pdf_batch_is_split_between_two_office_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stand-in soffice writes each PDF and logs its call: two calls, each with its own profile."""
    log = tmp_path / "calls.log"
    fake = tmp_path / "soffice"
    fake.write_text(
        '#!/bin/sh\necho "$3" >> ' + str(log) + '\nout=""; next=0\nfor a in "$@"; do\n'
        '  if [ "$next" = 1 ]; then out="$a"; next=0; continue; fi\n'
        '  [ "$a" = "--outdir" ] && next=1 && continue\n'
        '  case "$a" in *.docx) b=$(basename "$a" .docx); echo pdf > "$out/$b.pdf";; esac\n'
        "done\n"
    )
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("HOINGHI_SOFFICE", str(fake))
    docs = [tmp_path / f"{i:02d}.docx" for i in range(9)]
    for doc in docs:
        doc.write_bytes(b"x")
    pdfs = convert_many(docs, tmp_path / "pdf", processes=2)
    assert [p.name for p in pdfs] == [f"{i:02d}.pdf" for i in range(9)]
    profiles = log.read_text().split()
    assert (
        len(profiles) == 2
        and len(set(profiles)) == 2
        and all("UserInstallation" in p for p in profiles)
    )
