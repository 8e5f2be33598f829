"""Counting votes at the Conference: motions (C5) and multi-seat elections (B9).

The vote engine calls :func:`tally_motion` and :func:`tally_election` with counts. A motion
passes when more than half of those present approve (L10 Art 51.2.c). A candidate is elected
when more than half of the base vote for them; the base (present or valid ballots), ties at
the last seat and over-subscription follow the agency options ([U], docs/domain/conference.md §1.5 VOTE-3).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from hoinghi.law.citations import Citation, Confidence, cite
from hoinghi.law.conference._common import (
    ADOPTION_SHARE,
    D04_FROM,
    D04_TO,
    L10_FROM,
    options_or_default,
    reason,
    require_at_most,
    require_non_negative,
)
from hoinghi.law.instruments import D04, L10, TT01_2016
from hoinghi.law.options import BallotBase, ConferenceOptions, ElectionTieRule
from hoinghi.law.parameters import InvalidFacts
from hoinghi.law.registry import rule
from hoinghi.law.results import Basis, Reason, Result


def votes_needed(base: int, *, on: date) -> int:
    """The least number of votes that is *more than* half of ``base``: ``floor(base/2) + 1``."""
    share = ADOPTION_SHARE.value(on)
    product = share * base
    return product.numerator // product.denominator + 1


def _basis_of(share_confidence: Confidence) -> Basis:
    return Basis.UNVERIFIED if share_confidence is Confidence.UNVERIFIED else Basis.LAW


# --- C5 Motions ----------------------------------------------------------------------------


class MotionOutcome(enum.StrEnum):
    ADOPTED = "adopted"  # được thông qua
    REJECTED = "rejected"  # không được thông qua


@dataclass(frozen=True, slots=True)
class MotionTallyFacts:
    present: int  # số người dự Hội nghị (the denominator, not total staff)
    votes_for: int
    votes_against: int = 0
    abstentions: int = 0
    content_lawful: bool = True  # không trái pháp luật, phù hợp đạo đức xã hội


def _tally_motion(facts: MotionTallyFacts, on: date, version: str) -> Result:
    for name in ("present", "votes_for", "votes_against", "abstentions"):
        require_non_negative(name, getattr(facts, name))
    cast = facts.votes_for + facts.votes_against + facts.abstentions
    require_at_most("votes_for + votes_against + abstentions", cast, "present", facts.present)
    if facts.present < 1:
        raise InvalidFacts("present", "Số người dự Hội nghị phải từ 1 trở lên.")
    share = ADOPTION_SHARE.at(on)
    needed = votes_needed(facts.present, on=on)
    passed_vote = facts.votes_for >= needed
    reasons: list[Reason] = [
        reason(
            "conference.adoption.passed" if passed_vote else "conference.adoption.not_passed",
            "{votes_for}/{present} người dự tán thành ({percent}); cần trên một nửa, tức ít nhất "
            "{needed}",
            share.citation,
            _basis_of(share.confidence),
            votes_for=facts.votes_for,
            present=facts.present,
            needed=needed,
            percent=_percent(facts.votes_for, facts.present),
        )
    ]
    if not facts.content_lawful:
        reasons.append(
            reason(
                "conference.adoption.unlawful_content",
                "Nội dung trái pháp luật hoặc không phù hợp đạo đức xã hội thì "
                "không được thông qua",
                share.citation,
            )
        )
    outcome = (
        MotionOutcome.ADOPTED if passed_vote and facts.content_lawful else MotionOutcome.REJECTED
    )
    values = {
        "votes_needed": needed,
        "present": facts.present,
        "votes_for": facts.votes_for,
        "share_for": Fraction(facts.votes_for, facts.present),
    }
    return Result("conference.adoption", version, on, outcome, values, tuple(reasons))


def _percent(part: int, whole: int) -> str:
    """Exact percentage with at most two decimals, Vietnamese decimal comma: "53,33 %"."""
    hundredths = (Fraction(part * 100, whole) * 100).__round__()
    whole_part, decimals = divmod(hundredths, 100)
    text = str(whole_part) if decimals == 0 else f"{whole_part},{decimals:02d}".rstrip("0")
    return f"{text} %"


@rule(
    code="conference.adoption",
    version="L10",
    title="Biểu quyết thông qua tại Hội nghị",
    cites=(cite(L10, 51, 2, "c"),),
    valid_from=L10_FROM,
    facts=MotionTallyFacts,
)
def tally_motion_l10(
    facts: MotionTallyFacts, *, on: date, options: ConferenceOptions | None = None
) -> Result:
    """Điểm c khoản 2 Điều 51 Luật 10/2022: trên 50% tổng số người dự Hội nghị tán thành."""
    return _tally_motion(facts, on, "L10")


@rule(
    code="conference.adoption",
    version="D04",
    title="Biểu quyết thông qua tại Hội nghị",
    cites=(cite(D04), cite(TT01_2016, 7)),
    valid_from=D04_FROM,
    valid_to=D04_TO,
    facts=MotionTallyFacts,
    confidence=Confidence.SECONDARY,
)
def tally_motion_d04(
    facts: MotionTallyFacts, *, on: date, options: ConferenceOptions | None = None
) -> Result:
    """Thông tư 01/2016 (Điều 7) [S]: trên 50% số người dự Hội nghị tán thành."""
    return _tally_motion(facts, on, "D04")


# --- B9 Multi-seat elections ---------------------------------------------------------------


class ElectionOutcome(enum.StrEnum):
    COMPLETE = "complete"  # every seat filled
    REVOTE_NEEDED = "revote_needed"  # a tie at the last seat, or over-subscription (option)
    SEATS_UNFILLED = "seats_unfilled"  # fewer candidates passed than there are seats


@dataclass(frozen=True, slots=True)
class CandidateVotes:
    name: str  # who the candidate is: the outcome lists elected and tied by it
    votes: int
    label: str = ""  # how reasons name the candidate when ``name`` is a key (a ballot's id)

    @property
    def shown(self) -> str:
        return self.label or self.name


@dataclass(frozen=True, slots=True)
class ElectionFacts:
    seats: int
    present: int  # số người dự Hội nghị
    candidates: tuple[CandidateVotes, ...]
    valid_ballots: int | None = None  # số phiếu hợp lệ, needed when the base is valid ballots


def _validate_election(facts: ElectionFacts, base_option: BallotBase) -> int:
    if facts.seats < 1:
        raise InvalidFacts("seats", "Số người cần bầu phải từ 1 trở lên.")
    if facts.present < 1:
        raise InvalidFacts("present", "Số người dự Hội nghị phải từ 1 trở lên.")
    if facts.valid_ballots is not None:
        require_non_negative("valid_ballots", facts.valid_ballots)
        require_at_most("valid_ballots", facts.valid_ballots, "present", facts.present)
    if base_option is BallotBase.VALID_BALLOTS and facts.valid_ballots is None:
        raise InvalidFacts(
            "valid_ballots", "Quy chế tính tỷ lệ trên số phiếu hợp lệ: cần nhập số phiếu hợp lệ."
        )
    ballots = facts.valid_ballots if facts.valid_ballots is not None else facts.present
    names: set[str] = set()
    for index, candidate in enumerate(facts.candidates):
        field = f"candidates[{index}]"
        if not candidate.name.strip():
            raise InvalidFacts(f"{field}.name", "Tên người ứng cử không được để trống.")
        if candidate.name in names:
            raise InvalidFacts(f"{field}.name", f"Người ứng cử {candidate.name} bị nhập hai lần.")
        names.add(candidate.name)
        require_non_negative(f"{field}.votes", candidate.votes)
        require_at_most(f"{field}.votes", candidate.votes, "số phiếu", ballots)
    return facts.valid_ballots if base_option is BallotBase.VALID_BALLOTS else facts.present  # type: ignore[return-value]


def check_ballot(
    kept: int, *, seats: int, options: ConferenceOptions | None = None
) -> Reason | None:
    """None when a strike-out ballot that leaves ``kept`` names is valid, else why it is not.

    A ballot that leaves more names than there are seats cannot be counted; whether a ballot
    that strikes every name is valid (a vote for no one) is the agency's election regulation
    (``ConferenceOptions.blank_ballot_valid``) [agency].
    """
    opts = options_or_default(options)
    if kept > seats:
        return Reason(
            "election.ballot.over_seats",
            "Phiếu để lại {kept} tên, nhiều hơn số lượng cần bầu ({seats}): phiếu không hợp lệ",
            None,
            {"kept": kept, "seats": seats},
            Basis.AGENCY,
        )
    if kept == 0 and not opts.blank_ballot_valid:
        return Reason(
            "election.ballot.blank",
            "Phiếu gạch hết tên: phiếu không hợp lệ theo quy chế bầu cử",
            None,
            {},
            Basis.AGENCY,
        )
    return None


def _option_basis(is_default: bool) -> Basis:
    return Basis.UNVERIFIED if is_default else Basis.AGENCY


def _tally_election(
    code: str,
    version: str,
    facts: ElectionFacts,
    on: date,
    options: ConferenceOptions | None,
    citation: Citation,
) -> Result:
    """Who is elected: more than half of the base (L10 Art 51.2.c), then the agency's rule for
    more candidates passing than seats, then each candidate's line and the outcome."""
    opts = options_or_default(options)
    base = _validate_election(facts, opts.ballot_base)
    needed = votes_needed(base, on=on)
    reasons: list[Reason] = [_base_reason(opts, base, needed, citation)]
    ranked = sorted(facts.candidates, key=lambda c: -c.votes)  # stable: input order on ties
    passed = [c for c in ranked if c.votes >= needed]
    elected, tied, tie_reasons = _fill_seats(facts.seats, passed, opts, citation)
    reasons += tie_reasons
    reasons += _candidate_reasons(facts, elected, tied, needed, opts, citation)
    seats_left = facts.seats - len(elected)
    if tied or (len(passed) > facts.seats and not elected):
        outcome = ElectionOutcome.REVOTE_NEEDED
    elif seats_left:
        outcome = ElectionOutcome.SEATS_UNFILLED
        reasons.append(
            reason(
                "election.unfilled",
                "Còn {left} vị trí chưa có người trúng cử",
                citation,
                left=seats_left,
            )
        )
    else:
        outcome = ElectionOutcome.COMPLETE
    values = {
        "base": base,
        "votes_needed": needed,
        "seats_left": seats_left,
        "elected": [c.name for c in elected],
        "passed": [c.name for c in passed],
        "tied": [c.name for c in tied],
    }
    return Result(code, version, on, outcome, values, tuple(reasons))


