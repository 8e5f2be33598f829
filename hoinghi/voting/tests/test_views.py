from __future__ import annotations

import pytest
from django.urls import reverse

from hoinghi.testing import PASSWORD
from hoinghi.voting import receipts, services
from hoinghi.voting.models import Ballot, HandCount, PollState
from hoinghi.voting.tests.factories import election, motion, vote

pytestmark = pytest.mark.django_db


def signed_in(client, user):
    client.login(username=user.username, password=PASSWORD)
    return client


def test_a_voter_sees_the_ballot_and_gets_a_receipt(client, world):
    poll = motion(world)
    page = signed_in(client, world.head).get(reverse("voting:view-poll", args=[poll.pk]))
    assert page.status_code == 200 and "Tán thành" in page.text
    key = page.context["form"].initial["key"]
    answer = client.post(reverse("voting:cast-vote", args=[poll.pk]), {"key": key, "choice": "for"})
    assert answer.status_code == 200 and "Mã biên nhận" in answer.text
    shown = receipts.display(Ballot.objects.get(poll=poll).receipt)
    assert answer.context["receipt"] == shown
    assert answer.context["live"]["turnout"].startswith("1/")  # this vote counted, not 0
    again = client.get(reverse("voting:view-poll", args=[poll.pk]))
    assert "Đã bỏ phiếu" in again.text and 'name="choice"' not in again.text
    assert again.context["receipt"] == shown  # from the browser's cookie, not the session
    assert shown not in str(client.session.items())


def test_a_resubmitted_form_gets_the_same_receipt(client, world):
    poll = motion(world)
    signed_in(client, world.head)
    url = reverse("voting:cast-vote", args=[poll.pk])
    first = client.post(url, {"key": "x" * 22, "choice": "for"})
    second = client.post(url, {"key": "x" * 22, "choice": "for"})
    assert first.context["receipt"] == second.context["receipt"]
    assert Ballot.objects.filter(poll=poll).count() == 1


def test_a_second_vote_with_a_new_form_is_refused_with_a_message(client, world):
    poll = motion(world)
    signed_in(client, world.head)
    url = reverse("voting:cast-vote", args=[poll.pk])
    client.post(url, {"key": "x" * 22, "choice": "for"})
    refused = client.post(
        url, {"key": "y" * 22, "choice": "against"}, HTTP_ACCEPT="application/json"
    )
    assert refused.status_code == 409 and "Đã bỏ phiếu" in refused.json()["message"]


def test_an_empty_ballot_form_is_refused_with_a_message(client, world):
    poll = motion(world)
    signed_in(client, world.head)
    answer = client.post(reverse("voting:cast-vote", args=[poll.pk]), {"key": "z" * 22})
    assert answer.status_code == 400 and "Hãy chọn một ý kiến" in answer.text
    assert Ballot.objects.count() == 0


def test_someone_of_another_agency_gets_404(client, world):
    poll = motion(world)
    signed_in(client, world.stranger)
    for name in ("voting:view-poll", "voting:poll-state", "voting:manage", "voting:view-result"):
        assert client.get(reverse(name, args=[poll.pk])).status_code == 404
    assert (
        client.post(
            reverse("voting:cast-vote", args=[poll.pk]), {"key": "s" * 22, "choice": "for"}
        ).status_code
        == 404
    )


def test_an_unknown_poll_is_404(client, world):
    signed_in(client, world.head)
    assert client.get(reverse("voting:view-poll", args=[999999])).status_code == 404


def test_anonymous_visitors_are_sent_to_login(client, world):
    poll = motion(world)
    answer = client.get(reverse("voting:view-poll", args=[poll.pk]))
    assert answer.status_code == 302 and "/dang-nhap/" in answer["Location"]


def test_only_managers_run_the_poll(client, world):
    poll = motion(world, method="show_of_hands")
    signed_in(client, world.colleague)
    assert client.get(reverse("voting:manage", args=[poll.pk])).status_code == 403
    assert client.post(reverse("voting:close-poll", args=[poll.pk])).status_code == 403
    assert (
        client.post(
            reverse("voting:record-hands", args=[poll.pk]),
            {"votes_for": 9, "votes_against": 0, "abstentions": 0},
        ).status_code
        == 403
    )
    assert not HandCount.objects.exists()
    signed_in(client, world.clerk)
    assert client.get(reverse("voting:manage", args=[poll.pk])).status_code == 200
    client.post(
        reverse("voting:record-hands", args=[poll.pk]),
        {"votes_for": 7, "votes_against": 1, "abstentions": 1},
    )
    client.post(reverse("voting:close-poll", args=[poll.pk]))
    poll.refresh_from_db()
    assert poll.state == PollState.CLOSED and poll.result.outcome == "adopted"


def test_hand_counts_over_the_number_present_are_refused(client, world):
    poll = motion(world, method="show_of_hands")
    signed_in(client, world.clerk)
    page = client.post(
        reverse("voting:record-hands", args=[poll.pk]),
        {"votes_for": 9, "votes_against": 1, "abstentions": 0},
        follow=True,
    )
    assert "lớn hơn số người có mặt (9)" in page.text
    assert not HandCount.objects.exists()


def test_a_manager_opens_a_poll_with_the_agency_staff(client, world):
    poll = motion(world, open_it=False)
    signed_in(client, world.clerk)
    client.post(reverse("voting:open-poll", args=[poll.pk]), {"present": 9, "convened": 10})
    poll.refresh_from_db()
    assert poll.state == PollState.OPEN and poll.electorate_size == 9


