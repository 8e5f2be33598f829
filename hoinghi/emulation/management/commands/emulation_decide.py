"""``hoinghi emulation decide --agency CODE --year YYYY --proposal N --number … --as …``."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from hoinghi.emulation.commandline import add_proposal_argument, managed_year, proposal_of, refused
from hoinghi.emulation.council import decide_titles
from hoinghi.emulation.services import DecisionHeader, EmulationError
from hoinghi.emulation.vocabulary import Issuer
from hoinghi.org.commandline import add_year_arguments, date_argument


class Command(BaseCommand):
    help = (
        "Ghi quyết định khen thưởng của người đứng đầu theo tờ trình Hội đồng đã thông qua, "
        "kèm tiền thưởng (văn thư, quản trị). Danh hiệu vượt thẩm quyền được trình cấp trên."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_year_arguments(parser)
        add_proposal_argument(parser)
        parser.add_argument("--number", required=True, help="số quyết định, ví dụ 15-QĐ/HU")
        parser.add_argument(
            "--signed-on", required=True, type=date_argument, help="ngày ký (dd/mm/yyyy)"
        )
        parser.add_argument("--signer", default="", help="người ký")

    def handle(self, *args: Any, **options: Any) -> None:
        work_year, user = managed_year(options)
        proposal = proposal_of(work_year, options["proposal"])
        header = DecisionHeader(
            Issuer.HEAD,
            work_year.agency.name,
            options["number"],
            options["signed_on"],
            options["signer"],
        )
        try:
            decision = decide_titles(proposal, header, actor=user)
        except EmulationError as error:
            raise refused(error, "--proposal") from None
        self.stdout.write(
            f"Đã ghi Quyết định số {decision.number}: {decision.awards.count()} khen thưởng."
        )
