"""Preparation: the conference, its presidium and participants, the agenda, the drafts."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from hoinghi.actors import Actor
from hoinghi.conference import rules
from hoinghi.conference.models import (
    AgendaItem,
    AgendaKind,
    Conference,
    ConferenceForm,
    ConferenceKind,
    ConferenceState,
    DelegateQuota,
    Draft,
    Participant,
    ParticipantRole,
)
from hoinghi.conference.services.guards import (
    ConferenceError,
    audit,
    bump,
    new_code,
    require_open,
    require_state,
)
from hoinghi.law.conference import (
    AgendaFacts,
    AttendanceForm,
    AttendanceFormFacts,
    ConferenceDateFacts,
    ExtraordinaryRequestFacts,
    agenda_template,
)
from hoinghi.law.conference._common import L10_FROM
from hoinghi.law.conference.agenda import AgendaItem as LawAgendaItem
from hoinghi.org import selectors as org_selectors
from hoinghi.org.models import Agency, Person, Role, RoleAssignment, Unit, WorkYear


def role_holders(agency: Agency, role: str) -> list[Person]:
    """People whose account holds ``role`` on the whole agency, in name order."""
    return holders_by_role(agency, {role}).get(role, [])


def holders_by_role(agency: Agency, roles: set[str]) -> dict[str, list[Person]]:
    """One query: the holders of each of ``roles`` on the whole agency, in name order."""
    rows = (
        RoleAssignment.objects.filter(
            agency=agency, role__in=roles, unit__isnull=True, user__person__agency=agency
        )
        .select_related("user__person")
        .order_by("user__person__sort_key", "pk")
    )
    found: dict[str, list[Person]] = {}
    for row in rows:
        found.setdefault(row.role, []).append(row.user.person)
    return found


def create_conference(
    agency: Agency,
    *,
    year: int,
    held_on: date,
    actor: Actor,
    kind: str = ConferenceKind.REGULAR,
    reviewed_year: WorkYear | None = None,
    place: str = "",
    delegates: bool = False,
    dispersed: bool = False,
    proposers: int = 0,
    union_proposed: bool = False,
    head_proposed: bool = False,
) -> Conference:
    """Plan a conference: its legal form (C3), window (C1), trigger (C6), presidium, staff."""
    staff = list(org_selectors.staff_on(agency, held_on))
    form_decision = rules.ask(
        "conference.attendance_form", AttendanceFormFacts(len(staff), dispersed), on=held_on
    )
    if delegates and form_decision.result.outcome == AttendanceForm.PLENARY:
        raise ConferenceError(
            "conference.delegates_not_allowed",
            "Hình thức: " + form_decision.explanation,
            field="form",
        )
    trigger: dict[str, Any] = {}
    if kind == ConferenceKind.EXTRAORDINARY:
        trigger_decision = rules.ask(
            "conference.extraordinary_trigger",
            ExtraordinaryRequestFacts(len(staff), proposers, union_proposed, head_proposed),
            on=held_on,
        )
        if not trigger_decision.ok:
            raise ConferenceError(
                "conference.no_trigger", trigger_decision.explanation, field="proposers"
            )
        trigger = trigger_decision.record()
    window: dict[str, Any] = {}
    if reviewed_year is not None:
        decision = rules.ask_if_in_force(
            "conference.window",
            ConferenceDateFacts(
                held_on, reviewed_year.ends_on, kind == ConferenceKind.EXTRAORDINARY
            ),
            on=held_on,
        )
        window = decision.record() if decision else {}
    with transaction.atomic():
        try:
            conference = Conference.objects.create(
                agency=agency,
                year=year,
                kind=kind,
                reviewed_year=reviewed_year,
                held_on=held_on,
                place=place,
                dispersed=dispersed,
                form=ConferenceForm.DELEGATES if delegates else ConferenceForm.PLENARY,
                form_decision=form_decision.record(),
                trigger_decision=trigger,
                window_decision=window,
            )
        except IntegrityError:
            raise ConferenceError(
                "conference.duplicate",
                f"Cơ quan đã có Hội nghị thường niên năm {year}.",
                field="year",
            ) from None
        holders = holders_by_role(agency, {Role.LEADER, Role.UNION, Role.CLERK})
        conference.presidium.set(_default_presidium(holders))
        conference.secretaries.set(holders.get(Role.CLERK, [])[:1])
        if not delegates:
            _add_participants(conference, staff, ParticipantRole.STAFF)
        audit(
            "conference.create",
            conference,
            actor,
            year=year,
            held_on=held_on.isoformat(),
            form=conference.form,
            staff=len(staff),
        )
    return conference


def _default_presidium(holders: dict[str, list[Person]]) -> list[Person]:
    """The head and the union chair (docs/domain/conference.md §1.2 CONF-CHAIR-2): editable afterwards."""
    return [*holders.get(Role.LEADER, [])[:1], *holders.get(Role.UNION, [])[:1]]


def _add_participants(conference: Conference, people: Iterable[Person], role: str) -> int:
    existing = set(conference.participants.values_list("person_id", flat=True))
    rows = [
        Participant(conference=conference, person=p, role=role, code=new_code())
        for p in people
        if p.pk not in existing
    ]
    Participant.objects.bulk_create(rows, batch_size=500)
    return len(rows)


def add_participants(
    conference: Conference, people: Iterable[Person], *, role: str, actor: Actor
) -> int:
    """Invite delegates, ex-officio members or guests; everyone gets a personal code."""
    require_open(conference, "thêm người dự")
    people = list(people)
    foreign = [
        p for p in people if p.agency_id != conference.agency_id and role != ParticipantRole.GUEST
    ]
    if foreign:
        raise ConferenceError(
            "conference.foreign_person",
            f"{foreign[0].full_name} không thuộc cơ quan: chỉ mời làm khách mời.",
            field="people",
        )
    with transaction.atomic():
        added = _add_participants(conference, people, role)
        audit("conference.participants.add", conference, actor, role=role, added=added)
    bump(conference)
    return added


def set_presidium(
    conference: Conference,
    *,
    presidium: Iterable[Person],
    secretaries: Iterable[Person],
    actor: Actor,
) -> None:
    presidium, secretaries = list(presidium), list(secretaries)
    if not presidium:
        raise ConferenceError(
            "conference.no_presidium", "Đoàn Chủ tịch phải có ít nhất một người.", field="presidium"
        )
    if not secretaries:
        raise ConferenceError(
            "conference.no_secretary", "Phải cử ít nhất một thư ký Hội nghị.", field="secretaries"
        )
    for field, people in (("presidium", presidium), ("secretaries", secretaries)):
        foreign = [p for p in people if p.agency_id != conference.agency_id]
        if foreign:
            raise ConferenceError(
                "conference.presidium.foreign",
                f"{foreign[0].full_name} không thuộc cơ quan.",
                field=field,
            )
    with transaction.atomic():
        conference.presidium.set(presidium)
        conference.secretaries.set(secretaries)
        audit(
            "conference.presidium.set",
            conference,
            actor,
            presidium=[p.staff_code for p in presidium],
            secretaries=[p.staff_code for p in secretaries],
        )


def build_agenda(conference: Conference, *, actor: Actor) -> list[AgendaItem]:
    """Prefill the agenda with the law's order of business (Art 51.4 L10).

    Before 01/07/2023 no order of business is verified; the L10 items serve as a model.
    """
    require_state(conference, ConferenceState.PREPARING, action="lập lại chương trình")
    template = agenda_template(on=max(conference.held_on, L10_FROM))
    with transaction.atomic():
        conference.agenda_items.all().delete()
        items = [
            AgendaItem(
                conference=conference,
                position=1,
                kind=AgendaKind.OPENING,
                title="Khai mạc; giới thiệu Đoàn Chủ tịch, thư ký Hội nghị",
            )
        ]
        items += [
            AgendaItem(conference=conference, position=i, kind=entry.item.value, title=entry.title)
            for i, entry in enumerate(template, start=2)
        ]
        AgendaItem.objects.bulk_create(items)
        audit("conference.agenda.build", conference, actor, items=len(items))
    return list(conference.agenda_items.all())


def check_agenda(
    conference: Conference, *, has_inspection_board: bool = True, has_staff_decisions: bool = True
) -> rules.Decision | None:
    """Rule C8 on the agenda as it stands; None where no order of business is in force."""
    law_items = {i.value for i in LawAgendaItem}
    kinds = tuple(
        LawAgendaItem(k)
        for k in conference.agenda_items.values_list("kind", flat=True)
        if k in law_items
    )
    return rules.ask_if_in_force(
        "conference.agenda",
        AgendaFacts(kinds, has_inspection_board, has_staff_decisions),
        on=conference.held_on,
    )


def add_agenda_item(
    conference: Conference,
    *,
    title: str,
    kind: str = AgendaKind.OTHER,
    speaker: Person | None = None,
    position: int | None = None,
    actor: Actor,
) -> AgendaItem:
    require_open(conference, "sửa chương trình")
    if not title.strip():
        raise ConferenceError("conference.agenda.no_title", "Nhập tiêu đề nội dung.", field="title")
    with transaction.atomic():
        if position is None:
            position = (conference.agenda_items.count() or 0) + 1
        item = AgendaItem.objects.create(
            conference=conference,
            title=title.strip(),
            kind=kind,
            speaker=speaker,
            position=position,
        )
        audit("conference.agenda.add", conference, actor, item=item.pk, title=item.title)
    bump(conference)
    return item


def add_draft(
    conference: Conference,
    *,
    kind: str,
    title: str,
    actor: Actor,
    text: str = "",
    file: Any = None,
    presented_by: Person | None = None,
    comments_until: date | None = None,
) -> Draft:
    require_open(conference, "thêm dự thảo")
    if not text.strip() and not file:
        raise ConferenceError(
            "conference.draft.empty", "Dự thảo cần có nội dung hoặc tệp đính kèm.", field="text"
        )
    with transaction.atomic():
        draft = Draft.objects.create(
            conference=conference,
            kind=kind,
            title=title.strip(),
            text=text,
            presented_by=presented_by,
            comments_until=comments_until,
            **({"file": file} if file else {}),
        )
        audit("conference.draft.add", conference, actor, draft=draft.pk, kind=kind)
    return draft


def publish_draft(draft: Draft, *, actor: Actor) -> Draft:
    """Make a draft visible to the agency's staff for comment."""
    if draft.published_at is not None:
        return draft
    with transaction.atomic():
        draft.published_at = timezone.now()
        draft.save(update_fields=["published_at"])
        audit("conference.draft.publish", draft.conference, actor, draft=draft.pk)
    return draft


