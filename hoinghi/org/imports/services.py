"""Importing staff: upload → preview → confirm, or in one step from the command line.

Nothing is written unless every row is valid, and then everything is written in one
transaction with one audit entry ``org.import_staff``. Importing the same file again
changes nothing. No import writes while another app's guard refuses it (a poll is open:
hoinghi.org.imports.guards). A large confirmed file runs as a background job
(hoinghi.org.imports.jobs).
"""

from __future__ import annotations

import hashlib
from datetime import timedelta

from django.contrib.auth.models import AbstractBaseUser, User
from django.db import transaction
from django.utils import timezone

from hoinghi.audit.services import record
from hoinghi.org.imports import guards
from hoinghi.org.imports.apply import ImportCounts, agency_units, write_staff
from hoinghi.org.imports.files import FileRefused, read_table
from hoinghi.org.imports.models import StaffImport, StaffImportState, payload_checksum
from hoinghi.org.imports.rows import (
    CheckedFile,
    RowError,
    RowsInvalid,
    StaffRow,
    check_across,
    check_rows,
)
from hoinghi.org.models import Agency
from hoinghi.org.services import OrgError

PREVIEW_TTL = timedelta(hours=1)


class StaffImportError(OrgError):
    """A refused import: one message for the file, or one per bad row."""

    def __init__(self, code: str, messages: list[str]) -> None:
        super().__init__(
            messages[0] if len(messages) == 1 else f"Tệp có {len(messages)} lỗi.", code
        )
        self.messages = messages


def _refused_rows(errors: list[RowError]) -> StaffImportError:
    return StaffImportError("invalid_rows", [str(e) for e in errors])


def refuse_if_guarded(agency: Agency) -> None:
    """Raise StaffImportError("guarded") when another app refuses imports into the agency now."""
    reasons = guards.refusals(agency)
    if reasons:
        raise StaffImportError("guarded", reasons)


def check_staff_file(agency: Agency, data: bytes, *, filename: str) -> CheckedFile:
    """Read and check a whole file against the agency's units; raise StaffImportError."""
    try:
        return check_rows(read_table(data, filename=filename), agency_units(agency))
    except FileRefused as exc:
        raise StaffImportError(exc.code, [exc.message]) from exc
    except RowsInvalid as exc:
        raise _refused_rows(exc.errors) from exc


def import_staff(
    agency: Agency,
    data: bytes,
    *,
    filename: str,
    actor: AbstractBaseUser | None = None,
    dry_run: bool = False,
) -> ImportCounts:
    """Check and write a staff file in one step (the command line, the benchmark)."""
    checked = check_staff_file(agency, data, filename=filename)
    if dry_run:
        return write_staff(agency, checked, dry_run=True)
    with transaction.atomic():
        refuse_if_guarded(agency)
        counts = write_staff(agency, checked)
        record(
            "org.import_staff",
            actor=actor,
            agency_code=agency.code,
            data={
                "filename": filename,
                "file_sha256": hashlib.sha256(data).hexdigest(),
                "rows": len(checked.rows),
                **counts.as_dict(),
            },
        )
    return counts


def preview_staff_import(
    agency: Agency, data: bytes, *, filename: str, uploaded_by: User
) -> StaffImport:
    """Check the file and keep its rows for the uploader to confirm; nothing else is written."""
    refuse_if_guarded(agency)
    checked = check_staff_file(agency, data, filename=filename)
    planned = write_staff(agency, checked, dry_run=True)
    payload = {"present": sorted(checked.present), "rows": [r.to_json() for r in checked.rows]}
    now = timezone.now()
    with transaction.atomic():
        StaffImport.objects.filter(
            agency=agency, state=StaffImportState.PREVIEWED, expires_at__lte=now
        ).delete()
        return StaffImport.objects.create(
            agency=agency,
            uploaded_by=uploaded_by,
            filename=filename[:255],
            file_sha256=hashlib.sha256(data).hexdigest(),
            payload=payload,
            payload_sha256=payload_checksum(payload),
            row_count=len(checked.rows),
            planned=planned.as_dict(),
            created_at=now,
            expires_at=now + PREVIEW_TTL,
        )


def confirm_staff_import(
    staff_import: StaffImport, *, confirmed_by: AbstractBaseUser
) -> ImportCounts:
    """Write the previewed rows, once, by their uploader, before they expire."""
    with transaction.atomic():
        locked = StaffImport.objects.select_for_update().get(pk=staff_import.pk)
        check_confirmable(locked, confirmed_by)
        return apply_staff_import(locked, rows_of(locked), actor=confirmed_by)


def rows_of(staff_import: StaffImport) -> CheckedFile:
    return CheckedFile(
        [StaffRow.from_json(r) for r in staff_import.payload["rows"]],
        frozenset(staff_import.payload["present"]),
    )


def apply_staff_import(
    locked: StaffImport, checked: CheckedFile, *, actor: AbstractBaseUser
) -> ImportCounts:
    """Inside the caller's transaction, holding the import's row lock: ask the guards, check the
    rows against today's units, write, mark applied, audit."""
    agency = locked.agency
    refuse_if_guarded(agency)
    errors = check_across(checked.rows, agency_units(agency))  # units may have changed since
    if errors:
        raise _refused_rows(errors)
    counts = write_staff(agency, checked)
    locked.state, locked.applied_at, locked.result = (
        StaffImportState.APPLIED,
        timezone.now(),
        counts.as_dict(),
    )
    locked.progress = locked.row_count
    locked.save(update_fields=["state", "applied_at", "result", "progress"])
    record(
        "org.import_staff",
        actor=actor,
        target=locked,
        agency_code=agency.code,
        data={
            "filename": locked.filename,
            "file_sha256": locked.file_sha256,
            "rows": locked.row_count,
            **counts.as_dict(),
        },
    )
    return counts


def check_confirmable(staff_import: StaffImport, user: AbstractBaseUser) -> None:
    if staff_import.uploaded_by_id != user.pk:
        raise StaffImportError(
            "not_owner", ["Chỉ người đã tải tệp lên mới xác nhận được lần nhập này."]
        )
    if staff_import.state == StaffImportState.APPLIED:
        raise StaffImportError("already_applied", ["Lần nhập này đã được thực hiện rồi."])
    if staff_import.state == StaffImportState.RUNNING:
        raise StaffImportError("running", ["Lần nhập này đang chạy; hãy chờ đến khi xong."])
    if staff_import.state == StaffImportState.FAILED:
        raise StaffImportError("failed", ["Lần nhập này đã không thành công. Hãy tải tệp lên lại."])
    if staff_import.is_expired():
        raise StaffImportError("expired", ["Bản xem trước đã hết hạn. Hãy tải tệp lên lại."])
    if payload_checksum(staff_import.payload) != staff_import.payload_sha256:
        raise StaffImportError(
            "checksum", ["Dữ liệu xem trước không còn nguyên vẹn. Hãy tải tệp lên lại."]
        )


def earlier_import(staff_import: StaffImport) -> StaffImport | None:
    """An earlier, applied import of the very same file into the same agency, if any."""
    return (
        StaffImport.objects.filter(
            agency_id=staff_import.agency_id,
            file_sha256=staff_import.file_sha256,
            state=StaffImportState.APPLIED,
        )
        .exclude(pk=staff_import.pk)
        .order_by("-applied_at")
        .first()
    )
