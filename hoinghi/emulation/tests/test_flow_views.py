"""The year end through the pages: compute, tờ trình, the council's secret vote on the voting
app's page, the result, the head's decision with bonuses, a person's titles."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from hoinghi.emulation.models import Award, Proposal, ProposalState
from hoinghi.emulation.tests.builders import classify
from hoinghi.law.evaluation.vocabulary import Rating
from hoinghi.org.services import open_work_year
from hoinghi.testing import World
from hoinghi.voting.receipts import new_key

pytestmark = pytest.mark.django_db
YEAR = 2024


def client_for(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def url(world: World, name: str, *args: object) -> str:
    return reverse(f"emulation:{name}", args=[world.agency.code, YEAR, *args])


def test_the_year_end_runs_through_the_pages(world: World) -> None:
    work_year = open_work_year(world.agency, YEAR)
    classify(work_year, {"CB01": Rating.EXCELLENT})
    clerk, council = client_for(world.clerk), client_for(world.council)
    clerk.post(url(world, "eligibility-compute"))
    table = council.get(url(world, "eligibility")).content.decode()
    assert "Đủ điều kiện" in table and "Luật Thi đua, khen thưởng" in table
    response = clerk.post(
        url(world, "proposals"),
        {
            "proposed_on": "10/01/2025",
            "subject": "Đề nghị công nhận",
            "number": "01/TTr-VP",
            "titles": ["ldtt", "cstdcs"],
        },
    )
    proposal = Proposal.objects.get()
    assert response.status_code == 302 and proposal.items.count() == 9 + 1
    assert clerk.post(url(world, "proposal-action", proposal.pk, "mo-phieu")).status_code == 302
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.VOTING
    page = council.get(url(world, "proposal", proposal.pk)).content.decode()
    assert reverse("voting:view-poll", args=[proposal.poll_id]) in page and "Bỏ phiếu kín" in page
    vote = council.post(
        reverse("voting:cast-vote", args=[proposal.poll_id]), {"key": new_key(), "choice": "for"}
    )
    assert vote.status_code == 200
    clerk.post(url(world, "proposal-action", proposal.pk, "dong-phieu"))
    proposal.refresh_from_db()
    assert (
        proposal.state == ProposalState.VOTED and proposal.items.filter(approved=True).count() == 10
    )
    response = clerk.post(
        url(world, "proposal-action", proposal.pk, "quyet-dinh"),
        {"number": "05/QĐ-VP", "signed_on": "15/01/2025", "signer": "Trần Văn Lãnh"},
    )
    award = Award.objects.get(person__staff_code="CB01", title="cstdcs")
    assert response["Location"] == url(world, "decision", award.decision_id)
    assert award.bonus_amount == 2_340_000
    decision_page = client_for(world.colleague).get(response["Location"]).content.decode()
    assert "05/QĐ-VP" in decision_page and "702000" in decision_page
    mine = client_for(world.colleague).get(
        reverse("emulation:person-titles", args=[world.agency.code, "CB01"])
    )
    assert "Chiến sĩ thi đua cơ sở" in mine.content.decode()


def test_a_council_member_cannot_run_the_vote_and_a_bad_decision_form_is_named(
    world: World,
) -> None:
    work_year = open_work_year(world.agency, YEAR)
    classify(work_year, {})
    clerk = client_for(world.clerk)
    clerk.post(url(world, "eligibility-compute"))
    clerk.post(
        url(world, "proposals"),
        {"proposed_on": "10/01/2025", "subject": "Đề nghị", "titles": ["ldtt"]},
    )
    proposal = Proposal.objects.get()
    assert (
        client_for(world.council)
        .post(url(world, "proposal-action", proposal.pk, "mo-phieu"))
        .status_code
        == 404
    )
    response = clerk.post(
        url(world, "proposal-action", proposal.pk, "quyet-dinh"),
        {"number": "", "signed_on": "15/01/2025", "signer": "A"},
        follow=True,
    )
    assert (
        "Trường này là bắt buộc." in response.content.decode()
        or "bắt buộc" in response.content.decode()
    )
    response = clerk.post(
        url(world, "proposals"),
        {"proposed_on": "10/01/2025", "subject": "Đề nghị", "titles": ["ttldxs"]},
    )
    assert "Chưa có ai đủ điều kiện" in response.content.decode()
    assert Proposal.objects.count() == 1
