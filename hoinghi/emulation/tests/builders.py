"""The district office (Cơ quan Huyện ủy, demo scenario) through an emulation year.

Classifications are written as decided rows of the evaluation app (its selectors are what
this app reads); everything of this app goes through its services.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.contrib.auth.models import User

from hoinghi.emulation import services
from hoinghi.evaluation.models import PersonEvaluation, Stage, UnitEvaluation
from hoinghi.law.emulation.vocabulary import InitiativeKind, InitiativeLevel, Title
from hoinghi.law.evaluation.vocabulary import Rating
from hoinghi.org.demo import SCENARIOS_DIR
from hoinghi.org.models import Agency, AgencyRegulation, LawDomain, Person, Unit, WorkYear
from hoinghi.org.scenario import load_scenario
from hoinghi.org.selectors import unit_on
from hoinghi.org.services import open_work_year

DISTRICT = "co-quan-huyen-uy"
# The four CSTĐCS of 2023: rated excellent, each with a recognised initiative; two of them in
# the Văn phòng and the Ban Tuyên giáo, the two units rated excellent (TTLĐXS).
STARS = ("HU01", "HU03", "HU20", "HU21")
# Two more with an initiative but rated good: over the 15 % cap in 2023.
RUNNERS_UP = ("HU10", "HU27")
EXCELLENT_UNITS = ("van-phong", "ban-tuyen-giao")


def district() -> Agency:
    """The demo district office: its people and units only (not its seed year's records)."""
    if not Agency.objects.filter(code=DISTRICT).exists():
        load_scenario(SCENARIOS_DIR / f"{DISTRICT}.yaml")
    return Agency.objects.get(code=DISTRICT)


def year_of(agency: Agency, year: int) -> WorkYear:
    return open_work_year(agency, year)


def people(agency: Agency) -> dict[str, Person]:
    return {p.staff_code: p for p in Person.objects.filter(agency=agency)}


def classify(
    work_year: WorkYear, ratings: dict[str, Rating | None], default: Rating = Rating.GOOD
) -> None:
    """Decided classifications for everyone on staff (``None`` = not classified)."""
    rows = []
    for code, person in people(work_year.agency).items():
        rating = ratings.get(code, default)
        unit = (
            unit_on(person, work_year.ends_on)
            or Unit.objects.filter(agency=work_year.agency).first()
        )
        rows.append(
            PersonEvaluation(
                work_year=work_year,
                person=person,
                unit=unit,
                regime="d90",
                stage=Stage.APPROVED,
                self_text="Tự đánh giá",
                self_rating=(rating or Rating.DONE).value,
                rating=rating.value if rating else "",
                not_classified=rating is None,
                decided_on=work_year.ends_on,
            )
        )
    PersonEvaluation.objects.filter(work_year=work_year).delete()
    PersonEvaluation.objects.bulk_create(rows)


def rate_units(work_year: WorkYear, excellent: Iterable[str] = EXCELLENT_UNITS) -> None:
    UnitEvaluation.objects.filter(work_year=work_year).delete()
    UnitEvaluation.objects.bulk_create(
        UnitEvaluation(
            work_year=work_year,
            unit=u,
            decided_on=work_year.ends_on,
            rating=(Rating.EXCELLENT if u.code in excellent else Rating.GOOD).value,
            issuer="Ban Thường vụ Huyện ủy",
        )
        for u in Unit.objects.filter(agency=work_year.agency)
    )


def register_everyone(work_year: WorkYear, on: date | None = None) -> None:
    for person in people(work_year.agency).values():
        services.register_titles(
            work_year, [Title.LAO_DONG_TIEN_TIEN], person=person, on=on or work_year.starts_on
        )


def add_initiative(
    person: Person,
    on: date,
    level: InitiativeLevel = InitiativeLevel.GRASSROOTS,
    kind: InitiativeKind = InitiativeKind.INITIATIVE,
) -> None:
    services.record_initiative(
        person,
        name=f"Sáng kiến của {person.full_name}",
        kind=kind,
        level=level,
        recognised_on=on,
        recognised_by="Hội đồng sáng kiến cơ quan",
    )


def judge_units(
    work_year: WorkYear, *, active: bool | None = True, unity: bool | None = True
) -> None:
    """The council's judgement of every top-level unit: emulation movement and unity."""
    for unit in Unit.objects.filter(agency=work_year.agency, parent__isnull=True):
        services.judge_unit(
            work_year, unit, emulation_active=active, unity=unity, on=work_year.ends_on
        )


def regulate(
    agency: Agency,
    *,
    regulation: str = "Quy chế thi đua, khen thưởng của cơ quan",
    valid_from: date = date(2015, 1, 1),
    **values: object,
) -> AgencyRegulation:
    """The agency's emulation regulation (org) with these options in force."""
    return AgencyRegulation.objects.create(
        agency=agency,
        domain=LawDomain.EMULATION,
        values=values,
        regulation=regulation,
        valid_from=valid_from,
    )


def district_year(
    year: int,
    *,
    excellent: Iterable[str] = STARS,
    initiatives: Iterable[str] = STARS + RUNNERS_UP,
    registered: bool = True,
    judged: bool = True,
) -> WorkYear:
    """The 2023 shape: everyone good, four excellent, six initiatives, two excellent units."""
    agency = district()
    work_year = year_of(agency, year)
    classify(work_year, {code: Rating.EXCELLENT for code in excellent})
    rate_units(work_year)
    staff = people(agency)
    for code in initiatives:
        add_initiative(staff[code], date(year, 11, 20))
    if registered:
        register_everyone(work_year)
    if judged:
        judge_units(work_year)
    return work_year


def clerk(agency: Agency) -> User:
    return User.objects.get(username="vanthu")
