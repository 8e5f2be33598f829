"""RELIABILITY V6: the recount export, its digest published at the close, the offline recount."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from hoinghi.testing import PASSWORD
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
    assert len(export["ballots"]) == 5 and all("voter" not in b for b in export["ballots"])
    assert [b["receipt"] for b in export["ballots"]] == sorted(
        b["receipt"] for b in export["ballots"]
    )
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


def test_a_member_of_the_agency_downloads_the_export_after_the_close(client, world):
    poll = closed_motion(world)
    client.login(username=world.outsider.username, password=PASSWORD)
    as_json = client.get(reverse("voting:recount-export", args=[poll.pk, "json"]))
    assert as_json.status_code == 200
    assert json.loads(as_json.content)["digest"] == poll.result.export_digest
    as_csv = client.get(reverse("voting:recount-export", args=[poll.pk, "csv"]))
    assert as_csv.status_code == 200 and "Không tán thành" in as_csv.content.decode()
    page = client.get(reverse("voting:view-result", args=[poll.pk]))
    assert poll.result.export_digest in page.text


def test_the_export_is_refused_before_the_close_and_outside_the_agency(client, world):
    poll = motion(world)
    client.login(username=world.head.username, password=PASSWORD)
    assert client.get(reverse("voting:recount-export", args=[poll.pk, "json"])).status_code == 403
    assert client.get(reverse("voting:recount-export", args=[poll.pk, "xml"])).status_code == 404
    assert (
        client.get(reverse("voting:recount-export", args=[poll.pk + 999, "json"])).status_code
        == 404
    )
    client.login(username=world.stranger.username, password=PASSWORD)
    assert client.get(reverse("voting:recount-export", args=[poll.pk, "json"])).status_code == 404
