"""A batch of documents runs as a background job of hoinghi.jobs: progress on the job's row,
a failure's traceback kept on it, a job whose process died taken up again by the worker."""

from __future__ import annotations

import logging
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from hoinghi.documents import services
from hoinghi.documents.models import BatchState, DocumentBatch
from hoinghi.documents.services import BATCH_JOB, start_batch
from hoinghi.documents.tests.test_views import client_for
from hoinghi.jobs.models import Job, JobState
from hoinghi.jobs.runner import run_job, run_pending
from hoinghi.org.models import WorkYear
from hoinghi.testing import World

pytestmark = pytest.mark.django_db


@pytest.fixture
def year_2025(world: World) -> WorkYear:
    return WorkYear.objects.create(
        agency=world.agency, year=2025, starts_on=date(2025, 1, 1), ends_on=date(2025, 12, 31)
    )


def test_starting_a_batch_queues_one_job_that_makes_it_with_progress(
    world: World, year_2025: WorkYear
) -> None:
    batch = start_batch(world.agency, "thong-bao-xep-loai", year=2025, actor=world.clerk)
    job = Job.objects.get()
    assert (job.kind, job.arguments, job.state) == (BATCH_JOB, {"batch": batch.pk}, "pending")
    services.queue_batch(batch.pk)  # already queued: no second job
    assert Job.objects.count() == 1
    [done] = run_pending()
    batch.refresh_from_db()
    assert batch.state == BatchState.DONE and batch.done == batch.total == 9
    assert (done.state, done.progress, done.total) == (JobState.DONE, 9, 9)


def test_a_failed_batch_leaves_its_message_and_the_job_its_traceback(
    world: World,
    year_2025: WorkYear,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken(*args: object, **kwargs: object) -> bytes:
        raise RuntimeError("khuôn DOCX hỏng")

    monkeypatch.setattr(services, "render_docx", broken)
    batch = start_batch(world.agency, "thong-bao-xep-loai", year=2025, actor=world.clerk)
    with caplog.at_level(logging.ERROR, logger="hoinghi.jobs"):
        [job] = run_pending()
    batch.refresh_from_db()
    assert batch.state == BatchState.FAILED and batch.error == "RuntimeError: khuôn DOCX hỏng"
    assert job.state == JobState.FAILED and "in broken" in job.traceback
    assert "in _make_batch" in job.traceback and "khuôn DOCX hỏng" in job.traceback
    assert any(r.exc_info for r in caplog.records if r.name == "hoinghi.jobs")


def test_a_job_whose_process_died_makes_its_batch_again(world: World, year_2025: WorkYear) -> None:
    batch = start_batch(world.agency, "thong-bao-xep-loai", year=2025, actor=world.clerk)
    long_ago = timezone.now() - timedelta(minutes=10)
    DocumentBatch.objects.filter(pk=batch.pk).update(
        state=BatchState.RUNNING, attempts=1, done=4, updated_at=long_ago
    )
    Job.objects.update(state=JobState.RUNNING, attempts=1, heartbeat_at=long_ago)
    [job] = run_pending()
    batch.refresh_from_db()
    assert (job.state, job.attempts) == (JobState.DONE, 2)
    assert (batch.state, batch.done, batch.attempts) == (BatchState.DONE, 9, 2)


def test_the_page_of_a_dead_batch_starts_its_dead_job_again(
    world: World, year_2025: WorkYear, django_capture_on_commit_callbacks: object
) -> None:
    batch = start_batch(world.agency, "thong-bao-xep-loai", year=2025, actor=world.clerk)
    long_ago = timezone.now() - timedelta(minutes=10)
    DocumentBatch.objects.filter(pk=batch.pk).update(
        state=BatchState.RUNNING, attempts=1, updated_at=long_ago
    )
    job = Job.objects.get()
    Job.objects.update(state=JobState.RUNNING, attempts=1, heartbeat_at=long_ago)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:  # type: ignore[operator]
        page = client_for(world.clerk).get(
            reverse("documents:batch", args=[world.agency.code, batch.pk])
        )
    assert page.status_code == 200 and len(callbacks) == 1 and Job.objects.count() == 1
    job.refresh_from_db()
    assert job.state == JobState.PENDING
    done = run_job(job)
    batch.refresh_from_db()
    assert done.state == JobState.DONE and batch.state == BatchState.DONE and batch.done == 9
