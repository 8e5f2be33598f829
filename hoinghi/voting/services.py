"""Every state change of the vote engine. One transaction and one audit entry each.

API (for the conference and the emulation council)
--------------------------------------------------
Create a poll, freeze its electorate when it opens, take the votes, close it, read it::

    from hoinghi.voting import services, selectors

    poll = services.create_poll(
        agency, title="Thông qua Nghị quyết Hội nghị", kind="motion", secrecy="named",
        method="electronic", legal_date=conference.date, by=user,
        subject_kind="conference.motion", subject_id=str(motion.pk),
        managers=[secretary_user],            # who may open, close and enter counts
        rule=None,                            # default: "conference.adoption" (quá nửa số
                                              # người dự); the council: "emulation.council_ballot"
                                              # + options={"share": "9/10"}
    )
    # an election: kind="election", seats=5, candidates=[(person_or_None, "Họ tên", "ghi chú")],
    # options={"base": "present"|"valid_ballots", "tie_rule": ..., "blank_ballot_valid": True};
    # rule None: "inspection_board.election" where in force on legal_date, else
    # "conference.election". Outcomes: adopted/rejected, complete/revote_needed/seats_unfilled.
    services.open_poll(poll, electors=present_people, present=len(present_people),
                       convened=convened_count, by=user)
    receipt = services.cast_vote(poll, person, choice="for", key=form_key, by=request.user)
    receipt = services.cast_vote(poll, person, kept=[candidate_ids...], key=..., by=...)
    services.record_hand_count(poll, votes_for=40, votes_against=2, abstentions=1, by=user)
    services.set_ballots_issued(poll, 45, by=user)                       # paper ballots
    services.enter_paper_ballot(poll, round=1, sheet=1, kept=[...], by=counter_a)
    services.enter_paper_ballot(poll, round=2, sheet=1, kept=[...], by=counter_b)
    result = services.close_poll(poll, by=user)        # PollResult: outcome, counts, reasons
    selectors.poll_result(poll)  selectors.counting_record(poll)  selectors.receipts(poll)
    selectors.recount_export(poll)   # every ballot + SHA-256 (``hoinghi recount FILE``)

``cast_vote`` is idempotent on ``key``: the same key after a lost response returns the same
receipt (``Receipt.repeated`` is True); a different key for a voter who has voted is refused
("Đã bỏ phiếu"). Every refusal is a :class:`~hoinghi.voting.errors.VotingError` with a code
and a Vietnamese message; nothing is written.
"""

from __future__ import annotations

import hashlib
import json
import random
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import connection, transaction
from django.db.models import F

from hoinghi.actors import Actor
from hoinghi.audit.services import record
from hoinghi.law.parameters import InvalidFacts
from hoinghi.law.registry import rule_for
from hoinghi.org.models import Agency, Person
from hoinghi.voting import (
    ballot_box,
    errors,
    receipts,
    recount,
    selectors,
    subjects,
    tally,
    traces,
)
from hoinghi.voting.errors import VotingError
from hoinghi.voting.models import (
    Ballot,
    Candidate,
    Elector,
    HandCount,
    PaperEntry,
    Participation,
    Poll,
    PollResult,
    PollState,
)
from hoinghi.voting.tally import COUNCIL_RULE, ELECTION_RULE, INSPECTION_BOARD_RULE, MOTION_RULE
from hoinghi.voting.vocabulary import Method, MotionChoice, PollKind, Secrecy

CandidateSpec = tuple[Person | None, str, str]  # person, name, note


@dataclass(frozen=True)
class Receipt:
    code: str  # ten Crockford base32 characters
    repeated: bool = False  # True when this answers a retry of an already counted vote

    @property
    def display(self) -> str:
        return receipts.display(self.code)


# --- Creating and opening -------------------------------------------------------------------


