"""``hoinghi emulation council-vote --agency CODE --year YYYY --proposal N --choice for …``.

One council member's secret ballot, cast through the vote engine as on the web: the member
is the ``--as`` user; the receipt code is printed, the choice is not kept with the name.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hoinghi.emulation.access import is_council_member
from hoinghi.emulation.commandline import add_proposal_argument, proposal_of
from hoinghi.org.access import own_person
from hoinghi.org.commandline import acting_year, add_year_arguments
from hoinghi.voting import services as voting
from hoinghi.voting.errors import VotingError
from hoinghi.voting.vocabulary import MotionChoice

CHOICES = {"tan-thanh": MotionChoice.FOR, "khong-tan-thanh": MotionChoice.AGAINST}
CHOICES["khong-bieu-quyet"] = MotionChoice.ABSTAIN


class Command(BaseCommand):
    help = (
        "Bỏ phiếu kín của một thành viên Hội đồng Thi đua – Khen thưởng về tờ trình "
        "(--as là chính thành viên đó): tan-thanh, khong-tan-thanh, khong-bieu-quyet."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_year_arguments(parser)
        add_proposal_argument(parser)
        parser.add_argument("--choice", required=True, choices=tuple(CHOICES), help="lá phiếu")

    def handle(self, *args: Any, **options: Any) -> None:
        work_year, user = acting_year(options, is_council_member, "thành viên Hội đồng Thi đua")
        proposal = proposal_of(work_year, options["proposal"])
        person = own_person(user)
        if proposal.poll is None or person is None:
            raise CommandError("--proposal: tờ trình chưa được đưa ra Hội đồng bỏ phiếu.")
        try:
            receipt = voting.cast_vote(
                proposal.poll, person, by=user, choice=CHOICES[options["choice"]]
            )
        except VotingError as error:
            raise CommandError(f"--proposal {proposal.pk}: {error.message}") from None
        again = " (đã bỏ phiếu trước đó)" if receipt.repeated else ""
        self.stdout.write(f"Đã nhận phiếu{again}. Mã biên nhận: {receipt.code}")
