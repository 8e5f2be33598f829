"""Files in and out: the one guarded reader of every upload and file, and safe cells out.

Every import (staff list, targets and tasks, scenario files, any later one) reads its file
through this package, which measures each input before reading it and refuses, with a
Vietnamese :class:`FileRefused` naming the limit, whatever passes the limits (docs/import.md):

- ``spreadsheet``: an upload's size, its kind by content, then ``workbook`` (XLSX: zip
  entries, unzipped size, compression ratio, DTDs, the declared range, row numbers, columns,
  nesting) or ``delimited`` (CSV: lines, columns);
- ``structured``: YAML alias expansion and nesting, JSON digits and nesting;
- ``uploads``: a request body larger than any upload taken, refused (413) before it is read;
- ``formulas``: the other way round, every CSV or XLSX cell the application writes;
- ``hostile``: the hostile inputs the tests and ``bench/bounded.py`` refuse and measure.
"""

from hoinghi.org.files.formulas import csv_cell, csv_row, set_cell
from hoinghi.org.files.limits import FileRefused, Limits, import_limits
from hoinghi.org.files.spreadsheet import check_size, read_upload, spreadsheet_rows

__all__ = [
    "FileRefused",
    "Limits",
    "check_size",
    "csv_cell",
    "csv_row",
    "import_limits",
    "read_upload",
    "set_cell",
    "spreadsheet_rows",
]
