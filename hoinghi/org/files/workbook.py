"""An XLSX workbook, measured before it is opened and streamed one row at a time.

The zip is measured first (entry count, declared uncompressed sizes, the ratio of each large
entry; Python's zipfile then refuses to inflate an entry beyond its declared size). The
sheet is parsed with the standard library's C parser (``iterparse``), several times faster
than openpyxl's defusedxml handlers on 100,000 rows, and only one row is kept in memory:

- any part whose bytes hold a DTD (``<!DOCTYPE``, ``<!ENTITY``, anywhere in the part) is
  refused as the bytes flow in, before expat reaches it; expat 2.4.1 or later (checked below)
  also bounds entity amplification by itself and ElementTree never fetches external entities;
- the sheet's declared range (``<dimension ref>``) is checked before its rows;
- each row number and each cell's column are checked as the tag opens, so a cell in column
  XFD or a row numbered 2,000,000,000 is refused at once, never padded or iterated;
- the nesting of elements and the elements of one row are bounded, and the parts before and
  after the sheet's rows are dropped as they are read.
"""

from __future__ import annotations

import io
import posixpath
import pyexpat
import re
import zipfile
import zlib
from collections.abc import Iterator
from datetime import datetime
from itertools import chain
from typing import IO, cast
from xml.etree.ElementTree import Element, ParseError, XMLPullParser

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils.datetime import MAC_EPOCH, WINDOWS_EPOCH, from_excel

from hoinghi.org.files.limits import (
    EXCEL_MAX_COLUMN,
    EXCEL_MAX_ROW,
    RATIO_FLOOR,
    FileRefused,
    Limits,
    count,
    megabytes,
)
from hoinghi.vietnamese import nfc

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
OFFICE_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
SHARED_STRINGS_REL = "/sharedStrings"
STYLES_REL = "/styles"
MAX_ZIP_ENTRIES = 1_000
MAX_SMALL_PART = 20_000_000  # workbook, relationships, styles, content types
MAX_ROW_ELEMENTS = 20  # elements per cell on average (a cell, its value, rich-text runs)
CHUNK = 16_384  # expat fed in 16 KB pieces: 0.75 s for 10,000 rows, against 2.0 s in 64 KB pieces
LOCALE_DATE_FORMATS = frozenset({*range(27, 37), *range(50, 59)})  # East Asian date formats
_REFERENCE = re.compile(r"^([A-Za-z]{1,3})([0-9]{1,7})$")
_RANGE_END = re.compile(r"^\$?([A-Za-z]{1,8})?\$?([0-9]{1,12})?$")

assert pyexpat.version_info >= (2, 4, 1), (
    "expat 2.4.1+ is needed for its entity amplification limits"
)


class UnreadableWorkbook(Exception):
    """The workbook's structure is not what an XLSX file has."""


def check_zip(archive: zipfile.ZipFile, limits: Limits) -> None:
    """Refuse a zip bomb, a macro workbook or a zip that is not a workbook, from its directory."""
    entries = archive.infolist()
    if len(entries) > MAX_ZIP_ENTRIES:
        raise FileRefused(
            "zip_bomb",
            f"Tệp nén có {count(len(entries))} thành phần, vượt giới hạn "
            f"{count(MAX_ZIP_ENTRIES)}: không đọc.",
        )
    unzipped = sum(info.file_size for info in entries)
    if unzipped > limits.max_unzipped_bytes:
        raise FileRefused(
            "zip_bomb",
            f"Tệp khi giải nén lớn hơn giới hạn {megabytes(limits.max_unzipped_bytes)} "
            "(nghi là tệp «bom nén»): không đọc.",
        )
    for info in entries:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR and ratio > limits.max_ratio:
            raise FileRefused(
                "zip_bomb",
                f"Thành phần «{info.filename[:80]}» nén {ratio:.0f} lần, vượt giới hạn "
                f"{limits.max_ratio} lần (nghi là tệp «bom nén»): không đọc.",
            )
    names = {info.filename.lower() for info in entries}
    if any(name.endswith("vbaproject.bin") for name in names):
        raise FileRefused(
            "macro",
            "Tệp có chứa macro (VBA): không nhận. Hãy lưu lại dưới dạng .xlsx không có macro.",
        )
    if "[content_types].xml" not in names or "xl/workbook.xml" not in names:
        raise FileRefused("disguised", "Tệp nén này không phải là bảng tính Excel (.xlsx).")
    content_types = archive.getinfo("[Content_Types].xml")
    if content_types.file_size > MAX_SMALL_PART:
        raise FileRefused("zip_bomb", "Tệp Excel có phần mô tả bất thường: không đọc.")
    if b"macroenabled" in archive.read(content_types).lower():
        raise FileRefused("macro", "Tệp Excel có macro: không nhận. Hãy lưu lại dưới dạng .xlsx.")


