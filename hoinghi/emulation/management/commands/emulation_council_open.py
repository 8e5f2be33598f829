"""``hoinghi emulation council-open --agency CODE --year YYYY --proposal N --as USERNAME``."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from hoinghi.emulation.commandline import add_proposal_argument, managed_year, proposal_of, refused
from hoinghi.emulation.council import council_members, open_council_vote
from hoinghi.emulation.services import EmulationError
from hoinghi.org.commandline import add_year_arguments


class Command(BaseCommand):
    help = (
        "Mở phiếu kín của Hội đồng Thi đua – Khen thưởng về một tờ trình (văn thư, quản trị); "
        "thành viên Hội đồng bỏ phiếu trên trang web hoặc bằng hoinghi emulation council-vote."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_year_arguments(parser)
        add_proposal_argument(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        work_year, user = managed_year(options)
        proposal = proposal_of(work_year, options["proposal"])
        try:
            proposal = open_council_vote(proposal, actor=user)
        except EmulationError as error:
            raise refused(error, "--proposal") from None
        members = len(council_members(work_year))
        self.stdout.write(
            f"Đã mở phiếu kín của Hội đồng ({members} thành viên) về tờ trình {proposal.pk}."
        )
