"""Set a :class:`~hoinghi.documents.paper.Paper` on the page as a DOCX package.

Every size, weight and margin comes from :mod:`hoinghi.documents.layout`; nothing here knows a
document type. The package around the text (styles, settings, fonts, the page-number header,
page size and margins) is made once per page setup with python-docx (:mod:`.docx_base`) and
kept deflated in memory; each document only writes its ``word/document.xml`` as one string and
appends it to a copy of that package. Opening and saving python-docx's template was most of
the time of a one-page document; now it is done once per process.
"""

from __future__ import annotations

import re
from datetime import date
from xml.sax.saxutils import escape

from hoinghi.documents.docx_base import CoreProperties, base_package
from hoinghi.documents.layout import (
    EXTRA_STYLES,
    MOTTO,
    NATIONAL_TITLE,
    PARTY_STAR,
    PARTY_TITLE,
    Letterhead,
    Spec,
    TextStyle,
    letterhead_lines,
    rule_length_mm,
    signing_prefix,
    spec_for,
    style_id,
    writer_styles,
)
from hoinghi.documents.paper import Appendix, Paper, Section, Signature, Table
from hoinghi.documents.qr_picture import with_qr_code
from hoinghi.law.documents import Element, Layout, format_date_line, format_number
from hoinghi.law.options import DocumentOptions

HEADER_LEFT_MM, HEADER_RIGHT_MM = 60, 105  # the national title stays on one line at 13 pt
PARTY_HEADER_MM = (80, 85)  # HD 36: the Party's name is short, the committee's lines long
TABLE_TEXT_PT = 12  # lists in tables and appendices
LETTER_PREFIX = "V/v "  # the summary of a Công văn, under its number (D30 App. I, item 5b)
_JC = {"center": "center", "left": "left", "right": "right", "justify": "both"}
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_LOOK = (
    '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
    'w:noHBand="0" w:noVBand="1"/>'
)
_EMPTY = "<w:p/>"


def number_text(paper: Paper) -> str:
    """ "Số: 05/QĐ-VP" when issued; "Số:      /QĐ-VP" on a draft (filled at issue)."""
    header = paper.header
    if paper.number_seq is not None:
        return format_number(
            paper.number_seq,
            paper.type_abbrev,
            header.issuer_abbrev,
            header.layout,
            DocumentOptions(party_number_padding=header.number_padding),
        )
    if header.layout is Layout.PARTY:
        return f"Số       -{paper.type_abbrev}/{header.issuer_abbrev}"
    symbol = (
        f"{paper.type_abbrev}-{header.issuer_abbrev}" if paper.type_abbrev else header.issuer_abbrev
    )
    return f"Số:        /{symbol}"


def date_line_text(paper: Paper, year: int) -> str:
    if paper.issued_on is not None:
        return format_date_line(paper.header.place, paper.issued_on)
    return f"{paper.header.place}, ngày      tháng      năm {year}"


def render_docx(paper: Paper, *, year: int) -> bytes:
    """The DOCX bytes of ``paper``; ``year`` fills the date line of a draft."""
    on = paper.issued_on or _year_start(year)
    spec = spec_for(paper.header.layout, on)
    base = base_package(
        spec.page,
        spec.style(Element.PAGE_NUMBER).size_pt,
        spec.style(Element.BODY).size_pt,
        tuple(writer_styles(spec).items()),
    )
    main = _body(spec, paper, year)
    appendices = [
        _appendix(spec, paper, appendix, index, year)
        for index, appendix in enumerate(paper.appendices, start=1)
    ]
    title = f"{paper.type_name.capitalize()} {paper.summary}".strip()
    core = CoreProperties(title, paper.header.issuer, paper.issued_on or on)
    data = base.document(main, appendices, core)
    return with_qr_code(data, paper.qr_url) if paper.qr_url else data


def _year_start(year: int) -> date:
    return date(max(year, 2021), 1, 1)


def _body(spec: Spec, paper: Paper, year: int) -> list[str]:
    out: list[str] = []
    if paper.letterhead:
        _header_block(out, spec, paper, year)
    else:
        _personal_header(out, spec, paper, year)
    _title_block(out, spec, paper)
    for basis in paper.bases:
        out.append(_paragraph(basis, spec.style(Element.LEGAL_BASES), spec, indent=True))
    for index, section in enumerate(paper.printed_sections):
        if paper.decides and index == paper.articles_start:
            out.append(_paragraph(paper.decides, DECIDES, spec))
        _section(out, spec, section)
    if paper.decides and paper.articles_start == len(paper.sections):
        out.append(_paragraph(paper.decides, DECIDES, spec))
    if paper.closing:
        out.append(_paragraph(paper.closing, spec.style(Element.BODY), spec, indent=True))
    _keep_last_with_signature(out)
    _signature_block(out, spec, paper)
    return out


