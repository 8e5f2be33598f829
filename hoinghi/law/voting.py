"""Tallies of a vote: a motion (tán thành / không tán thành / không biểu quyết), a multi-seat
election on strike-out ballots, and a council ballot against a share of all members.

The vote engine (``hoinghi.voting``) counts; these rules decide what the counts mean and why.
Each poll stores the code of the rule that decides it (``Poll.rule``), so the Conference's
"more than half of those present" and the emulation council's share of all members are
chosen by the caller, not by the engine.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction

from hoinghi.law.citations import Citation, Confidence, cite
from hoinghi.law.instruments import D04, D91, L10, TT01_2016
from hoinghi.law.options import BallotBase, ElectionTieRule
from hoinghi.law.parameters import InvalidFacts
from hoinghi.law.registry import rule
from hoinghi.law.results import Basis, Reason, Result

L10_FROM = date(2023, 7, 1)
# Before Law 10/2022 the same "more than half of those present" stood in Decree 04/2015 and
# Circular 01/2016 [S]: a D04 version applies the same arithmetic with the old citations.
EARLIEST = date(2015, 3, 1)
D04_TO = date(2023, 6, 30)
OLD_CITATION = cite(TT01_2016, 7)
ADOPTION_CITATION = cite(L10, 51, 2, "c")
ELECTION_CITATION = cite(L10, 60, 1)
COUNCIL_CITATION = cite(D91, 45, 8)

MOTION_RULE = "voting.motion"
ELECTION_RULE = "voting.election"
COUNCIL_RULE = "voting.council"


class PollKind(enum.StrEnum):
    MOTION = "motion"  # biểu quyết một nội dung
    ELECTION = "election"  # bầu cử nhiều người


class Secrecy(enum.StrEnum):
    NAMED = "named"  # biểu quyết công khai, ghi tên
    SECRET = "secret"  # bỏ phiếu kín


class Method(enum.StrEnum):
    ELECTRONIC = "electronic"  # bỏ phiếu điện tử
    SHOW_OF_HANDS = "show_of_hands"  # biểu quyết giơ tay: thư ký nhập số
    PAPER = "paper"  # phiếu giấy: Ban kiểm phiếu nhập hai lần


class MotionChoice(enum.StrEnum):
    FOR = "for"  # tán thành
    AGAINST = "against"  # không tán thành
    ABSTAIN = "abstain"  # không biểu quyết


MOTION_CHOICE_LABELS = {
    MotionChoice.FOR: "Tán thành",
    MotionChoice.AGAINST: "Không tán thành",
    MotionChoice.ABSTAIN: "Không biểu quyết",
}


class MotionOutcome(enum.StrEnum):
    ADOPTED = "adopted"  # được thông qua
    REJECTED = "rejected"  # không được thông qua


class ElectionOutcome(enum.StrEnum):
    COMPLETE = "complete"  # đủ số người được bầu
    SEATS_UNFILLED = "seats_unfilled"  # thiếu: bầu bổ sung
    REVOTE = "revote"  # phải bầu lại (bằng phiếu hoặc quá số lượng)


# --- Ballot validity (phiếu hợp lệ) --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BallotRules:
    """What makes a strike-out ballot invalid [agency: quy chế bầu cử of the Conference].

    A ballot that leaves more names than seats is always invalid. Whether a ballot that
    strikes every name counts as valid (with no vote for anyone) is the agency's choice.
    """

    blank_ballot_valid: bool = True

    def to_dict(self) -> dict[str, bool]:
        return {"blank_ballot_valid": self.blank_ballot_valid}


def check_ballot(kept: int, *, seats: int, rules: BallotRules | None = None) -> Reason | None:
    """None when a ballot that leaves ``kept`` names is valid, else the reason it is not."""
    rules = rules or BallotRules()
    if kept > seats:
        return Reason("voting.ballot.over_seats",
                      "Phiếu để lại {kept} tên, nhiều hơn số lượng cần bầu ({seats}): phiếu không "
                      "hợp lệ", None, {"kept": kept, "seats": seats}, Basis.AGENCY)
    if kept == 0 and not rules.blank_ballot_valid:
        return Reason("voting.ballot.blank",
                      "Phiếu gạch hết tên: phiếu không hợp lệ theo quy chế bầu cử", None, {},
                      Basis.AGENCY)
    return None


# --- Motion: more than half of those present (C5) -----------------------------------------


@dataclass(frozen=True, slots=True)
class MotionTallyFacts:
    present: int  # số người có mặt (đã chốt khi mở biểu quyết)
    votes_for: int
    votes_against: int = 0
    abstentions: int = 0


def _require_counts(facts: MotionTallyFacts) -> None:
    for name in ("present", "votes_for", "votes_against", "abstentions"):
        if getattr(facts, name) < 0:
            raise InvalidFacts(name, f"Số {name} không được âm.")
    total = facts.votes_for + facts.votes_against + facts.abstentions
    if total > facts.present:
        raise InvalidFacts("votes_for", f"Tổng số phiếu ({total}) lớn hơn số người có mặt "
                                        f"({facts.present}).")


@rule(code=MOTION_RULE, version="L10", title="Nội dung được thông qua khi quá nửa số người dự "
      "Hội nghị tán thành", cites=(ADOPTION_CITATION,), valid_from=L10_FROM,
      facts=MotionTallyFacts)
def decide_motion(facts: MotionTallyFacts, *, on: date) -> Result:
    """Điểm c khoản 2 Điều 51 Luật 10/2022: quá 50% tổng số người dự Hội nghị tán thành."""
    return _decide_motion(facts, on, "L10", ADOPTION_CITATION, Basis.LAW)


@rule(code=MOTION_RULE, version="D04", title="Nội dung được thông qua khi quá nửa số người dự "
      "Hội nghị tán thành", cites=(cite(D04), OLD_CITATION), valid_from=EARLIEST,
      valid_to=D04_TO, facts=MotionTallyFacts, confidence=Confidence.SECONDARY)
def decide_motion_d04(facts: MotionTallyFacts, *, on: date) -> Result:
    """Chế độ cũ (Nghị định 04/2015, Thông tư 01/2016) [S]: quá nửa số người dự tán thành."""
    return _decide_motion(facts, on, "D04", OLD_CITATION, Basis.UNVERIFIED)


def _decide_motion(facts: MotionTallyFacts, on: date, version: str, citation: Citation,
                   basis: Basis) -> Result:
    _require_counts(facts)
    adopted = facts.votes_for * 2 > facts.present
    needed = facts.present // 2 + 1
    message = ("{votes_for}/{present} người dự tán thành ({share}), cần ít nhất {needed}: "
               + ("được thông qua" if adopted else "không được thông qua"))
    share = _percent(facts.votes_for, facts.present)
    return Result(MOTION_RULE, version, on,
                  MotionOutcome.ADOPTED if adopted else MotionOutcome.REJECTED,
                  {"needed": needed, "present": facts.present, "votes_for": facts.votes_for,
                   "votes_against": facts.votes_against, "abstentions": facts.abstentions}, (
        Reason("voting.motion.adopted" if adopted else "voting.motion.rejected", message,
               citation, {"votes_for": facts.votes_for, "present": facts.present,
                          "needed": needed, "share": share}, basis),
    ))


# --- Council: a share of all members (E12) -------------------------------------------------


@dataclass(frozen=True, slots=True)
class CouncilTallyFacts:
    members: int  # tổng số thành viên Hội đồng
    votes_for: int
    share: Fraction = Fraction(9, 10)  # tỷ lệ của tổng số thành viên [U, agency]


@rule(code=COUNCIL_RULE, version="D91", title="Hội đồng Thi đua – Khen thưởng bỏ phiếu kín",
      cites=(COUNCIL_CITATION,), valid_from=EARLIEST, facts=CouncilTallyFacts,
      confidence=Confidence.SECONDARY)
def decide_council(facts: CouncilTallyFacts, *, on: date) -> Result:
    """Khoản 8 Điều 45 Nghị định 91/2017 [S]: ít nhất 90% tổng số thành viên Hội đồng đồng ý.

    After 2023 the share is the agency's option (DOMAIN §2.8 COUNCIL-1/2, rule E12).
    """
    if facts.members < 1:
        raise InvalidFacts("members", "Hội đồng phải có ít nhất 1 thành viên.")
    if not 0 <= facts.votes_for <= facts.members:
        raise InvalidFacts("votes_for", f"Số phiếu đồng ý ({facts.votes_for}) phải từ 0 đến "
                                        f"số thành viên ({facts.members}).")
    product = facts.share * facts.members
    needed = -((-product.numerator) // product.denominator)
    adopted = facts.votes_for >= needed
    basis = Basis.LAW if on <= date(2023, 12, 31) else Basis.AGENCY
    message = ("{votes_for}/{members} thành viên Hội đồng đồng ý, cần ít nhất {needed} "
               "({share_text} tổng số thành viên): " + ("đạt" if adopted else "không đạt"))
    return Result(COUNCIL_RULE, "D91", on,
                  MotionOutcome.ADOPTED if adopted else MotionOutcome.REJECTED,
                  {"needed": needed, "members": facts.members, "votes_for": facts.votes_for,
                   "share": facts.share}, (
        Reason("voting.council.adopted" if adopted else "voting.council.rejected", message,
               COUNCIL_CITATION, {"votes_for": facts.votes_for, "members": facts.members,
                                  "needed": needed, "share_text": _percent_of(facts.share)},
               basis),
    ))


# --- Election: multi-seat, strike-out ballots (B9) -----------------------------------------


@dataclass(frozen=True, slots=True)
class ElectionTallyFacts:
    seats: int
    present: int  # số người có mặt (đã chốt)
    valid_ballots: int
    votes: Mapping[str, int] = field(default_factory=dict)  # candidate key → votes
    base: BallotBase = BallotBase.PRESENT
    tie_rule: ElectionTieRule = ElectionTieRule.TOP_K_REVOTE_ON_TIE


def _check_election(facts: ElectionTallyFacts) -> int:
    if facts.seats < 1:
        raise InvalidFacts("seats", "Số lượng cần bầu phải từ 1 trở lên.")
    if facts.valid_ballots > facts.present:
        raise InvalidFacts("valid_ballots", f"Số phiếu hợp lệ ({facts.valid_ballots}) lớn hơn số "
                                            f"người có mặt ({facts.present}).")
    for key, count in facts.votes.items():
        if not 0 <= count <= facts.valid_ballots:
            raise InvalidFacts("votes", f"Số phiếu của ứng cử viên {key} ({count}) không hợp lệ.")
    return facts.present if facts.base is BallotBase.PRESENT else facts.valid_ballots


@rule(code=ELECTION_RULE, version="D04", title="Người trúng cử khi được quá nửa số phiếu",
      cites=(cite(D04), OLD_CITATION), valid_from=EARLIEST, valid_to=D04_TO,
      facts=ElectionTallyFacts, confidence=Confidence.UNVERIFIED)
def decide_election_d04(facts: ElectionTallyFacts, *, on: date) -> Result:
    """Chế độ cũ [U]: the same arithmetic as today's rule, under the old citations."""
    result = decide_election(facts, on=on)
    return Result(ELECTION_RULE, "D04", on, result.outcome, result.values, tuple(
        Reason(r.code, r.message, OLD_CITATION, r.params, Basis.UNVERIFIED)
        for r in result.reasons))