def test_secret_results_and_receipts_are_hidden_while_open(client, world):
    poll = election(world)
    vote(world, poll, world.head, kept=[])
    for user in (world.clerk, world.admin, world.head):
        signed_in(client, user)
        assert client.get(reverse("voting:view-result", args=[poll.pk])).status_code == 403
        assert client.get(reverse("voting:list-receipts", args=[poll.pk])).status_code == 403
        state = client.get(reverse("voting:poll-state", args=[poll.pk])).json()
        assert set(state) == {
            "poll",
            "state",
            "state_label",
            "ballots_cast",
            "electorate",
            "present",
            "turnout",
            "version",
        }


def test_after_close_the_result_and_the_codes_only_list_are_published(client, world):
    poll = election(world)
    first = poll.candidates.first()
    assert first is not None
    receipt = vote(world, poll, world.head, kept=[first.pk])
    services.close_poll(poll, by=world.clerk)
    signed_in(client, world.colleague)
    result = client.get(reverse("voting:view-result", args=[poll.pk]))
    assert result.status_code == 200 and "Số phiếu của từng ứng cử viên" in result.text
    codes = client.get(reverse("voting:list-receipts", args=[poll.pk]))
    assert receipt.display in codes.text and "Ngô Văn Tra" not in codes.text
    typed = receipt.code.lower().replace("1", "l")  # as a person might type it back
    check = client.get(reverse("voting:list-receipts", args=[poll.pk]), {"ma": typed})
    assert "có trong danh sách" in check.text
    wrong = client.get(reverse("voting:list-receipts", args=[poll.pk]), {"ma": "ZZZZZ-ZZZZZ"})
    assert "Không tìm thấy mã" in wrong.text


def test_the_result_links_the_recount_export_only_to_those_who_may_download_it(client, world):
    poll = election(world)
    first = poll.candidates.first()
    assert first is not None
    vote(world, poll, world.head, kept=[first.pk])
    services.close_poll(poll, by=world.clerk)
    export = reverse("voting:recount-export", args=[poll.pk, "json"])
    signed_in(client, world.colleague)
    page = client.get(reverse("voting:view-result", args=[poll.pk])).text
    assert export not in page and client.get(export).status_code == 403
    assert "Mã băm SHA-256 công bố khi kết thúc" in page  # the digest stays public
    client.logout()
    signed_in(client, world.clerk)
    page = client.get(reverse("voting:view-result", args=[poll.pk])).text
    assert export in page and client.get(export).status_code == 200


def test_the_state_endpoint_answers_304_when_nothing_changed(client, world):
    poll = motion(world)
    signed_in(client, world.colleague)
    url = reverse("voting:poll-state", args=[poll.pk])
    first = client.get(url)
    assert first.status_code == 200
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    vote(world, poll, world.head, choice="for")
    changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed.json()["ballots_cast"] == 1


def test_the_state_endpoint_costs_one_query_when_unchanged(
    client, world, django_assert_max_num_queries
):
    poll = motion(world)
    signed_in(client, world.colleague)
    url = reverse("voting:poll-state", args=[poll.pk])
    etag = client.get(url)["ETag"]
    with django_assert_max_num_queries(5):
        assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_the_poll_list_shows_my_polls_in_bounded_queries(
    client, world, django_assert_max_num_queries
):
    for _ in range(5):
        motion(world)
    signed_in(client, world.head)
    with django_assert_max_num_queries(8):
        page = client.get(reverse("voting:list-polls"))
    assert page.status_code == 200 and page.text.count("Thông qua Nghị quyết") == 5


def test_the_home_page_links_an_open_poll(client, world):
    motion(world)
    page = signed_in(client, world.head).get(reverse("home"))
    assert "Biểu quyết: Thông qua Nghị quyết Hội nghị" in page.text


@pytest.mark.parametrize("make", [motion, election], ids=["motion", "election"])
def test_a_vote_costs_few_statements(client, world, make, django_assert_max_num_queries):
    """Session, user, the elector with poll, agency and person; then the vote transaction:
    one statement on PostgreSQL, one read and four writes in BEGIN … COMMIT on SQLite."""
    poll = make(world)
    signed_in(client, world.head)
    data: dict[str, str | list[str]] = {"key": "k" * 22}
    if make is motion:
        data["choice"] = "for"
    if make is election:
        data["kept"] = [str(c.pk) for c in poll.candidates.all()[:1]]
    with django_assert_max_num_queries(10 if make is motion else 11):  # + the candidates
        answer = client.post(
            reverse("voting:cast-vote", args=[poll.pk]), data, HTTP_ACCEPT="application/json"
        )
    assert answer.status_code == 200, answer.content
    assert Ballot.objects.filter(poll=poll).count() == 1


def test_a_database_outage_answers_503_in_vietnamese_and_the_same_key_counts_once(
    client, world, monkeypatch
):
    from django.db import OperationalError

    from hoinghi.voting import ballot_box

    poll = motion(world, secrecy="secret")
    signed_in(client, world.head)
    url, data = reverse("voting:cast-vote", args=[poll.pk]), {"key": "d" * 22, "choice": "for"}
    record = ballot_box.record_vote

    def away(slip):
        raise OperationalError("could not connect to server: Connection refused")

    monkeypatch.setattr(ballot_box, "record_vote", away)
    answer = client.post(url, data, HTTP_ACCEPT="application/json")
    assert answer.status_code == 503 and answer["Retry-After"]
    body = answer.json()
    assert body["error"] == "voting.unavailable" and "chưa được ghi" in body["message"]
    assert not Ballot.objects.filter(poll=poll).exists()
    monkeypatch.setattr(ballot_box, "record_vote", record)
    first = client.post(url, data, HTTP_ACCEPT="application/json").json()
    again = client.post(url, data, HTTP_ACCEPT="application/json").json()
    assert first["receipt"] == again["receipt"] and again["repeated"] is True
    assert Ballot.objects.filter(poll=poll).count() == 1
