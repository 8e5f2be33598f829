"""The ``emulation`` section of each year of a scenario file.

```yaml
years:
- year: 2023
  emulation:
    launch: {launched_on: 2023-02-10, theme: "…", movements: ["…"]}
    registrations: [{everyone: [ldtt]}, {person: HU01, titles: [ldtt, cstdcs]}, {unit: van-phong, titles: [ttldtt]}]
    initiatives: [{person: HU01, name: "…", kind: sang_kien, level: co_so, recognised_on: 2023-11-20,
                   recognised_by: "…"}]
    pledges: [{signed_on: 2023-01-20, party_a: "…", signer_a: "…", party_b: "…", signer_b: "…",
               commitments: ["…"], results: [true]}]
    decisions: [{issuer_kind: upper_state, issuer: "…", number: "…", signed_on: 2024-01-12,
                 title: ttldtt, units: [van-phong], people: []}]
    recognitions: [{name: An toàn về an ninh trật tự, issuer: Công an huyện},       # the agency
                   {name: Gia đình văn hóa, everyone: true}, {name: "…", unit: van-phong},
                   {name: "…", person: HU01, recognised_on: 2023-12-20}]
    judgements: [{unit: van-phong, emulation_active: true, unity: true,      # the council's
                  judged_on: 2023-12-15, note: "…"}]                          # (null: not judged)
```
Loading brings the year back to the file's state: the year's registrations, pledges,
initiatives, recognitions and decisions not made from a proposal are replaced. When the
file gives back exactly what the year held, the year is left as it was (no change counted).
"""

from __future__ import annotations

from typing import Any

from django.db import models, transaction
from django.db.models import Exists, QuerySet

from hoinghi.emulation.models import (
    Award,
    Commitment,
    Decision,
    Initiative,
    Launch,
    Pledge,
    Recognition,
    Registration,
    UnitJudgement,
)
from hoinghi.emulation.vocabulary import (
    INITIATIVE_KIND_CHOICES,
    INITIATIVE_LEVEL_CHOICES,
    ISSUER_CHOICES,
    PERSON_TITLES,
    UNIT_TITLES,
)
from hoinghi.law.emulation.vocabulary import Title
from hoinghi.org.models import WorkYear
from hoinghi.org.scenario import DumpContext, LoadContext, Node

TITLES = [t.value for t in Title]
KEYS = (
    "launch",
    "registrations",
    "initiatives",
    "pledges",
    "decisions",
    "recognitions",
    "judgements",
)
JUDGEMENT_KEYS = ("emulation_active", "unity", "judged_on", "note")


def load_emulation(ctx: LoadContext, value: Any, path: str) -> None:
    work_year = ctx.work_year
    assert work_year is not None
    node = ctx.node(value, path)
    if not node.is_mapping(optional=KEYS):
        ctx.raise_issues()
    before, changes = year_state(ctx), ctx.changes
    savepoint = transaction.savepoint()
    clear_year(ctx)
    load_launch(ctx, node)
    load_registrations(ctx, node)
    load_initiatives(ctx, node)
    load_pledges(ctx, node)
    load_decisions(ctx, node)
    load_recognitions(ctx, node)
    load_judgements(ctx, node)
    ctx.raise_issues()
    if year_state(ctx) == before:  # the file gives the year back as it was: keep the old rows
        transaction.savepoint_rollback(savepoint)
        ctx.changes = changes
    else:
        transaction.savepoint_commit(savepoint)


def rows_of(queryset: QuerySet[Any], *parents: str) -> list[str]:
    """The rows' values without their ids and times, parents given by a natural key, sorted."""
    names = [
        f.attname
        for f in queryset.model._meta.concrete_fields
        if not f.primary_key
        and not isinstance(f, models.DateTimeField)
        and not (f.is_relation and f.related_model._meta.app_label == "emulation")
    ]
    return sorted(repr(row) for row in queryset.values_list(*names, *parents))


