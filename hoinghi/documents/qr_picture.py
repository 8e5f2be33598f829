"""A QR code set in a DOCX as a picture: a phone opens the address the paragraph names.

The writer sets text as XML strings; a picture needs its own part and relationship, so the
finished package is opened once with python-docx, the QR (a PNG made by segno in memory) is
added in a centred paragraph after the first paragraph naming the address, and saved again.
Only papers that carry an address (an invitation with its check-in link) pay for this.
"""

from __future__ import annotations

import io
import itertools

import segno
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.shared import Mm
from docx.text.paragraph import Paragraph

QR_WIDTH_MM = 30  # read by a phone held at arm's length on an A4 sheet
QR_SCALE = 8  # pixels a module: sharp when printed at the width above


def qr_png(url: str) -> io.BytesIO:
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="png", scale=QR_SCALE, border=2)
    out.seek(0)
    return out


def with_qr_code(docx: bytes, url: str) -> bytes:
    """``docx`` with the QR of ``url`` after the first paragraph whose text names ``url``
    (at the end of the body when none does)."""
    document = Document(io.BytesIO(docx))
    anchor = next(
        (p for p in document.paragraphs if url in p.text),
        document.paragraphs[-1] if document.paragraphs else None,
    )
    holder = OxmlElement("w:p")
    if anchor is None:
        document.element.body.append(holder)
    else:
        anchor._p.addnext(holder)
    paragraph = Paragraph(holder, anchor._parent if anchor is not None else document)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run().add_picture(qr_png(url), width=Mm(QR_WIDTH_MM))
    _name_pictures(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _name_pictures(document: object) -> None:
    """Word names each drawing; give the QR a Vietnamese description for screen readers."""
    counter = itertools.count(1)
    for doc_pr in document.element.body.iter(  # type: ignore[attr-defined]
        "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
    ):
        doc_pr.set("descr", "Mã QR điểm danh")
        doc_pr.set("id", str(next(counter)))
