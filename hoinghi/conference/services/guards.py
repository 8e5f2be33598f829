"""What every conference service shares: the coded error, the audit entry, state guards."""

from __future__ import annotations

import secrets
from typing import Any

from django.db.models import F

from hoinghi.actors import Actor
from hoinghi.audit.services import record
from hoinghi.conference.models import (
    Conference,
    ConferenceState,
)
from hoinghi.refusals import Refusal

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud at the desk


class ConferenceError(Refusal):
    """A refused change, with a stable code and a Vietnamese message naming the reason."""


def audit(action: str, conference: Conference, actor: Actor, **data: Any) -> None:
    record(action, actor=actor, target=conference, agency_code=conference.agency.code, data=data)


def bump(conference: Conference) -> None:
    """Tell the screens that something they show has changed."""
    Conference.objects.filter(pk=conference.pk).update(live_version=F("live_version") + 1)


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))


def require_state(conference: Conference, *states: str, action: str) -> None:
    if conference.state not in states:
        raise ConferenceError(
            "conference.wrong_state",
            f"Không thể {action} khi Hội nghị {conference.get_state_display().lower()}.",
        )


def require_open(conference: Conference, action: str) -> None:
    require_state(
        conference,
        ConferenceState.PREPARING,
        ConferenceState.IN_SESSION,
        ConferenceState.REOPENED,
        action=action,
    )