def year_state(ctx: LoadContext) -> list[list[str]]:
    """What the section writes for the year, comparable across loads."""
    wy = ctx.work_year
    decisions = Decision.objects.filter(work_year=wy, proposal__isnull=True)
    return [
        rows_of(Launch.objects.filter(work_year=wy)),
        rows_of(Registration.objects.filter(work_year=wy)),
        rows_of(Pledge.objects.filter(work_year=wy)),
        rows_of(
            Commitment.objects.filter(pledge__work_year=wy), "pledge__signed_on", "pledge__party_a"
        ),
        rows_of(decisions),
        rows_of(Award.objects.filter(decision__in=decisions), "decision__number"),
        rows_of(year_initiatives(ctx)),
        rows_of(Recognition.objects.filter(work_year=wy)),
        rows_of(UnitJudgement.objects.filter(work_year=wy)),
    ]


def year_initiatives(ctx: LoadContext | DumpContext) -> QuerySet[Initiative]:
    wy = ctx.work_year
    assert wy is not None
    return Initiative.objects.filter(
        agency=ctx.agency, recognised_on__range=(wy.starts_on, wy.ends_on)
    )


def clear_year(ctx: LoadContext) -> None:
    wy = ctx.work_year
    assert wy is not None
    Launch.objects.filter(work_year=wy).delete()
    Registration.objects.filter(work_year=wy).delete()
    Pledge.objects.filter(work_year=wy).delete()
    Decision.objects.filter(work_year=wy, proposal__isnull=True).delete()
    year_initiatives(ctx).delete()
    Recognition.objects.filter(work_year=wy).delete()
    UnitJudgement.objects.filter(work_year=wy).delete()


def load_launch(ctx: LoadContext, node: Node) -> None:
    raw = node.mapping_value("launch")
    if not raw:
        return
    launch = node.child("launch")
    launch.is_mapping(
        required=("launched_on", "theme"), optional=("movements", "registration_deadline")
    )
    movements = [m.value for m in launch.items("movements") if isinstance(m.value, str)]
    launched_on = launch.date("launched_on", required=True)
    if launched_on is None or ctx.issues:
        return
    assert ctx.work_year is not None
    Launch.objects.create(
        work_year=ctx.work_year,
        launched_on=launched_on,
        theme=launch.text("theme", required=True),
        movements="\n".join(movements),
        registration_deadline=launch.date("registration_deadline"),
    )
    ctx.changes += 1


def title_list(ctx: LoadContext, item: Node, key: str, allowed: tuple[Title, ...]) -> list[str]:
    values = [str(t) for t in allowed]
    found = []
    for t in item.items(key):
        if t.value not in values:
            t.report(f"danh hiệu «{t.value}» không hợp lệ ở đây; chọn trong: {', '.join(values)}")
        else:
            found.append(t.value)
    return found


def load_registrations(ctx: LoadContext, node: Node) -> None:
    wy = ctx.work_year
    rows: dict[tuple[str, str, str], Registration] = {}
    for item in node.items("registrations"):
        item.is_mapping(optional=("everyone", "person", "unit", "titles", "registered_on"))
        on = item.date("registered_on") or wy.starts_on  # type: ignore[union-attr]
        if "everyone" in item.value:
            for title in title_list(ctx, item, "everyone", PERSON_TITLES):
                for person in ctx.people.values():
                    rows[("p", person.staff_code, title)] = Registration(
                        work_year=wy, person=person, title=title, registered_on=on
                    )
        elif item.value.get("person"):
            person = ctx.person(item.code("person"), f"{item.path}.person")
            for title in title_list(ctx, item, "titles", PERSON_TITLES):
                rows[("p", person.staff_code, title)] = Registration(
                    work_year=wy, person=person, title=title, registered_on=on
                )
        else:
            unit = ctx.unit(item.code("unit"), f"{item.path}.unit")
            for title in title_list(ctx, item, "titles", UNIT_TITLES):
                rows[("u", unit.code, title)] = Registration(
                    work_year=wy, unit=unit, title=title, registered_on=on
                )
    Registration.objects.bulk_create(rows.values())
    ctx.changes += len(rows)