DECIDES = EXTRA_STYLES["decides"]  # "QUYẾT ĐỊNH:" / "QUYẾT NGHỊ:" (D30 App. I)
_KEEP = "<w:keepNext/><w:keepLines/>"
_PROPS = re.compile(r"<w:pPr>(<w:pStyle [^>]*/>)?")


def _keep(xml: str, keep: str = _KEEP, count: int = 1) -> str:
    """Paragraphs kept with the next: the marks go after the style, as the schema orders them."""
    return _PROPS.sub(lambda m: m.group(0) + keep, xml, count=count)


def _keep_last_with_signature(out: list[str]) -> None:
    """The last paragraph of the text stays on the page of the signature (no name alone)."""
    for index in range(len(out) - 1, -1, -1):
        if out[index].startswith("<w:p><w:pPr>"):
            out[index] = _keep(out[index])
            return


# --- text ---------------------------------------------------------------------------------


def _text(text: str, style: TextStyle) -> str:
    clean = _NOT_XML.sub("", text.upper() if style.upper else text)
    return escape(clean)


def _run(text: str, style: TextStyle, *, bold: bool = False) -> str:
    """A run in its paragraph's named style; ``bold`` only for a lead-in like "Điều 1."."""
    marks = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{marks}<w:t xml:space="preserve">{_text(text, style)}</w:t></w:r>'


def _paragraph(
    text: str,
    style: TextStyle,
    spec: Spec,
    *,
    indent: bool = False,
    after: int | None = None,
    lead: str = "",
) -> str:
    """One paragraph in the named style of ``style``: spacing after, first-line indent and
    line spacing for body text; ``lead`` a bold start in the same paragraph ("Điều 1.")."""
    page = spec.page
    spacing = f'<w:spacing w:after="{(page.paragraph_after_pt if after is None else after) * 20}"'
    indentation = ""
    if indent:
        spacing += f' w:line="{round(page.line_spacing * 240)}" w:lineRule="auto"'
        indentation = f'<w:ind w:firstLine="{_twips(float(page.first_line_indent_mm))}"/>'
    runs = (_run(lead + " ", style, bold=True) if lead else "") + _run(text, style)
    return (
        f'<w:p><w:pPr><w:pStyle w:val="{style_id(style)}"/>{spacing}/>{indentation}</w:pPr>'
        f"{runs}</w:p>"
    )


def _line(text: str, style: TextStyle, spec: Spec) -> str:
    """A line inside a header or signature cell: no space after."""
    return _paragraph(text, style, spec, after=0)


def _rule(width_mm: float, room_mm: float, *, after_pt: int = 0) -> str:
    """A solid line ``width_mm`` long, centred in ``room_mm`` (a bottom border of an empty line)."""
    side = _twips((room_mm - width_mm) / 2)
    return (
        '<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/>'
        f'</w:pBdr><w:spacing w:after="{after_pt * 20}"/><w:ind w:left="{side}" w:right="{side}"/>'
        '</w:pPr><w:r><w:rPr><w:sz w:val="4"/></w:rPr></w:r></w:p>'
    )


def _twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


# --- blocks -------------------------------------------------------------------------------


def _grid(cells: list[list[str]], widths_mm: list[int], *, keep: bool = False) -> str:
    """A borderless layout table of one row per list of cells (each cell: its paragraphs);
    ``keep``: a row never splits across pages."""
    twips = [_twips(w) for w in widths_mm]
    columns = "".join(f'<w:gridCol w:w="{w}"/>' for w in twips)
    row_props = "<w:trPr><w:cantSplit/></w:trPr>" if keep else ""
    rows = "".join(
        f"<w:tr>{row_props}"
        + "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>{content or _EMPTY}</w:tc>'
            for content, w in zip(row, twips, strict=True)
        )
        + "</w:tr>"
        for row in cells
    )
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/>'
        f'<w:tblLayout w:type="fixed"/>{_LOOK}</w:tblPr><w:tblGrid>{columns}</w:tblGrid>{rows}</w:tbl>'
    )


