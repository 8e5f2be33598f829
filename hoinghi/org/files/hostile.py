"""Hostile files, rebuilt on demand: each input measured against the readers before the
guarded reader existed. The tests and ``bench/bounded.py`` refuse each one and time it.
"""

from __future__ import annotations

import io
import zipfile

from hoinghi.org.imports.samples import staff_rows, xlsx_bytes

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SHEET = "xl/worksheets/sheet1.xml"
STAFF_HEADER = '<row r="1"><c r="A1" t="inlineStr"><is><t>Mã cán bộ</t></is></c></row>'
PLANS_HEADER = '<row r="1"><c r="A1" t="inlineStr"><is><t>Loại</t></is></c><c r="B1" t="inlineStr"><is><t>Nội dung</t></is></c></row>'


def sheet_xml(rows: str, dimension: str = "A1:B2") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">'
        f'<dimension ref="{dimension}"/><sheetData>{rows}</sheetData></worksheet>'
    ).encode()


def workbook_with(sheet: bytes) -> bytes:
    """A small valid workbook whose only sheet is ``sheet``."""
    data = xlsx_bytes(staff_rows(1))
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst,
    ):
        for info in src.infolist():
            dst.writestr(info.filename, sheet if info.filename == SHEET else src.read(info))
    return out.getvalue()


def far_right_cells(rows: int, header: str = STAFF_HEADER) -> bytes:
    """Each row with a cell in column XFD (16,384): a reader that pads rows builds 16,384
    cells a row."""
    return workbook_with(
        sheet_xml(
            header
            + "".join(
                f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>CB{n}</t></is></c>'
                f'<c r="XFD{n}"><v>1</v></c></row>'
                for n in range(2, rows + 2)
            )
        )
    )


def far_right_packed(rows: int = 60_000) -> bytes:
    """The same far-right cell repeated: megabytes of sheet packed into a few kilobytes."""
    return workbook_with(sheet_xml(STAFF_HEADER + '<row><c r="XFD2"><v>1</v></c></row>' * rows))


def row_two_billion() -> bytes:
    rows = STAFF_HEADER + '<row r="2000000000"><c r="A2000000000"><v>1</v></c></row>'
    return workbook_with(sheet_xml(rows))


def whole_sheet_declared(header: str = STAFF_HEADER) -> bytes:
    """A sheet that declares every cell of Excel (A1:XFD1048576): 17 billion cells to a reader
    that trusts the declared range."""
    return workbook_with(sheet_xml(header, "A1:XFD1048576"))


def one_row_of_cells(cells: int = 3_000) -> bytes:
    return workbook_with(sheet_xml(STAFF_HEADER + f'<row r="2">{"<c><v>1</v></c>" * cells}</row>'))


def nested_xml(depth: int = 10_000) -> bytes:
    return workbook_with(sheet_xml(STAFF_HEADER + "<x>" * depth + "</x>" * depth))


def late_dtd() -> bytes:
    """A DTD after 200 kB of comment, past any check of the part's first bytes."""
    body = sheet_xml(STAFF_HEADER).split(b"?>", 1)[1]
    return workbook_with(
        b'<?xml version="1.0"?><!--' + b" " * 200_000 + b'--><!DOCTYPE w [<!ENTITY a "a">]>' + body
    )


def comma_csv(commas: int = 1_000_000) -> bytes:
    return "Mã cán bộ\n".encode() + b"," * commas


def blank_lines_csv(lines: int = 5_000_000) -> bytes:
    return "Mã cán bộ\n".encode() + b"\n" * lines


def yaml_alias_bomb() -> str:
    """Nine levels of nine aliases: 445 bytes that expand to 9⁹ (387 million) strings."""
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
    return "\n".join(lines) + "\n"


def nested_text(depth: int = 100_000) -> str:
    return "[" * depth + "]" * depth


def long_json_number(digits: int = 100_000) -> str:
    return '{"a": ' + "9" * digits + "}"


def padded_zip() -> bytes:
    """101 MiB of spaces packed into about 100 kB, beside a valid workbook."""
    data = xlsx_bytes(staff_rows(1))
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info))
        with dst.open("xl/media/padding.bin", "w") as padding:
            for _ in range(101):
                padding.write(b" " * (1 << 20))
    return out.getvalue()


def plans_far_right() -> bytes:
    """One cell in column XFD of row 2,000: a reader that pads rows to the widest one builds
    2,000 rows of 16,384 cells."""
    rows = PLANS_HEADER + '<row r="2000"><c r="XFD2000"><v>1</v></c></row>'
    return workbook_with(sheet_xml(rows, "A1:XFD2000"))


def plans_whole_sheet() -> bytes:
    """The declared range A1:XFD1048576 and a value in the last row: a reader that trusts the
    range pads 1,048,576 rows to 16,384 cells (about 137 GB)."""
    rows = PLANS_HEADER + '<row r="1048576"><c r="A1048576"><v>1</v></c></row>'
    return workbook_with(sheet_xml(rows, "A1:XFD1048576"))
