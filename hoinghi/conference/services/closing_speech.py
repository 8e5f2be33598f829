"""What the secretary records for the news item: who handed the awards, the closing speech."""

from __future__ import annotations

import unicodedata

from django.db import transaction

from hoinghi.actors import Actor
from hoinghi.conference.models import Conference
from hoinghi.conference.services.guards import ConferenceError, audit
from hoinghi.org.models import Person

MAX_POINTS = 3000
MAX_QUOTE = 500


def record_closing_speech(
    conference: Conference,
    *,
    speaker: Person | None,
    awards_by: Person | None,
    points: str,
    quote: str,
    actor: Actor,
) -> Conference:
    """The closing speech's speaker, points (one a line) and quote; who handed the awards."""
    points = unicodedata.normalize("NFC", points).replace("\r\n", "\n").strip()
    quote = unicodedata.normalize("NFC", quote).strip()
    for person in (speaker, awards_by):
        if person is not None and person.agency_id != conference.agency_id:
            raise ConferenceError(
                "conference.closing.foreign", "Người được chọn không thuộc cơ quan này."
            )
    if (points or quote) and speaker is None:
        raise ConferenceError(
            "conference.closing.speaker",
            "Phát biểu kết luận: chọn người phát biểu trước khi ghi ý chính, câu trích.",
            field="speaker",
        )
    if len(points) > MAX_POINTS or len(quote) > MAX_QUOTE:
        raise ConferenceError(
            "conference.closing.long",
            f"Phát biểu kết luận: ý chính tối đa {MAX_POINTS} ký tự, câu trích tối đa "
            f"{MAX_QUOTE} ký tự.",
        )
    with transaction.atomic():
        conference.closing_speaker = speaker
        conference.awards_presented_by = awards_by
        conference.closing_points = points
        conference.closing_quote = quote
        conference.save(
            update_fields=[
                "closing_speaker",
                "awards_presented_by",
                "closing_points",
                "closing_quote",
            ]
        )
        audit(
            "conference.closing_speech",
            conference,
            actor,
            speaker=speaker.staff_code if speaker else "",
            awards_by=awards_by.staff_code if awards_by else "",
        )
    return conference
