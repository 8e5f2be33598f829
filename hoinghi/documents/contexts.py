"""One context dataclass per document type, filled from the other apps' selectors.

``gather_<type>(source)`` reads; it never writes. The builders (:mod:`.builders`) turn a
context into a :class:`~hoinghi.documents.paper.Paper` without touching the database, so a
batch of 2,000 notices gathers once and composes 2,000 times.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from hoinghi.conference import selectors as conference_selectors
from hoinghi.conference.selectors import MinutesData, ResolutionData
from hoinghi.documents.selectors import register_settings
from hoinghi.emulation import selectors as emulation_selectors
from hoinghi.emulation.selectors import TitleCount
from hoinghi.emulation.vocabulary import Issuer as AwardIssuer
from hoinghi.evaluation import selectors as evaluation_selectors
from hoinghi.law.conference.agenda import agenda_template
from hoinghi.law.emulation.vocabulary import TITLE_LABELS, Title
from hoinghi.law.evaluation.vocabulary import RATING_LABELS, Rating
from hoinghi.law.parameters import NotInForce
from hoinghi.org import selectors as org_selectors
from hoinghi.org.models import Agency, Person, WorkYear
from hoinghi.plans import selectors as plan_selectors
from hoinghi.plans.selectors import Completion
from hoinghi.voting.selectors import CountingRecord


class MissingData(LookupError):
    """The data a document needs does not exist yet (Vietnamese message for the user)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Source:
    """What a document is about: an agency's year, and a person for personal documents."""

    agency: Agency
    year: int
    work_year: WorkYear | None = None
    person: Person | None = None


@dataclass(frozen=True)
class Signer:
    name: str
    title: str  # "Chánh Văn phòng"
    is_head: bool = True


@dataclass(frozen=True)
class Issuer:
    """The issuing body, its place, its head and the union chair (for joint documents)."""

    name: str
    superior: str
    abbreviation: str
    kind: str
    place: str
    head: Signer | None
    union_chair: Signer | None
    drafting_code: str = ""  # the drafting unit in "Lưu: VT, TH." ("" : the issuer's symbol)
    party_number_padding: bool = True  # "Số 05-BC/…" below 10, as the agency's regulation says
    staff: str = org_selectors.ALL_STAFF  # without "viên chức" where the agency employs none

    @property
    def conference(self) -> str:
        """The conference's name as this agency holds it."""
        return f"Hội nghị {self.staff}"


VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def local_time(moment: datetime | None, on: date) -> time | None:
    """The clock time in Vietnam of ``moment`` if it falls on the day ``on``; None otherwise
    (a time stamped on another day is when the data was loaded, not when the meeting sat)."""
    if moment is None:
        return None
    local = moment.astimezone(VIETNAM)
    return local.time().replace(second=0, microsecond=0) if local.date() == on else None


def _signer(person: Person | None, on: date, fallback: str) -> Signer | None:
    if person is None:
        return None
    positions = getattr(person, "positions_on_date", None)  # prefetched by agency_head
    if positions is None:
        positions = org_selectors.positions_on(person, on)
    main = next((p for p in positions if p.is_head), positions[0] if positions else None)
    return Signer(person.full_name, main.title if main else fallback, bool(main and main.is_head))


def gather_issuer(agency: Agency, on: date) -> Issuer:
    superior = agency.parent.name if agency.parent_id else agency.parent_name  # type: ignore[union-attr]
    name = (agency.short_name or agency.name) if superior else agency.name
    return Issuer(
        name=name,
        superior=superior,
        abbreviation=agency.abbreviation,
        kind=agency.kind,
        place=agency.place_name,
        head=_signer(org_selectors.agency_head(agency, on), on, "Thủ trưởng"),
        union_chair=_signer(org_selectors.union_chair(agency), on, "Chủ tịch Công đoàn"),
        drafting_code=register_settings(agency).drafting_code,
        party_number_padding=org_selectors.document_options(agency, on).party_number_padding,
        staff=org_selectors.staff_noun(agency, on),
    )


def _year_end(source: Source) -> date:
    return source.work_year.ends_on if source.work_year else date(source.year, 12, 31)


def _conference(source: Source):  # noqa: ANN202 - Conference | None
    return conference_selectors.conferences_of(source.agency).filter(year=source.year).first()


