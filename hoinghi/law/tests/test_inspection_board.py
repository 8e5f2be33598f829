"""Ban thanh tra nhân dân rules B1–B9 on docs/domain/examples.md §8 B and the boundaries."""

from __future__ import annotations

from datetime import date

import pytest

from hoinghi.law.conference import (
    BoardCandidateFacts,
    BoardPosition,
    BoardRequiredFacts,
    BoardSizeFacts,
    BoardStructureFacts,
    BoardTermFacts,
    CandidateVotes,
    DeadlineStatus,
    ElectionFacts,
    ElectionOutcome,
    InspectionNoticeFacts,
    RecognitionFacts,
    RecommendationFacts,
    decide,
    tally_election,
)
from hoinghi.law.options import ConferenceOptions, DayKind, InspectionBoardOptions
from hoinghi.law.parameters import NotInForce
from hoinghi.law.results import Basis

ON = date(2026, 1, 20)


@pytest.mark.parametrize(
    ("staff", "special", "required"),
    [
        pytest.param(7, False, False, id="A5: 7 staff, no board, union acts"),
        pytest.param(8, False, True, id="A5: 8 staff, board required"),
        pytest.param(8, True, False, id="8 staff, special case approved by upper union"),
    ],
)
def test_board_required(staff: int, special: bool, required: bool) -> None:
    result = decide("inspection_board.required", BoardRequiredFacts(staff, special), on=ON)
    assert result.outcome is required
    if not required:
        assert "inspection_board.required.union_acts" in [r.code for r in result.reasons]


def test_before_the_law_of_2022_there_is_no_board_rule_in_force() -> None:
    with pytest.raises(NotInForce) as raised:
        decide("inspection_board.required", BoardRequiredFacts(20), on=date(2023, 6, 30))
    assert "không có quy định áp dụng ngày 30/06/2023" in str(raised.value)


def test_the_law_s_board_rules_apply_from_1_july_2023_before_decree_59() -> None:
    on = date(2023, 7, 1)
    assert decide("inspection_board.required", BoardRequiredFacts(20), on=on).outcome is True
    assert decide("inspection_board.size", BoardSizeFacts(9), on=on).ok
    assert not decide(
        "inspection_board.eligibility", BoardCandidateFacts((BoardPosition.DEPUTY_HEAD,)), on=on
    ).ok
    assert decide("inspection_board.term", BoardTermFacts(on), on=on).outcome == date(2025, 7, 1)


def test_what_decree_59_adds_waits_for_15_august_2023() -> None:
    before, after = date(2023, 8, 14), date(2023, 8, 15)
    with pytest.raises(NotInForce):
        decide("inspection_board.deputies", BoardStructureFacts(9, 2), on=before)
    assert decide("inspection_board.deputies", BoardStructureFacts(9, 2), on=after).ok
    special = BoardRequiredFacts(20, special_case_approved=True)
    early = decide("inspection_board.required", special, on=before)
    assert early.outcome is True
    assert "inspection_board.decree_not_in_force" in [r.code for r in early.reasons]
    assert decide("inspection_board.required", special, on=after).outcome is False
    large = BoardSizeFacts(
        11, special_or_dispersed=True, union_proposed=True, conference_decided=True
    )
    assert not decide("inspection_board.size", large, on=before).ok
    assert decide("inspection_board.size", large, on=after).ok


@pytest.mark.parametrize(
    ("facts", "ok"),
    [
        pytest.param(BoardSizeFacts(2), False, id="B2: 2 members, fewer than 3"),
        pytest.param(BoardSizeFacts(3), True, id="3 members, the minimum"),
        pytest.param(BoardSizeFacts(9), True, id="9 members, the maximum"),
        pytest.param(BoardSizeFacts(10), False, id="B2: 10 members in an ordinary agency"),
        pytest.param(
            BoardSizeFacts(10, True, True, True),
            True,
            id="B2: 10 members, dispersed, union proposal, Conference decision",
        ),
        pytest.param(
            BoardSizeFacts(10, True, True, False),
            False,
            id="10 members, dispersed, no Conference decision",
        ),
    ],
)
def test_board_size(facts: BoardSizeFacts, ok: bool) -> None:
    assert decide("inspection_board.size", facts, on=ON).outcome is ok


@pytest.mark.parametrize(
    ("positions", "works_here", "ok"),
    [
        pytest.param((BoardPosition.CHIEF_ACCOUNTANT,), True, False, id="B4: chief accountant"),
        pytest.param((BoardPosition.DEPUTY_HEAD,), True, False, id="B4: deputy head"),
        pytest.param((BoardPosition.HEAD,), True, False, id="the head"),
        pytest.param(
            (BoardPosition.UNION_COMMITTEE_MEMBER,),
            True,
            True,
            id="B4: union committee member is eligible",
        ),
        pytest.param((), False, False, id="does not work in the agency"),
    ],
)
def test_board_eligibility(
    positions: tuple[BoardPosition, ...], works_here: bool, ok: bool
) -> None:
    result = decide(
        "inspection_board.eligibility", BoardCandidateFacts(positions, works_here), on=ON
    )
    assert result.outcome is ok


