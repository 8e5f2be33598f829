from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from hoinghi.jobs import runner
from hoinghi.jobs.models import Job, JobState
from hoinghi.jobs.runner import JobContext

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def kinds() -> Iterator[list[int]]:
    """Three kinds of test job: counting with progress, failing, and sleeping."""
    seen: list[int] = []

    def count(context: JobContext) -> None:
        upto = context.arguments["upto"]
        for number in range(1, upto + 1):
            seen.append(number)
            context.progress(number, upto)

    def fail(context: JobContext) -> None:
        raise ValueError(f"hỏng ở dòng {context.arguments['row']}")

    def sleep(context: JobContext) -> None:
        time.sleep(context.arguments["seconds"])

    handlers = {"test.count": count, "test.fail": fail, "test.sleep": sleep}
    runner.HANDLERS.update(handlers)
    yield seen
    for kind in handlers:
        runner.HANDLERS.pop(kind)


def test_a_job_runs_once_to_the_end_with_its_progress(kinds: list[int]) -> None:
    job = runner.enqueue("test.count", upto=3)
    done = runner.run_job(job)
    assert (done.state, done.progress, done.total, done.attempts) == (JobState.DONE, 3, 3, 1)
    assert kinds == [1, 2, 3] and done.finished_at and done.worker and not done.traceback
    assert runner.run_job(done).state == JobState.DONE and kinds == [1, 2, 3]  # not run again


def test_a_failing_job_keeps_its_traceback_on_the_row_and_in_the_log(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.ERROR, logger="hoinghi.jobs"):
        failed = runner.run_job(runner.enqueue("test.fail", row=7))
    assert failed.state == JobState.FAILED and failed.error == "ValueError: hỏng ở dòng 7"
    assert "Traceback (most recent call last)" in failed.traceback
    assert "in fail" in failed.traceback and "hỏng ở dòng 7" in failed.traceback
    logged = [r for r in caplog.records if r.name == "hoinghi.jobs"]
    assert logged and logged[0].exc_info and "failed" in logged[0].getMessage()


def test_an_unknown_kind_is_refused_when_queued_and_fails_when_found() -> None:
    with pytest.raises(LookupError):
        runner.enqueue("test.none")
    job = Job.objects.create(kind="test.none")
    assert "Không có loại việc" in runner.run_job(job).error


def test_the_heartbeat_is_written_while_the_job_runs() -> None:
    job = runner.enqueue("test.sleep", seconds=0.5)
    runner.run_job(job, heartbeat_every=0.05)
    job.refresh_from_db()
    assert job.state == JobState.DONE and job.heartbeat_at and job.started_at
    assert job.heartbeat_at - job.started_at >= timedelta(seconds=0.3)


def _dead(kind: str = "test.count", *, attempts: int = 1) -> Job:
    """A job left running by a process that stopped beating ten minutes ago."""
    return Job.objects.create(
        kind=kind,
        arguments={"upto": 2},
        state=JobState.RUNNING,
        attempts=attempts,
        heartbeat_at=timezone.now() - timedelta(minutes=10),
    )


def test_a_dead_job_is_queued_again_then_failed_after_its_attempts(kinds: list[int]) -> None:
    fresh = Job.objects.create(
        kind="test.count", state=JobState.RUNNING, attempts=1, heartbeat_at=timezone.now()
    )
    dead = _dead()
    assert [job.pk for job in runner.recover_stale_jobs()] == [dead.pk]
    dead.refresh_from_db()
    fresh.refresh_from_db()
    assert dead.state == JobState.PENDING and fresh.state == JobState.RUNNING
    assert runner.run_job(dead).state == JobState.DONE and kinds == [1, 2]
    twice = _dead(attempts=2)
    runner.recover_stale_jobs()
    twice.refresh_from_db()
    assert twice.state == JobState.FAILED and "không có tín hiệu" in twice.error


def test_the_worker_command_recovers_and_runs_what_is_pending(kinds: list[int]) -> None:
    dead = _dead()
    failing = runner.enqueue("test.fail", row=2)
    out = StringIO()
    call_command("jobs_worker", "--once", stdout=out)
    dead.refresh_from_db()
    failing.refresh_from_db()
    assert dead.state == JobState.DONE and failing.state == JobState.FAILED
    assert f"Việc {failing.pk} (test.fail): Lỗi — ValueError: hỏng ở dòng 2" in out.getvalue()
    assert kinds == [1, 2]


@pytest.mark.django_db(transaction=True)
def test_a_worker_thread_takes_a_job_queued_by_another_transaction() -> None:
    from django.test import override_settings

    with override_settings(HOINGHI_JOBS_START_AT_ONCE=False):
        job = runner.enqueue("test.count", upto=5)
    thread, stop = runner.start_worker_thread(interval=0.05)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and Job.objects.get(pk=job.pk).state != JobState.DONE:
        time.sleep(0.05)
    stop.set()
    thread.join(timeout=10)
    assert Job.objects.get(pk=job.pk).progress == 5 and not thread.is_alive()


@pytest.mark.django_db(transaction=True)
def test_a_queued_job_starts_at_once_after_commit(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[threading.Thread] = []
    launch = runner.launch

    def counted(pk: int) -> threading.Thread:
        started.append(launch(pk))
        return started[-1]

    monkeypatch.setattr(runner, "launch", counted)
    job = runner.enqueue("test.count", upto=2)  # no outer transaction: starts at once
    assert len(started) == 1
    started[0].join(timeout=20)
    assert Job.objects.get(pk=job.pk).state == JobState.DONE


def test_a_worker_started_by_a_server_stops_once_the_server_is_gone(kinds: list[int]) -> None:
    job = runner.enqueue("test.count", upto=1, start=False)
    stop = threading.Event()
    # The process that started it is no longer its parent: one round, then it stops.
    runner.work(parent=os.getppid() + 1, interval=0.01, stop=stop)
    assert Job.objects.get(pk=job.pk).state == JobState.DONE and not stop.is_set()
    timer = threading.Timer(0.3, stop.set)
    timer.start()
    started = time.monotonic()
    runner.work(parent=os.getppid(), interval=0.05, stop=stop)  # its parent lives: until stopped
    assert time.monotonic() - started >= 0.25


def test_the_admin_shows_a_failed_job_with_its_traceback_and_changes_nothing(
    admin_client: Client,
) -> None:
    failed = runner.run_job(runner.enqueue("test.fail", row=3, start=False))
    page = admin_client.get(reverse("admin:jobs_job_change", args=[failed.pk]))
    assert page.status_code == 200 and "hỏng ở dòng 3" in page.content.decode()
    assert "Traceback (most recent call last)" in page.content.decode()
    assert admin_client.post(reverse("admin:jobs_job_add")).status_code == 403
