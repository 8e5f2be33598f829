"""The audit actions: registered once, refused when unknown, read only in the admin."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client

from hoinghi.audit.actions import ACTIONS, UnknownAction
from hoinghi.audit.models import AuditEntry, AuditEntryImmutable
from hoinghi.audit.services import record

PACKAGE = Path(__file__).resolve().parents[2]
WRITERS = {"record", "audit"}  # audit(): the conference's wrapper of record()


def _sources() -> list[Path]:
    return [
        p
        for p in sorted(PACKAGE.rglob("*.py"))
        if "tests" not in p.parts and "migrations" not in p.parts and p.name != "conftest.py"
    ]


def _actions_in_code() -> tuple[dict[str, str], list[str]]:
    """Literal first arguments of record()/audit(), and the calls whose action is not literal."""
    literal: dict[str, str] = {}
    dynamic: list[str] = []
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name not in WRITERS:
                continue
            first = node.args[0]
            where = f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                literal.setdefault(first.value, where)
            else:
                dynamic.append(where)
    return literal, dynamic


def _string_constants() -> set[str]:
    found: set[str] = set()
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


def test_every_action_written_in_the_code_is_registered() -> None:
    literal, _ = _actions_in_code()
    assert len(literal) > 50  # the scan finds the services' calls
    unknown = {action: where for action, where in literal.items() if action not in ACTIONS}
    assert not unknown, f"register these in hoinghi/audit/actions.py: {unknown}"


def test_only_the_conference_wrapper_passes_an_action_through() -> None:
    _, dynamic = _actions_in_code()
    assert len(dynamic) == 1 and dynamic[0].startswith("hoinghi/conference/services/guards.py:")


def test_no_registered_action_is_unused_in_the_code() -> None:
    literal, _ = _actions_in_code()
    # voting.vote is written by SQL in the ballot box, named by a constant there.
    unused = set(ACTIONS) - set(literal) - (_string_constants() & {"voting.vote"})
    assert not unused, f"registered but written nowhere: {sorted(unused)}"


def test_every_action_has_a_vietnamese_label() -> None:
    for action, label in ACTIONS.items():
        assert label and label != action and label[0].isupper(), action


@pytest.mark.django_db
def test_record_refuses_an_unregistered_action() -> None:
    with pytest.raises(UnknownAction, match="chưa được đăng ký"):
        record("plans.invented")
    assert not AuditEntry.objects.exists()


@pytest.mark.django_db
def test_an_entry_is_neither_changed_nor_deleted() -> None:
    entry = record("org.open_work_year", data={"year": 2025})
    entry.data = {"year": 2026}
    with pytest.raises(AuditEntryImmutable):
        entry.save()
    with pytest.raises(AuditEntryImmutable):
        entry.delete()
    assert AuditEntry.objects.get().data == {"year": 2025}


@pytest.mark.django_db
def test_the_admin_shows_the_label_and_offers_no_change_nor_deletion() -> None:
    entry = record("org.open_work_year", data={"year": 2025})
    admin = User.objects.create_superuser("root", "root@example.vn", "x")
    client = Client()
    client.force_login(admin)
    listing = client.get("/quan-tri/audit/auditentry/")
    assert listing.status_code == 200
    assert "Mở năm công tác" in listing.content.decode()
    assert client.get(f"/quan-tri/audit/auditentry/{entry.pk}/delete/").status_code == 403
    changed = client.post(f"/quan-tri/audit/auditentry/{entry.pk}/change/", {"action": "x"})
    assert changed.status_code == 403
    assert AuditEntry.objects.filter(action="org.open_work_year").count() == 1
