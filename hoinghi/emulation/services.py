"""State changes of the emulation year. Each runs in one transaction with one audit entry.

Year-end eligibility lives in :mod:`hoinghi.emulation.eligibility`; the council's ballot
and the head's decision in :mod:`hoinghi.emulation.council`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction

from hoinghi.actors import Actor
from hoinghi.audit.services import record
from hoinghi.emulation.models import (
    Award,
    Commitment,
    Decision,
    EarlierTitle,
    Initiative,
    Launch,
    Pledge,
    Recognition,
    Registration,
    UnitJudgement,
)
from hoinghi.emulation.rules import registration_required
from hoinghi.emulation.vocabulary import PERSON_TITLES, UNIT_TITLES, Issuer
from hoinghi.law.emulation.vocabulary import TITLE_LABELS, Title
from hoinghi.org.models import Person, Unit, WorkYear
from hoinghi.refusals import Refusal, ensure_year_open
from hoinghi.vietnamese import nfc


class EmulationError(Refusal):
    """A refused change: a stable code and a Vietnamese message naming the field and reason."""


def ensure_open(work_year: WorkYear) -> None:
    ensure_year_open(work_year, EmulationError, "emulation.year_closed", "không thể thay đổi")


def ensure_in_year(work_year: WorkYear, on: date, field: str, label: str) -> None:
    if not (work_year.starts_on <= on <= work_year.ends_on + _GRACE):
        raise EmulationError(
            "emulation.date_outside_year",
            f"{label} ({on:%d/%m/%Y}) không thuộc năm công tác {work_year.year}.",
            field=field,
        )


# Year-end decisions are signed early in the next year (before the Conference).
_GRACE = date(2001, 4, 1) - date(2001, 1, 1)


def launch_emulation(
    work_year: WorkYear,
    *,
    launched_on: date,
    theme: str,
    movements: Sequence[str] = (),
    registration_deadline: date | None = None,
    actor: Actor = None,
) -> Launch:
    """Phát động thi đua: one launch per year; launching again updates it."""
    ensure_open(work_year)
    ensure_in_year(work_year, launched_on, "launched_on", "Ngày phát động")
    theme = nfc(theme)
    if not theme:
        raise EmulationError(
            "emulation.launch.no_theme", "Chưa nhập chủ đề phong trào thi đua.", field="theme"
        )
    with transaction.atomic():
        launch, _ = Launch.objects.update_or_create(
            work_year=work_year,
            defaults={
                "launched_on": launched_on,
                "theme": theme,
                "movements": "\n".join(nfc(m) for m in movements if nfc(m)),
                "registration_deadline": registration_deadline,
            },
        )
        record(
            "emulation.launch",
            actor=actor,
            target=launch,
            agency_code=work_year.agency.code,
            data={"year": work_year.year, "theme": theme},
        )
    return launch


def check_title_fits_holder(title: Title, *, person: Person | None, unit: Unit | None) -> None:
    if person is not None and title not in PERSON_TITLES:
        raise EmulationError(
            "emulation.title_for_units",
            f"Danh hiệu “{TITLE_LABELS[title]}” chỉ dành cho tập thể.",
            field="title",
        )
    if unit is not None and title not in UNIT_TITLES:
        raise EmulationError(
            "emulation.title_for_people",
            f"Danh hiệu “{TITLE_LABELS[title]}” chỉ dành cho cá nhân.",
            field="title",
        )


def register_titles(
    work_year: WorkYear,
    titles: Iterable[Title],
    *,
    person: Person | None = None,
    unit: Unit | None = None,
    on: date,
    actor: Actor = None,
) -> list[Registration]:
    """Đăng ký thi đua of one person or one unit: replaces that holder's registration."""
    ensure_open(work_year)
    if (person is None) == (unit is None):
        raise EmulationError(
            "emulation.registration.holder", "Cần chọn đúng một cá nhân hoặc một tập thể."
        )
    holder = person if person is not None else unit
    assert holder is not None
    if holder.agency_id != work_year.agency_id:
        raise EmulationError(
            "emulation.registration.other_agency", f"{holder} không thuộc cơ quan này."
        )
    wanted = sorted({Title(t) for t in titles})
    for title in wanted:
        check_title_fits_holder(title, person=person, unit=unit)
    check_registration_open(work_year, on)
    with transaction.atomic():
        Registration.objects.filter(work_year=work_year, person=person, unit=unit).delete()
        rows = Registration.objects.bulk_create(
            Registration(
                work_year=work_year,
                person=person,
                unit=unit,
                title=t,
                registered_on=on,
                registered_by=actor if isinstance(actor, User) else None,
            )
            for t in wanted
        )
        record(
            "emulation.register",
            actor=actor,
            target=holder,
            agency_code=work_year.agency.code,
            data={"year": work_year.year, "titles": [str(t) for t in wanted]},
        )
    return rows