def _require_conference(source: Source):  # noqa: ANN202 - Conference
    conference = _conference(source)
    if conference is None:
        raise MissingData(
            "documents.no_conference",
            f"Chưa có Hội nghị năm {source.year} của {source.agency.name}.",
        )
    return conference


def _require_work_year(source: Source) -> WorkYear:
    if source.work_year is None:
        raise MissingData("documents.no_work_year", f"Chưa mở năm công tác {source.year}.")
    return source.work_year


def _require_person(source: Source) -> Person:
    if source.person is None:
        raise MissingData("documents.no_person", "Văn bản này cần chọn một người (mã cán bộ).")
    return source.person


# --- before the conference ----------------------------------------------------------------


@dataclass(frozen=True)
class PlanContext:
    issuer: Issuer
    year: int
    held_on: date | None
    place: str
    form: str
    participants: int
    agenda: list[str]
    reviewed_year: int = 0
    starts_at: time | None = None


def gather_plan(source: Source) -> PlanContext:
    conference = _conference(source)
    on = conference.held_on if conference else date(source.year, 1, 15)
    issuer = gather_issuer(source.agency, on)
    if conference is not None:
        agenda = [
            item.title
            for item in conference_selectors.agenda(conference).order_by("position", "pk")
        ]
        participants = conference_selectors.participants(conference).count()
    else:
        agenda, participants = [], org_selectors.staff_on(source.agency, on).count()
    if not agenda:
        try:
            agenda = [item.title for item in agenda_template(on=on)]
        except NotInForce:
            agenda = []
    reviewed = conference.reviewed_year if conference else None
    return PlanContext(
        issuer,
        source.year,
        conference.held_on if conference else None,
        conference.place if conference else "",
        conference.get_form_display() if conference else "Hội nghị toàn thể",
        participants,
        agenda,
        reviewed.year if reviewed else source.year - 1,
        getattr(conference, "starts_at", None),
    )


@dataclass(frozen=True)
class InvitationContext:
    issuer: Issuer
    year: int
    held_on: date | None
    place: str
    invitee: str  # a name, or "" for the whole staff
    starts_at: time | None = None
    code: str = ""  # the invitee's invitation code (mã mời), as on the conference's invitation
    checkin_url: str = ""  # the check-in address the code's QR opens


def gather_invitation(source: Source) -> InvitationContext:
    conference = _conference(source)
    on = conference.held_on if conference else date(source.year, 1, 15)
    invitee = ""
    if source.person is not None:
        invitee = f"{'Bà' if source.person.gender == 'nu' else 'Ông'} {source.person.full_name}"
    return InvitationContext(
        gather_issuer(source.agency, on),
        source.year,
        conference.held_on if conference else None,
        conference.place if conference else "",
        invitee,
        getattr(conference, "starts_at", None),
        *_invitation_code(conference, source.person),
    )


def _invitation_code(conference: object, person: Person | None) -> tuple[str, str]:
    if conference is None or person is None:
        return "", ""
    found = conference_selectors.invitation_code(conference, person)  # type: ignore[arg-type]
    return found if found is not None else ("", "")


# --- at the conference ----------------------------------------------------------------------


@dataclass(frozen=True)
class ActivityReportContext:
    issuer: Issuer
    year: int  # the conference year; figures are of ``reviewed_year``
    reviewed_year: int
    completion: Completion
    titles: list[TitleCount]
    ratings: dict[str, int]  # rating label → count
    last_targets: list[str]  # the previous conference's resolution targets


def gather_activity_report(source: Source) -> ActivityReportContext:
    reviewed = org_selectors.work_year(source.agency, source.year - 1) or source.work_year
    completion, titles, ratings = Completion(), [], Counter[str]()
    if reviewed is not None:
        completion = plan_selectors.completion_for_agency(reviewed)
        titles = emulation_selectors.title_counts(reviewed)
        for row in evaluation_selectors.classifications_by_person(reviewed).values():
            ratings[row.label] += 1
    previous = (
        conference_selectors.conferences_of(source.agency).filter(year=source.year - 1).first()
    )
    last_targets = (
        [t.text for t in conference_selectors.resolution_targets(previous)] if previous else []
    )
    return ActivityReportContext(
        gather_issuer(source.agency, date(source.year, 1, 1)),
        source.year,
        reviewed.year if reviewed else source.year - 1,
        completion,
        titles,
        dict(ratings),
        last_targets,
    )


