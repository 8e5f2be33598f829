"""A voter's receipt kept in the voter's own browser, never on the server.

After a vote the page that redirects shows the receipt once more on the next page. The
receipt is not kept in the server's session (the session table pairs it with the user id,
and the ballot table pairs it with the choice): it travels in a signed cookie of the voter's
browser, like a note in the voter's pocket. The server reads it back to show it and stores
nothing. HttpOnly, SameSite=Lax, Secure when the site is, gone after :data:`MAX_AGE`.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse

MAX_AGE = 12 * 3600  # the conference day
SALT = "hoinghi.voting.receipt"


def cookie_name(poll_id: int) -> str:
    return f"bien-nhan-{poll_id}"


def remember(response: HttpResponse, poll_id: int, receipt: str) -> HttpResponse:
    """Give the receipt (as displayed) to the voter's browser for the next pages."""
    response.set_signed_cookie(
        cookie_name(poll_id),
        receipt,
        salt=SALT,
        max_age=MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=bool(getattr(settings, "SESSION_COOKIE_SECURE", False)),
    )
    return response


def recall(request: HttpRequest, poll_id: int | None) -> str | None:
    """The receipt this browser was given for the poll, if any."""
    if poll_id is None:
        return None
    value = request.get_signed_cookie(
        cookie_name(poll_id), default=None, salt=SALT, max_age=MAX_AGE
    )
    return str(value) if value else None
