"""A large file runs as a background job after commit, with a progress page; all or nothing."""

from __future__ import annotations

import threading
from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from hoinghi.audit.models import AuditEntry
from hoinghi.jobs.models import Job, JobState
from hoinghi.jobs.runner import run_pending
from hoinghi.org.imports import jobs
from hoinghi.org.imports.models import StaffImport, StaffImportState
from hoinghi.org.imports.samples import staff_rows, xlsx_bytes
from hoinghi.org.imports.services import preview_staff_import
from hoinghi.org.models import Person
from hoinghi.testing import World, build_world
from hoinghi.voting.models import Poll, PollState

ROWS = 6


@pytest.fixture(autouse=True)
def small_background_threshold(settings: Any) -> None:
    settings.HOINGHI_IMPORT_BACKGROUND_ROWS = ROWS - 1


def preview(world: World) -> StaffImport:
    return preview_staff_import(
        world.agency, xlsx_bytes(staff_rows(ROWS)), filename="lon.xlsx", uploaded_by=world.clerk
    )


def clerk(world: World) -> Client:
    client = Client()
    client.force_login(world.clerk)
    return client


def confirm(client: Client, world: World, staff_import: StaffImport) -> Any:
    return client.post(reverse("org:import-confirm", args=[world.agency.code, staff_import.token]))


def progress_url(world: World, staff_import: StaffImport) -> str:
    return reverse("org:import-preview", args=[world.agency.code, staff_import.token])


