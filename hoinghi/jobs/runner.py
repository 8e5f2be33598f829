"""The one runner of long work: queue, claim, progress, heartbeat, recovery, failures recorded.

An app registers a handler per kind of job (``@handler("documents.batch")``) and queues work
with :func:`enqueue`. After the queuing transaction commits, a thread of the same process starts
the job at once (``HOINGHI_JOBS_START_AT_ONCE``, on by default); a worker (``hoinghi jobs worker``,
started by ``hoinghi serve``) takes whatever is still pending and puts back in the queue the jobs
whose process died. Two runners never run one job: a job is claimed by one conditional UPDATE.

While a handler runs, a thread writes the job's heartbeat every ``HEARTBEAT_SECONDS``; a running
job without one for ``STALE_AFTER`` is given up as dead and queued again while it has attempts
left (``max_attempts``), else marked failed. A handler that raises ends its job *failed*: the
message and the whole traceback are stored on the row and logged (logger ``hoinghi.jobs``).
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import traceback
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import DatabaseError, close_old_connections, connection, connections, transaction
from django.db.models import F
from django.utils import timezone

from hoinghi.jobs.models import Job, JobState

logger = logging.getLogger("hoinghi.jobs")

HEARTBEAT_SECONDS = 15.0  # a running job writes its heartbeat this often
STALE_AFTER = timedelta(minutes=2)  # no heartbeat for this long: the job's process died
MAX_ERROR_CHARS = 2_000
DIED = (
    "Việc chạy nền dừng giữa chừng: {minutes} phút không có tín hiệu từ tiến trình chạy "
    "(đã chạy {attempts} lần)."
)


@dataclass(frozen=True)
class JobContext:
    """What a handler receives: its job's arguments and a way to report progress."""

    job: Job

    @property
    def arguments(self) -> dict[str, Any]:
        return dict(self.job.arguments)

    def progress(self, done: int, total: int | None = None) -> None:
        changes: dict[str, Any] = {"progress": done, "heartbeat_at": timezone.now()}
        if total is not None:
            changes["total"] = total
        _mine(self.job).update(**changes)


Handler = Callable[[JobContext], None]
HANDLERS: dict[str, Handler] = {}


def handler(kind: str) -> Callable[[Handler], Handler]:
    """Register the function that runs the jobs of ``kind``."""

    def register(function: Handler) -> Handler:
        HANDLERS[kind] = function
        return function

    return register


class Heartbeat:
    """While the ``with`` block runs, a thread calls ``beat`` every ``every`` seconds, so a piece
    of work whose process died (a restart, the memory killer) is seen as stale."""

    def __init__(self, beat: Callable[[], object], every: float, name: str) -> None:
        self.beat, self.every = beat, every
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._run, name=name, daemon=True)

    def __enter__(self) -> Heartbeat:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopped.set()
        self.thread.join(timeout=self.every + 5)

    def _run(self) -> None:
        try:
            while not self.stopped.wait(self.every):
                try:
                    self.beat()
                except DatabaseError:  # SQLite busy under a long write: the next beat will do
                    logger.warning("Heartbeat missed (%s)", self.thread.name, exc_info=True)
        finally:
            close_old_connections()


def enqueue(kind: str, *, max_attempts: int = 2, start: bool = True, **arguments: Any) -> Job:
    """Queue a job; once the current transaction commits, a thread starts it at once (unless
    ``start`` is false or ``HOINGHI_JOBS_START_AT_ONCE`` is off: then a worker takes it)."""
    if kind not in HANDLERS:
        raise LookupError(f"Không có loại việc chạy nền {kind!r}.")
    job = Job.objects.create(kind=kind, arguments=arguments, max_attempts=max_attempts)
    if start:
        start_after_commit(job)
    return job


def start_after_commit(job: Job) -> None:
    """Once the current transaction commits, run the job in a thread of this process (a runner
    that claimed it first keeps it)."""
    if starts_at_once():
        transaction.on_commit(lambda: launch(job.pk))


def starts_at_once() -> bool:
    """Whether a queued job starts in a thread of the queuing process, after its commit."""
    return bool(getattr(settings, "HOINGHI_JOBS_START_AT_ONCE", True))


def active_job(kind: str, **arguments: Any) -> Job | None:
    """The pending or running job of ``kind`` with exactly these arguments, if any."""
    return (
        Job.objects.filter(
            kind=kind, arguments=arguments, state__in=[JobState.PENDING, JobState.RUNNING]
        )
        .order_by("pk")
        .first()
    )


def launch(pk: int) -> threading.Thread:
    """Run one job in a thread of this process (it closes its own connections at the end)."""

    def work() -> None:
        try:
            run_job(Job.objects.get(pk=pk))
        finally:
            connections.close_all()

    thread = threading.Thread(target=work, name=f"job-{pk}", daemon=True)
    thread.start()
    return thread


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{threading.current_thread().name}"[:120]


