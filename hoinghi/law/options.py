"""Agency options: what the law leaves to the agency, and the defaults for what is unverified.

Each field says whether it is **[U]** (docs/domain/unverified.md marks it unverified: the default is the
project's best reading, not the law) or **agency** (the law leaves it to the agency's own
regulation, quy chế). A rule whose outcome rests on one of these fields says so in its
reasons with ``Basis.UNVERIFIED`` ("chưa xác minh") or ``Basis.AGENCY`` ("theo quy chế
của cơ quan").

The options are frozen dataclasses with defaults, one per domain. The admin stores an
agency's choices as rows and builds these objects; the JSON command accepts an
``"options"`` object beside ``"facts"``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

# --- Calendar conventions ------------------------------------------------------------------


class DayCount(enum.StrEnum):
    """Whether a period counts the day of the event (docs/domain/rules.md §7 notation ``wd(x)``) [U]."""

    NEXT_DAY = "next_day"  # the day after the event is day 1 (Bộ luật Dân sự 2015 Art 147)
    SAME_DAY = "same_day"  # the day of the event is day 1


class DeadlineRoll(enum.StrEnum):
    """What happens when a deadline counted in calendar days ends on a day off [U]."""

    NONE = "none"  # the deadline stays on that day (stricter: a reminder comes earlier)
    NEXT_WORKING_DAY = "next_working_day"  # Bộ luật Dân sự 2015 Art 148.5 reading


class DayKind(enum.StrEnum):
    """Whether "N ngày" means calendar days or working days [U]."""

    CALENDAR = "calendar"
    WORKING = "working"


@dataclass(frozen=True, slots=True)
class CalendarOptions:
    """How periods are counted (docs/domain/rules.md §7, §9.20)."""

    # [U] counting starts the day after the event (general civil-law counting).
    day_count: DayCount = DayCount.NEXT_DAY
    # [U] a calendar-day deadline that ends on a weekend or holiday is not moved.
    deadline_roll: DeadlineRoll = DeadlineRoll.NONE
    # [U] for a minimum posting period ("ít nhất 20 ngày liên tục", L10 Art 48) the day of
    # posting is day 1 (docs/domain/examples.md §8 A10: posted 12/01, up through at least 31/01).
    posting_first_day_counts: bool = True
    # [U] whether a Saturday worked in exchange for a swapped day off (làm bù) counts as a
    # working day of a "N ngày làm việc" deadline. Default: no, Monday to Friday only, as in
    # docs/domain/examples.md §8 A10 (Mon 05/01/2026 + 5 → Mon 12/01/2026 although Sat 10/01/2026 was worked).
    count_make_up_days: bool = False
    # [U] Ngày Văn hóa Việt Nam 24/11, reported as a paid day off from 2026, not read in a
    # primary text: not a day off unless the agency says so (a decision of Fri 20/11/2026 has
    # until 27/11 to be published; with the day off, until 30/11).
    culture_day_off: bool = False
    # [U] a year whose days off are projected from the Labour Code before the yearly notice
    # (2027): use the projection (True) or answer that the year's days off are not known.
    projected_days_off: bool = True


# --- Conference (Hội nghị cán bộ, công chức, viên chức, người lao động) ---------------------


class BallotBase(enum.StrEnum):
    """Denominator of "more than half" in an election (docs/domain/conference.md §1.5 VOTE-3) [U]."""

    PRESENT = "present"  # those present at the Conference (L10 Art 51.2.c read literally)
    VALID_BALLOTS = "valid_ballots"  # valid ballots, if the agency's regulation says so


class ElectionTieRule(enum.StrEnum):
    """How seats are filled when candidates tie or more pass than there are seats [U]."""

    # The k candidates with most votes among those passing are elected; a tie at the last
    # seat leaves that seat to a new round of voting among the tied candidates.
    TOP_K_REVOTE_ON_TIE = "top_k_revote_on_tie"
    # If more candidates pass than there are seats, the whole election is voted again.
    REVOTE_IF_OVERSUBSCRIBED = "revote_if_oversubscribed"


class VotingMethod(enum.StrEnum):
    """Show of hands or secret ballot (docs/domain/conference.md §1.5 VOTE-2): the agency's regulation."""

    SHOW_OF_HANDS = "show_of_hands"  # biểu quyết giơ tay
    SECRET_BALLOT = "secret_ballot"  # bỏ phiếu kín


class DelegateAllocation(enum.StrEnum):
    """How delegates of a delegate Conference are chosen (docs/domain/conference.md §1.4 ATT-3) [U, agency]."""

    ELECTED_BY_SUB_UNITS = "elected_by_sub_units"  # sub-units elect at their own meetings
    APPOINTED_BY_HEAD_AND_UNION = "appointed_by_head_and_union"


