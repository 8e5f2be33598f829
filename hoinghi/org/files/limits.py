"""What the guarded reader accepts, and the refusal it raises for anything beyond it.

Every limit is checked before the part it guards is read: the upload's size while it is
received, a zip's entries and their declared sizes before anything is inflated, a sheet's
declared range before its rows, each row number and cell column as its tag opens (a far-right
cell or a row numbered in the billions is refused at once, never padded or iterated).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.conf import settings

EXCEL_MAX_ROW = 1_048_576  # the last row Excel can write
EXCEL_MAX_COLUMN = 16_384  # column XFD


class FileRefused(Exception):
    """The file as a whole cannot be read; ``message`` says why, in Vietnamese, and names the
    limit (and the row or column where there is one). It never quotes the file's content."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Limits:
    max_bytes: int
    max_rows: int  # non-blank data rows
    max_columns: int
    max_unzipped_bytes: int
    max_ratio: int  # uncompressed : compressed size of one zip entry above RATIO_FLOOR
    max_depth: int  # nesting of XML elements, YAML or JSON collections

    def but(self, **changes: int) -> Limits:
        return replace(self, **changes)


RATIO_FLOOR = 1024 * 1024  # entries smaller than this are not held to the ratio


def import_limits() -> Limits:
    """The limits of the settings (``HOINGHI_IMPORT_*``)."""
    return Limits(
        max_bytes=settings.HOINGHI_IMPORT_MAX_BYTES,
        max_rows=settings.HOINGHI_IMPORT_MAX_ROWS,
        max_columns=settings.HOINGHI_IMPORT_MAX_COLUMNS,
        max_unzipped_bytes=settings.HOINGHI_IMPORT_MAX_UNZIPPED_BYTES,
        max_ratio=settings.HOINGHI_IMPORT_MAX_RATIO,
        max_depth=settings.HOINGHI_IMPORT_MAX_DEPTH,
    )


def megabytes(size: int) -> str:
    """``10 MB``, ``0,5 MB``: a size as a Vietnamese reader writes it."""
    value = size / (1024 * 1024)
    text = f"{value:.0f}" if value >= 10 or value.is_integer() else f"{value:.1f}"
    return text.replace(".", ",") + " MB"


def count(number: int) -> str:
    """``200.000``: thousands separated by dots."""
    return f"{number:,}".replace(",", ".")
