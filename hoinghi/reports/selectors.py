"""The figures of a year, gathered from every app through its selectors.

``year_summary(work_year)`` → :class:`YearSummary`: every figure of the news report and the
dashboard as a field (``to_dict()`` for JSON). ``conference_for_year`` finds the conference
held after the work year (the one that reviews it). Lists and sums cost a bounded number of
queries, whatever the size of the agency.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from django.db.models import Q

from hoinghi.conference.models import Conference, ConferenceKind
from hoinghi.conference.selectors import (
    attendance_by_conference,
    conferences_of,
    minutes_data,
    presidium_in_order,
)
from hoinghi.emulation import selectors as emulation
from hoinghi.evaluation.selectors import classifications_by_person, unit_classifications
from hoinghi.law.emulation.vocabulary import Title
from hoinghi.law.evaluation.vocabulary import Rating
from hoinghi.org.models import (
    Agency,
    Person,
    Position,
    Unit,
    WorkYear,
)
from hoinghi.org.selectors import (
    positions_on,
    staff_counts,
    staff_noun,
    staff_on,
    training_count,
    union_chair,
)
from hoinghi.plans.selectors import (
    Completion,
    completion_by_unit,
    completion_by_work_year,
    completion_for_agency,
)
from hoinghi.reports.models import PublishedSummary

RATING_ORDER = (Rating.EXCELLENT, Rating.GOOD, Rating.DONE, Rating.NOT_DONE)
NOT_CLASSIFIED = "Không xếp loại"


@dataclass(frozen=True)
class RatingGroup:
    """Units (or people) of one level: "02 đơn vị Hoàn thành xuất sắc nhiệm vụ (…)"."""

    rating: str
    label: str
    count: int
    names: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class TitleFigure:
    title: str
    label: str
    awarded: int
    base: int
    collective: bool
    holders: list[str]
    issuers: list[str]


@dataclass(frozen=True)
class RecognitionFigure:
    """Another recognition: of the agency, of some units, or of some of the staff."""

    name: str
    scope: str  # agency | units | people
    count: int
    base: int
    holders: list[str]


@dataclass(frozen=True)
class VoteFigure:
    title: str
    present: int
    votes_for: int
    votes_against: int
    abstentions: int
    adopted: bool | None


@dataclass(frozen=True)
class AwardFigure:
    title: str
    recipient: str
    collective: bool = False


@dataclass(frozen=True)
class ClosingSpeech:
    """The closing speech as the secretary recorded it: who, the points (one a line), a quote."""

    speaker: str  # "Nguyễn Văn Hợp - Trưởng Ban Dân vận Tỉnh ủy"
    points: list[str]
    quote: str


@dataclass(frozen=True)
class ConferenceFigures:
    year: int
    held_on: date
    place: str
    convened: int
    present: int
    presidium: list[str]
    reports: list[str]
    report_kinds: list[str]
    votes: list[VoteFigure]
    elected: list[str]
    awards: list[AwardFigure]
    pledge_text: str
    pledge_signers: list[str]
    targets: list[str]
    awards_by: str = ""  # who handed the awards: "Đặng Thanh Đức - Chủ tịch Công đoàn cơ quan"
    closing: ClosingSpeech | None = None


@dataclass(frozen=True)
class YearSummary:
    agency_code: str
    agency_name: str
    agency_short_name: str
    year: int
    staff: int
    targets_done: int
    targets_total: int
    tasks_done: int
    tasks_total: int
    unit_issuer: str
    unit_ratings: list[RatingGroup]
    people_ratings: list[RatingGroup]
    titles: list[TitleFigure]
    recognitions: list[RecognitionFigure]
    training_courses: int
    training_people: int
    conference: ConferenceFigures | None
    staff_noun: str = "cán bộ, công chức, người lao động"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        if self.conference is not None:
            data["conference"]["held_on"] = self.conference.held_on.isoformat()
        return data

    def title(self, title: Title, *, collective: bool | None = None) -> TitleFigure | None:
        for figure in self.titles:
            if figure.title == title and (collective is None or figure.collective == collective):
                return figure
        return None


def completion_of_year(work_year: WorkYear) -> Completion:
    """The agency's own targets and tasks plus every unit's own (people's items, handed down
    from these, are not counted twice)."""
    total = completion_for_agency(work_year)
    for completion in completion_by_unit(work_year).values():
        total = total + completion
    return total


def _unit_ratings(work_year: WorkYear, units: dict[int, Unit]) -> tuple[str, list[RatingGroup]]:
    decided = unit_classifications(work_year)
    groups: list[RatingGroup] = []
    for rating in RATING_ORDER:
        rows = sorted(
            (units[u] for u, c in decided.items() if c.rating == rating and u in units),
            key=lambda u: (u.position, u.name),
        )
        if rows:
            groups.append(
                RatingGroup(rating.value, rating.label, len(rows), [u.name for u in rows])
            )
    issuers = [c.issuer for c in decided.values() if c.issuer]
    return (Counter(issuers).most_common(1)[0][0] if issuers else ""), groups


def _people_ratings(work_year: WorkYear) -> list[RatingGroup]:
    counts = Counter(
        c.rating.value if c.rating else "" for c in classifications_by_person(work_year).values()
    )
    groups = [
        RatingGroup(r.value, r.label, counts[r.value]) for r in RATING_ORDER if counts[r.value]
    ]
    if counts[""]:
        groups.append(RatingGroup("", NOT_CLASSIFIED, counts[""]))
    return groups


def _titles(work_year: WorkYear) -> list[TitleFigure]:
    awards = emulation.awards_for_conference(work_year)
    figures = []
    for count in emulation.title_counts(work_year):
        given = [
            a for a in awards.get(count.title, []) if (a.unit_id is not None) == count.collective
        ]
        holders = [a.unit.name for a in given if a.unit is not None] if count.collective else []
        issuers = list(dict.fromkeys(a.decision.issuer for a in given))
        figures.append(
            TitleFigure(
                str(count.title),
                count.label,
                count.awarded,
                count.base,
                count.collective,
                holders,
                issuers,
            )
        )
    return figures


def _recognitions(work_year: WorkYear, staff: int, units: int) -> list[RecognitionFigure]:
    found: dict[str, dict[str, Any]] = {}
    for row in emulation.recognitions_of_year(work_year):
        entry = found.setdefault(row.name, {"people": [], "units": [], "agency": False})
        if row.person is not None:
            entry["people"].append(row.person.full_name)
        elif row.unit is not None:
            entry["units"].append(row.unit.name)
        else:
            entry["agency"] = True
    figures = []
    for name, entry in found.items():
        if entry["people"]:
            figures.append(RecognitionFigure(name, "people", len(entry["people"]), staff, []))
        elif entry["units"]:
            figures.append(
                RecognitionFigure(name, "units", len(entry["units"]), units, entry["units"])
            )
        else:
            figures.append(RecognitionFigure(name, "agency", 1, 1, []))
    return figures


def conference_for_year(work_year: WorkYear) -> Conference | None:
    """The regular conference that reviews the work year (held at its end or early next year)."""
    conferences = conferences_of(work_year.agency).filter(kind="regular").order_by("held_on")
    return (
        conferences.filter(reviewed_year=work_year).first()
        or conferences.filter(reviewed_year__isnull=True, year=work_year.year + 1).first()
    )


def _presidium_line(conference: Conference) -> list[str]:
    """The presidium in the hall's order, each with the title held that day."""
    return [
        _titled(person, person.positions_on_date)  # type: ignore[attr-defined]
        for person in presidium_in_order(conference)
    ]


