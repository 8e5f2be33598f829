"""The council's judgement of a unit's emulation movement and unity (E3/E4): stored per unit
and year, read by the eligibility computation; not judged yet → the reason says so."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from hoinghi.audit.models import AuditEntry
from hoinghi.emulation import services
from hoinghi.emulation.eligibility import compute_eligibility
from hoinghi.emulation.models import Eligibility, UnitJudgement
from hoinghi.emulation.services import EmulationError
from hoinghi.emulation.tests.builders import district_year, judge_units
from hoinghi.emulation.vocabulary import Outcome
from hoinghi.law.emulation.vocabulary import Title
from hoinghi.org.models import Unit, WorkYear
from hoinghi.org.services import open_work_year
from hoinghi.testing import World

pytestmark = pytest.mark.django_db
TTLDTT, TTLDXS = Title.TAP_THE_LAO_DONG_TIEN_TIEN, Title.TAP_THE_LAO_DONG_XUAT_SAC


def unit_row(work_year: WorkYear, code: str, title: Title) -> Eligibility:
    return Eligibility.objects.select_related("reason_set").get(
        work_year=work_year, title=title, unit__code=code
    )


def test_a_unit_not_judged_yet_gets_no_collective_title_and_the_reason_says_so() -> None:
    work_year = district_year(2023, judged=False)
    compute_eligibility(work_year)
    row = unit_row(work_year, "van-phong", TTLDXS)
    assert row.outcome == Outcome.NOT_ELIGIBLE
    assert row.reasons[0]["code"] == "emulation.ttldxs.not_judged"
    assert "chưa đánh giá phong trào thi đua và sự đoàn kết nội bộ" in row.reason_texts[0]
    assert not Eligibility.objects.filter(
        work_year=work_year, unit__isnull=False, outcome=Outcome.ELIGIBLE
    ).exists()


def test_judged_met_the_units_keep_their_titles_judged_not_met_the_law_says_why() -> None:
    work_year = district_year(2023)
    compute_eligibility(work_year)
    assert unit_row(work_year, "van-phong", TTLDXS).outcome == Outcome.ELIGIBLE
    office = Unit.objects.get(agency=work_year.agency, code="van-phong")
    services.judge_unit(
        work_year, office, emulation_active=True, unity=False, on=date(2023, 12, 20)
    )
    compute_eligibility(work_year)
    row = unit_row(work_year, "van-phong", TTLDTT)
    assert row.outcome == Outcome.NOT_ELIGIBLE
    assert "emulation.ttldtt.unity" in [r["code"] for r in row.reasons]


def test_one_criterion_left_unjudged_names_only_that_one() -> None:
    work_year = district_year(2023, judged=False)
    judge_units(work_year, active=True, unity=None)
    compute_eligibility(work_year)
    text = unit_row(work_year, "van-phong", TTLDTT).reason_texts[0]
    assert "chưa đánh giá sự đoàn kết nội bộ của tập thể" in text and "phong trào" not in text


def test_a_judgement_is_one_per_unit_and_year_audited_and_refused_for_another_agency(
    world: World,
) -> None:
    work_year = open_work_year(world.agency, 2024)
    services.judge_unit(
        work_year, world.office, emulation_active=True, unity=True, on=date(2024, 12, 1)
    )
    services.judge_unit(
        work_year,
        world.office,
        emulation_active=False,
        unity=True,
        on=date(2024, 12, 2),
        note="Phong trào chưa đều",
    )
    row = UnitJudgement.objects.get()
    assert row.emulation_active is False and row.note == "Phong trào chưa đều"
    assert AuditEntry.objects.filter(action="emulation.judge_unit").count() == 2
    foreign = Unit.objects.get(code="phong-a")
    with pytest.raises(EmulationError, match="không thuộc cơ quan này"):
        services.judge_unit(
            work_year, foreign, emulation_active=True, unity=True, on=date(2024, 12, 1)
        )


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_council_and_the_clerk_judge_others_read_or_get_not_found(world: World) -> None:
    open_work_year(world.agency, 2024)
    address = reverse("emulation:judgements", args=[world.agency.code, 2024])
    data = {"unit": "van-phong", "emulation_active": "1", "unity": "0", "note": "Cần đoàn kết hơn"}
    assert client_for(world.leader).get(address).status_code == 200  # reads
    for user in (world.leader, world.colleague, world.head, world.stranger):
        assert client_for(user).post(address, data).status_code == 404
    assert not UnitJudgement.objects.exists()
    assert client_for(world.council).post(address, data).status_code == 302
    row = UnitJudgement.objects.get()
    assert (row.emulation_active, row.unity, row.judged_by) == (True, False, world.council)
    page = client_for(world.clerk).get(address).content.decode()
    assert "Cần đoàn kết hơn" in page and "Văn phòng" in page and "Ban Tổ chức" in page


def test_an_unknown_unit_is_named_and_nothing_is_saved(world: World) -> None:
    open_work_year(world.agency, 2024)
    address = reverse("emulation:judgements", args=[world.agency.code, 2024])
    page = client_for(world.clerk).post(
        address, {"unit": "khong-co", "emulation_active": "1"}, follow=True
    )
    assert "Không tìm thấy đơn vị “khong-co” trong cơ quan." in page.content.decode()
    assert not UnitJudgement.objects.exists()


def test_computing_warns_of_the_units_the_council_has_not_judged(world: World) -> None:
    work_year = open_work_year(world.agency, 2024)
    services.judge_unit(
        work_year, world.office, emulation_active=True, unity=True, on=date(2024, 12, 1)
    )
    address = reverse("emulation:eligibility-compute", args=[world.agency.code, 2024])
    page = client_for(world.clerk).post(address, follow=True).content.decode()
    assert "Hội đồng chưa đánh giá phong trào thi đua, sự đoàn kết nội bộ của: Ban Tổ chức" in page
