"""``hoinghi emulation council-close --agency CODE --year YYYY --proposal N --as USERNAME``."""

from __future__ import annotations

from django.contrib.auth.models import User

from hoinghi.emulation.commandline import ProposalCommand
from hoinghi.emulation.council import close_council_vote
from hoinghi.emulation.models import Proposal
from hoinghi.org.models import WorkYear


class Command(ProposalCommand):
    help = (
        "Kết thúc phiếu kín của Hội đồng về tờ trình, kiểm phiếu và ghi kết quả lên từng đề "
        "nghị (văn thư, quản trị)."
    )

    def act(self, proposal: Proposal, user: User) -> Proposal:
        return close_council_vote(proposal, actor=user)

    def done(self, work_year: WorkYear, proposal: Proposal) -> str:
        approved = proposal.items.filter(approved=True).count()
        item = proposal.items.first()
        votes = item.votes_for if item else 0
        verdict = "thông qua" if approved else "không thông qua"
        return f"Hội đồng {verdict} tờ trình {proposal.pk}: {votes} phiếu tán thành."
