"""Every change to a conference: one transaction, one audit entry, coded errors in Vietnamese."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from datetime import date
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from hoinghi.audit.services import record
from hoinghi.conference import rules
from hoinghi.conference.models import (
    AgendaItem,
    AgendaKind,
    AnswerKind,
    Award,
    Comment,
    Conference,
    ConferenceForm,
    ConferenceKind,
    ConferenceState,
    Draft,
    Election,
    ItemState,
    Motion,
    Participant,
    ParticipantRole,
    Pledge,
    QuorumCheck,
    Reminder,
    ReminderKind,
    ResolutionTarget,
    SpeakerRequest,
    VoteMethod,
)
from hoinghi.conference.models import Candidate as ElectionCandidate
from hoinghi.law.conference import (
    AgendaFacts,
    AttendanceForm,
    AttendanceFormFacts,
    BoardCandidateFacts,
    BoardPosition,
    BoardSizeFacts,
    CandidateVotes,
    ConferenceDateFacts,
    ElectionFacts,
    ExtraordinaryRequestFacts,
    FollowupFacts,
    MotionOutcome,
    MotionTallyFacts,
    PledgeFacts,
    PledgeSigner,
    PublicationFacts,
    QuorumFacts,
    RecognitionFacts,
    agenda_template,
)
from hoinghi.law.conference._common import D59_FROM, L10_FROM
from hoinghi.law.conference.agenda import AgendaItem as LawAgendaItem
from hoinghi.law.parameters import NotInForce
from hoinghi.org import selectors as org_selectors
from hoinghi.org.access import has_role
from hoinghi.org.models import Agency, Person, Role, RoleAssignment, Unit, WorkYear
from hoinghi.vietnamese import fold

User = AbstractBaseUser | AnonymousUser
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud at the desk


class ConferenceError(Exception):
    """A refused change, with a stable code and a Vietnamese message naming the reason."""

    def __init__(self, code: str, message: str, *, field: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field


def _audit(action: str, conference: Conference, actor: User | None, **data: Any) -> None:
    record(action, actor=actor, target=conference, agency_code=conference.agency.code, data=data)


def bump(conference: Conference) -> None:
    """Tell the screens that something they show has changed."""
    Conference.objects.filter(pk=conference.pk).update(live_version=F("live_version") + 1)


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))


def _require_state(conference: Conference, *states: str, action: str) -> None:
    if conference.state not in states:
        raise ConferenceError(
            "conference.wrong_state",
            f"Không thể {action} khi Hội nghị {conference.get_state_display().lower()}.")


def _require_open_for_change(conference: Conference, action: str) -> None:
    _require_state(conference, ConferenceState.PREPARING, ConferenceState.IN_SESSION,
                   ConferenceState.REOPENED, action=action)


# --- Preparation --------------------------------------------------------------------------


def role_holders(agency: Agency, role: str) -> list[Person]:
    """People whose account holds ``role`` on the whole agency, leaders first."""
    rows = (RoleAssignment.objects.filter(agency=agency, role=role, unit__isnull=True,
                                          user__person__agency=agency)
            .select_related("user__person").order_by("user__person__sort_key"))
    return [row.user.person for row in rows]


def create_conference(
    agency: Agency,
    *,
    year: int,
    held_on: date,
    actor: User,
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
    form_decision = rules.ask("conference.attendance_form",
                              AttendanceFormFacts(len(staff), dispersed), on=held_on)
    if delegates and form_decision.result.outcome == AttendanceForm.PLENARY:
        raise ConferenceError("conference.delegates_not_allowed",
                              "Hình thức: " + form_decision.explanation, field="form")
    trigger: dict[str, Any] = {}
    if kind == ConferenceKind.EXTRAORDINARY:
        trigger_decision = rules.ask("conference.extraordinary_trigger", ExtraordinaryRequestFacts(
            len(staff), proposers, union_proposed, head_proposed), on=held_on)
        if not trigger_decision.ok:
            raise ConferenceError("conference.no_trigger", trigger_decision.explanation,
                                  field="proposers")
        trigger = trigger_decision.record()
    window: dict[str, Any] = {}
    if reviewed_year is not None:
        decision = rules.ask_if_in_force("conference.window", ConferenceDateFacts(
            held_on, reviewed_year.ends_on, kind == ConferenceKind.EXTRAORDINARY), on=held_on)
        window = decision.record() if decision else {}
    with transaction.atomic():
        try:
            conference = Conference.objects.create(
                agency=agency, year=year, kind=kind, reviewed_year=reviewed_year, held_on=held_on,
                place=place, dispersed=dispersed,
                form=ConferenceForm.DELEGATES if delegates else ConferenceForm.PLENARY,
                form_decision=form_decision.record(), trigger_decision=trigger,
                window_decision=window)
        except IntegrityError:
            raise ConferenceError("conference.duplicate",
                                  f"Cơ quan đã có Hội nghị thường niên năm {year}.",
                                  field="year") from None
        conference.presidium.set(_default_presidium(agency))
        conference.secretaries.set(role_holders(agency, Role.CLERK)[:1])
        if not delegates:
            _add_participants(conference, staff, ParticipantRole.STAFF)
        _audit("conference.create", conference, actor, year=year, held_on=held_on.isoformat(),
               form=conference.form, staff=len(staff))
    return conference


def _default_presidium(agency: Agency) -> list[Person]:
    """The head and the union chair (DOMAIN §1.2 CONF-CHAIR-2): editable afterwards."""
    return [*role_holders(agency, Role.LEADER)[:1], *role_holders(agency, Role.UNION)[:1]]


def _add_participants(conference: Conference, people: Iterable[Person], role: str) -> int:
    existing = set(conference.participants.values_list("person_id", flat=True))
    rows = [Participant(conference=conference, person=p, role=role, code=new_code())
            for p in people if p.pk not in existing]
    Participant.objects.bulk_create(rows, batch_size=500)
    return len(rows)


def add_participants(conference: Conference, people: Iterable[Person], *, role: str,
                     actor: User) -> int:
    """Invite delegates, ex-officio members or guests; everyone gets a personal code."""
    _require_open_for_change(conference, "thêm người dự")
    people = list(people)
    foreign = [p for p in people if p.agency_id != conference.agency_id and
               role != ParticipantRole.GUEST]
    if foreign:
        raise ConferenceError("conference.foreign_person",
                              f"{foreign[0].full_name} không thuộc cơ quan: chỉ mời làm khách mời.",
                              field="people")
    with transaction.atomic():
        added = _add_participants(conference, people, role)
        _audit("conference.participants.add", conference, actor, role=role, added=added)
    bump(conference)
    return added


def set_presidium(conference: Conference, *, presidium: Iterable[Person],
                  secretaries: Iterable[Person], actor: User) -> None:
    presidium, secretaries = list(presidium), list(secretaries)
    if not presidium:
        raise ConferenceError("conference.no_presidium", "Đoàn Chủ tịch phải có ít nhất một người.",
                              field="presidium")
    if not secretaries:
        raise ConferenceError("conference.no_secretary", "Phải cử ít nhất một thư ký Hội nghị.",
                              field="secretaries")
    with transaction.atomic():
        conference.presidium.set(presidium)
        conference.secretaries.set(secretaries)
        _audit("conference.presidium.set", conference, actor,
               presidium=[p.staff_code for p in presidium],
               secretaries=[p.staff_code for p in secretaries])


def build_agenda(conference: Conference, *, actor: User) -> list[AgendaItem]:
    """Prefill the agenda with the law's order of business (Art 51.4 L10).

    Before 01/07/2023 no order of business is verified; the L10 items serve as a model.
    """
    _require_state(conference, ConferenceState.PREPARING, action="lập lại chương trình")
    template = agenda_template(on=max(conference.held_on, L10_FROM))
    with transaction.atomic():
        conference.agenda_items.all().delete()
        items = [AgendaItem(conference=conference, position=1, kind=AgendaKind.OPENING,
                            title="Khai mạc; giới thiệu Đoàn Chủ tịch, thư ký Hội nghị")]
        items += [AgendaItem(conference=conference, position=i, kind=entry.item.value,
                             title=entry.title) for i, entry in enumerate(template, start=2)]
        AgendaItem.objects.bulk_create(items)
        _audit("conference.agenda.build", conference, actor, items=len(items))
    return list(conference.agenda_items.all())


def check_agenda(conference: Conference, *, has_inspection_board: bool = True,
                 has_staff_decisions: bool = True) -> rules.Decision | None:
    """Rule C8 on the agenda as it stands; None where no order of business is in force."""
    law_items = {i.value for i in LawAgendaItem}
    kinds = tuple(LawAgendaItem(k) for k in conference.agenda_items.values_list("kind", flat=True)
                  if k in law_items)
    return rules.ask_if_in_force("conference.agenda", AgendaFacts(
        kinds, has_inspection_board, has_staff_decisions), on=conference.held_on)


def add_agenda_item(conference: Conference, *, title: str, kind: str = AgendaKind.OTHER,
                    speaker: Person | None = None, position: int | None = None,
                    actor: User) -> AgendaItem:
    _require_open_for_change(conference, "sửa chương trình")
    if not title.strip():
        raise ConferenceError("conference.agenda.no_title", "Nhập tiêu đề nội dung.", field="title")
    with transaction.atomic():
        if position is None:
            position = (conference.agenda_items.count() or 0) + 1
        item = AgendaItem.objects.create(conference=conference, title=title.strip(), kind=kind,
                                         speaker=speaker, position=position)
        _audit("conference.agenda.add", conference, actor, item=item.pk, title=item.title)
    bump(conference)
    return item


def add_draft(conference: Conference, *, kind: str, title: str, actor: User, text: str = "",
              file: Any = None, presented_by: Person | None = None,
              comments_until: date | None = None) -> Draft:
    _require_open_for_change(conference, "thêm dự thảo")
    if not text.strip() and not file:
        raise ConferenceError("conference.draft.empty",
                              "Dự thảo cần có nội dung hoặc tệp đính kèm.", field="text")
    with transaction.atomic():
        draft = Draft.objects.create(conference=conference, kind=kind, title=title.strip(),
                                     text=text, presented_by=presented_by,
                                     comments_until=comments_until, **({"file": file} if file else {}))
        _audit("conference.draft.add", conference, actor, draft=draft.pk, kind=kind)
    return draft


def publish_draft(draft: Draft, *, actor: User) -> Draft:
    """Make a draft visible to the agency's staff for comment."""
    if draft.published_at is not None:
        return draft
    with transaction.atomic():
        draft.published_at = timezone.now()
        draft.save(update_fields=["published_at"])
        _audit("conference.draft.publish", draft.conference, actor, draft=draft.pk)
    return draft


