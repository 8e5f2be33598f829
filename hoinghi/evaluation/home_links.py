"""Home-page links: "Đánh giá của tôi" for everyone with a person record; leave and
discipline for the clerk; the units' classification for those who record it."""

from __future__ import annotations

from django.urls import reverse

from hoinghi.evaluation.access import can_decide_units, can_record_leave
from hoinghi.org.access import AnyUser, own_person
from hoinghi.org.home import HomeLink
from hoinghi.org.models import Agency


def evaluation_links(user: AnyUser, agency: Agency) -> list[HomeLink]:
    links = []
    person = own_person(user)
    if person is not None and person.agency_id == agency.pk:
        links.append(
            HomeLink(
                "Đánh giá của tôi",
                reverse("evaluation:person", args=[agency.code, person.staff_code]),
            )
        )
    if can_record_leave(user, agency):
        links.append(
            HomeLink("Thời gian nghỉ, kỷ luật", reverse("evaluation:leave", args=[agency.code]))
        )
    if can_decide_units(user, agency):
        year = (
            agency.work_years.filter(state="open")
            .order_by("-year")
            .values_list("year", flat=True)
            .first()
        )
        if year is not None:
            links.append(
                HomeLink(
                    f"Xếp loại tập thể năm {year}",
                    reverse("evaluation:units", args=[agency.code, year]),
                )
            )
    return links