def _header_block(out: list[str], spec: Spec, paper: Paper, year: int) -> None:
    """Issuing body left; the national motto (state, union) or the Party's name right; number, date."""
    header = paper.header
    left = ""
    superior, issuer = letterhead_lines(header)
    if superior:
        left += _line(superior, spec.style(Element.SUPERIOR_BODY), spec)
    left += _line(issuer, spec.style(Element.ISSUING_BODY), spec)
    if header.letterhead is Letterhead.PARTY:
        left += _line(PARTY_STAR, spec.style(Element.ISSUING_BODY), spec)
        right = _line(PARTY_TITLE, spec.style(Element.NATIONAL_TITLE), spec)
    else:
        left += _rule(rule_length_mm(issuer, spec.style(Element.ISSUING_BODY)), HEADER_LEFT_MM)
        right = _line(NATIONAL_TITLE, spec.style(Element.NATIONAL_TITLE), spec) + _line(
            MOTTO, spec.style(Element.MOTTO), spec
        )
    number = ""
    if paper.numbered:
        number = _line(number_text(paper), spec.style(Element.NUMBER), spec)
    if paper.letter and paper.summary:
        number += _line(LETTER_PREFIX + paper.summary, spec.style(Element.LETTER_SUMMARY), spec)
    date_line = _line(date_line_text(paper, year), spec.style(Element.PLACE_DATE), spec)
    widths = (
        list(PARTY_HEADER_MM)
        if header.letterhead is Letterhead.PARTY
        else [HEADER_LEFT_MM, HEADER_RIGHT_MM]
    )
    out.append(_grid([[left, right], [number, date_line]], widths))
    out.append(_EMPTY)


def _personal_header(out: list[str], spec: Spec, paper: Paper, year: int) -> None:
    """A person's own paper: the national title and motto centred, the date line, no issuer."""
    out.append(_line(NATIONAL_TITLE, spec.style(Element.NATIONAL_TITLE), spec))
    out.append(_line(MOTTO, spec.style(Element.MOTTO), spec))
    out.append(_EMPTY)
    out.append(_paragraph(date_line_text(paper, year), EXTRA_STYLES["personal_date"], spec))


def summary_text(paper: Paper) -> str:
    """The trích yếu as printed: a Party document writes "về việc …" in lower case (HD 36)."""
    summary = paper.summary
    if paper.header.layout is Layout.PARTY and summary.startswith("Về "):
        return "v" + summary[1:]
    return summary


def _title_block(out: list[str], spec: Spec, paper: Paper) -> None:
    if not paper.letter:
        out.append(_paragraph(paper.type_name, spec.style(Element.TYPE_NAME), spec, after=0))
        summary = summary_text(paper)
        style = spec.style(Element.SUMMARY)
        if summary:
            out.append(_paragraph(summary, style, spec, after=0))
        page = spec.page
        room = page.paper_width_mm - page.left_mm - page.right_mm
        longest = summary or paper.type_name
        width = rule_length_mm(longest, style, room=room)
        out.append(_rule(width, room, after_pt=12))
    if paper.to_lines:
        style = spec.style(Element.TO_LINE)
        if len(paper.to_lines) == 1:
            out.append(_paragraph(f"Kính gửi: {paper.to_lines[0]}", style, spec))
        else:
            out.append(_paragraph("Kính gửi:", style, spec, after=0))
            out.extend(_paragraph(line, style, spec, after=0) for line in paper.to_lines)
            out.append(_EMPTY)


def _section(out: list[str], spec: Spec, section: Section) -> None:
    """A section; one with no text and no table is not printed. "Điều 1." leads its text."""
    body = spec.style(Element.BODY)
    paragraphs = section.paragraphs
    if not paragraphs and section.table is None:
        return
    article = section.heading.startswith("Điều ")
    if section.heading and not (article and paragraphs):
        heading = EXTRA_STYLES["heading"]
        out.append(_keep(_paragraph(section.heading, heading, spec, indent=True), "<w:keepNext/>"))
    for index, text in enumerate(paragraphs):
        lead = section.heading if article and index == 0 else ""
        out.append(_paragraph(text, body, spec, indent=True, lead=lead))
    if section.table is not None:
        out.append(_list_table(section.table))
        out.append(_EMPTY)


def _signature_cell(spec: Spec, signature: Signature) -> str:
    authority = spec.style(Element.SIGNING_AUTHORITY)
    lines = list(signature.lines)
    if signature.authority:
        prefix = signing_prefix(spec, signature.authority)
        lines.insert(0, f"{prefix} {signature.on_behalf_of}".strip())
    room = _EMPTY * 4  # for the signature and the seal
    return (
        "".join(_line(line, authority, spec) for line in lines)
        + room
        + _line(signature.name, spec.style(Element.SIGNER_NAME), spec)
    )


