"""The ``conferences`` section of a scenario file: a conference as it happened.

```yaml
conferences:
- year: 2024                 # "Hội nghị năm 2024"
  held_on: 2024-01-19
  reviews_year: 2023         # the work year under review (must be in ``years``)
  place: Hội trường cơ quan
  starts_at: "07:30"         # planned opening printed on the invitation (Vietnam time, quoted)
  opened_at: "07:35"         # the opening and closing the minutes print (Vietnam time, quoted)
  closed_at: "11:15"
  presidium: [HU01, HU05]    # default: the head and the union chair
  presidium_head: HU01       # signs "TM. Đoàn Chủ tịch"; a member of the presidium
  secretaries: [HU09]
  present: all               # or a list of staff codes
  reports: [{kind: activity_report, title: …, presented_by: HU01}]
  votes: [{kind: resolution, title: …, for: 32, against: 0, abstain: 0}]
  election: {seats: 3, candidates: [{person: HU12, votes: 30}]}
  awards: [{title: Lao động tiên tiến, recipient: HU12}, {title: …, unit: van-phong}]
  pledge: {text: …, signers: [{person: HU01, as: head}, {person: HU05, as: union_chair}]}
  awards_by: HU05            # who handed the awards (default: the union chair)
  closing: {speaker: HU01, points: [Biểu dương …, đề nghị …], quote: …}
  targets: [100% cán bộ hoàn thành tốt nhiệm vụ]
  closed: true
```
Loading replaces the agency's conference of that year; everything goes through the services,
so every law check applies and every step is audited. When the file gives back exactly the
conference the agency holds, the conference is left as it was (no change, no audit entry).
"""

from __future__ import annotations

from datetime import time
from typing import Any

from django.db import models, transaction

from hoinghi.conference import services
from hoinghi.conference.models import Conference, DraftKind, MotionKind
from hoinghi.conference.services import ConferenceError
from hoinghi.law.conference import PledgeSigner
from hoinghi.org.models import Person
from hoinghi.org.scenario import DumpContext, LoadContext, Node, register_section


def register() -> None:
    register_section("conferences", load=load_conferences, dump=dump_conferences, order=60)


def load_conferences(ctx: LoadContext, value: Any, path: str) -> None:
    root = ctx.node({"conferences": value}, "")
    for node in root.items("conferences"):
        try:
            _load_one(ctx, node)
        except ConferenceError as exc:
            ctx.error(node.path, exc.message)
    ctx.raise_issues()


def _people(ctx: LoadContext, node: Node, key: str) -> list[Person]:
    codes = node.value.get(key) or []
    return [ctx.person(str(code), f"{node.path}.{key}[{i}]") for i, code in enumerate(codes)]


def _load_one(ctx: LoadContext, node: Node) -> None:
    node.is_mapping(
        required=("year", "held_on"),
        optional=(
            "reviews_year",
            "place",
            "presidium",
            "secretaries",
            "present",
            "reports",
            "votes",
            "election",
            "awards",
            "pledge",
            "targets",
            "closed",
            "kind",
            *HOURS,
            "presidium_head",
            "awards_by",
            "closing",
        ),
    )
    year, held_on = node.integer("year", required=True), node.date("held_on", required=True)
    ctx.raise_issues()
    assert year is not None and held_on is not None
    reviewed = ctx.agency.work_years.filter(year=node.integer("reviews_year") or 0).first()
    existing = Conference.objects.filter(agency=ctx.agency, year=year).first()
    before = conference_state(existing) if existing else None
    savepoint = transaction.savepoint()
    Conference.objects.filter(agency=ctx.agency, year=year).delete()
    conference = services.create_conference(
        ctx.agency,
        year=year,
        held_on=held_on,
        reviewed_year=reviewed,
        place=node.text("place"),
        kind=node.text("kind") or "regular",
        actor=None,  # type: ignore[arg-type]
    )
    if "presidium" in node.value or "secretaries" in node.value:
        services.set_presidium(
            conference,
            presidium=_people(ctx, node, "presidium") or list(conference.presidium.all()),
            secretaries=_people(ctx, node, "secretaries") or list(conference.secretaries.all()),
            actor=None,  # type: ignore[arg-type]
        )
    _presidium_head(ctx, node, conference)
    _hours(node, conference)
    for report in node.items("reports"):
        presenter = report.text("presented_by")
        services.add_draft(
            conference,
            kind=report.choice("kind", DraftKind.values) or "other",
            title=report.text("title", required=True),
            text=report.text("title"),
            presented_by=ctx.person(presenter, f"{report.path}.presented_by")
            if presenter
            else None,
            actor=None,  # type: ignore[arg-type]
        )
    services.build_agenda(conference, actor=None)  # type: ignore[arg-type]
    services.open_conference(conference, actor=None)  # type: ignore[arg-type]
    _check_in(ctx, node, conference)
    services.record_quorum(conference, actor=None)  # type: ignore[arg-type]
    _votes(node, conference)
    _election(ctx, node, conference)
    _awards(ctx, node, conference)
    _pledge(ctx, node, conference, held_on)
    _closing_speech(ctx, node, conference)
    for text in node.value.get("targets") or []:
        services.add_resolution_target(conference, text=str(text), actor=None)  # type: ignore[arg-type]
    if node.boolean("closed", default=True):
        services.close_conference(conference, actor=None)  # type: ignore[arg-type]
    if before is not None and conference_state(conference) == before:
        transaction.savepoint_rollback(savepoint)  # the same conference again: keep the old one
        return
    transaction.savepoint_commit(savepoint)
    ctx.changes += 1


