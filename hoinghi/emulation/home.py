"""Home-page links of the emulation year for each user."""

from __future__ import annotations

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from hoinghi.emulation import access
from hoinghi.emulation.models import Launch, Proposal, ProposalState, Registration, UnitJudgement
from hoinghi.org import cycle
from hoinghi.org.access import AnyUser, own_person
from hoinghi.org.home import HomeLink
from hoinghi.org.models import Agency, Unit, WorkYear, WorkYearState


def emulation_links(user: AnyUser, agency: Agency) -> list[HomeLink]:
    year = (
        WorkYear.objects.filter(agency=agency, state=WorkYearState.OPEN)
        .order_by("-year")
        .values_list("year", flat=True)
        .first()
    )
    if year is None:
        return []
    links = [
        HomeLink(
            f"Thi đua, khen thưởng năm {year}", reverse("emulation:year", args=[agency.code, year])
        )
    ]
    if access.can_read_proposals(user, agency):
        links.append(
            HomeLink(
                "Xét danh hiệu thi đua", reverse("emulation:eligibility", args=[agency.code, year])
            )
        )
    if access.can_judge(user, agency):
        links.append(
            HomeLink(
                "Hội đồng đánh giá tập thể",
                reverse("emulation:judgements", args=[agency.code, year]),
            )
        )
    return links


@cycle.todos
def emulation_todos(user: AnyUser, agency: Agency, work_year: WorkYear) -> list[cycle.Todo]:
    """The council's judgement of units; proposals waiting for the clerk or the council."""
    if work_year.is_closed:
        return []
    todos: list[cycle.Todo] = []
    code, year = agency.code, work_year.year
    registration = registration_todo(user, agency, work_year)
    if registration is not None:
        todos.append(registration)
    if access.can_judge(user, agency):
        judged = UnitJudgement.objects.filter(work_year=work_year).count()
        units = Unit.objects.filter(agency=agency).count()
        if judged < units:
            todos.append(
                cycle.Todo(
                    f"Hội đồng thi đua đánh giá tập thể năm {year}",
                    reverse("emulation:judgements", args=[code, year]),
                    cycle.Stage.EMULATION,
                    note=f"{units - judged}/{units} đơn vị chưa được đánh giá",
                )
            )
    if access.can_read_proposals(user, agency):
        states = dict(
            Proposal.objects.filter(work_year=work_year)
            .exclude(state__in=[ProposalState.SUBMITTED, ProposalState.DECIDED])
            .values("state")
            .order_by()
            .annotate(n=Count("pk"))
            .values_list("state", "n")
        )
        mine = (
            [ProposalState.DRAFT, ProposalState.VOTED]
            if access.can_manage(user, agency)
            else [ProposalState.VOTING]
        )
        waiting = sum(states.get(s, 0) for s in mine)
        if waiting:
            todos.append(
                cycle.Todo(
                    f"Tờ trình khen thưởng năm {year}",
                    reverse("emulation:proposals", args=[code, year]),
                    cycle.Stage.EMULATION,
                    note=f"{waiting} tờ trình chờ xử lý",
                )
            )
    return todos


def registration_todo(user: AnyUser, agency: Agency, work_year: WorkYear) -> cycle.Todo | None:
    """Đăng ký thi đua: a staff member who has not registered, once the year's emulation is
    launched, until the launch's deadline (the agency's plan sets it; the law sets none)."""
    person = own_person(user)
    if person is None or person.agency_id != agency.pk:
        return None
    launch = Launch.objects.filter(work_year=work_year).first()
    if launch is None:
        return None
    deadline = launch.registration_deadline
    if deadline is not None and timezone.localdate() > deadline:
        return None
    if Registration.objects.filter(work_year=work_year, person=person).exists():
        return None
    return cycle.Todo(
        f"Đăng ký thi đua năm {work_year.year}",
        reverse("emulation:registration", args=[agency.code, work_year.year]),
        cycle.Stage.EMULATION,
        due_on=deadline,
        basis=f"kế hoạch phát động thi đua ngày {launch.launched_on:%d/%m/%Y}" if deadline else "",
        note="Chưa đăng ký danh hiệu thi đua",
    )


@cycle.steps
def emulation_steps(work_year: WorkYear) -> list[cycle.Step]:
    code, year = work_year.agency.code, work_year.year
    units = Unit.objects.filter(agency=work_year.agency).count()
    judged = UnitJudgement.objects.filter(work_year=work_year).count()
    proposals = Proposal.objects.filter(work_year=work_year).aggregate(
        total=Count("pk"), decided=Count("pk", filter=Q(state=ProposalState.DECIDED))
    )
    return [
        cycle.Step(
            cycle.Stage.EMULATION,
            "Hội đồng thi đua đánh giá tập thể",
            reverse("emulation:judgements", args=[code, year]),
            judged,
            units,
            "đơn vị đã được đánh giá",
        ),
        cycle.Step(
            cycle.Stage.EMULATION + 1,
            "Xét, đề nghị khen thưởng",
            reverse("emulation:proposals", args=[code, year]),
            proposals["decided"],
            proposals["total"],
            "tờ trình đã có quyết định",
        ),
    ]


@cycle.closing_checks
def emulation_checks(work_year: WorkYear) -> list[cycle.Unfinished]:
    code, year = work_year.agency.code, work_year.year
    open_proposals = (
        Proposal.objects.filter(work_year=work_year).exclude(state=ProposalState.DECIDED).count()
    )
    return [
        cycle.Unfinished(
            "Tờ trình khen thưởng chưa có quyết định",
            open_proposals,
            reverse("emulation:proposals", args=[code, year]),
        )
    ]
