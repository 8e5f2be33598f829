"""Reading an uploaded staff file into a table of cells.

The file is read by the guarded reader of :mod:`hoinghi.org.files` (size, kind by content,
zip bombs, DTDs, declared range, row numbers, columns); this module finds the header row and
collects the data rows below it, up to the row limit.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from hoinghi.org.files import FileRefused, import_limits, spreadsheet_rows
from hoinghi.org.files import read_upload as read_bounded
from hoinghi.org.files.limits import count
from hoinghi.org.imports.columns import header_column
from hoinghi.vietnamese import nfc

HEADER_SEARCH_ROWS = 10
SHEET_NAME = "Cán bộ"

__all__ = ["FileRefused", "Table", "read_table", "read_upload"]


@dataclass
class Table:
    """The cells of a staff file: its header, and each data row with its row number as the
    spreadsheet shows it (the header is usually row 1, so the first person is row 2)."""

    kind: str
    headers: list[str]
    rows: list[tuple[int, list[object]]] = field(default_factory=list)


def read_upload(chunks: Iterable[bytes]) -> bytes:
    """Read an upload, stopping one byte past the size limit instead of reading it all."""
    return read_bounded(chunks, import_limits())


def read_table(data: bytes, *, filename: str) -> Table:
    kind, rows = spreadsheet_rows(data, filename=filename, limits=import_limits(), sheet=SHEET_NAME)
    return _table(kind, rows)


def _is_blank(cells: list[object]) -> bool:
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in cells)


def _is_header(cells: list[object]) -> bool:
    return any(
        column is not None and column.key == "staff_code" for column in map(header_column, cells)
    )


def _table(kind: str, rows: Iterator[tuple[int, list[object]]]) -> Table:
    """Find the header (the first row naming "Mã cán bộ", within the first rows; a title
    may stand above it), then collect the non-blank rows below, up to the row limit. Cells
    right of the header are dropped: no column reads them."""
    headers: list[str] = []
    for number, cells in rows:
        if number > HEADER_SEARCH_ROWS:
            break
        if _is_header(cells):
            headers = [nfc(str(c)) if c is not None else "" for c in cells]
            break
    if not headers:
        raise FileRefused(
            "no_header",
            "Không tìm thấy dòng tiêu đề có cột «Mã cán bộ» "
            f"trong {HEADER_SEARCH_ROWS} dòng đầu của tệp.",
        )
    table = Table(kind, headers)
    limit = import_limits().max_rows
    width = len(headers)
    for number, cells in rows:
        if _is_blank(cells):
            continue
        if len(table.rows) >= limit:
            raise FileRefused(
                "too_many_rows", f"Tệp có hơn {count(limit)} dòng dữ liệu: vượt giới hạn."
            )
        table.rows.append((number, cells[:width]))
    return table
