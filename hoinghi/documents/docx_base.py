"""The DOCX package around a document's text, made once per page setup and kept in memory.

python-docx builds it from its default template: page size and margins, the Normal style in
the layout's font and size, the page number at the top centre from page 2. Parts no document
uses are left out (the effects copy of the styles, custom XML, the thumbnail) and the styles
are trimmed to the few the writer names, so Word and LibreOffice have less to read. Every
part but ``word/document.xml`` is deflated once into :attr:`BasePackage.static`; a document
is that zip with its own ``document.xml`` appended.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from xml.sax.saxutils import escape

from docx import Document as new_docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from hoinghi.documents.layout import PageSetup, TextStyle, style_id, style_name

DOCUMENT_PART = "word/document.xml"
CORE_PART = "docProps/core.xml"
LANGUAGE = "vi-VN"  # the document's language: Word checks the spelling in Vietnamese
_ALIGN = {
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


@dataclass(frozen=True)
class CoreProperties:
    """The package's core properties: what Word shows under File › Info."""

    title: str
    agency: str
    on: date

    def xml(self) -> str:
        stamp = f"{self.on.isoformat()}T00:00:00Z"
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/'
            'dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{escape(self.title)}</dc:title>"
            f"<dc:creator>{escape(self.agency)}</dc:creator>"
            f"<cp:lastModifiedBy>{escape(self.agency)}</cp:lastModifiedBy>"
            f"<dc:language>{LANGUAGE}</dc:language>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
            "</cp:coreProperties>"
        )


UNUSED_RELATIONS = ("stylesWithEffects", "customXml", "thumbnail")
KEPT_STYLES = frozenset({"TableGrid", "Header", "HeaderChar"})  # and every default style


@dataclass(frozen=True)
class BasePackage:
    static: bytes  # a zip of every part but word/document.xml
    head: str  # word/document.xml up to and including <w:body>
    section: str  # the main section's properties (w:sectPr)
    restart: str  # an appendix section: a new page, page numbers from 1

    def document(
        self, main: list[str], appendices: list[list[str]], core: CoreProperties | None = None
    ) -> bytes:
        """The DOCX of body XML fragments: the main text, then each appendix as its own section."""
        parts = [self.head, *main]
        closing = self.section
        for body in appendices:
            parts.append(f"<w:p><w:pPr>{closing}</w:pPr></w:p>")  # ends the previous section
            parts.extend(body)
            closing = self.restart
        parts.append(f"{closing}</w:body></w:document>")
        buffer = io.BytesIO(self.static)
        with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as package:
            package.writestr(DOCUMENT_PART, "".join(parts).encode("utf-8"))
            if core is not None:
                package.writestr(CORE_PART, core.xml().encode("utf-8"))
        return buffer.getvalue()


@lru_cache(maxsize=8)
def base_package(
    page: PageSetup,
    page_number_pt: int,
    body_pt: int,
    styles: tuple[tuple[str, TextStyle], ...] = (),
) -> BasePackage:
    doc = new_docx()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(page.paper_width_mm), Mm(page.paper_height_mm)
    section.top_margin, section.bottom_margin = Mm(page.top_mm), Mm(page.bottom_mm)
    section.left_margin, section.right_margin = Mm(page.left_mm), Mm(page.right_mm)
    section.header_distance = Mm(10)
    normal = doc.styles["Normal"]
    normal.font.name = page.font
    normal.font.size = Pt(body_pt)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), page.font)
    normal.paragraph_format.space_after = Pt(0)
    section.different_first_page_header_footer = True  # an empty first-page header
    _page_number(section.header.paragraphs[0], page_number_pt)
    _drop_unused(doc)
    _language(doc)
    for _role, style in styles:
        _named_style(doc, style)
    out = io.BytesIO()
    doc.save(out)
    return _split(out.getvalue())


def _language(doc: object) -> None:
    """vi-VN in the document defaults and in Normal (python-docx's template says en-US)."""
    styles = doc.styles.element  # type: ignore[attr-defined]
    for rpr in (
        styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")),
        doc.styles["Normal"].element.get_or_add_rPr(),  # type: ignore[attr-defined]
    ):
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        for attribute in ("w:val", "w:eastAsia"):
            lang.set(qn(attribute), LANGUAGE)


def _named_style(doc: object, style: TextStyle) -> None:
    """A paragraph style based on Normal carrying the role's size, weight, slant, alignment."""
    added = doc.styles.add_style(style_name(style.role), WD_STYLE_TYPE.PARAGRAPH)  # type: ignore[attr-defined]
    added.element.set(qn("w:styleId"), style_id(style))
    added.base_style = doc.styles["Normal"]  # type: ignore[attr-defined]
    added.quick_style = True
    font = added.font
    font.size, font.bold, font.italic = Pt(style.size_pt), style.bold, style.italic
    font.underline = style.underline
    added.paragraph_format.alignment = _ALIGN[style.align]


def _page_number(paragraph: Paragraph, size_pt: int) -> None:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), str(size_pt * 2))
    rpr.append(size)
    run.append(rpr)
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _drop_unused(doc: object) -> None:
    part = doc.part  # type: ignore[attr-defined]
    for owner in (part.rels, part.package.rels):
        for rid in [r for r, rel in owner.items() if rel.reltype.endswith(UNUSED_RELATIONS)]:
            del owner[rid]
    styles = doc.styles.element  # type: ignore[attr-defined]
    for child in list(styles):
        if child.tag == qn("w:latentStyles") or _unused_style(child):
            styles.remove(child)


def _unused_style(element: object) -> bool:
    get = element.get  # type: ignore[attr-defined]
    return bool(
        element.tag == qn("w:style")  # type: ignore[attr-defined]
        and get(qn("w:default")) != "1"
        and get(qn("w:styleId")) not in KEPT_STYLES
    )


_HEAD = re.compile(r"^.*?<w:body>", re.S)
_SECTION = re.compile(r"<w:sectPr\b.*?</w:sectPr>", re.S)
_RSID = re.compile(r' w:rsid\w*="[^"]*"')


def _split(docx: bytes) -> BasePackage:
    with zipfile.ZipFile(io.BytesIO(docx)) as source:
        xml = source.read(DOCUMENT_PART).decode("utf-8")
        static = io.BytesIO()
        with zipfile.ZipFile(static, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                if info.filename not in (DOCUMENT_PART, CORE_PART):
                    target.writestr(info.filename, source.read(info.filename))
    head = _HEAD.match(xml)
    section = _SECTION.search(xml)
    if head is None or section is None or "<w:cols" not in section.group(0):
        raise ValueError("python-docx's template changed: no body or section properties")
    main = _RSID.sub("", section.group(0))
    restart = main.replace("<w:pgSz", '<w:type w:val="nextPage"/><w:pgSz', 1).replace(
        "<w:cols", '<w:pgNumType w:start="1"/><w:cols', 1
    )
    return BasePackage(static.getvalue(), head.group(0), main, restart)
