"""Pytest plugin: every registered audit action is written by some test of the suite.

After each test that used the database, the actions of the audit log are read (before the
test's data is rolled back or flushed), so an action written by raw SQL counts too. When the
whole suite ran (no ``-k``, ``-m``, ``--lf`` or deselection, every test passed), the session fails
listing the registered actions no test wrote.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import pytest

WRITTEN: set[str] = set()
DB_FIXTURES = {"db", "transactional_db", "django_db_reset_sequences", "live_server"}
_deselected: list[int] = [0]


@pytest.fixture(autouse=True)
def audit_actions_written(request: pytest.FixtureRequest) -> Iterator[None]:
    """Reads the actions the test wrote into the log, into ``WRITTEN``."""
    uses_db = request.node.get_closest_marker("django_db") is not None or bool(
        DB_FIXTURES & set(request.fixturenames)
    )
    if uses_db:
        request.getfixturevalue("_django_db_helper")  # our teardown runs before the rollback
    yield
    if uses_db:
        _read_actions()


def _read_actions() -> None:
    from django.db import DatabaseError

    from hoinghi.audit.models import AuditEntry

    # A test that left its transaction broken: its own failure says so.
    with contextlib.suppress(DatabaseError):
        WRITTEN.update(AuditEntry.objects.values_list("action", flat=True).distinct())


def pytest_deselected(items: list[Any]) -> None:
    _deselected[0] += len(items)


def whole_suite(session: pytest.Session) -> bool:
    """The run covered every test: default paths or ``hoinghi``, nothing filtered, all passed."""
    config, option = session.config, session.config.option
    everything = config.args_source == pytest.Config.ArgsSource.TESTPATHS or config.args in (
        ["hoinghi"],
        ["hoinghi/"],
        [str(config.rootpath / "hoinghi")],
    )
    filtered = (
        getattr(option, "keyword", "")
        or getattr(option, "markexpr", "")
        or getattr(option, "lf", False)
        or getattr(option, "ignore", None)
        or _deselected[0]
    )
    return everything and not filtered and session.testsfailed == 0


def never_written() -> list[str]:
    from hoinghi.audit.actions import ACTIONS

    return sorted(set(ACTIONS) - WRITTEN)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if exitstatus != 0 or not whole_suite(session):
        return
    missing = never_written()
    if missing:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line(
                "Registered audit actions no test writes: " + ", ".join(missing), red=True
            )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
