"""The paper-entry page as a counter reads it after each sheet."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from hoinghi.testing import PASSWORD
from hoinghi.voting import services
from hoinghi.voting.tests.factories import election

pytestmark = pytest.mark.django_db


def test_a_sheet_typed_again_or_keeping_too_many_names_is_said_to_the_counter(
    world: Any,
) -> None:
    poll = election(world, seats=2, method="paper")
    services.set_ballots_issued(poll, 5, by=world.clerk)
    a, b, c = poll.candidates.order_by("position").values_list("pk", flat=True)
    counter = Client()
    counter.login(username=world.council.username, password=PASSWORD)
    page = reverse("voting:paper-entry", args=[poll.pk, 1])

    def enter(sheet: int, kept: list[int]) -> str:
        answer = counter.post(page, {"sheet": sheet, "kept": kept}, follow=True)
        return answer.content.decode()

    first = enter(1, [a, b])
    assert "Đã nhập phiếu số 1 (lượt 1)." in first
    assert first.count('<div class="field">') == 3  # each field on a line of its own
    assert "Đã sửa phiếu số 1 (lượt 1): nội dung nhập trước đã được thay." in enter(1, [c])
    too_many = enter(2, [a, b, c])
    assert "Đã nhập phiếu số 2 (lượt 1)." in too_many
    assert "Phiếu giữ lại 3 tên, nhiều hơn 2 người cần bầu" in too_many


def test_an_elector_of_a_paper_poll_is_told_to_vote_in_the_hall_not_given_a_ballot(
    world: Any,
) -> None:
    poll = election(world, seats=2, method="paper")
    elector = Client()
    elector.login(username=world.colleague.username, password=PASSWORD)
    page = elector.get(reverse("voting:view-poll", args=[poll.pk])).content.decode()
    assert "Cuộc này bỏ phiếu giấy tại hội trường; trang này không nhận phiếu." in page
    assert 'id="phieu"' not in page and "Gửi phiếu bầu" not in page