def create_poll(
    agency: Agency,
    *,
    title: str,
    kind: str,
    secrecy: str,
    method: str,
    legal_date: date,
    by: Actor,
    question: str = "",
    seats: int = 1,
    candidates: Sequence[CandidateSpec] = (),
    rule: str | None = None,
    options: dict[str, Any] | None = None,
    subject_kind: str = "",
    subject_id: str = "",
    managers: Iterable[AbstractBaseUser] = (),
    publish_names: bool = False,
) -> Poll:
    kind, secrecy, method = (
        _enum(PollKind, kind, "kind"),
        _enum(Secrecy, secrecy, "secrecy"),
        _enum(Method, method, "method"),
    )
    rule = rule or tally.default_rule(kind, legal_date)
    _check_setup(kind, method, secrecy, rule, seats, candidates, legal_date, title)
    parsed = tally.PollOptions.from_json(options or {})
    with transaction.atomic():
        poll = Poll.objects.create(
            agency=agency,
            title=title.strip(),
            question=question.strip(),
            kind=kind,
            secrecy=secrecy,
            method=method,
            seats=seats,
            rule=rule,
            options=parsed.to_json(),
            legal_date=legal_date,
            subject_kind=subject_kind,
            subject_id=subject_id,
            publish_names=publish_names and secrecy == Secrecy.NAMED,
            created_by=_user(by),
        )
        Candidate.objects.bulk_create(
            Candidate(poll=poll, person=person, name=name.strip(), note=note.strip(), position=i)
            for i, (person, name, note) in enumerate(candidates, start=1)
        )
        poll.managers.set([m.pk for m in managers])
        record(
            "voting.create",
            actor=by,
            target=poll,
            agency_code=agency.code,
            data={"kind": kind, "secrecy": secrecy, "method": method, "rule": rule},
        )
    return poll


def open_poll(
    poll: Poll, *, electors: Iterable[Person], present: int, convened: int, by: Actor
) -> Poll:
    """Freeze the electorate and the attendance numbers it rests on; start taking votes."""
    people = list({p.pk: p for p in electors}.values())
    _check_electorate(poll, people, present, convened)
    digest = _electorate_digest(people, present, convened)
    with transaction.atomic():
        updated = Poll.objects.filter(pk=poll.pk, state=PollState.DRAFT).update(
            state=PollState.OPEN,
            electorate_size=len(people),
            present=present,
            convened=convened,
            electorate_digest=digest,
            revision=F("revision") + 1,
        )
        if not updated:
            raise VotingError(
                "voting.already_open", "Cuộc biểu quyết đã được mở trước đó.", status=409
            )
        Elector.objects.bulk_create(Elector(poll=poll, person=p) for p in people)
        record(
            "voting.open",
            actor=by,
            target=poll,
            agency_code=poll.agency.code,
            data={
                "electorate": len(people),
                "present": present,
                "convened": convened,
                "digest": digest,
            },
        )
    poll.refresh_from_db()
    return poll


# --- Voting ---------------------------------------------------------------------------------


def cast_vote(
    poll: Poll,
    voter: Person,
    *,
    by: Actor,
    choice: str | None = None,
    kept: Sequence[int | str] | None = None,
    key: str | None = None,
) -> Receipt:
    """One electronic vote. Acknowledge (return) only after the commit.

    One statement on PostgreSQL (see :mod:`hoinghi.voting.ballot_box`), which answers a
    status for a refusal or a retry instead of raising inside the database.
    """
    if voter.user_id is None or voter.user_id != getattr(by, "pk", None):
        raise errors.not_self()
    key = key or receipts.new_key()
    if not receipts.is_valid_key(key):
        raise VotingError("voting.bad_key", "Mã gửi phiếu không hợp lệ: hãy tải lại trang.")
    if poll.method != Method.ELECTRONIC:
        raise VotingError("voting.not_electronic", "Cuộc biểu quyết này không bỏ phiếu điện tử.")
    fields = _ballot_fields(poll, choice, kept)
    code, digest = receipts.receipt_for(poll.pk, key), receipts.key_digest(poll.pk, key)
    slip = ballot_box.Slip(
        poll,
        voter.pk,
        voter.user_id,
        code,
        digest,
        fields["choice"],
        fields["kept"],
        named=poll.secrecy == Secrecy.NAMED,
    )
    status = ballot_box.record_vote(slip)
    if status == ballot_box.COUNTED:
        return Receipt(code)
    if status == ballot_box.REPEATED:
        return Receipt(code, repeated=True)
    raise _refusal(status)


