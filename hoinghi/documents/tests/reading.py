"""Read a DOCX back: its text, and the size and style of the run that holds a text."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass

from docx import Document as open_docx
from docx.document import Document as DocxDocument
from docx.shared import Length
from docx.text.paragraph import Paragraph


@dataclass(frozen=True)
class RunStyle:
    size_pt: float | None
    bold: bool
    italic: bool
    underline: bool
    align: object


def load(data: bytes) -> DocxDocument:
    return open_docx(io.BytesIO(data))


def paragraphs(doc: DocxDocument) -> Iterator[Paragraph]:
    """Every paragraph, including those inside (nested) tables, in document order."""
    yield from doc.paragraphs
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def texts(doc: DocxDocument) -> list[str]:
    return [p.text for p in paragraphs(doc)]


def full_text(doc: DocxDocument) -> str:
    return "\n".join(texts(doc))


def style_of(doc: DocxDocument, text: str) -> RunStyle:
    """The style of the first run of the first paragraph whose text is ``text``."""
    for paragraph in paragraphs(doc):
        if paragraph.text == text:
            run = paragraph.runs[0]
            size = run.font.size.pt if run.font.size is not None else None
            return RunStyle(
                size,
                bool(run.font.bold),
                bool(run.font.italic),
                bool(run.font.underline),
                paragraph.alignment,
            )
    raise AssertionError(f"{text!r} not found in {texts(doc)[:40]}")


def mm(length: Length | None) -> float:
    assert length is not None
    return round(length.mm, 1)
