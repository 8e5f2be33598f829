"""Set a :class:`~hoinghi.documents.paper.Paper` on the page with python-docx.

Every size, weight and margin comes from :mod:`hoinghi.documents.layout`; nothing here knows a
document type. Tables of thousands of rows are written straight into the XML (python-docx's
``add_row`` copies the grid each time and is quadratic on long lists).
"""

from __future__ import annotations

import io
from datetime import date
from xml.sax.saxutils import escape

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from hoinghi.documents.layout import (
    MOTTO,
    NATIONAL_TITLE,
    PARTY_STAR,
    PARTY_TITLE,
    Spec,
    TextStyle,
    signing_prefix,
    spec_for,
)
from hoinghi.documents.paper import Appendix, Paper, Section, Signature, Table
from hoinghi.law.documents import Element, Layout, format_date_line, format_number

ALIGN = {"center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT,
         "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}
HEADER_LEFT_MM, HEADER_RIGHT_MM = 68, 100
TABLE_TEXT_PT = 12  # lists in tables and appendices


def number_text(paper: Paper) -> str:
    """"Số: 05/QĐ-VP" when issued; "Số:      /QĐ-VP" on a draft (filled at issue)."""
    header = paper.header
    if paper.number_seq is not None:
        return format_number(paper.number_seq, paper.type_abbrev, header.issuer_abbrev, header.layout)
    if header.layout is Layout.PARTY:
        return f"Số       -{paper.type_abbrev}/{header.issuer_abbrev}"
    symbol = f"{paper.type_abbrev}-{header.issuer_abbrev}" if paper.type_abbrev else header.issuer_abbrev
    return f"Số:        /{symbol}"


def date_line_text(paper: Paper, year: int) -> str:
    if paper.issued_on is not None:
        return format_date_line(paper.header.place, paper.issued_on)
    return f"{paper.header.place}, ngày      tháng      năm {year}"


def render_docx(paper: Paper, *, year: int) -> bytes:
    """The DOCX bytes of ``paper``; ``year`` fills the date line of a draft."""
    on = paper.issued_on or _year_start(year)
    spec = spec_for(paper.header.layout, on)
    doc = _new_document(spec)
    _header_block(doc, spec, paper, year)
    _title_block(doc, spec, paper)
    for basis in paper.bases:
        _paragraph(doc, basis, spec.style(Element.LEGAL_BASES), spec, indent=True)
    for section in paper.sections:
        _section(doc, spec, section)
    if paper.closing:
        _paragraph(doc, paper.closing, spec.style(Element.BODY), spec, indent=True)
    _signature_block(doc, spec, paper)
    for index, appendix in enumerate(paper.appendices, start=1):
        _appendix(doc, spec, paper, appendix, index, year)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _year_start(year: int) -> date:
    return date(max(year, 2021), 1, 1)


# --- page ---------------------------------------------------------------------------------


_TEMPLATE: bytes | None = None


def _new_document(spec: Spec) -> DocxDocument:
    global _TEMPLATE
    if _TEMPLATE is None:  # python-docx's default template, read once per process
        buffer = io.BytesIO()
        new_docx().save(buffer)
        _TEMPLATE = buffer.getvalue()
    doc = new_docx(io.BytesIO(_TEMPLATE))
    page = spec.page
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(page.paper_width_mm), Mm(page.paper_height_mm)
    section.top_margin, section.bottom_margin = Mm(page.top_mm), Mm(page.bottom_mm)
    section.left_margin, section.right_margin = Mm(page.left_mm), Mm(page.right_mm)
    section.header_distance = Mm(10)
    normal = doc.styles["Normal"]
    normal.font.name = page.font
    normal.font.size = Pt(spec.style(Element.BODY).size_pt)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), page.font)
    normal.paragraph_format.space_after = Pt(0)
    # Page numbers: top centre, from page 2 (a different, empty first-page header).
    section.different_first_page_header_footer = True
    _page_number(section.header.paragraphs[0], spec)
    return doc


def _page_number(paragraph: Paragraph, spec: Spec) -> None:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), str(spec.style(Element.PAGE_NUMBER).size_pt * 2))
    rpr.append(size)
    run.append(rpr)
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


# --- text ---------------------------------------------------------------------------------


def _run_into(paragraph: Paragraph, text: str, style: TextStyle) -> None:
    run = paragraph.add_run(text.upper() if style.upper else text)
    font = run.font
    font.size = Pt(style.size_pt)
    font.bold = style.bold or None
    font.italic = style.italic or None
    if style.underline:
        font.underline = True


def _format(paragraph: Paragraph, style: TextStyle, spec: Spec, *, indent: bool = False,
            after: int | None = None) -> None:
    fmt = paragraph.paragraph_format
    paragraph.alignment = ALIGN[style.align]
    fmt.space_after = Pt(spec.page.paragraph_after_pt if after is None else after)
    if indent:
        fmt.first_line_indent = Mm(float(spec.page.first_line_indent_mm))
        fmt.line_spacing = spec.page.line_spacing


_JC = {"center": "center", "left": "left", "right": "right", "justify": "both"}


