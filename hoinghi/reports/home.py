"""Home-page links: the year's dashboard for those who see it, the news report for staff."""

from __future__ import annotations

from django.urls import reverse

from hoinghi.org.access import AnyUser, belongs_to
from hoinghi.org.home import HomeLink
from hoinghi.org.models import Agency
from hoinghi.reports.access import can_see_dashboard
from hoinghi.reports.models import PublishedSummary


def reports_links(user: AnyUser, agency: Agency) -> list[HomeLink]:
    if can_see_dashboard(user, agency):
        return [
            HomeLink(
                "Báo cáo, thống kê",
                reverse("reports:years", args=[agency.code]),
                "Bảng số liệu, biểu đồ, bản tin Hội nghị",
            )
        ]
    if not belongs_to(user, agency):
        return []
    latest = (
        PublishedSummary.objects.filter(agency=agency)
        .order_by("-year")
        .values_list("year", flat=True)
        .first()
    )
    if latest is None:
        return []
    return [
        HomeLink(
            f"Bản tin Hội nghị, năm {latest}", reverse("reports:news", args=[agency.code, latest])
        )
    ]
