"""The SQL written once for the hot paths answers as the ORM and the access rule do."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.forms.models import model_to_dict

from hoinghi.org.models import Role
from hoinghi.testing import World, grant, make_person
from hoinghi.voting import hot_reads
from hoinghi.voting.access import belongs_to_agency
from hoinghi.voting.models import Poll
from hoinghi.voting.tests.factories import electorate, motion

pytestmark = pytest.mark.django_db

USERS = (
    "admin", "clerk", "leader", "head", "colleague", "outsider",
    "union_chair", "council", "inspector", "stranger",
)  # fmt: skip


def odd_users(world: World) -> list[User]:
    """A person record without a role, a role without a person record, a superuser outside
    every agency: the cases the world's staff (each with both) do not cover."""
    person_only = make_person(world.agency, "P-ONLY", "Lê Văn Bình", username="chi_ho_so").user
    role_only = User.objects.create_user("chi_vai_tro")
    grant(role_only, Role.INSPECTION_BOARD, world.agency)
    root = User.objects.create_superuser("goc")
    assert person_only is not None
    return [person_only, role_only, root]


def test_the_membership_in_sql_is_the_access_rule_for_every_kind_of_user(world: World) -> None:
    here = motion(world)
    there = motion(world)
    Poll.objects.filter(pk=there.pk).update(agency=world.other_agency)
    answers = set()
    for user in [*(getattr(world, name) for name in USERS), *odd_users(world)]:
        name = user.username
        for poll in (here, Poll.objects.get(pk=there.pk)):
            found = hot_reads.poll_for_member(poll.pk, user.pk)
            assert found is not None
            member = found[1] or user.is_superuser
            assert member == belongs_to_agency(user, poll.agency_id), (name, poll.agency_id)
            answers.add(member)
    assert answers == {True, False}  # both answers occur among the users
    assert hot_reads.poll_for_member(10**9, world.clerk.pk) is None


def test_the_voters_row_is_the_orms_poll_and_person(world: World) -> None:
    poll = motion(world)
    voter = electorate(world)[0]
    assert voter.user is not None
    found = hot_reads.voter_row(poll.pk, voter.user.pk)
    assert found is not None
    row_poll, person = found
    assert model_to_dict(row_poll) == model_to_dict(Poll.objects.get(pk=poll.pk))
    assert (person.pk, person.full_name, person.agency_id) == (
        voter.pk,
        voter.full_name,
        poll.agency_id,
    )
    assert hot_reads.voter_row(poll.pk, world.stranger.pk) is None  # not an elector
