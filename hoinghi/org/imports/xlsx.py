"""A streaming reader of one sheet of an XLSX workbook: cell values only.

openpyxl parses through defusedxml's pure-Python handlers, several times slower than the
standard library's C parser on a staff list of 100,000 rows. This reader uses the C parser
(``xml.etree.ElementTree.iterparse``) and keeps only one row in memory. It is safe on
hostile input: the expat linked here (2.4.1 or later, checked below) bounds entity
amplification (billion laughs, quadratic blowup) by itself, ElementTree never fetches
external entities, and any part that declares a DTD is refused before it is parsed.
"""

from __future__ import annotations

import posixpath
import pyexpat
import zipfile
from collections.abc import Iterator
from datetime import datetime
from xml.etree.ElementTree import Element, ParseError, fromstring, iterparse

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils.datetime import MAC_EPOCH, WINDOWS_EPOCH, from_excel

from hoinghi.vietnamese import nfc

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
OFFICE_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
SHARED_STRINGS_REL = "/sharedStrings"
STYLES_REL = "/styles"
HEAD_BYTES = 65_536
MAX_SMALL_PART = 20_000_000  # workbook, relationships, styles
LOCALE_DATE_FORMATS = frozenset(
    {*range(27, 37), *range(50, 59)}
)  # East Asian built-in date formats

assert pyexpat.version_info >= (2, 4, 1), (
    "expat 2.4.1+ is needed for its entity amplification limits"
)


class UnreadableWorkbook(Exception):
    """The workbook's structure is not what an XLSX file has."""


def sheet_rows(archive: zipfile.ZipFile, preferred_sheet: str) -> Iterator[list[object]]:
    """The rows of the sheet named ``preferred_sheet`` (else the first sheet), each a list of
    cell values (str, int, float, bool, datetime or None), empty rows included."""
    try:
        workbook = _small_part(archive, "xl/workbook.xml")
        targets = _relationships(archive, "xl/_rels/workbook.xml.rels")
        sheets = [
            (nfc(s.get("name") or ""), s.get(f"{OFFICE_REL}id") or "")
            for s in workbook.iter(f"{MAIN}sheet")
        ]
        if not sheets:
            raise UnreadableWorkbook("không có trang tính")
        chosen = next((rel for name, rel in sheets if name == preferred_sheet), sheets[0][1])
        properties = workbook.find(f"{MAIN}workbookPr")
        epoch = (
            MAC_EPOCH
            if properties is not None and properties.get("date1904") in {"1", "true"}
            else WINDOWS_EPOCH
        )
        shared = _shared_strings(archive, targets.get(SHARED_STRINGS_REL))
        dates = _date_styles(archive, targets.get(STYLES_REL))
        yield from _rows(archive, targets[chosen], shared, dates, epoch)
    except (KeyError, ValueError, IndexError, ParseError) as exc:
        raise UnreadableWorkbook(str(exc)) from exc


def _check_no_dtd(archive: zipfile.ZipFile, path: str) -> None:
    with archive.open(path) as part:
        head = part.read(HEAD_BYTES)
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise UnreadableWorkbook(f"{path} khai báo DTD")


def _small_part(archive: zipfile.ZipFile, path: str) -> Element:
    if archive.getinfo(path).file_size > MAX_SMALL_PART:
        raise UnreadableWorkbook(f"{path} quá lớn")
    _check_no_dtd(archive, path)
    return fromstring(archive.read(path))


def _relationships(archive: zipfile.ZipFile, path: str) -> dict[str, str]:
    """Relationship id → part path; also the type's last segment → part path."""
    found: dict[str, str] = {}
    for rel in _small_part(archive, path).iter(f"{PACKAGE_REL}Relationship"):
        target = rel.get("Target") or ""
        part = (
            target[1:]
            if target.startswith("/")
            else posixpath.normpath(posixpath.join("xl", target))
        )
        found[rel.get("Id") or ""] = part
        found["/" + (rel.get("Type") or "").rsplit("/", 1)[-1]] = part
    return found


def _streamed(
    archive: zipfile.ZipFile, path: str, events: tuple[str, ...] = ("end",)
) -> Iterator[tuple[str, Element]]:
    _check_no_dtd(archive, path)
    with archive.open(path) as part:
        yield from iterparse(part, events=events)


def _text(element: Element) -> str:
    """The text of a string item: plain, or rich-text runs; phonetic runs left out."""
    plain = element.find(f"{MAIN}t")
    if plain is not None:
        return plain.text or ""
    return "".join(t.text or "" for run in element.iter(f"{MAIN}r") for t in run.iter(f"{MAIN}t"))


def _shared_strings(archive: zipfile.ZipFile, path: str | None) -> list[str]:
    if path is None:
        return []
    strings: list[str] = []
    for _, element in _streamed(archive, path):
        if element.tag == f"{MAIN}si":
            strings.append(_text(element))
            element.clear()
    return strings


def _date_styles(archive: zipfile.ZipFile, path: str | None) -> frozenset[int]:
    """Indexes of the cell formats that show a number as a date."""
    if path is None:
        return frozenset()
    styles = _small_part(archive, path)
    custom = {
        int(f.get("numFmtId") or 0): f.get("formatCode") or "" for f in styles.iter(f"{MAIN}numFmt")
    }
    cell_formats = styles.find(f"{MAIN}cellXfs")
    dates = set()
    for index, xf in enumerate(cell_formats if cell_formats is not None else []):
        number_format = int(xf.get("numFmtId") or 0)
        code = custom.get(number_format) or BUILTIN_FORMATS.get(number_format)
        if number_format in LOCALE_DATE_FORMATS or (code and is_date_format(code)):
            dates.add(index)
    return frozenset(dates)


def _column(reference: str) -> int:
    """ "AB12" → 27 (0-based column index)."""
    index = 0
    for ch in reference:
        if not ch.isalpha():
            break
        index = index * 26 + ord(ch.upper()) - 64
    return index - 1


def _value(cell: Element, shared: list[str], dates: frozenset[int], epoch: datetime) -> object:
    kind = cell.get("t", "n")
    if kind == "inlineStr":
        item = cell.find(f"{MAIN}is")
        return _text(item) if item is not None else ""
    raw = cell.findtext(f"{MAIN}v")
    if raw is None:
        return None
    if kind == "s":
        return shared[int(raw)]
    if kind in {"str", "e"}:
        return raw
    if kind == "b":
        return raw == "1"
    if kind == "d":
        return datetime.fromisoformat(raw)
    number = float(raw)
    if int(cell.get("s") or 0) in dates:
        return from_excel(number, epoch)
    return int(number) if number.is_integer() and abs(number) < 2**53 else number


def _rows(
    archive: zipfile.ZipFile, path: str, shared: list[str], dates: frozenset[int], epoch: datetime
) -> Iterator[list[object]]:
    expected = 1
    sheet_data: Element | None = None
    for event, element in _streamed(archive, path, ("start", "end")):
        if event == "start":
            if element.tag == f"{MAIN}sheetData":
                sheet_data = element
            continue
        if element.tag != f"{MAIN}row":
            continue
        number = int(element.get("r") or expected)
        while expected < number:  # rows Excel did not write are empty rows
            yield []
            expected += 1
        cells: list[object] = []
        for position, cell in enumerate(element.iter(f"{MAIN}c")):
            reference = cell.get("r")
            column = _column(reference) if reference else position
            if column >= len(cells):
                cells.extend([None] * (column + 1 - len(cells)))
            cells[column] = _value(cell, shared, dates, epoch)
        yield cells
        expected = number + 1
        if sheet_data is not None:
            sheet_data.clear()  # the rows already read
