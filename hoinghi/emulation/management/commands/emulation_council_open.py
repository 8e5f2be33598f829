"""``hoinghi emulation council-open --agency CODE --year YYYY --proposal N --as USERNAME``."""

from __future__ import annotations

from django.contrib.auth.models import User

from hoinghi.emulation.commandline import ProposalCommand
from hoinghi.emulation.council import council_members, open_council_vote
from hoinghi.emulation.models import Proposal
from hoinghi.org.models import WorkYear


class Command(ProposalCommand):
    help = (
        "Mở phiếu kín của Hội đồng Thi đua – Khen thưởng về một tờ trình (văn thư, quản trị); "
        "thành viên Hội đồng bỏ phiếu trên trang web hoặc bằng hoinghi emulation council-vote."
    )

    def act(self, proposal: Proposal, user: User) -> Proposal:
        return open_council_vote(proposal, actor=user)

    def done(self, work_year: WorkYear, proposal: Proposal) -> str:
        members = len(council_members(work_year))
        return f"Đã mở phiếu kín của Hội đồng ({members} thành viên) về tờ trình {proposal.pk}."
