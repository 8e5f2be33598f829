"""From the eligible list to the decision: the proposal (tờ trình), the council's secret
ballot through the vote engine, the head's decision with bonuses, and decisions by other
bodies (a People's Committee chair, the union, the Party committee).

One motion poll per proposal list: the council (users holding the role ``hoi_dong_thi_dua``
in the agency) votes by secret ballot on the whole list; the list passes when the yes votes
reach the council's share of all members (D91 Art 45.8 up to 2023; the agency's share after,
``EmulationOptions.council_share``). To vote on people separately, the clerk makes separate
lists (one per title, say).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.db.models import Q

from hoinghi.audit.services import record
from hoinghi.emulation.models import (
    Award,
    Decision,
    Eligibility,
    Proposal,
    ProposalItem,
    ProposalKind,
    ProposalState,
)
from hoinghi.emulation.rules import options_for
from hoinghi.emulation.services import (
    Actor,
    DecisionHeader,
    EmulationError,
    check_decision_header,
    check_title_fits_holder,
    create_decision,
    ensure_open,
)
from hoinghi.emulation.vocabulary import Outcome
from hoinghi.law.emulation import AuthorityFacts, BonusFacts, check_authority, decide_bonus
from hoinghi.law.emulation.parameters import COUNCIL_SHARE, LEGACY_TO
from hoinghi.law.emulation.vocabulary import IssuerLevel, Title
from hoinghi.law.options import EmulationOptions
from hoinghi.law.parameters import NotInForce
from hoinghi.org.models import Person, Role, RoleAssignment, Unit, WorkYear
from hoinghi.vietnamese import nfc
from hoinghi.voting import services as voting
from hoinghi.voting.errors import VotingError
from hoinghi.voting.tally import COUNCIL_RULE
from hoinghi.voting.vocabulary import PollOutcome

POLL_SUBJECT = "emulation.proposal"


def propose_titles(
    work_year: WorkYear,
    titles: Sequence[Title],
    *,
    proposed_on: date,
    subject: str,
    number: str = "",
    actor: Actor = None,
) -> Proposal:
    """Tờ trình: everyone eligible for the chosen titles in the year's eligibility table."""
    ensure_open(work_year)
    if not titles:
        raise EmulationError(
            "emulation.proposal.no_title",
            "Chọn ít nhất một danh hiệu để lập tờ trình.",
            field="titles",
        )
    subject = nfc(subject)
    if not subject:
        raise EmulationError(
            "emulation.proposal.no_subject", "Chưa nhập trích yếu tờ trình.", field="subject"
        )
    eligible = list(
        Eligibility.objects.filter(
            work_year=work_year, title__in=list(titles), outcome=Outcome.ELIGIBLE
        )
        .select_related("person", "unit", "reason_set")
        .order_by("title", "unit__position", "person__sort_key", "pk")
    )
    if not eligible:
        raise EmulationError(
            "emulation.proposal.nobody",
            "Chưa có ai đủ điều kiện các danh hiệu đã chọn: hãy xét danh hiệu trước.",
            field="titles",
        )
    awarded = awarded_holders(work_year, titles)
    left_out = [e for e in eligible if (e.person_id, e.unit_id, e.title) in awarded]
    eligible = [e for e in eligible if (e.person_id, e.unit_id, e.title) not in awarded]
    if not eligible:
        raise EmulationError(
            "emulation.proposal.all_awarded",
            f"Những người, tập thể đủ điều kiện đã được khen các danh hiệu này năm "
            f"{work_year.year}: không còn ai để đề nghị (không khen thưởng hai lần).",
            field="titles",
        )
    order = {t: i for i, t in enumerate(Title)}
    eligible.sort(
        key=lambda e: (
            order[Title(e.title)],
            e.unit.position if e.unit else 0,
            e.person.sort_key if e.person else "",
        )
    )
    with transaction.atomic():
        proposal = Proposal.objects.create(
            work_year=work_year,
            number=nfc(number),
            proposed_on=proposed_on,
            subject=subject,
            created_by=_user(actor),
        )
        ProposalItem.objects.bulk_create(
            ProposalItem(
                proposal=proposal,
                person_id=e.person_id,
                unit_id=e.unit_id,
                title=e.title,
                basis=basis_of(e),
                position=i,
            )
            for i, e in enumerate(eligible, start=1)
        )
        record(
            "emulation.propose",
            actor=actor,
            target=proposal,
            agency_code=work_year.agency.code,
            data={
                "year": work_year.year,
                "titles": [str(t) for t in titles],
                "items": len(eligible),
                "already_awarded": len(left_out),
            },
        )
    return proposal