@dataclass(frozen=True)
class MinutesContext:
    issuer: Issuer
    minutes: MinutesData
    opened: time | None = None  # Vietnam time, as the secretary recorded it
    closed: time | None = None
    presidium_head: str = ""
    presidium: list[str] = field(default_factory=list)  # "Trần Minh Khoa, Chánh Văn phòng"


def _recorded_times(conference) -> tuple[time | None, time | None]:  # noqa: ANN001
    """The opening and closing hours: the secretary's record, else the moments the conference
    was opened and closed in the system on the day it sat (in Vietnam time)."""
    opened = getattr(conference, "minutes_opened_at", None) or local_time(
        conference.opened_at, conference.held_on
    )
    closed = getattr(conference, "minutes_closed_at", None) or local_time(
        conference.closed_at, conference.held_on
    )
    return opened, closed


def presidium_head(conference, issuer: Issuer, people: list[Person] | None = None) -> str:  # noqa: ANN001
    """Who signs for the presidium: the member recorded as its head, else the agency's head
    when in it, else the first member in the order the presidium was listed."""
    if people is None:
        people = conference_selectors.presidium_in_order(conference)
    head_id = getattr(conference, "presidium_head_id", None)
    for person in people:
        if person.pk == head_id:
            return str(person.full_name)
    names = [p.full_name for p in people]
    if issuer.head is not None and issuer.head.name in names:
        return issuer.head.name
    return names[0] if names else ""


def titled_presidium(people: list[Person], head: str) -> list[str]:
    """The presidium as the minutes name it: its head first, each with their title."""
    out = []
    for person in sorted(people, key=lambda p: p.full_name != head):
        positions = person.positions_on_date  # type: ignore[attr-defined]
        main = next((x for x in positions if x.is_head), positions[0] if positions else None)
        out.append(f"{person.full_name}, {main.title}" if main else person.full_name)
    return out


def gather_minutes(source: Source) -> MinutesContext:
    conference = _require_conference(source)
    issuer = gather_issuer(source.agency, conference.held_on)
    opened, closed = _recorded_times(conference)
    people = conference_selectors.presidium_in_order(conference)
    head = presidium_head(conference, issuer, people)
    return MinutesContext(
        issuer,
        conference_selectors.minutes_data(conference),
        opened,
        closed,
        head,
        titled_presidium(people, head),
    )


@dataclass(frozen=True)
class ResolutionContext:
    issuer: Issuer
    resolution: ResolutionData
    presidium_head: str  # signs "TM. Đoàn Chủ tịch"


def gather_resolution(source: Source) -> ResolutionContext:
    conference = _require_conference(source)
    issuer = gather_issuer(source.agency, conference.held_on)
    return ResolutionContext(
        issuer,
        conference_selectors.resolution_data(conference),
        presidium_head(conference, issuer),
    )


@dataclass(frozen=True)
class ResultsLetterContext:
    """Công văn sending the conference's results to the superior body."""

    issuer: Issuer
    to: str
    drafting_code: str  # the drafting unit's symbol: "TH" in "Số: 12/VP-TH"; "" if not set
    resolution: ResolutionData


def gather_results_letter(source: Source) -> ResultsLetterContext:
    conference = _require_conference(source)
    agency = source.agency
    superior = agency.parent.name if agency.parent_id else agency.parent_name  # type: ignore[union-attr]
    return ResultsLetterContext(
        gather_issuer(agency, conference.held_on),
        superior or "Cấp trên",
        register_settings(agency).drafting_code,
        conference_selectors.resolution_data(conference),
    )


@dataclass(frozen=True)
class CountingContext:
    issuer: Issuer
    year: int
    held_on: date
    record: CountingRecord | None  # the last round's, from the vote engine when it ran there
    election: conference_selectors.ElectionRecord | None  # as recorded by the conference
    counters: list[str] = field(default_factory=list)
    place: str = ""
    rounds: list[CountingRecord] = field(default_factory=list)  # every closed round


