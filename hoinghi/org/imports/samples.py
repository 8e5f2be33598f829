"""Generated staff files in the import's columns, for tests, the benchmark and demos."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Sequence
from datetime import date, timedelta

from openpyxl import Workbook

from hoinghi.org.imports.columns import COLUMNS
from hoinghi.org.imports.files import SHEET_NAME
from hoinghi.vietnamese import TONES

HEADERS = [c.header for c in COLUMNS]
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ")
MIDDLE = ("Văn", "Thị", "Minh", "Thanh", "Quốc", "Ngọc", "Đức", "Thu", "Hữu", "Xuân")
GIVEN = (
    "An",
    "Bình",
    "Cúc",
    "Dũng",
    "Hà",
    "Hải",
    "Hương",
    "Khánh",
    "Lan",
    "Long",
    "Mai",
    "Nam",
    "Oanh",
    "Phúc",
    "Quân",
    "Sơn",
    "Tâm",
    "Thảo",
    "Trung",
    "Uyên",
    "Việt",
    "Yến",
)
UNITS = (
    ("van-phong", "Văn phòng"),
    ("ban-to-chuc", "Ban Tổ chức"),
    ("ban-tuyen-giao", "Ban Tuyên giáo"),
    ("phong-tai-chinh", "Phòng Tài chính"),
)
CATEGORIES = ("Công chức", "Viên chức", "Người lao động", "Cán bộ", "Hợp đồng lao động")


def staff_row(
    i: int, *, prefix: str = "NV", units: Sequence[tuple[str, str]] = UNITS
) -> dict[str, object]:
    """Row ``i`` of a generated file, keyed by Vietnamese header."""
    unit_code, unit_name = units[i % len(units)]
    joined = date(2000, 1, 1) + timedelta(days=(i * 37) % 8000)
    return {
        "Mã cán bộ": f"{prefix}{i:06d}",
        "Họ và tên": f"{FAMILY[i % 12]} {MIDDLE[(i // 12) % 10]} {GIVEN[(i // 7) % 22]}",
        "Giới tính": "Nữ" if i % 2 else "Nam",
        "Ngày sinh": f"{joined.replace(year=joined.year - 25):%d/%m/%Y}"
        if joined.day != 29
        else "",
        "Đối tượng": CATEGORIES[i % 5],
        "Đảng viên": "x" if i % 3 == 0 else "",
        "Đoàn viên công đoàn": "x",
        "Ngày vào cơ quan": joined.isoformat(),
        "Mã đơn vị": unit_code,
        "Tên đơn vị": unit_name,
        "Chức danh": "Trưởng phòng" if i % 25 == 0 else "Chuyên viên",
        "Lãnh đạo": "x" if i % 25 == 0 else "",
        "Trưởng đơn vị": "x" if i % 25 == 0 else "",
        "Từ ngày": "",
    }


def staff_rows(count: int, *, prefix: str = "NV", start: int = 1) -> list[dict[str, object]]:
    return [staff_row(i, prefix=prefix) for i in range(start, start + count)]


def xlsx_bytes(
    rows: Sequence[dict[str, object]],
    *,
    headers: Sequence[str] = HEADERS,
    sheet_name: str = SHEET_NAME,
) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_name)
    sheet.append(list(headers))
    for row in rows:
        sheet.append([row.get(h) for h in headers])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return with_shared_strings(buffer.getvalue())


INLINE = re.compile(
    rb'<c r="([A-Z]+[0-9]+)" t="inlineStr"><is><t(?: xml:space="preserve")?>(.*?)</t></is></c>'
)
MAIN_NS = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SST_TYPE = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
SST_REL = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"


def with_shared_strings(data: bytes) -> bytes:
    """Rewrite openpyxl's inline strings as a shared-string table, as Excel saves a workbook
    (and as clerks' files arrive); openpyxl reads such files about twice as fast."""
    table: dict[bytes, int] = {}

    def shared(match: re.Match[bytes]) -> bytes:
        index = table.setdefault(match.group(2), len(table))
        return b'<c r="' + match.group(1) + b'" t="s"><v>' + str(index).encode() + b"</v></c>"

    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            content = src.read(info)
            if info.filename.startswith("xl/worksheets/"):
                content = INLINE.sub(shared, content)
            elif info.filename == "[Content_Types].xml":
                content = content.replace(
                    b"</Types>",
                    b'<Override PartName="/xl/sharedStrings.xml" '
                    b'ContentType="' + SST_TYPE + b'"/></Types>',
                )
            elif info.filename == "xl/_rels/workbook.xml.rels":
                content = content.replace(
                    b"</Relationships>",
                    b'<Relationship Type="'
                    + SST_REL
                    + b'" Target="sharedStrings.xml" Id="rIdSst"/></Relationships>',
                )
            dst.writestr(info.filename, content)
        items = b"".join(b'<si><t xml:space="preserve">' + text + b"</t></si>" for text in table)
        count = str(len(table)).encode()
        dst.writestr(
            "xl/sharedStrings.xml",
            b'<sst xmlns="'
            + MAIN_NS
            + b'" count="'
            + count
            + b'" uniqueCount="'
            + count
            + b'">'
            + items
            + b"</sst>",
        )
    return out.getvalue()


def csv_bytes(
    rows: Sequence[dict[str, object]],
    *,
    headers: Sequence[str] = HEADERS,
    delimiter: str = ",",
    encoding: str = "utf-8-sig",
) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(headers)
    for row in rows:
        writer.writerow(["" if row.get(h) is None else row.get(h) for h in headers])
    content = buffer.getvalue()
    if encoding == "cp1258":
        content = "".join(map(_windows_1258, content))
    return content.encode(encoding)


def _windows_1258(ch: str) -> str:
    """Windows-1258 has the letters ă â ê ô ơ ư đ but the five tones only as combining marks."""
    try:
        ch.encode("cp1258")
        return ch
    except UnicodeEncodeError:
        decomposed = unicodedata.normalize("NFD", ch)
        letter = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES))
        return letter + "".join(c for c in decomposed if c in TONES)
