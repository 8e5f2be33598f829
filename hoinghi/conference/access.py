"""Who may do what with a conference. Deny by default; other agencies get 404.

- staff of the agency see the conference, its published drafts, and comment;
- the presidium and the secretaries run the day (check-in, agenda, votes, closing);
- the clerk, the leaders, the union and the administrator also prepare it;
- only a member of the presidium reopens a closed conference.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from hoinghi.conference.models import Conference, Draft, Participant
from hoinghi.org.access import AnyUser, get_agency_for_user, has_role, own_person
from hoinghi.org.models import Agency, Role

PREPARERS = frozenset({Role.ADMIN, Role.CLERK, Role.LEADER, Role.UNION})


def conferences_for_user(user: AnyUser, agency: Agency) -> QuerySet[Conference]:
    return Conference.objects.filter(agency=agency).select_related("agency")


def get_conference_for_user(request: HttpRequest, agency_code: str, pk: int) -> Conference:
    agency = get_agency_for_user(request, agency_code)
    try:
        return conferences_for_user(request.user, agency).get(pk=pk)
    except Conference.DoesNotExist:
        raise Http404("Không tìm thấy Hội nghị.") from None


def _person_ids(conference: Conference, relation: str) -> set[int]:
    cache = f"_ids_{relation}"
    if not hasattr(conference, cache):
        setattr(conference, cache, set(getattr(conference, relation).values_list("pk", flat=True)))
    ids: set[int] = getattr(conference, cache)
    return ids


def is_presidium(user: AnyUser, conference: Conference) -> bool:
    person = own_person(user)
    return person is not None and person.pk in _person_ids(conference, "presidium")


def can_run(user: AnyUser, conference: Conference) -> bool:
    """Only the presidium and the secretaries run the day."""
    person = own_person(user)
    if person is None:
        return False
    return person.pk in _person_ids(conference, "presidium") or person.pk in _person_ids(
        conference, "secretaries"
    )


def can_prepare(user: AnyUser, conference: Conference | None, agency: Agency) -> bool:
    if conference is not None and can_run(user, conference):
        return True
    return has_role(user, PREPARERS, agency=agency)


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied("Bạn không có quyền thực hiện việc này.")


def drafts_for_user(user: AnyUser, conference: Conference) -> QuerySet[Draft]:
    """Staff see published drafts; those who prepare see every draft."""
    drafts = conference.drafts.select_related("presented_by")
    if can_prepare(user, conference, conference.agency):
        return drafts
    return drafts.filter(published_at__isnull=False)


def get_draft_for_user(request: HttpRequest, conference: Conference, pk: int) -> Draft:
    try:
        return drafts_for_user(request.user, conference).get(pk=pk)
    except Draft.DoesNotExist:
        raise Http404("Không tìm thấy dự thảo.") from None


def own_participant(user: AnyUser, conference: Conference) -> Participant | None:
    person = own_person(user)
    if person is None:
        return None
    return conference.participants.filter(person=person).select_related("person").first()


def get_participant_for_runner(
    request: HttpRequest, conference: Conference, pk: int
) -> Participant:
    require(can_run(request.user, conference))
    try:
        return conference.participants.select_related("person").get(pk=pk)
    except Participant.DoesNotExist:
        raise Http404("Không tìm thấy người dự.") from None
