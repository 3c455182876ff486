"""The one CSV writer of every export (``saidwhat export``, ``quotes --format csv``, the web's
download): cells a spreadsheet would run as formulas are neutralised.

A text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading
``'`` (OWASP's advice for CSV injection); numbers are written as they are; lists are joined with
``; ``; None is an empty cell.
"""

from __future__ import annotations

import csv
import io
from typing import Any, Iterable, Sequence, TextIO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """The value as a cell a spreadsheet will show, never run."""
    if value is None:
        return ""
    if isinstance(value, bool) or isinstance(value, (int, float)):
        return value
    if isinstance(value, (tuple, list)):
        value = "; ".join(str(v) for v in value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class CsvWriter:
    """Rows of ``columns`` to a text stream as CSV, the header first, every cell through :func:`safe_cell`."""

    def __init__(self, out: TextIO, columns: Sequence[str]):
        self.columns = tuple(columns)
        self._writer = csv.writer(out)
        self._writer.writerow(self.columns)

    def row(self, values: Sequence[Any]) -> None:
        """One row, its values in the order of the columns."""
        self._writer.writerow([safe_cell(v) for v in values])

    def rows(self, rows: Iterable[Sequence[Any]]) -> None:
        for values in rows:
            self.row(values)

    def dict_row(self, record: dict[str, Any]) -> None:
        """One row from a dict keyed by column (a missing key is an empty cell)."""
        self.row([record.get(c) for c in self.columns])


def csv_lines(columns: Sequence[str], records: Iterable[dict[str, Any]]) -> Iterable[str]:
    """The header line, then one CSV line per record: for responses streamed line by line."""
    buf = io.StringIO()
    writer = CsvWriter(buf, columns)
    yield buf.getvalue()
    for record in records:
        buf.seek(0)
        buf.truncate()
        writer.dict_row(record)
        yield buf.getvalue()
