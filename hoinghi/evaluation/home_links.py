"""Home-page links: "Đánh giá của tôi" for everyone with a person record; leave and
discipline for the clerk; the units' classification for those who record it."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q
from django.urls import reverse

from hoinghi.evaluation.access import can_approve, can_decide_units, can_record_leave
from hoinghi.evaluation.facts import options_for
from hoinghi.evaluation.models import PersonEvaluation, Stage
from hoinghi.law.evaluation import RegimeFacts, select_regime
from hoinghi.law.evaluation.deadline import DeadlineFacts, decide_deadline
from hoinghi.law.evaluation.vocabulary import EvaluationRegime
from hoinghi.law.evaluation.vocabulary import StaffCategory as LawStaffCategory
from hoinghi.org import cycle
from hoinghi.org.access import AnyUser, assignments, own_person
from hoinghi.org.home import HomeLink
from hoinghi.org.models import Agency, AgencyKind, Role, StaffCategory, Unit, WorkYear
from hoinghi.org.selectors import staff_on

# Stages at which the unit head still has to propose a level.
PROPOSAL_PENDING = (Stage.SELF, Stage.MEETING)


def evaluation_links(user: AnyUser, agency: Agency) -> list[HomeLink]:
    links = []
    person = own_person(user)
    if person is not None and person.agency_id == agency.pk:
        links.append(
            HomeLink(
                "Đánh giá của tôi",
                reverse("evaluation:person", args=[agency.code, person.staff_code]),
            )
        )
    latest = agency.work_years.order_by("-year").values_list("year", flat=True).first()
    if latest is not None:
        links.append(
            HomeLink(
                f"Kết quả đánh giá, xếp loại năm {latest}",
                reverse("evaluation:year", args=[agency.code, latest]),
            )
        )
    open_year = (
        agency.work_years.filter(state="open").order_by("-year").values_list("year", flat=True)
    ).first()
    for a in assignments(user):
        if a.role == Role.UNIT_HEAD and a.agency_id == agency.pk and a.unit and open_year:
            links.append(
                HomeLink(
                    f"Đánh giá, đề xuất xếp loại: {a.unit.name}",
                    reverse("evaluation:unit", args=[agency.code, open_year, a.unit.code]),
                )
            )
    if can_record_leave(user, agency):
        links.append(
            HomeLink("Thời gian nghỉ, kỷ luật", reverse("evaluation:leave", args=[agency.code]))
        )
    if can_decide_units(user, agency):
        year = (
            agency.work_years.filter(state="open")
            .order_by("-year")
            .values_list("year", flat=True)
            .first()
        )
        if year is not None:
            links.append(
                HomeLink(
                    f"Xếp loại tập thể năm {year}",
                    reverse("evaluation:units", args=[agency.code, year]),
                )
            )
    return links


def classification_deadline(work_year: WorkYear, category: str) -> tuple[date | None, str]:
    """The law's last day for the year's classification, and its citation (Q16)."""
    facts = RegimeFacts(
        LawStaffCategory(category),
        work_year.year,
        work_year.agency.kind == AgencyKind.PUBLIC_SERVICE,
    )
    regime = select_regime(facts, options_for(work_year))[0]
    try:
        result = decide_deadline(
            DeadlineFacts(EvaluationRegime(regime.value), work_year.year),
            on=date(work_year.year, 12, 1),
        )
    except ValueError:
        return None, ""
    citation = result.reasons[0].citation if result.reasons else None
    return result.outcome, str(citation) if citation else ""


@cycle.todos
def evaluation_todos(user: AnyUser, agency: Agency, work_year: WorkYear) -> list[cycle.Todo]:
    """The person's self-assessment; the unit head's proposals; the leader's decisions;
    the units' classification. At most four queries."""
    if work_year.is_closed:
        return []
    todos: list[cycle.Todo] = []
    year = work_year.year
    person = own_person(user)
    if (
        person is not None
        and person.agency_id == agency.pk
        and person.is_on_staff(work_year.ends_on)
    ):
        stage = (
            PersonEvaluation.objects.filter(work_year=work_year, person=person)
            .values_list("stage", flat=True)
            .first()
        )
        if stage is None:
            due_on, basis = classification_deadline(work_year, person.category)
            todos.append(
                cycle.Todo(
                    f"Tự đánh giá năm {year}",
                    reverse("evaluation:self-assess", args=[agency.code, year]),
                    cycle.Stage.EVALUATION,
                    due_on,
                    basis,
                    "Bản tự đánh giá, tự xếp loại chất lượng",
                )
            )
    head_units = [
        a.unit
        for a in assignments(user)
        if a.role == Role.UNIT_HEAD and a.agency_id == agency.pk and a.unit is not None
    ]
    waiting = PersonEvaluation.objects.filter(work_year=work_year, stage__in=PROPOSAL_PENDING)
    if head_units:
        counts = dict(
            waiting.filter(unit__in=head_units)
            .values("unit_id")
            .order_by()
            .annotate(n=Count("pk"))
            .values_list("unit_id", "n")
        )
        due_on, basis = classification_deadline(work_year, StaffCategory.CIVIL_SERVANT)
        for unit in head_units:
            if not counts.get(unit.pk):
                continue
            todos.append(
                cycle.Todo(
                    f"Đề xuất xếp loại: {unit.name}",
                    reverse("evaluation:unit", args=[agency.code, year, unit.code]),
                    cycle.Stage.EVALUATION,
                    due_on,
                    basis,
                    f"{counts.get(unit.pk, 0)} người chờ trưởng đơn vị đề xuất",
                )
            )
    if can_approve(user, agency):
        proposed = PersonEvaluation.objects.filter(
            work_year=work_year, stage=Stage.PROPOSED
        ).count()
        if proposed:
            due_on, basis = classification_deadline(work_year, StaffCategory.CIVIL_SERVANT)
            todos.append(
                cycle.Todo(
                    f"Quyết định xếp loại năm {year}",
                    reverse("evaluation:year", args=[agency.code, year]),
                    cycle.Stage.EVALUATION,
                    due_on,
                    basis,
                    f"{proposed} người đã có đề xuất, chờ quyết định",
                )
            )
    if can_decide_units(user, agency):
        undecided = (
            Unit.objects.filter(agency=agency)
            .exclude(evaluations__work_year=work_year, evaluations__rating__gt="")
            .count()
        )
        if undecided:
            todos.append(
                cycle.Todo(
                    f"Xếp loại tập thể năm {year}",
                    reverse("evaluation:units", args=[agency.code, year]),
                    cycle.Stage.EVALUATION,
                    note=f"{undecided} đơn vị chưa có kết quả xếp loại",
                )
            )
    return todos


