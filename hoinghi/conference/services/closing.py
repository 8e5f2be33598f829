"""Resolution targets and carrying them into the plan; closing, follow-up reminders, reopening."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from hoinghi.actors import Actor
from hoinghi.conference import rules
from hoinghi.conference.models import (
    Conference,
    ConferenceState,
    Election,
    ItemState,
    Reminder,
    ReminderKind,
    ResolutionTarget,
)
from hoinghi.conference.selectors import ELECTION_OUTCOMES
from hoinghi.conference.services.elections import finished
from hoinghi.conference.services.guards import (
    ConferenceError,
    audit,
    bump,
    require_open,
    require_state,
)
from hoinghi.law.conference import (
    FollowupFacts,
    PublicationFacts,
    RecognitionFacts,
)
from hoinghi.org.models import Person, Unit, WorkYear
from hoinghi.plans import services as plan_services


def add_resolution_target(
    conference: Conference, *, text: str, actor: Actor, measure: str = "", unit: Unit | None = None
) -> ResolutionTarget:
    require_open(conference, "thêm chỉ tiêu nghị quyết")
    if not text.strip():
        raise ConferenceError("conference.target.empty", "Nhập nội dung chỉ tiêu.", field="text")
    with transaction.atomic():
        target = ResolutionTarget.objects.create(
            conference=conference,
            text=text.strip(),
            measure=measure,
            unit=unit,
            position=conference.resolution_targets.count() + 1,
        )
        audit("conference.target.add", conference, actor, target=target.pk)
    return target


# --- Closing and reopening ----------------------------------------------------------------


def close_conference(conference: Conference, *, actor: Actor) -> Conference:
    """Bế mạc: the follow-up reminders (C10, C11, B6) are set from the conference date."""
    require_state(conference, ConferenceState.IN_SESSION, ConferenceState.REOPENED, action="bế mạc")
    _require_election_finished(conference)
    with transaction.atomic():
        conference.state, conference.closed_at = ConferenceState.CLOSED, timezone.now()
        conference.current_item = None
        conference.save(update_fields=["state", "closed_at", "current_item"])
        conference.agenda_items.filter(state=ItemState.CURRENT).update(
            state=ItemState.DONE, ended_at=timezone.now()
        )
        made = _make_reminders(conference)
        audit("conference.close", conference, actor, reminders=made)
    bump(conference)
    return conference


def _require_election_finished(conference: Conference) -> None:
    """No closing over an election with seats left empty unless the presidium decided so."""
    election = Election.objects.filter(conference=conference).first()
    if election is None or finished(election):
        return
    raise ConferenceError(
        "conference.close.election_unfinished",
        "Chưa bế mạc được: bầu Ban thanh tra nhân dân chưa xong "
        f"({ELECTION_OUTCOMES.get(election.outcome, 'chưa kiểm phiếu')}). "
        "Bầu tiếp, hoặc Đoàn Chủ tịch ghi quyết định về số thành viên chưa bầu đủ.",
    )


def _make_reminders(conference: Conference) -> int:
    on = conference.held_on
    wanted: list[tuple[str, str, date, rules.Decision]] = []
    followup = rules.ask_if_in_force("conference.followup", FollowupFacts(on), on=on)
    if followup is not None:
        for due in followup.result.values["due_dates"]:
            wanted.append(
                (
                    ReminderKind.SIX_MONTH_REVIEW,
                    "Kiểm tra, đánh giá việc thực hiện nghị quyết và thông báo kết quả",
                    due,
                    followup,
                )
            )
    publication = rules.ask_if_in_force(
        "conference.publication_deadline", PublicationFacts(on), on=on
    )
    if publication is not None:
        wanted.append(
            (
                ReminderKind.PUBLICATION,
                "Công khai nghị quyết Hội nghị",
                publication.result.values["deadline"],
                publication,
            )
        )
    if Election.objects.filter(conference=conference, decided_at__isnull=False).exists():
        recognition = rules.ask_if_in_force(
            "inspection_board.recognition_deadline", RecognitionFacts(on), on=on
        )
        if recognition is not None:
            wanted.append(
                (
                    ReminderKind.INSPECTION_RECOGNITION,
                    "Ban Chấp hành Công đoàn công nhận kết quả bầu Ban thanh tra nhân dân",
                    recognition.result.values["deadline"],
                    recognition,
                )
            )
    for kind, title, due, decision in wanted:
        Reminder.objects.get_or_create(
            conference=conference,
            kind=kind,
            due_on=due,
            defaults={
                "title": title,
                "citation": "; ".join(decision.citations),
                "snapshot": decision.result.to_dict(),
            },
        )
    return len(wanted)


def complete_reminder(reminder: Reminder, *, done_on: date, actor: Actor) -> Reminder:
    with transaction.atomic():
        reminder.done_on = done_on
        reminder.save(update_fields=["done_on"])
        audit("conference.reminder.done", reminder.conference, actor, reminder=reminder.pk)
    return reminder


def reopen_conference(
    conference: Conference, *, by: Person | None, reason: str, actor: Actor
) -> Conference:
    """Mở lại để chỉnh sửa: only a member of the presidium, with a reason, audited."""
    require_state(conference, ConferenceState.CLOSED, action="mở lại")
    if by is None or not conference.presidium.filter(pk=by.pk).exists():
        raise ConferenceError(
            "conference.reopen.not_presidium",
            "Chỉ thành viên Đoàn Chủ tịch mới được mở lại Hội nghị.",
        )
    if not reason.strip():
        raise ConferenceError(
            "conference.reopen.no_reason", "Nêu lý do mở lại để chỉnh sửa.", field="reason"
        )
    with transaction.atomic():
        conference.state = ConferenceState.REOPENED
        conference.save(update_fields=["state"])
        audit("conference.reopen", conference, actor, reason=reason.strip(), by=by.staff_code)
    bump(conference)
    return conference


def plan_year(conference: Conference) -> WorkYear | None:
    """The work year the resolution's targets belong to: the conference's own year."""
    return WorkYear.objects.filter(agency=conference.agency, year=conference.year).first()


def carry_targets_to_plan(conference: Conference, *, actor: Actor) -> int:
    """The resolution's targets into the work year's plan (``plans.services.carry_targets``).

    Reruns create nothing twice: each target is keyed "nq-<year>-ct-<id>".
    """
    year = plan_year(conference)
    if year is None:
        raise ConferenceError(
            "conference.target.no_year",
            f"Chưa mở năm công tác {conference.year}: chưa chuyển chỉ tiêu được.",
        )
    targets = list(conference.resolution_targets.select_related("unit").order_by("position", "pk"))
    if not targets:
        raise ConferenceError("conference.target.none", "Nghị quyết chưa có chỉ tiêu nào.")
    items = [
        plan_services.CarriedTarget(
            key=f"nq-{conference.year}-ct-{t.pk}",
            title=t.text[:500],
            measure=t.measure[:60],
            unit_code=t.unit.code if t.unit else "",
        )
        for t in targets
    ]
    try:
        with transaction.atomic():
            created = plan_services.carry_targets(year, items, actor=actor)
            audit(
                "conference.target.carry",
                conference,
                actor,
                work_year=year.year,
                created=len(created),
            )
    except plan_services.PlanError as exc:
        raise ConferenceError(exc.code, exc.message) from None
    return len(created)
