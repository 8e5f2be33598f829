"""``hoinghi emulation eligibility --agency CODE --year YYYY --as USERNAME``."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from hoinghi.emulation.commandline import managed_year, refused
from hoinghi.emulation.eligibility import compute_eligibility
from hoinghi.emulation.services import EmulationError
from hoinghi.law.emulation.vocabulary import Title
from hoinghi.org.commandline import add_year_arguments


class Command(BaseCommand):
    help = "Xét điều kiện danh hiệu thi đua của năm theo tiêu chuẩn pháp luật (văn thư, quản trị)."

    def add_arguments(self, parser: CommandParser) -> None:
        add_year_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        work_year, user = managed_year(options)
        try:
            summary = compute_eligibility(work_year, actor=user)
        except EmulationError as error:
            raise refused(error, "--year") from None
        for title, count in summary.eligible.items():
            self.stdout.write(f"{Title(title).label}: {count} đủ điều kiện")
        self.stdout.write(
            f"Đã xét {summary.people} người, {summary.units} tập thể năm {work_year.year}."
        )