def workbook_rows(
    data: bytes, preferred_sheet: str | None, limits: Limits
) -> Iterator[tuple[int, list[object]]]:
    """The non-empty rows of the sheet named ``preferred_sheet`` (else the first sheet), each
    with its row number as the spreadsheet shows it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_zip(archive, limits)
            yield from _sheet_rows(archive, preferred_sheet, limits)
    except FileRefused:
        raise
    except (
        UnreadableWorkbook,
        zipfile.BadZipFile,
        zlib.error,
        OSError,
        EOFError,
        KeyError,
        ValueError,
        IndexError,
        OverflowError,
        ParseError,
    ) as exc:
        raise FileRefused(
            "unreadable", "Không đọc được tệp Excel (tệp hỏng hoặc không đúng định dạng)."
        ) from exc


def _sheet_rows(
    archive: zipfile.ZipFile, preferred_sheet: str | None, limits: Limits
) -> Iterator[tuple[int, list[object]]]:
    workbook = _small_part(archive, "xl/workbook.xml", limits)
    targets = _relationships(archive, "xl/_rels/workbook.xml.rels", limits)
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
    shared = _shared_strings(archive, targets.get(SHARED_STRINGS_REL), limits)
    dates = _date_styles(archive, targets.get(STYLES_REL), limits)
    yield from _rows(archive, targets[chosen], _Cells(shared, dates, epoch), limits)


def _refuse_dtd(path: str) -> FileRefused:
    return FileRefused(
        "xml_entities",
        f"Phần «{path[:80]}» của tệp Excel khai báo DTD hoặc thực thể XML (có thể là tấn công "
        "mở rộng thực thể): không đọc.",
    )


def _guarded_chunks(part: IO[bytes], path: str) -> Iterator[bytes]:
    """The part's bytes, refusing a DTD anywhere in them and any encoding but UTF-8."""
    tail = b""
    first = True
    while chunk := part.read(CHUNK):
        if first and (chunk.startswith((b"\xff\xfe", b"\xfe\xff")) or chunk[1:2] == b"\x00"):
            raise UnreadableWorkbook(f"{path} không mã hóa UTF-8")
        first = False
        window = tail + chunk
        if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
            raise _refuse_dtd(path)
        tail = window[-9:]
        yield chunk


def _events(
    archive: zipfile.ZipFile, path: str, limits: Limits
) -> Iterator[tuple[str, Element, int]]:
    """Start and end events of a part, with the depth of each element (the root is 1)."""
    parser = XMLPullParser(events=("start", "end"))
    depth = 0
    with archive.open(path) as part:
        for chunk in chain(_guarded_chunks(part, path), [b""]):
            if chunk:
                parser.feed(chunk)
            else:
                parser.close()
            for event, element in cast(Iterator[tuple[str, Element]], parser.read_events()):
                if event == "start":
                    depth += 1
                    if depth > limits.max_depth:
                        raise FileRefused(
                            "too_deep",
                            f"Phần «{path[:80]}» của tệp Excel lồng quá {limits.max_depth} "
                            "cấp: không đọc.",
                        )
                yield event, element, depth
                if event == "end":
                    depth -= 1


