"""Home page links: the conference of the year, and follow-up reminders for those who act."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from hoinghi.conference import selectors
from hoinghi.conference.access import PREPARERS
from hoinghi.org.access import AnyUser, has_role
from hoinghi.org.home import HomeLink
from hoinghi.org.models import Agency


def conference_links(user: AnyUser, agency: Agency) -> list[HomeLink]:
    """Two queries: the latest conference, and (for those who act) reminders due soon."""
    links = [
        HomeLink(
            "Hội nghị cán bộ, công chức, viên chức, người lao động",
            reverse("conference:list", args=[agency.code]),
        )
    ]
    if not has_role(user, PREPARERS, agency=agency):
        return links
    today = timezone.localdate()
    for reminder in selectors.open_reminders(agency, until=today + timedelta(days=30))[:5]:
        links.append(
            HomeLink(
                reminder.title,
                reminder.conference.get_absolute_url(),
                note=f"hạn {reminder.due_on:%d/%m/%Y}",
                urgent=reminder.due_on <= today,
            )
        )
    return links
