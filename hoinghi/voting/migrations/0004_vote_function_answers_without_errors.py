"""PostgreSQL: the vote as one function call that answers a status and never raises.

A resent vote that was already saved, a vote after the close, a voter outside the electorate:
each is an answer of the function, not an error, so the server log (``log_min_error_statement``)
never holds a vote's statement and parameters. The function locks the poll's row first, so
every later statement of it sees the participations committed before (READ COMMITTED takes a
new snapshot per statement of a volatile function); nothing can then conflict. Plain SQL
(no PL/pgSQL): the first statement takes the lock, the second decides and writes.
"""

from django.db import migrations

VOTE_FUNCTION = """
CREATE OR REPLACE FUNCTION voting_cast_vote(
    p_poll bigint, p_person bigint, p_participation uuid, p_digest text,
    p_ballot uuid, p_receipt text, p_choice text, p_kept jsonb, p_valid boolean,
    p_voter bigint, p_at timestamptz, p_actor bigint, p_action text, p_agency text,
    p_target text, p_data jsonb
) RETURNS text LANGUAGE sql VOLATILE AS $$
SELECT 1 FROM voting_poll WHERE id = p_poll FOR UPDATE;
WITH facts AS (
    SELECT p.state,
        EXISTS (SELECT 1 FROM voting_elector e
                WHERE e.poll_id = p.id AND e.person_id = p_person) AS elector,
        (SELECT x.key_digest FROM voting_participation x
         WHERE x.poll_id = p.id AND x.person_id = p_person) AS stored,
        EXISTS (SELECT 1 FROM voting_ballot b
                WHERE b.poll_id = p.id AND b.receipt = p_receipt) AS taken
    FROM voting_poll p WHERE p.id = p_poll
), verdict AS (
    SELECT CASE
        WHEN NOT elector THEN CASE WHEN state = 'draft' THEN 'draft' ELSE 'not_elector' END
        WHEN stored IS NOT NULL THEN CASE WHEN stored = p_digest THEN 'repeated' ELSE 'voted' END
        WHEN state <> 'open' THEN state::text
        WHEN taken THEN 'receipt_taken'
        ELSE 'counted'
    END AS status FROM facts
), gate AS (
    UPDATE voting_poll SET ballots_cast = ballots_cast + 1
    WHERE id = p_poll AND (SELECT status FROM verdict) = 'counted'
    RETURNING id
), participation AS (
    INSERT INTO voting_participation (id, poll_id, person_id, key_digest)
    SELECT p_participation, gate.id, p_person, p_digest FROM gate
), ballot AS (
    INSERT INTO voting_ballot (id, poll_id, receipt, choice, kept, valid, voter_id)
    SELECT p_ballot, gate.id, p_receipt, p_choice, p_kept, p_valid, p_voter FROM gate
), audit AS (
    INSERT INTO audit_auditentry
        (at, actor_id, action, agency_code, target_type, target_id, data)
    SELECT p_at, p_actor, p_action, p_agency, 'voting.poll', p_target, p_data FROM gate
)
SELECT coalesce((SELECT status FROM verdict), 'missing');
$$;
"""

DROP_FUNCTION = (
    "DROP FUNCTION IF EXISTS voting_cast_vote(bigint, bigint, uuid, text, uuid, text, text, "
    "jsonb, boolean, bigint, timestamptz, bigint, text, text, text, jsonb)"
)


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(VOTE_FUNCTION)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_FUNCTION)


class Migration(migrations.Migration):
    dependencies = [
        ("voting", "0003_poll_result_export_digest"),
        ("audit", "0001_initial"),
    ]

    operations = [migrations.RunPython(create, drop)]
