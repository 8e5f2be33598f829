"""Home-page link for whoever owns targets or tasks: overdue and near-due counts."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from hoinghi.org import cycle
from hoinghi.org.access import AnyUser, own_person
from hoinghi.org.home import HomeLink
from hoinghi.org.models import Agency, WorkYear, WorkYearState
from hoinghi.plans.selectors import completion_for_year, due_items_for_person


def plans_links(user: AnyUser, agency: Agency) -> list[HomeLink]:
    links = year_links(agency)
    person = own_person(user)
    if person is None or person.agency_id != agency.pk:
        return links
    today = timezone.localdate()
    due = due_items_for_person(person, today)
    overdue = sum(1 for i in due if i.due_on is not None and i.due_on < today)
    near = len(due) - overdue
    notes = [f"{overdue} quá hạn"] if overdue else []
    if near:
        notes.append(f"{near} sắp đến hạn")
    return links + [
        HomeLink(
            "Chỉ tiêu, nhiệm vụ của tôi",
            reverse("plans:mine", args=[agency.code]),
            ", ".join(notes),
            urgent=bool(overdue),
        )
    ]


def year_links(agency: Agency) -> list[HomeLink]:
    """The year's targets and tasks of the agency, its units and people: one query."""
    year = (
        agency.work_years.filter(state=WorkYearState.OPEN)
        .order_by("-year")
        .values_list("year", flat=True)
        .first()
    )
    if year is None:
        return []
    return [
        HomeLink(f"Chỉ tiêu, nhiệm vụ năm {year}", reverse("plans:year", args=[agency.code, year]))
    ]


@cycle.todos
def plans_todos(user: AnyUser, agency: Agency, work_year: WorkYear) -> list[cycle.Todo]:
    """The person's open items of the year that are overdue or due soon: one query."""
    person = own_person(user)
    if person is None or person.agency_id != agency.pk or work_year.is_closed:
        return []
    today = timezone.localdate()
    return [
        cycle.Todo(
            f"{item.get_kind_display()}: {item.title}",
            reverse("plans:item", args=[agency.code, work_year.year, item.pk]),
            cycle.Stage.TARGETS,
            item.due_on,
            "hạn trong kế hoạch của cơ quan",
            "quá hạn" if item.due_on and item.due_on < today else "sắp đến hạn",
        )
        for item in due_items_for_person(person, today)
        if item.work_year_id == work_year.pk
    ][:5]


@cycle.steps
def plans_steps(work_year: WorkYear) -> list[cycle.Step]:
    done = completion_for_year(work_year)
    return [
        cycle.Step(
            cycle.Stage.TARGETS,
            "Chỉ tiêu, nhiệm vụ",
            reverse("plans:year", args=[work_year.agency.code, work_year.year]),
            done.targets_done + done.tasks_done,
            done.targets_total + done.tasks_total,
            "đã hoàn thành",
        )
    ]


@cycle.closing_checks
def plans_checks(work_year: WorkYear) -> list[cycle.Unfinished]:
    done = completion_for_year(work_year)
    return [
        cycle.Unfinished(
            "Chỉ tiêu, nhiệm vụ chưa hoàn thành",
            done.targets_total + done.tasks_total - done.targets_done - done.tasks_done,
            reverse("plans:year", args=[work_year.agency.code, work_year.year]),
        )
    ]