def _small_part(archive: zipfile.ZipFile, path: str, limits: Limits) -> Element:
    if archive.getinfo(path).file_size > MAX_SMALL_PART:
        raise UnreadableWorkbook(f"{path} quá lớn")
    root: Element | None = None
    for event, element, depth in _events(archive, path, limits):
        if event == "start" and depth == 1:
            root = element
    if root is None:
        raise UnreadableWorkbook(f"{path} rỗng")
    return root


def _relationships(archive: zipfile.ZipFile, path: str, limits: Limits) -> dict[str, str]:
    """Relationship id → part path; also the type's last segment → part path."""
    found: dict[str, str] = {}
    for rel in _small_part(archive, path, limits).iter(f"{PACKAGE_REL}Relationship"):
        target = rel.get("Target") or ""
        part = (
            target[1:]
            if target.startswith("/")
            else posixpath.normpath(posixpath.join("xl", target))
        )
        found[rel.get("Id") or ""] = part
        found["/" + (rel.get("Type") or "").rsplit("/", 1)[-1]] = part
    return found


def _text(element: Element) -> str:
    """The text of a string item: plain, or rich-text runs; phonetic runs left out."""
    plain = element.find(f"{MAIN}t")
    if plain is not None:
        return plain.text or ""
    return "".join(t.text or "" for run in element.iter(f"{MAIN}r") for t in run.iter(f"{MAIN}t"))


def _shared_strings(archive: zipfile.ZipFile, path: str | None, limits: Limits) -> list[str]:
    """The shared-string table; no more items than the cells the row and column limits allow
    (and at most ten per allowed row: a staff file has a few text columns)."""
    if path is None:
        return []
    most = limits.max_rows * 10 + 1_000
    strings: list[str] = []
    parent: Element | None = None
    for event, element, depth in _events(archive, path, limits):
        if event == "start":
            if depth == 1:
                parent = element
            continue
        if depth == 2 and element.tag == f"{MAIN}si":
            strings.append(_text(element))
            if len(strings) > most:
                raise FileRefused(
                    "too_many_strings",
                    f"Bảng chuỗi của tệp Excel có hơn {count(most)} chuỗi, vượt giới hạn: "
                    "không đọc.",
                )
            if parent is not None:
                parent.clear()
    return strings


def _date_styles(archive: zipfile.ZipFile, path: str | None, limits: Limits) -> frozenset[int]:
    """Indexes of the cell formats that show a number as a date."""
    if path is None:
        return frozenset()
    styles = _small_part(archive, path, limits)
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


def column_index(letters: str) -> int:
    """``"AB"`` → 28 (1-based, as Excel counts columns)."""
    index = 0
    for ch in letters.upper():
        index = index * 26 + ord(ch) - 64
    return index


def column_letters(index: int) -> str:
    """28 → ``"AB"``."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class _Cells:
    """Cell values: the shared strings, the date styles and the workbook's epoch."""

    def __init__(self, shared: list[str], dates: frozenset[int], epoch: datetime) -> None:
        self.shared = shared
        self.dates = dates
        self.epoch = epoch

    def value(self, cell: Element) -> object:
        kind = cell.get("t", "n")
        if kind == "inlineStr":
            item = cell.find(f"{MAIN}is")
            return _text(item) if item is not None else ""
        raw = cell.findtext(f"{MAIN}v")
        if raw is None:
            return None
        if kind == "s":
            return self.shared[int(raw[:12])]
        if kind in {"str", "e"}:
            return raw
        if kind == "b":
            return raw == "1"
        if kind == "d":
            return datetime.fromisoformat(raw[:40])
        number = float(raw[:400])
        if int(cell.get("s") or 0) in self.dates:
            return from_excel(number, self.epoch)
        return int(number) if number.is_integer() and abs(number) < 2**53 else number


