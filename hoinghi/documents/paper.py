"""A composed document: what each builder produces and the DOCX writer sets on the page.

Builders fill a :class:`Paper` from a type's context; the writer knows nothing of types. The
free-text parts are :class:`Section`s with a stable ``key``: a draft stores the user's edits
of them as ``{key: text}`` and :func:`apply_edits` puts them back before rendering.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from hoinghi.documents.layout import Letterhead
from hoinghi.law.documents import Layout


@dataclass(frozen=True)
class Header:
    """The issuing body block and the place used in the date line.

    ``layout`` is the law's layout the sizes and the number follow; ``letterhead`` the block at
    the top (the trade union's writes under the state layout with its own header, [U]).
    """

    layout: Layout
    superior: str  # cơ quan chủ quản; "" if none
    issuer: str  # the issuing body
    issuer_abbrev: str  # used in the number: "VP", "VPTU"
    place: str  # địa danh
    letterhead: Letterhead | None = None  # None: the layout's own

    def __post_init__(self) -> None:
        if self.letterhead is None:
            object.__setattr__(self, "letterhead", Letterhead(self.layout.value))


@dataclass(frozen=True)
class Table:
    columns: list[str]
    rows: list[list[str]]
    widths_mm: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Section:
    """A heading (optional) and paragraphs (one per line of ``text``), maybe a table."""

    key: str
    heading: str = ""
    text: str = ""
    table: Table | None = None
    editable: bool = True

    @property
    def paragraphs(self) -> list[str]:
        return [line.strip() for line in self.text.splitlines() if line.strip()]


@dataclass(frozen=True)
class Signature:
    """``authority`` is a prefix code (TM, KT, TL, Q) or ""; ``lines`` the position lines."""

    lines: list[str]
    name: str
    authority: str = ""
    on_behalf_of: str = ""  # the collective after "TM." / the head after "KT."


@dataclass(frozen=True)
class Appendix:
    title: str
    table: Table
    note: str = ""  # "(Kèm theo Quyết định số …)" is written by the writer


@dataclass(frozen=True)
class Paper:
    """One document ready to be set: the writer's whole input."""

    header: Header
    type_name: str  # "QUYẾT ĐỊNH", "BIÊN BẢN" (the writer sets it in capitals)
    type_abbrev: str | None  # "QĐ", "BB": the number's symbol
    summary: str  # trích yếu
    issued_on: date | None
    number_seq: int | None = None  # None while a draft: "Số:   /QĐ-VP"
    to_lines: list[str] = field(default_factory=list)  # Kính gửi
    bases: list[str] = field(default_factory=list)  # căn cứ
    sections: list[Section] = field(default_factory=list)
    signatures: list[Signature] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    appendices: list[Appendix] = field(default_factory=list)
    closing: str = ""  # a line after the body, before the signatures
    numbered: bool = True  # a pledge or a personal report has no number
    letter: bool = False  # a Công văn: no type name; "V/v <summary>" under the number

    def editable_sections(self) -> list[Section]:
        return [s for s in self.sections if s.editable]


def apply_edits(paper: Paper, edits: Mapping[str, str]) -> Paper:
    """The paper with the user's text in place of the builder's, section by section."""
    if not edits:
        return paper
    sections = [
        replace(s, text=edits[s.key]) if s.editable and s.key in edits else s
        for s in paper.sections
    ]
    return replace(paper, sections=sections)


def numbered(paper: Paper, seq: int, issued_on: date) -> Paper:
    return replace(paper, number_seq=seq, issued_on=issued_on)