def _named(person: Person, on: date, fallback: str = "") -> str:
    return _titled(person, positions_on(person, on), fallback)


def _titled(person: Person, positions: list[Position], fallback: str = "") -> str:
    title = positions[0].title if positions else fallback
    return f"{person.full_name} - {title}" if title else person.full_name


def _awards(conference: Conference) -> list[AwardFigure]:
    return [
        AwardFigure(a.title, a.recipient_name, a.recipient_id is None)
        for a in conference.awards.order_by("pk")
    ]


def _awards_by(conference: Conference) -> str:
    """Who handed the awards: as recorded, else the union's chair (with that title, also when
    the one recorded is the union's chair)."""
    chair = union_chair(conference.agency)
    presenter = conference.awards_presented_by
    if presenter is not None and (chair is None or presenter.pk != chair.pk):
        return _named(presenter, conference.held_on)
    return f"{chair.full_name} - Chủ tịch Công đoàn cơ quan" if chair is not None else ""


def _closing(conference: Conference) -> ClosingSpeech | None:
    points = [line.strip() for line in conference.closing_points.splitlines() if line.strip()]
    speaker = conference.closing_speaker
    if speaker is None or not (points or conference.closing_quote.strip()):
        return None
    return ClosingSpeech(
        _named(speaker, conference.held_on), points, conference.closing_quote.strip()
    )


def conference_figures(conference: Conference) -> ConferenceFigures:
    minutes = minutes_data(conference)
    present = minutes.attendance.present
    votes = [
        VoteFigure(
            v.title,
            v.present if v.present is not None else present,
            v.votes_for or 0,
            v.votes_against or 0,
            v.abstentions or 0,
            v.adopted,
        )
        for v in minutes.votes
        if v.adopted is not None
    ]
    elected = [c.name for c in minutes.election.candidates if c.elected] if minutes.election else []
    pledge = getattr(conference, "pledge", None)
    return ConferenceFigures(
        year=minutes.year,
        held_on=minutes.held_on,
        place=minutes.place,
        convened=minutes.attendance.convened,
        present=present,
        presidium=_presidium_line(conference),
        reports=[r.title for r in minutes.reports],
        report_kinds=[r.kind for r in minutes.reports],
        votes=votes,
        elected=elected,
        awards=_awards(conference),
        pledge_text=pledge.text if pledge else "",
        pledge_signers=minutes.pledge_signers,
        targets=minutes.targets,
        awards_by=_awards_by(conference),
        closing=_closing(conference),
    )


