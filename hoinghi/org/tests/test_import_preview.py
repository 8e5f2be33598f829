"""Upload → preview → confirm: the preview is kept server-side, owned, checked and expiring."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from hoinghi.audit.models import AuditEntry
from hoinghi.org.imports.models import StaffImport, StaffImportState
from hoinghi.org.imports.samples import staff_rows, xlsx_bytes
from hoinghi.org.imports.services import (
    StaffImportError,
    confirm_staff_import,
    preview_staff_import,
)
from hoinghi.org.models import Person, Unit
from hoinghi.testing import World


def preview(world: World, count: int = 5) -> StaffImport:
    return preview_staff_import(
        world.agency, xlsx_bytes(staff_rows(count)), filename="ds.xlsx", uploaded_by=world.clerk
    )


def test_a_preview_plans_the_changes_and_writes_no_staff(world: World) -> None:
    people = Person.objects.count()
    staff_import = preview(world)
    assert (
        staff_import.planned["people_created"] == 5 and staff_import.planned["units_created"] == 2
    )
    assert staff_import.row_count == 5 and len(staff_import.payload["rows"]) == 5
    assert (
        Person.objects.count() == people and not Unit.objects.filter(code="ban-tuyen-giao").exists()
    )
    assert not AuditEntry.objects.filter(action="org.import_staff").exists()


def test_confirming_applies_the_rows_once_with_an_audit_entry(world: World) -> None:
    staff_import = preview(world)
    counts = confirm_staff_import(staff_import, confirmed_by=world.clerk)
    assert counts.people_created == 5
    staff_import.refresh_from_db()
    assert (
        staff_import.state == StaffImportState.APPLIED
        and staff_import.result["people_created"] == 5
    )
    entry = AuditEntry.objects.get(action="org.import_staff")
    assert entry.target_id == str(staff_import.pk) and entry.actor == world.clerk
    with pytest.raises(StaffImportError) as refused:
        confirm_staff_import(staff_import, confirmed_by=world.clerk)
    assert refused.value.code == "already_applied"


def test_only_the_uploader_can_confirm(world: World) -> None:
    with pytest.raises(StaffImportError) as refused:
        confirm_staff_import(preview(world), confirmed_by=world.admin)
    assert refused.value.code == "not_owner"


def test_an_expired_preview_cannot_be_confirmed(world: World) -> None:
    staff_import = preview(world)
    with (
        time_machine.travel(timezone.now() + timedelta(hours=2)),
        pytest.raises(StaffImportError) as refused,
    ):
        confirm_staff_import(staff_import, confirmed_by=world.clerk)
    assert refused.value.code == "expired"
    assert not Person.objects.filter(staff_code="NV000001").exists()


def test_a_tampered_preview_is_refused(world: World) -> None:
    staff_import = preview(world)
    StaffImport.objects.filter(pk=staff_import.pk).update(
        payload={**staff_import.payload, "rows": staff_import.payload["rows"][:1]}
    )
    staff_import.refresh_from_db()
    with pytest.raises(StaffImportError) as refused:
        confirm_staff_import(staff_import, confirmed_by=world.clerk)
    assert refused.value.code == "checksum"


def test_a_unit_removed_since_the_preview_stops_the_confirmation(world: World) -> None:
    rows = staff_rows(1)
    rows[0].update({"Mã đơn vị": "phong-tam", "Tên đơn vị": ""})
    Unit.objects.create(agency=world.agency, code="phong-tam", name="Phòng Tạm")
    staff_import = preview_staff_import(
        world.agency, xlsx_bytes(rows), filename="ds.xlsx", uploaded_by=world.clerk
    )
    Unit.objects.filter(code="phong-tam").delete()
    with pytest.raises(StaffImportError) as refused:
        confirm_staff_import(staff_import, confirmed_by=world.clerk)
    assert refused.value.messages == [
        "Dòng 2, cột «Mã đơn vị»: đơn vị «phong-tam» chưa có trong cơ quan; "
        "ghi «Tên đơn vị» để tạo mới."
    ]
    assert not Person.objects.filter(staff_code="NV000001").exists()


def test_a_new_preview_clears_expired_ones(world: World) -> None:
    old = preview(world)
    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        preview(world)
    assert not StaffImport.objects.filter(pk=old.pk).exists()
