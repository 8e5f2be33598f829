"""Conference rules C1–C12 (docs/domain/rules.md §7) on the worked examples of docs/domain/examples.md §8 A and the boundaries."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from hoinghi.law.conference import (
    AgendaFacts,
    AgendaItem,
    AttendanceForm,
    AttendanceFormFacts,
    CandidateVotes,
    ConferenceDateFacts,
    ConferenceRequirement,
    DeadlineStatus,
    ElectionFacts,
    ElectionOutcome,
    ExtraordinaryRequestFacts,
    FollowupFacts,
    MotionOutcome,
    MotionTallyFacts,
    PledgeFacts,
    PledgeSigner,
    PostingChannel,
    PostingFacts,
    PublicationFacts,
    QuorumFacts,
    StaffFacts,
    WrittenBallotFacts,
    agenda_template,
    decide,
    required_quorum,
    tally_election,
    tally_motion,
)
from hoinghi.law.conference.meeting import check_window_l10
from hoinghi.law.options import BallotBase, ConferenceOptions, ElectionTieRule
from hoinghi.law.parameters import InvalidFacts, NotInForce
from hoinghi.law.results import Basis

ON = date(2026, 1, 20)  # Law 10/2022 regime
OLD = date(2020, 12, 25)  # Decree 04/2015 regime


@pytest.mark.parametrize(
    ("convened", "present", "quorate", "quorum"),
    [
        pytest.param(32, 21, False, 22, id="A1: 32 staff, 21 present: no quorum"),
        pytest.param(32, 22, True, 22, id="A1: 32 staff, 22 present: quorum"),
        pytest.param(15, 15, True, 10, id="A3: 15 of 15 present"),
        pytest.param(60, 40, True, 40, id="A6: 60 delegates, 40 present (exactly 2/3)"),
        pytest.param(60, 39, False, 40, id="A6: 60 delegates, 39 present"),
        pytest.param(30, 20, True, 20, id="exactly two thirds of 30"),
        pytest.param(1, 1, True, 1, id="one person agency"),
    ],
)
def test_quorum(convened: int, present: int, quorate: bool, quorum: int) -> None:
    result = decide("conference.quorum", QuorumFacts(convened, present), on=ON)
    assert result.outcome is quorate
    assert result.values["quorum"] == quorum == required_quorum(convened, on=ON)


def test_quorum_old_regime_uses_tt01() -> None:
    result = decide("conference.quorum", QuorumFacts(15, 15), on=OLD)
    assert result.rule_version == "D04" and result.outcome is True
    assert "01/2016/TT-BNV" in result.reasons[0].text


@pytest.mark.parametrize(
    ("present", "votes_for", "outcome", "needed"),
    [
        pytest.param(30, 15, MotionOutcome.REJECTED, 16, id="A2: 15 of 30 (exactly 50%) rejected"),
        pytest.param(30, 16, MotionOutcome.ADOPTED, 16, id="A2: 16 of 30 adopted"),
        pytest.param(15, 15, MotionOutcome.ADOPTED, 8, id="A3: 15 of 15 adopt (100%)"),
        pytest.param(45, 23, MotionOutcome.ADOPTED, 23, id="A6: 23 of 45 delegates adopt"),
        pytest.param(45, 22, MotionOutcome.REJECTED, 23, id="A6: 22 of 45 rejected"),
    ],
)
def test_motion_tally(present: int, votes_for: int, outcome: MotionOutcome, needed: int) -> None:
    result = tally_motion(MotionTallyFacts(present, votes_for), on=ON)
    assert result.outcome is outcome and result.values["votes_needed"] == needed


def test_unlawful_content_is_not_adopted_whatever_the_vote() -> None:
    result = tally_motion(MotionTallyFacts(15, 15, content_lawful=False), on=ON)
    assert result.outcome is MotionOutcome.REJECTED
    assert "conference.adoption.unlawful_content" in [r.code for r in result.reasons]


def test_more_votes_than_present_is_refused() -> None:
    with pytest.raises(InvalidFacts) as raised:
        tally_motion(MotionTallyFacts(10, 8, 3), on=ON)
    assert raised.value.field == "votes_for + votes_against + abstentions"  # for programs
    assert raised.value.message == (  # for the clerk: Vietnamese words, no field names
        "Tổng số tán thành, không tán thành và không biểu quyết (11) "
        "không được lớn hơn số người dự có mặt (10)."
    )


@pytest.mark.parametrize(
    ("staff", "proposers", "union", "ok", "needed"),
    [
        pytest.param(32, 11, False, True, 11, id="A4: 11 of 32 propose"),
        pytest.param(32, 10, False, False, 11, id="A4: 10 of 32 is not enough"),
        pytest.param(30, 10, False, True, 10, id="exactly one third of 30"),
        pytest.param(32, 0, True, True, 11, id="union committee proposes"),
    ],
)
def test_extraordinary_trigger(
    staff: int, proposers: int, union: bool, ok: bool, needed: int
) -> None:
    facts = ExtraordinaryRequestFacts(staff, proposers, union_committee_proposed=union)
    result = decide("conference.extraordinary_trigger", facts, on=ON)
    assert result.outcome is ok and result.values["proposers_needed"] == needed


def test_old_regime_extraordinary_conference_within_15_days() -> None:
    facts = ExtraordinaryRequestFacts(
        30, 10, requested_on=date(2020, 11, 2), held_on=date(2020, 11, 18)
    )
    result = decide("conference.extraordinary_trigger", facts, on=date(2020, 11, 2))
    assert result.values["deadline"] == date(2020, 11, 17)
    assert result.values["status"] is DeadlineStatus.MISSED


@pytest.mark.parametrize(
    ("conference", "ok"),
    [
        pytest.param(date(2026, 1, 1), True, id="A7: first day of the window"),
        pytest.param(date(2026, 3, 31), True, id="A7: 31/03/2026, last day of the window"),
        pytest.param(date(2026, 4, 2), False, id="A7: 02/04/2026 is late"),
        pytest.param(date(2025, 12, 25), False, id="25/12 before the work year ends"),
    ],
)
def test_window_under_law_10(conference: date, ok: bool) -> None:
    facts = ConferenceDateFacts(conference, date(2025, 12, 31))
    result = decide("conference.window", facts, on=conference)
    assert result.outcome is ok and result.rule_version == "L10"
    assert result.values["window_end"] == date(2026, 3, 31)


def test_window_for_a_work_year_ending_in_june() -> None:
    facts = ConferenceDateFacts(date(2026, 9, 30), date(2026, 6, 30))
    assert decide("conference.window", facts, on=date(2026, 9, 30)).outcome is True


def test_seed_25_12_2020_lawful_under_decree_04_outside_law_10_window() -> None:
    facts = ConferenceDateFacts(OLD, date(2020, 12, 31))
    old = decide("conference.window", facts, on=OLD)
    assert old.rule_version == "D04" and old.outcome is True
    assert old.reasons[0].basis is Basis.UNVERIFIED
    # The same calendar day under Law 10/2022 (work year 2024) is before the window opens.
    new = check_window_l10(
        ConferenceDateFacts(date(2024, 12, 25), date(2024, 12, 31)), on=date(2024, 12, 25)
    )
    assert new.outcome is False


def test_extraordinary_conference_has_no_window() -> None:
    facts = ConferenceDateFacts(date(2026, 7, 15), date(2025, 12, 31), extraordinary=True)
    assert decide("conference.window", facts, on=date(2026, 7, 15)).outcome is True


@pytest.mark.parametrize(
    ("staff", "required"),
    [
        pytest.param(7, ConferenceRequirement.OPTIONAL, id="A5: 7 staff, Conference optional"),
        pytest.param(8, ConferenceRequirement.REQUIRED, id="8 staff, Conference required"),
    ],
)
def test_conference_required(staff: int, required: ConferenceRequirement) -> None:
    assert decide("conference.required", StaffFacts(staff), on=ON).outcome is required


@pytest.mark.parametrize(
    ("staff", "dispersed", "form"),
    [
        pytest.param(99, False, AttendanceForm.PLENARY, id="99 staff: plenary"),
        pytest.param(100, False, AttendanceForm.PLENARY_OR_DELEGATES, id="100 staff: choice"),
        pytest.param(120, False, AttendanceForm.PLENARY_OR_DELEGATES, id="A6: 120 staff: choice"),
        pytest.param(40, True, AttendanceForm.PLENARY_OR_DELEGATES, id="40 dispersed: choice"),
    ],
)
def test_attendance_form(staff: int, dispersed: bool, form: AttendanceForm) -> None:
    result = decide("conference.attendance_form", AttendanceFormFacts(staff, dispersed), on=ON)
    assert result.outcome is form


def test_old_regime_delegate_threshold_is_an_option() -> None:
    options = ConferenceOptions(old_regime_delegate_threshold=200)
    result = decide("conference.attendance_form", AttendanceFormFacts(150), on=OLD, options=options)
    assert result.outcome is AttendanceForm.PLENARY
    assert result.reasons[0].basis is Basis.UNVERIFIED


@pytest.mark.parametrize(
    ("failed", "force_majeure", "agreed", "allowed"),
    [
        pytest.param(2, False, True, True, id="A8: two failed convocations, agreed"),
        pytest.param(1, False, True, False, id="A8: one failed convocation only"),
        pytest.param(1, True, True, True, id="A8: force majeure"),
        pytest.param(2, False, False, False, id="no head–union agreement"),
    ],
)
def test_written_ballot_fallback(
    failed: int, force_majeure: bool, agreed: bool, allowed: bool
) -> None:
    facts = WrittenBallotFacts(failed, force_majeure, agreed)
    assert decide("conference.written_ballot_fallback", facts, on=ON).outcome is allowed


def test_written_ballot_fallback_has_no_old_regime_version() -> None:
    with pytest.raises(NotInForce):
        decide("conference.written_ballot_fallback", WrittenBallotFacts(2), on=OLD)


def test_agenda_template_follows_article_51_4() -> None:
    points = [item.point for item in agenda_template(on=ON)]
    assert points == ["a", "b", "c", "d", "đ", "e", "g", "h", "i"]
    assert agenda_template(on=ON)[-1].title == "Thông qua nghị quyết Hội nghị"
    with pytest.raises(NotInForce):
        agenda_template(on=OLD)


FULL = tuple(item.item for item in agenda_template(on=ON))


@pytest.mark.parametrize(
    ("items", "has_board", "ok", "missing"),
    [
        pytest.param(FULL, True, True, [], id="complete agenda"),
        pytest.param(FULL[:-1], True, False, ["resolution"], id="resolution missing"),
        pytest.param(
            tuple(i for i in FULL if i is not AgendaItem.INSPECTION_BOARD_REPORT),
            False,
            True,
            [],
            id="no inspection board: its report may be skipped",
        ),
        pytest.param(
            (*FULL[:3], AgendaItem.OTHER, *FULL[3:]), True, True, [], id="other business inserted"
        ),
        pytest.param((FULL[1], FULL[0], *FULL[2:]), True, False, [], id="union report first"),
    ],
)
def test_agenda(
    items: tuple[AgendaItem, ...], has_board: bool, ok: bool, missing: list[str]
) -> None:
    result = decide("conference.agenda", AgendaFacts(items, has_board), on=ON)
    assert result.outcome is ok and result.values["missing"] == missing


@pytest.mark.parametrize(
    ("signers", "ok"),
    [
        pytest.param(
            (PledgeSigner.HEAD, PledgeSigner.UNION_CHAIR), True, id="head and union chair"
        ),
        pytest.param((PledgeSigner.HEAD,), False, id="head alone"),
        pytest.param(
            (PledgeSigner.DEPUTY_HEAD, PledgeSigner.UNION_CHAIR), False, id="deputy instead of head"
        ),
    ],
)
def test_pledge_signers(signers: tuple[PledgeSigner, ...], ok: bool) -> None:
    assert decide("conference.pledge_signers", PledgeFacts(signers), on=ON).outcome is ok


def test_the_resolution_is_followed_up_every_six_months() -> None:
    result = decide("conference.followup", FollowupFacts(date(2026, 1, 20)), on=ON)
    assert result.values["due_dates"] == [date(2026, 7, 20), date(2027, 1, 20)]


@pytest.mark.parametrize(
    ("published", "status"),
    [
        pytest.param(None, DeadlineStatus.DUE, id="A10: decided Mon 05/01, due Mon 12/01"),
        pytest.param(date(2026, 1, 12), DeadlineStatus.MET, id="published on the last day"),
        pytest.param(date(2026, 1, 13), DeadlineStatus.MISSED, id="published a day late"),
    ],
)
def test_publication_deadline(published: date | None, status: DeadlineStatus) -> None:
    result = decide(
        "conference.publication_deadline",
        PublicationFacts(date(2026, 1, 5), published),
        on=date(2026, 1, 5),
    )
    assert result.outcome is status and result.values["deadline"] == date(2026, 1, 12)
    assert any(r.basis is Basis.UNVERIFIED for r in result.reasons)


def test_publication_deadline_across_tet() -> None:
    result = decide(
        "conference.publication_deadline", PublicationFacts(date(2026, 2, 12)), on=date(2026, 2, 12)
    )
    assert result.values["deadline"] == date(2026, 2, 26)


@pytest.mark.parametrize(
    ("removed", "status"),
    [
        pytest.param(None, DeadlineStatus.DUE, id="A10: posted 12/01, up through 31/01"),
        pytest.param(date(2026, 2, 1), DeadlineStatus.MET, id="removed 01/02: 20 days"),
        pytest.param(date(2026, 1, 31), DeadlineStatus.MISSED, id="removed 31/01: 19 days"),
    ],
)
def test_posting_duration(removed: date | None, status: DeadlineStatus) -> None:
    result = decide(
        "conference.posting_duration",
        PostingFacts(date(2026, 1, 12), removed),
        on=date(2026, 1, 12),
    )
    assert result.outcome is status
    assert result.values["last_required_day"] == date(2026, 1, 31)
    assert result.values["earliest_removal"] == date(2026, 2, 1)


def test_posting_at_premises_with_written_notice_needs_no_20_days() -> None:
    facts = PostingFacts(date(2026, 1, 12), date(2026, 1, 13), PostingChannel.PREMISES, True)
    assert decide("conference.posting_duration", facts, on=ON).outcome is DeadlineStatus.MET


def _election(seats: int, present: int, *votes: int, **kwargs: Any) -> ElectionFacts:
    names = ["An", "Bình", "Chi", "Dũng", "Giang", "Hà"]
    candidates = tuple(CandidateVotes(names[i], v) for i, v in enumerate(votes))
    return ElectionFacts(seats, present, candidates, **kwargs)


@pytest.mark.parametrize(
    ("facts", "options", "outcome", "elected", "tied"),
    [
        pytest.param(
            _election(3, 30, 20, 18, 17, 3),
            None,
            ElectionOutcome.COMPLETE,
            ["An", "Bình", "Chi"],
            [],
            id="three seats, three pass",
        ),
        pytest.param(
            _election(3, 30, 20, 18, 15),
            None,
            ElectionOutcome.SEATS_UNFILLED,
            ["An", "Bình"],
            [],
            id="15 of 30 is not more than half: seat unfilled",
        ),
        pytest.param(
            _election(2, 30, 20, 17, 17),
            None,
            ElectionOutcome.REVOTE_NEEDED,
            ["An"],
            ["Bình", "Chi"],
            id="tie at the last seat: re-vote",
        ),
        pytest.param(
            _election(2, 30, 20, 19, 17),
            None,
            ElectionOutcome.COMPLETE,
            ["An", "Bình"],
            [],
            id="over-subscribed: top two",
        ),
        pytest.param(
            _election(2, 30, 20, 19, 17),
            ConferenceOptions(election_tie_rule=ElectionTieRule.REVOTE_IF_OVERSUBSCRIBED),
            ElectionOutcome.REVOTE_NEEDED,
            [],
            [],
            id="over-subscribed: agency re-vote",
        ),
        pytest.param(
            _election(1, 30, 14, valid_ballots=26),
            ConferenceOptions(ballot_base=BallotBase.VALID_BALLOTS),
            ElectionOutcome.COMPLETE,
            ["An"],
            [],
            id="14 of 26 valid ballots, base = valid ballots",
        ),
    ],
)
def test_election(
    facts: ElectionFacts,
    options: ConferenceOptions | None,
    outcome: ElectionOutcome,
    elected: list[str],
    tied: list[str],
) -> None:
    result = tally_election(facts, on=ON, options=options)
    assert result.outcome is outcome
    assert result.values["elected"] == elected and result.values["tied"] == tied
    expected_basis = Basis.UNVERIFIED if options is None else Basis.AGENCY
    assert any(r.basis is expected_basis for r in result.reasons)


def test_election_base_valid_ballots_needs_the_count() -> None:
    with pytest.raises(InvalidFacts) as raised:
        tally_election(
            _election(1, 30, 14),
            on=ON,
            options=ConferenceOptions(ballot_base=BallotBase.VALID_BALLOTS),
        )
    assert raised.value.field == "valid_ballots"
