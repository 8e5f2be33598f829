"""Home page links: the conference of the year, and follow-up reminders for those who act."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from hoinghi.conference import selectors
from hoinghi.conference.access import PREPARERS
from hoinghi.conference.models import Comment, Conference, ConferenceState
from hoinghi.conference.services.closing import carry_targets_to_plan
from hoinghi.law.calendar import add_days, add_months
from hoinghi.law.conference.meeting import WINDOW_MONTHS
from hoinghi.law.parameters import NotInForce
from hoinghi.org import cycle
from hoinghi.org.access import AnyUser, has_role, own_person
from hoinghi.org.home import HomeLink
from hoinghi.org.models import Agency, WorkYear


def conference_links(user: AnyUser, agency: Agency) -> list[HomeLink]:
    """The conference list and check-in by code; no query."""
    links = [
        HomeLink(
            "Hội nghị cán bộ, công chức, viên chức, người lao động",
            reverse("conference:list", args=[agency.code]),
        ),
        HomeLink("Điểm danh Hội nghị bằng mã cá nhân", reverse("conference:checkin-enter")),
    ]
    return links  # follow-up reminders are in "Việc cần làm" (conference_todos)


def delegate_todo(user: AnyUser, agency: Agency) -> cycle.Todo | None:
    """Hội nghị hôm nay: a participant's phone page (check-in, the item, speaking, voting),
    one tap from home on the day instead of three."""
    person = own_person(user)
    if person is None or person.agency_id != agency.pk:
        return None
    today = timezone.localdate()
    conference = (
        Conference.objects.filter(agency=agency, held_on=today, participants__person=person)
        .exclude(state=ConferenceState.CLOSED)
        .only("pk", "year")
        .first()
    )
    if conference is None:
        return None
    return cycle.Todo(
        f"Hội nghị hôm nay (năm {conference.year}): điểm danh, theo dõi, biểu quyết",
        reverse("conference:delegate", args=[agency.code, conference.pk]),
        cycle.Stage.CONFERENCE,
        due_on=today,
        note="trang của đại biểu, dùng được trên điện thoại",
    )


@cycle.todos
def conference_todos(user: AnyUser, agency: Agency, work_year: WorkYear) -> list[cycle.Todo]:
    """For those who prepare the conference: comments to answer, follow-up duties with the
    law's deadlines (the reminders carry their citation). Two queries. For a participant on
    the conference day, the way to their phone page first (one query)."""
    today_page = delegate_todo(user, agency)
    if not has_role(user, PREPARERS, agency=agency):
        return [today_page] if today_page else []
    todos: list[cycle.Todo] = [today_page] if today_page else []
    unanswered = (
        Comment.objects.filter(conference__agency=agency, answer="")
        .exclude(conference__state=ConferenceState.CLOSED)
        .values("conference_id", "conference__year")
        .order_by()
        .annotate(n=Count("pk"))
    )
    for row in unanswered:
        todos.append(
            cycle.Todo(
                f"Trả lời góp ý, Hội nghị năm {row['conference__year']}",
                reverse("conference:comments", args=[agency.code, row["conference_id"]]),
                cycle.Stage.CONFERENCE,
                note=f"{row['n']} ý kiến chưa trả lời",
            )
        )
    today = timezone.localdate()
    for reminder in selectors.open_reminders(agency, until=today + timedelta(days=60))[:8]:
        todos.append(
            cycle.Todo(
                reminder.title,
                reminder.conference.get_absolute_url(),
                cycle.Stage.FOLLOW_UP,
                reminder.due_on,
                reminder.citation,
            )
        )
    return todos


def conference_deadline(work_year: WorkYear) -> tuple[date | None, str]:
    """The last day for the conference that reviews the year: at the latest N months after
    the year ends (Law 10/2022 Art 51.1), and its citation; none before that law."""
    start = add_days(work_year.ends_on, 1)
    try:
        months = WINDOW_MONTHS.at(start)
    except NotInForce:
        return None, ""
    return add_days(add_months(start, months.value), -1), str(months.citation)


def reviewing_conference(work_year: WorkYear) -> Conference | None:
    return (
        Conference.objects.filter(agency=work_year.agency, reviewed_year=work_year)
        .order_by("-year")
        .first()
    )


@cycle.steps
def conference_steps(work_year: WorkYear) -> list[cycle.Step]:
    """The conference that reviews the year, and the follow-up of its resolution."""
    code = work_year.agency.code
    conference = reviewing_conference(work_year)
    due_on, basis = conference_deadline(work_year)
    if conference is None:
        return [
            cycle.Step(
                cycle.Stage.CONFERENCE,
                f"Hội nghị năm {work_year.year + 1} (tổng kết năm {work_year.year})",
                reverse("conference:list", args=[code]),
                label="chưa tạo Hội nghị",
                due_on=due_on,
                basis=basis,
            )
        ]
    reminders = conference.reminders.aggregate(
        total=Count("pk"), done=Count("pk", filter=Q(done_on__isnull=False))
    )
    return [
        cycle.Step(
            cycle.Stage.CONFERENCE,
            f"Hội nghị năm {conference.year} (tổng kết năm {work_year.year})",
            conference.get_absolute_url(),
            1 if conference.state == ConferenceState.CLOSED else 0,
            1,
            conference.get_state_display().lower(),
            due_on,
            basis,
        ),
        cycle.Step(
            cycle.Stage.FOLLOW_UP,
            "Theo dõi thực hiện nghị quyết, công khai",
            conference.get_absolute_url(),
            reminders["done"],
            reminders["total"],
            "việc đã làm",
        ),
    ]


@cycle.closing_checks
def conference_checks(work_year: WorkYear) -> list[cycle.Unfinished]:
    conference = reviewing_conference(work_year)
    if conference is None or conference.state == ConferenceState.CLOSED:
        return []
    return [cycle.Unfinished("Hội nghị tổng kết năm chưa bế mạc", 1, conference.get_absolute_url())]


@cycle.on_open
def carry_resolution_targets(work_year: WorkYear, actor: AnyUser | None) -> str:
    """Opening year N brings in the targets adopted by the conference of year N."""
    conference = Conference.objects.filter(agency=work_year.agency, year=work_year.year).first()
    if conference is None or not conference.resolution_targets.exists():
        return ""
    count = carry_targets_to_plan(conference, actor=actor)  # type: ignore[arg-type]
    return f"Đã chuyển {count} chỉ tiêu của nghị quyết Hội nghị năm {conference.year} vào kế hoạch."