# --- Comments -----------------------------------------------------------------------------


def add_comment(conference: Conference, *, author: Person, text: str, actor: User,
                draft: Draft | None = None) -> Comment:
    text = text.strip()
    if not text:
        raise ConferenceError("conference.comment.empty", "Nhập nội dung góp ý.", field="text")
    if author.agency_id != conference.agency_id:
        raise ConferenceError("conference.comment.outsider",
                              "Chỉ cán bộ của cơ quan mới góp ý được.", field="author")
    if draft is not None and draft.published_at is None:
        raise ConferenceError("conference.comment.unpublished",
                              "Dự thảo chưa được công bố để lấy ý kiến.", field="draft")
    if draft is not None and draft.comments_until and timezone.localdate() > draft.comments_until:
        raise ConferenceError("conference.comment.late",
                              f"Đã hết hạn góp ý ({draft.comments_until:%d/%m/%Y}).", field="text")
    _require_open_for_change(conference, "góp ý")
    with transaction.atomic():
        comment = Comment.objects.create(conference=conference, draft=draft, author=author,
                                         text=text, created_at=timezone.now())
        _audit("conference.comment.add", conference, actor, comment=comment.pk)
    return comment


def group_comment(comment: Comment, *, topic: str, actor: User) -> Comment:
    with transaction.atomic():
        comment.topic = topic.strip()
        comment.save(update_fields=["topic"])
        _audit("conference.comment.group", comment.conference, actor, comment=comment.pk,
               topic=comment.topic)
    return comment


