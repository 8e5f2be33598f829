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
    """The effective style of the first paragraph whose text is ``text``: its run's own
    formatting, else its named paragraph style's (the writer uses named styles)."""
    for paragraph in paragraphs(doc):
        if paragraph.text == text:
            run, named = paragraph.runs[-1], paragraph.style
            assert named is not None
            size = run.font.size or named.font.size
            return RunStyle(
                size.pt if size is not None else None,
                bool(run.font.bold if run.font.bold is not None else named.font.bold),
                bool(run.font.italic if run.font.italic is not None else named.font.italic),
                bool(
                    run.font.underline if run.font.underline is not None else named.font.underline
                ),
                paragraph.alignment
                if paragraph.alignment is not None
                else named.paragraph_format.alignment,
            )
    raise AssertionError(f"{text!r} not found in {texts(doc)[:40]}")


def style_name_of(doc: DocxDocument, text: str) -> str:
    """The name of the paragraph style of the first paragraph whose text starts with ``text``."""
    for paragraph in paragraphs(doc):
        if paragraph.text.startswith(text):
            assert paragraph.style is not None
            return str(paragraph.style.name)
    raise AssertionError(f"{text!r} not found in {texts(doc)[:40]}")


def mm(length: Length | None) -> float:
    assert length is not None
    return round(length.mm, 1)