def gather_counting(source: Source) -> CountingContext:
    """The last counted round of the election, with the vote engine's record when it ran there."""
    conference = _require_conference(source)
    election = getattr(conference, "election", None)  # the one-to-one reverse: None if not set up
    if election is None:
        raise MissingData(
            "documents.no_election", f"Hội nghị năm {source.year} chưa bầu Ban thanh tra nhân dân."
        )
    recorded = conference_selectors.election_record(election)
    record = recorded.counting[-1] if recorded.counting else None
    return CountingContext(
        gather_issuer(source.agency, conference.held_on),
        source.year,
        conference.held_on,
        record,
        recorded,
        list(dict.fromkeys(n for r in recorded.counting for n in r.counters)),
        conference.place,
        list(recorded.counting),
    )


# --- emulation ------------------------------------------------------------------------------


@dataclass(frozen=True)
class AwardRow:
    name: str
    unit: str
    title: str
    achievement: str = ""
    bonus: int | None = None
    collective: bool = False
    holder: str = ""  # who holds it ("p12" a person, "u3" a unit): one holder may hold two titles


@dataclass(frozen=True)
class DecisionContext:
    issuer: Issuer
    year: int
    titles: list[str]  # labels of the titles decided
    rows: list[AwardRow]
    signed_on: date | None
    from_eligibility: bool  # no decision recorded yet: the list of the eligible


GIAY_KHEN = frozenset({Title.GIAY_KHEN})
UNION_ISSUER = AwardIssuer.UNION.value
RECOGNISED_TITLES = frozenset(
    {
        Title.LAO_DONG_TIEN_TIEN,
        Title.CHIEN_SI_THI_DUA_CO_SO,
        Title.TAP_THE_LAO_DONG_TIEN_TIEN,
        Title.TAP_THE_LAO_DONG_XUAT_SAC,
    }
)


def _units_of(person_ids: set[int], on: date) -> dict[int, str]:
    """Each person's unit on a date, in one query: the appendix's "Đơn vị" column."""
    people = org_selectors.people_with_positions(Person.objects.filter(pk__in=person_ids), on)
    return {
        p.pk: p.positions_on_date[0].unit.name  # type: ignore[attr-defined]
        for p in people
        if p.positions_on_date  # type: ignore[attr-defined]
    }


def award_row(award, units: dict[int, str], agency_name: str, title: str) -> AwardRow:  # noqa: ANN001
    """A person under their unit; a collective under the agency (its name once)."""
    if award.person is not None:
        unit = units.get(award.person_id, award.unit.name if award.unit else "")
        return AwardRow(
            award.person.full_name,
            unit,
            title,
            award.achievement,
            award.bonus_amount,
            holder=f"p{award.person_id}",
        )
    return AwardRow(
        award.unit.name,
        agency_name,
        title,
        award.achievement,
        award.bonus_amount,
        collective=True,
        holder=f"u{award.unit_id}",
    )


def _award_rows(work_year: WorkYear, titles: frozenset[Title]) -> tuple[list[AwardRow], bool]:
    awards = list(
        emulation_selectors.awards_ordered(
            emulation_selectors.live_awards(work_year).filter(title__in=list(titles))
        )
    )
    agency = work_year.agency
    units = _units_of({a.person_id for a in awards if a.person_id}, work_year.ends_on)
    name = agency.short_name or agency.name
    rows = [award_row(a, units, name, TITLE_LABELS[Title(a.title)]) for a in awards]
    if rows:
        return rows, False
    eligible = list(
        emulation_selectors.eligibility_rows(work_year).filter(
            outcome="eligible", title__in=list(titles)
        )
    )
    units = _units_of({e.person_id for e in eligible if e.person_id}, work_year.ends_on)
    return [
        AwardRow(
            e.person.full_name if e.person else e.unit.name,  # type: ignore[union-attr]
            units.get(e.person_id, "") if e.person_id else name,
            TITLE_LABELS[Title(e.title)],
            collective=e.person_id is None,
            holder=f"p{e.person_id}" if e.person_id else f"u{e.unit_id}",
        )
        for e in eligible
    ], True


def _gather_decision(source: Source, titles: frozenset[Title]) -> DecisionContext:
    work_year = _require_work_year(source)
    rows, from_eligibility = _award_rows(work_year, titles)
    decision = emulation_selectors.decisions_of_year(work_year).last()
    labels = sorted(
        {row.title for row in rows}, key=lambda t: [TITLE_LABELS[x] for x in Title].index(t)
    )
    return DecisionContext(
        gather_issuer(source.agency, work_year.ends_on),
        source.year,
        labels or [TITLE_LABELS[t] for t in Title if t in titles],
        rows,
        decision.signed_on if decision else None,
        from_eligibility,
    )