def _paragraph(doc: DocxDocument, text: str, style: TextStyle, spec: Spec, *, indent: bool = False,
               after: int | None = None) -> None:
    """A body-level paragraph, written as XML in one parse (python-docx's setters cost ~10×)."""
    page = spec.page
    after_twips = (page.paragraph_after_pt if after is None else after) * 20
    spacing = f'<w:spacing w:after="{after_twips}"'
    indentation = ""
    if indent:
        spacing += f' w:line="{round(page.line_spacing * 240)}" w:lineRule="auto"'
        indentation = f'<w:ind w:firstLine="{round(float(page.first_line_indent_mm) * 1440 / 25.4)}"/>'
    marks = ("<w:b/>" if style.bold else "") + ("<w:i/>" if style.italic else "") + \
        ('<w:u w:val="single"/>' if style.underline else "")
    content = escape(text.upper() if style.upper else text)
    xml = (f'<w:p {nsdecls("w")}><w:pPr>{spacing}/>{indentation}<w:jc w:val="{_JC[style.align]}"/></w:pPr>'
           f'<w:r><w:rPr>{marks}<w:sz w:val="{style.size_pt * 2}"/></w:rPr>'
           f'<w:t xml:space="preserve">{content}</w:t></w:r></w:p>')
    doc.element.body.sectPr.addprevious(parse_xml(xml))


def _cell_line(cell: _Cell, text: str, style: TextStyle, spec: Spec, *, first: bool = False) -> Paragraph:
    paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
    _run_into(paragraph, text, style)
    _format(paragraph, style, spec, after=0)
    return paragraph


def _rule(cell: _Cell, width_mm: int, cell_mm: int) -> None:
    """A solid line under a header line, ``width_mm`` long and centred (a bottom border)."""
    paragraph = cell.add_paragraph()
    side = Mm((cell_mm - width_mm) / 2)
    paragraph.paragraph_format.left_indent = side
    paragraph.paragraph_format.right_indent = side
    paragraph.paragraph_format.space_after = Pt(0)
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)
    size = paragraph.add_run("").font
    size.size = Pt(2)


# --- blocks -------------------------------------------------------------------------------


def _grid(doc: DocxDocument, rows: int, widths_mm: list[int]) -> DocxTable:
    table = doc.add_table(rows=rows, cols=len(widths_mm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table._tbl.tblGrid.gridCol_lst, widths_mm, strict=True):
        column.w = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)
    return table


def _header_block(doc: DocxDocument, spec: Spec, paper: Paper, year: int) -> None:
    """Issuing body left; national motto (state) or the Party's name right; number and date."""
    header = paper.header
    table = _grid(doc, 2, [HEADER_LEFT_MM, HEADER_RIGHT_MM])
    left, right = table.rows[0].cells
    first = True
    if header.superior:
        _cell_line(left, header.superior, spec.style(Element.SUPERIOR_BODY), spec, first=True)
        first = False
    _cell_line(left, header.issuer, spec.style(Element.ISSUING_BODY), spec, first=first)
    if header.layout is Layout.PARTY:
        _cell_line(left, PARTY_STAR, spec.style(Element.ISSUING_BODY), spec)
        _cell_line(right, PARTY_TITLE, spec.style(Element.NATIONAL_TITLE), spec, first=True)
    else:
        _rule(left, 25, HEADER_LEFT_MM)
        _cell_line(right, NATIONAL_TITLE, spec.style(Element.NATIONAL_TITLE), spec, first=True)
        _cell_line(right, MOTTO, spec.style(Element.MOTTO), spec)
    number_cell, date_cell = table.rows[1].cells
    if paper.numbered:
        _cell_line(number_cell, number_text(paper), spec.style(Element.NUMBER), spec, first=True)
    _cell_line(date_cell, date_line_text(paper, year), spec.style(Element.PLACE_DATE), spec, first=True)
    doc.add_paragraph()


def _title_block(doc: DocxDocument, spec: Spec, paper: Paper) -> None:
    _paragraph(doc, paper.type_name, spec.style(Element.TYPE_NAME), spec, after=0)
    if paper.summary:
        _paragraph(doc, paper.summary, spec.style(Element.SUMMARY), spec, after=0)
    page = spec.page
    width = page.paper_width_mm - page.left_mm - page.right_mm
    paragraph = doc.add_paragraph()
    side = Mm((width - 50) / 2)
    paragraph.paragraph_format.left_indent = side
    paragraph.paragraph_format.right_indent = side
    paragraph.paragraph_format.space_after = Pt(12)
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)
    if paper.to_lines:
        style = spec.style(Element.TO_LINE)
        if len(paper.to_lines) == 1:
            _paragraph(doc, f"Kính gửi: {paper.to_lines[0]}", style, spec)
        else:
            _paragraph(doc, "Kính gửi:", style, spec, after=0)
            for line in paper.to_lines:
                _paragraph(doc, line, style, spec, after=0)
            doc.add_paragraph()


