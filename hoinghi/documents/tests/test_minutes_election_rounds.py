"""The minutes tell an election that took two rounds round by round, and the presidium's
decision on the seat left empty (they told only the last round, without the decision)."""

from __future__ import annotations

import pytest

from hoinghi.conference import selectors, services
from hoinghi.conference.tests.test_elections import candidates_of, two_rounds_one_seat_empty
from hoinghi.documents.builders import election_lines
from hoinghi.documents.services import render_kind
from hoinghi.documents.tests.test_types import full_text, load
from hoinghi.testing import World

pytestmark = pytest.mark.django_db


def test_the_minutes_give_every_round_and_the_presidium_s_decision(world: World) -> None:
    conference, election = two_rounds_one_seat_empty(world)
    a, _, c, _ = candidates_of(world)
    services.record_unfinished_decision(
        election, text="Bầu bổ sung 01 thành viên tại Hội nghị gần nhất.", actor=world.clerk
    )
    lines = election_lines(selectors.election_record(election))
    assert lines[0] == "Hội nghị bầu Ban thanh tra nhân dân qua 02 vòng."
    assert lines[1].startswith("Vòng 1: bầu 03 thành viên.")
    assert any(line.startswith("Vòng 2: bầu 01 thành viên.") for line in lines)
    assert f"{a.full_name} (09 phiếu)" in " ".join(lines)  # elected in the first round
    assert f"{c.full_name} (04 phiếu)" in " ".join(lines)  # short in the second
    assert lines[-1] == "Đoàn Chủ tịch quyết định: Bầu bổ sung 01 thành viên tại Hội nghị gần nhất."
    minutes = full_text(load(render_kind("bien-ban-hoi-nghi", world.agency, conference.year)))
    assert "Vòng 2: bầu 01 thành viên." in minutes
    assert "Đoàn Chủ tịch quyết định: Bầu bổ sung 01 thành viên" in minutes