def _refusal(status: str) -> VotingError:
    """The vote was not written: the Vietnamese reason of the status the database answered."""
    if status == "voted":
        return errors.already_voted()
    if status == "draft":
        return errors.not_open()
    if status == "not_elector":
        return errors.not_elector()
    if status == "receipt_taken":
        return VotingError(
            "voting.conflict", "Mã gửi phiếu đã được dùng: hãy tải lại trang.", status=409
        )
    return errors.closed()


def _ballot_fields(
    poll: Poll, choice: str | None, kept: Sequence[int | str] | None
) -> dict[str, Any]:
    if poll.kind == PollKind.MOTION:
        if kept:
            raise VotingError("voting.bad_choice", "Biểu quyết này không có danh sách ứng cử viên.")
        if choice not in set(MotionChoice):
            raise VotingError(
                "voting.bad_choice", "Hãy chọn Tán thành, Không tán thành hoặc Không biểu quyết."
            )
        return {"choice": choice, "kept": []}
    if choice:
        raise VotingError("voting.bad_choice", "Phiếu bầu chỉ gồm danh sách ứng cử viên.")
    ids = _candidate_ids(poll, kept or [])
    invalid = tally.ballot_problem(
        len(ids), seats=poll.seats, options=tally.PollOptions.from_json(poll.options)
    )
    if invalid is not None:
        raise VotingError(invalid.code, invalid.sentence + ".")
    return {"choice": "", "kept": sorted(ids)}


def _candidate_ids(poll: Poll, kept: Sequence[int | str]) -> list[int]:
    try:
        ids = [int(k) for k in kept]
    except (TypeError, ValueError):
        raise VotingError("voting.bad_candidate", "Ứng cử viên không hợp lệ.") from None
    if len(set(ids)) != len(ids):
        raise VotingError("voting.bad_candidate", "Một ứng cử viên được chọn hai lần.")
    known = {c.pk for c in selectors.candidates(poll)}
    if not set(ids) <= known:
        raise VotingError(
            "voting.bad_candidate", "Ứng cử viên không thuộc danh sách của cuộc bầu cử này."
        )
    return ids


# --- Show of hands and paper ballots ---------------------------------------------------------


def record_hand_count(
    poll: Poll, *, votes_for: int, votes_against: int, abstentions: int, by: Actor
) -> HandCount:
    """The secretary's counts of raised hands, checked against the frozen number present."""
    _require_open(poll, Method.SHOW_OF_HANDS)
    numbers = {
        "Tán thành": votes_for,
        "Không tán thành": votes_against,
        "Không biểu quyết": abstentions,
    }
    for label, value in numbers.items():
        if value < 0:
            raise VotingError("voting.bad_count", f"{label}: số không được âm.")
    total = sum(numbers.values())
    if total > poll.present:
        raise VotingError(
            "voting.count_over_present",
            f"Tổng số giơ tay ({total}) lớn hơn số người có mặt ({poll.present}).",
        )
    with transaction.atomic():
        hands, _ = HandCount.objects.update_or_create(
            poll=poll,
            defaults={
                "votes_for": votes_for,
                "votes_against": votes_against,
                "abstentions": abstentions,
                "entered_by": _user(by),
            },
        )
        Poll.objects.filter(pk=poll.pk).update(revision=F("revision") + 1)
        record(
            "voting.hands",
            actor=by,
            target=poll,
            agency_code=poll.agency.code,
            data={"for": votes_for, "against": votes_against, "abstain": abstentions},
        )
    return hands