def check_registration_open(work_year: WorkYear, on: date) -> None:
    """Past the launch's deadline a registration is refused where registration is a
    condition of titles (the agency's regulation; up to 2023 the law)."""
    launch = Launch.objects.filter(work_year=work_year).first()
    deadline = launch.registration_deadline if launch else None
    if deadline is None or on <= deadline or not registration_required(work_year):
        return
    raise EmulationError(
        "emulation.registration.late",
        f"Đã quá hạn đăng ký thi đua ({deadline:%d/%m/%Y}): quy chế của cơ quan yêu cầu đăng ký thi đua "
        "trước hạn để được xét danh hiệu. Liên hệ văn thư, thường trực Hội đồng Thi đua – Khen thưởng.",
        field="titles",
    )


@dataclass(frozen=True)
class PledgeParties:
    party_a: str
    signer_a: str
    party_b: str
    signer_b: str


def sign_pledge(
    work_year: WorkYear,
    parties: PledgeParties,
    commitments: Sequence[str],
    *,
    signed_on: date,
    kind: str = "head_union",
    units: Iterable[Unit] = (),
    actor: Actor = None,
) -> Pledge:
    """Giao ước thi đua (Điều 51.4.h Luật Thực hiện dân chủ ở cơ sở): parties and commitments."""
    ensure_open(work_year)
    ensure_in_year(work_year, signed_on, "signed_on", "Ngày ký giao ước")
    texts = [nfc(c) for c in commitments if nfc(c)]
    if not texts:
        raise EmulationError(
            "emulation.pledge.empty", "Giao ước chưa có nội dung cam kết nào.", field="commitments"
        )
    for field, value in (
        ("party_a", parties.party_a),
        ("signer_a", parties.signer_a),
        ("party_b", parties.party_b),
        ("signer_b", parties.signer_b),
    ):
        if not nfc(value):
            raise EmulationError(
                "emulation.pledge.party", "Chưa nhập đủ các bên và người ký giao ước.", field=field
            )
    with transaction.atomic():
        pledge = Pledge.objects.create(
            work_year=work_year,
            kind=kind,
            signed_on=signed_on,
            party_a=nfc(parties.party_a),
            signer_a=nfc(parties.signer_a),
            party_b=nfc(parties.party_b),
            signer_b=nfc(parties.signer_b),
        )
        pledge.units.set(list(units))
        Commitment.objects.bulk_create(
            Commitment(pledge=pledge, position=i, text=t) for i, t in enumerate(texts, start=1)
        )
        record(
            "emulation.sign_pledge",
            actor=actor,
            target=pledge,
            agency_code=work_year.agency.code,
            data={"year": work_year.year, "commitments": len(texts)},
        )
    return pledge


def review_pledge(
    pledge: Pledge, results: dict[int, tuple[bool, str]], *, reviewed_on: date, actor: Actor = None
) -> Pledge:
    """Year-end follow-up: ``results`` maps each commitment position to (met, note)."""
    ensure_open(pledge.work_year)
    commitments = list(pledge.commitments.all())
    missing = [c.position for c in commitments if c.position not in results]
    if missing:
        raise EmulationError(
            "emulation.pledge.unreviewed",
            f"Chưa đánh giá nội dung cam kết số {', '.join(map(str, missing))}.",
            field="results",
        )
    with transaction.atomic():
        for c in commitments:
            c.met, note = results[c.position]
            c.note = nfc(note)
        Commitment.objects.bulk_update(commitments, ["met", "note"])
        pledge.reviewed_on = reviewed_on
        pledge.save(update_fields=["reviewed_on"])
        record(
            "emulation.review_pledge",
            actor=actor,
            target=pledge,
            agency_code=pledge.work_year.agency.code,
            data={"met": sum(1 for c in commitments if c.met), "total": len(commitments)},
        )
    return pledge


