"""The hours the papers print and who signs for the presidium, as the secretary records them.

The hours are clock times in Vietnam time (Asia/Ho_Chi_Minh): the invitation prints the
planned opening (``starts_at``), the minutes the opening and closing the secretary noted.
"""

from __future__ import annotations

from datetime import time

from django.db import transaction

from hoinghi.actors import Actor
from hoinghi.conference.models import Conference
from hoinghi.conference.services.guards import ConferenceError, audit
from hoinghi.org.models import Person

HOURS = ("starts_at", "minutes_opened_at", "minutes_closed_at")


def _clock(value: time | None) -> str:
    return value.strftime("%H:%M") if value is not None else ""


def set_presidium_head(conference: Conference, head: Person | None, *, actor: Actor) -> Conference:
    """The member who presides and signs «TM. Đoàn Chủ tịch»; none: the documents' default."""
    if head is not None and not conference.presidium.filter(pk=head.pk).exists():
        raise ConferenceError(
            "conference.presidium_head.outside",
            f"{head.full_name} không ở trong Đoàn Chủ tịch: chọn người chủ trì trong Đoàn Chủ tịch.",
            field="presidium_head",
        )
    if conference.presidium_head_id == (head.pk if head else None):
        return conference
    with transaction.atomic():
        conference.presidium_head = head
        conference.save(update_fields=["presidium_head"])
        audit(
            "conference.presidium_head",
            conference,
            actor,
            head=head.staff_code if head else "",
        )
    return conference


def set_hours(conference: Conference, *, actor: Actor, **hours: time | None) -> Conference:
    """Record some of ``starts_at``, ``minutes_opened_at``, ``minutes_closed_at``."""
    unknown = set(hours) - set(HOURS)
    if unknown:
        raise ValueError(f"unknown hours: {sorted(unknown)}")
    opened = hours.get("minutes_opened_at", conference.minutes_opened_at)
    closed = hours.get("minutes_closed_at", conference.minutes_closed_at)
    if opened is not None and closed is not None and closed <= opened:
        raise ConferenceError(
            "conference.hours.order",
            f"Giờ bế mạc ({_clock(closed)}) phải sau giờ khai mạc ({_clock(opened)}).",
            field="minutes_closed_at",
        )
    changed = [name for name, value in hours.items() if getattr(conference, name) != value]
    if not changed:
        return conference
    with transaction.atomic():
        for name in changed:
            setattr(conference, name, hours[name])
        conference.save(update_fields=changed)
        audit(
            "conference.hours",
            conference,
            actor,
            **{name: _clock(hours[name]) for name in changed},
        )
    return conference
