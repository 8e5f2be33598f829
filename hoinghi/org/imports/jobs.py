"""A large staff file, confirmed in the browser, imported as a background job (hoinghi.jobs).

``start_staff_import`` marks the previewed import *running* and queues its job; once that is
committed, a thread of the web process starts it (a worker takes it otherwise). The job reads
the kept rows (saving its progress and a heartbeat every few thousand rows, each in its own
short transaction, so the progress page sees them), then asks the guards, checks and writes
everything in **one** transaction as the synchronous import does, and ends *applied* or
*failed* with the reasons; an unexpected error's traceback is kept on the job and logged. A job
whose process died is run again by the worker (its transaction never committed, so nothing was
written); while no one runs it, the import is shown as interrupted (``is_stalled``). The
command line stays synchronous.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from hoinghi.audit.services import record
from hoinghi.jobs import runner
from hoinghi.jobs.runner import JobContext, enqueue, handler
from hoinghi.org.imports.models import StaffImport, StaffImportState
from hoinghi.org.imports.rows import CheckedFile, StaffRow
from hoinghi.org.imports.services import (
    StaffImportError,
    apply_staff_import,
    check_confirmable,
    refuse_if_guarded,
)

logger = logging.getLogger(__name__)

BACKGROUND_ROWS = (
    10_000  # above this, a confirmed file runs as a job (setting HOINGHI_IMPORT_BACKGROUND_ROWS)
)
PROGRESS_EVERY = 5_000
IMPORT_JOB = "org.staff_import"
FAILED_UNEXPECTEDLY = (
    "Lỗi hệ thống khi nhập; không có thay đổi nào được ghi. "
    "Hãy thử lại, hoặc báo quản trị viên nếu lỗi lặp lại."
)


def runs_in_background(staff_import: StaffImport) -> bool:
    return staff_import.row_count > getattr(
        settings, "HOINGHI_IMPORT_BACKGROUND_ROWS", BACKGROUND_ROWS
    )


def start_staff_import(staff_import: StaffImport, *, confirmed_by: AbstractBaseUser) -> StaffImport:
    """Confirm a previewed import and queue its background job (started after commit)."""
    with transaction.atomic():
        locked = StaffImport.objects.select_for_update().get(pk=staff_import.pk)
        check_confirmable(locked, confirmed_by)
        refuse_if_guarded(locked.agency)
        locked.state, locked.progress, locked.heartbeat_at = (
            StaffImportState.RUNNING,
            0,
            timezone.now(),
        )
        locked.save(update_fields=["state", "progress", "heartbeat_at"])
        record(
            "org.import_staff_started",
            actor=confirmed_by,
            target=locked,
            agency_code=locked.agency.code,
            data={"filename": locked.filename, "rows": locked.row_count},
        )
        job = enqueue(IMPORT_JOB, start=False, staff_import=locked.pk)
        if runner.starts_at_once():
            transaction.on_commit(lambda: launch(job.pk))
    return locked


def launch(job_pk: int) -> threading.Thread:
    """Run the import's job in a thread of this process."""
    return runner.launch(job_pk)


@handler(IMPORT_JOB)
def import_staff_job(context: JobContext) -> None:
    run_staff_import(context.arguments["staff_import"], on_progress=context.progress, reraise=True)


def run_staff_import(
    pk: int, *, on_progress: Callable[[int], object] | None = None, reraise: bool = False
) -> StaffImport:
    """Run a *running* import to its end (applied or failed); anything else is left alone.
    ``reraise``: an unexpected error is passed on after the import is marked failed (the job
    runner keeps and logs its traceback)."""
    staff_import = StaffImport.objects.select_related("agency", "uploaded_by").get(pk=pk)
    if staff_import.state != StaffImportState.RUNNING:
        return staff_import
    try:
        checked = _read_rows(staff_import, on_progress)
        with transaction.atomic():
            locked = StaffImport.objects.select_for_update().get(pk=pk)
            if locked.state == StaffImportState.RUNNING:
                apply_staff_import(locked, checked, actor=staff_import.uploaded_by)
    except StaffImportError as exc:
        _fail(staff_import, exc.messages)
    except Exception:
        if not reraise:
            logger.exception("Staff import %s failed", pk)
        _fail(staff_import, [FAILED_UNEXPECTEDLY])
        if reraise:
            raise
    staff_import.refresh_from_db()
    return staff_import


def _read_rows(
    staff_import: StaffImport, on_progress: Callable[[int], object] | None
) -> CheckedFile:
    rows: list[StaffRow] = []
    for number, data in enumerate(staff_import.payload["rows"], 1):
        rows.append(StaffRow.from_json(data))
        if number % PROGRESS_EVERY == 0:
            _beat(staff_import, number, on_progress)
    _beat(staff_import, len(rows), on_progress)  # all read: what remains is the write
    return CheckedFile(rows, frozenset(staff_import.payload["present"]))


def _beat(
    staff_import: StaffImport, progress: int, on_progress: Callable[[int], object] | None
) -> None:
    StaffImport.objects.filter(pk=staff_import.pk, state=StaffImportState.RUNNING).update(
        progress=progress, heartbeat_at=timezone.now()
    )
    if on_progress is not None:
        on_progress(progress)


def _fail(staff_import: StaffImport, messages: list[str]) -> None:
    with transaction.atomic():
        StaffImport.objects.filter(pk=staff_import.pk).update(
            state=StaffImportState.FAILED, errors=messages, heartbeat_at=timezone.now()
        )
        record(
            "org.import_staff_failed",
            actor=staff_import.uploaded_by,
            target=staff_import,
            agency_code=staff_import.agency.code,
            data={"filename": staff_import.filename, "errors": messages},
        )
