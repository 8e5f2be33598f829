"""Reading an uploaded spreadsheet (XLSX or CSV) into numbered rows of cells.

The kind of a file is decided by its content, not its name: an XLSX is a zip with a
workbook and no macro project; a CSV is text. The size is checked while the upload is
received (reading stops one byte past the limit), then the file is handed to the XLSX or
CSV reader, each of which measures its input before reading it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import PurePath

from hoinghi.org.files.delimited import csv_rows
from hoinghi.org.files.limits import FileRefused, Limits, megabytes
from hoinghi.org.files.workbook import workbook_rows

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = (
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls of Excel 97-2003, or a password-protected file
)
XLSX = ".xlsx"
CSV = (".csv", ".txt")


def read_upload(chunks: Iterable[bytes], limits: Limits) -> bytes:
    """Read an upload, stopping one byte past the size limit instead of reading it all."""
    buffer = bytearray()
    for chunk in chunks:
        buffer.extend(chunk)
        if len(buffer) > limits.max_bytes:
            break
    return bytes(buffer[: limits.max_bytes + 1])


def check_size(size: int, limits: Limits) -> None:
    if size > limits.max_bytes:
        raise FileRefused("too_large", f"Tệp lớn hơn giới hạn {megabytes(limits.max_bytes)}.")


def spreadsheet_rows(
    data: bytes,
    *,
    filename: str,
    limits: Limits,
    sheet: str | None = None,
    kinds: tuple[str, ...] = (XLSX, *CSV),
) -> tuple[str, Iterator[tuple[int, list[object]]]]:
    """The kind of the file (``"xlsx"`` or ``"csv"``) and its non-empty rows, each with its
    row number; raise :class:`FileRefused` at the first limit passed."""
    check_size(len(data), limits)
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
    if suffix == XLSX and XLSX in kinds:
        if not data.startswith(ZIP_MAGIC):
            raise FileRefused(
                "disguised", f"Tệp «{filename[:80]}» mang đuôi .xlsx nhưng không phải là tệp Excel."
            )
        return "xlsx", workbook_rows(data, sheet, limits)
    if suffix in CSV and suffix in kinds:
        if data.startswith(ZIP_MAGIC):
            raise FileRefused(
                "disguised",
                f"Tệp «{filename[:80]}» mang đuôi {suffix} nhưng không phải là tệp văn bản CSV.",
            )
        return "csv", csv_rows(data, limits)
    if kinds == (XLSX,):
        raise FileRefused("unknown_kind", "Chỉ nhận tệp Excel (.xlsx).")
    raise FileRefused("unknown_kind", "Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv).")