def _base_reason(opts: ConferenceOptions, base: int, needed: int, citation: Citation) -> Reason:
    """More than half of those present (or of the valid ballots, by the agency's option)."""
    base_label = (
        "số người dự Hội nghị" if opts.ballot_base is BallotBase.PRESENT else "số phiếu hợp lệ"
    )
    return reason(
        "election.base",
        "Trúng cử khi được trên một nửa {base_label} ({base}) bầu, tức ít nhất {needed} phiếu",
        citation,
        _option_basis(opts.ballot_base is ConferenceOptions().ballot_base),
        base_label=base_label,
        base=base,
        needed=needed,
    )


def _tie_basis(opts: ConferenceOptions) -> Basis:
    return _option_basis(opts.election_tie_rule is ConferenceOptions().election_tie_rule)


def _fill_seats(
    seats: int, passed: list[CandidateVotes], opts: ConferenceOptions, citation: Citation
) -> tuple[list[CandidateVotes], list[CandidateVotes], list[Reason]]:
    """The elected and the tied at the last seat when more pass than there are seats [U]:
    the top ones with a re-vote among those tied, or the whole election again."""
    if len(passed) <= seats:
        return passed, [], []
    params = {"count": len(passed), "seats": seats}
    if opts.election_tie_rule is ElectionTieRule.REVOTE_IF_OVERSUBSCRIBED:
        why = reason(
            "election.oversubscribed",
            "{count} người đạt trên một nửa số phiếu nhưng chỉ bầu {seats} người: bầu lại",
            citation,
            _tie_basis(opts),
            **params,
        )
        return [], [], [why]
    last_votes = passed[seats - 1].votes
    above = [c for c in passed if c.votes > last_votes]
    at_last = [c for c in passed if c.votes == last_votes]
    why = reason(
        "election.top_k",
        "{count} người đạt trên một nửa số phiếu cho {seats} vị trí: lấy người có số phiếu cao hơn",
        citation,
        _tie_basis(opts),
        **params,
    )
    if len(above) + len(at_last) == seats:
        return passed[:seats], [], [why]
    return above, at_last, [why]


