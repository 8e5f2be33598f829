"""Pages of preparation and closing: presidium, invitations, quotas, agenda, pledge, awards,
targets into the plan, reminders. Allowed, forbidden and not found, with the personas."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from hoinghi.conference import services
from hoinghi.conference.models import Conference
from hoinghi.conference.tests.helpers import make_conference, open_and_check_in_all
from hoinghi.conference.tests.test_views import client_for, url
from hoinghi.emulation.models import Award as EmulationAward
from hoinghi.emulation.models import Decision
from hoinghi.org.models import WorkYear
from hoinghi.plans.models import PlanItem
from hoinghi.testing import World

pytestmark = pytest.mark.django_db

PREPARER_PAGES = ["presidium", "invite", "quotas"]


def statuses(
    client: Client, pages: list[str], conference: Conference | None, method: str = "get"
) -> dict[str, int]:
    """Status per page; ``conference=None`` asks for a conference that does not exist."""

    def address(page: str) -> str:
        if conference is None:
            return reverse(f"conference:{page}", args=["co-quan-thu", 999])
        return url(page, conference)

    return {page: getattr(client, method)(address(page)).status_code for page in pages}


def test_preparation_pages_are_for_those_who_prepare(world: World) -> None:
    conference = make_conference(world)
    clerk, colleague = client_for(world.clerk), client_for(world.colleague)
    pages = PREPARER_PAGES
    assert statuses(clerk, pages, conference) == dict.fromkeys(pages, 200)
    assert statuses(colleague, pages, conference) == dict.fromkeys(pages, 403)
    assert statuses(colleague, pages, conference, "post") == dict.fromkeys(pages, 403)
    assert statuses(client_for(world.stranger), pages, conference) == dict.fromkeys(pages, 404)
    assert statuses(clerk, pages, None) == dict.fromkeys(pages, 404)


def test_staff_see_the_pledge_and_election_pages(world: World) -> None:
    conference = make_conference(world)
    pages, colleague = ["pledge", "election"], client_for(world.colleague)
    assert statuses(colleague, pages, conference) == dict.fromkeys(pages, 200)
    assert statuses(client_for(world.stranger), pages, conference) == dict.fromkeys(pages, 404)
    assert statuses(colleague, pages, None) == dict.fromkeys(pages, 404)


def test_the_clerk_edits_the_presidium_and_a_missing_secretary_is_named(world: World) -> None:
    conference = make_conference(world)
    leader, head = world.person(world.leader), world.person(world.head)
    client = client_for(world.clerk)
    response = client.post(url("presidium", conference), {"presidium": [leader.pk]})
    assert "Thư ký Hội nghị" in response.content.decode() and response.status_code == 200
    assert set(conference.presidium.all()) == {leader, world.person(world.union_chair)}
    client.post(
        url("presidium", conference),
        {"presidium": [leader.pk, head.pk], "secretaries": [world.person(world.colleague).pk]},
    )
    assert set(conference.presidium.all()) == {leader, head}
    assert list(conference.secretaries.all()) == [world.person(world.colleague)]


def test_the_clerk_invites_a_guest_who_does_not_vote(world: World) -> None:
    conference = make_conference(world)
    extra = conference.participants.get(person=world.person(world.head))
    extra.delete()
    response = client_for(world.clerk).post(
        url("invite", conference), {"role": "guest", "people": [world.person(world.head).pk]}
    )
    assert response.status_code == 302
    row = conference.participants.get(person=world.person(world.head))
    assert row.role == "guest" and len(row.code) == 8 and not row.votes
    assert services.attendance(conference) == (8, 0)


def delegate_conference(world: World) -> Conference:
    return services.create_conference(
        world.agency,
        year=2024,
        held_on=date(2024, 1, 20),
        delegates=True,
        dispersed=True,
        actor=world.clerk,
    )


def test_delegates_are_allocated_per_unit_summing_to_the_delegate_count(world: World) -> None:
    conference = delegate_conference(world)
    client = client_for(world.clerk)
    fields = {f"unit_{world.office.pk}": 4, f"unit_{world.board.pk}": 2}
    response = client.post(url("quotas", conference), {"delegate_count": 7, **fields})
    assert "Tổng số đại biểu phân bổ cho các đơn vị (6)" in response.content.decode()
    assert not conference.quotas.exists()
    assert (
        client.post(url("quotas", conference), {"delegate_count": 6, **fields}).status_code == 302
    )
    assert {q.unit_id: q.seats for q in conference.quotas.all()} == {
        world.office.pk: 4,
        world.board.pk: 2,
    }
    conference.refresh_from_db()
    assert conference.delegate_count == 6


def test_a_plenary_conference_refuses_an_allocation(world: World) -> None:
    conference = make_conference(world)
    response = client_for(world.clerk).post(
        url("quotas", conference),
        {"delegate_count": 2, f"unit_{world.office.pk}": 2, f"unit_{world.board.pk}": 0},
    )
    assert "toàn thể" in response.content.decode()
    assert not conference.quotas.exists()


def test_the_clerk_assigns_a_speaker_and_reorders_the_agenda(world: World) -> None:
    conference = make_conference(world)
    services.build_agenda(conference, actor=world.clerk)
    first, second = list(conference.agenda_items.order_by("position"))[:2]
    client = client_for(world.clerk)
    client.post(
        url("agenda", conference), {"item": second.pk, "speaker": world.person(world.leader).pk}
    )
    second.refresh_from_db()
    assert second.speaker == world.person(world.leader)
    client.post(url("agenda", conference), {"item": second.pk, "move": "up"})
    assert list(conference.agenda_items.order_by("position").values_list("pk", flat=True))[:2] == [
        second.pk,
        first.pk,
    ]
    assert (
        client_for(world.colleague)
        .post(url("agenda", conference), {"item": first.pk, "move": "up"})
        .status_code
        == 403
    )
    assert client.post(url("agenda", conference), {"item": 99999, "move": "up"}).status_code == 404


def test_the_pledge_warns_until_the_head_and_the_union_have_signed(world: World) -> None:
    conference = make_conference(world)
    client = client_for(world.clerk)
    assert (
        client_for(world.colleague)
        .post(url("pledge", conference), {"action": "text", "text": "x", "signed_on": "20/01/2024"})
        .status_code
        == 403
    )
    client.post(
        url("pledge", conference),
        {"action": "text", "text": "Giao ước thi đua 2024", "signed_on": "20/01/2024"},
    )
    client.post(
        url("pledge", conference), {"action": "sign", "signer": world.person(world.leader).pk}
    )
    page = client.get(url("pledge", conference)).content.decode()
    assert "Chưa đủ người ký" in page and "Công đoàn" in page
    client.post(
        url("pledge", conference), {"action": "sign", "signer": world.person(world.union_chair).pk}
    )
    assert "Chưa đủ người ký" not in client.get(url("pledge", conference)).content.decode()
    assert conference.pledge.check_result["snapshot"]["outcome"] is True


def test_awards_are_imported_from_the_emulation_decisions_once(world: World) -> None:
    conference = make_conference(world)
    assert conference.reviewed_year is not None
    decision = Decision.objects.create(
        work_year=conference.reviewed_year,
        issuer_kind="head",
        issuer="Chánh Văn phòng",
        number="12/QĐ-VP",
        signed_on=date(2024, 1, 10),
    )
    EmulationAward.objects.create(
        decision=decision,
        work_year=conference.reviewed_year,
        title="ldtt",
        person=world.person(world.colleague),
    )
    EmulationAward.objects.create(
        decision=decision, work_year=conference.reviewed_year, title="ttldtt", unit=world.office
    )
    client = client_for(world.clerk)
    assert (
        client_for(world.colleague)
        .post(url("closing", conference), {"action": "import_awards"})
        .status_code
        == 403
    )
    client.post(url("closing", conference), {"action": "import_awards"})
    client.post(url("closing", conference), {"action": "import_awards"})
    awards = {(a.title, a.recipient_name) for a in conference.awards.all()}
    assert awards == {
        ("Lao động tiên tiến", "Đỗ Văn Bình"),
        ("Tập thể lao động tiên tiến", "Văn phòng"),
    }
    assert all("12/QĐ-VP" in a.decision_ref for a in conference.awards.all())


def test_without_decisions_the_award_import_says_to_enter_by_hand(world: World) -> None:
    conference = make_conference(world)
    response = client_for(world.clerk).post(
        url("closing", conference), {"action": "import_awards"}, follow=True
    )
    assert "nhập khen thưởng bằng tay" in response.content.decode()
    assert not conference.awards.exists()


def test_targets_are_carried_into_the_plan_of_the_year_when_it_exists(world: World) -> None:
    conference = open_and_check_in_all(world, make_conference(world))
    services.add_resolution_target(
        conference, text="100% hoàn thành nhiệm vụ", measure="%", actor=world.clerk
    )
    client = client_for(world.clerk)
    response = client.post(url("closing", conference), {"action": "carry"}, follow=True)
    assert "Chưa mở năm công tác 2024" in response.content.decode()
    year = WorkYear.objects.create(
        agency=world.agency, year=2024, starts_on=date(2024, 1, 1), ends_on=date(2024, 12, 31)
    )
    client.post(url("closing", conference), {"action": "carry"})
    client.post(url("closing", conference), {"action": "carry"})
    [item] = PlanItem.objects.filter(work_year=year)
    assert (
        item.title == "100% hoàn thành nhiệm vụ"
        and item.origin_key == f"nq-2024-ct-{conference.resolution_targets.get().pk}"
    )


def test_a_reminder_is_marked_done_by_those_who_prepare(world: World) -> None:
    conference = open_and_check_in_all(world, make_conference(world))
    services.close_conference(conference, actor=world.clerk)
    reminder = conference.reminders.first()
    assert reminder is not None
    data = {"action": "reminder", "reminder": reminder.pk, "done_on": "15/07/2024"}
    assert client_for(world.colleague).post(url("closing", conference), data).status_code == 403
    bad = client_for(world.clerk).post(
        url("closing", conference), {**data, "done_on": "31/02/2024"}, follow=True
    )
    assert "dd/mm/yyyy" in bad.content.decode()
    client_for(world.clerk).post(url("closing", conference), data)
    reminder.refresh_from_db()
    assert reminder.done_on == date(2024, 7, 15)
