"""Home-page link for whoever owns targets or tasks: overdue and near-due counts."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from hoinghi.org.access import AnyUser, own_person
from hoinghi.org.home import HomeLink
from hoinghi.org.models import Agency
from hoinghi.plans.selectors import due_items_for_person


def plans_links(user: AnyUser, agency: Agency) -> list[HomeLink]:
    person = own_person(user)
    if person is None or person.agency_id != agency.pk:
        return []
    today = timezone.localdate()
    due = due_items_for_person(person, today)
    overdue = sum(1 for i in due if i.due_on is not None and i.due_on < today)
    near = len(due) - overdue
    notes = [f"{overdue} quá hạn"] if overdue else []
    if near:
        notes.append(f"{near} sắp đến hạn")
    return [
        HomeLink(
            "Chỉ tiêu, nhiệm vụ của tôi",
            reverse("plans:mine", args=[agency.code]),
            ", ".join(notes),
            urgent=bool(overdue),
        )
    ]
