"""The versioned live state: bump in the writer's transaction, ETag and 304 for readers."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.test import RequestFactory

from hoinghi.voting import live

pytestmark = pytest.mark.django_db


def test_bump_counts_up_from_nothing():
    assert live.current_version("conference.checkin:1") == 0
    assert live.bump("conference.checkin:1") == 1
    assert live.bump("conference.checkin:1") == 2
    assert live.current_version("conference.checkin:2") == 0


def test_a_bump_in_a_rolled_back_transaction_is_undone():
    live.bump("agenda:1")
    with pytest.raises(RuntimeError), transaction.atomic():
        live.bump("agenda:1")
        raise RuntimeError("the change failed")
    assert live.current_version("agenda:1") == 1


def test_versioned_json_builds_only_for_a_stale_client():
    built = []

    def build() -> dict[str, object]:
        built.append(1)
        return {"present": 42}

    fresh = live.versioned_json(RequestFactory().get("/"), 7, build)
    assert fresh.status_code == 200 and fresh["ETag"] == '"7"'
    assert b'"present": 42' in fresh.content and b'"version": "7"' in fresh.content
    same = live.versioned_json(RequestFactory().get("/", HTTP_IF_NONE_MATCH='"7"'), 7, build)
    assert same.status_code == 304 and same.content == b"" and len(built) == 1
    assert same["Cache-Control"] == "no-cache, private"
