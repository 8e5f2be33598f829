"""``hoinghi emulation council-close --agency CODE --year YYYY --proposal N --as USERNAME``."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from hoinghi.emulation.commandline import add_proposal_argument, managed_year, proposal_of, refused
from hoinghi.emulation.council import close_council_vote
from hoinghi.emulation.services import EmulationError
from hoinghi.org.commandline import add_year_arguments


class Command(BaseCommand):
    help = (
        "Kết thúc phiếu kín của Hội đồng về tờ trình, kiểm phiếu và ghi kết quả lên từng đề "
        "nghị (văn thư, quản trị)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_year_arguments(parser)
        add_proposal_argument(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        work_year, user = managed_year(options)
        proposal = proposal_of(work_year, options["proposal"])
        try:
            proposal = close_council_vote(proposal, actor=user)
        except EmulationError as error:
            raise refused(error, "--proposal") from None
        approved = proposal.items.filter(approved=True).count()
        item = proposal.items.first()
        votes = item.votes_for if item else 0
        verdict = "thông qua" if approved else "không thông qua"
        self.stdout.write(f"Hội đồng {verdict} tờ trình {proposal.pk}: {votes} phiếu tán thành.")
