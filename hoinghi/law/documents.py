"""Official document format: state documents (Decree 30/2020) and Party documents (HD 36).

Rules D1–D6 of docs/domain/rules.md §7, the number and date-line formats the documents app writes
(:func:`format_number`, :func:`format_date_line`), and the page and element specification
as dated parameters (:data:`STATE_PAGE`, :data:`STATE_ELEMENTS`, :data:`PARTY_ELEMENTS`).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from hoinghi.law.citations import Citation, Confidence, cite, cite_unread
from hoinghi.law.instruments import D30, HD36
from hoinghi.law.options import DocumentOptions
from hoinghi.law.parameters import Dated, DatedValue, InvalidFacts
from hoinghi.law.registry import rule
from hoinghi.law.results import Reason, Result

D30_FROM = date(2020, 3, 5)
HD36_FROM = date(2018, 4, 3)


class Layout(enum.StrEnum):
    STATE = "state"  # thể thức Nghị định 30/2020/NĐ-CP
    PARTY = "party"  # thể thức Hướng dẫn 36-HD/VPTW


class DocumentType(enum.StrEnum):
    """The 29 types of administrative documents (D30 Art 7); "Danh sách" is not one."""

    NGHI_QUYET = "nghi_quyet"
    QUYET_DINH = "quyet_dinh"
    CHI_THI = "chi_thi"
    QUY_CHE = "quy_che"
    QUY_DINH = "quy_dinh"
    THONG_CAO = "thong_cao"
    THONG_BAO = "thong_bao"
    HUONG_DAN = "huong_dan"
    CHUONG_TRINH = "chuong_trinh"
    KE_HOACH = "ke_hoach"
    PHUONG_AN = "phuong_an"
    DE_AN = "de_an"
    DU_AN = "du_an"
    BAO_CAO = "bao_cao"
    BIEN_BAN = "bien_ban"
    TO_TRINH = "to_trinh"
    HOP_DONG = "hop_dong"
    CONG_VAN = "cong_van"
    CONG_DIEN = "cong_dien"
    BAN_GHI_NHO = "ban_ghi_nho"
    BAN_THOA_THUAN = "ban_thoa_thuan"
    GIAY_UY_QUYEN = "giay_uy_quyen"
    GIAY_MOI = "giay_moi"
    GIAY_GIOI_THIEU = "giay_gioi_thieu"
    GIAY_NGHI_PHEP = "giay_nghi_phep"
    PHIEU_GUI = "phieu_gui"
    PHIEU_CHUYEN = "phieu_chuyen"
    PHIEU_BAO = "phieu_bao"
    THU_CONG = "thu_cong"


# Name and abbreviation of each type (D30 Art 7 and Appendix III); None: no abbreviation
# (the symbol of a Công văn is the issuer and the drafting unit).
DOCUMENT_TYPES: Mapping[DocumentType, tuple[str, str | None]] = {
    DocumentType.NGHI_QUYET: ("Nghị quyết", "NQ"),
    DocumentType.QUYET_DINH: ("Quyết định", "QĐ"),
    DocumentType.CHI_THI: ("Chỉ thị", "CT"),
    DocumentType.QUY_CHE: ("Quy chế", "QC"),
    DocumentType.QUY_DINH: ("Quy định", "QyĐ"),
    DocumentType.THONG_CAO: ("Thông cáo", "TC"),
    DocumentType.THONG_BAO: ("Thông báo", "TB"),
    DocumentType.HUONG_DAN: ("Hướng dẫn", "HD"),
    DocumentType.CHUONG_TRINH: ("Chương trình", "CTr"),
    DocumentType.KE_HOACH: ("Kế hoạch", "KH"),
    DocumentType.PHUONG_AN: ("Phương án", "PA"),
    DocumentType.DE_AN: ("Đề án", "ĐA"),
    DocumentType.DU_AN: ("Dự án", "DA"),
    DocumentType.BAO_CAO: ("Báo cáo", "BC"),
    DocumentType.BIEN_BAN: ("Biên bản", "BB"),
    DocumentType.TO_TRINH: ("Tờ trình", "TTr"),
    DocumentType.HOP_DONG: ("Hợp đồng", "HĐ"),
    DocumentType.CONG_VAN: ("Công văn", None),
    DocumentType.CONG_DIEN: ("Công điện", "CĐ"),
    DocumentType.BAN_GHI_NHO: ("Bản ghi nhớ", "BGN"),
    DocumentType.BAN_THOA_THUAN: ("Bản thỏa thuận", "BTT"),
    DocumentType.GIAY_UY_QUYEN: ("Giấy ủy quyền", "GUQ"),
    DocumentType.GIAY_MOI: ("Giấy mời", "GM"),
    DocumentType.GIAY_GIOI_THIEU: ("Giấy giới thiệu", "GGT"),
    DocumentType.GIAY_NGHI_PHEP: ("Giấy nghỉ phép", "GNP"),
    DocumentType.PHIEU_GUI: ("Phiếu gửi", "PG"),
    DocumentType.PHIEU_CHUYEN: ("Phiếu chuyển", "PC"),
    DocumentType.PHIEU_BAO: ("Phiếu báo", "PB"),
    DocumentType.THU_CONG: ("Thư công", None),
}

# --- Number and symbol (D1, D2) ------------------------------------------------------------

STATE_NUMBER_RE = re.compile(
    r"^Số: (0[1-9]|[1-9]\d+)/[A-ZĐ][A-Za-zĐđ]*(-[A-ZĐ0-9][A-Za-zĐđ0-9]*)+$"
)
PARTY_NUMBER_RE = re.compile(r"^Số (\d+)-[A-ZĐa-z]+/[A-ZĐ]+$")
DATE_LINE_RE = re.compile(
    r"^(?P<place>[^,]+), ngày (?P<day>0[1-9]|[12]\d|3[01]) tháng (?P<month>0[12]|[3-9]|1[0-2]) "
    r"năm (?P<year>\d{4})$"
)
RECIPIENTS_LAST_LINE_RE = re.compile(r"^- Lưu: VT, [A-ZĐ]+.*\.$")


def format_number(
    seq: int,
    doc_type_abbrev: str | None,
    issuer_abbrev: str,
    layout: Layout = Layout.STATE,
    options: DocumentOptions | None = None,
) -> str:
    """The number line: ``format_number(5, "QĐ", "VP")`` → "Số: 05/QĐ-VP".

    State (D30 App. I): colon, two digits at least, "/" then the symbol groups joined by "-".
    A Công văn has no type abbreviation: ``format_number(12, None, "VP-TH")`` → "Số: 12/VP-TH".
    Party (HD 36): ``format_number(12, "BC", "VPTU", Layout.PARTY)`` → "Số 12-BC/VPTU"; the
    two-digit padding below 10 ("Số 05-BC/VPTU") follows practice [U] and is the agency's option
    (``DocumentOptions.party_number_padding``): without it, "Số 5-BC/VPTU".
    """
    if seq < 1:
        raise InvalidFacts("seq", "Số văn bản phải từ 1 trở lên.")
    if layout is Layout.PARTY:
        if not doc_type_abbrev:
            raise InvalidFacts("doc_type_abbrev", "Văn bản của Đảng cần ký hiệu tên loại.")
        padded = (options or DocumentOptions()).party_number_padding
        return (
            f"Số {seq:02d}-{doc_type_abbrev}/{issuer_abbrev}"
            if padded
            else (f"Số {seq}-{doc_type_abbrev}/{issuer_abbrev}")
        )
    symbol = f"{doc_type_abbrev}-{issuer_abbrev}" if doc_type_abbrev else issuer_abbrev
    return f"Số: {seq:02d}/{symbol}"


def format_date_line(place: str, d: date) -> str:
    """ "Hà Nội, ngày 05 tháng 01 năm 2026": day padded below 10, month only for 1 and 2."""
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return f"{place}, ngày {d.day:02d} tháng {month} năm {d.year}"


@dataclass(frozen=True, slots=True)
class NumberFacts:
    text: str  # the number line as written: "Số: 05/QĐ-VP"


def _check_pattern(
    code: str,
    version: str,
    on: date,
    text: str,
    pattern: re.Pattern[str],
    good: str,
    bad: str,
    citation: Citation,
) -> Result:
    ok = pattern.fullmatch(text) is not None
    return Result(
        code,
        version,
        on,
        ok,
        {},
        (Reason(f"{code}.{'ok' if ok else 'bad'}", good if ok else bad, citation, {"text": text}),),
    )


@rule(
    code="documents.state_number",
    version="D30",
    title="Số, ký hiệu văn bản hành chính",
    cites=(cite(D30, 15), cite(D30, appendix="I")),
    valid_from=D30_FROM,
    facts=NumberFacts,
)
def check_state_number(facts: NumberFacts, *, on: date) -> Result:
    """Điều 15 và Phụ lục I Nghị định 30/2020: "Số: 05/QĐ-VP"."""
    return _check_pattern(
        "documents.state_number",
        "D30",
        on,
        facts.text,
        STATE_NUMBER_RE,
        '"{text}" đúng thể thức số, ký hiệu',
        '"{text}" sai thể thức: phải có dạng '
        '"Số: 05/QĐ-VP" (dấu hai chấm, số dưới 10 thêm số 0, không có dấu cách)',
        cite(D30, appendix="I"),
    )


@rule(
    code="documents.party_number",
    version="HD36",
    title="Số, ký hiệu văn bản của Đảng",
    cites=(cite_unread(HD36),),
    valid_from=HD36_FROM,
    facts=NumberFacts,
    confidence=Confidence.SECONDARY,
)
def check_party_number(facts: NumberFacts, *, on: date) -> Result:
    """Hướng dẫn 36-HD/VPTW [S]: "Số 12-BC/VPTU" (không có dấu hai chấm)."""
    return _check_pattern(
        "documents.party_number",
        "HD36",
        on,
        facts.text,
        PARTY_NUMBER_RE,
        '"{text}" đúng thể thức số, ký hiệu văn bản của Đảng',
        '"{text}" sai thể thức: phải có dạng "Số 12-BC/VPTU"',
        cite(HD36),
    )


@dataclass(frozen=True, slots=True)
class NumberSequenceFacts:
    issue_date: date
    last_number: int | None = None  # last number of the same series
    last_issued_on: date | None = None


@rule(
    code="documents.number_sequence",
    version="D30",
    title="Số thứ tự văn bản trong năm",
    cites=(cite(D30, 15, 1),),
    valid_from=D30_FROM,
    facts=NumberSequenceFacts,
)
def decide_next_number(facts: NumberSequenceFacts, *, on: date) -> Result:
    """Khoản 1 Điều 15 Nghị định 30/2020: số bắt đầu từ 01 ngày 01/01, kết thúc 31/12."""
    if (facts.last_number is None) != (facts.last_issued_on is None):
        raise InvalidFacts("last_issued_on", "Cần nhập cả số và ngày của văn bản trước đó.")
    if facts.last_issued_on is not None and facts.last_issued_on > facts.issue_date:
        raise InvalidFacts(
            "last_issued_on", "Văn bản trước đó không được có ngày sau ngày ban hành."
        )
    new_year = facts.last_issued_on is None or facts.last_issued_on.year != facts.issue_date.year
    number = 1 if new_year or facts.last_number is None else facts.last_number + 1
    message = (
        "Năm mới: số văn bản bắt đầu lại từ 01"
        if new_year
        else "Số tiếp theo trong năm {year}: {number:02d}"
    )
    return Result(
        "documents.number_sequence",
        "D30",
        on,
        number,
        {"number": number},
        (
            Reason(
                "documents.number_sequence.restart"
                if new_year
                else "documents.number_sequence.next",
                message,
                cite(D30, 15, 1),
                {"year": facts.issue_date.year, "number": number},
            ),
        ),
    )


# --- Date line (D3) ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DateLineFacts:
    text: str  # "Hà Nội, ngày 05 tháng 01 năm 2026"
    expected_date: date | None = None


@rule(
    code="documents.date_line",
    version="D30",
    title="Địa danh và thời gian ban hành",
    cites=(cite(D30, appendix="I"),),
    valid_from=D30_FROM,
    facts=DateLineFacts,
)
def check_date_line(facts: DateLineFacts, *, on: date) -> Result:
    """Phụ lục I Nghị định 30/2020: ngày dưới 10 và tháng 1, 2 thêm số 0 ở trước."""
    citation = cite(D30, appendix="I")
    match = DATE_LINE_RE.fullmatch(facts.text)
    reasons: list[Reason] = []
    if match is None:
        reasons.append(
            Reason(
                "documents.date_line.bad",
                '"{text}" sai thể thức: phải có dạng '
                '"Hà Nội, ngày 05 tháng 01 năm 2026" (tháng 3 đến 12 không thêm '
                "số 0)",
                citation,
                {"text": facts.text},
            )
        )
    elif facts.expected_date is not None:
        expected = format_date_line(match.group("place"), facts.expected_date)
        if expected != facts.text:
            reasons.append(
                Reason(
                    "documents.date_line.wrong_date",
                    'Dòng ngày phải là "{expected}"',
                    citation,
                    {"expected": expected},
                )
            )
    ok = not reasons
    if ok:
        reasons.append(
            Reason(
                "documents.date_line.ok", '"{text}" đúng thể thức', citation, {"text": facts.text}
            )
        )
    return Result("documents.date_line", "D30", on, ok, {}, tuple(reasons))


# --- Page setup and elements (D4) ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Span:
    """An inclusive range: millimetres or points."""

    low: Fraction
    high: Fraction

    def contains(self, value: Fraction) -> bool:
        return self.low <= value <= self.high


def _span(low: int | str, high: int | str | None = None) -> Span:
    return Span(Fraction(low), Fraction(high if high is not None else low))


@dataclass(frozen=True, slots=True)
class PageSpec:
    paper: str
    top_mm: Span
    bottom_mm: Span
    left_mm: Span
    right_mm: Span
    font: str
    body_pt: Span
    page_number_pt: Span
    first_line_indent_mm: tuple[Fraction, ...]


STATE_PAGE: DatedValue[PageSpec] = DatedValue(
    "documents.state_page",
    "Định lề trang, phông chữ văn bản hành chính",
    [
        Dated(
            PageSpec(
                "A4",
                _span(20, 25),
                _span(20, 25),
                _span(30, 35),
                _span(15, 20),
                "Times New Roman",
                _span(13, 14),
                _span(13, 14),
                (Fraction(10), Fraction(127, 10)),
            ),
            D30_FROM,
            None,
            cite(D30, appendix="I"),
        )
    ],
)
PARTY_PAGE: DatedValue[PageSpec] = DatedValue(
    "documents.party_page",
    "Định lề trang, phông chữ văn bản của Đảng",
    # Margins [U]: one rendering gives 20/20/30/15 mm, an older handbook 25/25/35/15.
    [
        Dated(
            PageSpec(
                "A4",
                _span(20, 25),
                _span(20, 25),
                _span(30, 35),
                _span(15),
                "Times New Roman",
                _span(14, 15),
                _span(13, 14),
                (Fraction(10), Fraction(127, 10)),
            ),
            HD36_FROM,
            None,
            cite(HD36),
            Confidence.UNVERIFIED,
        )
    ],
)


class Element(enum.StrEnum):
    NATIONAL_TITLE = "national_title"  # Quốc hiệu / "ĐẢNG CỘNG SẢN VIỆT NAM"
    MOTTO = "motto"  # Tiêu ngữ
    SUPERIOR_BODY = "superior_body"  # cơ quan chủ quản
    ISSUING_BODY = "issuing_body"
    NUMBER = "number"
    PLACE_DATE = "place_date"
    TYPE_NAME = "type_name"
    SUMMARY = "summary"  # trích yếu
    LETTER_SUMMARY = "letter_summary"  # "V/v …" of a Công văn
    LEGAL_BASES = "legal_bases"  # căn cứ
    BODY = "body"
    SIGNING_AUTHORITY = "signing_authority"  # TM., KT., TL., …
    SIGNER_NAME = "signer_name"
    TO_LINE = "to_line"  # Kính gửi
    RECIPIENTS_HEADING = "recipients_heading"  # Nơi nhận
    RECIPIENTS = "recipients"
    APPENDIX_HEADING = "appendix_heading"
    PAGE_NUMBER = "page_number"


@dataclass(frozen=True, slots=True)
class ElementSpec:
    size_pt: Span
    upper: bool = False
    bold: bool = False
    italic: bool = False
    note: str = ""


def _el(
    low: int,
    high: int | None = None,
    *,
    upper: bool = False,
    bold: bool = False,
    italic: bool = False,
    note: str = "",
) -> ElementSpec:
    return ElementSpec(_span(low, high), upper, bold, italic, note)


STATE_ELEMENTS: DatedValue[Mapping[Element, ElementSpec]] = DatedValue(
    "documents.state_elements",
    "Phông chữ, cỡ chữ, kiểu chữ các thành phần thể thức",
    [
        Dated(
            {
                Element.NATIONAL_TITLE: _el(12, 13, upper=True, bold=True),
                Element.MOTTO: _el(13, 14, bold=True, note="gạch chân bằng độ dài dòng chữ"),
                Element.SUPERIOR_BODY: _el(12, 13, upper=True),
                Element.ISSUING_BODY: _el(
                    12, 13, upper=True, bold=True, note="gạch chân 1/3 đến 1/2 độ dài dòng chữ"
                ),
                Element.NUMBER: _el(13),
                Element.PLACE_DATE: _el(13, 14, italic=True),
                Element.TYPE_NAME: _el(13, 14, upper=True, bold=True),
                Element.SUMMARY: _el(
                    13, 14, bold=True, note="gạch chân 1/3 đến 1/2 độ dài dòng chữ"
                ),
                Element.LETTER_SUMMARY: _el(12, 13),
                Element.LEGAL_BASES: _el(13, 14, italic=True),
                Element.BODY: _el(
                    13,
                    14,
                    note="thụt đầu dòng 1 cm hoặc 1,27 cm; cách đoạn tối thiểu "
                    "6pt; cách dòng từ đơn đến 1,5 dòng",
                ),
                Element.SIGNING_AUTHORITY: _el(13, 14, upper=True, bold=True),
                Element.SIGNER_NAME: _el(13, 14, bold=True),
                Element.TO_LINE: _el(13, 14),
                Element.RECIPIENTS_HEADING: _el(12, bold=True, italic=True),
                Element.RECIPIENTS: _el(11),
                Element.APPENDIX_HEADING: _el(14, bold=True),
                Element.PAGE_NUMBER: _el(
                    13, 14, note="giữa lề trên, không hiển thị ở trang thứ nhất"
                ),
            },
            D30_FROM,
            None,
            cite(D30, appendix="I"),
        )
    ],
)
PARTY_ELEMENTS: DatedValue[Mapping[Element, ElementSpec]] = DatedValue(
    "documents.party_elements",
    "Cỡ chữ, kiểu chữ các thành phần thể thức văn bản của Đảng",
    [
        Dated(
            {
                Element.NATIONAL_TITLE: _el(
                    15, upper=True, bold=True, note="gạch chân bằng dòng chữ"
                ),
                Element.SUPERIOR_BODY: _el(14, upper=True),
                Element.ISSUING_BODY: _el(
                    14, upper=True, bold=True, note="dấu sao (*) ở dòng dưới"
                ),
                Element.NUMBER: _el(14),
                Element.PLACE_DATE: _el(14, italic=True),
                Element.TYPE_NAME: _el(15, 16, upper=True, bold=True),
                Element.SUMMARY: _el(14, 15, bold=True),
                Element.LETTER_SUMMARY: _el(12, italic=True),
                Element.BODY: _el(14, 15),
            },
            HD36_FROM,
            None,
            cite(HD36),
            Confidence.SECONDARY,
        )
    ],
)


@dataclass(frozen=True, slots=True)
class PageSetupFacts:
    top_mm: Fraction
    bottom_mm: Fraction
    left_mm: Fraction
    right_mm: Fraction
    body_pt: Fraction
    font: str = "Times New Roman"
    paper: str = "A4"


@rule(
    code="documents.page_setup",
    version="D30",
    title="Khổ giấy, định lề, phông chữ",
    cites=(cite(D30, appendix="I"),),
    valid_from=D30_FROM,
    facts=PageSetupFacts,
)
def check_page_setup(facts: PageSetupFacts, *, on: date) -> Result:
    """Phụ lục I Nghị định 30/2020: A4; lề trên, dưới 20–25 mm, trái 30–35, phải 15–20."""
    spec = STATE_PAGE.at(on)
    page = spec.value
    reasons: list[Reason] = []
    checks = (
        ("top_mm", "lề trên", facts.top_mm, page.top_mm),
        ("bottom_mm", "lề dưới", facts.bottom_mm, page.bottom_mm),
        ("left_mm", "lề trái", facts.left_mm, page.left_mm),
        ("right_mm", "lề phải", facts.right_mm, page.right_mm),
        ("body_pt", "cỡ chữ phần nội dung", facts.body_pt, page.body_pt),
    )
    for field, label, value, span in checks:
        if not span.contains(value):
            reasons.append(
                Reason(
                    "documents.page_setup.out_of_range",
                    "{label} {value} ngoài khoảng {low}–{high}",
                    spec.citation,
                    {
                        "field": field,
                        "label": label.capitalize(),
                        "value": value,
                        "low": span.low,
                        "high": span.high,
                    },
                )
            )
    if facts.font != page.font:
        reasons.append(
            Reason(
                "documents.page_setup.font",
                "Phông chữ phải là {font}",
                spec.citation,
                {"font": page.font},
            )
        )
    if facts.paper != page.paper:
        reasons.append(
            Reason(
                "documents.page_setup.paper",
                "Khổ giấy phải là {paper}",
                spec.citation,
                {"paper": page.paper},
            )
        )
    ok = not reasons
    if ok:
        reasons.append(
            Reason(
                "documents.page_setup.ok",
                "Khổ giấy, định lề, phông chữ đúng quy định",
                spec.citation,
            )
        )
    return Result("documents.page_setup", "D30", on, ok, {}, tuple(reasons))


# --- Recipients (D5) and lists (D6) --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RecipientsFacts:
    lines: tuple[str, ...]  # the lines under "Nơi nhận:"


@rule(
    code="documents.recipients",
    version="D30",
    title="Nơi nhận",
    cites=(cite(D30, appendix="I"),),
    valid_from=D30_FROM,
    facts=RecipientsFacts,
)
def check_recipients(facts: RecipientsFacts, *, on: date) -> Result:
    """Phụ lục I Nghị định 30/2020: dòng cuối "- Lưu: VT, <đơn vị soạn thảo>."."""
    citation = cite(D30, appendix="I")
    last = facts.lines[-1] if facts.lines else ""
    ok = RECIPIENTS_LAST_LINE_RE.fullmatch(last) is not None
    message = (
        'Dòng cuối nơi nhận "{last}" đúng thể thức'
        if ok
        else 'Dòng cuối nơi nhận phải có dạng "- Lưu: VT, TH." (đang là "{last}")'
    )
    return Result(
        "documents.recipients",
        "D30",
        on,
        ok,
        {},
        (
            Reason(
                f"documents.recipients.{'ok' if ok else 'bad'}", message, citation, {"last": last}
            ),
        ),
    )


@dataclass(frozen=True, slots=True)
class ListDocumentFacts:
    attached_to: DocumentType | None = None  # the typed document the list is an appendix of


@rule(
    code="documents.list_as_appendix",
    version="D30",
    title="Danh sách là phụ lục",
    cites=(cite(D30, 7),),
    valid_from=D30_FROM,
    facts=ListDocumentFacts,
)
def check_list_as_appendix(facts: ListDocumentFacts, *, on: date) -> Result:
    """Điều 7 Nghị định 30/2020: "Danh sách" không phải là một loại văn bản hành chính."""
    citation = cite(D30, 7)
    if facts.attached_to is None:
        return Result(
            "documents.list_as_appendix",
            "D30",
            on,
            False,
            {},
            (
                Reason(
                    "documents.list.standalone",
                    "Danh sách không phải là loại văn bản hành chính: "
                    "phải ban hành kèm theo một văn bản (phụ lục)",
                    citation,
                ),
            ),
        )
    name = DOCUMENT_TYPES[facts.attached_to][0]
    return Result(
        "documents.list_as_appendix",
        "D30",
        on,
        True,
        {},
        (
            Reason(
                "documents.list.appendix",
                "Danh sách ban hành là phụ lục kèm theo {name}",
                citation,
                {"name": name},
            ),
        ),
    )
