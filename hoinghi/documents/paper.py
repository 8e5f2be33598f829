"""A composed document: what each builder produces and the DOCX writer sets on the page.

Builders fill a :class:`Paper` from a type's context; the writer knows nothing of types. The
free-text parts are :class:`Section`s with a stable ``key``: a draft stores the user's edits
of them as ``{key: text}`` and :func:`apply_edits` puts them back before rendering.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from hoinghi.documents.layout import Letterhead
from hoinghi.law.documents import Layout

_ROMAN_HEADING = re.compile(r"^[IVX]+\. ")


def roman(number: int) -> str:
    """ "XIV" for 14: the numbering of parts and appendices."""
    out = ""
    for value, letters in ((40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            out += letters
            number -= value
    return out


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
    number_padding: bool = True  # a Party number below 10 with two digits (agency's option)

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
    decides: str = ""  # "QUYẾT ĐỊNH:" or "QUYẾT NGHỊ:" between the bases and the articles
    letterhead: bool = True  # False: a personal paper under the national title, no issuer
    notes: list[str] = field(default_factory=list)  # for the clerk on the draft, never printed
    list_name: str = (
        ""  # the list the document issues (its appendix): refused empty unless confirmed
    )
    law_bases: str = ""  # a hoinghi.law.bases.BasisSet: its "Căn cứ" lines go before ``bases``
    suggested_on: date | None = None  # the date the data suggests (a decision's signing date)
    qr_url: str = ""  # printed as a QR code after the paragraph naming it (an invitation)

    def editable_sections(self) -> list[Section]:
        return [s for s in self.sections if s.editable]

    @property
    def printed_sections(self) -> list[Section]:
        """The sections with "I.", "II.", … counted over those printed (an empty one is not)."""
        out, count = [], 0
        for section in self.sections:
            if _ROMAN_HEADING.match(section.heading) and (section.paragraphs or section.table):
                count += 1
                heading = _ROMAN_HEADING.sub(f"{roman(count)}. ", section.heading)
                section = replace(section, heading=heading)
            out.append(section)
        return out

    @property
    def articles_start(self) -> int:
        """Where "QUYẾT ĐỊNH:" / "QUYẾT NGHỊ:" goes: before the first article ("Điều 1."),
        after a preamble such as the resolution's."""
        return next(
            (i for i, s in enumerate(self.sections) if s.heading.startswith("Điều ")),
            len(self.sections),
        )

    @property
    def list_rows(self) -> int | None:
        """Rows of the list the document issues; None when it issues no list."""
        if not self.list_name:
            return None
        tables = [a.table for a in self.appendices] or [
            s.table for s in self.sections if s.table is not None
        ]
        return sum(len(t.rows) for t in tables)


# Keys of the parts other than sections in a draft's stored edits.
SUMMARY, BASES, RECIPIENTS = "@summary", "@bases", "@recipients"
SIGNATURE_FIELDS = ("authority", "on_behalf_of", "title", "name")
COLUMN_SEPARATOR = " | "


def signature_key(index: int, name: str) -> str:
    return f"@sig{index}.{name}"


def list_key(index: int) -> str:
    return f"@list{index}"


def lines_of(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def table_text(table: Table) -> str:
    """A list as the clerk edits it: one row a line, cells separated by " | " (no "STT")."""
    numbered_rows = bool(table.columns) and table.columns[0] == "STT"
    return "\n".join(COLUMN_SEPARATOR.join(row[1:] if numbered_rows else row) for row in table.rows)


def table_from_text(table: Table, text: str) -> Table:
    numbered_rows = bool(table.columns) and table.columns[0] == "STT"
    width = len(table.columns) - (1 if numbered_rows else 0)
    rows = []
    for index, line in enumerate(lines_of(text), start=1):
        cells = [c.strip() for c in line.split("|")][:width]
        cells += [""] * (width - len(cells))
        rows.append([str(index), *cells] if numbered_rows else cells)
    return replace(table, rows=rows)


def _edited_signature(index: int, sig: Signature, edits: Mapping[str, str]) -> Signature:
    def edited(name: str, current: str) -> str:
        return edits.get(signature_key(index, name), current).strip()

    title_key = signature_key(index, "title")
    return Signature(
        lines_of(edits[title_key]) if title_key in edits else sig.lines,
        edited("name", sig.name),
        edited("authority", sig.authority),
        edited("on_behalf_of", sig.on_behalf_of),
    )


def apply_edits(paper: Paper, edits: Mapping[str, str]) -> Paper:
    """The paper with the user's text in place of the builder's: sections, summary, bases,
    recipients, signatures and lists."""
    if not edits:
        return paper
    sections = [
        replace(s, text=edits[s.key]) if s.editable and s.key in edits else s
        for s in paper.sections
    ]
    changes: dict[str, object] = {"sections": sections}
    if SUMMARY in edits:
        changes["summary"] = edits[SUMMARY].strip()
    if BASES in edits:
        changes["bases"] = lines_of(edits[BASES])
    if RECIPIENTS in edits and paper.recipients:
        changes["recipients"] = lines_of(edits[RECIPIENTS])
    changes["signatures"] = [
        _edited_signature(i, sig, edits) for i, sig in enumerate(paper.signatures)
    ]
    changes["appendices"] = [
        replace(a, table=table_from_text(a.table, edits[list_key(i)]))
        if list_key(i) in edits
        else a
        for i, a in enumerate(paper.appendices)
    ]
    return replace(paper, **changes)  # type: ignore[arg-type]


def numbered(paper: Paper, seq: int, issued_on: date) -> Paper:
    return replace(paper, number_seq=seq, issued_on=issued_on)
