"""What a poll decides for the app it belongs to: handlers run when a poll closes.

The vote engine does not import the apps that use it (conference, emulation). A poll carries
``subject_kind`` (``conference.motion``) and ``subject_id``; the app registers a handler for
its kind in its ``AppConfig.ready``, and :func:`~hoinghi.voting.services.close_poll` calls it
after the close, from whichever page closed the poll (the conference's runner or the generic
poll page). A handler is idempotent: closing again retries a decision that failed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hoinghi.voting.models import Poll, PollResult

CloseHandler = Callable[[Poll, PollResult, Any], None]
_handlers: dict[str, CloseHandler] = {}


def on_close(subject_kind: str, handler: CloseHandler) -> None:
    """Register (or replace) the handler for polls of ``subject_kind``."""
    _handlers[subject_kind] = handler


def closed(poll: Poll, result: PollResult, by: Any) -> None:
    """Run the handler of the poll's subject, if any (raises what the handler raises)."""
    handler = _handlers.get(poll.subject_kind)
    if handler is not None:
        handler(poll, result, by)
