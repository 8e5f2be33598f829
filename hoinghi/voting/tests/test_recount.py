"""docs/reliability.md V6: the recount export, its digest published at the close, the offline recount."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from hoinghi.voting import recount, selectors, services
from hoinghi.voting.models import Poll
from hoinghi.voting.tests.factories import election, motion, vote

pytestmark = pytest.mark.django_db


def closed_motion(world) -> Poll:
    poll = motion(world, secrecy="secret")
    for user, choice in (
        (world.admin, "for"),
        (world.clerk, "for"),
        (world.head, "against"),
        (world.colleague, "abstain"),
        (world.leader, "for"),
    ):
        vote(world, poll, user, choice=choice)
    services.close_poll(poll, by=world.clerk)
    return poll


def closed_election(world) -> Poll:
    poll = election(world, seats=2)
    ids = [c.pk for c in selectors.candidates(poll)]
    for user, kept in (
        (world.admin, ids[:2]),
        (world.clerk, ids[:2]),
        (world.head, ids[1:]),
        (world.colleague, []),
        (world.leader, ids[:1]),
    ):
        vote(world, poll, user, kept=kept)
    services.close_poll(poll, by=world.clerk)
    return poll


@pytest.mark.parametrize("close", [closed_motion, closed_election], ids=["motion", "election"])
def test_the_export_rebuilt_later_has_the_digest_published_at_the_close(world, close):
    poll = close(world)
    export = selectors.recount_export(poll)
    assert export is not None and export["digest"] == poll.result.export_digest
    ballots = export["ballots"]
    assert len(ballots) == 5 and all("voter" not in b for b in ballots)
    # A secret poll's ballots: no receipt (it would prove the choice), in content order.
    assert all("receipt" not in b for b in ballots)
    order = [(b["choice"], b["kept"], b["spoiled"]) for b in ballots]
    assert order == sorted(order)
    checked = recount.recount(json.loads(recount.to_json(export)))
    assert checked.ok, checked.problems
    assert checked.counts == poll.result.counts and checked.outcome == poll.result.outcome


def test_flipping_one_ballot_breaks_the_digest_and_the_counts(world):
    export = selectors.recount_export(closed_motion(world))
    assert export is not None
    flipped = next(b for b in export["ballots"] if b["choice"] == "against")
    flipped["choice"] = "for"
    checked = recount.recount(export)
    assert not checked.digest_ok and not checked.counts_ok and not checked.ok
    assert "tệp đã bị sửa" in checked.problems[0]


def test_the_recount_command_agrees_offline_and_refuses_a_changed_file(
    world, tmp_path: Path, capsys
):
    poll = closed_election(world)
    export = selectors.recount_export(poll)
    assert export is not None
    good = tmp_path / "kiem-phieu.json"
    good.write_text(recount.to_json(export), encoding="utf-8")
    call_command("recount", str(good), "--digest", poll.result.export_digest)
    assert "Kiểm lại khớp" in capsys.readouterr().out
    first = export["ballots"][0]
    first["kept"] = [] if first["kept"] else [export["poll"]["candidates"][0]["key"]]
    bad = tmp_path / "sua.json"
    bad.write_text(recount.to_json(export), encoding="utf-8")
    with pytest.raises(CommandError, match="KHÔNG khớp"):
        call_command("recount", str(bad))
    with pytest.raises(CommandError, match="KHÔNG khớp"):
        call_command("recount", str(good), "--digest", "0" * 64)


def test_the_named_poll_export_keeps_its_receipts_in_receipt_order(world):
    poll = motion(world)
    codes = [vote(world, poll, u, choice="for").code for u in (world.head, world.leader)]
    services.close_poll(poll, by=world.clerk)
    export = selectors.recount_export(poll)
    assert export is not None
    assert [b["receipt"] for b in export["ballots"]] == sorted(codes)


def test_only_the_counting_roles_download_the_export_after_the_close(client, world):
    poll = closed_motion(world)
    client.force_login(world.clerk)  # the poll's manager
    as_json = client.get(reverse("voting:recount-export", args=[poll.pk, "json"]))
    assert as_json.status_code == 200
    assert json.loads(as_json.content)["digest"] == poll.result.export_digest
    as_csv = client.get(reverse("voting:recount-export", args=[poll.pk, "csv"]))
    text = as_csv.content.decode()
    assert as_csv.status_code == 200 and "Không tán thành" in text
    receipts = {row.code.replace("-", "") for row in selectors.receipts(poll)}
    assert len(receipts) == 5 and not [r for r in receipts if r in text]
    client.force_login(world.outsider)  # a colleague of the agency, not a manager
    for fmt in ("json", "csv"):
        assert client.get(reverse("voting:recount-export", args=[poll.pk, fmt])).status_code == 403
    page = client.get(reverse("voting:view-result", args=[poll.pk]))
    assert poll.result.export_digest in page.text


def test_candidate_names_that_look_like_formulas_stay_text_in_the_csv(world):
    poll = election(world, seats=1)
    candidate = selectors.candidates(poll)[0]
    type(candidate).objects.filter(pk=candidate.pk).update(name='=HYPERLINK("http://x","y")')
    vote(world, poll, world.head, kept=[candidate.pk])
    services.close_poll(poll, by=world.clerk)
    export = selectors.recount_export(poll)
    assert export is not None
    text = recount.to_csv(export)
    assert "'=HYPERLINK" in text and ",=HYPERLINK" not in text and '"=HYPERLINK' not in text


def test_the_export_is_refused_before_the_close_and_outside_the_agency(client, world):
    poll = motion(world)
    client.force_login(world.clerk)
    assert client.get(reverse("voting:recount-export", args=[poll.pk, "json"])).status_code == 403
    assert client.get(reverse("voting:recount-export", args=[poll.pk, "xml"])).status_code == 404
    assert (
        client.get(reverse("voting:recount-export", args=[poll.pk + 999, "json"])).status_code
        == 404
    )
    client.force_login(world.stranger)
    assert client.get(reverse("voting:recount-export", args=[poll.pk, "json"])).status_code == 404


def test_a_file_of_the_first_format_is_still_recounted(world):
    export = selectors.recount_export(closed_motion(world))
    assert export is not None and export["format"] == recount.FORMAT
    export["format"] = "hoinghi.recount/1"
    export["digest"] = recount.digest_of(export)
    assert recount.recount(export).ok
    export["format"] = "khac/1"
    with pytest.raises(ValueError, match="không phải bản xuất"):
        recount.recount(export)
