"""The two conferences of the seed reports, end to end from scenario files."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.db import transaction

from hoinghi.conference import selectors
from hoinghi.conference.models import Conference, ReminderKind
from hoinghi.org.demo import demo_paths
from hoinghi.org.scenario import load_scenario_data
from hoinghi.org.scenario.files import read_file

pytestmark = pytest.mark.django_db
HERE = Path(__file__).parent / "scenarios"


def load_with_conference(agency_file: str, conference_file: str) -> Conference:
    data = read_file(next(p for p in demo_paths() if p.name == agency_file))
    data["conferences"] = read_file(HERE / conference_file)["conferences"]
    load_scenario_data(data, source=conference_file)
    return Conference.objects.get(agency__code=data["agency"]["code"])


@pytest.fixture(scope="module")
def seeds(django_db_setup: None, django_db_blocker: Any) -> Iterator[dict[str, Conference]]:
    """Both seed conferences loaded once for the module, rolled back at its end (each test runs
    in a savepoint inside), so the scenario files are read and checked once, not per test."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield {
            "ban-dan-van": load_with_conference(
                "ban-dan-van-tinh-uy.yaml", "ban-dan-van-2021.yaml"
            ),
            "huyen-uy": load_with_conference("co-quan-huyen-uy.yaml", "huyen-uy-2024.yaml"),
        }
        transaction.set_rollback(True)


def test_the_ban_dan_van_conference_of_25_12_2020_under_decree_04(
    seeds: dict[str, Conference],
) -> None:
    conference = seeds["ban-dan-van"]
    minutes = selectors.minutes_data(conference)
    assert (minutes.year, minutes.reviewed_year, minutes.held_on) == (
        2021,
        2020,
        date(2020, 12, 25),
    )
    assert (minutes.attendance.present, minutes.attendance.convened) == (15, 15)
    assert minutes.quorum.startswith("Có mặt 15/15") and "cần ít nhất 10" in minutes.quorum
    assert any("04/2015" in c for c in minutes.quorum_citations)
    [vote] = minutes.votes
    assert vote.adopted is True and vote.votes_for == 15
    assert vote.title == "Nghị quyết Hội nghị cán bộ, công chức, lao động năm 2021"
    assert "15/15" in vote.explanation and vote.citations
    assert len(minutes.reports) == 4 and minutes.pledge_signers
    assert conference.is_closed


def test_the_district_office_conference_of_2024_reviewing_2023(
    seeds: dict[str, Conference],
) -> None:
    conference = seeds["huyen-uy"]
    minutes = selectors.minutes_data(conference)
    assert (minutes.year, minutes.reviewed_year) == (2024, 2023)
    assert minutes.attendance.present == minutes.attendance.convened == 32
    assert conference.window_decision["snapshot"]["outcome"] is True
    assert [v.adopted for v in minutes.votes] == [True]
    assert [r.kind for r in minutes.reports][0].startswith("Báo cáo kết quả")
    assert len(minutes.awards) == 3 and len(minutes.targets) == 3
    assert set(minutes.pledge_signers) == {p.full_name for p in conference.pledge.signers.all()}
    assert conference.pledge.check_result["snapshot"]["outcome"] is True
    reviews = [r.due_on for r in conference.reminders.filter(kind=ReminderKind.SIX_MONTH_REVIEW)]
    assert reviews == [date(2024, 7, 19), date(2025, 1, 19)]
    assert [t.text for t in selectors.resolution_targets(conference)][0].startswith("100%")


def test_loading_the_same_file_again_leaves_one_conference(seeds: dict[str, Conference]) -> None:
    again = load_with_conference("ban-dan-van-tinh-uy.yaml", "ban-dan-van-2021.yaml")
    assert Conference.objects.filter(agency=again.agency).get() == again
    assert Conference.objects.count() == 2  # and the other seed conference is untouched


def test_the_same_conference_again_is_kept_as_it_was_without_audit(
    seeds: dict[str, Conference],
) -> None:
    from hoinghi.audit.models import AuditEntry

    conference_entries = AuditEntry.objects.filter(action__startswith="conference.")
    before, entries = seeds["ban-dan-van"], conference_entries.count()
    codes = set(before.participants.values_list("code", flat=True))
    again = load_with_conference("ban-dan-van-tinh-uy.yaml", "ban-dan-van-2021.yaml")
    assert again.pk == before.pk and conference_entries.count() == entries
    assert set(again.participants.values_list("code", flat=True)) == codes  # invitations stay valid
    data = read_file(next(p for p in demo_paths() if p.name == "ban-dan-van-tinh-uy.yaml"))
    data["conferences"] = read_file(HERE / "ban-dan-van-2021.yaml")["conferences"]
    data["conferences"][0]["place"] = "Phòng họp số 2"
    assert load_scenario_data(data).changed
    assert Conference.objects.get(agency=before.agency).place == "Phòng họp số 2"
