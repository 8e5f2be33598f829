"""Who may see and run a poll. Deny by default.

* See a poll (its page, state, and after the close its result and receipts): anyone of the
  poll's agency. Someone of another agency gets 404.
* Run a poll (open, close, enter hands or paper ballots): the managers the calling app named
  at creation (the conference's secretary and counting board, the council's secretary) and
  the agency's administrators.
* Vote: only as oneself, and only when in the electorate frozen at opening (services check).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from hoinghi.org.access import AnyUser, assignments, has_role, own_person
from hoinghi.org.models import Person, Role
from hoinghi.voting import hot_reads
from hoinghi.voting.models import Poll

POLL_ADMIN_ROLES = frozenset({Role.ADMIN})


def can_manage_poll(user: AnyUser, poll: Poll) -> bool:
    if not user.is_authenticated:
        return False
    if getattr(user, "is_superuser", False) or has_role(user, POLL_ADMIN_ROLES, agency=poll.agency):
        return True
    cached: set[int] | None = getattr(poll, "_manager_ids", None)
    if cached is None:
        cached = set(poll.managers.values_list("pk", flat=True))
        poll._manager_ids = cached  # type: ignore[attr-defined]
    return user.pk in cached


def get_poll_for_user(request: HttpRequest, poll_id: int) -> Poll:
    """The poll if the user belongs to its agency, else 404."""
    poll = Poll.objects.select_related("agency").filter(pk=poll_id).order_by().first()
    if poll is None or not belongs_to_agency(request.user, poll.agency_id):
        raise Http404("Không tìm thấy cuộc biểu quyết.")
    return poll


def belongs_to_agency(user: AnyUser, agency_id: int) -> bool:
    """A role in the agency or a person record there (usually one cached query)."""
    if getattr(user, "is_superuser", False):
        return True
    person = own_person(user)  # the voter's own record, needed by the vote anyway
    if person is not None and person.agency_id == agency_id:
        return True
    return any(a.agency_id == agency_id for a in assignments(user))


def get_managed_poll_for_user(request: HttpRequest, poll_id: int) -> Poll:
    """The poll if the user may run it; 404 outside its agency, 403 inside it."""
    poll = get_poll_for_user(request, poll_id)
    if not can_manage_poll(request.user, poll):
        raise PermissionDenied("Chỉ người điều hành cuộc biểu quyết được làm việc này.")
    return poll


def get_poll_state_for_user(request: HttpRequest, poll_id: int) -> Poll:
    """:func:`get_poll_for_user` in one statement, for the screens that poll the live state:
    the poll and the membership rule of :func:`belongs_to_agency` together; 404 as there."""
    user = request.user
    found = hot_reads.poll_for_member(poll_id, user.pk) if user.is_authenticated else None
    if found is None or not (found[1] or getattr(user, "is_superuser", False)):
        raise Http404("Không tìm thấy cuộc biểu quyết.")
    return found[0]


def get_poll_for_voter(request: HttpRequest, poll_id: int) -> tuple[Poll, Person | None]:
    """The poll and the user's own person record, for casting a vote; 404 as above.

    An elector (the usual case) costs one query, written once (:mod:`hoinghi.voting.hot_reads`):
    the frozen electorate joins the poll, its agency and the person, and proves the person
    belongs to the poll's agency. Anyone else goes through :func:`get_poll_for_user` and gets
    the refusal the service gives.
    """
    user = request.user
    found = hot_reads.voter_row(poll_id, user.pk) if user.is_authenticated else None
    if found is None:
        return get_poll_for_user(request, poll_id), own_person(user)
    poll, person = found
    user._hoinghi_person = person  # type: ignore[union-attr]  # own_person's cache
    return poll, person
