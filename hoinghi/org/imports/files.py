"""Reading an uploaded staff file into a table of cells, refusing what is not safe to read.

The kind of a file is decided by its content, not its name: an XLSX is a zip with a
workbook and no macro project; a CSV is text. A zip is measured before anything is
unpacked (entry count and declared uncompressed size; Python's zipfile then refuses to
inflate an entry beyond its declared size), so a zip bomb is refused before parsing.
The sheet is then streamed by hoinghi.org.imports.xlsx, which refuses DTDs.
"""

from __future__ import annotations

import csv
import io
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import PurePath

from django.conf import settings

from hoinghi.org.imports.columns import header_column
from hoinghi.org.imports.xlsx import UnreadableWorkbook, sheet_rows
from hoinghi.vietnamese import nfc

MAX_ZIP_ENTRIES = 1_000
MAX_CONTENT_TYPES_BYTES = 1_000_000
HEADER_SEARCH_ROWS = 10
SHEET_NAME = "Cán bộ"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = (
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls of Excel 97-2003, or a password-protected file
)


class FileRefused(Exception):
    """The file as a whole cannot be read; the message says why, in Vietnamese."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class Table:
    """The cells of a staff file: its header, and each data row with its row number as the
    spreadsheet shows it (the header is usually row 1, so the first person is row 2)."""

    kind: str
    headers: list[str]
    rows: list[tuple[int, list[object]]] = field(default_factory=list)


def read_upload(chunks: Iterable[bytes]) -> bytes:
    """Read an upload, stopping one byte past the limit instead of reading it all."""
    limit = settings.HOINGHI_IMPORT_MAX_BYTES
    buffer = bytearray()
    for chunk in chunks:
        buffer.extend(chunk)
        if len(buffer) > limit:
            break
    return bytes(buffer[: limit + 1])


def read_table(data: bytes, *, filename: str) -> Table:
    limit = settings.HOINGHI_IMPORT_MAX_BYTES
    if len(data) > limit:
        raise FileRefused("too_large", f"Tệp lớn hơn giới hạn {limit // (1024 * 1024)} MB.")
    if not data.strip():
        raise FileRefused("empty", "Tệp rỗng.")
    suffix = PurePath(filename).suffix.lower()
    if suffix in {".xlsm", ".xltm", ".xlsb"}:
        raise FileRefused(
            "macro", "Không nhận tệp Excel có macro (.xlsm, .xlsb). Hãy lưu lại dưới dạng .xlsx."
        )
    if data.startswith(OLE_MAGIC):
        raise FileRefused(
            "old_excel",
            "Tệp Excel 97-2003 (.xls) hoặc tệp có đặt mật khẩu không đọc được. "
            "Hãy bỏ mật khẩu và lưu lại dưới dạng .xlsx.",
        )
    if suffix == ".xlsx":
        if not data.startswith(ZIP_MAGIC):
            raise FileRefused(
                "disguised", f"Tệp «{filename}» mang đuôi .xlsx nhưng không phải là tệp Excel."
            )
        return _read_xlsx(data)
    if suffix in {".csv", ".txt"}:
        if data.startswith(ZIP_MAGIC):
            raise FileRefused(
                "disguised",
                f"Tệp «{filename}» mang đuôi {suffix} nhưng không phải là tệp văn bản CSV.",
            )
        return _read_csv(data)
    raise FileRefused("unknown_kind", "Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv).")


def _check_zip(archive: zipfile.ZipFile) -> None:
    entries = archive.infolist()
    if len(entries) > MAX_ZIP_ENTRIES:
        raise FileRefused("zip_bomb", f"Tệp nén có quá nhiều thành phần ({len(entries)}).")
    unzipped = sum(info.file_size for info in entries)
    if unzipped > settings.HOINGHI_IMPORT_MAX_UNZIPPED_BYTES:
        raise FileRefused(
            "zip_bomb", "Tệp khi giải nén quá lớn (nghi là tệp «bom nén»): không đọc."
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
    if content_types.file_size > MAX_CONTENT_TYPES_BYTES:
        raise FileRefused("zip_bomb", "Tệp Excel có phần mô tả bất thường: không đọc.")
    if b"macroenabled" in archive.read(content_types).lower():
        raise FileRefused("macro", "Tệp Excel có macro: không nhận. Hãy lưu lại dưới dạng .xlsx.")


def _read_xlsx(data: bytes) -> Table:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_zip(archive)
            return _table("xlsx", sheet_rows(archive, SHEET_NAME))
    except FileRefused:
        raise
    except (UnreadableWorkbook, zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
        raise FileRefused(
            "unreadable", "Không đọc được tệp Excel (tệp hỏng hoặc không đúng định dạng)."
        ) from exc


def _read_csv(data: bytes) -> Table:
    if b"\x00" in data:
        raise FileRefused("binary", "Tệp không phải là tệp văn bản CSV (có dữ liệu nhị phân).")
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        content = data.decode("cp1258", errors="replace")  # Excel's "CSV" on Vietnamese Windows
    if content.lstrip().startswith("<"):
        raise FileRefused("disguised", "Tệp là HTML/XML, không phải CSV.")
    first_line = content.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    try:
        return _table("csv", (list(row) for row in reader))
    except csv.Error as exc:
        raise FileRefused("unreadable", f"Không đọc được tệp CSV: {exc}.") from exc


def _is_blank(cells: list[object]) -> bool:
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in cells)


def _table(kind: str, rows: Iterator[list[object]]) -> Table:
    """Find the header (the first row naming "Mã cán bộ", within the first rows; a title
    may stand above it), then collect the non-blank rows below, up to the row limit."""
    header_at = 0
    headers: list[str] = []
    for number, cells in enumerate(rows, start=1):
        if any(
            column is not None and column.key == "staff_code"
            for column in map(header_column, cells)
        ):
            header_at, headers = number, [nfc(str(c)) if c is not None else "" for c in cells]
            break
        if number >= HEADER_SEARCH_ROWS:
            break
    if not header_at:
        raise FileRefused(
            "no_header",
            "Không tìm thấy dòng tiêu đề có cột «Mã cán bộ» "
            f"trong {HEADER_SEARCH_ROWS} dòng đầu của tệp.",
        )
    table = Table(kind, headers)
    limit = settings.HOINGHI_IMPORT_MAX_ROWS
    for number, cells in enumerate(rows, start=header_at + 1):
        if _is_blank(cells):
            continue
        if len(table.rows) >= limit:
            raise FileRefused(
                "too_many_rows",
                f"Tệp có hơn {limit:,} dòng dữ liệu: vượt giới hạn.".replace(",", "."),
            )
        table.rows.append((number, cells))
    return table