def answer_comment(comment: Comment, *, kind: str, answer: str, by: Person,
                   actor: User) -> Comment:
    """Tiếp thu or giải trình, by the head or the union (Art 51.4.d L10)."""
    if kind not in AnswerKind.values:
        raise ConferenceError("conference.answer.kind", "Chọn tiếp thu hoặc giải trình.",
                              field="kind")
    if not answer.strip():
        raise ConferenceError("conference.answer.empty", "Nhập nội dung trả lời.", field="answer")
    with transaction.atomic():
        comment.answer_kind, comment.answer = kind, answer.strip()
        comment.answered_by, comment.answered_at = by, timezone.now()
        comment.save(update_fields=["answer_kind", "answer", "answered_by", "answered_at"])
        _audit("conference.comment.answer", comment.conference, actor, comment=comment.pk,
               kind=kind)
    return comment


# --- The day ------------------------------------------------------------------------------


def open_conference(conference: Conference, *, actor: User) -> Conference:
    _require_state(conference, ConferenceState.PREPARING, action="khai mạc")
    with transaction.atomic():
        conference.state, conference.opened_at = ConferenceState.IN_SESSION, timezone.now()
        conference.save(update_fields=["state", "opened_at"])
        _audit("conference.open", conference, actor)
    bump(conference)
    return conference


