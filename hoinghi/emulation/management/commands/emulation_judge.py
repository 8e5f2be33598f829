"""``hoinghi emulation judge --agency CODE --year YYYY --unit CODE --active có|không …``."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from hoinghi.emulation.access import can_judge
from hoinghi.emulation.commandline import refused
from hoinghi.emulation.services import EmulationError, judge_unit
from hoinghi.org.commandline import acting_year, add_year_arguments, date_argument, unit_of

VERDICTS = {"có": True, "không": False, "chưa": None}


def verdict(text: str) -> bool | None:
    return VERDICTS[text]


class Command(BaseCommand):
    help = (
        "Ghi đánh giá của Hội đồng Thi đua – Khen thưởng về một tập thể: phong trào thi đua "
        "và đoàn kết (có, không, chưa đánh giá). Thành viên Hội đồng, văn thư, quản trị."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_year_arguments(parser)
        parser.add_argument("--unit", required=True, help="mã tập thể (đơn vị cấp trên cùng)")
        parser.add_argument(
            "--active", choices=tuple(VERDICTS), required=True, help="phong trào thi đua thiết thực"
        )
        parser.add_argument(
            "--unity", choices=tuple(VERDICTS), required=True, help="nội bộ đoàn kết"
        )
        parser.add_argument("--on", type=date_argument, default=None, help="ngày đánh giá")
        parser.add_argument("--note", default="", help="ghi chú")

    def handle(self, *args: Any, **options: Any) -> None:
        work_year, user = acting_year(
            options, can_judge, "thành viên Hội đồng, văn thư, quản trị viên"
        )
        unit = unit_of(work_year.agency, options["unit"])
        try:
            judge_unit(
                work_year,
                unit,
                emulation_active=verdict(options["active"]),
                unity=verdict(options["unity"]),
                on=options["on"] or timezone.localdate(),
                note=options["note"],
                actor=user,
            )
        except EmulationError as error:
            raise refused(error, "--unit") from None
        self.stdout.write(f"Đã ghi đánh giá của Hội đồng về {unit.name} năm {work_year.year}.")