def _rows(queryset: models.QuerySet[Any]) -> list[str]:
    """Rows' values without ids, times, random codes and links to rows the load recreates; sorted."""
    names = [
        f.attname
        for f in queryset.model._meta.concrete_fields
        if not f.primary_key
        and not f.unique
        and not isinstance(f, models.DateTimeField | models.JSONField)
        and not (
            f.is_relation
            and f.related_model._meta.app_label in ("conference", "voting", "emulation")
        )
    ]
    return sorted(repr(row) for row in queryset.values_list(*names))


def conference_state(conference: Conference) -> list[list[str]]:
    """What a load writes for one conference, comparable across loads."""
    state = [_rows(Conference.objects.filter(pk=conference.pk))]
    for relation in Conference._meta.related_objects:
        model = relation.related_model
        if (relation.one_to_many or relation.one_to_one) and not isinstance(model, str):
            state.append(_rows(model._default_manager.filter(**{relation.field.name: conference})))
    for field in Conference._meta.many_to_many:
        state.append(
            sorted(repr(pk) for pk in getattr(conference, field.name).values_list("pk", flat=True))
        )
    pledge = getattr(conference, "pledge", None) if hasattr(conference, "pledge") else None
    state.append(
        sorted(repr(pk) for pk in pledge.signers.values_list("pk", flat=True)) if pledge else []
    )
    return state


HOURS = {
    "starts_at": "starts_at",
    "opened_at": "minutes_opened_at",
    "closed_at": "minutes_closed_at",
}


def _clock(node: Node, key: str) -> time | None:
    """ "07:30" (quoted: unquoted, YAML 1.1 reads 07:30 as a number of minutes)."""
    value = node.value.get(key)
    if value is None:
        return None
    try:
        if not isinstance(value, str):
            raise ValueError
        return time.fromisoformat(value.strip())
    except ValueError:
        node.report(f'giờ không hợp lệ «{value}»: viết trong dấu nháy, dạng "07:30"', key)
        return None


def _hours(node: Node, conference: Conference) -> None:
    hours = {field: _clock(node, key) for key, field in HOURS.items() if key in node.value}
    if hours:
        services.set_hours(conference, actor=None, **hours)  # type: ignore[arg-type]


def _presidium_head(ctx: LoadContext, node: Node, conference: Conference) -> None:
    code = node.text("presidium_head")
    if code:
        head = ctx.person(code, f"{node.path}.presidium_head")
        services.set_presidium_head(conference, head, actor=None)  # type: ignore[arg-type]


def _closing_speech(ctx: LoadContext, node: Node, conference: Conference) -> None:
    """Who handed the awards; the closing speech's speaker, points (a list) and quote."""
    awards_by, speech = node.text("awards_by"), node.child("closing")
    if not awards_by and speech.value is None:
        return
    speaker = ""
    if speech.value is not None:
        speech.is_mapping(required=("speaker",), optional=("points", "quote"))
        speaker = speech.text("speaker")
    points = []
    for point in speech.items("points"):
        if isinstance(point.value, str) and point.value.strip():
            points.append(point.value.strip())
        else:
            point.report("phải là một ý (chuỗi ký tự, không để trống)")
    services.record_closing_speech(
        conference,
        speaker=ctx.person(speaker, f"{speech.path}.speaker") if speaker else None,
        awards_by=ctx.person(awards_by, f"{node.path}.awards_by") if awards_by else None,
        points="\n".join(points),
        quote=speech.text("quote", max_length=500),
        actor=None,  # type: ignore[arg-type]
    )


def _check_in(ctx: LoadContext, node: Node, conference: Conference) -> None:
    present = node.value.get("present", "all")
    rows = conference.participants.select_related("person")
    if present != "all":
        codes = {ctx.person(str(c), f"{node.path}.present").staff_code for c in present}
        rows = rows.filter(person__staff_code__in=codes)
    for participant in rows:
        services.check_in(participant, method="desk", actor=None)  # type: ignore[arg-type]