def set_speaker(item: AgendaItem, *, speaker: Person | None, actor: Actor) -> AgendaItem:
    """Người trình bày of an agenda item (a member of the agency, or nobody)."""
    conference = item.conference
    require_open(conference, "phân công người trình bày")
    if speaker is not None and speaker.agency_id != conference.agency_id:
        raise ConferenceError(
            "conference.speaker.foreign",
            f"{speaker.full_name} không thuộc cơ quan.",
            field="speaker",
        )
    with transaction.atomic():
        item.speaker = speaker
        item.save(update_fields=["speaker"])
        audit(
            "conference.agenda.speaker",
            conference,
            actor,
            item=item.pk,
            speaker=speaker.staff_code if speaker else "",
        )
    bump(conference)
    return item


def move_agenda_item(item: AgendaItem, *, by: int, actor: Actor) -> list[AgendaItem]:
    """Move an item up (``by=-1``) or down (``by=1``); positions are renumbered 1, 2, 3…"""
    conference = item.conference
    require_open(conference, "sắp xếp chương trình")
    with transaction.atomic():
        items = list(conference.agenda_items.select_for_update().order_by("position", "pk"))
        index = next(i for i, row in enumerate(items) if row.pk == item.pk)
        target = min(max(index + by, 0), len(items) - 1)
        items.insert(target, items.pop(index))
        for position, row in enumerate(items, start=1):
            row.position = position
        AgendaItem.objects.bulk_update(items, ["position"])
        audit("conference.agenda.move", conference, actor, item=item.pk, position=target + 1)
    bump(conference)
    return items