def check_in(participant: Participant, *, method: str, actor: User) -> Participant:
    """Điểm danh: idempotent; a second scan keeps the first time."""
    conference = participant.conference
    _require_state(conference, ConferenceState.PREPARING, ConferenceState.IN_SESSION,
                   ConferenceState.REOPENED, action="điểm danh")
    if participant.checked_in_at is not None:
        return participant
    with transaction.atomic():
        updated = Participant.objects.filter(pk=participant.pk, checked_in_at__isnull=True).update(
            checked_in_at=timezone.now(), checkin_method=method,
            checked_in_by=actor if getattr(actor, "is_authenticated", False) else None)
        if updated:
            _audit("conference.checkin", conference, actor, participant=participant.pk,
                   method=method)
    participant.refresh_from_db()
    bump(conference)
    return participant


def undo_check_in(participant: Participant, *, actor: User) -> Participant:
    with transaction.atomic():
        Participant.objects.filter(pk=participant.pk).update(
            checked_in_at=None, checkin_method="", checked_in_by=None)
        _audit("conference.checkin.undo", participant.conference, actor, participant=participant.pk)
    participant.refresh_from_db()
    bump(participant.conference)
    return participant


def attendance(conference: Conference) -> tuple[int, int]:
    """(convened, present) among those who vote; guests are not counted."""
    voters = conference.participants.exclude(role=ParticipantRole.GUEST)
    return voters.count(), voters.filter(checked_in_at__isnull=False).count()


def record_quorum(conference: Conference, *, actor: User,
                  present: int | None = None) -> QuorumCheck:
    """Rule C4 on the live count, kept with its citations (``present`` overrides for records)."""
    convened, counted = attendance(conference)
    present = counted if present is None else present
    try:
        decision = rules.ask("conference.quorum", QuorumFacts(
            convened, present, conference.form == ConferenceForm.DELEGATES), on=conference.held_on)
    except NotInForce as exc:
        raise ConferenceError("conference.quorum.no_rule", str(exc)) from None
    except ValueError as exc:  # InvalidFacts: nobody convened, more present than convened
        raise ConferenceError("conference.quorum.invalid", str(exc)) from None
    with transaction.atomic():
        check = QuorumCheck.objects.create(
            conference=conference, checked_at=timezone.now(), convened=convened, present=present,
            required=decision.result.values["quorum"], met=decision.ok,
            rule_code=decision.result.rule, rule_version=decision.result.rule_version,
            citations=decision.citations, explanation=decision.explanation,
            snapshot=decision.result.to_dict())
        _audit("conference.quorum", conference, actor, present=present, convened=convened,
               met=decision.ok)
    bump(conference)
    return check


