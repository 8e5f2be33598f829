"""Reads of the emulation year that views, documents, reports and the conference use.

API for the other apps:

- ``title_counts(work_year)`` → ``[TitleCount]`` of every title awarded (people, then units);
  ``title_count(work_year, Title.LAO_DONG_TIEN_TIEN).phrase`` → "100% (32/32)".
- ``decisions_of_year(work_year)`` (awards prefetched), ``decision_list(decision)`` → the
  appendix (who, title, bonus); ``awards_for_conference(work_year)`` → awards by title.
- ``proposals_of_year(work_year)``, ``proposal_items(proposal)`` (with votes and approval).
- ``pledges_of_year(work_year)`` (commitments and results), ``launch_of(work_year)``.
- ``eligibility_rows(work_year, title=, outcome=)``, ``eligible_counts(work_year)``,
  ``eligibility_of(work_year, title, person=|unit=)``, ``decision_record(row)`` → the row's
  rule, version, citations, reasons and facts (stored once per distinct set).
- ``unit_judgements(work_year)`` → each top-level unit with the council's judgement or None.
- ``registrations_of_year``, ``initiatives_of_year``, ``recognitions_of_year``,
  ``person_titles(person)``, ``unit_titles(unit)``.

Each selector owns its joins; lists cost a constant number of queries.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from fractions import Fraction

from django.db.models import Prefetch, QuerySet

from hoinghi.emulation.models import (
    Award,
    Decision,
    EarlierTitle,
    Eligibility,
    Initiative,
    Launch,
    Pledge,
    Proposal,
    ProposalItem,
    Recognition,
    Registration,
    UnitJudgement,
)
from hoinghi.emulation.vocabulary import Outcome
from hoinghi.law.emulation.vocabulary import COLLECTIVE_TITLES, TITLE_LABELS, Title
from hoinghi.org.models import Agency, Person, Unit, WorkYear
from hoinghi.org.selectors import staff_on


@dataclass(frozen=True)
class TitleCount:
    """ "100% (32/32) Lao động tiên tiến": awarded of base, and the share in percent."""

    title: Title
    label: str
    awarded: int
    base: int  # the staff at year end for people, the top-level units for collectives
    collective: bool = False

    @property
    def share(self) -> Fraction:
        return Fraction(self.awarded, self.base) if self.base else Fraction(0)

    @property
    def percent(self) -> int:
        return round(self.share * 100)

    @property
    def phrase(self) -> str:
        """As the reports write it: "100% (32/32)", counts zero-padded: "04"."""
        return f"{self.percent}% ({self.awarded:02d}/{self.base:02d})"


def launch_of(work_year: WorkYear) -> Launch | None:
    return Launch.objects.filter(work_year=work_year).first()


def live_awards(work_year: WorkYear) -> QuerySet[Award]:
    return Award.objects.filter(work_year=work_year, revoked_on__isnull=True)


def title_counts(work_year: WorkYear) -> list[TitleCount]:
    """Counts of every title awarded in the year (any issuer), people then units, in the
    order of the law; the base is the staff at year end for people, the units for units."""
    staff = staff_on(work_year.agency, work_year.ends_on).count()
    units = Unit.objects.filter(agency=work_year.agency, parent__isnull=True).count()
    people: dict[str, set[int]] = {}
    collectives: dict[str, set[int]] = {}
    for title, person_id, unit_id in live_awards(work_year).values_list(
        "title", "person_id", "unit_id"
    ):
        if person_id is not None:
            people.setdefault(title, set()).add(person_id)
        else:
            collectives.setdefault(title, set()).add(unit_id)
    counts = [
        TitleCount(t, TITLE_LABELS[t], len(people[t]), staff, False) for t in Title if t in people
    ]
    counts += [
        TitleCount(t, TITLE_LABELS[t], len(collectives[t]), units, True)
        for t in Title
        if t in collectives
    ]
    return counts


def title_count(work_year: WorkYear, title: Title, *, collective: bool | None = None) -> TitleCount:
    """One title's count; ``collective`` picks units or people for Giấy khen and Bằng khen."""
    if collective is None:
        collective = title in COLLECTIVE_TITLES
    for count in title_counts(work_year):
        if count.title == title and count.collective == collective:
            return count
    base = (
        Unit.objects.filter(agency=work_year.agency, parent__isnull=True).count()
        if collective
        else staff_on(work_year.agency, work_year.ends_on).count()
    )
    return TitleCount(title, TITLE_LABELS[title], 0, base, collective)