def _section(doc: DocxDocument, spec: Spec, section: Section) -> None:
    body = spec.style(Element.BODY)
    if section.heading:
        heading = TextStyle(body.size_pt, bold=True, align="justify")
        _paragraph(doc, section.heading, heading, spec, indent=True)
    for text in section.paragraphs:
        _paragraph(doc, text, body, spec, indent=True)
    if section.table is not None:
        _list_table(doc, section.table)
        doc.add_paragraph()


def _signature_cell(cell: _Cell, spec: Spec, signature: Signature, *, first: bool) -> None:
    authority = spec.style(Element.SIGNING_AUTHORITY)
    lines = list(signature.lines)
    if signature.authority:
        prefix = signing_prefix(spec, signature.authority)
        lines.insert(0, f"{prefix} {signature.on_behalf_of}".strip())
    for index, line in enumerate(lines):
        _cell_line(cell, line, authority, spec, first=first and index == 0)
    for _ in range(4):  # room for the signature and the seal
        cell.add_paragraph()
    _cell_line(cell, signature.name, spec.style(Element.SIGNER_NAME), spec)


def _recipients_cell(cell: _Cell, spec: Spec, recipients: list[str]) -> None:
    _cell_line(cell, "Nơi nhận:", spec.style(Element.RECIPIENTS_HEADING), spec, first=True)
    for line in recipients:
        _cell_line(cell, line, spec.style(Element.RECIPIENTS), spec)


def _signature_block(doc: DocxDocument, spec: Spec, paper: Paper) -> None:
    signatures = paper.signatures
    if len(signatures) >= 2:
        table = _grid(doc, 1, [82, 83])
        for cell, signature in zip(table.rows[0].cells, signatures[:2], strict=True):
            _signature_cell(cell, spec, signature, first=True)
        if paper.recipients:
            doc.add_paragraph()
            table = _grid(doc, 1, [82, 83])
            _recipients_cell(table.rows[0].cells[0], spec, paper.recipients)
        return
    table = _grid(doc, 1, [80, 85])
    left, right = table.rows[0].cells
    if paper.recipients:
        _recipients_cell(left, spec, paper.recipients)
    if signatures:
        _signature_cell(right, spec, signatures[0], first=True)


def _roman(number: int) -> str:
    numerals = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, letters in numerals:
        while number >= value:
            out += letters
            number -= value
    return out


def _appendix(doc: DocxDocument, spec: Spec, paper: Paper, appendix: Appendix, index: int,
              year: int) -> None:
    """A new page numbered from 1: "Phụ lục", its name, "(Kèm theo …)", the list."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    number = OxmlElement("w:pgNumType")
    number.set(qn("w:start"), "1")
    section._sectPr.append(number)
    several = len(paper.appendices) > 1
    heading = spec.style(Element.APPENDIX_HEADING)
    _paragraph(doc, f"Phụ lục {_roman(index)}" if several else "Phụ lục", heading, spec, after=0)
    _paragraph(doc, appendix.title, TextStyle(heading.size_pt, bold=True, upper=True), spec, after=0)
    note = appendix.note or _attached_note(paper, year)
    _paragraph(doc, note, TextStyle(spec.style(Element.BODY).size_pt, italic=True), spec)
    _list_table(doc, appendix.table)


def _attached_note(paper: Paper, year: int) -> str:
    number = number_text(paper).removeprefix("Số:").removeprefix("Số").strip()
    when = date_line_text(paper, year).split(", ", 1)[1]
    return f"(Kèm theo {paper.type_name.capitalize()} số {number} {when} của {paper.header.issuer})"


# --- lists --------------------------------------------------------------------------------


def _cell_xml(text: str, width_twips: int, *, bold: bool) -> str:
    weight = "<w:b/>" if bold else ""
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width_twips}" w:type="dxa"/></w:tcPr><w:p><w:r><w:rPr>'
            f'{weight}<w:sz w:val="{TABLE_TEXT_PT * 2}"/></w:rPr>'
            f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p></w:tc>')


def _list_table(doc: DocxDocument, table: Table) -> None:
    """A bordered list: one header row in bold, then the rows, parsed from XML in one pass."""
    count = len(table.columns)
    widths = table.widths_mm or [int(165 / count)] * count
    grid = doc.add_table(rows=0, cols=count)
    grid.style = doc.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    tbl = grid._tbl
    for column, width in zip(tbl.tblGrid.gridCol_lst, widths, strict=True):
        column.w = Mm(width)
    twips = [int(w * 56.7) for w in widths]
    header = '<w:trPr><w:tblHeader/></w:trPr>'
    rows = ["<w:tr>" + header + "".join(_cell_xml(t, w, bold=True)
                                        for t, w in zip(table.columns, twips, strict=True)) + "</w:tr>"]
    rows += ["<w:tr>" + "".join(_cell_xml(t, w, bold=False) for t, w in zip(row, twips, strict=True))
             + "</w:tr>" for row in table.rows]
    parsed = parse_xml(f'<w:tbl {nsdecls("w")}>{"".join(rows)}</w:tbl>')
    for tr in list(parsed):
        tbl.append(tr)
