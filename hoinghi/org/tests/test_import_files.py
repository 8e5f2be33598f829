"""Files are judged by content: macros, disguised files, bombs and oversize are refused."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

import openpyxl
import pytest

from hoinghi.org.imports.files import FileRefused, read_table
from hoinghi.org.imports.samples import HEADERS, csv_bytes, staff_rows, xlsx_bytes


def refusal(data: bytes, filename: str) -> FileRefused:
    with pytest.raises(FileRefused) as refused:
        read_table(data, filename=filename)
    return refused.value


def rezip(
    data: bytes, *, add: dict[str, bytes] | None = None, replace: dict[str, bytes] | None = None
) -> bytes:
    """The same workbook with entries added or replaced."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            dst.writestr(info.filename, (replace or {}).get(info.filename, src.read(info)))
        for name, content in (add or {}).items():
            dst.writestr(name, content)
    return out.getvalue()


def test_it_reads_a_workbook_and_numbers_rows_as_the_spreadsheet_does() -> None:
    table = read_table(xlsx_bytes(staff_rows(3)), filename="ds.xlsx")
    assert table.kind == "xlsx" and table.headers == HEADERS
    assert [number for number, _ in table.rows] == [2, 3, 4]


def test_it_finds_the_header_below_a_title_and_skips_blank_rows() -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["DANH SÁCH CÁN BỘ NĂM 2025"])
    sheet.append([])
    sheet.append(HEADERS)
    sheet.append(["CB1", "Nguyễn An"])
    sheet.append([None, "  "])
    sheet.append(["CB2", "Lê Bình"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    table = read_table(buffer.getvalue(), filename="ds.xlsx")
    assert [(number, cells[0]) for number, cells in table.rows] == [(4, "CB1"), (6, "CB2")]


def test_it_refuses_a_workbook_with_a_macro_project() -> None:
    data = rezip(xlsx_bytes(staff_rows(1)), add={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0macro"})
    assert refusal(data, "ds.xlsx").code == "macro"


def test_it_refuses_a_macro_enabled_content_type_even_without_the_project() -> None:
    data = xlsx_bytes(staff_rows(1))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        types = archive.read("[Content_Types].xml").replace(
            b"spreadsheetml.sheet.main+xml", b"ms-excel.sheet.macroEnabled.main+xml"
        )
    assert refusal(rezip(data, replace={"[Content_Types].xml": types}), "ds.xlsx").code == "macro"


def test_it_refuses_an_xlsm_by_name_too() -> None:
    assert refusal(xlsx_bytes(staff_rows(1)), "ds.xlsm").code == "macro"


@pytest.mark.parametrize(
    ("data", "filename"),
    [
        (b"<html><body><table><tr><td>CB1</td></tr></table></body></html>", "ds.xlsx"),
        (b"Ma can bo,Ho va ten\nCB1,An\n", "ds.xlsx"),
    ],
    ids=["an HTML page named .xlsx", "a CSV named .xlsx"],
)
def test_it_refuses_a_file_that_only_pretends_to_be_a_workbook(data: bytes, filename: str) -> None:
    assert refusal(data, filename).code == "disguised"


def test_it_refuses_a_zip_that_is_not_a_workbook() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "xin chào")
    assert refusal(out.getvalue(), "ds.xlsx").code == "disguised"


def test_it_refuses_a_workbook_named_csv() -> None:
    assert refusal(xlsx_bytes(staff_rows(1)), "ds.csv").code == "disguised"


def test_it_refuses_a_binary_file_named_csv() -> None:
    assert refusal(b"\x7fELF\x02\x01\x01\x00\x00\x00binary", "ds.csv").code == "binary"


def test_it_refuses_an_html_page_named_csv() -> None:
    assert refusal(b"  <!doctype html><html></html>", "ds.csv").code == "disguised"


def test_it_refuses_an_old_excel_or_password_protected_file() -> None:
    assert (
        refusal(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "ds.xlsx").code == "old_excel"
    )


def test_it_refuses_other_kinds_of_file() -> None:
    assert refusal(b"%PDF-1.7", "ds.pdf").code == "unknown_kind"


def test_it_refuses_a_file_over_the_size_limit(settings: object) -> None:
    settings.HOINGHI_IMPORT_MAX_BYTES = 1000  # type: ignore[attr-defined]
    refused = refusal(csv_bytes(staff_rows(20)), "ds.csv")
    assert refused.code == "too_large" and "giới hạn" in refused.message


def test_it_refuses_more_rows_than_the_limit(settings: object) -> None:
    settings.HOINGHI_IMPORT_MAX_ROWS = 5  # type: ignore[attr-defined]
    assert len(read_table(xlsx_bytes(staff_rows(5)), filename="ds.xlsx").rows) == 5
    refused = refusal(xlsx_bytes(staff_rows(6)), "ds.xlsx")
    assert refused.code == "too_many_rows" and "5" in refused.message
    assert refusal(csv_bytes(staff_rows(6)), "ds.csv").code == "too_many_rows"


def test_it_refuses_a_zip_bomb_before_unpacking_it() -> None:
    """101 MiB of spaces pack into about 100 kB; the declared size gives them away."""
    data = xlsx_bytes(staff_rows(1))
    bomb = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info))
        with dst.open("xl/media/padding.bin", "w") as padding:
            chunk = b" " * (1 << 20)
            for _ in range(101):
                padding.write(chunk)
    assert len(bomb.getvalue()) < 1_000_000
    assert refusal(bomb.getvalue(), "ds.xlsx").code == "zip_bomb"


def test_it_refuses_a_zip_with_too_many_entries() -> None:
    extra = {f"xl/media/p{i}.bin": b"" for i in range(1_001)}
    assert refusal(rezip(xlsx_bytes(staff_rows(1)), add=extra), "ds.xlsx").code == "zip_bomb"


def test_it_refuses_xml_entity_expansion() -> None:
    assert openpyxl.xml.DEFUSEDXML is True
    data = xlsx_bytes(staff_rows(1))
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>'
    )
    assert (
        refusal(rezip(data, replace={"xl/worksheets/sheet1.xml": laughs}), "ds.xlsx").code
        == "xml_entities"
    )