def awards_ordered(awards: QuerySet[Award]) -> QuerySet[Award]:
    """Units first in their order, then people by name (Person.sort_key)."""
    return awards.select_related("person", "unit").order_by(
        "title",
        "unit__position",
        "unit__name",
        "person__sort_key",
        "pk",
    )


def decisions_of_year(work_year: WorkYear) -> QuerySet[Decision]:
    return (
        Decision.objects.filter(work_year=work_year)
        .prefetch_related(
            Prefetch("awards", queryset=awards_ordered(Award.objects.all())),
        )
        .order_by("signed_on", "pk")
    )


def decision_list(decision: Decision) -> list[Award]:
    """The appendix of a decision: who got what, with the bonus."""
    return list(awards_ordered(decision.awards.all()))


def awards_for_conference(work_year: WorkYear) -> dict[Title, list[Award]]:
    """The awards announced at the Conference, grouped by title."""
    grouped: dict[Title, list[Award]] = {}
    for award in awards_ordered(live_awards(work_year)).select_related("decision"):
        grouped.setdefault(Title(award.title), []).append(award)
    return grouped


def proposals_of_year(work_year: WorkYear, *, kind: str | None = None) -> QuerySet[Proposal]:
    """The year's proposals (``kind``: "internal" or "upward"), items prefetched."""
    rows = Proposal.objects.filter(work_year=work_year)
    if kind is not None:
        rows = rows.filter(kind=kind)
    return rows.select_related("poll").prefetch_related(
        Prefetch("items", queryset=proposal_items_query()),
    )


def proposal_items_query() -> QuerySet[ProposalItem]:
    return ProposalItem.objects.select_related("person", "unit").order_by(
        "position",
        "unit__position",
        "person__sort_key",
        "pk",
    )


def proposal_items(proposal: Proposal) -> list[ProposalItem]:
    return list(proposal_items_query().filter(proposal=proposal))


def pledges_of_year(work_year: WorkYear) -> QuerySet[Pledge]:
    return Pledge.objects.filter(work_year=work_year).prefetch_related("commitments", "units")


def eligibility_rows(
    work_year: WorkYear, *, title: Title | None = None, outcome: Outcome | None = None
) -> QuerySet[Eligibility]:
    rows = Eligibility.objects.filter(work_year=work_year).select_related(
        "person", "unit", "reason_set"
    )
    if title is not None:
        rows = rows.filter(title=title)
    if outcome is not None:
        rows = rows.filter(outcome=outcome)
    return rows.order_by("title", "unit__position", "unit__name", "person__sort_key", "pk")


def decision_record(row: Eligibility) -> dict[str, object]:
    """One eligibility row as the complete decision record it is: rule, version, citations,
    reasons and the facts the rule read (from the shared sets; 2 queries unless selected)."""
    return {
        "rule": row.rule,
        "rule_version": row.rule_version,
        "title": row.title,
        "outcome": row.outcome,
        "computed_at": row.computed_at.isoformat(),
        "citations": row.citations,
        "reasons": row.reasons,
        "facts": row.facts,
    }


def eligibility_of(
    work_year: WorkYear, title: Title, *, person: Person | None = None, unit: Unit | None = None
) -> Eligibility | None:
    """One holder's row for one title, with its sets."""
    return (
        Eligibility.objects.filter(work_year=work_year, title=title, person=person, unit=unit)
        .select_related("reason_set", "fact_set")
        .first()
    )