def start_item(item: AgendaItem, *, actor: User) -> AgendaItem:
    """Make ``item`` the current one; the one before it is done."""
    conference = item.conference
    _require_state(conference, ConferenceState.IN_SESSION, ConferenceState.REOPENED,
                   action="chuyển nội dung")
    now = timezone.now()
    with transaction.atomic():
        conference.agenda_items.filter(state=ItemState.CURRENT).exclude(pk=item.pk).update(
            state=ItemState.DONE, ended_at=now)
        item.state, item.started_at = ItemState.CURRENT, item.started_at or now
        item.save(update_fields=["state", "started_at"])
        conference.current_item = item
        conference.save(update_fields=["current_item"])
        _audit("conference.item.start", conference, actor, item=item.pk)
    bump(conference)
    return item


def request_to_speak(item: AgendaItem, participant: Participant, *, actor: User) -> SpeakerRequest:
    if participant.conference_id != item.conference_id:
        raise ConferenceError("conference.speaker.foreign", "Người này không dự Hội nghị này.")
    with transaction.atomic():
        request, created = SpeakerRequest.objects.get_or_create(
            item=item, participant=participant, defaults={"requested_at": timezone.now()})
        if created:
            _audit("conference.speaker.request", item.conference, actor, item=item.pk,
                   participant=participant.pk)
    bump(item.conference)
    return request


def mark_spoken(request: SpeakerRequest, *, actor: User) -> SpeakerRequest:
    with transaction.atomic():
        request.spoken_at = timezone.now()
        request.save(update_fields=["spoken_at"])
        _audit("conference.speaker.spoken", request.item.conference, actor, request=request.pk)
    bump(request.item.conference)
    return request


# --- Motions and the election -------------------------------------------------------------


def add_motion(conference: Conference, *, kind: str, title: str, actor: User, text: str = "",
               method: str = VoteMethod.SHOW_OF_HANDS, draft: Draft | None = None) -> Motion:
    _require_open_for_change(conference, "thêm nội dung biểu quyết")
    if not title.strip():
        raise ConferenceError("conference.motion.no_title", "Nhập nội dung biểu quyết.",
                              field="title")
    with transaction.atomic():
        motion = Motion.objects.create(conference=conference, kind=kind, title=title.strip(),
                                       text=text, method=method, draft=draft)
        _audit("conference.motion.add", conference, actor, motion=motion.pk, kind=kind)
    return motion


def present_count(conference: Conference) -> int:
    return attendance(conference)[1]


def record_motion_result(motion: Motion, *, votes_for: int, votes_against: int = 0,
                         abstentions: int = 0, present: int | None = None,
                         actor: User) -> Motion:
    """Counts of a show of hands (or of the vote engine): rule C5, kept with its citations."""
    conference = motion.conference
    _require_state(conference, ConferenceState.IN_SESSION, ConferenceState.REOPENED,
                   action="ghi kết quả biểu quyết")
    present = present_count(conference) if present is None else present
    try:
        decision = rules.ask("conference.adoption", MotionTallyFacts(
            present, votes_for, votes_against, abstentions), on=conference.held_on)
    except ValueError as exc:
        raise ConferenceError("conference.motion.invalid_counts", str(exc),
                              field="votes_for") from None
    with transaction.atomic():
        motion.present, motion.votes_for = present, votes_for
        motion.votes_against, motion.votes_abstain = votes_against, abstentions
        motion.adopted = decision.result.outcome == MotionOutcome.ADOPTED
        _store_decision(motion, decision)
        motion.decided_at = timezone.now()
        motion.save()
        _audit("conference.motion.decide", conference, actor, motion=motion.pk,
               adopted=motion.adopted, votes_for=votes_for, present=present)
    bump(conference)
    return motion


def _store_decision(row: Motion, decision: rules.Decision) -> None:
    row.rule_code, row.rule_version = decision.result.rule, decision.result.rule_version
    row.citations, row.explanation = decision.citations, decision.explanation
    row.snapshot = decision.result.to_dict()


