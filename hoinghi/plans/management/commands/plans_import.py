"""``hoinghi plans import FILE.xlsx --agency CODE --year YYYY --as USERNAME``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hoinghi.org.commandline import acting_year, add_year_arguments
from hoinghi.plans.access import can_manage_plans
from hoinghi.plans.imports import import_items


class Command(BaseCommand):
    help = (
        "Nhập chỉ tiêu, nhiệm vụ của năm công tác từ tệp .xlsx (quản trị, văn thư, lãnh đạo). "
        "Chỉ nhập khi mọi dòng hợp lệ."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="tệp .xlsx theo mẫu của trang Nhập kế hoạch")
        add_year_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        work_year, user = acting_year(options, can_manage_plans, "quản trị viên, văn thư, lãnh đạo")
        path = Path(options["file"])
        try:
            with path.open("rb") as stream:
                size = path.stat().st_size
                report = import_items(work_year, stream, size=size, file_name=path.name, actor=user)
        except OSError as exc:
            raise CommandError(f"file: không đọc được tệp «{path}»: {exc.strerror}.") from None
        for error in report.errors:
            self.stderr.write(error)
        if not report.ok:
            raise CommandError(f"file: không nhập: tệp «{path.name}» có {len(report.errors)} lỗi.")
        self.stdout.write(f"Đã nhập {report.created} chỉ tiêu, nhiệm vụ năm {work_year.year}.")