def load_initiatives(ctx: LoadContext, node: Node) -> None:
    rows = []
    for item in node.items("initiatives"):
        item.is_mapping(
            required=("person", "name", "kind", "level", "recognised_on", "recognised_by"),
            optional=("document_number", "applied"),
        )
        person = ctx.person(item.code("person"), f"{item.path}.person")
        name = item.text("name", required=True)
        kind = item.choice("kind", [k for k, _ in INITIATIVE_KIND_CHOICES], required=True)
        level = item.choice("level", [k for k, _ in INITIATIVE_LEVEL_CHOICES], required=True)
        recognised_on = item.date("recognised_on", required=True)
        recognised_by = item.text("recognised_by", required=True)
        document_number, applied = (
            item.text("document_number"),
            item.boolean("applied", default=True),
        )
        if recognised_on is None:
            continue  # reported: the section writes nothing
        rows.append(
            Initiative(
                agency=ctx.agency,
                person=person,
                name=name,
                kind=kind,
                level=level,
                recognised_on=recognised_on,
                recognised_by=recognised_by,
                document_number=document_number,
                applied=applied,
            )
        )
    if not ctx.issues:
        Initiative.objects.bulk_create(rows)
        ctx.changes += len(rows)


def load_pledges(ctx: LoadContext, node: Node) -> None:
    for item in node.items("pledges"):
        item.is_mapping(
            required=("signed_on", "party_a", "signer_a", "party_b", "signer_b", "commitments"),
            optional=("results", "kind"),
        )
        texts = [c.value for c in item.items("commitments") if isinstance(c.value, str)]
        results = [r.value for r in item.items("results")]
        if ctx.issues:
            return
        wy = ctx.work_year
        assert wy is not None
        kind, signed_on = item.text("kind", default="head_union"), item.date("signed_on")
        if signed_on is None:  # not a date: reported
            return
        pledge = Pledge.objects.create(
            work_year=wy,
            kind=kind,
            signed_on=signed_on,
            party_a=item.text("party_a"),
            signer_a=item.text("signer_a"),
            party_b=item.text("party_b"),
            signer_b=item.text("signer_b"),
            reviewed_on=wy.ends_on if results else None,
        )
        Commitment.objects.bulk_create(
            Commitment(
                pledge=pledge, position=i, text=t, met=results[i - 1] if i <= len(results) else None
            )
            for i, t in enumerate(texts, start=1)
        )
        ctx.changes += 1 + len(texts)


def load_decisions(ctx: LoadContext, node: Node) -> None:
    for item in node.items("decisions"):
        item.is_mapping(
            required=("issuer_kind", "issuer", "number", "signed_on", "title"),
            optional=("signer", "people", "units"),
        )
        title = item.choice("title", TITLES, required=True)
        people = [ctx.person(p.value, p.path) for p in item.items("people")]
        units = [ctx.unit(u.value, u.path) for u in item.items("units")]
        if ctx.issues:
            return
        wy = ctx.work_year
        assert wy is not None
        issuer_kind = item.choice("issuer_kind", [k for k, _ in ISSUER_CHOICES])
        issuer, number, signed_on = item.text("issuer"), item.text("number"), item.date("signed_on")
        if signed_on is None:  # not a date: reported
            return
        decision = Decision.objects.create(
            work_year=wy,
            issuer_kind=issuer_kind,
            issuer=issuer,
            number=number,
            signed_on=signed_on,
            signer=item.text("signer"),
        )
        Award.objects.bulk_create(
            [Award(decision=decision, work_year=wy, person=p, title=title) for p in people]
            + [Award(decision=decision, work_year=wy, unit=u, title=title) for u in units]
        )
        ctx.changes += 1 + len(people) + len(units)