def gather_titles_decision(source: Source) -> DecisionContext:
    return _gather_decision(source, RECOGNISED_TITLES)


def gather_certificate_decision(source: Source) -> DecisionContext:
    return _gather_decision(source, GIAY_KHEN)


@dataclass(frozen=True)
class UnionDecisionContext:
    """A decision of the agency's union (Công đoàn cơ quan): the union is the issuer."""

    union: Issuer
    superior: str  # the upper union; "" if the agency has not set it
    year: int
    rows: list[AwardRow]
    signed_on: date | None = None


def gather_union_issuer(agency: Agency, on: date) -> tuple[Issuer, str]:
    """The union as an issuing body, and its upper union (from the register's settings)."""
    settings = register_settings(agency)
    name = settings.union_name or f"Công đoàn {agency.short_name or agency.name}"
    chair = _signer(org_selectors.union_chair(agency), on, "Chủ tịch Công đoàn")
    return Issuer(
        name=name,
        superior=settings.union_superior,
        abbreviation="CĐ",
        kind=agency.kind,
        place=agency.place_name,
        head=chair,
        union_chair=chair,
        drafting_code="CĐ",
    ), settings.union_superior


def gather_union_certificate_decision(source: Source) -> UnionDecisionContext:
    """Giấy khen the union decided (decisions recorded with the union as their issuer)."""
    work_year = _require_work_year(source)
    union, superior = gather_union_issuer(source.agency, work_year.ends_on)
    awards = list(
        emulation_selectors.awards_ordered(
            emulation_selectors.live_awards(work_year).filter(
                title=Title.GIAY_KHEN, decision__issuer_kind=UNION_ISSUER
            )
        )
    )
    agency = source.agency
    units = _units_of({a.person_id for a in awards if a.person_id}, work_year.ends_on)
    label = TITLE_LABELS[Title.GIAY_KHEN]
    rows = [award_row(a, units, agency.short_name or agency.name, label) for a in awards]
    if not rows:
        rows = _conference_union_awards(source, work_year.ends_on)
    return UnionDecisionContext(union, superior, source.year, rows)


def _conference_union_awards(source: Source, on: date) -> list[AwardRow]:
    """The union's Giấy khen the conference presented (as its minutes list them), when the
    emulation records hold none: the next year's conference presents the year's awards."""
    conference = conference_selectors.conferences_of(source.agency).filter(
        year=source.year + 1
    ).first() or _conference(source)
    if conference is None:
        return []
    awards = [
        a
        for a in conference.awards.select_related("recipient", "recipient_unit")
        if "giấy khen" in a.title.lower() and "công đoàn" in a.title.lower()
    ]
    units = _units_of({a.recipient_id for a in awards if a.recipient_id}, on)
    agency = source.agency.short_name or source.agency.name
    return [
        AwardRow(
            a.recipient_name,
            units.get(a.recipient_id, "") if a.recipient_id else agency,
            "Giấy khen",
            collective=a.recipient_id is None,
            holder=f"p{a.recipient_id}" if a.recipient_id else f"u{a.recipient_unit_id}",
        )
        for a in awards
    ]


@dataclass(frozen=True)
class ProposalContext:
    issuer: Issuer
    year: int
    subject: str
    rows: list[AwardRow]
    to: str  # the superior body


def gather_proposal(source: Source) -> ProposalContext:
    work_year = _require_work_year(source)
    proposal = (
        emulation_selectors.proposals_of_year(work_year).order_by("-proposed_on", "-pk").first()
    )
    rows: list[AwardRow] = []
    subject = f"Về việc đề nghị khen thưởng năm {source.year}"
    if proposal is not None:
        subject = proposal.subject or subject
        rows = [
            AwardRow(
                i.person.full_name if i.person else i.unit.name,  # type: ignore[union-attr]
                i.unit.name if i.person and i.unit else "",
                TITLE_LABELS[Title(i.title)],
                i.achievement,
                collective=i.person is None,
                holder=f"p{i.person_id}" if i.person_id else f"u{i.unit_id}",
            )
            for i in emulation_selectors.proposal_items(proposal)
        ]
    superior = source.agency.parent.name if source.agency.parent_id else source.agency.parent_name  # type: ignore[union-attr]
    return ProposalContext(
        gather_issuer(source.agency, work_year.ends_on),
        source.year,
        subject,
        rows,
        superior or "Cấp trên",
    )


