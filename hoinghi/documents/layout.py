"""The page and element specification of official documents, written once.

The law (``hoinghi.law.documents``) gives ranges: margins 20–25 mm, body 13–14 pt, … This
module picks one value inside each range for the state layout (Decree 30/2020, Appendix I) and
the Party layout (Hướng dẫn 36-HD/VPTW), and checks at import time that every pick lies inside
the law's range for the date. The writer (:mod:`hoinghi.documents.docx_writer`) reads only this.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from fractions import Fraction
from typing import TYPE_CHECKING

from hoinghi.law.documents import (
    PARTY_ELEMENTS,
    PARTY_PAGE,
    STATE_ELEMENTS,
    STATE_PAGE,
    Element,
    ElementSpec,
    Layout,
    PageSpec,
)

if TYPE_CHECKING:
    from hoinghi.documents.paper import Header

# Kinds of agency (org.AgencyKind values) that write under Hướng dẫn 36.
PARTY_KINDS = frozenset({"party"})


class Letterhead(StrEnum):
    """The block at the top of the first page: whose document it is."""

    STATE = "state"  # Nghị định 30/2020: issuer left, national title and motto right
    PARTY = "party"  # Hướng dẫn 36-HD/VPTW: issuer and a star left, the Party's name right
    # Công đoàn cơ quan: no verified spec found (docs/domain/documents.md §4.3, [U])
    UNION = "union"


UNION_TOP = "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM"
UNION_ABBREVIATION = "CĐ"  # the union's symbol in a number: "Số: 03/QĐ-CĐ" [U]
UNION_UNVERIFIED = (
    "Thể thức chưa xác minh: Tổng Liên đoàn Lao động Việt Nam chưa có hướng dẫn thể thức văn "
    "bản công đoàn được tìm thấy; mẫu này theo văn bản công đoàn thường gặp (tên công đoàn cấp "
    "trên, tên công đoàn cơ quan bên trái, Quốc hiệu và Tiêu ngữ bên phải, cỡ chữ như Nghị định "
    "30/2020). Cần rà soát trước khi dùng chính thức."
)

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
PARTY_TITLE = "ĐẢNG CỘNG SẢN VIỆT NAM"
PARTY_STAR = "*"

# Signing-authority prefixes (D30 Art 13; HD 36 writes them with a slash).
STATE_PREFIXES = {"TM": "TM.", "KT": "KT.", "TL": "TL.", "TUQ": "TUQ.", "Q": "Q."}
PARTY_PREFIXES = {"TM": "T/M", "KT": "K/T", "TL": "T/L", "TUQ": "TUQ.", "Q": "Q."}


@dataclass(frozen=True, slots=True)
class TextStyle:
    """How one element is set: size in points, weight, slant, case and alignment."""

    size_pt: int
    bold: bool = False
    italic: bool = False
    upper: bool = False
    align: str = "center"  # center / left / right / justify
    underline: bool = False
    role: str = ""  # the named paragraph style it is written in: "body" → "HN Body"


@dataclass(frozen=True, slots=True)
class PageSetup:
    paper_width_mm: int
    paper_height_mm: int
    top_mm: int
    bottom_mm: int
    left_mm: int
    right_mm: int
    font: str
    first_line_indent_mm: Fraction
    paragraph_after_pt: int  # ≥ 6 pt between paragraphs
    line_spacing: float  # single to 1.5 lines


@dataclass(frozen=True, slots=True)
class Spec:
    """Everything the writer needs for one layout on one date."""

    layout: Layout
    page: PageSetup
    styles: Mapping[Element, TextStyle]
    prefixes: Mapping[str, str]

    def style(self, element: Element) -> TextStyle:
        return self.styles[element]


# The picks: one size per element, inside the law's range.
_STATE_PICKS: dict[Element, TextStyle] = {
    Element.NATIONAL_TITLE: TextStyle(13, bold=True, upper=True),
    Element.MOTTO: TextStyle(14, bold=True, underline=True),
    Element.SUPERIOR_BODY: TextStyle(13, upper=True),
    Element.ISSUING_BODY: TextStyle(13, bold=True, upper=True),
    Element.NUMBER: TextStyle(13),
    Element.PLACE_DATE: TextStyle(14, italic=True),
    Element.TYPE_NAME: TextStyle(14, bold=True, upper=True),
    Element.SUMMARY: TextStyle(14, bold=True),
    Element.LETTER_SUMMARY: TextStyle(12),
    Element.LEGAL_BASES: TextStyle(14, italic=True, align="justify"),
    Element.BODY: TextStyle(14, align="justify"),
    Element.SIGNING_AUTHORITY: TextStyle(14, bold=True, upper=True),
    Element.SIGNER_NAME: TextStyle(14, bold=True),
    Element.TO_LINE: TextStyle(14),
    Element.RECIPIENTS_HEADING: TextStyle(12, bold=True, italic=True, align="left"),
    Element.RECIPIENTS: TextStyle(11, align="left"),
    Element.APPENDIX_HEADING: TextStyle(14, bold=True),
    Element.PAGE_NUMBER: TextStyle(14),
}
# HD 36 names sizes for the header, number, date, title, summary and body; the rest of the
# page follows the state picks (its signature and recipients rules are [U] in docs/domain/documents.md §4.2).
_PARTY_PICKS: dict[Element, TextStyle] = {
    **_STATE_PICKS,
    Element.NATIONAL_TITLE: TextStyle(15, bold=True, upper=True, underline=True),
    Element.SUPERIOR_BODY: TextStyle(14, upper=True),
    Element.ISSUING_BODY: TextStyle(14, bold=True, upper=True),
    Element.NUMBER: TextStyle(14),
    Element.PLACE_DATE: TextStyle(14, italic=True),
    Element.TYPE_NAME: TextStyle(16, bold=True, upper=True),
    Element.SUMMARY: TextStyle(14, bold=True),
    Element.LETTER_SUMMARY: TextStyle(12, italic=True),
    Element.BODY: TextStyle(14, align="justify"),
}


class SpecError(ValueError):
    """A pick outside the law's range: a programming error caught at import and in tests."""