@pytest.mark.parametrize(
    ("members", "deputies", "ok"),
    [
        pytest.param(9, 3, False, id="B3: 9 members with 3 deputies"),
        pytest.param(9, 2, True, id="9 members with 2 deputies"),
        pytest.param(7, 2, True, id="B3: 7 members with 2 deputies (no cap below 9)"),
        pytest.param(8, 3, True, id="8 members with 3 deputies"),
    ],
)
def test_board_deputies(members: int, deputies: int, ok: bool) -> None:
    result = decide("inspection_board.deputies", BoardStructureFacts(members, deputies), on=ON)
    assert result.outcome is ok


def test_the_board_s_term_ends_two_years_after_its_election() -> None:
    result = decide("inspection_board.term", BoardTermFacts(date(2026, 1, 20)), on=ON)
    assert result.outcome == date(2028, 1, 20)
    assert "Hội nghị năm 2028" in result.explanation


@pytest.mark.parametrize(
    ("ended", "recognized", "deadline", "status"),
    [
        pytest.param(
            date(2026, 1, 16),
            None,
            date(2026, 1, 23),
            DeadlineStatus.DUE,
            id="B1: Conference ended Fri 16/01, recognition by Fri 23/01",
        ),
        pytest.param(
            date(2026, 1, 16),
            date(2026, 1, 23),
            date(2026, 1, 23),
            DeadlineStatus.MET,
            id="recognized on the last working day",
        ),
        pytest.param(
            date(2026, 1, 16),
            date(2026, 1, 26),
            date(2026, 1, 23),
            DeadlineStatus.MISSED,
            id="recognized the Monday after",
        ),
        pytest.param(
            date(2026, 2, 13),
            None,
            date(2026, 2, 27),
            DeadlineStatus.DUE,
            id="Conference ended Fri 13/02/2026, Tết week does not count",
        ),
    ],
)
def test_recognition_deadline(
    ended: date, recognized: date | None, deadline: date, status: DeadlineStatus
) -> None:
    result = decide(
        "inspection_board.recognition_deadline", RecognitionFacts(ended, recognized), on=ended
    )
    assert result.values["deadline"] == deadline and result.outcome is status


@pytest.mark.parametrize(
    ("starts", "latest"),
    [
        pytest.param(
            date(2026, 3, 11), date(2026, 3, 4), id="B6: inspection Wed 11/03, notify by 04/03"
        ),
        pytest.param(date(2026, 2, 24), date(2026, 2, 10), id="inspection after Tết 2026"),
    ],
)
def test_notice_deadline(starts: date, latest: date) -> None:
    result = decide("inspection_board.notice_deadline", InspectionNoticeFacts(starts), on=starts)
    assert result.values["deadline"] == latest


@pytest.mark.parametrize(
    ("options", "deadline", "basis"),
    [
        pytest.param(
            None,
            date(2026, 3, 17),
            Basis.UNVERIFIED,
            id="B7: received 02/03, reply by 17/03 (calendar days)",
        ),
        pytest.param(
            ConferenceOptions(inspection_board=InspectionBoardOptions(DayKind.WORKING)),
            date(2026, 3, 23),
            Basis.AGENCY,
            id="agency reads 15 working days",
        ),
    ],
)
def test_reply_deadline(options: ConferenceOptions | None, deadline: date, basis: Basis) -> None:
    result = decide(
        "inspection_board.reply_deadline",
        RecommendationFacts(date(2026, 3, 2)),
        on=date(2026, 3, 2),
        options=options,
    )
    assert result.values["deadline"] == deadline
    assert "inspection_board.reply.day_kind" in [r.code for r in result.reasons if r.basis is basis]


def test_a_board_member_is_elected_with_more_than_half_of_those_present() -> None:
    facts = ElectionFacts(
        3,
        40,
        (
            CandidateVotes("An", 30),
            CandidateVotes("Bình", 21),
            CandidateVotes("Chi", 20),
            CandidateVotes("Dũng", 25),
        ),
    )
    result = tally_election(facts, on=ON, inspection_board=True)
    assert result.rule == "inspection_board.election"
    assert result.outcome is ElectionOutcome.COMPLETE
    assert result.values["elected"] == ["An", "Dũng", "Bình"]
    assert result.values["votes_needed"] == 21


def test_reasons_name_a_candidate_by_label_while_the_outcome_keeps_the_key() -> None:
    """The vote engine keys candidates by ballot id; its reasons must read as names."""
    facts = ElectionFacts(
        1,
        10,
        (CandidateVotes("7", 8, label="Ngô Văn Tra"), CandidateVotes("8", 2, label="Bùi Thị Hội")),
    )
    result = tally_election(facts, on=ON, inspection_board=True)
    assert result.values["elected"] == ["7"]
    sentences = [r.sentence for r in result.reasons]
    assert "Ngô Văn Tra trúng cử với 8 phiếu" in sentences
    assert any(s.startswith("Bùi Thị Hội không trúng cử: 2 phiếu") for s in sentences)
