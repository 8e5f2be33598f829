"""Home-page links of the emulation year for each user."""

from __future__ import annotations

from django.urls import reverse

from hoinghi.emulation import access
from hoinghi.org.access import AnyUser
from hoinghi.org.home import HomeLink
from hoinghi.org.models import Agency, WorkYear, WorkYearState


def emulation_links(user: AnyUser, agency: Agency) -> list[HomeLink]:
    year = (
        WorkYear.objects.filter(agency=agency, state=WorkYearState.OPEN)
        .order_by("-year")
        .values_list("year", flat=True)
        .first()
    )
    if year is None:
        return []
    links = [
        HomeLink(
            f"Thi đua, khen thưởng năm {year}", reverse("emulation:year", args=[agency.code, year])
        )
    ]
    if access.can_read_proposals(user, agency):
        links.append(
            HomeLink(
                "Xét danh hiệu thi đua", reverse("emulation:eligibility", args=[agency.code, year])
            )
        )
    if access.can_judge(user, agency):
        links.append(
            HomeLink(
                "Hội đồng đánh giá tập thể",
                reverse("emulation:judgements", args=[agency.code, year]),
            )
        )
    return links
