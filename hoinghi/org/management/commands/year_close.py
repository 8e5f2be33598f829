"""``hoinghi year close --agency CODE --year YYYY --as USERNAME [--yes]``: khóa sổ."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hoinghi.org import cycle, services
from hoinghi.org.commandline import acting_year, add_year_arguments
from hoinghi.org.views.years import can_manage_years


class Command(BaseCommand):
    help = (
        "Khóa sổ năm công tác: quản trị viên, văn thư. Liệt kê việc còn dở; "
        "chỉ khóa khi có --yes (như ô xác nhận trên trang)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_year_arguments(parser)
        parser.add_argument("--yes", action="store_true", help="xác nhận khóa sổ")

    def handle(self, *args: Any, **options: Any) -> None:
        work_year, user = acting_year(options, can_manage_years, "quản trị viên, văn thư")
        if not work_year.is_closed:
            for item in cycle.unfinished(work_year):
                self.stdout.write(f"Còn dở: {item.title} ({item.count}).")
        if not options["yes"]:
            raise CommandError("--yes: thêm --yes để xác nhận khóa sổ (không mở lại được).")
        try:
            services.close_work_year(work_year, actor=user)
        except services.OrgError as exc:
            raise CommandError(f"--year: {exc}") from None
        self.stdout.write(f"Đã khóa sổ năm công tác {work_year.year}.")
