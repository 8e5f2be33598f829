"""The vote transaction: the hot path of a burst, and an answer for every outcome.

One vote is: lock the poll, check the voter (in the frozen electorate, not yet voted), bump
the poll's counter, insert the participation, insert the ballot, insert the audit entry.

* **PostgreSQL**: one statement, ``SELECT voting_cast_vote(...)`` (migrations 0004, 0005): a
  function that answers a status (``counted``, ``repeated``, ``voted``, ``closed``, ...)
  instead of raising. A resent vote, a vote after the close, a voter outside the electorate
  are answers, not errors, so the server log never holds a vote's statement. Outside a
  transaction the statement commits on its own: one round trip.
* **SQLite**: one read of the same facts, then the four writes, in one ``BEGIN IMMEDIATE``
  transaction (Django's ``transaction_mode``): the write lock is held from the start, so the
  read cannot go stale.

The audit entry carries the minute, not the instant (docs/reliability.md P2: coarse time), and no
ballot id. The live version of a poll is its ``revision`` and ``ballots_cast``, which the
vote bumps: screens see the vote without another write.
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
COUNTED = "counted"
REPEATED = "repeated"  # the same key again: the vote was saved before

POSTGRESQL_VOTE = (
    "SELECT voting_cast_vote(%(poll)s, %(person)s, %(participation)s, %(digest)s, "
    "%(ballot)s, %(receipt)s, %(choice)s, %(kept)s, %(valid)s, %(voter)s, %(at)s, "
    "%(actor)s, %(action)s, %(agency)s, %(target)s, %(data)s)"
)
SQLITE_FACTS = (
    "SELECT p.state, "
    "EXISTS (SELECT 1 FROM voting_elector WHERE poll_id = p.id AND person_id = %(person)s), "
    "(SELECT key_digest FROM voting_participation "
    "WHERE poll_id = p.id AND person_id = %(person)s), "
    "EXISTS (SELECT 1 FROM voting_ballot WHERE poll_id = p.id AND receipt = %(receipt)s) "
    "FROM voting_poll p WHERE p.id = %(poll)s"
)
SQLITE_VOTE = (
    "UPDATE voting_poll SET ballots_cast = ballots_cast + 1 WHERE id = %(poll)s",
    "INSERT INTO voting_participation (id, poll_id, person_id, key_digest) "
    "VALUES (%(participation)s, %(poll)s, %(person)s, %(digest)s)",
    "INSERT INTO voting_ballot (id, poll_id, receipt, choice, kept, valid, voter_id) "
    "VALUES (%(ballot)s, %(poll)s, %(receipt)s, %(choice)s, %(kept)s, %(valid)s, %(voter)s)",
    "INSERT INTO audit_auditentry "
    "(at, actor_id, action, agency_code, target_type, target_id, data) "
    "VALUES (%(at)s, %(actor)s, %(action)s, %(agency)s, 'voting.poll', %(target)s, %(data)s)",
)


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


def record_vote(slip: Slip) -> str:
    """Write the vote when it may be counted; answer what happened, never raise for a refusal.

    ``counted``; ``repeated`` (this key's vote was saved before); ``voted`` (the voter voted
    with another key); ``draft``, ``closed``, ``missing`` (the poll); ``not_elector``;
    ``receipt_taken`` (another ballot has this receipt: the key was not fresh).
    """
    params = _params(slip)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(POSTGRESQL_VOTE, params)
            return str(cursor.fetchone()[0])
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(SQLITE_FACTS, params)
        row = cursor.fetchone()
        status = _status(row, slip.key_digest)
        if status == COUNTED:
            for statement in SQLITE_VOTE:
                cursor.execute(statement, params)
    return status


def _status(row: tuple[Any, ...] | None, digest: str) -> str:
    """The same decision as the PostgreSQL function, from one read."""
    if row is None:
        return "missing"
    state, elector, stored, receipt_taken = row
    if not elector:
        return "draft" if state == "draft" else "not_elector"
    if stored is not None:
        return REPEATED if stored == digest else "voted"
    if state != "open":
        return str(state)
    return "receipt_taken" if receipt_taken else COUNTED


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
