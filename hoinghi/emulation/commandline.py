"""The emulation commands' shared parts: the clerk's check and the proposal by its number."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.management.base import CommandError, CommandParser

from hoinghi.emulation.access import can_manage
from hoinghi.emulation.models import Proposal
from hoinghi.emulation.services import EmulationError
from hoinghi.org.commandline import acting_user, agency_of, work_year_of
from hoinghi.org.models import WorkYear

MANAGERS = "văn thư, quản trị viên"
FIELD_ARGUMENTS = {"titles": "title"}  # the services' field → the argument


def add_proposal_argument(parser: CommandParser) -> None:
    parser.add_argument(
        "--proposal", required=True, type=int, help="số thứ tự tờ trình (in khi lập tờ trình)"
    )


def managed_year(options: dict[str, object]) -> tuple[WorkYear, User]:
    agency = agency_of(str(options["agency"]))
    user = acting_user(str(options["username"]), agency, can_manage, MANAGERS)
    return work_year_of(agency, int(str(options["year"]))), user


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
