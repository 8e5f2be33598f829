"""``hoinghi evaluation approve --agency CODE --year YYYY --unit CODE --as USERNAME``."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hoinghi.evaluation.access import can_approve
from hoinghi.evaluation.services import EvaluationError, approve_unit_classifications
from hoinghi.org.commandline import acting_year, add_year_arguments, date_argument, unit_of


class Command(BaseCommand):
    help = (
        "Quyết định xếp loại chất lượng danh sách của một đơn vị theo đề xuất, trong giới hạn "
        "tỷ lệ (lãnh đạo cơ quan). Danh sách vượt tỷ lệ bị từ chối, không ghi gì."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_year_arguments(parser)
        parser.add_argument("--unit", required=True, help="mã đơn vị")
        parser.add_argument(
            "--on", type=date_argument, default=None, help="ngày quyết định (dd/mm/yyyy)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        work_year, user = acting_year(options, can_approve, "lãnh đạo cơ quan")
        unit = unit_of(work_year.agency, options["unit"])
        try:
            rows = approve_unit_classifications(
                unit=unit, work_year=work_year, approved_by=user, on=options["on"]
            )
        except EvaluationError as exc:
            for line in exc.lines:
                self.stderr.write(line)
            raise CommandError(f"--unit {unit.code}: {exc.message}") from None
        for row in rows:
            self.stdout.write(f"{row.person}: {row.get_rating_display() or 'không xếp loại'}")
        self.stdout.write(f"Đã quyết định xếp loại {len(rows)} người của {unit.name}.")
