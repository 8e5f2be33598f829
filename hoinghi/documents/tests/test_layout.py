"""The page and elements of both layouts, read back from the DOCX (never compared as bytes)."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from pypdf import PdfReader

from hoinghi.documents.catalogue import kind
from hoinghi.documents.docx_writer import render_docx
from hoinghi.documents.layout import TextStyle, spec_for, text_width_mm
from hoinghi.documents.paper import apply_edits, numbered
from hoinghi.documents.pdf import docx_to_pdf, pdf_available
from hoinghi.documents.services import source_of, with_law_bases
from hoinghi.documents.tests.conftest import make_state_agency
from hoinghi.documents.tests.reading import full_text, load, mm, style_of, texts
from hoinghi.law.documents import (
    DATE_LINE_RE,
    PARTY_NUMBER_RE,
    RECIPIENTS_LAST_LINE_RE,
    STATE_NUMBER_RE,
    Element,
    Layout,
)
from hoinghi.org.models import Agency, WorkYear
from hoinghi.testing import World

pytestmark = pytest.mark.django_db
ISSUED = date(2026, 1, 5)


def _render(agency: Agency, slug: str, *, seq: int = 5, year: int = 2025) -> bytes:
    WorkYear.objects.get_or_create(
        agency=agency,
        year=year,
        defaults={"starts_on": date(year, 1, 1), "ends_on": date(year, 12, 31)},
    )
    paper = with_law_bases(kind(slug).paper(source_of(agency, year)), ISSUED)
    return render_docx(numbered(paper, seq, ISSUED), year=year)


@pytest.mark.parametrize("layout", list(Layout))
def test_every_pick_lies_inside_the_law_ranges(layout: Layout) -> None:
    spec = spec_for(layout, ISSUED)
    assert spec.page.font == "Times New Roman"
    assert spec.style(Element.RECIPIENTS_HEADING).size_pt == 12


def test_a_state_decision_has_the_decree_30_page_header_and_blocks() -> None:
    doc = load(_render(make_state_agency(), "quyet-dinh-cong-nhan-danh-hieu"))
    section = doc.sections[0]
    assert (mm(section.page_width), mm(section.page_height)) == (210.0, 297.0)
    assert [
        mm(section.top_margin),
        mm(section.bottom_margin),
        mm(section.left_margin),
        mm(section.right_margin),
    ] == [20.0, 20.0, 30.0, 15.0]
    assert doc.styles["Normal"].font.name == "Times New Roman"
    title = style_of(doc, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert (title.size_pt, title.bold) == (13, True)
    motto = style_of(doc, "Độc lập - Tự do - Hạnh phúc")
    assert (motto.size_pt, motto.bold, motto.underline) == (14, True, True)
    assert style_of(doc, "ỦY BAN NHÂN DÂN TỈNH THẠCH BÌNH").bold is False
    assert style_of(doc, "SỞ NỘI VỤ").bold is True
    number = style_of(doc, "Số: 05/QĐ-SNV")
    assert number.size_pt == 13 and STATE_NUMBER_RE.fullmatch("Số: 05/QĐ-SNV")
    date_line = style_of(doc, "Thạch Bình, ngày 05 tháng 01 năm 2026")
    assert (date_line.size_pt, date_line.italic) == (14, True)
    assert DATE_LINE_RE.fullmatch("Thạch Bình, ngày 05 tháng 01 năm 2026")
    assert (style_of(doc, "QUYẾT ĐỊNH").size_pt, style_of(doc, "QUYẾT ĐỊNH").bold) == (14, True)
    heading = style_of(doc, "Nơi nhận:")
    assert (heading.size_pt, heading.bold, heading.italic) == (12, True, True)
    lines = texts(doc)
    last = lines[lines.index("Nơi nhận:") + 3]
    assert RECIPIENTS_LAST_LINE_RE.fullmatch(last) and style_of(doc, last).size_pt == 11


def test_the_body_is_justified_with_a_first_line_indent() -> None:
    doc = load(_render(make_state_agency(), "quyet-dinh-cong-nhan-danh-hieu"))
    body = next(p for p in doc.paragraphs if p.text.startswith("Điều 2. Quyết định này"))
    assert body.style is not None and body.style.name == "HN Body"
    assert body.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert mm(body.paragraph_format.first_line_indent) == 12.7
    size = body.style.font.size
    assert size is not None and size.pt == 14
    assert body.runs[0].text == "Điều 2. " and body.runs[0].font.bold is True
    bases = next(p for p in doc.paragraphs if p.text.startswith("Căn cứ Luật Thi đua"))
    assert bases.style is not None and bases.style.font.italic is True


def test_page_numbers_start_on_page_two_at_the_top_centre() -> None:
    doc = load(_render(make_state_agency(), "quyet-dinh-cong-nhan-danh-hieu"))
    first = doc.sections[0]
    assert first.different_first_page_header_footer is True
    assert first.first_page_header.paragraphs[0].text == ""
    header = first.header.paragraphs[0]
    assert header.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert 'w:instr="PAGE"' in header._p.xml


def test_the_list_is_an_appendix_numbered_on_its_own() -> None:
    doc = load(_render(make_state_agency(), "quyet-dinh-cong-nhan-danh-hieu"))
    assert len(doc.sections) == 2
    assert 'w:start="1"' in doc.sections[1]._sectPr.xml
    text = full_text(doc)
    assert "Phụ lục" in texts(doc)
    assert style_of(doc, "Phụ lục").size_pt == 14
    assert "(Kèm theo Quyết định số 05/QĐ-SNV ngày 05 tháng 01 năm 2026 của Sở Nội vụ)" in text


def test_a_party_office_writes_under_hd36(world: object) -> None:
    agency = Agency.objects.get(code="co-quan-thu")
    doc = load(_render(agency, "thong-bao-xep-loai", seq=12))
    party = style_of(doc, "ĐẢNG CỘNG SẢN VIỆT NAM")
    assert (party.size_pt, party.bold, party.underline) == (15, True, True)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in full_text(doc)
    assert "*" in texts(doc)
    assert PARTY_NUMBER_RE.fullmatch("Số 12-TB/CQTN")
    assert style_of(doc, "Số 12-TB/CQTN").size_pt == 14
    assert style_of(doc, "THÔNG BÁO").size_pt == 16
    assert style_of(doc, "Hà Nội, ngày 05 tháng 01 năm 2026").italic is True


def test_a_draft_leaves_the_number_and_day_blank() -> None:
    agency = make_state_agency()
    WorkYear.objects.create(
        agency=agency, year=2025, starts_on=date(2025, 1, 1), ends_on=date(2025, 12, 31)
    )
    doc = load(render_docx(kind("thong-bao-xep-loai").paper(source_of(agency, 2025)), year=2025))
    lines = texts(doc)
    assert any(t.startswith("Số:") and t.endswith("/TB-SNV") and "01" not in t for t in lines)
    assert "Thạch Bình, ngày      tháng      năm 2025" in lines


def _rule_width_mm(paragraph: object, room_mm: float) -> float:
    """The length of a rule drawn as the bottom border of an indented empty paragraph."""
    xml = paragraph._p.xml  # type: ignore[attr-defined]
    side = int(re.search(r'w:left="(\d+)"', xml).group(1))  # type: ignore[union-attr]
    return round(room_mm - 2 * side * 25.4 / 1440, 1)


def test_the_national_title_fits_one_line_and_rules_follow_their_text() -> None:
    doc = load(_render(make_state_agency(), "quyet-dinh-cong-nhan-danh-hieu"))
    header = doc.tables[0]
    right = header.rows[0].cells[1]
    assert right.paragraphs[0].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    width_mm = right.width.mm  # type: ignore[union-attr]
    title = TextStyle(13, bold=True, upper=True)
    assert text_width_mm("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", title) < width_mm - 2 * 1.9
    issuer_rule = next(
        p for p in header.rows[0].cells[0].paragraphs if "w:pBdr" in p._p.xml and not p.text
    )
    issuer_width = text_width_mm("SỞ NỘI VỤ", TextStyle(13, bold=True, upper=True))
    rule = _rule_width_mm(issuer_rule, header.rows[0].cells[0].width.mm)  # type: ignore[union-attr]
    assert max(issuer_width / 3, 15) - 0.2 <= rule <= max(issuer_width / 2, 15) + 0.2
    summary = next(i for i, p in enumerate(doc.paragraphs) if p.text.startswith("Về việc"))
    summary_rule = doc.paragraphs[summary + 1]
    assert "w:pBdr" in summary_rule._p.xml
    summary_width = text_width_mm(doc.paragraphs[summary].text, TextStyle(14, bold=True))
    length = _rule_width_mm(summary_rule, 165)
    assert summary_width / 3 - 0.2 <= length <= summary_width / 2 + 0.2


def test_the_signature_is_kept_with_the_last_paragraph_and_the_recipients() -> None:
    doc = load(_render(make_state_agency(), "quyet-dinh-cong-nhan-danh-hieu"))
    last = next(p for p in doc.paragraphs if p.text.startswith("Điều 3."))
    assert "<w:keepNext/>" in last._p.xml
    block = doc.tables[-1] if len(doc.tables) > 1 else doc.tables[0]
    signature = next(t for t in doc.tables if "Nơi nhận:" in t.rows[0].cells[0].text)
    assert "<w:cantSplit/>" in signature.rows[0]._tr.xml
    assert block is not None


def test_the_plan_keeps_both_signatures_with_the_recipients() -> None:
    doc = load(_render(make_state_agency(), "ke-hoach-hoi-nghi"))
    signatures = next(t for t in doc.tables if "CHỦ TỊCH" in t.rows[0].cells[0].text)
    assert "<w:cantSplit/>" in signatures.rows[0]._tr.xml
    assert all("<w:keepNext/>" in p._p.xml for p in signatures.rows[0].cells[0].paragraphs)


@pytest.mark.skipif(not pdf_available(), reason="LibreOffice chưa được cài")
def test_no_page_is_blank_and_the_signer_is_not_alone(world: World) -> None:
    agency = make_state_agency("so-tu-phap")
    WorkYear.objects.create(
        agency=agency, year=2025, starts_on=date(2025, 1, 1), ends_on=date(2025, 12, 31)
    )
    paper = with_law_bases(
        kind("quyet-dinh-cong-nhan-danh-hieu").paper(source_of(agency, 2025)), ISSUED
    )
    long_article = "\n".join(
        f"Nội dung thứ {i} của Điều 1, viết đủ dài để lấp trang." * 3 for i in range(14)
    )
    paper = apply_edits(paper, {"article_1": long_article, "@sig0.name": "Nguyễn Văn Ký"})
    pdf = PdfReader(io.BytesIO(docx_to_pdf(render_docx(numbered(paper, 3, ISSUED), year=2025))))
    pages = [page.extract_text() or "" for page in pdf.pages]
    assert all(text.strip() for text in pages)
    signer_page = next(i for i, text in enumerate(pages) if "Nguyễn Văn Ký" in text)
    assert "Nơi nhận" in pages[signer_page] and "Điều 3." in pages[signer_page]


# The order of a paragraph's properties in WordprocessingML (ECMA-376 CT_PPrBase): Word
# reports a file with another order as damaged.
PPR_ORDER = [
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
]


@pytest.mark.parametrize("slug", ["ke-hoach-hoi-nghi", "quyet-dinh-cong-nhan-danh-hieu"])
def test_paragraph_properties_are_in_the_schema_order(slug: str) -> None:
    data = _render(make_state_agency(), slug)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = package.read("word/document.xml").decode()
    for props in re.findall(r"<w:pPr>(.*?)</w:pPr>", xml):
        names = re.findall(r"<w:(\w+)[ />]", re.sub(r"<w:sectPr\b.*", "<w:sectPr/>", props))
        top = [n for n in names if n in PPR_ORDER]
        assert top == sorted(top, key=PPR_ORDER.index), props


def test_a_party_header_keeps_the_committee_on_one_line(demo: Agency) -> None:
    WorkYear.objects.get_or_create(
        agency=demo,
        year=2025,
        defaults={"starts_on": date(2025, 1, 1), "ends_on": date(2025, 12, 31)},
    )
    doc = load(_render(demo, "quyet-dinh-cong-nhan-danh-hieu"))
    left = doc.tables[0].rows[0].cells[0]
    width = left.width.mm  # type: ignore[union-attr]
    for paragraph in left.paragraphs:
        if paragraph.text.strip() and paragraph.text != "*":
            assert text_width_mm(paragraph.text, TextStyle(14, bold=True)) < width - 3.8