def _candidate_reasons(
    facts: ElectionFacts,
    elected: list[CandidateVotes],
    tied: list[CandidateVotes],
    needed: int,
    opts: ConferenceOptions,
    citation: Citation,
) -> list[Reason]:
    """One line per candidate elected, the tie to be voted again, one per candidate short."""
    found = [
        reason(
            "election.elected",
            "{name} trúng cử với {votes} phiếu",
            citation,
            name=c.shown,
            votes=c.votes,
        )
        for c in elected
    ]
    if tied:
        found.append(
            reason(
                "election.tie",
                "{names} bằng phiếu nhau ({votes} phiếu) cho {left} vị trí còn lại: "
                "phải bầu lại giữa những người này",
                citation,
                _tie_basis(opts),
                names=", ".join(c.shown for c in tied),
                votes=tied[0].votes,
                left=facts.seats - len(elected),
            )
        )
    found += [
        reason(
            "election.not_elected",
            "{name} không trúng cử: {votes} phiếu, chưa đạt {needed}",
            citation,
            name=c.shown,
            votes=c.votes,
            needed=needed,
        )
        for c in facts.candidates
        if c.votes < needed
    ]
    return found


@rule(
    code="conference.election",
    version="L10",
    title="Kết quả bầu cử tại Hội nghị",
    cites=(cite(L10, 51, 2, "c"),),
    valid_from=L10_FROM,
    facts=ElectionFacts,
)
def tally_election_l10(
    facts: ElectionFacts, *, on: date, options: ConferenceOptions | None = None
) -> Result:
    """Điểm c khoản 2 Điều 51 Luật 10/2022 (by inference): trên 50% người dự bầu."""
    return _tally_election("conference.election", "L10", facts, on, options, cite(L10, 51, 2, "c"))