def _votes(node: Node, conference: Conference) -> None:
    for vote in node.items("votes"):
        motion = services.add_motion(
            conference,
            kind=vote.choice("kind", MotionKind.values) or MotionKind.RESOLUTION,
            title=vote.text("title", required=True),
            actor=None,  # type: ignore[arg-type]
        )
        services.record_motion_result(
            motion,
            votes_for=vote.integer("for", required=True) or 0,
            votes_against=vote.integer("against") or 0,
            abstentions=vote.integer("abstain") or 0,
            actor=None,  # type: ignore[arg-type]
        )


def _election(ctx: LoadContext, node: Node, conference: Conference) -> None:
    if not node.value.get("election"):
        return
    election_node = node.child("election")
    candidates = election_node.items("candidates")
    people = [ctx.person(c.text("person", required=True), c.path) for c in candidates]
    election = services.set_up_election(
        conference,
        seats=election_node.integer("seats") or 3,
        candidates=people,
        actor=None,  # type: ignore[arg-type]
    )
    services.record_election_result(
        election,
        votes={p.pk: c.integer("votes") or 0 for p, c in zip(people, candidates, strict=True)},
        actor=None,  # type: ignore[arg-type]
    )


def _awards(ctx: LoadContext, node: Node, conference: Conference) -> None:
    for award in node.items("awards"):
        person, unit = award.text("recipient"), award.text("unit")
        services.add_award(
            conference,
            title=award.text("title", required=True),
            recipient=ctx.person(person, award.path) if person else None,
            recipient_unit=ctx.unit(unit, award.path) if unit else None,
            recipient_name=award.text("name"),
            decision_ref=award.text("decision"),
            actor=None,  # type: ignore[arg-type]
        )


def _pledge(ctx: LoadContext, node: Node, conference: Conference, held_on: Any) -> None:
    if not node.value.get("pledge"):
        return
    pledge = node.child("pledge")
    signers, capacities = [], {}
    for signer in pledge.items("signers"):
        person = ctx.person(signer.text("person", required=True), signer.path)
        signers.append(person)
        capacities[person.pk] = PledgeSigner(signer.choice("as", PledgeSigner, default="other"))
    services.sign_pledge(
        conference,
        text=pledge.text("text") or "Giao ước thi đua",
        signers=signers,
        signed_on=held_on,
        capacities=capacities,
        actor=None,  # type: ignore[arg-type]
    )


def dump_conferences(ctx: DumpContext) -> Any:
    from hoinghi.conference.selectors import conferences_of

    rows = []
    for c in conferences_of(ctx.agency).order_by("held_on"):
        rows.append(
            {
                "year": c.year,
                "held_on": c.held_on.isoformat(),
                **({"reviews_year": c.reviewed_year.year} if c.reviewed_year else {}),
                "place": c.place,
                "presidium": [p.staff_code for p in c.presidium.order_by("sort_key")],
                "secretaries": [p.staff_code for p in c.secretaries.order_by("sort_key")],
                "present": [
                    p.person.staff_code
                    for p in c.participants.select_related("person").filter(
                        checked_in_at__isnull=False
                    )
                ],
                "reports": [{"kind": d.kind, "title": d.title} for d in c.drafts.all()],
                "votes": [
                    {
                        "kind": m.kind,
                        "title": m.title,
                        "for": m.votes_for,
                        "against": m.votes_against,
                        "abstain": m.votes_abstain,
                    }
                    for m in c.motions.filter(adopted__isnull=False)
                ],
                "awards": [{"title": a.title, "name": a.recipient_name} for a in c.awards.all()],
                "targets": [t.text for t in c.resolution_targets.all()],
                **_dumped_closing(c),
                "closed": c.is_closed,
            }
        )
    return rows or None


def _dumped_closing(c: Conference) -> dict[str, Any]:
    """The hours, the presidium's head, the award presenter and the closing speech, when set."""
    row: dict[str, Any] = {
        key: getattr(c, field).strftime("%H:%M")
        for key, field in HOURS.items()
        if getattr(c, field) is not None
    }
    people = {
        "presidium_head": c.presidium_head,
        "awards_by": c.awards_presented_by,
    }
    row.update({key: person.staff_code for key, person in people.items() if person is not None})
    if c.closing_speaker is not None:
        row["closing"] = {
            "speaker": c.closing_speaker.staff_code,
            "points": [line for line in c.closing_points.splitlines() if line.strip()],
            **({"quote": c.closing_quote} if c.closing_quote else {}),
        }
    return row
