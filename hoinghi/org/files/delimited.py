"""A CSV file, measured before it is split into cells.

Text only (no NUL byte, not HTML or XML), UTF-8 with or without a BOM, else Windows-1258 (what
Excel's "CSV" gives on Vietnamese Windows); the delimiter is guessed from the first line. The
number of lines and of delimiters on any line are counted before the csv module builds a
single row, so a file of ten million commas is refused without ten million cells.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from hoinghi.org.files.limits import FileRefused, Limits, count


def _text(data: bytes) -> str:
    if b"\x00" in data:
        raise FileRefused("binary", "Tệp không phải là tệp văn bản CSV (có dữ liệu nhị phân).")
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        content = data.decode("cp1258", errors="replace")
    if content.lstrip().startswith("<"):
        raise FileRefused("disguised", "Tệp là HTML/XML, không phải CSV.")
    return content


def _check_shape(content: str, delimiter: str, limits: Limits) -> None:
    most_lines = limits.max_rows * 2 + 1_000
    lines = content.count("\n") + 1
    if lines > most_lines:
        raise FileRefused(
            "too_many_rows",
            f"Tệp có {count(lines)} dòng, vượt giới hạn {count(most_lines)} dòng: không đọc.",
        )
    # A quoted text may hold the delimiter, so a line may show a few more than its cells.
    most_delimiters = limits.max_columns * 4
    for number, line in enumerate(content.split("\n"), start=1):
        if line.count(delimiter) > most_delimiters:
            raise FileRefused(
                "too_many_columns",
                f"Dòng {number} có hơn {limits.max_columns} cột, vượt giới hạn: không đọc.",
            )


def csv_rows(data: bytes, limits: Limits) -> Iterator[tuple[int, list[object]]]:
    """The non-empty records, each numbered as a spreadsheet would number it."""
    content = _text(data)
    first_line = content.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    _check_shape(content, delimiter, limits)
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    try:
        for number, row in enumerate(reader, start=1):
            if len(row) > limits.max_columns:
                raise FileRefused(
                    "too_many_columns",
                    f"Dòng {number} có {count(len(row))} cột, vượt giới hạn "
                    f"{limits.max_columns} cột.",
                )
            if any(cell.strip() for cell in row):
                yield number, list(row)
    except csv.Error as exc:
        raise FileRefused("unreadable", f"Không đọc được tệp CSV: {exc}.") from exc
