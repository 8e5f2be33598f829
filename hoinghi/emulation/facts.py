"""The facts the year-end titles rest on, loaded for a whole agency in a constant number of
queries and turned into the law's input dataclasses.

Sources: org (staff, positions, recruitment date), evaluation's selectors (decided
classifications, leave, discipline), and this app (registrations, initiatives, titles of
earlier years, whether awarded here or entered as earlier titles).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from functools import cache

from django.db.models import Q

from hoinghi.emulation.models import Award, EarlierTitle, Initiative, Registration, UnitJudgement
from hoinghi.evaluation import selectors as evaluation
from hoinghi.law.emulation.collective import UnitYearFacts
from hoinghi.law.emulation.titles import PersonYearFacts
from hoinghi.law.emulation.vocabulary import InitiativeKind, InitiativeLevel, Title
from hoinghi.law.evaluation.vocabulary import DisciplineLevel, LeaveKind, Rating, StaffCategory
from hoinghi.org.models import Person, Position, Unit, WorkYear

INITIATIVE_KINDS = frozenset({InitiativeKind.INITIATIVE, InitiativeKind.COMBAT_INGENUITY})
AGENCY = "agency"  # the CSTĐCS cap is counted over the whole agency (D91 Art 9.3)
HISTORY_YEARS = 10  # how far back consecutive titles are looked for
CATEGORIES = {c.value: c for c in StaffCategory}
NO_WORKS: tuple[InitiativeLevel | None, bool, bool] = (None, False, False)


@dataclass(frozen=True)
class YearFacts:
    """Everything the law needs for one agency's year, keyed by database ids."""

    people: list[PersonYearFacts]  # in name order; unit_id = the cap's group: the agency;
    # recruited_on only where it falls in the year (None: the law's "in service before"), so
    # people differing by an earlier date share a facts snapshot
    person_unit: dict[int, int]  # person id → top-level unit id at year end
    units: list[Unit]  # top-level units, in their order
    unit_facts: dict[int, UnitYearFacts]
    judgements: dict[int, tuple[bool | None, bool | None]]  # unit → council: (emulation, unity)


def load_year_facts(work_year: WorkYear) -> YearFacts:
    """Facts of every person on staff at year end and every top-level unit (about 10 queries)."""
    agency_id, end = work_year.agency_id, work_year.ends_on
    staff = list(
        Person.objects.filter(agency_id=agency_id)
        .filter(Q(joined_on__isnull=True) | Q(joined_on__lte=end))
        .filter(Q(left_on__isnull=True) | Q(left_on__gte=end))
        .order_by("sort_key", "pk")
        .values_list("pk", "joined_on", "category")
    )
    units = list(Unit.objects.filter(agency_id=agency_id).order_by("position", "name"))
    top = top_unit_map(units)
    person_unit = positions_at({pk for pk, _, _ in staff}, end, top)
    ratings = evaluation.ratings_by_person(work_year)
    absences = evaluation.absences_by_person(work_year)
    disciplines = evaluation.disciplines_by_person(work_year)
    registered = set(
        Registration.objects.filter(work_year=work_year, person__isnull=False).values_list(
            "person_id", flat=True
        )
    )
    works = initiatives_by_person(work_year)
    history = titles_by_holder(agency_id, work_year.year)
    year_days = (work_year.ends_on - work_year.starts_on).days + 1
    year, starts = work_year.year, work_year.starts_on
    people = []
    for pk, joined_on, category in staff:  # most people have no leave, discipline or history
        rating = ratings.get(pk)
        spans, punished, years = absences.get(pk), disciplines.get(pk), history.get(("p", pk))
        leave_months, leave_kind = leave_of(spans, work_year, year_days) if spans else (0, None)
        initiative, science, applied = works.get(pk, NO_WORKS)
        people.append(
            PersonYearFacts(
                person_id=str(pk),
                year=year,
                rating=rating,
                unit_id=AGENCY,
                category=CATEGORIES[category],
                recruited_on=joined_on if joined_on is not None and joined_on >= starts else None,
                leave=leave_kind,
                months_on_leave=leave_months,
                discipline=heaviest(punished) if punished else None,
                registered=pk in registered,
                initiative_level=initiative,
                science_work_accepted=science,
                science_work_applied=applied,
                prior_consecutive_cstdcs=consecutive(years, Title.CHIEN_SI_THI_DUA_CO_SO, year - 1)
                if years
                else 0,
                consecutive_cstd_tinh=consecutive(
                    years, Title.CHIEN_SI_THI_DUA_CAP_TINH, year, allow_gap_this_year=True
                )
                if years
                else 0,
                score=priority(rating, initiative),
            )
        )
    unit_ratings = evaluation.unit_classifications(work_year)
    tops = [u for u in units if u.parent_id is None]
    unit_facts = {
        u.pk: UnitYearFacts(str(u.pk), unit_ratings[u.pk].rating if u.pk in unit_ratings else None)
        for u in tops
    }
    judged = {
        unit_id: (active, unity)
        for unit_id, active, unity in UnitJudgement.objects.filter(work_year=work_year).values_list(
            "unit_id", "emulation_active", "unity"
        )
    }
    return YearFacts(people, person_unit, tops, unit_facts, judged)


