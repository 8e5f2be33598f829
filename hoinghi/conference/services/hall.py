"""The hall: the projector's link token and the rotating hall code that proves presence.

The projector opens on the hall's PC by a link that carries a per-conference token: it grants
the read-only projector page and its live state, nothing else, and the secretary can change it
(the old link stops working at once).

Self check-in from a phone needs the hall code: six digits shown on the projector (and in its
QR), derived by HMAC from the conference's own secret and the current two-minute window. The
code of the previous window is accepted too, so a delegate who reads it just before it changes
is not refused. Only someone who sees the hall's screen knows it; the secretary's check-in at
the desk needs no code. Guessing is bounded: after five wrong codes in ten minutes a
participant is checked in only at the desk (one chance in 500,000 per guess, two codes valid).
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from hoinghi.actors import Actor
from hoinghi.audit.models import AuditEntry
from hoinghi.conference.models import CheckinMethod, Conference, Participant
from hoinghi.conference.services.day import check_in
from hoinghi.conference.services.guards import ConferenceError, audit

WINDOW_SECONDS = 120
CODE_DIGITS = 6
WRONG_CODE_LIMIT = 5  # wrong codes of one participant …
WRONG_CODE_MINUTES = 10  # … within this many minutes, then only the desk checks them in
_SALT = "hoinghi.conference.hall-code"


def projector_token(conference: Conference) -> str:
    """The projector link's token, made on first use."""
    if not conference.projector_token:
        conference.projector_token = secrets.token_urlsafe(24)
        Conference.objects.filter(pk=conference.pk, projector_token="").update(
            projector_token=conference.projector_token
        )
        conference.refresh_from_db(fields=["projector_token"])
    return conference.projector_token


def rotate_projector_token(conference: Conference, *, actor: Actor) -> str:
    """A new projector link; the old one no longer opens anything."""
    conference.projector_token = secrets.token_urlsafe(24)
    conference.save(update_fields=["projector_token"])
    audit("conference.projector.rotate", conference, actor)
    return conference.projector_token


def conference_for_projector(token: str) -> Conference | None:
    """The conference whose current projector token is ``token`` (bounded, never empty)."""
    token = token.strip()
    if not token or len(token) > 64:
        return None
    return Conference.objects.select_related("agency").filter(projector_token=token).first()


def window(at: datetime | None = None) -> int:
    """The number of the two-minute window ``at`` falls in."""
    moment = at or timezone.now()
    return int(moment.timestamp()) // WINDOW_SECONDS


def code_valid_until(at: datetime | None = None) -> datetime:
    """When the code shown at ``at`` stops being accepted: the end of the next window (the
    previous window's code is accepted too), in the current time zone."""
    moment = at or timezone.now()
    end = (window(moment) + 2) * WINDOW_SECONDS
    return timezone.localtime(datetime.fromtimestamp(end, tz=UTC))


def _secret(conference: Conference) -> str:
    if not conference.hall_secret:
        conference.hall_secret = secrets.token_hex(32)
        Conference.objects.filter(pk=conference.pk, hall_secret="").update(
            hall_secret=conference.hall_secret
        )
        conference.refresh_from_db(fields=["hall_secret"])
    return conference.hall_secret


def hall_code(conference: Conference, at: datetime | None = None, *, previous: bool = False) -> str:
    """The six-digit hall code of the window of ``at`` (or of the window before it)."""
    number = window(at) - (1 if previous else 0)
    digest = salted_hmac(
        _SALT, f"{conference.pk}:{number}", secret=_secret(conference), algorithm="sha256"
    ).digest()
    return str(int.from_bytes(digest[:8], "big") % 10**CODE_DIGITS).zfill(CODE_DIGITS)


def hall_code_ok(conference: Conference, code: str, at: datetime | None = None) -> bool:
    """The code of the current window or of the one before it."""
    typed = "".join(ch for ch in code if not ch.isspace())[:16]
    if len(typed) != CODE_DIGITS or not typed.isdigit():
        return False
    return any(
        constant_time_compare(typed, hall_code(conference, at, previous=previous))
        for previous in (False, True)
    )


def rotate_hall_secret(conference: Conference, *, actor: Actor) -> None:
    """A new secret: every code shown so far stops working."""
    conference.hall_secret = secrets.token_hex(32)
    conference.save(update_fields=["hall_secret"])
    audit("conference.hall_code.rotate", conference, actor)


def self_check_in(
    participant: Participant, *, code: str, actor: Actor, from_qr: bool = False
) -> Participant:
    """A participant's own check-in: only with the hall code shown in the hall."""
    if participant.checked_in_at is not None:
        return participant
    conference = participant.conference
    if _too_many_wrong(participant):
        raise ConferenceError(
            "conference.checkin.too_many",
            f"Đã nhập sai mã hội trường {WRONG_CODE_LIMIT} lần: đợi {WRONG_CODE_MINUTES} phút "
            "hoặc điểm danh tại bàn thư ký.",
            field="hall_code",
        )
    if not hall_code_ok(conference, code):
        audit("conference.checkin.refused", conference, actor, participant=participant.pk)
        raise ConferenceError(
            "conference.checkin.hall_code",
            "Mã hội trường không đúng hoặc đã hết hạn. Nhập mã đang hiện trên màn chiếu "
            "tại hội trường, hoặc điểm danh tại bàn thư ký.",
            field="hall_code",
        )
    method = CheckinMethod.QR if from_qr else CheckinMethod.CODE
    return check_in(participant, method=method, actor=actor)


def _too_many_wrong(participant: Participant) -> bool:
    """Guessing is bounded: a few wrong codes, then only the desk for a while."""
    since = timezone.now() - timedelta(minutes=WRONG_CODE_MINUTES)
    wrong = AuditEntry.objects.filter(
        action="conference.checkin.refused",
        target_id=str(participant.conference_id),
        at__gte=since,
        data__participant=participant.pk,
    )
    return wrong.count() >= WRONG_CODE_LIMIT