def record_initiative(
    person: Person,
    *,
    name: str,
    kind: str,
    level: str,
    recognised_on: date,
    recognised_by: str,
    document_number: str = "",
    actor: Actor = None,
) -> Initiative:
    """Sáng kiến or scientific work recognised by a competent body."""
    name, recognised_by = nfc(name), nfc(recognised_by)
    if not name:
        raise EmulationError(
            "emulation.initiative.no_name", "Chưa nhập tên sáng kiến, đề tài.", field="name"
        )
    if not recognised_by:
        raise EmulationError(
            "emulation.initiative.no_body",
            "Chưa nhập cơ quan công nhận sáng kiến.",
            field="recognised_by",
        )
    with transaction.atomic():
        initiative = Initiative.objects.create(
            agency_id=person.agency_id,
            person=person,
            name=name,
            kind=kind,
            level=level,
            recognised_on=recognised_on,
            recognised_by=recognised_by,
            document_number=nfc(document_number),
        )
        record(
            "emulation.record_initiative",
            actor=actor,
            target=initiative,
            agency_code=person.agency.code,
            data={"person": person.staff_code, "level": level},
        )
    return initiative


@dataclass(frozen=True)
class DecisionHeader:
    issuer_kind: Issuer
    issuer: str
    number: str
    signed_on: date
    signer: str = ""


def check_decision_header(work_year: WorkYear, header: DecisionHeader) -> None:
    if not nfc(header.number):
        raise EmulationError(
            "emulation.decision.no_number", "Chưa nhập số quyết định.", field="number"
        )
    if not nfc(header.issuer):
        raise EmulationError(
            "emulation.decision.no_issuer",
            "Chưa nhập cơ quan, người ra quyết định.",
            field="issuer",
        )
    ensure_in_year(work_year, header.signed_on, "signed_on", "Ngày ký quyết định")


def create_decision(work_year: WorkYear, header: DecisionHeader, **fields: object) -> Decision:
    try:
        with transaction.atomic():
            return Decision.objects.create(
                work_year=work_year,
                issuer_kind=header.issuer_kind,
                issuer=nfc(header.issuer),
                number=nfc(header.number),
                signed_on=header.signed_on,
                signer=nfc(header.signer),
                **fields,
            )
    except IntegrityError:
        raise EmulationError(
            "emulation.decision.duplicate",
            f"Quyết định số {header.number} của {header.issuer} đã được nhập cho năm {work_year.year}.",
            field="number",
        ) from None


def record_earlier_title(
    *,
    year: int,
    title: Title,
    person: Person | None = None,
    unit: Unit | None = None,
    decision: str = "",
    actor: Actor = None,
) -> EarlierTitle:
    """A title of a year before the system held it (for consecutive-year titles)."""
    if (person is None) == (unit is None):
        raise EmulationError(
            "emulation.earlier.holder", "Cần chọn đúng một cá nhân hoặc một tập thể."
        )
    holder = person if person is not None else unit
    assert holder is not None
    check_title_fits_holder(title, person=person, unit=unit)
    try:
        with transaction.atomic():
            row = EarlierTitle.objects.create(
                agency_id=holder.agency_id,
                person=person,
                unit=unit,
                year=year,
                title=title,
                decision=nfc(decision),
            )
            record(
                "emulation.record_earlier_title",
                actor=actor,
                target=row,
                agency_code=holder.agency.code,
                data={"year": year, "title": str(title)},
            )
    except IntegrityError:
        raise EmulationError(
            "emulation.earlier.duplicate",
            f"{holder} đã có danh hiệu “{TITLE_LABELS[title]}” năm {year}.",
            field="year",
        ) from None
    return row


