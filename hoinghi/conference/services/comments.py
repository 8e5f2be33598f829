"""Comments on the drafts and the agenda: grouped, answered (tiếp thu, giải trình)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from hoinghi.actors import Actor
from hoinghi.conference.models import (
    AnswerKind,
    Comment,
    Conference,
    Draft,
)
from hoinghi.conference.services.guards import (
    ConferenceError,
    audit,
    require_open,
)
from hoinghi.org.models import Person


def add_comment(
    conference: Conference, *, author: Person, text: str, actor: Actor, draft: Draft | None = None
) -> Comment:
    text = text.strip()
    if not text:
        raise ConferenceError("conference.comment.empty", "Nhập nội dung góp ý.", field="text")
    if author.agency_id != conference.agency_id:
        raise ConferenceError(
            "conference.comment.outsider", "Chỉ cán bộ của cơ quan mới góp ý được.", field="author"
        )
    if draft is not None and draft.published_at is None:
        raise ConferenceError(
            "conference.comment.unpublished",
            "Dự thảo chưa được công bố để lấy ý kiến.",
            field="draft",
        )
    if draft is not None and draft.comments_until and timezone.localdate() > draft.comments_until:
        raise ConferenceError(
            "conference.comment.late",
            f"Đã hết hạn góp ý ({draft.comments_until:%d/%m/%Y}).",
            field="text",
        )
    require_open(conference, "góp ý")
    with transaction.atomic():
        comment = Comment.objects.create(
            conference=conference, draft=draft, author=author, text=text, created_at=timezone.now()
        )
        audit("conference.comment.add", conference, actor, comment=comment.pk)
    return comment


def group_comment(comment: Comment, *, topic: str, actor: Actor) -> Comment:
    with transaction.atomic():
        comment.topic = topic.strip()
        comment.save(update_fields=["topic"])
        audit(
            "conference.comment.group",
            comment.conference,
            actor,
            comment=comment.pk,
            topic=comment.topic,
        )
    return comment


def answer_comment(
    comment: Comment, *, kind: str, answer: str, by: Person, actor: Actor
) -> Comment:
    """Tiếp thu or giải trình, by the head or the union (Art 51.4.d L10)."""
    if kind not in AnswerKind.values:
        raise ConferenceError(
            "conference.answer.kind", "Chọn tiếp thu hoặc giải trình.", field="kind"
        )
    if not answer.strip():
        raise ConferenceError("conference.answer.empty", "Nhập nội dung trả lời.", field="answer")
    with transaction.atomic():
        comment.answer_kind, comment.answer = kind, answer.strip()
        comment.answered_by, comment.answered_at = by, timezone.now()
        comment.save(update_fields=["answer_kind", "answer", "answered_by", "answered_at"])
        audit("conference.comment.answer", comment.conference, actor, comment=comment.pk, kind=kind)
    return comment
