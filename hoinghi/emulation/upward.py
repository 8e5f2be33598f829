"""Proposals upward (đề nghị cấp trên khen thưởng): higher titles and commendations the head
does not award — Chiến sĩ thi đua bộ, ban, ngành, tỉnh and toàn quốc, Tập thể lao động xuất
sắc, Cờ thi đua, Bằng khen.

Where the law has a rule (E5 CSTĐ tỉnh, E6 CSTĐ toàn quốc, E4 TTLĐXS) an item needs the year's
eligibility row saying eligible, and carries it as its basis; where it has none (Bằng khen,
Cờ thi đua) the item says "xét theo đề nghị, chưa có tiêu chí trong hệ thống". The list goes
to the council's secret ballot like any other (:mod:`hoinghi.emulation.council`), is then
submitted upward, and the higher body's decision is recorded with ``record_external_decision``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.contrib.auth.models import User
from django.db import transaction

from hoinghi.actors import Actor
from hoinghi.audit.services import record
from hoinghi.emulation.council import basis_of
from hoinghi.emulation.models import (
    Eligibility,
    Proposal,
    ProposalItem,
    ProposalKind,
    ProposalState,
)
from hoinghi.emulation.rules import superior_body
from hoinghi.emulation.services import EmulationError, check_title_fits_holder, ensure_open
from hoinghi.emulation.vocabulary import Outcome
from hoinghi.law.citations import cite
from hoinghi.law.emulation.vocabulary import TITLE_LABELS, Title
from hoinghi.law.instruments import L06
from hoinghi.law.results import Reason
from hoinghi.org.models import Person, Unit, WorkYear
from hoinghi.vietnamese import nfc

# Titles proposed upward whose eligibility the law's rules decide (rows of the eligibility table).
RULED = frozenset(
    {
        Title.CHIEN_SI_THI_DUA_CAP_TINH,
        Title.CHIEN_SI_THI_DUA_TOAN_QUOC,
        Title.TAP_THE_LAO_DONG_XUAT_SAC,
    }
)
# Proposed on the agency's own assessment: the system holds no criteria for them.
BY_PROPOSAL = (
    Title.BANG_KHEN,
    Title.BANG_KHEN_THU_TUONG,
    Title.CO_THI_DUA_CAP_TINH,
    Title.CO_THI_DUA_CHINH_PHU,
)
UPWARD_TITLES = (
    Title.CHIEN_SI_THI_DUA_CAP_TINH,
    Title.CHIEN_SI_THI_DUA_TOAN_QUOC,
    Title.TAP_THE_LAO_DONG_XUAT_SAC,
    *BY_PROPOSAL,
)
NO_CRITERIA = "emulation.upward.no_criteria"
NO_CRITERIA_TEXT = "Xét theo đề nghị, chưa có tiêu chí trong hệ thống"


def no_criteria_basis(title: Title) -> dict[str, object]:
    """The basis of an item the system holds no criteria for: said plainly, with the article."""
    citation = cite(L06, 74) if title in (Title.BANG_KHEN, Title.BANG_KHEN_THU_TUONG) else cite(L06)
    why = Reason(NO_CRITERIA, f"{TITLE_LABELS[title]}: {NO_CRITERIA_TEXT}", citation).to_dict()
    return {"rule": "", "rule_version": "", "citations": [why["citation"]], "reasons": [why]}


def recipient_on(work_year: WorkYear, on: date) -> str:
    """The body the law names for the agency on ``on`` (its history and the two-tier reform);
    refused when none can be named (no period recorded, or a district superior after
    30/06/2025)."""
    found = superior_body(work_year, on)
    if found is None or not found.outcome:
        why = found.reasons[0].sentence if found is not None else "chưa ghi cơ quan cấp trên"
        raise EmulationError(
            "emulation.upward.no_recipient",
            f"Chưa nhập cơ quan nhận đề nghị (cấp trên): {why}.",
            field="recipient",
        )
    return str(found.outcome)


def propose_upward(
    work_year: WorkYear,
    title: Title,
    *,
    people: Iterable[Person] = (),
    units: Iterable[Unit] = (),
    proposed_on: date,
    subject: str,
    recipient: str,
    number: str = "",
    achievement: str = "",
    actor: Actor = None,
) -> Proposal:
    """Tờ trình đề nghị cấp trên: the chosen people or units for one title, each with its basis."""
    ensure_open(work_year)
    title = Title(title)
    if title not in UPWARD_TITLES:
        raise EmulationError(
            "emulation.upward.title",
            f"“{TITLE_LABELS[title]}” do người đứng đầu cơ quan xét tặng: lập tờ trình xét tặng.",
            field="title",
        )
    subject, recipient = nfc(subject), nfc(recipient)
    if not subject:
        raise EmulationError(
            "emulation.proposal.no_subject", "Chưa nhập trích yếu tờ trình.", field="subject"
        )
    recipient = recipient or recipient_on(work_year, proposed_on)
    holders: list[Person | Unit] = [*people, *units]
    if not holders:
        raise EmulationError(
            "emulation.upward.empty", "Chọn ít nhất một cá nhân hoặc một tập thể.", field="people"
        )
    for holder in holders:
        if holder.agency_id != work_year.agency_id:
            raise EmulationError(
                "emulation.upward.other_agency", f"{holder} không thuộc cơ quan này."
            )
        person, unit = (holder, None) if isinstance(holder, Person) else (None, holder)
        check_title_fits_holder(title, person=person, unit=unit)
    bases = [basis_for(work_year, title, h) for h in holders]
    with transaction.atomic():
        proposal = Proposal.objects.create(
            work_year=work_year,
            number=nfc(number),
            proposed_on=proposed_on,
            subject=subject,
            kind=ProposalKind.UPWARD,
            recipient=recipient,
            created_by=actor if isinstance(actor, User) else None,
        )
        ProposalItem.objects.bulk_create(
            ProposalItem(
                proposal=proposal,
                person=h if isinstance(h, Person) else None,
                unit=h if isinstance(h, Unit) else None,
                title=title,
                basis=b,
                achievement=nfc(achievement),
                position=i,
            )
            for i, (h, b) in enumerate(zip(holders, bases, strict=True), start=1)
        )
        record(
            "emulation.propose_upward",
            actor=actor,
            target=proposal,
            agency_code=work_year.agency.code,
            data={
                "year": work_year.year,
                "title": str(title),
                "recipient": recipient,
                "items": len(holders),
            },
        )
    return proposal


def basis_for(work_year: WorkYear, title: Title, holder: Person | Unit) -> dict[str, object]:
    """The item's basis: the eligible row where the law has a rule (else refused), or the
    plain "no criteria" reason."""
    if title not in RULED:
        return no_criteria_basis(title)
    holder_filter: dict[str, Person | Unit] = (
        {"person": holder} if isinstance(holder, Person) else {"unit": holder}
    )
    row = (
        Eligibility.objects.filter(work_year=work_year, title=title, **holder_filter)
        .select_related("reason_set")
        .first()
    )
    name = holder.full_name if isinstance(holder, Person) else holder.name
    if row is None:
        if not Eligibility.objects.filter(work_year=work_year).exists():
            raise EmulationError(
                "emulation.upward.not_computed",
                f"Chưa xét danh hiệu năm {work_year.year}: hãy xét danh hiệu trước khi đề nghị.",
            )
        raise EmulationError(
            "emulation.upward.not_eligible",
            f"{name} chưa đủ điều kiện đề nghị {TITLE_LABELS[title]} theo kết quả xét danh hiệu năm "
            f"{work_year.year} (chưa đủ số năm liên tục hoặc chưa đạt danh hiệu năm nay).",
            field="people",
        )
    if row.outcome != Outcome.ELIGIBLE:
        raise EmulationError(
            "emulation.upward.not_eligible",
            f"{name} chưa đủ điều kiện đề nghị {TITLE_LABELS[title]}: "
            + "; ".join(row.reason_texts),
            field="people",
        )
    return basis_of(row)


def submit_upward(proposal: Proposal, *, submitted_on: date, actor: Actor = None) -> Proposal:
    """After the council's ballot passed: the list is sent to the higher body."""
    ensure_open(proposal.work_year)
    if proposal.kind != ProposalKind.UPWARD:
        raise EmulationError(
            "emulation.upward.not_upward", "Tờ trình này là tờ trình xét tặng tại cơ quan."
        )
    if proposal.state != ProposalState.VOTED:
        raise EmulationError(
            "emulation.upward.not_voted", "Hội đồng chưa bỏ phiếu tờ trình này: chưa thể trình."
        )
    approved = proposal.items.filter(approved=True).count()
    if not approved:
        raise EmulationError(
            "emulation.upward.nothing",
            "Hội đồng không thông qua ai: không có gì để trình cấp trên.",
        )
    with transaction.atomic():
        Proposal.objects.filter(pk=proposal.pk).update(state=ProposalState.SUBMITTED)
        record(
            "emulation.submit_upward",
            actor=actor,
            target=proposal,
            agency_code=proposal.work_year.agency.code,
            data={
                "recipient": proposal.recipient,
                "items": approved,
                "on": submitted_on.isoformat(),
            },
        )
    proposal.refresh_from_db()
    return proposal
