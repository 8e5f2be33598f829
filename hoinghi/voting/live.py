"""Live state without a framework: versioned JSON, ETag and 304 Not Modified.

A service that changes something screens show live (a poll's count, the check-in count,
the current agenda item) bumps a version **in its own transaction**, so every gunicorn
worker reads the same version from the database. Screens poll the JSON endpoint every
second or two with ``If-None-Match``; while nothing changed they get an empty 304.

Two ways to carry a version:

* a row of :class:`~hoinghi.voting.models.LiveState` per key, bumped with :func:`bump`
  (the conference's check-in count: ``bump("conference.checkin:12")``);
* a column of the object itself (a poll's ``revision`` and ``ballots_cast``, already
  written by the vote transaction, so a vote pays no extra statement).

Either way the view answers with :func:`versioned_json`; the shared poller
``hoinghi/static/hoinghi/live.js`` updates the marked regions of the page (``data-live-url``
on a container, ``data-live-field`` on the elements inside it). Pages work without JavaScript: a reload shows the same state.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import F
from django.http import HttpRequest, HttpResponse, JsonResponse

from hoinghi.voting.models import LiveState


def bump(key: str) -> int:
    """Add one to the version of ``key`` in the current transaction; returns the new version."""
    updated = LiveState.objects.filter(key=key).update(version=F("version") + 1)
    if not updated:
        state, created = LiveState.objects.get_or_create(key=key, defaults={"version": 1})
        if not created:
            LiveState.objects.filter(key=key).update(version=F("version") + 1)
    return current_version(key)


def current_version(key: str) -> int:
    value = LiveState.objects.filter(key=key).values_list("version", flat=True).first()
    return int(value or 0)


def etag_for(version: object) -> str:
    return f'"{version}"'


def not_modified(request: HttpRequest, etag: str) -> bool:
    header = request.headers.get("If-None-Match", "")
    return etag in {tag.strip() for tag in header.split(",")} or header.strip() == "*"


def versioned_json(
    request: HttpRequest, version: object, build: Callable[[], dict[str, Any]]
) -> HttpResponse:
    """200 with the JSON state and its ETag, or an empty 304 when the client is current.

    ``build`` runs only when the client's copy is out of date.
    """
    etag = etag_for(version)
    if not_modified(request, etag):
        response = HttpResponse(status=304)
    else:
        payload = build()
        payload["version"] = str(version)
        response = JsonResponse(payload, json_dumps_params={"ensure_ascii": False})
    response["ETag"] = etag
    response["Cache-Control"] = "no-cache, private"
    return response
