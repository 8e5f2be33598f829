"""The audit entries of steps no other test takes: each step writes its registered action."""

from __future__ import annotations

from datetime import date

import pytest

from hoinghi.audit.models import AuditEntry
from hoinghi.conference import services as conference
from hoinghi.conference.tests.helpers import make_conference, open_and_check_in_all
from hoinghi.emulation import services as emulation
from hoinghi.emulation.services import PledgeParties
from hoinghi.org.accounts import services as accounts
from hoinghi.org.models import Role, RoleAssignment
from hoinghi.org.services import open_work_year
from hoinghi.testing import World

pytestmark = pytest.mark.django_db


def _written(action: str) -> int:
    return AuditEntry.objects.filter(action=action).count()


def test_adding_an_agenda_item_and_marking_a_speaker_spoken_are_logged(world: World) -> None:
    meeting = make_conference(world)
    conference.build_agenda(meeting, actor=world.clerk)
    item = conference.add_agenda_item(meeting, title="Ý kiến của đại biểu", actor=world.clerk)
    assert _written("conference.agenda.add") == 1
    open_and_check_in_all(world, meeting)
    participant = meeting.participants.get(person=world.person(world.colleague))
    request = conference.request_to_speak(item, participant, actor=world.colleague)
    conference.mark_spoken(request, actor=world.clerk)
    assert _written("conference.speaker.spoken") == 1


def test_reviewing_a_pledge_is_logged(world: World) -> None:
    work_year = open_work_year(world.agency, 2024)
    pledge = emulation.sign_pledge(
        work_year,
        PledgeParties("Thủ trưởng cơ quan", "Trần Văn Lãnh", "Công đoàn cơ quan", "Hoàng Văn Đoàn"),
        ["Hoàn thành 100% nhiệm vụ"],
        signed_on=date(2024, 1, 20),
    )
    position = pledge.commitments.get().position
    emulation.review_pledge(
        pledge, {position: (True, "Đạt")}, reviewed_on=date(2024, 12, 20), actor=world.leader
    )
    assert _written("emulation.review_pledge") == 1


def test_reopening_an_account_and_revoking_a_role_are_logged(world: World) -> None:
    person = world.person(world.colleague)
    accounts.deactivate_account(person, actor=world.admin)
    accounts.reactivate_account(person, actor=world.admin)
    assert _written("org.reactivate_account") == 1
    assignment = RoleAssignment.objects.create(
        user=world.colleague, role=Role.COUNCIL, agency=world.agency
    )
    accounts.revoke_role(assignment, actor=world.admin, actor_is_admin=True)
    assert _written("org.revoke_role") == 1
