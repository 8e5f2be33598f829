"""The emulation commands' shared parts: the clerk's check and the proposal by its number."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError, CommandParser

from hoinghi.emulation.access import can_manage
from hoinghi.emulation.models import Proposal
from hoinghi.emulation.services import EmulationError
from hoinghi.org.commandline import acting_year, add_year_arguments
from hoinghi.org.models import WorkYear

MANAGERS = "văn thư, quản trị viên"
FIELD_ARGUMENTS = {"titles": "title"}  # the services' field → the argument


def add_proposal_argument(parser: CommandParser) -> None:
    parser.add_argument(
        "--proposal", required=True, type=int, help="số thứ tự tờ trình (in khi lập tờ trình)"
    )


def managed_year(options: dict[str, Any]) -> tuple[WorkYear, User]:
    return acting_year(options, can_manage, MANAGERS)


class ProposalCommand(BaseCommand):
    """A clerk's step on one proposal: ``--agency --year --as --proposal``, the service's
    refusal naming its argument."""

    def add_arguments(self, parser: CommandParser) -> None:
        add_year_arguments(parser)
        add_proposal_argument(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        work_year, user = managed_year(options)
        proposal = proposal_of(work_year, options["proposal"])
        try:
            proposal = self.act(proposal, user)
        except EmulationError as error:
            raise refused(error, "--proposal") from None
        self.stdout.write(self.done(work_year, proposal))

    def act(self, proposal: Proposal, user: User) -> Proposal:
        raise NotImplementedError

    def done(self, work_year: WorkYear, proposal: Proposal) -> str:
        raise NotImplementedError


def proposal_of(work_year: WorkYear, pk: int) -> Proposal:
    found = Proposal.objects.select_related("work_year__agency", "poll").filter(
        work_year=work_year, pk=pk
    )
    proposal = found.first()
    if proposal is None:
        raise CommandError(f"--proposal: năm {work_year.year} không có tờ trình số {pk}.")
    return proposal


def refused(error: EmulationError, argument: str = "") -> CommandError:
    """The service's refusal, naming the argument (the service's field, else ``argument``)."""
    field = FIELD_ARGUMENTS.get(error.field, error.field)
    name = f"--{field.replace('_', '-')}" if field else argument
    return CommandError(f"{name}: {error.message}" if name else error.message)