@dataclass(frozen=True, slots=True)
class InspectionBoardOptions:
    """Options of the Ban thanh tra nhân dân rules (docs/domain/conference.md §1.10, §9.20)."""

    # [U] "15 ngày" for the head's answer to a recommendation (L10 Art 63.1.c).
    reply_day_kind: DayKind = DayKind.CALENDAR


@dataclass(frozen=True, slots=True)
class ConferenceOptions:
    """Options of the Conference and Ban thanh tra nhân dân rules (docs/domain/conference.md §1, §9.2–9.5, §9.20).

    Every rule of :mod:`hoinghi.law.conference` takes ``options: ConferenceOptions | None``.
    """

    # agency: the resolution and agenda are usually adopted by show of hands.
    resolution_voting_method: VotingMethod = VotingMethod.SHOW_OF_HANDS
    # agency: elections (the Ban thanh tra nhân dân) usually by secret ballot.
    election_voting_method: VotingMethod = VotingMethod.SECRET_BALLOT
    # [U] denominator of an election's "more than half".
    ballot_base: BallotBase = BallotBase.PRESENT
    # [U] ties and over-subscription in a multi-seat election.
    election_tie_rule: ElectionTieRule = ElectionTieRule.TOP_K_REVOTE_ON_TIE
    # [agency] a strike-out ballot that strikes every name: valid (a vote for no one) or not.
    blank_ballot_valid: bool = True
    # [U, agency] delegate allocation; ex-officio delegates (leaders, union committee,
    # Ban thanh tra nhân dân) attend on top of the elected ones.
    delegate_allocation: DelegateAllocation = DelegateAllocation.ELECTED_BY_SUB_UNITS
    ex_officio_delegates: bool = True
    # [U] old regime (Decree 04/2015 + TT 01/2016, before 01/07/2023): the regular
    # Conference was held "at year end"; the window is taken as this many months before the
    # end of the work year up to this many months after it.
    old_regime_window_months_before: int = 3
    old_regime_window_months_after: int = 3
    # [U] old regime: staff count from which a delegate Conference could be chosen
    # (docs/domain/conference.md §1.12: "100 or 200").
    old_regime_delegate_threshold: int = 100
    # Day-counting conventions for the Conference deadlines (publication, posting, follow-up).
    calendar: CalendarOptions = CalendarOptions()
    # The Ban thanh tra nhân dân elected by the Conference.
    inspection_board: InspectionBoardOptions = InspectionBoardOptions()


# --- Documents ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DocumentOptions:
    """Options of the document form rules (numbers, symbols)."""

    # [U] a Party document's number below 10 written with two digits ("Số 05-BC/VPTU"), as in
    # practice; HD 36 shows the form "Số 12-BC/VPTU" and is not read on numbers below 10.
    party_number_padding: bool = True


# --- Evaluation and emulation ----------------------------------------------------------------
# Section kept for the evaluation (đánh giá, xếp loại) and emulation (thi đua, khen thưởng)
# options: ratio base, rounding, internal caps, registration requirement… Add them below as
# their own frozen dataclasses.

from fractions import Fraction  # noqa: E402 - evaluation and emulation section

from hoinghi.law.evaluation.vocabulary import (  # noqa: E402
    EvaluationRegime,
    PartyShareBound,
    Rating,
    RatioBase,
    Rounding,
    SmallUnitRule,
)


@dataclass(frozen=True, slots=True)
class EvaluationOptions:
    """Options of the classification rules (docs/domain/evaluation.md §3, §9.13–9.17).

    Every rule of :mod:`hoinghi.law.evaluation` takes ``options: EvaluationOptions | None``.
    """

    # agency: D233 Art 20.1 lets a unit without its own evaluation regulation keep D90/D48
    # for the 2026 year-end round; set to EvaluationRegime.D90 to pin it.
    pinned_regime: EvaluationRegime | None = None
    # [U] denominator of "20 % of those rated HTTNV": HTTNV only (literal) or HTTNV and above.
    ratio_base: RatioBase = RatioBase.GOOD_ONLY
    # [U] rounding of a cap ("không vượt quá": floor).
    rounding: Rounding = Rounding.FLOOR
    # [U] how "fewer than 5 subordinate units → at most 1 excellent" combines with the 20 %.
    small_unit_rule: SmallUnitRule = SmallUnitRule.ALLOW_ONE
    # [U] regime for elected cadres (cán bộ) after D90's repeal: D335's scale by default.
    cadre_regime: EvaluationRegime = EvaluationRegime.D335
    # agency: D233 Art 20.2, the unit head decides whether D233 applies to contract workers.
    contract_workers_under_d233: bool = False
    # agency: D233 Art 20.3, Party and mass-organisation units decide whether to apply D233.
    party_units_apply_d233: bool = True
    # [U] D335 text not read: apply the "fewer than 6 months → not classified" rule to it.
    d335_short_service_rule: bool = True
    # [U] D48 (15/09/2023 – 2025): the staff's excellent share may not exceed "the Party
    # members' share under the Party's rules". Read as the cap those rules set for Party members
    # (party_cap_share of those rated HTTNV), or as the share observed among the list's members.
    party_share_bound: PartyShareBound = PartyShareBound.PARTY_CAP
    # [U] the Party's cap on excellent members (HD 21-HD/BTCTW 2019: 20 % of those rated HTTNV).
    party_cap_share: Fraction = Fraction(1, 5)