def year_summary(work_year: WorkYear) -> YearSummary:
    agency = work_year.agency
    units = {u.pk: u for u in Unit.objects.filter(agency=agency)}
    top_units = sum(1 for u in units.values() if u.parent_id is None)
    staff = staff_on(agency, work_year.ends_on).count()
    completion = completion_of_year(work_year)
    issuer, unit_groups = _unit_ratings(work_year, units)
    training = training_count(agency, work_year.starts_on, work_year.ends_on)
    conference = conference_for_year(work_year)
    return YearSummary(
        agency_code=agency.code,
        agency_name=agency.name,
        agency_short_name=agency.short_name or agency.name,
        year=work_year.year,
        staff=staff,
        targets_done=completion.targets_done,
        targets_total=completion.targets_total,
        tasks_done=completion.tasks_done,
        tasks_total=completion.tasks_total,
        unit_issuer=issuer,
        unit_ratings=unit_groups,
        people_ratings=_people_ratings(work_year),
        titles=_titles(work_year),
        recognitions=_recognitions(work_year, staff, top_units),
        training_courses=training.courses,
        training_people=training.people,
        conference=conference_figures(conference) if conference is not None else None,
        staff_noun=staff_noun(agency, work_year.ends_on),
    )


def work_years_of(agency: Agency) -> list[WorkYear]:
    return list(WorkYear.objects.filter(agency=agency).select_related("agency").order_by("year"))


def published_summary(agency: Agency, year: int) -> PublishedSummary | None:
    return PublishedSummary.objects.filter(agency=agency, year=year).first()


def province_rows(province: Agency, year: int) -> list[list[object]]:
    """The province table's rows (:data:`~hoinghi.reports.dashboard.HEADERS`), one per agency
    under ``province`` by name, in a fixed number of queries however many agencies and people:
    the same figures :func:`year_summary` gives each agency, blank without the work year."""
    children = list(Agency.objects.filter(parent=province).order_by("name"))
    years = {
        w.agency_id: w
        for w in WorkYear.objects.filter(agency__in=[c.pk for c in children], year=year)
    }
    work_years = list(years.values())
    staff: dict[int, int] = {}
    for on in {w.ends_on for w in work_years}:
        staff.update(staff_counts([w.agency_id for w in work_years if w.ends_on == on], on))
    completion = completion_by_work_year(work_years)
    titles = emulation.title_holders_by_work_year(work_years)
    conferences = _conferences_for_years(work_years, year)
    attendance = attendance_by_conference([c.pk for c in conferences.values()])
    rows: list[list[object]] = []
    for child in children:
        work_year = years.get(child.pk)
        if work_year is None:
            rows.append([child.name, *[""] * 9])
            continue
        done = completion.get(work_year.pk, Completion())
        conference = conferences.get(work_year.pk)
        convened, present = (
            attendance.get(conference.pk, (0, 0)) if conference is not None else ("", "")
        )
        rows.append(
            [
                child.name,
                staff.get(child.pk, 0),
                done.targets_done,
                done.targets_total,
                done.tasks_done,
                done.tasks_total,
                titles.get((work_year.pk, Title.LAO_DONG_TIEN_TIEN), 0),
                titles.get((work_year.pk, Title.CHIEN_SI_THI_DUA_CO_SO), 0),
                present,
                convened,
            ]
        )
    return rows


def _conferences_for_years(work_years: list[WorkYear], year: int) -> dict[int, Conference]:
    """:func:`conference_for_year` of many work years of one year, in one query."""
    found = (
        Conference.objects.filter(
            agency__in=[w.agency_id for w in work_years], kind=ConferenceKind.REGULAR
        )
        .filter(
            Q(reviewed_year__in=[w.pk for w in work_years])
            | Q(reviewed_year__isnull=True, year=year + 1)
        )
        .order_by("held_on")
    )
    reviewing: dict[int, Conference] = {}
    following: dict[int, Conference] = {}
    for conference in found:
        if conference.reviewed_year_id is not None:
            reviewing.setdefault(conference.reviewed_year_id, conference)
        else:
            following.setdefault(conference.agency_id, conference)
    chosen: dict[int, Conference] = {}
    for work_year in work_years:
        picked = reviewing.get(work_year.pk) or following.get(work_year.agency_id)
        if picked is not None:
            chosen[work_year.pk] = picked
    return chosen