def board_positions(person: Person, on: date) -> tuple[BoardPosition, ...]:
    """What bars a person from the Ban thanh tra nhân dân (B3), read from org positions.

    The agency head is the holder of an ``is_head`` position in a top unit that also leads;
    deputies are leaders whose title says "Phó" in a top unit; the chief accountant by title.
    """
    found: list[BoardPosition] = []
    for position in org_selectors.positions_on(person, on):
        title = fold(position.title)
        top = position.unit.parent_id is None
        if "ke toan truong" in title:
            found.append(BoardPosition.CHIEF_ACCOUNTANT)
        elif position.is_leader and top and title.startswith("pho "):
            found.append(BoardPosition.DEPUTY_HEAD)
        elif position.is_leader and top and ("truong ban" in title or "chanh van phong" in title
                                             or "giam doc" in title or "thu truong" in title):
            found.append(BoardPosition.HEAD)
    if has_role(person.user, {Role.LEADER}, agency=person.agency) if person.user else False:
        found.append(BoardPosition.HEAD)
    return tuple(dict.fromkeys(found)) or (BoardPosition.STAFF,)


def check_candidate(person: Person, conference: Conference) -> rules.Decision | None:
    on = conference.held_on
    facts = BoardCandidateFacts(board_positions(person, on),
                                person.agency_id == conference.agency_id and person.is_on_staff(on))
    return rules.ask_if_in_force("inspection_board.eligibility", facts, on=on)


def set_up_election(conference: Conference, *, seats: int, candidates: Iterable[Person],
                    actor: User, special_or_dispersed: bool = False,
                    method: str = VoteMethod.SECRET_BALLOT) -> Election:
    """The Ban thanh tra nhân dân election: size (B2) and each candidate (B3) checked first."""
    _require_open_for_change(conference, "chuẩn bị bầu Ban thanh tra nhân dân")
    candidates = list(candidates)
    size = rules.ask_if_in_force("inspection_board.size", BoardSizeFacts(
        seats, special_or_dispersed, special_or_dispersed, special_or_dispersed),
        on=conference.held_on)
    if size is not None and not size.ok:
        raise ConferenceError("conference.election.size", size.explanation, field="seats")
    if len(candidates) < seats:
        raise ConferenceError("conference.election.too_few",
                              f"Cần ít nhất {seats} ứng cử viên, mới có {len(candidates)}.",
                              field="candidates")
    checks = {p.pk: check_candidate(p, conference) for p in candidates}
    barred = [p for p in candidates if checks[p.pk] is not None and not checks[p.pk].ok]  # type: ignore[union-attr]
    if barred:
        raise ConferenceError("conference.election.ineligible", "; ".join(
            f"{p.full_name}: {checks[p.pk].explanation}" for p in barred),  # type: ignore[union-attr]
            field="candidates")
    with transaction.atomic():
        Election.objects.filter(conference=conference).delete()
        election = Election.objects.create(
            conference=conference, seats=seats, special_or_dispersed=special_or_dispersed,
            method=method, size_decision=size.record() if size else {})
        ElectionCandidate.objects.bulk_create([
            ElectionCandidate(election=election, person=p,
                              eligibility=checks[p.pk].record() if checks[p.pk] else {})  # type: ignore[union-attr]
            for p in candidates])
        _audit("conference.election.set_up", conference, actor, seats=seats,
               candidates=[p.staff_code for p in candidates])
    return election


