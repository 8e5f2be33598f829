"""The ``plans`` section of each year of a scenario file: targets and tasks with their results.

```yaml
years:
- year: 2023
  plans:
  - kind: chi_tieu            # chi_tieu | nhiem_vu
    code: "1"                 # with kind and owner, identifies the item in the year
    title: 100% cán bộ, công chức hoàn thành tốt nhiệm vụ
    unit: van-phong           # owner: none = the agency; a unit; a person (with their unit)
    person: HU01
    assigned_from: agency     # handed down from the item of the same kind and code owned by
                              # the agency ("agency") or by that unit code
    source: cap_tren_giao     # cap_tren_giao | nghi_quyet_hoi_nghi | phat_sinh | tu_de_ra
    measure: "%"
    target_value: 100
    due_on: 2023-12-31
    progress: 100             # percent; 100 needs completed_on
    achieved_value: 100
    completed_on: 2023-12-15
    quality_ok: true          # default true
    exceeded: false           # default: achieved above the target value
    cancelled: true           # withdrawn (điều chỉnh, hủy bỏ): note gives the reason
    note: …
```

The file is the truth for the year's items: listed items are created or brought up to date,
items of the year the file does not list are removed. Each item is checked by the same
functions as the services (owner in the agency, title, kind, source, progress and dates).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from hoinghi.org.models import Person, Unit, WorkYear
from hoinghi.org.scenario import DumpContext, LoadContext, Node
from hoinghi.plans.models import ItemKind, ItemSource, ItemStatus, PlanItem
from hoinghi.plans.services import ItemInput, PlanError, apply_progress, build_item, check_owner

AGENCY = "agency"
KEYS = (
    "kind",
    "code",
    "title",
    "unit",
    "person",
    "assigned_from",
    "source",
    "measure",
    "target_value",
    "due_on",
    "progress",
    "achieved_value",
    "completed_on",
    "quality_ok",
    "exceeded",
    "cancelled",
    "note",
)
COMPARED = (
    "title",
    "source",
    "measure",
    "target_value",
    "due_on",
    "progress_percent",
    "achieved_value",
    "completed_on",
    "quality_ok",
    "exceeded",
    "status",
    "note",
)
Key = tuple[str, str, str, str]  # kind, code, unit code, staff code


@dataclass
class Entry:
    item: PlanItem
    key: Key
    assigned_from: str
    path: str


def item_key(item: PlanItem) -> Key:
    return (
        item.kind,
        item.code,
        item.unit.code if item.unit else "",
        item.person.staff_code if item.person else "",
    )


def decimal(node: Node, key: str) -> Decimal | None:
    value = node.value.get(key) if isinstance(node.value, dict) else None
    if value is None:
        return None
    try:
        if isinstance(value, bool):
            raise InvalidOperation
        return Decimal(str(value))
    except InvalidOperation:
        node.report(f"phải là một số, không phải «{value}»", key)
        return None


def read_entry(ctx: LoadContext, work_year: WorkYear, node: Node) -> Entry | None:
    if not node.is_mapping(required=("kind", "code", "title"), optional=KEYS):
        return None
    unit: Unit | None = (
        ctx.unit(node.code("unit"), f"{node.path}.unit") if node.value.get("unit") else None
    )
    person: Person | None = (
        ctx.person(node.code("person"), f"{node.path}.person") if node.value.get("person") else None
    )
    data = ItemInput(
        kind=node.choice("kind", ItemKind.values, required=True),
        title=node.text("title", required=True),
        code=node.text("code", required=True, max_length=30),
        source=node.choice("source", ItemSource.values, default=ItemSource.ASSIGNED),
        measure=node.text("measure", max_length=60),
        target_value=decimal(node, "target_value"),
        due_on=node.date("due_on"),
        note=node.text("note"),
    )
    progress = node.integer("progress", minimum=0, maximum=100) or 0
    achieved, completed_on = decimal(node, "achieved_value"), node.date("completed_on")
    quality_ok = node.boolean("quality_ok", default=True)
    exceeded = node.value.get("exceeded")
    cancelled = node.boolean("cancelled")
    if ctx.issues:
        return None
    try:
        check_owner(work_year, unit, person)
        item = build_item(work_year, data, unit=unit, person=person)
        apply_progress(
            item,
            progress_percent=progress,
            achieved_value=achieved,
            completed_on=completed_on,
            quality_ok=quality_ok,
            exceeded=node.boolean("exceeded") if exceeded is not None else None,
        )
    except PlanError as exc:
        ctx.error(node.path, exc.message)
    if cancelled:
        if not item.note:
            ctx.error(f"{node.path}.note", "xin ghi lý do điều chỉnh, hủy bỏ")
        item.status, item.completed_on = ItemStatus.CANCELLED, None
    return Entry(item, item_key(item), node.text("assigned_from"), node.path)


def load_plans(ctx: LoadContext, value: Any, path: str) -> None:
    work_year = ctx.work_year
    assert work_year is not None
    entries: dict[Key, Entry] = {}
    for node in ctx.node(value, path).elements():
        entry = read_entry(ctx, work_year, node)
        if entry is None:
            continue
        if entry.key in entries:
            ctx.error(node.path, f"trùng loại, mã và nơi thực hiện với {entries[entry.key].path}")
        entries[entry.key] = entry
    ctx.raise_issues()
    existing = {
        item_key(i): i
        for i in PlanItem.objects.filter(work_year=work_year).select_related("unit", "person")
    }
    for key, entry in entries.items():
        ctx.changes += save_entry(entry, existing.get(key))
    for entry in entries.values():
        ctx.changes += link_parent(ctx, entry, entries)
    gone = [i.pk for k, i in existing.items() if k not in entries]
    if gone:
        ctx.changes += len(gone)
        PlanItem.objects.filter(pk__in=gone).delete()


def save_entry(entry: Entry, current: PlanItem | None) -> int:
    if current is None:
        entry.item.save()
        return 1
    changed = [name for name in COMPARED if getattr(current, name) != getattr(entry.item, name)]
    for name in changed:
        setattr(current, name, getattr(entry.item, name))
    entry.item = current
    if changed:
        current.save()
    return int(bool(changed))


def link_parent(ctx: LoadContext, entry: Entry, entries: dict[Key, Entry]) -> int:
    parent_id = None
    if entry.assigned_from:
        kind, code = entry.key[0], entry.key[1]
        owner = "" if entry.assigned_from == AGENCY else entry.assigned_from
        parent = entries.get((kind, code, owner, ""))
        if parent is None or parent is entry:
            ctx.error(
                f"{entry.path}.assigned_from",
                f"không có {kind} mã «{code}» của «{entry.assigned_from}» trong năm để giao xuống",
            )
        parent_id = parent.item.pk
    if entry.item.parent_id == parent_id:
        return 0
    entry.item.parent_id = parent_id
    entry.item.save(update_fields=["parent", "updated_at"])
    return 1


def number(value: Decimal | None) -> int | str | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else str(value.normalize())


def dump_item(item: PlanItem) -> dict[str, Any]:
    parent = item.parent
    out: dict[str, Any] = {
        "kind": item.kind,
        "code": item.code,
        "title": item.title,
        "unit": item.unit.code if item.unit else None,
        "person": item.person.staff_code if item.person else None,
        "assigned_from": (parent.unit.code if parent.unit else AGENCY) if parent else None,
        "source": item.source if item.source != ItemSource.ASSIGNED else None,
        "measure": item.measure or None,
        "target_value": number(item.target_value),
        "due_on": item.due_on.isoformat() if item.due_on else None,
        "progress": item.progress_percent or None,
        "achieved_value": number(item.achieved_value),
        "completed_on": item.completed_on.isoformat() if item.completed_on else None,
        "quality_ok": None if item.quality_ok else False,
        "exceeded": True if item.exceeded else None,
        "cancelled": True if item.status == ItemStatus.CANCELLED else None,
        "note": item.note or None,
    }
    if (
        item.exceeded is False
        and item.is_done
        and item.achieved_value is not None
        and item.target_value is not None
        and item.achieved_value > item.target_value
    ):
        out["exceeded"] = False  # the default would read it as exceeded
    return {k: v for k, v in out.items() if v is not None}


def dump_plans(ctx: DumpContext) -> list[dict[str, Any]] | None:
    items = (
        PlanItem.objects.filter(work_year=ctx.work_year)
        .select_related("unit", "person", "parent__unit")
        .order_by("kind", "unit__position", "unit__code", "person__staff_code", "code", "pk")
    )
    return [dump_item(i) for i in items] or None
