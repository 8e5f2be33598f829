"""Every change to targets and tasks: one transaction, one audit entry, coded errors."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from hoinghi.actors import Actor
from hoinghi.audit.services import record
from hoinghi.org.models import Person, Unit, WorkYear
from hoinghi.plans.models import Evidence, ItemKind, ItemSource, ItemStatus, PlanItem
from hoinghi.refusals import Refusal, ensure_year_open
from hoinghi.vietnamese import nfc

MAX_EVIDENCE_BYTES = 20 * 1024 * 1024


class PlanError(Refusal):
    """A refused change to targets or tasks, with a stable code and a Vietnamese message."""


def _check_open(work_year: WorkYear) -> None:
    ensure_year_open(work_year, PlanError, "plans.year_closed", "không thay đổi chỉ tiêu, nhiệm vụ")


def check_owner(work_year: WorkYear, unit: Unit | None, person: Person | None) -> None:
    if unit is not None and unit.agency_id != work_year.agency_id:
        raise PlanError(
            "plans.foreign_unit", f"Đơn vị «{unit}» không thuộc cơ quan của năm công tác."
        )
    if person is not None and person.agency_id != work_year.agency_id:
        raise PlanError("plans.foreign_person", f"«{person}» không thuộc cơ quan của năm công tác.")


@dataclass(frozen=True)
class ItemInput:
    """What a form, an import row or the conference hands over to create an item."""

    kind: str
    title: str
    code: str = ""
    source: str = ItemSource.ASSIGNED
    measure: str = ""
    target_value: Decimal | None = None
    due_on: date | None = None
    note: str = ""
    origin_key: str = ""


def build_item(
    work_year: WorkYear,
    data: ItemInput,
    *,
    unit: Unit | None,
    person: Person | None,
    parent: PlanItem | None = None,
) -> PlanItem:
    title = nfc(data.title).strip()
    if not title:
        raise PlanError("plans.no_title", "Nội dung chỉ tiêu, nhiệm vụ không được để trống.")
    if data.kind not in ItemKind.values:
        raise PlanError("plans.bad_kind", "Loại phải là «Chỉ tiêu» hoặc «Nhiệm vụ».")
    if data.source not in ItemSource.values:
        raise PlanError("plans.bad_source", "Nguồn của chỉ tiêu, nhiệm vụ không hợp lệ.")
    return PlanItem(
        work_year=work_year,
        parent=parent,
        unit=unit,
        person=person,
        kind=data.kind,
        code=nfc(data.code).strip(),
        title=title,
        source=data.source,
        measure=nfc(data.measure),
        target_value=data.target_value,
        due_on=data.due_on,
        note=nfc(data.note),
        origin_key=data.origin_key,
    )


def create_item(
    work_year: WorkYear,
    data: ItemInput,
    *,
    unit: Unit | None = None,
    person: Person | None = None,
    actor: Actor = None,
) -> PlanItem:
    """Add a target or task to the agency (no unit, no person), a unit or a person."""
    _check_open(work_year)
    check_owner(work_year, unit, person)
    with transaction.atomic():
        item = build_item(work_year, data, unit=unit, person=person)
        item.save()
        record(
            "plans.create_item",
            actor=actor,
            target=item,
            agency_code=work_year.agency.code,
            data={"kind": item.kind, "title": item.title},
        )
    return item


def assign_item(
    parent: PlanItem,
    *,
    unit: Unit | None = None,
    person: Person | None = None,
    title: str = "",
    due_on: date | None = None,
    target_value: Decimal | None = None,
    actor: Actor = None,
) -> PlanItem:
    """Hand an item down (agency → unit → person): a child item that points to its parent."""
    work_year = parent.work_year
    _check_open(work_year)
    check_owner(work_year, unit, person)
    if unit is None and person is None:
        raise PlanError("plans.no_assignee", "Chọn đơn vị hoặc người được giao.")
    if (
        person is None
        and parent.unit_id is not None
        and unit is not None
        and unit.pk == parent.unit_id
    ):
        raise PlanError("plans.same_owner", "Không giao lại cho chính đơn vị đang thực hiện.")
    data = ItemInput(
        kind=parent.kind,
        title=title or parent.title,
        code=parent.code,
        source=parent.source,
        measure=parent.measure,
        target_value=target_value if target_value is not None else parent.target_value,
        due_on=due_on or parent.due_on,
    )
    with transaction.atomic():
        owner_unit = unit if unit is not None else parent.unit
        item = build_item(work_year, data, unit=owner_unit, person=person, parent=parent)
        item.save()
        record(
            "plans.assign_item",
            actor=actor,
            target=item,
            agency_code=work_year.agency.code,
            data={"parent": parent.pk, "unit": item.unit_id, "person": item.person_id},
        )
    return item


def apply_progress(
    item: PlanItem,
    *,
    progress_percent: int,
    achieved_value: Decimal | None = None,
    completed_on: date | None = None,
    quality_ok: bool = True,
    exceeded: bool | None = None,
    note: str = "",
) -> None:
    """Check a progress report and set it on the item (unsaved); 100 % with a completion date
    marks the item done. ``exceeded`` defaults to "achieved above the target value"."""
    if not 0 <= progress_percent <= 100:
        raise PlanError("plans.bad_progress", "Tiến độ phải từ 0 đến 100%.")
    if completed_on is not None and progress_percent < 100:
        raise PlanError("plans.done_needs_100", "Chỉ ghi ngày hoàn thành khi tiến độ đạt 100%.")
    if progress_percent == 100 and completed_on is None:
        raise PlanError("plans.no_completion_date", "Tiến độ 100%: xin nhập ngày hoàn thành.")
    if exceeded is None:
        exceeded = (
            achieved_value is not None
            and item.target_value is not None
            and achieved_value > item.target_value
        )
    item.progress_percent = progress_percent
    item.achieved_value = achieved_value
    item.completed_on = completed_on
    item.quality_ok = quality_ok
    item.exceeded = bool(exceeded) and completed_on is not None
    item.status = (
        ItemStatus.DONE
        if completed_on
        else ItemStatus.IN_PROGRESS
        if progress_percent
        else ItemStatus.NOT_STARTED
    )
    if note:
        item.note = nfc(note)


def record_progress(
    item: PlanItem,
    *,
    progress_percent: int,
    achieved_value: Decimal | None = None,
    completed_on: date | None = None,
    quality_ok: bool = True,
    exceeded: bool | None = None,
    note: str = "",
    actor: Actor = None,
) -> PlanItem:
    """Report progress; 100 % with a completion date marks the item done.

    ``exceeded`` defaults to "achieved above the target value" when both are numbers.
    """
    _check_open(item.work_year)
    apply_progress(
        item,
        progress_percent=progress_percent,
        achieved_value=achieved_value,
        completed_on=completed_on,
        quality_ok=quality_ok,
        exceeded=exceeded,
        note=note,
    )
    with transaction.atomic():
        item.save()
        record(
            "plans.record_progress",
            actor=actor,
            target=item,
            agency_code=item.work_year.agency.code,
            data={
                "progress": progress_percent,
                "status": item.status,
                "completed_on": completed_on.isoformat() if completed_on else None,
            },
        )
    return item


def cancel_item(item: PlanItem, *, reason: str, actor: Actor = None) -> PlanItem:
    """Withdraw an item (điều chỉnh, hủy bỏ): it no longer counts in any rollup."""
    _check_open(item.work_year)
    if not reason.strip():
        raise PlanError("plans.no_reason", "Xin ghi lý do điều chỉnh, hủy bỏ.")
    with transaction.atomic():
        item.status, item.completed_on, item.note = ItemStatus.CANCELLED, None, nfc(reason)
        item.save()
        record(
            "plans.cancel_item",
            actor=actor,
            target=item,
            agency_code=item.work_year.agency.code,
            data={"reason": item.note},
        )
    return item


def add_evidence(
    item: PlanItem, upload: UploadedFile, *, name: str = "", actor: Actor = None
) -> Evidence:
    if upload.size is not None and upload.size > MAX_EVIDENCE_BYTES:
        raise PlanError("plans.evidence_too_big", "Tệp minh chứng vượt quá 20 MB.")
    with transaction.atomic():
        evidence = Evidence(
            item=item,
            name=nfc(name or upload.name or "minh chứng"),
            uploaded_by=actor if isinstance(actor, User) else None,
        )
        evidence.file.save(upload.name or "minh-chung", upload, save=False)
        evidence.save()
        record(
            "plans.add_evidence",
            actor=actor,
            target=item,
            agency_code=item.work_year.agency.code,
            data={"evidence": evidence.pk, "name": evidence.name},
        )
    return evidence


@dataclass(frozen=True)
class CarriedTarget:
    """A target adopted by last year's conference resolution, handed over at its closing.

    ``key`` identifies it in the resolution (e.g. "nq-2024-ct-1"): carrying again is a no-op.
    """

    key: str
    title: str
    kind: str = ItemKind.TARGET
    code: str = ""
    measure: str = ""
    target_value: Decimal | None = None
    due_on: date | None = None
    unit_code: str = ""


def carry_targets(
    work_year: WorkYear, items: list[CarriedTarget], *, actor: Actor = None
) -> list[PlanItem]:
    """Bring the resolution's targets into the year; reruns create nothing twice."""
    _check_open(work_year)
    units = {u.code: u for u in Unit.objects.filter(agency=work_year.agency)}
    existing = set(
        PlanItem.objects.filter(
            work_year=work_year, origin_key__in=[i.key for i in items]
        ).values_list("origin_key", flat=True)
    )
    created: list[PlanItem] = []
    with transaction.atomic():
        for carried in items:
            if carried.key in existing:
                continue
            if carried.unit_code and carried.unit_code not in units:
                raise PlanError("plans.unknown_unit", f"Không có đơn vị mã «{carried.unit_code}».")
            data = ItemInput(
                kind=carried.kind,
                title=carried.title,
                code=carried.code,
                source=ItemSource.RESOLUTION,
                measure=carried.measure,
                target_value=carried.target_value,
                due_on=carried.due_on,
                origin_key=carried.key,
            )
            created.append(
                build_item(work_year, data, unit=units.get(carried.unit_code), person=None)
            )
        PlanItem.objects.bulk_create(created)
        record(
            "plans.carry_targets",
            actor=actor,
            agency_code=work_year.agency.code,
            data={"work_year": work_year.year, "created": len(created), "given": len(items)},
        )
    return created


def save_imported(
    work_year: WorkYear,
    rows: list[tuple[ItemInput, Unit | None, Person | None]],
    *,
    file_name: str,
    actor: Actor = None,
) -> int:
    """Write rows an import checked: all of them, in one transaction."""
    _check_open(work_year)
    with transaction.atomic():
        objs = [
            build_item(work_year, data, unit=unit, person=person) for data, unit, person in rows
        ]
        PlanItem.objects.bulk_create(objs, batch_size=1000)
        data: dict[str, Any] = {"file": file_name, "rows": len(objs), "work_year": work_year.year}
        record("plans.import_items", actor=actor, agency_code=work_year.agency.code, data=data)
    return len(objs)