@cycle.steps
def evaluation_steps(work_year: WorkYear) -> list[cycle.Step]:
    """Self-assessed and decided counts over the staff of the year: three queries."""
    agency = work_year.agency
    staff = staff_on(agency, work_year.ends_on).count()
    counts = PersonEvaluation.objects.filter(work_year=work_year).aggregate(
        assessed=Count("pk"), decided=Count("pk", filter=Q(stage=Stage.APPROVED))
    )
    due_on, basis = classification_deadline(work_year, StaffCategory.CIVIL_SERVANT)
    url = reverse("evaluation:year", args=[agency.code, work_year.year])
    return [
        cycle.Step(
            cycle.Stage.EVALUATION,
            "Tự đánh giá",
            url,
            counts["assessed"],
            staff,
            "đã tự đánh giá",
            due_on,
            basis,
        ),
        cycle.Step(
            cycle.Stage.EVALUATION + 1,
            "Xếp loại chất lượng",
            url,
            counts["decided"],
            staff,
            "đã có quyết định xếp loại",
            due_on,
            basis,
        ),
    ]


@cycle.closing_checks
def evaluation_checks(work_year: WorkYear) -> list[cycle.Unfinished]:
    agency = work_year.agency
    staff = staff_on(agency, work_year.ends_on).count()
    rows = PersonEvaluation.objects.filter(work_year=work_year).aggregate(
        assessed=Count("pk"), decided=Count("pk", filter=Q(stage=Stage.APPROVED))
    )
    url = reverse("evaluation:year", args=[agency.code, work_year.year])
    return [
        cycle.Unfinished("Người chưa tự đánh giá", max(staff - rows["assessed"], 0), url),
        cycle.Unfinished(
            "Đánh giá chưa có quyết định xếp loại", rows["assessed"] - rows["decided"], url
        ),
    ]
