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
