"""Paper ballots: two counters type every sheet; differences block the count until fixed."""

from __future__ import annotations

import pytest
from django.urls import reverse

from hoinghi.testing import PASSWORD
from hoinghi.voting import selectors, services
from hoinghi.voting.errors import VotingError
from hoinghi.voting.models import PaperEntry
from hoinghi.voting.tests.factories import election, motion

pytestmark = pytest.mark.django_db


def paper_election(world):
    poll = election(world, seats=2, method="paper")
    services.set_ballots_issued(poll, 5, by=world.clerk)
    return poll, list(poll.candidates.order_by("position").values_list("pk", flat=True))


def enter_both(world, poll, sheet, **kw):
    services.enter_paper_ballot(poll, round=1, sheet=sheet, by=world.council, **kw)
    services.enter_paper_ballot(poll, round=2, sheet=sheet, by=world.inspector, **kw)


def test_two_matching_rounds_give_the_counting_record(world):
    poll, (a, b, c) = paper_election(world)
    for sheet in (1, 2, 3, 4):
        enter_both(world, poll, sheet, kept=[a, b])
    enter_both(world, poll, 5, kept=[a, b, c])  # more names than seats: invalid
    result = services.close_poll(poll, by=world.clerk)
    record = selectors.counting_record(poll)
    assert record is not None
    assert result.outcome == "seats_unfilled"  # 4 of 9 present is not more than half
    assert (record.ballots_issued, record.ballots_returned, record.valid, record.invalid) == (
        5,
        5,
        4,
        1,
    )
    assert [row.votes for row in record.candidates] == [4, 4, 0]
    assert record.counters == ["Bùi Thị Hội", "Ngô Văn Tra"]


def test_differences_are_listed_and_block_the_close(world):
    poll, (a, b, c) = paper_election(world)
    services.enter_paper_ballot(poll, round=1, sheet=1, kept=[a], by=world.council)
    services.enter_paper_ballot(poll, round=2, sheet=1, kept=[b], by=world.inspector)
    services.enter_paper_ballot(poll, round=1, sheet=2, kept=[a], by=world.council)
    differences = selectors.paper_differences(poll)
    assert [(d.sheet, d.first, d.second) for d in differences] == [
        (1, "Ngô Văn Tra", "Bùi Thị Hội"),
        (2, "Ngô Văn Tra", ""),
    ]
    with pytest.raises(VotingError, match="phiếu số 1, 2"):
        services.close_poll(poll, by=world.clerk)
    services.enter_paper_ballot(poll, round=2, sheet=1, kept=[a], by=world.inspector)
    services.enter_paper_ballot(poll, round=2, sheet=2, kept=[a], by=world.inspector)
    assert selectors.paper_differences(poll) == []
    assert services.close_poll(poll, by=world.clerk).counts["candidates"][str(a)] == 2


def test_one_person_cannot_type_both_rounds(world):
    poll, (a, _, _) = paper_election(world)
    services.enter_paper_ballot(poll, round=1, sheet=1, kept=[a], by=world.council)
    with pytest.raises(VotingError, match="hai thành viên Ban kiểm phiếu khác nhau"):
        services.enter_paper_ballot(poll, round=2, sheet=1, kept=[a], by=world.council)
    assert PaperEntry.objects.filter(round=2).count() == 0


def test_a_sheet_number_beyond_the_ballots_issued_is_refused(world):
    poll, (a, _, _) = paper_election(world)
    with pytest.raises(VotingError, match="từ 1 đến 5"):
        services.enter_paper_ballot(poll, round=1, sheet=6, kept=[a], by=world.council)


def test_a_paper_motion_needs_a_choice_or_the_spoiled_mark(world):
    poll = motion(world, method="paper", secrecy="secret")
    services.set_ballots_issued(poll, 9, by=world.clerk)
    with pytest.raises(VotingError, match="Phiếu số 1"):
        services.enter_paper_ballot(poll, round=1, sheet=1, by=world.council)
    services.enter_paper_ballot(poll, round=1, sheet=1, spoiled=True, by=world.council)
    services.enter_paper_ballot(poll, round=2, sheet=1, spoiled=True, by=world.inspector)
    assert services.close_poll(poll, by=world.clerk).counts["invalid"] == 1


def test_the_counters_pages(client, world):
    poll, (a, b, _) = paper_election(world)
    client.login(username=world.council.username, password=PASSWORD)
    url = reverse("voting:paper-entry", args=[poll.pk, 1])
    assert client.get(url).status_code == 200
    answer = client.post(url, {"sheet": 1, "kept": [a, b]})
    assert answer.status_code == 302
    refused = client.post(
        reverse("voting:paper-entry", args=[poll.pk, 2]), {"sheet": 1, "kept": [a]}
    )
    assert refused.status_code == 400 and "hai thành viên" in refused.text
    client.login(username=world.inspector.username, password=PASSWORD)
    client.post(reverse("voting:paper-entry", args=[poll.pk, 2]), {"sheet": 1, "kept": [a]})
    page = client.get(reverse("voting:paper-differences", args=[poll.pk]))
    assert page.status_code == 200 and "1 phiếu chưa khớp" in page.text
    client.login(username=world.colleague.username, password=PASSWORD)
    assert client.get(url).status_code == 403