def record_election_result(election: Election, *, votes: dict[int, int], actor: User,
                           present: int | None = None,
                           valid_ballots: int | None = None) -> Election:
    """Votes per candidate (person id → votes): rule B9, the elected kept with citations."""
    conference = election.conference
    _require_state(conference, ConferenceState.IN_SESSION, ConferenceState.REOPENED,
                   action="ghi kết quả bầu cử")
    present = present_count(conference) if present is None else present
    candidates = list(election.candidates.select_related("person"))
    unknown = set(votes) - {c.person_id for c in candidates}
    if unknown:
        raise ConferenceError("conference.election.unknown", "Có số phiếu của người không ứng cử.",
                              field="votes")
    facts = ElectionFacts(election.seats, present, tuple(
        CandidateVotes(c.person.staff_code, votes.get(c.person_id, 0)) for c in candidates),
        valid_ballots)
    code = "inspection_board.election" if conference.held_on >= D59_FROM else "conference.election"
    try:
        decision = rules.ask(code, facts, on=conference.held_on)
    except ValueError as exc:
        raise ConferenceError("conference.election.invalid", str(exc), field="votes") from None
    elected = {str(name) for name in _names(decision.result.values.get("elected", ()))}
    with transaction.atomic():
        for c in candidates:
            c.votes = votes.get(c.person_id, 0)
            c.elected = c.person.staff_code in elected
        ElectionCandidate.objects.bulk_update(candidates, ["votes", "elected"])
        election.present, election.ballots_valid = present, valid_ballots
        election.result_decision, election.decided_at = decision.record(), timezone.now()
        election.save()
        _audit("conference.election.decide", conference, actor, elected=sorted(elected))
    bump(conference)
    return election


def _names(values: Iterable[Any]) -> list[str]:
    return [getattr(v, "name", v) for v in values]


# --- Awards, pledge, resolution targets --------------------------------------------------


def add_award(conference: Conference, *, title: str, actor: User, recipient: Person | None = None,
              recipient_unit: Unit | None = None, recipient_name: str = "",
              decision_ref: str = "", emulation_ref: str = "") -> Award:
    name = recipient_name or (recipient.full_name if recipient else "") or (
        recipient_unit.name if recipient_unit else "")
    if not title.strip() or not name.strip():
        raise ConferenceError("conference.award.incomplete",
                              "Nhập danh hiệu, hình thức khen thưởng và người, tập thể được khen.",
                              field="title" if not title.strip() else "recipient_name")
    _require_open_for_change(conference, "ghi khen thưởng")
    with transaction.atomic():
        award = Award.objects.create(conference=conference, title=title.strip(),
                                     recipient=recipient, recipient_unit=recipient_unit,
                                     recipient_name=name.strip(), decision_ref=decision_ref,
                                     emulation_ref=emulation_ref)
        _audit("conference.award.add", conference, actor, award=award.pk, title=award.title)
    return award


def pledge_capacity(person: Person, conference: Conference) -> PledgeSigner:
    """In what capacity a person signs the pledge, read from roles and the presidium."""
    if person.user is not None and has_role(person.user, {Role.UNION}, agency=conference.agency):
        return PledgeSigner.UNION_CHAIR
    if person.user is not None and has_role(person.user, {Role.LEADER}, agency=conference.agency):
        return PledgeSigner.HEAD
    return PledgeSigner.OTHER


def sign_pledge(conference: Conference, *, text: str, signers: Iterable[Person],
                signed_on: date, actor: User,
                capacities: dict[int, PledgeSigner] | None = None) -> Pledge:
    """The emulation pledge, checked against C9 (the head and the union sign)."""
    _require_open_for_change(conference, "ký giao ước thi đua")
    signers = list(signers)
    capacities = capacities or {}
    roles = tuple(capacities.get(p.pk) or pledge_capacity(p, conference) for p in signers)
    decision = rules.ask_if_in_force("conference.pledge_signers", PledgeFacts(roles),
                                     on=conference.held_on)
    if decision is not None and not decision.ok:
        raise ConferenceError("conference.pledge.signers", decision.explanation, field="signers")
    with transaction.atomic():
        pledge, _ = Pledge.objects.update_or_create(conference=conference, defaults={
            "text": text, "signed_on": signed_on,
            "check_result": decision.record() if decision else {}})
        pledge.signers.set(signers)
        _audit("conference.pledge.sign", conference, actor,
               signers=[p.staff_code for p in signers])
    return pledge