@rule(code=ELECTION_RULE, version="L10", title="Người trúng cử khi được quá nửa số phiếu",
      cites=(ADOPTION_CITATION, ELECTION_CITATION), valid_from=L10_FROM,
      facts=ElectionTallyFacts)
def decide_election(facts: ElectionTallyFacts, *, on: date) -> Result:
    """Khoản 1 Điều 60 và điểm c khoản 2 Điều 51 Luật 10/2022: trúng cử khi quá nửa.

    The base (those present or valid ballots) and what happens on ties and over-subscription
    are the agency's regulation [U]; both come in the facts.
    """
    base = _check_election(facts)
    passing = sorted((k for k, v in facts.votes.items() if v * 2 > base),
                     key=lambda k: (-facts.votes[k], k))
    reasons: list[Reason] = [
        Reason("voting.election.threshold",
               "Người trúng cử phải được quá nửa {base_text} ({base}), tức ít nhất {needed} phiếu",
               ADOPTION_CITATION, {"base_text": _base_text(facts.base), "base": base,
                                   "needed": base // 2 + 1},
               Basis.LAW if facts.base is BallotBase.PRESENT else Basis.AGENCY),
    ]
    elected, tied = _fill_seats(passing, facts)
    if len(passing) > facts.seats and facts.tie_rule is ElectionTieRule.REVOTE_IF_OVERSUBSCRIBED:
        outcome = ElectionOutcome.REVOTE
        elected, tied = [], passing
        reasons.append(Reason("voting.election.oversubscribed",
                              "{passing} người đạt quá nửa, nhiều hơn số lượng cần bầu ({seats}): "
                              "bầu lại theo quy chế", ELECTION_CITATION,
                              {"passing": len(passing), "seats": facts.seats}, Basis.AGENCY))
    elif tied:
        outcome = ElectionOutcome.REVOTE
        reasons.append(Reason("voting.election.tie",
                              "{count} người bằng phiếu nhau ở vị trí cuối cùng: bầu lại giữa "
                              "những người này cho {left} chỗ còn lại", ELECTION_CITATION,
                              {"count": len(tied), "left": facts.seats - len(elected)},
                              Basis.AGENCY))
    elif len(elected) < facts.seats:
        outcome = ElectionOutcome.SEATS_UNFILLED
        reasons.append(Reason("voting.election.unfilled",
                              "Chỉ {elected}/{seats} người đạt quá nửa: còn thiếu {left}",
                              ELECTION_CITATION, {"elected": len(elected), "seats": facts.seats,
                                                  "left": facts.seats - len(elected)}))
    else:
        outcome = ElectionOutcome.COMPLETE
        reasons.append(Reason("voting.election.complete", "Đã bầu đủ {seats} người",
                              ELECTION_CITATION, {"seats": facts.seats}))
    return Result(ELECTION_RULE, "L10", on, outcome,
                  {"elected": elected, "tied": tied, "passing": passing, "base": base,
                   "needed": base // 2 + 1, "votes": dict(facts.votes), "seats": facts.seats},
                  tuple(reasons))


def _fill_seats(passing: list[str], facts: ElectionTallyFacts) -> tuple[list[str], list[str]]:
    """The top ``seats`` of those passing; a tie across the last seat goes to a new round."""
    if len(passing) <= facts.seats:
        return passing, []
    cut = facts.votes[passing[facts.seats - 1]]
    if facts.votes[passing[facts.seats]] != cut:
        return passing[: facts.seats], []
    above = [k for k in passing if facts.votes[k] > cut]
    return above, [k for k in passing if facts.votes[k] == cut]


def _base_text(base: BallotBase) -> str:
    return "tổng số người dự Hội nghị" if base is BallotBase.PRESENT else "tổng số phiếu hợp lệ"


def _percent(part: int, whole: int) -> str:
    if whole == 0:
        return "0%"
    return f"{part * 100 / whole:.2f}".rstrip("0").rstrip(".").replace(".", ",") + "%"


def _percent_of(share: Fraction) -> str:
    return _percent(share.numerator, share.denominator)