def set_ballots_issued(poll: Poll, count: int, *, by: Actor) -> Poll:
    _require_open(poll, Method.PAPER)
    if count < 0 or count > max(poll.present, poll.electorate_size):
        raise VotingError(
            "voting.bad_issued",
            f"Số phiếu phát ra ({count}) phải từ 0 đến số người có mặt "
            f"({max(poll.present, poll.electorate_size)}).",
        )
    with transaction.atomic():
        Poll.objects.filter(pk=poll.pk).update(ballots_issued=count, revision=F("revision") + 1)
        record(
            "voting.issued",
            actor=by,
            target=poll,
            agency_code=poll.agency.code,
            data={"issued": count},
        )
    poll.refresh_from_db()
    return poll


def enter_paper_ballot(
    poll: Poll,
    *,
    round: int,
    sheet: int,
    by: Actor,
    choice: str | None = None,
    kept: Sequence[int | str] | None = None,
    spoiled: bool = False,
) -> PaperEntry:
    """One counter's entry of one paper sheet; the other round must be typed by someone else."""
    _require_open(poll, Method.PAPER)
    if round not in (1, 2):
        raise VotingError("voting.bad_round", "Lượt nhập phải là 1 hoặc 2.")
    limit = poll.ballots_issued if poll.ballots_issued is not None else poll.present
    if not 1 <= sheet <= max(limit, 0):
        raise VotingError(
            "voting.bad_sheet", f"Số thứ tự phiếu {sheet} phải từ 1 đến {limit} (số phiếu phát ra)."
        )
    fields = _paper_fields(poll, choice, kept, spoiled, sheet)
    if PaperEntry.objects.filter(poll=poll, entered_by=_user(by)).exclude(round=round).exists():
        raise VotingError(
            "voting.same_counter", "Hai lượt nhập phải do hai thành viên Ban kiểm phiếu khác nhau."
        )
    with transaction.atomic():
        entry, _ = PaperEntry.objects.update_or_create(
            poll=poll, round=round, sheet=sheet, defaults={**fields, "entered_by": _user(by)}
        )
        record(
            "voting.paper_entry",
            actor=by,
            target=poll,
            agency_code=poll.agency.code,
            data={"round": round, "sheet": sheet},
        )
    return entry


def _paper_fields(
    poll: Poll, choice: str | None, kept: Sequence[int | str] | None, spoiled: bool, sheet: int
) -> dict[str, Any]:
    if spoiled:
        return {"choice": "", "kept": [], "spoiled": True}
    if poll.kind == PollKind.MOTION:
        if choice not in set(MotionChoice):
            raise VotingError(
                "voting.bad_choice",
                f"Phiếu số {sheet}: hãy chọn Tán thành, Không tán thành hoặc "
                "Không biểu quyết, hoặc đánh dấu phiếu không hợp lệ.",
            )
        return {"choice": choice, "kept": [], "spoiled": False}
    # Over-seat paper ballots are recorded as typed and counted invalid, not refused.
    return {"choice": "", "kept": sorted(_candidate_ids(poll, kept or [])), "spoiled": False}


# --- Closing --------------------------------------------------------------------------------


def close_poll(poll: Poll, *, by: Actor) -> PollResult:
    """Stop taking votes, count, decide through the law, shuffle a secret poll. Idempotent.

    Then the app the poll belongs to decides its subject (:mod:`hoinghi.voting.subjects`).
    """
    result = _close(poll, by)
    poll.refresh_from_db()
    subjects.closed(poll, result, by)  # the conference decides its motion (idempotent)
    return result