def add_resolution_target(conference: Conference, *, text: str, actor: User, measure: str = "",
                          unit: Unit | None = None) -> ResolutionTarget:
    _require_open_for_change(conference, "thêm chỉ tiêu nghị quyết")
    if not text.strip():
        raise ConferenceError("conference.target.empty", "Nhập nội dung chỉ tiêu.", field="text")
    with transaction.atomic():
        target = ResolutionTarget.objects.create(
            conference=conference, text=text.strip(), measure=measure, unit=unit,
            position=conference.resolution_targets.count() + 1)
        _audit("conference.target.add", conference, actor, target=target.pk)
    return target


# --- Closing and reopening ----------------------------------------------------------------


def close_conference(conference: Conference, *, actor: User) -> Conference:
    """Bế mạc: the follow-up reminders (C10, C11, B6) are set from the conference date."""
    _require_state(conference, ConferenceState.IN_SESSION, ConferenceState.REOPENED,
                   action="bế mạc")
    with transaction.atomic():
        conference.state, conference.closed_at = ConferenceState.CLOSED, timezone.now()
        conference.current_item = None
        conference.save(update_fields=["state", "closed_at", "current_item"])
        conference.agenda_items.filter(state=ItemState.CURRENT).update(state=ItemState.DONE,
                                                                       ended_at=timezone.now())
        made = _make_reminders(conference)
        _audit("conference.close", conference, actor, reminders=made)
    bump(conference)
    return conference


def _make_reminders(conference: Conference) -> int:
    on = conference.held_on
    wanted: list[tuple[str, str, date, rules.Decision]] = []
    followup = rules.ask_if_in_force("conference.followup", FollowupFacts(on), on=on)
    if followup is not None:
        for due in followup.result.values["due_dates"]:
            wanted.append((ReminderKind.SIX_MONTH_REVIEW,
                           "Kiểm tra, đánh giá việc thực hiện nghị quyết và thông báo kết quả",
                           due, followup))
    publication = rules.ask_if_in_force("conference.publication_deadline",
                                        PublicationFacts(on), on=on)
    if publication is not None:
        wanted.append((ReminderKind.PUBLICATION, "Công khai nghị quyết Hội nghị",
                       publication.result.values["deadline"], publication))
    if Election.objects.filter(conference=conference, decided_at__isnull=False).exists():
        recognition = rules.ask_if_in_force("inspection_board.recognition_deadline",
                                            RecognitionFacts(on), on=on)
        if recognition is not None:
            wanted.append((ReminderKind.INSPECTION_RECOGNITION,
                           "Ban Chấp hành Công đoàn công nhận kết quả bầu Ban thanh tra nhân dân",
                           recognition.result.values["deadline"], recognition))
    for kind, title, due, decision in wanted:
        Reminder.objects.get_or_create(conference=conference, kind=kind, due_on=due, defaults={
            "title": title, "citation": "; ".join(decision.citations),
            "snapshot": decision.result.to_dict()})
    return len(wanted)


def complete_reminder(reminder: Reminder, *, done_on: date, actor: User) -> Reminder:
    with transaction.atomic():
        reminder.done_on = done_on
        reminder.save(update_fields=["done_on"])
        _audit("conference.reminder.done", reminder.conference, actor, reminder=reminder.pk)
    return reminder


def reopen_conference(conference: Conference, *, by: Person | None, reason: str,
                      actor: User) -> Conference:
    """Mở lại để chỉnh sửa: only a member of the presidium, with a reason, audited."""
    _require_state(conference, ConferenceState.CLOSED, action="mở lại")
    if by is None or not conference.presidium.filter(pk=by.pk).exists():
        raise ConferenceError("conference.reopen.not_presidium",
                              "Chỉ thành viên Đoàn Chủ tịch mới được mở lại Hội nghị.")
    if not reason.strip():
        raise ConferenceError("conference.reopen.no_reason", "Nêu lý do mở lại để chỉnh sửa.",
                              field="reason")
    with transaction.atomic():
        conference.state = ConferenceState.REOPENED
        conference.save(update_fields=["state"])
        _audit("conference.reopen", conference, actor, reason=reason.strip(), by=by.staff_code)
    bump(conference)
    return conference