def awarded_holders(
    work_year: WorkYear, titles: Sequence[Title]
) -> set[tuple[int | None, int | None, str]]:
    """(person, unit, title) of the year's live awards of ``titles``: E8 keeps them out of a
    new proposal (a proposal naming them could never be decided)."""
    return set(
        Award.objects.filter(
            work_year=work_year, title__in=list(titles), revoked_on__isnull=True
        ).values_list("person_id", "unit_id", "title")
    )


def basis_of(eligibility: Eligibility) -> dict[str, object]:
    return {
        "rule": eligibility.rule,
        "rule_version": eligibility.rule_version,
        "citations": eligibility.citations,
        "reasons": eligibility.reasons,
        "computed_at": eligibility.computed_at.isoformat(),
    }


def council_members(work_year: WorkYear) -> list[Person]:
    """The council: people whose account holds the council role in the agency."""
    user_ids = RoleAssignment.objects.filter(
        agency_id=work_year.agency_id, role=Role.COUNCIL
    ).values("user_id")
    return list(Person.objects.filter(user_id__in=user_ids).order_by("sort_key"))


def council_share(work_year: WorkYear, options: EmulationOptions | None = None) -> Fraction:
    """The share of all members needed: D91's 90 % up to 2023, then the agency's option."""
    if work_year.ends_on <= LEGACY_TO:
        return COUNCIL_SHARE.value(work_year.ends_on)
    return (options or options_for(work_year)).council_share


def open_council_vote(
    proposal: Proposal,
    *,
    actor: Actor = None,
    options: EmulationOptions | None = None,
    on: date | None = None,
) -> Proposal:
    """Create the secret motion poll for the list and open it to the council's members."""
    work_year = proposal.work_year
    ensure_open(work_year)
    if proposal.state != ProposalState.DRAFT:
        raise EmulationError("emulation.proposal.not_draft", "Tờ trình đã được đưa ra Hội đồng.")
    members = council_members(work_year)
    if not members:
        raise EmulationError(
            "emulation.council.empty",
            "Cơ quan chưa có thành viên Hội đồng Thi đua – Khen thưởng (vai trò hội đồng thi đua).",
        )
    share = council_share(work_year, options)
    count = proposal.items.count()
    try:
        with transaction.atomic():
            poll = voting.create_poll(
                work_year.agency,
                title=f"Hội đồng Thi đua – Khen thưởng: {proposal.subject}",
                question=f"Đồng ý đề nghị khen thưởng {count} cá nhân, tập thể theo tờ trình?",
                kind="motion",
                secrecy="secret",
                method="electronic",
                legal_date=on or proposal.proposed_on,
                by=as_user(actor),
                rule=COUNCIL_RULE,
                options={"share": f"{share.numerator}/{share.denominator}"},
                subject_kind=POLL_SUBJECT,
                subject_id=str(proposal.pk),
                managers=[actor] if actor is not None and actor.is_authenticated else [],
            )
            voting.open_poll(
                poll,
                electors=members,
                present=len(members),
                convened=len(members),
                by=as_user(actor),
            )
            Proposal.objects.filter(pk=proposal.pk).update(poll=poll, state=ProposalState.VOTING)
            record(
                "emulation.open_council_vote",
                actor=actor,
                target=proposal,
                agency_code=work_year.agency.code,
                data={"poll": poll.pk, "members": len(members)},
            )
    except VotingError as error:
        raise EmulationError(error.code, error.message) from error
    proposal.refresh_from_db()
    return proposal