def _claim(job: Job) -> bool:
    now = timezone.now()
    return (
        Job.objects.filter(pk=job.pk, state=JobState.PENDING).update(
            state=JobState.RUNNING,
            attempts=F("attempts") + 1,
            started_at=now,
            heartbeat_at=now,
            worker=worker_name(),
        )
        == 1
    )


def _mine(job: Job) -> Any:
    """This run's row: a run given up as dead must not overwrite the next one."""
    return Job.objects.filter(pk=job.pk, state=JobState.RUNNING, attempts=job.attempts)


def run_job(job: Job, *, heartbeat_every: float = HEARTBEAT_SECONDS) -> Job:
    """Run a pending job to its end (done or failed); a job another runner has is left alone."""
    if not _claim(job):
        job.refresh_from_db()
        return job
    job.refresh_from_db()
    mine = _mine(job)
    started = time.monotonic()
    try:
        function = HANDLERS.get(job.kind)
        if function is None:
            raise LookupError(f"Không có loại việc chạy nền {job.kind!r}.")
        beat = lambda: mine.update(heartbeat_at=timezone.now())  # noqa: E731
        with Heartbeat(beat, heartbeat_every, f"job-{job.pk}-heartbeat"):
            function(JobContext(job))
        now = timezone.now()
        mine.update(state=JobState.DONE, finished_at=now, heartbeat_at=now)
        logger.info("Job %s %s done in %.2f s", job.pk, job.kind, time.monotonic() - started)
    except Exception as exc:  # noqa: BLE001 - any failure ends the job, with its traceback
        logger.exception("Job %s %s failed (attempt %s)", job.pk, job.kind, job.attempts)
        message = getattr(exc, "message", None) or f"{type(exc).__name__}: {exc}"
        mine.update(
            state=JobState.FAILED,
            error=str(message)[:MAX_ERROR_CHARS],
            traceback=traceback.format_exc(),
            finished_at=timezone.now(),
        )
    job.refresh_from_db()
    return job


def recover_stale_jobs(
    *, now: datetime | None = None, stale_after: timedelta = STALE_AFTER
) -> list[Job]:
    """Every running job without a heartbeat for ``stale_after``: queued again, or failed."""
    now = now or timezone.now()
    cutoff = now - stale_after
    stale = Job.objects.filter(state=JobState.RUNNING, heartbeat_at__lt=cutoff).order_by("pk")
    recovered: list[Job] = []
    for job in stale[:100]:
        again = job.attempts < job.max_attempts
        minutes = int(stale_after.total_seconds() // 60)
        changes: dict[str, Any] = (
            {"state": JobState.PENDING}
            if again
            else {
                "state": JobState.FAILED,
                "finished_at": now,
                "error": DIED.format(minutes=minutes, attempts=job.attempts),
            }
        )
        taken = Job.objects.filter(
            pk=job.pk, state=JobState.RUNNING, attempts=job.attempts, heartbeat_at__lt=cutoff
        ).update(**changes)
        if taken:
            logger.warning(
                "Job %s %s: no heartbeat since %s on %s; %s",
                job.pk,
                job.kind,
                job.heartbeat_at,
                job.worker,
                "queued again" if again else "failed",
            )
            job.refresh_from_db()
            recovered.append(job)
    return recovered


def run_pending(kinds: Collection[str] | None = None, *, limit: int = 10) -> list[Job]:
    """Recover the dead, then run up to ``limit`` pending jobs (of ``kinds``), oldest first."""
    recover_stale_jobs()
    pending = Job.objects.filter(state=JobState.PENDING).order_by("pk")
    if kinds:
        pending = pending.filter(kind__in=list(kinds))
    return [run_job(job) for job in pending[:limit]]


def work(
    *,
    kinds: Collection[str] | None = None,
    once: bool = False,
    interval: float = 2.0,
    stop: threading.Event | None = None,
    parent: int | None = None,
    report: Callable[[Job], object] = lambda job: None,
) -> None:
    """The worker's loop: run what is pending, sleep ``interval`` when nothing is; until ``stop``
    is set, or the ``parent`` process is gone (the server that started this worker stopped)."""
    stop = stop or threading.Event()
    while not stop.is_set():
        if not connection.in_atomic_block:  # a connection is never closed inside a transaction
            close_old_connections()
        done = run_pending(kinds)
        for job in done:
            report(job)
        if once or (parent is not None and os.getppid() != parent):
            return
        if not done:
            stop.wait(interval)


def start_worker_thread(*, interval: float = 2.0) -> tuple[threading.Thread, threading.Event]:
    """A worker inside this process (a daemon thread); set the event to stop it."""
    stop = threading.Event()

    def loop() -> None:
        try:
            work(interval=interval, stop=stop)
        finally:
            connections.close_all()

    thread = threading.Thread(target=loop, name="jobs-worker", daemon=True)
    thread.start()
    return thread, stop