def record_recognition(
    work_year: WorkYear,
    name: str,
    *,
    issuer: str = "",
    recognised_on: date | None = None,
    person: Person | None = None,
    unit: Unit | None = None,
    actor: Actor = None,
) -> Recognition:
    """Another recognition of the year: "An toàn về an ninh trật tự", "Gia đình văn hóa"."""
    ensure_open(work_year)
    name = nfc(name)
    if not name:
        raise EmulationError(
            "emulation.recognition.no_name",
            "Chưa nhập tên danh hiệu, tiêu chuẩn được công nhận.",
            field="name",
        )
    with transaction.atomic():
        row = Recognition.objects.create(
            work_year=work_year,
            name=name,
            issuer=nfc(issuer),
            recognised_on=recognised_on,
            person=person,
            unit=unit,
        )
        record(
            "emulation.record_recognition",
            actor=actor,
            target=row,
            agency_code=work_year.agency.code,
            data={"name": name},
        )
    return row


def judge_unit(
    work_year: WorkYear,
    unit: Unit,
    *,
    emulation_active: bool | None,
    unity: bool | None,
    on: date,
    note: str = "",
    actor: Actor = None,
) -> UnitJudgement:
    """The council's judgement of a collective's year (Tập thể lao động tiên tiến, xuất sắc):
    its emulation movement and its unity; ``None`` leaves a criterion not judged."""
    ensure_open(work_year)
    if unit.agency_id != work_year.agency_id:
        raise EmulationError("emulation.judgement.other_agency", f"{unit} không thuộc cơ quan này.")
    if unit.parent_id is not None:
        raise EmulationError(
            "emulation.judgement.sub_unit",
            f"{unit} là đơn vị trực thuộc: Hội đồng đánh giá các tập thể cấp trên trực tiếp.",
        )
    with transaction.atomic():
        row, _ = UnitJudgement.objects.update_or_create(
            work_year=work_year,
            unit=unit,
            defaults={
                "emulation_active": emulation_active,
                "unity": unity,
                "note": nfc(note),
                "judged_on": on,
                "judged_by": actor if isinstance(actor, User) else None,
            },
        )
        record(
            "emulation.judge_unit",
            actor=actor,
            target=unit,
            agency_code=work_year.agency.code,
            data={"year": work_year.year, "emulation_active": emulation_active, "unity": unity},
        )
    return row


def revoke_award(award: Award, *, revoked_on: date, basis: str, actor: Actor = None) -> Award:
    """Thu hồi danh hiệu, hình thức khen thưởng: the award stays on record, marked revoked
    with its date and basis (a decision, a finding), and no longer counts anywhere."""
    basis = nfc(basis)
    if not basis:
        raise EmulationError(
            "emulation.revoke.no_basis",
            "Chưa nhập căn cứ thu hồi (số, ngày quyết định thu hồi và lý do).",
            field="basis",
        )
    if award.revoked_on is not None:
        raise EmulationError(
            "emulation.revoke.already",
            f"Danh hiệu này đã bị thu hồi ngày {award.revoked_on:%d/%m/%Y}.",
        )
    if revoked_on < award.decision.signed_on:
        raise EmulationError(
            "emulation.revoke.before_decision",
            f"Ngày thu hồi ({revoked_on:%d/%m/%Y}) trước ngày ký quyết định khen thưởng "
            f"({award.decision.signed_on:%d/%m/%Y}).",
            field="revoked_on",
        )
    with transaction.atomic():
        award.revoked_on, award.revocation_basis = revoked_on, basis
        award.revoked_by = actor if isinstance(actor, User) else None
        award.save(update_fields=["revoked_on", "revocation_basis", "revoked_by"])
        record(
            "emulation.revoke_award",
            actor=actor,
            target=award,
            agency_code=award.work_year.agency.code,
            data={
                "decision": award.decision.number,
                "title": award.title,
                "basis": basis,
                "revoked_on": revoked_on.isoformat(),
            },
        )
    return award