@dataclass(frozen=True)
class PledgeContext:
    issuer: Issuer
    year: int
    party_a: str
    signer_a: str
    party_b: str
    signer_b: str
    commitments: list[str]
    signed_on: date | None


def gather_pledge(source: Source) -> PledgeContext:
    issuer = gather_issuer(source.agency, date(source.year, 1, 1))
    head = issuer.head.name if issuer.head else ""
    union = issuer.union_chair.name if issuer.union_chair else ""
    if source.work_year is not None:
        pledge = (
            emulation_selectors.pledges_of_year(source.work_year).order_by("-signed_on").first()
        )
        if pledge is not None:
            return PledgeContext(
                issuer,
                source.year,
                pledge.party_a,
                pledge.signer_a,
                pledge.party_b,
                pledge.signer_b,
                [c.text for c in pledge.commitments.all()],
                pledge.signed_on,
            )
    conference = _conference(source)
    text = getattr(getattr(conference, "pledge", None), "text", "") if conference else ""
    return PledgeContext(
        issuer,
        source.year,
        f"Thủ trưởng {issuer.name}",
        head,
        f"Ban Chấp hành Công đoàn {issuer.name}",
        union,
        [line for line in text.splitlines() if line.strip()],
        None,
    )


# --- evaluation -----------------------------------------------------------------------------


@dataclass(frozen=True)
class RatedPerson:
    person_id: int
    name: str
    unit: str
    rating: str


@dataclass(frozen=True)
class ClassificationNoticeContext:
    issuer: Issuer
    year: int
    counts: list[tuple[str, int]]  # rating label → count, in the law's order
    rows: list[RatedPerson]  # the whole list; one row for a personal notice
    person: RatedPerson | None


def gather_classification_notice(source: Source) -> ClassificationNoticeContext:
    work_year = _require_work_year(source)
    rows = [
        RatedPerson(
            e.person_id,
            e.person.full_name,
            e.unit.name if e.unit else "",
            RATING_LABELS[Rating(e.rating)] if e.rating else "Không xếp loại",
        )
        for e in evaluation_selectors.published_results(work_year)
    ]
    counted = Counter(r.rating for r in rows)
    counts = [(label, counted[label]) for label in RATING_LABELS.values()]
    context = ClassificationNoticeContext(
        gather_issuer(source.agency, work_year.ends_on), source.year, counts, rows, None
    )
    return for_person(context, source.person) if source.person is not None else context


def for_person(context: ClassificationNoticeContext, person: Person) -> ClassificationNoticeContext:
    """The personal notice of one person, from the agency's list (no query): batches use it."""
    row = next((r for r in context.rows if r.person_id == person.pk), None)
    return replace(
        context, person=row or RatedPerson(person.pk, person.full_name, "", "Chưa có kết quả")
    )


@dataclass(frozen=True)
class AchievementContext:
    issuer: Issuer
    year: int
    name: str
    birth_year: int | None
    position: str
    unit: str
    joined_on: date | None
    completion: Completion
    rating: str
    titles: list[str]  # titles of earlier years: "Lao động tiên tiến năm 2023"
    initiatives: list[str]


def gather_achievement_report(source: Source) -> AchievementContext:
    person = _require_person(source)
    work_year = _require_work_year(source)
    positions = org_selectors.positions_on(person, work_year.ends_on)
    unit = org_selectors.unit_on(person, work_year.ends_on)
    found = evaluation_selectors.classification_for_person(person, work_year)
    titles = [
        f"{TITLE_LABELS[Title(a.title)]} năm {a.work_year.year}"
        for a in emulation_selectors.person_titles(person)[:10]
    ]
    initiatives = [
        i.name for i in emulation_selectors.initiatives_of_year(work_year).filter(person=person)
    ]
    return AchievementContext(
        gather_issuer(source.agency, work_year.ends_on),
        source.year,
        person.full_name,
        person.date_of_birth.year if person.date_of_birth else None,
        positions[0].title if positions else "",
        unit.name if unit else "",
        person.joined_on,
        plan_selectors.completion_for_person(person, work_year),
        found.label if found else "",
        titles,
        initiatives,
    )
