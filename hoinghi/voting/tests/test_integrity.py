"""A Belenios-style scenario and ballot fuzzing (docs/reliability.md V2, V4, B1)."""

from __future__ import annotations

import random
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hoinghi.voting import selectors, services
from hoinghi.voting.errors import VotingError
from hoinghi.voting.models import Ballot, Participation, Poll
from hoinghi.voting.tests.factories import ON, election, extra_voters

pytestmark = pytest.mark.django_db


def test_n_eligible_k_vote_l_retry_and_the_tally_is_the_sum_of_the_choices(world):
    seed = 20260115
    rng = random.Random(seed)
    people = extra_voters(world, 30)
    poll = services.create_poll(
        world.agency,
        title="Kịch bản",
        kind="election",
        secrecy="secret",
        method="electronic",
        legal_date=ON,
        by=world.clerk,
        seats=3,
        candidates=[(None, f"Ứng viên {i}", "") for i in range(5)],
    )
    services.open_poll(poll, electors=people, present=30, convened=32, by=world.clerk)
    ids = list(poll.candidates.order_by("position").values_list("pk", flat=True))
    voting = rng.sample(people, 24)
    expected: Counter[int] = Counter()
    keys = {}
    for person in voting:
        assert person.user is not None
        kept = rng.sample(ids, rng.randint(0, 3))
        expected.update(kept)
        keys[person.pk] = f"scenario-{person.pk:08d}-key"
        services.cast_vote(poll, person, by=person.user, kept=kept, key=keys[person.pk])
    for person in rng.sample(voting, 6):  # L retry: same key answers, a new key is refused
        assert person.user is not None
        assert services.cast_vote(
            poll, person, by=person.user, kept=[], key=keys[person.pk]
        ).repeated
        with pytest.raises(VotingError):
            services.cast_vote(poll, person, by=person.user, kept=[], key="another-key-0000001")
    result = services.close_poll(poll, by=world.clerk)
    assert result.counts["candidates"] == {str(i): expected[i] for i in ids}, f"seed {seed}"
    assert selectors.invariant(poll) == (24, 24, 24)
    assert (result.counts["ballots"], poll.electorate_size) == (24, 30)


junk = st.one_of(st.none(), st.text(max_size=12), st.integers(-(10**12), 10**12))


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(choice=junk, kept=st.lists(junk, max_size=6), key=st.text(max_size=70))
def test_malformed_ballots_are_refused_and_change_nothing(world, choice, kept, key):
    poll = Poll.objects.filter(kind="election").first() or election(world, seats=2)
    person = world.person(world.head)
    before = (Ballot.objects.count(), Participation.objects.count())
    try:
        services.cast_vote(
            poll,
            person,
            by=world.head,
            choice=choice,
            kept=kept,
            key=key or None,
        )
    except VotingError:
        assert (Ballot.objects.count(), Participation.objects.count()) == before
    else:
        # Only a well-formed ballot may pass: known candidates, at most two, no motion choice.
        stored = Ballot.objects.get(poll=poll)
        assert not choice and len(stored.kept) <= 2
        Ballot.objects.filter(poll=poll).delete()
        Participation.objects.filter(poll=poll).delete()
        Poll.objects.filter(pk=poll.pk).update(ballots_cast=0)
