"""`hoinghi demo` alone carries the seed years: the summary command prints the seed reports'
figures for the district office's 2023 and the Ban Dân vận's 2020, as text and as JSON."""

from __future__ import annotations

import json
from collections.abc import Iterator
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from hoinghi.audit.models import AuditEntry
from hoinghi.conference.models import Conference
from hoinghi.emulation.models import Award
from hoinghi.org.demo import load_demo

pytestmark = pytest.mark.django_db
DISTRICT, BDV = "co-quan-huyen-uy", "ban-dan-van-tinh-uy"


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    """The demo loaded once for the module and rolled back at its end (with the tests' hasher)."""
    fast = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
    with fast, django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        yield
        transaction.set_rollback(True)


def summary(agency: str, year: int, **options: str) -> str:
    out = StringIO()
    call_command("report_summary", agency=agency, year=year, stdout=out, **options)
    return out.getvalue()


def test_the_district_office_2023_reads_as_its_seed_report(demo: None) -> None:
    text = summary(DISTRICT, 2023)
    for figure in (
        "Ngày 19/01/2024",
        "Dự hội nghị có 32/32",
        "4/4 chỉ tiêu",
        "27/27 nhiệm vụ",
        "Ban Thường vụ Huyện ủy đánh giá, xếp loại 02 đơn vị Hoàn thành xuất sắc nhiệm vụ "
        "(Văn phòng Huyện ủy, Ban Tuyên giáo Huyện ủy)",
        "03 đơn vị Hoàn thành tốt nhiệm vụ (Ban Tổ chức Huyện ủy, Ban Dân vận Huyện ủy, "
        "Ủy ban Kiểm tra Huyện ủy)",
        "Chủ tịch Ủy ban nhân dân huyện công nhận 05/05 tập thể đạt danh hiệu “Tập thể lao động tiên tiến”",
        "trong đó Văn phòng Huyện ủy, Ban Tuyên giáo Huyện ủy đạt danh hiệu “Tập thể lao động xuất sắc”",
        "100% (32/32) cán bộ, công chức, người lao động đạt danh hiệu “Lao động tiên tiến”",
        "trong đó có 04 cá nhân đạt danh hiệu “Chiến sĩ thi đua cơ sở”",
        "Cơ quan Huyện ủy đạt “An toàn về an ninh trật tự”",
        "“Thực hiện Quy chế dân chủ loại Tốt”",
        "100% (32/32) cán bộ, công chức, người lao động đạt “Gia đình văn hóa”",
        "Hội nghị nhất trí 100% Nghị quyết Hội nghị cán bộ, công chức, người lao động năm 2024",
        "báo cáo tài chính năm 2023",
        "Ban thanh tra nhân dân",
        "“Giấy khen của Công đoàn cơ quan”",
        "ký kết giao ước thi đua",
    ):
        assert figure in text, figure


def test_the_ban_dan_van_2020_reads_as_its_seed_report(demo: None) -> None:
    text = summary(BDV, 2020)
    for figure in (
        "Ngày 25/12/2020, Ban Dân vận Tỉnh ủy tổ chức Hội nghị",
        "Dự hội nghị có 15/15",
        "27/27 nhiệm vụ",
        "08 lượt",
        "Ban thanh tra nhân dân năm 2020",
        "dự thảo sửa đổi, bổ sung nội quy, quy chế cơ quan",
        "Hội nghị nhất trí 100% Nghị quyết Hội nghị cán bộ, công chức, lao động năm 2021",
        "phát động phong trào thi đua năm 2021",
        "“Chiến sĩ thi đua cơ sở năm 2020”",
    ):
        assert figure in text, figure


def title(data: dict[str, Any], code: str, *, collective: bool) -> dict[str, Any]:
    return next(t for t in data["titles"] if t["title"] == code and t["collective"] == collective)


def test_the_json_gives_the_district_figures_as_fields(demo: None) -> None:
    data = json.loads(summary(DISTRICT, 2023, format="json"))
    assert (
        data["targets_done"],
        data["targets_total"],
        data["tasks_done"],
        data["tasks_total"],
    ) == (4, 4, 27, 27)
    assert data["staff"] == 32 and data["unit_issuer"] == "Ban Thường vụ Huyện ủy"
    assert [(g["rating"], g["count"]) for g in data["unit_ratings"]] == [("htxs", 2), ("htt", 3)]
    assert data["unit_ratings"][0]["names"] == ["Văn phòng Huyện ủy", "Ban Tuyên giáo Huyện ủy"]
    assert [(g["rating"], g["count"]) for g in data["people_ratings"]] == [("htxs", 4), ("htt", 28)]
    assert (
        title(data, "ldtt", collective=False)["awarded"],
        title(data, "ldtt", collective=False)["base"],
    ) == (32, 32)
    assert title(data, "cstdcs", collective=False)["awarded"] == 4
    assert (
        title(data, "ttldtt", collective=True)["awarded"],
        title(data, "ttldtt", collective=True)["base"],
    ) == (5, 5)
    assert title(data, "ttldxs", collective=True)["holders"] == [
        "Văn phòng Huyện ủy",
        "Ban Tuyên giáo Huyện ủy",
    ]
    conference = data["conference"]
    assert (conference["held_on"], conference["present"], conference["convened"]) == (
        "2024-01-19",
        32,
        32,
    )
    assert conference["votes"][0]["votes_for"] == 32 and conference["votes"][0]["adopted"] is True
    assert {a["title"] for a in conference["awards"]} >= {"Giấy khen của Công đoàn cơ quan"}
    assert len(conference["pledge_signers"]) == 2


def test_the_json_gives_the_ban_dan_van_figures_as_fields(demo: None) -> None:
    data = json.loads(summary(BDV, 2020, format="json"))
    assert (data["tasks_done"], data["tasks_total"], data["training_courses"]) == (27, 27, 8)
    conference = data["conference"]
    assert (conference["held_on"], conference["present"], conference["convened"]) == (
        "2020-12-25",
        15,
        15,
    )
    assert conference["votes"][0]["votes_for"] == 15 and "08 lượt" in data["text"]


def test_loading_the_demo_again_changes_nothing(demo: None) -> None:
    entries = AuditEntry.objects.count()
    conferences = set(Conference.objects.values_list("pk", flat=True))
    awards = set(Award.objects.values_list("pk", flat=True))
    load_demo()
    assert [
        {k: v for k, v in e["changes"].items() if v}
        for e in AuditEntry.objects.order_by("pk").values_list("data", flat=True)[entries:]
    ] == []
    assert set(Conference.objects.values_list("pk", flat=True)) == conferences
    assert set(Award.objects.values_list("pk", flat=True)) == awards
