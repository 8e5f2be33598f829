"""One strike-out ballot at the Conference: valid or not (B9, the agency's election regulation)."""

from __future__ import annotations

import pytest

from hoinghi.law.conference import check_ballot
from hoinghi.law.options import ConferenceOptions
from hoinghi.law.results import Basis


@pytest.mark.parametrize(
    ("kept", "seats", "blank_valid", "valid"),
    [
        pytest.param(3, 2, True, False, id="three names left for two seats: invalid"),
        pytest.param(2, 2, True, True, id="as many names as seats"),
        pytest.param(1, 2, True, True, id="fewer names than seats"),
        pytest.param(0, 2, True, True, id="every name struck, valid by default"),
        pytest.param(0, 2, False, False, id="every name struck, invalid by the agency rule"),
    ],
)
def test_a_ballot_is_valid_unless_it_keeps_too_many_names(
    kept: int,
    seats: int,
    blank_valid: bool,
    valid: bool,
) -> None:
    options = ConferenceOptions(blank_ballot_valid=blank_valid)
    assert (check_ballot(kept, seats=seats, options=options) is None) is valid


def test_an_over_seat_ballot_says_why_in_vietnamese() -> None:
    problem = check_ballot(6, seats=5)
    assert problem is not None and problem.code == "election.ballot.over_seats"
    assert problem.basis is Basis.AGENCY
    assert problem.sentence == (
        "Phiếu để lại 6 tên, nhiều hơn số lượng cần bầu (5): phiếu không hợp lệ"
    )
