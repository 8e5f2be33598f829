"""Home-page links: open polls the user may vote in or runs."""

from __future__ import annotations

from django.urls import reverse

from hoinghi.org import cycle
from hoinghi.org.access import AnyUser, own_person
from hoinghi.org.home import HomeLink
from hoinghi.org.models import Agency, WorkYear
from hoinghi.voting.models import Poll, PollState


def voting_links(user: AnyUser, agency: Agency) -> list[HomeLink]:
    """One query: the open polls of this agency where the user is an elector or a manager."""
    person = own_person(user)
    if not user.is_authenticated:
        return []
    polls = Poll.objects.filter(agency=agency, state=PollState.OPEN)
    mine = polls.filter(electors__person=person) if person else polls.none()
    managed = polls.filter(managers__pk=user.pk)
    links = [HomeLink("Các cuộc biểu quyết", reverse("voting:list-polls"))]
    for poll in (mine | managed).distinct().order_by("-created_at")[:5]:
        links.append(
            HomeLink(
                f"Biểu quyết: {poll.title}",
                reverse("voting:view-poll", args=[poll.pk]),
                note="Đang mở",
                urgent=True,
            )
        )
    return links


@cycle.todos
def voting_todos(user: AnyUser, agency: Agency, work_year: WorkYear) -> list[cycle.Todo]:
    """Open polls where the user is an elector and has not voted yet: one query."""
    person = own_person(user)
    if person is None or person.agency_id != agency.pk:
        return []
    polls = (
        Poll.objects.filter(agency=agency, state=PollState.OPEN, electors__person=person)
        .exclude(participations__person=person)
        .distinct()
        .order_by("-created_at")[:5]
    )
    return [
        cycle.Todo(
            f"Bỏ phiếu: {poll.title}",
            reverse("voting:view-poll", args=[poll.pk]),
            cycle.Stage.CONFERENCE,
            note="Đang mở, chưa bỏ phiếu",
        )
        for poll in polls
    ]