@rule(
    code="conference.election",
    version="D04",
    title="Kết quả bầu cử tại Hội nghị",
    cites=(cite(D04), cite(TT01_2016, 7)),
    valid_from=D04_FROM,
    valid_to=D04_TO,
    facts=ElectionFacts,
    confidence=Confidence.SECONDARY,
)
def tally_election_d04(
    facts: ElectionFacts, *, on: date, options: ConferenceOptions | None = None
) -> Result:
    """Thông tư 01/2016 (Điều 7) [S]: trên 50% số người dự Hội nghị."""
    citation = ADOPTION_SHARE.at(on).citation
    return _tally_election("conference.election", "D04", facts, on, options, citation)


@rule(
    code="inspection_board.election",
    version="L10",
    title="Kết quả bầu thành viên Ban thanh tra nhân dân",
    cites=(cite(L10, 60, 1), cite(L10, 51, 2, "c")),
    valid_from=L10_FROM,
    facts=ElectionFacts,
)
def tally_inspection_board_election(
    facts: ElectionFacts, *, on: date, options: ConferenceOptions | None = None
) -> Result:
    """Khoản 1 Điều 60, điểm c khoản 2 Điều 51 Luật 10/2022: Hội nghị bầu, trên 50% người dự."""
    return _tally_election("inspection_board.election", "L10", facts, on, options, cite(L10, 60, 1))