def test_it_refuses_a_file_without_the_header_row() -> None:
    refused = refusal("Tên;Tuổi\nAn;30\n".encode(), "ds.csv")
    assert refused.code == "no_header" and "«Mã cán bộ»" in refused.message


def test_it_refuses_a_damaged_workbook() -> None:
    data = xlsx_bytes(staff_rows(1))
    assert refusal(data[: len(data) // 2], "ds.xlsx").code == "unreadable"


def lie_about_size(data: bytes, name: str, size: int) -> bytes:
    """Patch the declared uncompressed size of one entry, in its local and central headers."""
    patched = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        patched[archive.getinfo(name).header_offset + 22 :][:4] = size.to_bytes(4, "little")
    start = 0
    while (start := patched.find(b"PK\x01\x02", start + 1)) != -1:
        length = int.from_bytes(patched[start + 28 : start + 30], "little")
        if patched[start + 46 : start + 46 + length] == name.encode():
            patched[start + 24 : start + 28] = size.to_bytes(4, "little")
    return bytes(patched)


def test_it_stops_at_the_declared_size_of_an_entry_that_lies_about_it() -> None:
    data = xlsx_bytes(staff_rows(1))
    sheet = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        original = archive.read(sheet)
    swollen = rezip(data, replace={sheet: original + b" " * 50_000_000})
    assert refusal(lie_about_size(swollen, sheet, len(original)), "ds.xlsx").code == "unreadable"


def test_it_reads_rich_text_without_its_phonetic_runs() -> None:
    data = xlsx_bytes(staff_rows(1))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        shared = archive.read("xl/sharedStrings.xml")
    first = shared.index(b"<si>")
    rich = (
        '<si><r><rPr><b/></rPr><t xml:space="preserve">Mã </t></r><r><t>cán bộ</t></r>'
        '<rPh sb="0" eb="1"><t>ma</t></rPh></si>'
    ).encode()
    patched = shared[:first] + rich + shared[shared.index(b"</si>", first) + 5 :]
    table = read_table(rezip(data, replace={"xl/sharedStrings.xml": patched}), filename="ds.xlsx")
    assert table.headers[0] == "Mã cán bộ"


def test_it_reads_dates_of_a_workbook_counted_from_1904() -> None:
    workbook = openpyxl.Workbook()
    workbook.epoch = openpyxl.utils.datetime.MAC_EPOCH
    sheet = workbook.active
    assert sheet is not None
    sheet.append(HEADERS)
    sheet.append(["CB1", "Nguyễn An", "Nam", datetime(1985, 9, 5)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert read_table(buffer.getvalue(), filename="ds.xlsx").rows[0][1][3] == datetime(1985, 9, 5)