def _recipients_cell(spec: Spec, recipients: list[str]) -> str:
    heading = _line("Nơi nhận:", spec.style(Element.RECIPIENTS_HEADING), spec)
    return heading + "".join(
        _line(line, spec.style(Element.RECIPIENTS), spec) for line in recipients
    )


def _signature_block(out: list[str], spec: Spec, paper: Paper) -> None:
    """Signatures and "Nơi nhận" in rows that do not split, kept with each other."""
    signatures = paper.signatures
    if len(signatures) >= 2:
        cells = [_signature_cell(spec, s) for s in signatures[:2]]
        if paper.recipients:
            cells = [_kept(c) for c in cells]
            out.append(_grid([cells], [82, 83], keep=True))
            out.append(_EMPTY.replace("<w:p/>", "<w:p><w:pPr><w:keepNext/></w:pPr></w:p>"))
            out.append(_grid([[_recipients_cell(spec, paper.recipients), ""]], [82, 83], keep=True))
        else:
            out.append(_grid([cells], [82, 83], keep=True))
        return
    left = _recipients_cell(spec, paper.recipients) if paper.recipients else ""
    right = _signature_cell(spec, signatures[0]) if signatures else ""
    out.append(_grid([[left, right]], [80, 85], keep=True))


def _kept(cell: str) -> str:
    """Every paragraph of a cell kept with the next: the row stays with what follows it."""
    return _keep(cell, count=0).replace("<w:p/>", f"<w:p><w:pPr>{_KEEP}</w:pPr></w:p>")


def _roman(number: int) -> str:
    numerals = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, letters in numerals:
        while number >= value:
            out += letters
            number -= value
    return out


def _appendix(spec: Spec, paper: Paper, appendix: Appendix, index: int, year: int) -> list[str]:
    """A section of its own (new page, numbered from 1): "Phụ lục", its name, "(Kèm theo …)", the list."""
    several = len(paper.appendices) > 1
    heading = spec.style(Element.APPENDIX_HEADING)
    note = appendix.note or _attached_note(paper, year)
    return [
        _paragraph(f"Phụ lục {_roman(index)}" if several else "Phụ lục", heading, spec, after=0),
        _paragraph(appendix.title, appendix_title_style(spec), spec, after=0),
        _paragraph(note, appendix_note_style(spec), spec),
        _list_table(appendix.table),
    ]


def _attached_note(paper: Paper, year: int) -> str:
    number = number_text(paper).removeprefix("Số:").removeprefix("Số").strip()
    when = date_line_text(paper, year).split(", ", 1)[1]
    name = paper.type_name.capitalize()
    return f"(Kèm theo {name} số {number} {when} của {paper.header.issuer})"


# --- lists --------------------------------------------------------------------------------


TABLE_STYLE, TABLE_HEAD_STYLE = EXTRA_STYLES["table"], EXTRA_STYLES["table_heading"]


def _cell_xml(text: str, width_twips: int, *, bold: bool) -> str:
    style = style_id(TABLE_HEAD_STYLE if bold else TABLE_STYLE)
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width_twips}" w:type="dxa"/></w:tcPr><w:p><w:pPr>'
        f'<w:pStyle w:val="{style}"/></w:pPr><w:r>'
        f'<w:t xml:space="preserve">{escape(_NOT_XML.sub("", text))}</w:t></w:r></w:p></w:tc>'
    )


def appendix_title_style(spec: Spec) -> TextStyle:
    return EXTRA_STYLES["appendix_title"]


def appendix_note_style(spec: Spec) -> TextStyle:
    return EXTRA_STYLES["appendix_note"]


def _list_table(table: Table) -> str:
    """A bordered list ("Table Grid"): one header row in bold, repeated on every page, then the rows."""
    count = len(table.columns)
    widths = table.widths_mm or [int(165 / count)] * count
    twips = [_twips(w) for w in widths]
    columns = "".join(f'<w:gridCol w:w="{w}"/>' for w in twips)
    head = (
        "<w:tr><w:trPr><w:tblHeader/></w:trPr>"
        + "".join(_cell_xml(t, w, bold=True) for t, w in zip(table.columns, twips, strict=True))
        + "</w:tr>"
    )
    rows = "".join(
        "<w:tr>"
        + "".join(_cell_xml(t, w, bold=False) for t, w in zip(row, twips, strict=True))
        + "</w:tr>"
        for row in table.rows
    )
    return (
        f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
        f'<w:jc w:val="center"/>{_LOOK}</w:tblPr><w:tblGrid>{columns}</w:tblGrid>{head}{rows}</w:tbl>'
    )