def load_recognitions(ctx: LoadContext, node: Node) -> None:
    """Other recognitions: of the agency (no holder), of a unit, of a person, or of everyone."""
    rows = []
    for item in node.items("recognitions"):
        item.is_mapping(
            required=("name",), optional=("issuer", "recognised_on", "unit", "person", "everyone")
        )
        common = {
            "work_year": ctx.work_year,
            "name": item.text("name", required=True),
            "issuer": item.text("issuer"),
            "recognised_on": item.date("recognised_on"),
        }
        if item.boolean("everyone", default=False):
            rows += [Recognition(person=p, **common) for p in ctx.people.values()]
        elif item.value.get("person"):
            rows.append(
                Recognition(person=ctx.person(item.code("person"), f"{item.path}.person"), **common)
            )
        elif item.value.get("unit"):
            rows.append(
                Recognition(unit=ctx.unit(item.code("unit"), f"{item.path}.unit"), **common)
            )
        else:
            rows.append(Recognition(**common))
    if not ctx.issues:
        Recognition.objects.bulk_create(rows)
        ctx.changes += len(rows)


def verdict(item: Node, key: str) -> bool | None:
    """The council's verdict on one criterion: true, false, or null (not judged)."""
    value = item.value.get(key)
    if value is None or isinstance(value, bool):
        return value
    item.report(f"phải là true, false hoặc null, không phải «{value}»", key)
    return None


def load_judgements(ctx: LoadContext, node: Node) -> None:
    """The council's judgement of each collective (cấp trên trực tiếp): movement and unity."""
    wy = ctx.work_year
    assert wy is not None
    rows: dict[str, UnitJudgement] = {}
    for item in node.items("judgements"):
        item.is_mapping(required=("unit",), optional=JUDGEMENT_KEYS)
        unit = ctx.units.get(item.code("unit"))
        if unit is None:
            item.report(f"không có đơn vị mã «{item.code('unit')}» trong cơ quan", "unit")
            continue
        if unit.parent_id is not None:
            item.report(
                "đơn vị trực thuộc: Hội đồng đánh giá các tập thể cấp trên trực tiếp", "unit"
            )
        if unit.code in rows:
            item.report(f"đơn vị «{unit.code}» đã được đánh giá ở trên", "unit")
        rows[unit.code] = UnitJudgement(
            work_year=wy,
            unit=unit,
            emulation_active=verdict(item, "emulation_active"),
            unity=verdict(item, "unity"),
            judged_on=item.date("judged_on") or wy.ends_on,
            note=item.text("note"),
        )
    if not ctx.issues:
        UnitJudgement.objects.bulk_create(rows.values())
        ctx.changes += len(rows)


def year_has_records(ctx: DumpContext) -> bool:
    """One query: does the year hold anything of this section?"""
    wy = ctx.work_year
    assert wy is not None
    found = (
        WorkYear.objects.filter(pk=wy.pk)
        .annotate(
            launch=Exists(Launch.objects.filter(work_year=wy)),
            registrations=Exists(Registration.objects.filter(work_year=wy)),
            pledges=Exists(Pledge.objects.filter(work_year=wy)),
            decisions=Exists(Decision.objects.filter(work_year=wy, proposal__isnull=True)),
            initiatives=Exists(year_initiatives(ctx)),
            recognitions=Exists(Recognition.objects.filter(work_year=wy)),
            judgements=Exists(UnitJudgement.objects.filter(work_year=wy)),
        )
        .values_list(
            "launch",
            "registrations",
            "pledges",
            "decisions",
            "initiatives",
            "recognitions",
            "judgements",
        )
        .first()
    )
    return bool(found and any(found))


