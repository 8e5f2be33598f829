"""The clerk's work: every part of a draft edited, the issue step, the register, signed copies."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from hoinghi.documents.models import Document, DocumentCounter
from hoinghi.documents.paper import BASES, RECIPIENTS, SUMMARY, list_key, signature_key
from hoinghi.documents.register import register_xlsx
from hoinghi.documents.services import (
    DocumentError,
    attach_signed_copy,
    compose,
    create_draft,
    edit_draft,
    issue_document,
    set_starting_number,
)
from hoinghi.documents.tests.reading import full_text, load, texts
from hoinghi.documents.tests.test_views import client_for, url
from hoinghi.org.models import WorkYear
from hoinghi.testing import World

pytestmark = pytest.mark.django_db


@pytest.fixture
def year_2025(world: World) -> WorkYear:
    return WorkYear.objects.create(
        agency=world.agency, year=2025, starts_on=date(2025, 1, 1), ends_on=date(2025, 12, 31)
    )


def _decision(world: World) -> Document:
    return create_draft(world.agency, "quyet-dinh-giay-khen", year=2025, actor=world.clerk)


def test_every_part_of_a_draft_is_edited_and_printed(world: World, year_2025: WorkYear) -> None:
    draft = _decision(world)
    edit_draft(
        draft,
        {
            SUMMARY: "Về việc tặng Giấy khen cho tập thể, cá nhân năm 2025",
            BASES: "Căn cứ Quy chế thi đua, khen thưởng của cơ quan;\nXét đề nghị của Văn phòng.",
            RECIPIENTS: "- Như Điều 3;\n- Lưu: VT, TH.",
            signature_key(0, "authority"): "KT",
            signature_key(0, "on_behalf_of"): "Chánh Văn phòng",
            signature_key(0, "title"): "Phó Chánh Văn phòng",
            signature_key(0, "name"): "Lê Văn Ký",
            list_key(0): "Trần Văn An | Văn phòng | Giấy khen\nPhòng Tổ chức | Cơ quan | Giấy khen",
            "article_2": "Quyết định này có hiệu lực từ ngày ký.",
            "@date": "2025-12-20",
        },
        actor=world.clerk,
    )
    paper = compose(Document.objects.get(pk=draft.pk))
    assert paper.summary.startswith("Về việc tặng Giấy khen cho tập thể")
    assert paper.bases == [
        "Căn cứ Quy chế thi đua, khen thưởng của cơ quan;",
        "Xét đề nghị của Văn phòng.",
    ]
    assert paper.appendices[0].table.rows[1] == ["2", "Phòng Tổ chức", "Cơ quan", "Giấy khen"]
    issued = issue_document(draft, actor=world.clerk, on=date(2025, 12, 20), copies=3)
    lines = texts(load(issued.file.open("rb").read()))
    assert "K/T CHÁNH VĂN PHÒNG" in lines and "PHÓ CHÁNH VĂN PHÒNG" in lines  # a Party office
    assert "Lê Văn Ký" in lines and "- Lưu: VT, TH." in lines
    assert "Điều 2. Quyết định này có hiệu lực từ ngày ký." in lines
    assert (issued.signer_name, issued.copies) == ("Lê Văn Ký", 3)
    assert issued.recipients.endswith("- Lưu: VT, TH.")


def test_a_decision_without_a_signer_name_or_with_an_empty_list_waits(
    world: World, year_2025: WorkYear
) -> None:
    draft = _decision(world)
    with pytest.raises(DocumentError, match="đang trống"):
        issue_document(draft, actor=world.clerk, on=date(2025, 12, 20))
    edit_draft(draft, {signature_key(0, "name"): ""}, actor=world.clerk)
    with pytest.raises(DocumentError, match="Chưa có họ tên người ký"):
        issue_document(draft, actor=world.clerk, on=date(2025, 12, 20), confirm_empty=True)
    assert Document.objects.get(pk=draft.pk).is_draft
    assert not DocumentCounter.objects.filter(last_number__gt=0).exists()
    with pytest.raises(DocumentError, match="Thẩm quyền ký «XY» không có"):
        edit_draft(draft, {signature_key(0, "authority"): "XY"}, actor=world.clerk)


def test_the_register_follows_the_paper_register(world: World, year_2025: WorkYear) -> None:
    draft = _decision(world)
    key = draft.register_key
    set_starting_number(world.agency, key, year=2025, next_number=41, actor=world.clerk)
    first = issue_document(draft, actor=world.clerk, on=date(2025, 12, 20), confirm_empty=True)
    assert first.number == 41
    by_hand = issue_document(
        _decision(world), actor=world.clerk, on=date(2025, 12, 22), number=57, confirm_empty=True
    )
    assert by_hand.number == 57 and by_hand.entered_by_hand
    assert by_hand.issued_on == date(2025, 12, 22)
    after = issue_document(
        _decision(world), actor=world.clerk, on=date(2025, 12, 23), confirm_empty=True
    )
    assert after.number == 58
    with pytest.raises(DocumentError, match="đã có văn bản khác"):
        issue_document(
            _decision(world),
            actor=world.clerk,
            on=date(2025, 12, 23),
            number=41,
            confirm_empty=True,
        )
    with pytest.raises(DocumentError, match="đã cấp đến số 58"):
        set_starting_number(world.agency, key, year=2025, next_number=50, actor=world.clerk)
    with pytest.raises(DocumentError, match="trước năm 2024"):
        issue_document(
            _decision(world), actor=world.clerk, on=date(2023, 12, 1), confirm_empty=True
        )


def test_the_register_exports_to_xlsx_and_prints(world: World, year_2025: WorkYear) -> None:
    draft = _decision(world)
    edit_draft(draft, {SUMMARY: '=HYPERLINK("x")'}, actor=world.clerk)
    issue_document(draft, actor=world.clerk, on=date(2025, 12, 20), confirm_empty=True, copies=4)
    sheet = load_workbook(io.BytesIO(register_xlsx(world.agency, 2025))).active
    assert sheet is not None
    row = [c.value for c in sheet[2]]
    assert row[0] == "Số: 01/QĐ-CQTN" or str(row[0]).startswith("Số")
    assert row[5] == 4 and "Quyết định tặng Giấy khen: =HYPERLINK" in str(row[2])
    assert sheet.cell(row=2, column=3).data_type == "s"
    clerk = client_for(world.clerk)
    printed = clerk.get(url("register-print", world) + "?nam=2025")
    assert (
        printed.status_code == 200 and "SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM 2025" in printed.content.decode()
    )
    exported = clerk.get(url("register-export", world) + "?nam=2025")
    assert exported.status_code == 200 and exported.content.startswith(b"PK")
    assert client_for(world.colleague).get(url("register-export", world)).status_code == 403


def test_the_clerk_keeps_the_register_settings(world: World) -> None:
    clerk = client_for(world.clerk)
    page = url("register", world)
    assert clerk.get(page).status_code == 200
    form = {"register_key": "quyet_dinh", "year": 2026, "next_number": 12}
    assert clerk.post(page, form).status_code == 302
    counter = DocumentCounter.objects.get(agency=world.agency, register_key="quyet_dinh", year=2026)
    assert counter.last_number == 11


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def test_a_signed_copy_is_kept_on_the_register_entry(world: World, year_2025: WorkYear) -> None:
    draft = _decision(world)
    with pytest.raises(DocumentError, match="đã ban hành"):
        attach_signed_copy(draft, "x.pdf", b"%PDF-1.7 x", actor=world.clerk)
    issued = issue_document(draft, actor=world.clerk, on=date(2025, 12, 20), confirm_empty=True)
    with pytest.raises(DocumentError, match="không phải PDF"):
        attach_signed_copy(issued, "x.exe", b"MZ\x90\x00", actor=world.clerk)
    with pytest.raises(DocumentError, match="không phải PDF"):
        attach_signed_copy(issued, "x.zip", b"PK\x03\x04junk", actor=world.clerk)
    attach_signed_copy(issued, "sua.docx", _docx(), actor=world.clerk)
    assert Document.objects.get(pk=issued.pk).signed_copy.name.endswith(".docx")
    clerk = client_for(world.clerk)
    upload = SimpleUploadedFile("ban-ky.pdf", b"%PDF-1.7\n%%EOF", content_type="application/pdf")
    response = clerk.post(url("signed-copy", world, issued.pk), {"file": upload}, follow=True)
    assert "Đã gắn bản đã ký" in response.content.decode()
    download = clerk.get(url("signed-copy-download", world, issued.pk))
    assert b"".join(download.streaming_content).startswith(b"%PDF")  # type: ignore[attr-defined]
    staff = client_for(world.colleague)
    upload = SimpleUploadedFile("x.pdf", b"%PDF-1.7", content_type="application/pdf")
    assert staff.post(url("signed-copy", world, issued.pk), {"file": upload}).status_code == 403


def test_the_draft_screen_shows_notes_and_a_preview_not_printed(
    world: World, year_2025: WorkYear
) -> None:
    draft = create_draft(world.agency, "giay-moi", year=2025, actor=world.clerk)
    page = client_for(world.clerk).get(url("detail", world, draft.pk)).content.decode()
    assert 'id="luu-y"' in page and "giờ khai mạc" in page and 'id="xem-truoc"' in page
    assert 'name="@summary"' in page and 'name="@sig0.name"' in page
    text = full_text(load(client_for(world.clerk).get(url("download", world, draft.pk)).content))
    assert "giờ khai mạc" not in text and "…" not in text