def eligibility_for_person(person: Person) -> QuerySet[Eligibility]:
    """The law's answers for one person, every year and title, with their reasons."""
    return (
        Eligibility.objects.filter(person=person)
        .select_related("work_year", "reason_set")
        .order_by("-work_year__year", "title")
    )


def eligible_counts(work_year: WorkYear) -> Counter[str]:
    return Counter(
        Eligibility.objects.filter(work_year=work_year, outcome=Outcome.ELIGIBLE).values_list(
            "title", flat=True
        )
    )


def registrations_of_year(work_year: WorkYear) -> QuerySet[Registration]:
    return (
        Registration.objects.filter(work_year=work_year)
        .select_related("person", "unit")
        .order_by(
            "unit__position",
            "person__sort_key",
            "title",
        )
    )


def registrations_of(
    work_year: WorkYear, *, person: Person | None = None, unit: Unit | None = None
) -> set[str]:
    return set(
        Registration.objects.filter(work_year=work_year, person=person, unit=unit).values_list(
            "title", flat=True
        )
    )


def initiatives_of_year(work_year: WorkYear) -> QuerySet[Initiative]:
    return (
        Initiative.objects.filter(
            agency=work_year.agency,
            recognised_on__gte=work_year.starts_on,
            recognised_on__lte=work_year.ends_on,
        )
        .select_related("person")
        .order_by("person__sort_key", "recognised_on")
    )


def person_titles(person: Person) -> QuerySet[Award]:
    """A person's titles, newest year first, with the decision."""
    return (
        Award.objects.filter(person=person)
        .select_related("decision", "work_year")
        .order_by("-work_year__year", "title")
    )


def unit_titles(unit: Unit) -> QuerySet[Award]:
    return (
        Award.objects.filter(unit=unit)
        .select_related("decision", "work_year")
        .order_by("-work_year__year", "title")
    )


def recognitions_of_year(work_year: WorkYear) -> QuerySet[Recognition]:
    """ "An toàn về an ninh trật tự", "Gia đình văn hóa"… of the year."""
    return (
        Recognition.objects.filter(work_year=work_year)
        .select_related("person", "unit")
        .order_by("name", "pk")
    )


def earlier_titles(agency: Agency) -> QuerySet[EarlierTitle]:
    return (
        EarlierTitle.objects.filter(agency=agency)
        .select_related("person", "unit")
        .order_by("-year", "title", "unit__position", "person__sort_key")
    )


@dataclass(frozen=True)
class UnitJudgementRow:
    unit: Unit
    judgement: UnitJudgement | None


def unit_judgements(work_year: WorkYear) -> list[UnitJudgementRow]:
    """Each top-level unit, in order, with the council's judgement of the year (or None)."""
    judged = {j.unit_id: j for j in UnitJudgement.objects.filter(work_year=work_year)}
    return [
        UnitJudgementRow(u, judged.get(u.pk))
        for u in Unit.objects.filter(agency=work_year.agency, parent__isnull=True).order_by(
            "position", "name"
        )
    ]


def title_holders_by_work_year(work_years: list[WorkYear]) -> dict[tuple[int, str], int]:
    """How many hold each title in many work years, one query: ``{(work_year_id, title):
    count}``, people counted when any person holds it (as :func:`title_counts` lists people
    first), else units."""
    people: dict[tuple[int, str], set[int]] = {}
    units: dict[tuple[int, str], set[int]] = {}
    rows = Award.objects.filter(
        work_year__in=[w.pk for w in work_years], revoked_on__isnull=True
    ).values_list("work_year_id", "title", "person_id", "unit_id")
    for work_year_id, title, person_id, unit_id in rows:
        if person_id is not None:
            people.setdefault((work_year_id, title), set()).add(person_id)
        else:
            units.setdefault((work_year_id, title), set()).add(unit_id)
    counts = {key: len(ids) for key, ids in units.items()}
    counts.update({key: len(ids) for key, ids in people.items()})
    return counts