def _close(poll: Poll, by: Actor) -> PollResult:
    with transaction.atomic():
        locked = Poll.objects.select_for_update().select_related("agency").get(pk=poll.pk)
        if locked.state == PollState.CLOSED:
            return PollResult.objects.get(poll=locked)
        if locked.state == PollState.DRAFT:
            raise errors.not_open()
        counts = _final_counts(locked)
        Poll.objects.filter(pk=locked.pk).update(state=PollState.CLOSED, revision=F("revision") + 1)
        try:
            decision = tally.decide(locked, counts)
        except InvalidFacts as exc:
            raise VotingError("voting.bad_counts", exc.message) from exc
        if locked.is_secret and locked.method == Method.ELECTRONIC:
            _shuffle(locked)
            transaction.on_commit(traces.erase_after_secret_close)
        outcome = tally.outcome_of(decision)
        export = recount.build_export(locked, counts, outcome)
        result = PollResult.objects.create(
            poll=locked,
            outcome=outcome,
            counts=counts,
            rule=decision.rule,
            rule_version=decision.rule_version,
            citations=[c.render() for c in decision.citations],
            reasons=[r.to_dict() for r in decision.reasons],
            snapshot=decision.to_dict(),
            digest=_digest({"counts": counts, "decision": decision.to_dict()}),
            export_digest=export["digest"],
            closed_by=_user(by),
        )
        record(
            "voting.close",
            actor=by,
            target=locked,
            agency_code=locked.agency.code,
            data={
                "outcome": result.outcome,
                "digest": result.digest,
                "export_digest": result.export_digest,
            },
        )
    return result


def _final_counts(poll: Poll) -> dict[str, Any]:
    if poll.method == Method.SHOW_OF_HANDS:
        hands = HandCount.objects.filter(poll=poll).first()
        if hands is None:
            raise VotingError("voting.no_hands", "Chưa nhập kết quả giơ tay.")
        return tally.count_hands(poll, hands)
    if poll.method == Method.PAPER:
        from hoinghi.voting.selectors import paper_differences

        if poll.ballots_issued is None:
            raise VotingError("voting.no_issued", "Chưa nhập số phiếu phát ra.")
        differences = paper_differences(poll)
        if differences:
            raise VotingError(
                "voting.paper_differences",
                f"Còn {len(differences)} phiếu hai lượt nhập chưa khớp: "
                f"phiếu số {', '.join(str(d.sheet) for d in differences[:10])}.",
            )
        entries = list(PaperEntry.objects.filter(poll=poll))
        return tally.count_paper(poll, entries)
    counts = tally.count_ballots(poll)
    participations = Participation.objects.filter(poll=poll).count()
    if not counts["ballots"] == participations == poll.ballots_cast:
        raise VotingError(
            "voting.inconsistent",
            f"Số phiếu ({counts['ballots']}), số lượt bỏ phiếu ({participations}) "
            f"và bộ đếm ({poll.ballots_cast}) không khớp: không thể kết thúc.",
            status=500,
        )
    return counts


def _shuffle(poll: Poll) -> None:
    """Rewrite ballots and participations with new random keys in a random order.

    Afterwards neither the row order, the primary keys nor PostgreSQL's ``xmin`` (all rows
    now share the closing transaction) link a participation to its ballot.
    """
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA secure_delete = ON")
    rng = random.SystemRandom()
    ballots = list(Ballot.objects.filter(poll=poll).values("receipt", "choice", "kept", "valid"))
    people = list(Participation.objects.filter(poll=poll).values("person_id", "key_digest"))
    rng.shuffle(ballots)
    rng.shuffle(people)
    Ballot.objects.filter(poll=poll).delete()
    Participation.objects.filter(poll=poll).delete()
    Ballot.objects.bulk_create(
        [Ballot(id=uuid.uuid4(), poll=poll, **b) for b in ballots], batch_size=500
    )
    Participation.objects.bulk_create(
        [Participation(id=uuid.uuid4(), poll=poll, **p) for p in people], batch_size=500
    )