def top_unit_map(units: list[Unit]) -> dict[int, int]:
    """Each unit id → the id of its top-level unit (the collective whose titles it counts in)."""
    parent = {u.pk: u.parent_id for u in units}
    top: dict[int, int] = {}
    for pk in parent:
        current = pk
        while parent.get(current) is not None:
            current = parent[current]  # type: ignore[assignment]
        top[pk] = current
    return top


def positions_at(people: set[int], on: date, top: dict[int, int]) -> dict[int, int]:
    """Person id → top-level unit at ``on`` (the leading position wins). By the people's ids
    (one parameter), so that the positions' person index is read, not every position of the
    province."""
    rows = (
        Position.objects.filter(person_id__among=people, valid_from__lte=on)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
        .order_by("person_id", "-is_head", "-is_leader", "-valid_from")
        .values_list("person_id", "unit_id")
    )
    found: dict[int, int] = {}
    for person_id, unit_id in rows:
        found.setdefault(person_id, top.get(unit_id, unit_id))
    return found


def leave_of(
    spans: list[evaluation.LeaveSpan], work_year: WorkYear, year_days: int
) -> tuple[int, LeaveKind | None]:
    if not spans:
        return 0, None
    days = sum(
        max(0, (min(s.ends_on, work_year.ends_on) - max(s.starts_on, work_year.starts_on)).days + 1)
        for s in spans
    )
    return evaluation.to_months(days, year_days), evaluation.longest_leave(spans)


def heaviest(facts: list[evaluation.DisciplineFact]) -> DisciplineLevel | None:
    levels = [f.level for f in facts]
    return max(levels, key=lambda level: level.rank) if levels else None


def initiatives_by_person(
    work_year: WorkYear,
) -> dict[int, tuple[InitiativeLevel | None, bool, bool]]:
    """Person id → (highest initiative level, a science work accepted, … and applied)."""
    rows = Initiative.objects.filter(
        agency_id=work_year.agency_id,
        recognised_on__range=(work_year.starts_on, work_year.ends_on),
    ).values_list("person_id", "kind", "level", "applied")
    found: dict[int, tuple[InitiativeLevel | None, bool, bool]] = {}
    for person_id, kind, level, applied in rows:
        best, science, science_applied = found.get(person_id, (None, False, False))
        if kind in INITIATIVE_KINDS:
            candidate = InitiativeLevel(level)
            if best is None or candidate.rank > best.rank:
                best = candidate
        else:
            science, science_applied = True, science_applied or applied
        found[person_id] = (best, science, science_applied)
    return found


def titles_by_holder(agency_id: int, year: int) -> dict[tuple[str, int], dict[int, set[str]]]:
    """("p", person id) or ("u", unit id) → {year: titles} over the last years (2 queries)."""
    years = (year - HISTORY_YEARS, year)
    found: dict[tuple[str, int], dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    awards = Award.objects.filter(
        Q(person__agency_id=agency_id) | Q(unit__agency_id=agency_id),
        work_year__year__range=years,
        revoked_on__isnull=True,
    ).values_list("person_id", "unit_id", "work_year__year", "title")
    earlier = EarlierTitle.objects.filter(agency_id=agency_id, year__range=years).values_list(
        "person_id", "unit_id", "year", "title"
    )
    for person_id, unit_id, y, title in [*awards, *earlier]:
        key = ("p", person_id) if person_id is not None else ("u", unit_id)
        found[key][y].add(title)
    return found


def consecutive(
    years: dict[int, set[str]], title: Title, last: int, *, allow_gap_this_year: bool = False
) -> int:
    """How many years in a row, ending at ``last`` (or the year before it), held ``title``."""
    if allow_gap_this_year and title not in years.get(last, ()):
        last -= 1
    count = 0
    while title in years.get(last - count, ()):
        count += 1
    return count


@cache
def priority(rating: Rating | None, initiative: InitiativeLevel | None) -> Fraction:
    """Order under a cap: excellent before good, then the initiative's level."""
    return Fraction((rating.rank if rating else 0) * 10 + (initiative.rank if initiative else 0))