def set_delegate_quotas(
    conference: Conference, *, delegate_count: int, quotas: dict[Unit, int], actor: Actor
) -> list[DelegateQuota]:
    """Phân bổ đại biểu per unit, as the agency decides (CONF-ATT-3): sums to the delegate count.

    Only for a Hội nghị đại biểu, which the law's rule C3 allowed when the conference was made.
    """
    require_state(conference, ConferenceState.PREPARING, action="phân bổ đại biểu")
    if conference.form != ConferenceForm.DELEGATES:
        raise ConferenceError(
            "conference.quota.plenary",
            "Hội nghị toàn thể: mọi cán bộ đều dự, không phân bổ đại biểu. "
            + conference.form_decision.get("explanation", ""),
            field="delegate_count",
        )
    if delegate_count < 1:
        raise ConferenceError(
            "conference.quota.count", "Số đại biểu phải từ 1 trở lên.", field="delegate_count"
        )
    for unit, seats in quotas.items():
        if unit.agency_id != conference.agency_id:
            raise ConferenceError(
                "conference.quota.unit", f"{unit.name} không thuộc cơ quan.", field="quotas"
            )
        if seats < 0:
            raise ConferenceError(
                "conference.quota.negative",
                f"{unit.name}: số đại biểu không được âm.",
                field="quotas",
            )
    total = sum(quotas.values())
    if total != delegate_count:
        raise ConferenceError(
            "conference.quota.sum",
            f"Tổng số đại biểu phân bổ cho các đơn vị ({total}) phải bằng số "
            f"đại biểu được triệu tập ({delegate_count}).",
            field="quotas",
        )
    with transaction.atomic():
        conference.delegate_count = delegate_count
        conference.save(update_fields=["delegate_count"])
        conference.quotas.all().delete()
        rows = DelegateQuota.objects.bulk_create(
            [
                DelegateQuota(conference=conference, unit=unit, seats=seats)
                for unit, seats in quotas.items()
                if seats
            ]
        )
        audit(
            "conference.quota.set",
            conference,
            actor,
            delegate_count=delegate_count,
            quotas={unit.code: seats for unit, seats in quotas.items() if seats},
        )
    return rows