def close_council_vote(proposal: Proposal, *, actor: Actor = None) -> Proposal:
    """Close the poll; the list passes or fails as a whole; write the count on every item."""
    if proposal.state != ProposalState.VOTING or proposal.poll is None:
        raise EmulationError(
            "emulation.proposal.not_voting", "Tờ trình không ở bước Hội đồng bỏ phiếu."
        )
    try:
        with transaction.atomic():
            result = voting.close_poll(proposal.poll, by=as_user(actor))
            adopted = result.outcome == PollOutcome.ADOPTED
            votes_for = int(result.counts.get("for", 0))
            proposal.items.update(votes_for=votes_for, approved=adopted)
            Proposal.objects.filter(pk=proposal.pk).update(state=ProposalState.VOTED)
            record(
                "emulation.close_council_vote",
                actor=actor,
                target=proposal,
                agency_code=proposal.work_year.agency.code,
                data={"outcome": result.outcome, "votes_for": votes_for, "reasons": result.reasons},
            )
    except VotingError as error:
        raise EmulationError(error.code, error.message) from error
    proposal.refresh_from_db()
    return proposal


@dataclass(frozen=True)
class Bonus:
    multiple: Decimal | None
    amount: int | None
    reasons: list[dict[str, object]]
    base_salary: int | None


def bonus_for(title: Title, on: date, options: EmulationOptions | None = None) -> Bonus:
    """The bonus of a title on the decision date, from the dated base salary (law)."""
    try:
        result = decide_bonus(BonusFacts(title), on=on, options=options)
    except NotInForce:
        return Bonus(None, None, [], None)
    multiple = result.values.get("multiple")
    amount = result.outcome
    return Bonus(
        Decimal(multiple.numerator) / Decimal(multiple.denominator)
        if multiple is not None
        else None,
        int(amount) if amount is not None else None,
        [r.to_dict() for r in result.reasons],
        result.values.get("base_salary"),
    )


def within_authority(title: Title, issuer: IssuerLevel, on: date) -> bool:
    return bool(check_authority(AuthorityFacts(title, issuer), on=on).outcome)


def decide_titles(
    proposal: Proposal,
    header: DecisionHeader,
    *,
    actor: Actor = None,
    options: EmulationOptions | None = None,
) -> Decision:
    """The head's decision on the approved items within the head's authority (E9), with the
    bonus of each; the others (Tập thể lao động xuất sắc, higher titles) go upward."""
    work_year = proposal.work_year
    ensure_open(work_year)
    check_decision_header(work_year, header)
    if proposal.kind == ProposalKind.UPWARD:
        raise EmulationError(
            "emulation.decision.upward",
            "Tờ trình đề nghị cấp trên: quyết định do cấp trên ban hành, ghi ở trang Quyết định.",
        )
    if proposal.state != ProposalState.VOTED:
        raise EmulationError(
            "emulation.decision.not_voted",
            "Hội đồng chưa bỏ phiếu tờ trình này: chưa thể ra quyết định.",
        )
    items = list(proposal.items.filter(approved=True))
    decided = [
        i
        for i in items
        if within_authority(Title(i.title), IssuerLevel.UNIT_HEAD, header.signed_on)
    ]
    if not decided:
        raise EmulationError(
            "emulation.decision.nothing",
            "Không có ai được Hội đồng thông qua thuộc thẩm quyền của người đứng đầu.",
        )
    check_not_awarded(work_year, [(i.person_id, i.unit_id, Title(i.title)) for i in decided])
    options = options if options is not None else options_for(work_year, header.signed_on)
    bonuses = {
        t: bonus_for(t, header.signed_on, options) for t in {Title(i.title) for i in decided}
    }
    base = next((b.base_salary for b in bonuses.values() if b.base_salary), None)
    with transaction.atomic():
        decision = create_decision(
            work_year,
            header,
            proposal=proposal,
            base_salary=base,
            rule="emulation.authority",
            recorded_by=_user(actor),
            citations=["Điều 80 Luật Thi đua, khen thưởng số 06/2022/QH15"],
        )
        Award.objects.bulk_create(
            Award(
                decision=decision,
                work_year=work_year,
                person_id=i.person_id,
                unit_id=i.unit_id,
                title=i.title,
                achievement=i.achievement,
                bonus_multiple=bonuses[Title(i.title)].multiple,
                bonus_amount=bonuses[Title(i.title)].amount,
                bonus_reasons=bonuses[Title(i.title)].reasons,
            )
            for i in decided
        )
        Proposal.objects.filter(pk=proposal.pk).update(state=ProposalState.DECIDED)
        record(
            "emulation.decide_titles",
            actor=actor,
            target=decision,
            agency_code=work_year.agency.code,
            data={
                "number": decision.number,
                "awards": len(decided),
                "proposed_upward": len(items) - len(decided),
            },
        )
    return decision


