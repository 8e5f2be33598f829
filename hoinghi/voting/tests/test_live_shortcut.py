"""The live-state shortcut answers what the full stack answers, and only what it would."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterator

import pytest
from django.urls import reverse

from hoinghi.testing import PASSWORD
from hoinghi.voting import live_shortcut
from hoinghi.voting.tests.factories import motion, vote

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def nothing_seen() -> Iterator[None]:
    live_shortcut.SEEN.clear()
    yield
    live_shortcut.SEEN.clear()


def signed_in(client, user):
    client.login(username=user.username, password=PASSWORD)
    return client


def answer(response) -> tuple[int, bytes, dict[str, str]]:
    headers = {k: v for k, v in response.headers.items() if k != "Set-Cookie"}
    return response.status_code, response.content, headers


def test_a_second_poll_is_answered_in_one_statement_exactly_as_the_full_stack(
    client, world, django_assert_num_queries
):
    poll = motion(world)
    signed_in(client, world.colleague)
    url = reverse("voting:poll-state", args=[poll.pk])
    full = client.get(url)
    key = client.cookies["sessionid"].value
    assert full.status_code == 200 and key in live_shortcut.SEEN
    with django_assert_num_queries(1):
        short = client.get(url)
    assert answer(short) == answer(full)
    assert "Content-Security-Policy" in short and short["X-Frame-Options"] == "DENY"

    with django_assert_num_queries(1):
        short_304 = client.get(url, HTTP_IF_NONE_MATCH=full["ETag"])
    live_shortcut.SEEN.clear()
    full_304 = client.get(url, HTTP_IF_NONE_MATCH=full["ETag"])
    assert short_304.status_code == 304 and answer(short_304) == answer(full_304)

    vote(world, poll, world.head, choice="for")
    changed = client.get(url, HTTP_IF_NONE_MATCH=full["ETag"])
    assert changed.status_code == 200 and changed.json()["ballots_cast"] == 1


def remembered(client, world, user):
    poll = motion(world)
    signed_in(client, user)
    url = reverse("voting:poll-state", args=[poll.pk])
    assert client.get(url).status_code == 200
    key = client.cookies["sessionid"].value
    assert key in live_shortcut.SEEN
    return poll, url, key


def test_a_signed_out_session_is_not_answered(client, world):
    _, url, key = remembered(client, world, world.colleague)
    client.logout()
    client.cookies["sessionid"] = key
    refused = client.get(url)
    assert refused.status_code == 302 and "/dang-nhap/" in refused["Location"]


def test_a_new_password_ends_the_remembered_session(client, world):
    _, url, _ = remembered(client, world, world.colleague)
    world.colleague.set_password("một mật khẩu mới rất dài 2026")
    world.colleague.save()
    assert client.get(url).status_code == 302


def test_a_deactivated_user_is_not_answered(client, world):
    _, url, _ = remembered(client, world, world.colleague)
    world.colleague.is_active = False
    world.colleague.save()
    assert client.get(url).status_code == 302


def test_another_agency_s_poll_is_404_for_a_remembered_session(client, world):
    poll, _, _ = remembered(client, world, world.colleague)
    signed_in(client, world.stranger)
    own = motion(world)  # the stranger is of the other agency: 404 on this agency's polls
    for target in (poll, own):
        assert client.get(reverse("voting:poll-state", args=[target.pk])).status_code == 404
    assert client.cookies["sessionid"].value not in live_shortcut.SEEN


def test_a_session_due_for_its_idle_clock_goes_through_the_full_stack(
    client, world, django_assert_max_num_queries
):
    _, url, key = remembered(client, world, world.colleague)
    old = time.time() - 120
    live_shortcut.SEEN[key] = dataclasses.replace(live_shortcut.SEEN[key], last_seen=old)
    session = client.session
    session["hoinghi_last_seen"] = int(old // 60 * 60)
    session.save()
    assert client.get(url).status_code == 200  # the full stack: the clock moves on, saved
    assert live_shortcut.SEEN[key].last_seen > old
    with django_assert_max_num_queries(1):
        assert client.get(url).status_code == 200
