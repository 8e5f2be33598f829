"""A secret close on PostgreSQL while another transaction holds a snapshot older than the
close (a request in flight, autovacuum's ANALYZE): ``VACUUM FULL`` must copy the removed row
versions into the new file, so the rewrite is done again once that transaction has ended."""

from __future__ import annotations

import threading
from typing import Any

import psycopg
import pytest
from django.db import connection

from hoinghi.voting import services, traces
from hoinghi.voting.tests.factories import electorate, motion

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's row versions"),
]


def old_snapshot() -> psycopg.Connection[Any]:
    """Another connection to the same database, in a transaction that has read a row."""
    settings = connection.settings_dict
    other = psycopg.connect(
        dbname=settings["NAME"],
        user=settings["USER"],
        password=settings["PASSWORD"],
        host=settings["HOST"] or None,
        port=settings["PORT"] or None,
    )
    other.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
    other.execute("SELECT count(*) FROM voting_poll").fetchone()
    return other


def test_the_close_rewrites_again_once_an_older_snapshot_has_ended(world: Any, monkeypatch) -> None:
    poll = motion(world, secrecy="secret")
    for person in electorate(world):
        assert person.user is not None
        services.cast_vote(poll, person, by=person.user, choice="for")
    reports: list[int] = []
    vacuum = traces.vacuum_full

    def counted() -> int:
        reports.append(vacuum())
        return reports[-1]

    monkeypatch.setattr(traces, "vacuum_full", counted)
    blocker = old_snapshot()
    timer = threading.Timer(0.6, blocker.commit)
    timer.start()
    try:
        services.close_poll(poll, by=world.clerk)
    finally:
        timer.join()
        blocker.close()
    assert reports[0] > 0, reports  # the first rewrite had to keep the removed versions
    assert reports[-1] == 0, reports  # … and a later one, after the snapshot ended, none
    assert vacuum() == 0
