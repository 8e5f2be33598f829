"""The vote transaction: the hot path of a burst, written as a few plain SQL statements.

One vote is: take a slot (the conditional ``UPDATE`` of the poll's counter, only while the
poll is open and only for someone in its frozen electorate), insert the participation,
insert the ballot, insert the audit entry. Through the ORM that was four compiled queries
plus ``BEGIN``/``COMMIT``; here it is

* **PostgreSQL**: one statement. Data-modifying CTEs hang the three inserts off the
  ``UPDATE … RETURNING``: when the gate lets nothing through, nothing is inserted; a unique
  violation (the same voter twice) undoes all of it. Outside a transaction the statement
  commits on its own, so a vote is one round trip.
* **SQLite** (no data-modifying CTEs): the same four statements through the raw cursor in
  one ``BEGIN IMMEDIATE`` transaction (Django's ``transaction_mode``).

The audit entry carries the minute, not the instant (RELIABILITY P2: coarse time), and no
ballot id. The live version of a poll is its ``revision`` and ``ballots_cast``, which the
gate already bumps: screens see the vote without another write.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from hoinghi.audit.models import AuditEntry
from hoinghi.voting.models import Ballot, Participation, Poll

VOTE_ACTION = "voting.vote"

_GATE = (
    "UPDATE voting_poll SET ballots_cast = ballots_cast + 1 "
    "WHERE id = %(poll)s AND state = 'open' AND EXISTS ("
    "SELECT 1 FROM voting_elector WHERE poll_id = %(poll)s AND person_id = %(person)s)"
)
_PARTICIPATION = (
    "INSERT INTO voting_participation (id, poll_id, person_id, key_digest) "
    "{source} %(participation)s, {poll}, %(person)s, %(digest)s{tail}"
)
_BALLOT = (
    "INSERT INTO voting_ballot (id, poll_id, receipt, choice, kept, valid, voter_id) "
    "{source} %(ballot)s, {poll}, %(receipt)s, %(choice)s, %(kept)s, %(valid)s, "
    "%(voter)s{tail}"
)
_AUDIT = (
    "INSERT INTO audit_auditentry "
    "(at, actor_id, action, agency_code, target_type, target_id, data) "
    "{source} %(at)s, %(actor)s, %(action)s, %(agency)s, 'voting.poll', %(target)s, "
    "%(data)s{tail}"
)


def _from_gate(template: str) -> str:
    return template.format(source="SELECT", poll="gate.id", tail=" FROM gate")


def _values(template: str) -> str:
    return template.format(source="VALUES (", poll="%(poll)s", tail=")")


POSTGRESQL_VOTE = (
    f"WITH gate AS ({_GATE} RETURNING id), "
    f"participation AS ({_from_gate(_PARTICIPATION)}), "
    f"ballot AS ({_from_gate(_BALLOT)}) "
    f"{_from_gate(_AUDIT)}"
)
SQLITE_VOTE = (_GATE, _values(_PARTICIPATION), _values(_BALLOT), _values(_AUDIT))


@dataclass(frozen=True)
class Slip:
    """What one vote writes, already checked by the service."""

    poll: Poll
    person_id: int
    actor_id: int | None
    receipt: str
    key_digest: str
    choice: str
    kept: list[int]
    named: bool  # a named poll keeps the voter on the ballot


def record_vote(slip: Slip) -> bool:
    """Write the vote; True when it was counted, False when the gate refused it.

    Raises ``IntegrityError`` when the voter already has a participation (nothing written).
    """
    params = _params(slip)
    if connection.vendor == "postgresql":
        if connection.in_atomic_block:  # a caller's transaction: keep it usable on a refusal
            with transaction.atomic():
                return _postgresql(params)
        return _postgresql(params)
    with transaction.atomic(), connection.cursor() as cursor:
        gate, *inserts = SQLITE_VOTE
        cursor.execute(gate, params)
        if cursor.rowcount != 1:
            return False
        for statement in inserts:
            cursor.execute(statement, params)
    return True


def _postgresql(params: dict[str, Any]) -> bool:
    with connection.cursor() as cursor:
        cursor.execute(POSTGRESQL_VOTE, params)
        return cursor.rowcount == 1


def _params(slip: Slip) -> dict[str, Any]:
    pk = Ballot._meta.pk
    assert pk is not None
    return {
        "poll": slip.poll.pk,
        "person": slip.person_id,
        "digest": slip.key_digest,
        "participation": Participation._meta.pk.get_db_prep_value(uuid.uuid4(), connection),
        "ballot": pk.get_db_prep_value(uuid.uuid4(), connection),
        "receipt": slip.receipt,
        "choice": slip.choice,
        "kept": Ballot._meta.get_field("kept").get_db_prep_value(slip.kept, connection),
        "valid": True,
        "voter": slip.person_id if slip.named else None,
        "at": AuditEntry._meta.get_field("at").get_db_prep_value(coarse_now(), connection),
        "actor": slip.actor_id,
        "action": VOTE_ACTION,
        "agency": slip.poll.agency.code,
        "target": str(slip.poll.pk),
        "data": AuditEntry._meta.get_field("data").get_db_prep_value({}, connection),
    }


def coarse_now() -> Any:
    """The current minute: the audit of a vote says when to the minute, never the instant."""
    return timezone.now().replace(second=0, microsecond=0)
