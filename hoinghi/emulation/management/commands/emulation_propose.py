"""``hoinghi emulation propose --agency CODE --year YYYY --title cstdcs … --as USERNAME``."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from hoinghi.emulation.commandline import managed_year, refused
from hoinghi.emulation.council import propose_titles
from hoinghi.emulation.services import EmulationError
from hoinghi.law.emulation.vocabulary import Title
from hoinghi.org.commandline import add_year_arguments, date_argument

TITLES = ", ".join(f"{t.value} ({t.label})" for t in Title)


class Command(BaseCommand):
    help = (
        "Lập tờ trình đề nghị khen thưởng: mọi người, tập thể đủ điều kiện các danh hiệu đã "
        "chọn trong bảng xét (văn thư, quản trị). In số thứ tự tờ trình để dùng ở các bước sau."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_year_arguments(parser)
        parser.add_argument(
            "--title",
            action="append",
            required=True,
            choices=[t.value for t in Title],
            metavar="DANH_HIỆU",
            help=f"danh hiệu (nhắc lại để chọn nhiều): {TITLES}",
        )
        parser.add_argument("--subject", required=True, help="trích yếu tờ trình")
        parser.add_argument("--number", default="", help="số tờ trình")
        parser.add_argument("--on", type=date_argument, default=None, help="ngày tờ trình")

    def handle(self, *args: Any, **options: Any) -> None:
        work_year, user = managed_year(options)
        try:
            proposal = propose_titles(
                work_year,
                [Title(t) for t in options["title"]],
                proposed_on=options["on"] or timezone.localdate(),
                subject=options["subject"],
                number=options["number"],
                actor=user,
            )
        except EmulationError as error:
            raise refused(error, "--title") from None
        self.stdout.write(
            f"Đã lập tờ trình số thứ tự {proposal.pk} ({proposal.items.count()} đề nghị)."
        )
