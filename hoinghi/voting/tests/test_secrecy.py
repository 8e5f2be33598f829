"""Secret ballots cannot be joined back to voters (docs/reliability.md V8, P1, P2)."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import connection

from hoinghi.voting import selectors, services
from hoinghi.voting.models import Ballot, Participation
from hoinghi.voting.tests.factories import election, electorate, motion

pytestmark = pytest.mark.django_db


def test_ballots_and_participations_share_no_column_time_or_serial():
    ballot = {f.name for f in Ballot._meta.get_fields()}
    participation = {f.name for f in Participation._meta.get_fields()}
    assert ballot & participation == {"id", "poll"}
    for model in (Ballot, Participation):
        assert model._meta.pk.get_internal_type() == "UUIDField"
        assert not [
            f
            for f in model._meta.get_fields()
            if not isinstance(f, GenericForeignKey)
            and f.get_internal_type() in ("DateTimeField", "DateField", "AutoField", "BigAutoField")
        ]


def test_secret_ballots_never_store_the_voter(world):
    poll = election(world)
    for person in electorate(world)[:4]:
        assert person.user is not None
        services.cast_vote(poll, person, by=person.user, kept=[])
    assert not Ballot.objects.filter(poll=poll, voter__isnull=False).exists()


def test_after_close_the_physical_order_does_not_follow_the_voting_order(world):
    poll = motion(world, secrecy="secret")
    people = electorate(world)
    order = []
    for person in people:
        assert person.user is not None
        order.append(services.cast_vote(poll, person, by=person.user, choice="for").code)
    services.close_poll(poll, by=world.clerk)
    column = "rowid" if connection.vendor == "sqlite" else "ctid"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT receipt FROM voting_ballot WHERE poll_id = %s ORDER BY {column}", [poll.pk]
        )
        stored = [r[0] for r in cursor.fetchall()]
    assert sorted(stored) == sorted(order)
    # 9 ballots: a random shuffle keeps the voting order with probability 1/9! (≈ 3·10⁻⁶).
    assert stored != order


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_after_close_xmin_no_longer_pairs_ballots_with_voters(world):
    poll = motion(world, secrecy="secret")
    for person in electorate(world)[:3]:
        assert person.user is not None
        services.cast_vote(poll, person, by=person.user, choice="for")
    services.close_poll(poll, by=world.clerk)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM voting_ballot b JOIN voting_participation p "
            "ON b.xmin = p.xmin WHERE b.poll_id = %s AND p.poll_id = %s",
            [poll.pk, poll.pk],
        )
        assert cursor.fetchone()[0] == 9  # every pair alike: no information


def test_receipts_of_a_secret_poll_are_published_as_codes_only(world):
    poll = election(world)
    codes = []
    for p in electorate(world)[:3]:
        assert p.user is not None
        codes.append(services.cast_vote(poll, p, by=p.user, kept=[]).display)
    assert selectors.receipts(poll) == []
    services.close_poll(poll, by=world.clerk)
    rows = selectors.receipts(poll)
    assert sorted(r.code for r in rows) == sorted(codes)
    assert all(r.choice == "" and r.voter == "" for r in rows)


def test_named_receipts_show_the_choice_and_names_only_when_published(world):
    poll = motion(world, publish_names=True)
    head = world.person(world.head)
    services.cast_vote(poll, head, by=world.head, choice="against")
    services.close_poll(poll, by=world.clerk)
    [row] = selectors.receipts(poll)
    assert row.choice == "Không tán thành" and row.voter == head.full_name


def test_the_audit_of_a_vote_says_who_and_the_minute_but_no_ballot(world):
    from hoinghi.audit.models import AuditEntry
    from hoinghi.voting.tests.factories import vote

    poll = motion(world, secrecy="secret")
    receipt = vote(world, poll, world.head, choice="against")
    entry = AuditEntry.objects.get(action="voting.vote")
    assert entry.actor_id == world.head.pk and entry.target_id == str(poll.pk)
    assert entry.at.second == 0 and entry.at.microsecond == 0  # coarse time (P2)
    assert entry.data == {} and receipt.code not in str(entry.__dict__)