def _check_page(page: PageSetup, law: PageSpec) -> None:
    for name, value, span in (
        ("top", page.top_mm, law.top_mm),
        ("bottom", page.bottom_mm, law.bottom_mm),
        ("left", page.left_mm, law.left_mm),
        ("right", page.right_mm, law.right_mm),
    ):
        if not span.contains(Fraction(value)):
            raise SpecError(f"margin {name} {value} mm outside {span.low}–{span.high}")
    if page.font != law.font or law.paper != "A4":
        raise SpecError(f"font {page.font} / paper {law.paper}")
    if page.first_line_indent_mm not in law.first_line_indent_mm:
        raise SpecError(f"first-line indent {page.first_line_indent_mm} mm")


def _check_styles(styles: Mapping[Element, TextStyle], law: Mapping[Element, ElementSpec]) -> None:
    for element, rule in law.items():
        pick = styles[element]
        if not rule.size_pt.contains(Fraction(pick.size_pt)):
            raise SpecError(
                f"{element}: {pick.size_pt} pt outside {rule.size_pt.low}–{rule.size_pt.high}"
            )
        if (
            (rule.bold and not pick.bold)
            or (rule.italic and not pick.italic)
            or (rule.upper and not pick.upper)
        ):
            raise SpecError(f"{element}: weight, slant or case differs from the law")


_PAGE = PageSetup(
    210,
    297,
    top_mm=20,
    bottom_mm=20,
    left_mm=30,
    right_mm=15,
    font="Times New Roman",
    first_line_indent_mm=Fraction(127, 10),
    paragraph_after_pt=6,
    line_spacing=1.15,
)


def spec_for(layout: Layout, on: date) -> Spec:
    """The page and elements of ``layout`` in force on ``on``, checked against the law."""
    if layout is Layout.PARTY:
        law_page, law_elements, picks, prefixes = (
            PARTY_PAGE.value(on),
            PARTY_ELEMENTS.value(on),
            _PARTY_PICKS,
            PARTY_PREFIXES,
        )
    else:
        law_page, law_elements, picks, prefixes = (
            STATE_PAGE.value(on),
            STATE_ELEMENTS.value(on),
            _STATE_PICKS,
            STATE_PREFIXES,
        )
    _check_page(_PAGE, law_page)
    _check_styles(picks, law_elements)
    named = {element: replace(style, role=element.value) for element, style in picks.items()}
    return Spec(layout, _PAGE, named, prefixes)


# The writer's own styles beside the elements': each a named paragraph style of the package.
HEADING = "heading"
EXTRA_STYLES: dict[str, TextStyle] = {
    HEADING: TextStyle(14, bold=True, align="justify", role=HEADING),
    "decides": TextStyle(14, bold=True, role="decides"),
    "table": TextStyle(12, align="left", role="table"),
    "table_heading": TextStyle(12, bold=True, role="table_heading"),
    "appendix_title": TextStyle(14, bold=True, upper=True, role="appendix_title"),
    "appendix_note": TextStyle(14, italic=True, role="appendix_note"),
    "personal_date": TextStyle(14, italic=True, align="right", role="personal_date"),
}


def writer_styles(spec: Spec) -> dict[str, TextStyle]:
    """Every named paragraph style a document of ``spec`` uses, by role."""
    return {**{s.role: s for s in spec.styles.values()}, **EXTRA_STYLES}


def style_name(role: str) -> str:
    """ "HN Type Name": the name Word shows for the role's paragraph style."""
    return "HN " + role.replace("_", " ").title()


def style_id(style: TextStyle) -> str:
    return style_name(style.role or "body").replace(" ", "")


# Average advance of Times-metric letters in em, capitals and the rest (Liberation Serif).
_CAPITAL_EM, _SMALL_EM, _BOLD_FACTOR = 0.68, 0.47, 1.04


def text_width_mm(text: str, style: TextStyle) -> float:
    """An estimate of the printed width of one line of ``text`` in ``style``."""
    shown = text.upper() if style.upper else text
    em = sum(_CAPITAL_EM if c.isupper() else _SMALL_EM if c != " " else 0.25 for c in shown)
    return em * (_BOLD_FACTOR if style.bold else 1.0) * style.size_pt * 25.4 / 72


def rule_length_mm(text: str, style: TextStyle, *, room: float | None = None) -> float:
    """The rule under a line: 40 % of the line's width (between one third and one half, as
    the samples draw it), the longest line of a wrapped text counting at most ``room``."""
    width = text_width_mm(text, style)
    if room is not None:
        width = min(width, room)
    return round(max(width * 0.4, 15.0), 1)


def layout_for_kind(agency_kind: str) -> Layout:
    """A Party body writes under HD 36; state agencies and public service units under D30."""
    return Layout.PARTY if agency_kind in PARTY_KINDS else Layout.STATE


def letterhead_lines(header: Header) -> tuple[str, str]:
    """The two lines at the top left: the superior body ("" if none) and the issuing body.

    The union's: its upper union, or the Confederation when that is not set, over "CÔNG ĐOÀN …".
    """
    superior, issuer = header.superior, header.issuer
    if header.letterhead is Letterhead.UNION:
        return superior or UNION_TOP, issuer
    return superior, issuer


def signing_prefix(spec: Spec, code: str) -> str:
    """ "TM." in the state layout, "T/M" in the Party layout; "" when no prefix."""
    return spec.prefixes.get(code, "") if code else ""