def check_not_awarded(
    work_year: WorkYear, holders: Iterable[tuple[int | None, int | None, Title]]
) -> None:
    """E8: the same title of the same year is not awarded twice to one holder."""
    wanted = list(holders)
    q = Q()
    for person_id, unit_id, title in wanted:
        q |= Q(person_id=person_id, unit_id=unit_id, title=title)
    if not wanted:
        return
    clash = (
        Award.objects.filter(q, work_year=work_year, revoked_on__isnull=True)
        .select_related("person", "unit", "decision")
        .first()
    )
    if clash is not None:
        raise EmulationError(
            "emulation.decision.double_award",
            f"{clash.holder_name} đã được khen “{clash.get_title_display()}” năm {work_year.year} "
            f"theo Quyết định số {clash.decision.number}: không khen thưởng hai lần.",
        )


def record_external_decision(
    work_year: WorkYear,
    header: DecisionHeader,
    title: Title,
    *,
    people: Iterable[Person] = (),
    units: Iterable[Unit] = (),
    actor: Actor = None,
) -> Decision:
    """A decision made by another body, recorded with its issuer, number and date."""
    ensure_open(work_year)
    check_decision_header(work_year, header)
    people, units = list(people), list(units)
    if not people and not units:
        raise EmulationError(
            "emulation.decision.empty", "Chọn ít nhất một tập thể hoặc một cá nhân."
        )
    holders: list[Person | Unit] = [*people, *units]
    for holder in holders:
        if holder.agency_id != work_year.agency_id:
            raise EmulationError(
                "emulation.decision.other_agency", f"{holder} không thuộc cơ quan này."
            )
    for p in people:
        check_title_fits_holder(title, person=p, unit=None)
    for u in units:
        check_title_fits_holder(title, person=None, unit=u)
    check_not_awarded(
        work_year, [(p.pk, None, title) for p in people] + [(None, u.pk, title) for u in units]
    )
    with transaction.atomic():
        decision = create_decision(work_year, header, recorded_by=_user(actor))
        Award.objects.bulk_create(
            [Award(decision=decision, work_year=work_year, person=p, title=title) for p in people]
            + [Award(decision=decision, work_year=work_year, unit=u, title=title) for u in units]
        )
        record(
            "emulation.record_decision",
            actor=actor,
            target=decision,
            agency_code=work_year.agency.code,
            data={
                "issuer": decision.issuer,
                "number": decision.number,
                "title": str(title),
                "awards": len(people) + len(units),
            },
        )
    return decision


def as_user(actor: Actor) -> AbstractBaseUser | AnonymousUser:
    """The vote engine always records someone: an anonymous user stands for a script."""
    return actor if actor is not None else AnonymousUser()


def _user(actor: Actor) -> Any:
    return actor if actor is not None and actor.is_authenticated else None