@dataclass(frozen=True, slots=True)
class BonusMultiple:
    """The bonus of one title as a multiple of the base salary, as the agency sets it."""

    title: str  # the title's code (hoinghi.law.emulation.Title), e.g. "ldtt", "cstdcs"
    multiple: Fraction


@dataclass(frozen=True, slots=True)
class EmulationOptions:
    """Options of the emulation title rules (docs/domain/emulation.md §2, §9.6–9.11).

    Every rule of :mod:`hoinghi.law.emulation` takes ``options: EmulationOptions | None``.
    """

    # [U] apply the reported Law 06/2026/QH16 criteria (CSTĐCS = HTXS and an initiative)
    # to decisions from 01/10/2026; off by default, with a warning reason.
    apply_law_2026: bool = False
    # agency: internal cap on Chiến sĩ thi đua cơ sở from 2024 (no statutory cap), as a
    # share of the Lao động tiên tiến count; None = no cap. The legacy value was 15 %.
    cstdcs_cap_share: Fraction | None = None
    # agency: internal cap on Lao động tiên tiến as a share of those classified; None = none.
    ldtt_cap_share: Fraction | None = None
    # [U] rounding of emulation caps.
    cap_rounding: Rounding = Rounding.FLOOR
    # [U] registration as a condition of titles: None = required up to 2023 (Law 2003
    # Art 10.1.b), not required afterwards; True/False = the agency's regulation.
    registration_required: bool | None = None
    # [U, agency] share of all council members voting yes, for years from 2024 (legacy 90 %).
    council_share: Fraction = Fraction(9, 10)
    # [U] L06 Tập thể lao động tiên tiến: keep the old "no member disciplined with a warning
    # or heavier" clause.
    collective_discipline_clause: bool = False
    # [U] L06 Tập thể lao động tiên tiến: share of members who must be Lao động tiên tiến
    # ("trên 50%" reported kept from the 2003 Law); None = the dated default.
    ttldtt_ldtt_share: Fraction | None = None
    # [U] Tập thể lao động xuất sắc "100% thành viên hoàn thành nhiệm vụ": whether a member not
    # classified in the year (under six months) counts as not completing. Default: left out.
    unclassified_count_as_not_done: bool = False
    # [U] months of service in the year below which a new recruit is not considered; None =
    # the dated default (10 up to 2023, 6 from 2024).
    min_months_new_recruit: int | None = None
    # [U] from 2024: maternity leave still counts as working time (reported kept).
    maternity_counted: bool = True
    # [U] from 2024: a person disciplined in the year is not Lao động tiên tiến (the 2003
    # Law's rule, reported kept by TT 01/2024); None = that default, flagged unverified;
    # True/False = the agency's regulation.
    discipline_bars_ldtt: bool | None = None
    # agency: Giấy khen criteria (L06 Art 75 leaves them to ministries and provinces).
    giay_khen_min_rating: Rating = Rating.GOOD
    giay_khen_requires_achievement: bool = True
    # [U] Giấy khen bonus as a multiple of the base salary; None = not computed.
    giay_khen_multiple: Fraction | None = None
    # [U] bonus multiples of the base salary the agency applies, by title (e.g.
    # [{"title": "cstdcs", "multiple": "1"}]); a title not listed keeps the
    # dated default, flagged unverified where it is.
    bonus_multiples: tuple[BonusMultiple, ...] = ()
    # [U] the base salary (đồng/tháng) the agency applies; None = the dated table.
    base_salary: int | None = None
    # [U] from 01/07/2025 (two-tier local government): the body the agency's proposals and
    # reports go to, as its regulation names it; "" = the chair of the People's Committee of
    # its superior's level, flagged unverified (how Decree 152/2025 spreads the powers).
    superior_body: str = ""
