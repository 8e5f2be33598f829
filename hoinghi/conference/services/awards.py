"""Awards presented at the conference (read from emulation decisions, or entered) and the pledge."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db import IntegrityError, transaction

from hoinghi.actors import Actor
from hoinghi.conference import rules
from hoinghi.conference.models import Award, Conference, Pledge
from hoinghi.conference.services.guards import ConferenceError, audit, require_open
from hoinghi.emulation import selectors as emulation_selectors
from hoinghi.emulation.models import Award as EmulationAward
from hoinghi.law.conference import PledgeFacts, PledgeSigner
from hoinghi.law.emulation.vocabulary import TITLE_LABELS, Title
from hoinghi.org.access import has_role
from hoinghi.org.models import Person, Role, Unit


def add_award(
    conference: Conference,
    *,
    title: str,
    actor: Actor,
    recipient: Person | None = None,
    recipient_unit: Unit | None = None,
    recipient_name: str = "",
    decision_ref: str = "",
    emulation_ref: str = "",
) -> Award:
    name = (
        recipient_name
        or (recipient.full_name if recipient else "")
        or (recipient_unit.name if recipient_unit else "")
    )
    if not title.strip() or not name.strip():
        raise ConferenceError(
            "conference.award.incomplete",
            "Nhập danh hiệu, hình thức khen thưởng và người, tập thể được khen.",
            field="title" if not title.strip() else "recipient_name",
        )
    require_open(conference, "ghi khen thưởng")
    with transaction.atomic():
        award = Award.objects.create(
            conference=conference,
            title=title.strip(),
            recipient=recipient,
            recipient_unit=recipient_unit,
            recipient_name=name.strip(),
            decision_ref=decision_ref,
            emulation_ref=emulation_ref,
        )
        audit("conference.award.add", conference, actor, award=award.pk, title=award.title)
    return award


def pledge_capacity(person: Person, conference: Conference) -> PledgeSigner:
    """In what capacity a person signs the pledge, read from roles and the presidium."""
    if person.user is not None and has_role(person.user, {Role.UNION}, agency=conference.agency):
        return PledgeSigner.UNION_CHAIR
    if person.user is not None and has_role(person.user, {Role.LEADER}, agency=conference.agency):
        return PledgeSigner.HEAD
    return PledgeSigner.OTHER


def sign_pledge(
    conference: Conference,
    *,
    text: str,
    signers: Iterable[Person],
    signed_on: date,
    actor: Actor,
    capacities: dict[int, PledgeSigner] | None = None,
) -> Pledge:
    """The emulation pledge, checked against C9 (the head and the union sign)."""
    require_open(conference, "ký giao ước thi đua")
    signers = list(signers)
    capacities = capacities or {}
    roles = tuple(capacities.get(p.pk) or pledge_capacity(p, conference) for p in signers)
    decision = rules.ask_if_in_force(
        "conference.pledge_signers", PledgeFacts(roles), on=conference.held_on
    )
    if decision is not None and not decision.ok:
        raise ConferenceError("conference.pledge.signers", decision.explanation, field="signers")
    with transaction.atomic():
        pledge, _ = Pledge.objects.update_or_create(
            conference=conference,
            defaults={
                "text": text,
                "signed_on": signed_on,
                "check_result": decision.record() if decision else {},
            },
        )
        pledge.signers.set(signers)
        audit("conference.pledge.sign", conference, actor, signers=[p.staff_code for p in signers])
    return pledge


def import_awards(conference: Conference, *, actor: Actor) -> int:
    """Bring in the awards of the reviewed year's emulation decisions; reruns add nothing twice."""
    require_open(conference, "ghi khen thưởng")
    if conference.reviewed_year is None:
        raise ConferenceError(
            "conference.award.no_year", "Hội nghị chưa gắn với năm công tác được tổng kết."
        )
    grouped = emulation_selectors.awards_for_conference(conference.reviewed_year)
    already = set(
        conference.awards.filter(emulation_award__isnull=False).values_list(
            "emulation_award_id", flat=True
        )
    )
    rows = [
        _award_row(conference, award)
        for awards in grouped.values()
        for award in awards
        if award.pk not in already
    ]
    if not grouped:
        raise ConferenceError(
            "conference.award.no_decisions",
            f"Năm {conference.reviewed_year.year} chưa có quyết định khen thưởng "
            "nào: nhập khen thưởng bằng tay.",
        )
    with transaction.atomic():
        try:
            Award.objects.bulk_create(rows)
        except IntegrityError:
            raise ConferenceError(
                "conference.award.duplicate", "Khen thưởng đã được lấy từ quyết định."
            ) from None
        audit("conference.award.import", conference, actor, imported=len(rows))
    return len(rows)


def _award_row(conference: Conference, award: EmulationAward) -> Award:
    decision = award.decision
    title = (
        TITLE_LABELS.get(Title(award.title), award.title)
        if award.title in set(Title)
        else award.title
    )
    return Award(
        conference=conference,
        recipient=award.person,
        recipient_unit=award.unit,
        recipient_name=award.holder_name,
        title=title,
        decision_ref=str(decision)[:120],
        emulation_ref=decision.number[:60],
        emulation_award=award,
    )


def set_pledge_text(conference: Conference, *, text: str, signed_on: date, actor: Actor) -> Pledge:
    """The text of the giao ước thi đua and the day it is signed."""
    require_open(conference, "soạn giao ước thi đua")
    if not text.strip():
        raise ConferenceError(
            "conference.pledge.empty", "Nhập nội dung giao ước thi đua.", field="text"
        )
    with transaction.atomic():
        pledge, _ = Pledge.objects.update_or_create(
            conference=conference, defaults={"text": text.strip(), "signed_on": signed_on}
        )
        audit("conference.pledge.text", conference, actor, signed_on=signed_on.isoformat())
    return pledge


def pledge_check(
    conference: Conference, signers: Iterable[Person] | None = None
) -> rules.Decision | None:
    """Rule C9 on the signers so far: a warning until the head and the union have signed."""
    if signers is None:
        pledge = Pledge.objects.filter(conference=conference).first()
        signers = list(pledge.signers.all()) if pledge else []
    roles = tuple(pledge_capacity(p, conference) for p in signers)
    return rules.ask_if_in_force(
        "conference.pledge_signers", PledgeFacts(roles), on=conference.held_on
    )


def add_pledge_signer(conference: Conference, *, signer: Person, actor: Actor) -> Pledge:
    """One more signature; the C9 check is kept with the pledge after every signature."""
    require_open(conference, "ký giao ước thi đua")
    pledge = Pledge.objects.filter(conference=conference).first()
    if pledge is None:
        raise ConferenceError(
            "conference.pledge.no_text",
            "Soạn nội dung giao ước thi đua trước khi ký.",
            field="signer",
        )
    if signer.agency_id != conference.agency_id:
        raise ConferenceError(
            "conference.pledge.foreign", f"{signer.full_name} không thuộc cơ quan.", field="signer"
        )
    with transaction.atomic():
        pledge.signers.add(signer)
        decision = pledge_check(conference, list(pledge.signers.all()))
        pledge.check_result = decision.record() if decision else {}
        pledge.save(update_fields=["check_result"])
        audit(
            "conference.pledge.signer",
            conference,
            actor,
            signer=signer.staff_code,
            complete=bool(decision and decision.ok),
        )
    return pledge