def test_confirming_a_large_file_starts_a_job_after_commit(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    staff_import = preview(world)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = confirm(clerk(world), world, staff_import)
    assert response.status_code == 302 and response["Location"] == progress_url(world, staff_import)
    assert len(callbacks) == 1
    staff_import.refresh_from_db()
    assert staff_import.state == StaffImportState.RUNNING and staff_import.heartbeat_at is not None
    assert not Person.objects.filter(staff_code="NV000001").exists()
    assert (
        AuditEntry.objects.filter(action="org.import_staff_started", actor=world.clerk).count() == 1
    )


def test_the_job_writes_everything_and_records_it(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    staff_import = preview(world)
    with django_capture_on_commit_callbacks(execute=False):
        jobs.start_staff_import(staff_import, confirmed_by=world.clerk)
    done = jobs.run_staff_import(staff_import.pk)
    assert done.state == StaffImportState.APPLIED and done.progress == ROWS
    assert done.result["people_created"] == ROWS
    assert Person.objects.filter(agency=world.agency, staff_code__startswith="NV").count() == ROWS
    assert AuditEntry.objects.get(action="org.import_staff").actor == world.clerk
    page = clerk(world).get(progress_url(world, staff_import)).content.decode()
    assert "Đã nhập xong" in page and "hoinghi/live.js" not in page


def test_a_job_that_finds_a_poll_open_fails_and_writes_nothing(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    staff_import = preview(world)
    with django_capture_on_commit_callbacks(execute=False):
        jobs.start_staff_import(staff_import, confirmed_by=world.clerk)
    Poll.objects.create(
        agency=world.agency,
        title="Bầu Ban Thanh tra",
        rule="test",
        legal_date=date(2026, 1, 15),
        state=PollState.OPEN,
    )
    failed = jobs.run_staff_import(staff_import.pk)
    assert failed.state == StaffImportState.FAILED and "Bầu Ban Thanh tra" in failed.errors[0]
    assert not Person.objects.filter(staff_code="NV000001").exists()
    assert AuditEntry.objects.filter(action="org.import_staff_failed").count() == 1
    page = clerk(world).get(progress_url(world, staff_import)).content.decode()
    assert (
        "Không nhập được; không có thay đổi nào được ghi." in page and "Bầu Ban Thanh tra" in page
    )


def test_the_progress_page_shows_the_count_and_polls_without_needing_script(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    staff_import = preview(world)
    with django_capture_on_commit_callbacks(execute=False):
        jobs.start_staff_import(staff_import, confirmed_by=world.clerk)
    StaffImport.objects.filter(pk=staff_import.pk).update(progress=4)
    client = clerk(world)
    page = client.get(progress_url(world, staff_import)).content.decode()
    assert (
        "Đang nhập trong nền" in page
        and 'data-live-field="progress_label">4</span> / 6 dòng' in page
    )
    assert '<noscript><meta http-equiv="refresh" content="5"></noscript>' in page
    assert "hoinghi/live.js" in page and "Xác nhận nhập" not in page
    status = client.get(progress_url(world, staff_import), {"format": "json"}).json()
    assert status == {
        "state": "running",
        "progress": 4,
        "rows": 6,
        "percent": 67,
        "stalled": False,
        "done": False,
        "progress_label": "4",
        "writing": False,
        "ended": False,
    }


def test_a_job_without_heartbeat_for_long_is_shown_as_interrupted(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    staff_import = preview(world)
    with django_capture_on_commit_callbacks(execute=False):
        jobs.start_staff_import(staff_import, confirmed_by=world.clerk)
    StaffImport.objects.filter(pk=staff_import.pk).update(
        heartbeat_at=timezone.now() - timedelta(hours=1)
    )
    page = clerk(world).get(progress_url(world, staff_import)).content.decode()
    assert "Lần nhập bị gián đoạn" in page and "hoinghi/live.js" not in page


def test_a_running_import_cannot_be_confirmed_again(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    staff_import = preview(world)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        confirm(clerk(world), world, staff_import)
        response = confirm(clerk(world), world, staff_import)
    assert len(callbacks) == 1 and response.status_code == 302
    assert response["Location"] == reverse("org:import-staff", args=[world.agency.code])


@pytest.mark.parametrize(
    ("persona", "status"), [("colleague", 403), ("admin", 404), ("stranger", 404)]
)
def test_the_progress_is_seen_only_by_its_uploader(world: World, persona: str, status: int) -> None:
    staff_import = preview(world)
    client = Client()
    client.force_login(getattr(world, persona))
    assert client.get(progress_url(world, staff_import), {"format": "json"}).status_code == status


def test_a_missing_import_is_not_found(world: World) -> None:
    url = reverse(
        "org:import-preview", args=[world.agency.code, "00000000-0000-0000-0000-000000000000"]
    )
    assert clerk(world).get(url, {"format": "json"}).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_a_real_thread_runs_the_job_to_the_end(monkeypatch: pytest.MonkeyPatch) -> None:
    world = build_world()
    staff_import = preview(world)
    started: list[threading.Thread] = []
    launch = jobs.launch
    monkeypatch.setattr(jobs, "launch", lambda pk: started.append(launch(pk)))
    jobs.start_staff_import(
        staff_import, confirmed_by=world.clerk
    )  # no outer transaction: starts at once
    assert len(started) == 1
    started[0].join(timeout=30)
    staff_import.refresh_from_db()
    assert staff_import.state == StaffImportState.APPLIED
    assert Person.objects.filter(agency=world.agency, staff_code__startswith="NV").count() == ROWS


def test_the_import_runs_as_a_job_and_an_unexpected_error_leaves_its_traceback(
    world: World, django_capture_on_commit_callbacks: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    staff_import = preview(world)
    with django_capture_on_commit_callbacks(execute=False):
        jobs.start_staff_import(staff_import, confirmed_by=world.clerk)
    job = Job.objects.get()
    assert (job.kind, job.arguments) == (jobs.IMPORT_JOB, {"staff_import": staff_import.pk})

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("ổ đĩa đầy")

    monkeypatch.setattr(jobs, "apply_staff_import", broken)
    [failed] = run_pending()
    staff_import.refresh_from_db()
    assert staff_import.state == StaffImportState.FAILED
    assert staff_import.errors == [jobs.FAILED_UNEXPECTEDLY] and staff_import.progress == ROWS
    assert failed.state == JobState.FAILED and failed.progress == ROWS
    assert "in broken" in failed.traceback and "RuntimeError: ổ đĩa đầy" in failed.traceback
    assert not Person.objects.filter(staff_code="NV000001").exists()


def test_an_import_whose_process_died_is_run_again_by_the_worker(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    staff_import = preview(world)
    with django_capture_on_commit_callbacks(execute=False):
        jobs.start_staff_import(staff_import, confirmed_by=world.clerk)
    long_ago = timezone.now() - timedelta(minutes=10)
    Job.objects.update(state=JobState.RUNNING, attempts=1, heartbeat_at=long_ago)
    [job] = run_pending()
    staff_import.refresh_from_db()
    assert (job.state, job.attempts) == (JobState.DONE, 2)
    assert staff_import.state == StaffImportState.APPLIED
    assert Person.objects.filter(agency=world.agency, staff_code__startswith="NV").count() == ROWS
