"""XLSX import (all or nothing, row-numbered messages) and the screens' permissions."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import Workbook

from hoinghi.org.models import WorkYear
from hoinghi.plans import services
from hoinghi.plans.imports import import_items
from hoinghi.plans.models import PlanItem
from hoinghi.testing import PASSWORD, World

pytestmark = pytest.mark.django_db
HEADER = [
    "Loại",
    "Mã",
    "Nội dung",
    "Nguồn",
    "Mã đơn vị",
    "Mã cán bộ",
    "Đơn vị tính",
    "Giá trị chỉ tiêu",
    "Hạn hoàn thành",
]


def xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in [HEADER, *rows]:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def run(year: WorkYear, content: bytes):
    return import_items(year, io.BytesIO(content), size=len(content), file_name="kh.xlsx")


def test_it_imports_every_row(year: WorkYear) -> None:
    report = run(
        year,
        xlsx(
            [
                [
                    "Chỉ tiêu",
                    "1",
                    "Tin bài",
                    "Nghị quyết",
                    "van-phong",
                    "",
                    "tin",
                    120,
                    "31/12/2023",
                ],
                ["Nhiệm vụ", "2", "Báo cáo năm", "", "", "CB01", "", None, "15/12/2023"],
            ]
        ),
    )
    assert report.ok and report.created == 2
    assert PlanItem.objects.get(code="2").person.staff_code == "CB01"  # type: ignore[union-attr]
    assert PlanItem.objects.get(code="1").due_on == date(2023, 12, 31)


def test_one_bad_row_writes_nothing_and_names_the_row(year: WorkYear) -> None:
    report = run(
        year,
        xlsx(
            [
                ["Nhiệm vụ", "1", "Tốt", "", "", "", "", None, ""],
                ["Việc", "2", "", "", "khong-co", "", "", "abc", "32/13/2023"],
            ]
        ),
    )
    assert not report.ok and not PlanItem.objects.exists()
    text = "\n".join(report.errors)
    for expected in (
        "Dòng 3: cột «Loại»",
        "Dòng 3: cột «Nội dung» trống",
        "Dòng 3: không có đơn vị mã «khong-co»",
        "Dòng 3: cột «Giá trị chỉ tiêu»",
        "Dòng 3: cột «Hạn hoàn thành»",
    ):
        assert expected in text


def test_it_refuses_a_file_that_is_not_xlsx(year: WorkYear) -> None:
    report = run(year, b"Loai;Noi dung\nNhiem vu;x\n")
    assert report.errors == ["Tệp «kh.xlsx» mang đuôi .xlsx nhưng không phải là tệp Excel."]


def client_for(user: object) -> Client:
    c = Client()
    assert c.login(username=user.username, password=PASSWORD)  # type: ignore[attr-defined]
    return c


def test_year_page_for_staff_forbidden_edits_and_not_found(
    world: World, year: WorkYear, django_assert_max_num_queries: object
) -> None:
    for n in range(20):
        services.create_item(
            year, services.ItemInput(kind="nhiem_vu", title=f"Việc {n}"), unit=world.office
        )
    url = reverse("plans:year", args=[world.agency.code, 2023])
    c = client_for(world.colleague)
    # +2 over the list itself: the headline over every item, the year switcher
    with django_assert_max_num_queries(14):  # type: ignore[operator]
        assert c.get(url).status_code == 200
    assert c.get(reverse("plans:create-item", args=[world.agency.code, 2023])).status_code == 403
    assert (
        client_for(world.clerk)
        .get(reverse("plans:create-item", args=[world.agency.code, 2023]))
        .status_code
        == 200
    )
    assert client_for(world.stranger).get(url).status_code == 404
    assert c.get(reverse("plans:year", args=[world.agency.code, 1990])).status_code == 404


def test_a_person_reports_progress_on_their_own_item_but_not_on_others(
    world: World, year: WorkYear
) -> None:
    mine = services.create_item(
        year,
        services.ItemInput(kind="nhiem_vu", title="Của tôi"),
        person=world.person(world.colleague),
    )
    theirs = services.create_item(
        year,
        services.ItemInput(kind="nhiem_vu", title="Của người khác"),
        person=world.person(world.outsider),
    )
    c = client_for(world.colleague)
    data = {"progress_percent": 100, "completed_on": "20/11/2023", "quality_ok": "on"}
    assert (
        c.post(
            reverse("plans:record-progress", args=[world.agency.code, 2023, mine.pk]), data
        ).status_code
        == 302
    )
    assert (
        c.post(
            reverse("plans:record-progress", args=[world.agency.code, 2023, theirs.pk]), data
        ).status_code
        == 403
    )
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.is_done and not theirs.is_done
    assert c.get(reverse("plans:item", args=[world.agency.code, 2023, 99999])).status_code == 404


def test_evidence_is_stored_and_the_import_page_reports_rows(
    world: World, year: WorkYear, settings, tmp_path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    item = services.create_item(
        year, services.ItemInput(kind="nhiem_vu", title="Việc"), unit=world.office
    )
    head = client_for(world.head)
    upload = SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4 test")
    url = reverse("plans:add-evidence", args=[world.agency.code, 2023, item.pk])
    assert head.post(url, {"file": upload, "name": "Báo cáo"}).status_code == 302
    assert item.evidence.get().name == "Báo cáo"
    bad = SimpleUploadedFile("k.xlsx", xlsx([["Việc", "", "", "", "", "", "", "", ""]]))
    response = client_for(world.clerk).post(
        reverse("plans:import", args=[world.agency.code, 2023]), {"file": bad}
    )
    assert "Dòng 2" in response.content.decode()


def test_home_page_shows_overdue_items(world: World, year: WorkYear) -> None:
    services.create_item(
        year,
        services.ItemInput(kind="nhiem_vu", title="Quá hạn", due_on=date(2020, 1, 1)),
        person=world.person(world.colleague),
    )
    text = client_for(world.colleague).get("/").content.decode()
    assert "1 quá hạn" in text