def dump_emulation(ctx: DumpContext) -> Any:
    wy = ctx.work_year
    assert wy is not None
    if not year_has_records(ctx):
        return None
    data: dict[str, Any] = {}
    launch = Launch.objects.filter(work_year=wy).first()
    if launch:
        data["launch"] = {
            "launched_on": launch.launched_on.isoformat(),
            "theme": launch.theme,
            "movements": launch.movement_list,
        }
    regs = Registration.objects.filter(work_year=wy).select_related("person", "unit").order_by("pk")
    by_holder: dict[tuple[str, str], list[str]] = {}
    for r in regs:
        key = ("person", r.person.staff_code) if r.person_id else ("unit", r.unit.code)  # type: ignore[union-attr]
        by_holder.setdefault(key, []).append(r.title)
    if by_holder:
        data["registrations"] = [
            {kind: code, "titles": titles} for (kind, code), titles in by_holder.items()
        ]
    initiatives = year_initiatives(ctx)
    if initiatives:
        data["initiatives"] = [
            {
                "person": i.person.staff_code,
                "name": i.name,
                "kind": i.kind,
                "level": i.level,
                "recognised_on": i.recognised_on.isoformat(),
                "recognised_by": i.recognised_by,
            }
            for i in initiatives.select_related("person").order_by("pk")
        ]
    pledges = Pledge.objects.filter(work_year=wy).prefetch_related("commitments")
    if pledges:
        data["pledges"] = [dump_pledge(p) for p in pledges]
    decisions = Decision.objects.filter(work_year=wy, proposal__isnull=True).prefetch_related(
        "awards__person", "awards__unit"
    )
    if decisions:
        data["decisions"] = [dump_decision(d) for d in decisions]
    recognitions = (
        Recognition.objects.filter(work_year=wy).select_related("person", "unit").order_by("pk")
    )
    if recognitions:
        data["recognitions"] = [dump_recognition(r) for r in recognitions]
    judgements = (
        UnitJudgement.objects.filter(work_year=wy)
        .select_related("unit")
        .order_by("unit__position", "unit__code")
    )
    if judgements:
        data["judgements"] = [dump_judgement(j) for j in judgements]
    return data or None


def dump_judgement(j: UnitJudgement) -> dict[str, Any]:
    out: dict[str, Any] = {
        "unit": j.unit.code,
        "emulation_active": j.emulation_active,
        "unity": j.unity,
        "judged_on": j.judged_on.isoformat(),
    }
    if j.note:
        out["note"] = j.note
    return out


def dump_recognition(r: Recognition) -> dict[str, Any]:
    out: dict[str, Any] = {"name": r.name}
    if r.issuer:
        out["issuer"] = r.issuer
    if r.recognised_on:
        out["recognised_on"] = r.recognised_on.isoformat()
    if r.person is not None:
        out["person"] = r.person.staff_code
    elif r.unit is not None:
        out["unit"] = r.unit.code
    return out


def dump_pledge(p: Pledge) -> dict[str, Any]:
    commitments = list(p.commitments.all())
    out: dict[str, Any] = {
        "signed_on": p.signed_on.isoformat(),
        "party_a": p.party_a,
        "signer_a": p.signer_a,
        "party_b": p.party_b,
        "signer_b": p.signer_b,
        "commitments": [c.text for c in commitments],
    }
    if any(c.met is not None for c in commitments):
        out["results"] = [bool(c.met) for c in commitments]
    return out


def dump_decision(d: Decision) -> dict[str, Any]:
    awards = list(d.awards.all())
    return {
        "issuer_kind": d.issuer_kind,
        "issuer": d.issuer,
        "number": d.number,
        "signed_on": d.signed_on.isoformat(),
        "signer": d.signer,
        "title": awards[0].title if awards else "",
        "people": [a.person.staff_code for a in awards if a.person_id],  # type: ignore[union-attr]
        "units": [a.unit.code for a in awards if a.unit_id],  # type: ignore[union-attr]
    }
