"""From the eligible list to the decision: tờ trình, the council's secret ballot through the
vote engine, the head's decision with bonuses, and the district chair's decision."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import User

from hoinghi.emulation import selectors
from hoinghi.emulation.council import (
    close_council_vote,
    decide_titles,
    open_council_vote,
    propose_titles,
    record_external_decision,
)
from hoinghi.emulation.eligibility import compute_eligibility
from hoinghi.emulation.models import Award, Decision, Proposal, ProposalState
from hoinghi.emulation.services import DecisionHeader, EmulationError
from hoinghi.emulation.tests.builders import district_year
from hoinghi.emulation.vocabulary import Issuer
from hoinghi.law.emulation.vocabulary import Title
from hoinghi.org.models import Person, Unit
from hoinghi.voting import services as voting
from hoinghi.voting.models import Ballot

pytestmark = pytest.mark.django_db
LDTT, CSTDCS = Title.LAO_DONG_TIEN_TIEN, Title.CHIEN_SI_THI_DUA_CO_SO
TTLDTT, TTLDXS = Title.TAP_THE_LAO_DONG_TIEN_TIEN, Title.TAP_THE_LAO_DONG_XUAT_SAC
HEAD = DecisionHeader(
    Issuer.HEAD, "Cơ quan Huyện ủy Thạch Bình", "05-QĐ/HU", date(2024, 1, 15), "Trần Minh Khoa"
)


def council_vote(choice: str) -> Proposal:
    work_year = district_year(2023)
    compute_eligibility(work_year)
    clerk = User.objects.get(username="vanthu")
    proposal = propose_titles(
        work_year,
        [LDTT, CSTDCS, TTLDXS],
        proposed_on=date(2024, 1, 10),
        subject="Đề nghị công nhận danh hiệu thi đua năm 2023",
        number="12-TTr/VPHU",
        actor=clerk,
    )
    proposal = open_council_vote(proposal, actor=clerk)
    member = User.objects.get(username="hoidong")
    assert proposal.poll is not None
    voting.cast_vote(proposal.poll, Person.objects.get(user=member), choice=choice, by=member)
    return close_council_vote(proposal, actor=clerk)


def test_the_council_passes_the_list_by_secret_ballot_and_the_head_decides_with_bonuses() -> None:
    proposal = council_vote("for")
    assert proposal.state == ProposalState.VOTED
    assert proposal.poll is not None and proposal.poll.is_secret
    assert not Ballot.objects.filter(poll=proposal.poll, voter__isnull=False).exists()
    items = list(proposal.items.all())
    assert len(items) == 32 + 4 + 2 and all(i.approved and i.votes_for == 1 for i in items)
    assert items[0].basis["rule"] == "emulation.titles"
    decision = decide_titles(proposal, HEAD, actor=User.objects.get(username="vanthu"))
    awards = selectors.decision_list(decision)
    assert len(awards) == 36  # TTLĐXS is proposed upward, not decided by the head
    ldtt = next(a for a in awards if a.title == LDTT)
    cstdcs = next(a for a in awards if a.title == CSTDCS)
    assert decision.base_salary == 1_800_000
    assert (ldtt.bonus_amount, cstdcs.bonus_amount) == (540_000, 1_800_000)
    assert str(ldtt.bonus_multiple) == "0.30"
    assert ldtt.bonus_reasons and "lương cơ sở" in ldtt.bonus_reasons[-1]["text"]
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.DECIDED
    work_year = proposal.work_year
    assert selectors.title_count(work_year, LDTT).phrase == "100% (32/32)"
    assert selectors.title_count(work_year, CSTDCS).awarded == 4


def test_a_list_the_council_rejects_cannot_be_decided() -> None:
    proposal = council_vote("against")
    assert not any(i.approved for i in proposal.items.all())
    with pytest.raises(EmulationError) as refused:
        decide_titles(proposal, HEAD)
    assert refused.value.code == "emulation.decision.nothing"
    assert not Decision.objects.exists()


def test_the_vote_cannot_open_twice_nor_the_decision_come_before_it() -> None:
    work_year = district_year(2023)
    compute_eligibility(work_year)
    proposal = propose_titles(work_year, [LDTT], proposed_on=date(2024, 1, 10), subject="Đề nghị")
    with pytest.raises(EmulationError) as early:
        decide_titles(proposal, HEAD)
    assert early.value.code == "emulation.decision.not_voted"
    open_council_vote(proposal)
    with pytest.raises(EmulationError):
        open_council_vote(proposal)


def test_the_same_title_is_not_awarded_twice_in_a_year() -> None:
    proposal = council_vote("for")
    decide_titles(proposal, HEAD)
    person = Person.objects.get(staff_code="HU01")
    header = DecisionHeader(
        Issuer.UNION, "Ban Chấp hành Công đoàn cơ quan", "03/QĐ-CĐ", date(2024, 1, 20)
    )
    with pytest.raises(EmulationError) as refused:
        record_external_decision(proposal.work_year, header, LDTT, people=[person])
    assert refused.value.code == "emulation.decision.double_award"
    assert "không khen thưởng hai lần" in refused.value.message


def test_the_district_chair_recognises_five_of_five_collectives_two_excellent() -> None:
    work_year = district_year(2023)
    units = list(Unit.objects.filter(agency=work_year.agency))
    chair = DecisionHeader(
        Issuer.UPPER_STATE,
        "Chủ tịch Ủy ban nhân dân huyện Thạch Bình",
        "215/QĐ-UBND",
        date(2024, 1, 12),
        "Nguyễn Văn Chủ",
    )
    record_external_decision(work_year, chair, TTLDTT, units=units)
    province = DecisionHeader(
        Issuer.UPPER_STATE, "Chủ tịch Ủy ban nhân dân tỉnh", "88/QĐ-UBND", date(2024, 2, 2)
    )
    excellent = [u for u in units if u.code in ("van-phong", "ban-tuyen-giao")]
    record_external_decision(work_year, province, TTLDXS, units=excellent)
    assert selectors.title_count(work_year, TTLDTT).phrase == "100% (05/05)"
    assert selectors.title_count(work_year, TTLDXS).awarded == 2
    assert Award.objects.filter(decision__number="215/QĐ-UBND").count() == 5


def test_a_decision_without_number_or_outside_the_year_is_refused_and_nothing_is_written() -> None:
    work_year = district_year(2023)
    person = Person.objects.get(staff_code="HU01")
    for header, field in (
        (DecisionHeader(Issuer.UNION, "Công đoàn", " ", date(2024, 1, 20)), "number"),
        (DecisionHeader(Issuer.UNION, "Công đoàn", "1/QĐ", date(2025, 1, 20)), "signed_on"),
    ):
        with pytest.raises(EmulationError) as refused:
            record_external_decision(work_year, header, Title.GIAY_KHEN, people=[person])
        assert refused.value.field == field
    assert not Decision.objects.exists()


def test_a_collective_title_cannot_go_to_a_person() -> None:
    work_year = district_year(2023)
    header = DecisionHeader(Issuer.UNION, "Công đoàn", "2/QĐ", date(2024, 1, 20))
    with pytest.raises(EmulationError) as refused:
        record_external_decision(
            work_year, header, TTLDTT, people=[Person.objects.get(staff_code="HU01")]
        )
    assert "chỉ dành cho tập thể" in refused.value.message


def test_a_new_proposal_leaves_out_those_already_awarded_so_it_can_be_decided() -> None:
    """One already holding the year's title (a decision recorded earlier) is not proposed
    again: a proposal naming them would be refused at the decision, with no way out."""
    work_year = district_year(2023)
    compute_eligibility(work_year)
    person = Person.objects.get(staff_code="HU01")
    earlier = DecisionHeader(
        Issuer.UNION, "Ban Chấp hành Công đoàn cơ quan", "03/QĐ-CĐ", date(2024, 1, 5)
    )
    record_external_decision(work_year, earlier, LDTT, people=[person])
    proposal = propose_titles(work_year, [LDTT], proposed_on=date(2024, 1, 10), subject="Đề nghị")
    people = [i.person_id for i in proposal.items.all()]
    assert len(people) == 31 and person.pk not in people
    proposal = open_council_vote(proposal)
    member = User.objects.get(username="hoidong")
    assert proposal.poll is not None
    voting.cast_vote(proposal.poll, Person.objects.get(user=member), choice="for", by=member)
    proposal = close_council_vote(proposal)
    assert len(selectors.decision_list(decide_titles(proposal, HEAD))) == 31


def test_a_proposal_of_titles_all_already_awarded_is_refused_by_name() -> None:
    proposal = council_vote("for")
    decide_titles(proposal, HEAD)
    with pytest.raises(EmulationError) as refused:
        propose_titles(proposal.work_year, [LDTT], proposed_on=date(2024, 1, 21), subject="Lại")
    assert refused.value.code == "emulation.proposal.all_awarded"
    assert "không khen thưởng hai lần" in refused.value.message
