"""Proposals upward: CSTĐ tỉnh and TTLĐXS with the law's eligibility, Bằng khen on the
agency's proposal ("chưa có tiêu chí trong hệ thống"), the council's ballot, submission."""

from __future__ import annotations

from datetime import date
from typing import TypedDict

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from hoinghi.emulation import services
from hoinghi.emulation.council import close_council_vote, decide_titles, open_council_vote
from hoinghi.emulation.eligibility import compute_eligibility
from hoinghi.emulation.models import Proposal, ProposalKind, ProposalState
from hoinghi.emulation.services import DecisionHeader, EmulationError
from hoinghi.emulation.tests.builders import (
    add_initiative,
    classify,
    district,
    district_year,
    people,
    year_of,
)
from hoinghi.emulation.upward import NO_CRITERIA, propose_upward, submit_upward
from hoinghi.emulation.vocabulary import Issuer
from hoinghi.law.emulation.vocabulary import InitiativeLevel, Title
from hoinghi.law.evaluation.vocabulary import Rating
from hoinghi.org.models import AgencyPeriod, Person, Unit, WorkYear
from hoinghi.voting import services as voting

pytestmark = pytest.mark.django_db
CSTDCS, TINH = Title.CHIEN_SI_THI_DUA_CO_SO, Title.CHIEN_SI_THI_DUA_CAP_TINH


class Sent(TypedDict):
    proposed_on: date
    subject: str
    recipient: str


SENT: Sent = {
    "proposed_on": date(2026, 1, 5),
    "subject": "Đề nghị tặng danh hiệu Chiến sĩ thi đua tỉnh",
    "recipient": "Ủy ban nhân dân tỉnh",
}


def province_year() -> WorkYear:
    """HU03: CSTĐCS in 2023 and 2024, excellent in 2025 with a province-level initiative."""
    agency = district()
    star = people(agency)["HU03"]
    for year in (2023, 2024):
        services.record_earlier_title(year=year, title=CSTDCS, person=star)
    work_year = year_of(agency, 2025)
    classify(work_year, {"HU03": Rating.EXCELLENT})
    add_initiative(star, date(2025, 10, 2), level=InitiativeLevel.PROVINCE)
    compute_eligibility(work_year)
    return work_year


def test_an_eligible_person_is_proposed_for_the_province_title_with_the_laws_basis() -> None:
    work_year = province_year()
    proposal = propose_upward(work_year, TINH, people=[people(work_year.agency)["HU03"]], **SENT)
    assert proposal.kind == ProposalKind.UPWARD and proposal.recipient == "Ủy ban nhân dân tỉnh"
    item = proposal.items.get()
    assert item.basis["rule"] == "emulation.titles" and item.basis["reasons"]


def test_a_person_the_law_does_not_find_eligible_is_refused_with_the_reason() -> None:
    work_year = province_year()
    with pytest.raises(
        EmulationError, match="chưa đủ điều kiện đề nghị Chiến sĩ thi đua bộ, ban, ngành, tỉnh"
    ):
        propose_upward(work_year, TINH, people=[people(work_year.agency)["HU05"]], **SENT)
    assert not Proposal.objects.exists()


def test_bang_khen_is_proposed_on_the_agencys_judgement_and_says_so() -> None:
    work_year = province_year()
    office = Unit.objects.get(agency=work_year.agency, code="van-phong")
    proposal = propose_upward(
        work_year,
        Title.BANG_KHEN,
        people=[people(work_year.agency)["HU01"]],
        units=[office],
        achievement="Hoàn thành xuất sắc nhiệm vụ 5 năm liền",
        **SENT,
    )
    items = list(proposal.items.all())
    assert len(items) == 2
    assert all(i.basis["reasons"][0]["code"] == NO_CRITERIA for i in items)
    assert (
        "Xét theo đề nghị, chưa có tiêu chí trong hệ thống" in items[0].basis["reasons"][0]["text"]
    )
    assert "Điều 74" in items[0].basis["citations"][0]


def test_a_title_the_head_awards_or_a_missing_recipient_is_refused() -> None:
    work_year = province_year()
    star = people(work_year.agency)["HU03"]
    with pytest.raises(EmulationError, match="do người đứng đầu cơ quan xét tặng"):
        propose_upward(work_year, Title.LAO_DONG_TIEN_TIEN, people=[star], **SENT)
    no_recipient: Sent = {**SENT, "recipient": " "}
    AgencyPeriod.objects.filter(agency=work_year.agency).delete()  # no superior on record
    with pytest.raises(EmulationError) as error:
        propose_upward(work_year, Title.BANG_KHEN, people=[star], **no_recipient)
    assert error.value.field == "recipient"


def test_ttldxs_goes_upward_after_the_council_and_the_head_cannot_decide_it() -> None:
    work_year = district_year(2023)
    compute_eligibility(work_year)
    clerk, member = User.objects.get(username="vanthu"), User.objects.get(username="hoidong")
    office = Unit.objects.get(agency=work_year.agency, code="van-phong")
    proposal = propose_upward(
        work_year,
        Title.TAP_THE_LAO_DONG_XUAT_SAC,
        units=[office],
        proposed_on=date(2024, 1, 10),
        subject="Đề nghị tặng Tập thể lao động xuất sắc",
        recipient="Ban Thường vụ Tỉnh ủy",
        actor=clerk,
    )
    with pytest.raises(EmulationError, match="Hội đồng chưa bỏ phiếu"):
        submit_upward(proposal, submitted_on=date(2024, 1, 12))
    proposal = open_council_vote(proposal, actor=clerk)
    assert proposal.poll is not None
    voting.cast_vote(proposal.poll, Person.objects.get(user=member), choice="for", by=member)
    proposal = close_council_vote(proposal, actor=clerk)
    header = DecisionHeader(Issuer.HEAD, "Cơ quan Huyện ủy", "06-QĐ/HU", date(2024, 1, 15))
    with pytest.raises(EmulationError, match="quyết định do cấp trên ban hành"):
        decide_titles(proposal, header)
    assert (
        submit_upward(proposal, submitted_on=date(2024, 1, 16), actor=clerk).state
        == ProposalState.SUBMITTED
    )


def test_the_clerk_makes_an_upward_list_from_the_page_and_a_bad_one_is_named() -> None:
    work_year = province_year()
    client = Client()
    client.force_login(User.objects.get(username="vanthu"))
    address = reverse("emulation:upward", args=[work_year.agency.code, 2025])
    form = {
        "proposed_on": "05/01/2026",
        "subject": "Đề nghị",
        "recipient": "UBND tỉnh",
        "title": "cstd_tinh",
    }
    hu05 = people(work_year.agency)["HU05"]
    refused = client.post(address, {**form, "people": [hu05.pk]}).content.decode()
    assert "chưa đủ điều kiện đề nghị" in refused and not Proposal.objects.exists()
    empty = client.post(address, form).content.decode()
    assert "Chọn ít nhất một tập thể hoặc một cá nhân được đề nghị." in empty
    star = people(work_year.agency)["HU03"]
    response = client.post(address, {**form, "people": [star.pk]})
    proposal = Proposal.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(
        f"/to-trinh/{proposal.pk}/"
    )
    page = client.get(response["Location"]).content.decode()
    assert "Kính gửi: UBND tỉnh" in page and "Đề nghị cấp trên khen thưởng" in page