# --- Checks ---------------------------------------------------------------------------------


def _check_setup(
    kind: str,
    method: str,
    secrecy: str,
    rule: str,
    seats: int,
    candidates: Sequence[CandidateSpec],
    legal_date: date,
    title: str,
) -> None:
    if not title.strip():
        raise VotingError("voting.no_title", "Tiêu đề: không được để trống.")
    if rule not in tally.RULES_BY_KIND[kind]:
        raise VotingError("voting.bad_rule", f"Quy định {rule} không áp dụng cho loại này.")
    try:
        rule_for(rule, legal_date)
    except Exception as exc:
        raise VotingError(
            "voting.bad_rule", f"Không có quy định {rule} áp dụng ngày {legal_date:%d/%m/%Y}."
        ) from exc
    if method == Method.SHOW_OF_HANDS and (kind != PollKind.MOTION or secrecy != Secrecy.NAMED):
        raise VotingError(
            "voting.bad_method", "Giơ tay chỉ dùng cho biểu quyết công khai một nội dung."
        )
    if kind == PollKind.ELECTION:
        if seats < 1:
            raise VotingError("voting.bad_seats", "Số lượng cần bầu phải từ 1 trở lên.")
        if not candidates:
            raise VotingError("voting.no_candidates", "Danh sách ứng cử viên đang trống.")
        if any(not name.strip() for _, name, _ in candidates):
            raise VotingError("voting.no_candidates", "Có ứng cử viên chưa có họ tên.")


def _check_electorate(poll: Poll, people: list[Person], present: int, convened: int) -> None:
    if present < 0 or convened < 0:
        raise VotingError("voting.bad_attendance", "Số người có mặt, được triệu tập không được âm.")
    if convened and present > convened:
        raise VotingError(
            "voting.bad_attendance",
            f"Số người có mặt ({present}) lớn hơn số người được triệu tập ({convened}).",
        )
    if poll.method == Method.ELECTRONIC and not people:
        raise VotingError("voting.no_electors", "Danh sách người biểu quyết đang trống.")
    outsiders = [p for p in people if p.agency_id != poll.agency_id]
    if outsiders:
        raise VotingError(
            "voting.foreign_elector",
            f"{outsiders[0].full_name} không thuộc cơ quan của cuộc biểu quyết.",
        )
    if poll.method == Method.ELECTRONIC and len(people) > present:
        raise VotingError(
            "voting.bad_attendance",
            f"Danh sách biểu quyết ({len(people)} người) nhiều hơn số người có mặt ({present}).",
        )


def _require_open(poll: Poll, method: str) -> None:
    if poll.method != method:
        raise VotingError("voting.bad_method", "Thao tác không phù hợp với cách biểu quyết.")
    state = Poll.objects.filter(pk=poll.pk).values_list("state", flat=True).first()
    if state == PollState.DRAFT:
        raise errors.not_open()
    if state == PollState.CLOSED:
        raise errors.closed()


def _electorate_digest(people: list[Person], present: int, convened: int) -> str:
    data = {"people": sorted(p.pk for p in people), "present": present, "convened": convened}
    return _digest(data)


def _digest(data: Any) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


def _enum(enum_cls: Any, value: str, field: str) -> str:
    try:
        return str(enum_cls(value))
    except ValueError:
        raise VotingError(
            f"voting.bad_{field}", f"Giá trị {field} không hợp lệ: {value}."
        ) from None


def _user(by: Actor) -> Any:
    return by if getattr(by, "is_authenticated", False) else None


__all__ = [
    "COUNCIL_RULE",
    "ELECTION_RULE",
    "INSPECTION_BOARD_RULE",
    "MOTION_RULE",
    "Receipt",
    "cast_vote",
    "close_poll",
    "create_poll",
    "enter_paper_ballot",
    "open_poll",
    "record_hand_count",
    "set_ballots_issued",
]