def check_dimension(ref: str, limits: Limits) -> None:
    """Refuse a sheet whose declared range (``A1:XFD1048576``) passes the limits."""
    end = ref.split(":")[-1].strip()
    match = _RANGE_END.match(end)
    if match is None:
        raise UnreadableWorkbook("phạm vi trang tính không hợp lệ")
    letters, digits = match.groups()
    if letters and column_index(letters) > limits.max_columns:
        raise FileRefused(
            "too_many_columns",
            f"Trang tính khai báo vùng dữ liệu «{ref[:40]}» đến cột {letters.upper()} "
            f"(cột thứ {count(column_index(letters))}), vượt giới hạn {limits.max_columns} cột. "
            "Hãy xóa các cột thừa bên phải rồi lưu lại.",
        )
    most = min(limits.max_rows * 2 + 1_000, EXCEL_MAX_ROW)
    if digits and int(digits) > most:
        raise FileRefused(
            "too_many_rows",
            f"Trang tính khai báo vùng dữ liệu «{ref[:40]}» đến dòng {count(int(digits))}, "
            f"vượt giới hạn {count(most)} dòng. Hãy xóa các dòng thừa phía dưới rồi lưu lại.",
        )


def _row_number(raw: str | None, expected: int, limits: Limits) -> int:
    if raw is None:
        return expected
    if not raw.isdigit() or len(raw) > 7 or int(raw) > EXCEL_MAX_ROW or int(raw) < 1:
        raise FileRefused(
            "row_number",
            f"Tệp có dòng được đánh số «{raw[:20]}», ngoài khoảng 1 – {count(EXCEL_MAX_ROW)} "
            "của Excel: không đọc.",
        )
    return int(raw)


def _cell_column(raw: str | None, position: int, row: int, limits: Limits) -> int:
    """The 1-based column of a cell, refusing one past the column limit."""
    if raw is None:
        column = position
    else:
        match = _REFERENCE.match(raw)
        if match is None:
            raise FileRefused(
                "cell_reference", f"Dòng {row}: ô có địa chỉ không hợp lệ «{raw[:20]}»: không đọc."
            )
        column = column_index(match.group(1))
    if column > limits.max_columns or column > EXCEL_MAX_COLUMN:
        raise FileRefused(
            "too_many_columns",
            f"Dòng {row}: ô {column_letters(min(column, EXCEL_MAX_COLUMN))}{row} nằm ở cột thứ "
            f"{count(column)}, vượt giới hạn {limits.max_columns} cột. Hãy xóa các cột thừa bên "
            "phải rồi lưu lại.",
        )
    return column


def _rows(
    archive: zipfile.ZipFile, path: str, cells: _Cells, limits: Limits
) -> Iterator[tuple[int, list[object]]]:
    expected, number, position, elements = 1, 0, 0, 0
    row_depth = 0
    parents: list[Element] = []
    for event, element, depth in _events(archive, path, limits):
        tag = element.tag
        if event == "start":
            if row_depth:
                elements += 1
                if tag == f"{MAIN}c":
                    position += 1
                    _cell_column(element.get("r"), position, number, limits)
                if elements > limits.max_columns * MAX_ROW_ELEMENTS:
                    raise FileRefused(
                        "too_many_columns",
                        f"Dòng {number} có quá nhiều ô, vượt giới hạn {limits.max_columns} cột.",
                    )
            elif tag == f"{MAIN}row":
                number = _row_number(element.get("r"), expected, limits)
                row_depth, position, elements = depth, 0, 0
            elif tag == f"{MAIN}dimension":
                check_dimension(element.get("ref") or "", limits)
            parents.append(element)
            continue
        parents.pop()
        if row_depth and depth > row_depth:
            continue  # a cell's parts, read when the row ends
        if tag == f"{MAIN}row":
            row_depth = 0
            values = _row_values(element, number, cells, limits)
            if values:
                yield number, values
            expected = number + 1
        elif tag == f"{MAIN}sheetData":
            return  # nothing after the rows is needed
        if parents:
            parents[-1].clear()  # drop what was read: rows, columns, views


def _row_values(row: Element, number: int, cells: _Cells, limits: Limits) -> list[object]:
    values: list[object] = []
    for position, cell in enumerate(row.iter(f"{MAIN}c"), start=1):
        column = _cell_column(cell.get("r"), position, number, limits)
        value = cells.value(cell)
        if value is None or value == "":
            continue
        if column > len(values):
            values.extend([None] * (column - len(values)))
        values[column - 1] = value
    return values
