from __future__ import annotations

import pytest

from hoinghi.conference import polls, services
from hoinghi.conference.services import ConferenceError
from hoinghi.conference.tests.helpers import make_conference
from hoinghi.testing import World

pytestmark = pytest.mark.django_db


def test_a_motion_is_voted_electronically_by_those_present(world: World) -> None:
    conference = make_conference(world)
    services.open_conference(conference, actor=world.clerk)
    voters = [world.colleague, world.outsider, world.inspector]
    for user in voters:
        services.check_in(
            conference.participants.get(person=world.person(user)), method="qr", actor=user
        )
    motion = services.add_motion(
        conference, kind="resolution", title="Nghị quyết Hội nghị", actor=world.clerk
    )
    poll = polls.open_motion_poll(motion, actor=world.clerk, secret=True)
    assert poll.electorate_size == 3
    receipt = polls.cast_motion_vote(
        motion, world.person(world.colleague), choice="for", key=None, actor=world.colleague
    )
    assert receipt.code
    polls.cast_motion_vote(
        motion, world.person(world.outsider), choice="for", key=None, actor=world.outsider
    )
    with pytest.raises(ConferenceError):  # nobody votes for someone else
        polls.cast_motion_vote(
            motion, world.person(world.inspector), choice="for", key=None, actor=world.colleague
        )
    with pytest.raises(ConferenceError):  # not present when the poll opened
        polls.cast_motion_vote(
            motion, world.person(world.head), choice="for", key=None, actor=world.head
        )
    motion = polls.close_motion_poll(motion, actor=world.clerk)
    assert (motion.votes_for, motion.present, motion.adopted) == (2, 3, True)
    assert motion.rule_code == "conference.adoption" and motion.citations


def test_closing_from_the_generic_poll_page_decides_the_motion(world: World, client) -> None:
    from django.urls import reverse

    from hoinghi.conference.models import Motion

    conference = make_conference(world)
    services.open_conference(conference, actor=world.clerk)
    for user in (world.colleague, world.outsider):
        services.check_in(
            conference.participants.get(person=world.person(user)), method="desk", actor=world.clerk
        )
    motion = services.add_motion(
        conference, kind="resolution", title="Nghị quyết Hội nghị", actor=world.clerk
    )
    poll = polls.open_motion_poll(motion, actor=world.clerk, secret=True)
    for user in (world.colleague, world.outsider):
        polls.cast_motion_vote(motion, world.person(user), choice="for", key=None, actor=user)
    client.force_login(world.clerk)
    answer = client.post(reverse("voting:close-poll", args=[poll.pk]))
    assert answer.status_code == 302
    motion = Motion.objects.get(pk=motion.pk)
    assert (motion.votes_for, motion.present, motion.adopted) == (2, 2, True)
    again = polls.close_motion_poll(motion, actor=world.clerk)  # idempotent: decided once
    assert again.adopted is True and again.decided_at == motion.decided_at


def test_a_delegates_receipt_stays_in_the_browser_not_in_the_session(world: World, client) -> None:
    from django.contrib.sessions.models import Session
    from django.urls import reverse

    from hoinghi.voting.models import Ballot
    from hoinghi.voting.receipts import display

    conference = make_conference(world)
    services.open_conference(conference, actor=world.clerk)
    services.check_in(
        conference.participants.get(person=world.person(world.colleague)),
        method="desk",
        actor=world.clerk,
    )
    motion = services.add_motion(
        conference, kind="resolution", title="Nghị quyết Hội nghị", actor=world.clerk
    )
    poll = polls.open_motion_poll(motion, actor=world.clerk, secret=True)
    client.force_login(world.colleague)
    args = [conference.agency.code, conference.pk]
    client.post(
        reverse("conference:vote", args=args),
        {"motion": motion.pk, "choice": "against", "key": "r" * 22},
    )
    shown = display(Ballot.objects.get(poll=poll).receipt)
    page = client.get(reverse("conference:delegate", args=args))
    assert shown in page.text  # read back from the browser's signed cookie
    stored = [s.get_decoded() for s in Session.objects.all()]
    assert stored and not [s for s in stored if shown in str(s) or shown[:5] in str(s)]
