"""``hoinghi year open --agency CODE --year YYYY --as USERNAME``: open a work year."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hoinghi.org import cycle, services
from hoinghi.org.commandline import acting_user, add_year_arguments, agency_of
from hoinghi.org.views.years import can_manage_years


class Command(BaseCommand):
    help = (
        "Mở năm công tác (mang theo chỉ tiêu của nghị quyết Hội nghị): quản trị viên, văn thư. "
        "Chỉ mở được năm tiếp theo năm gần nhất."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_year_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        agency = agency_of(options["agency"])
        user = acting_user(options["username"], agency, can_manage_years, "quản trị viên, văn thư")
        year = options["year"]
        latest = agency.work_years.order_by("-year").values_list("year", flat=True).first()
        if latest is not None and year != latest + 1:
            raise CommandError(f"--year: chỉ mở được năm tiếp theo năm gần nhất: năm {latest + 1}.")
        if not 2000 <= year <= 2100:
            raise CommandError(f"--year: năm {year} không hợp lệ (2000–2100).")
        work_year = services.open_work_year(agency, year, actor=user)
        notes = cycle.year_opened(work_year, user)
        self.stdout.write(f"Đã mở năm công tác {year}." + "".join(f" {n}" for n in notes))
