"""Home-page links: "Đánh giá của tôi" for everyone with a person record."""

from __future__ import annotations

from django.urls import reverse

from hoinghi.org.access import AnyUser, own_person
from hoinghi.org.home import HomeLink
from hoinghi.org.models import Agency


def evaluation_links(user: AnyUser, agency: Agency) -> list[HomeLink]:
    person = own_person(user)
    if person is None or person.agency_id != agency.pk:
        return []
    return [HomeLink("Đánh giá của tôi", reverse("evaluation:person", args=[agency.code, person.staff_code]))]
