"""Write rows as CSV (UTF-8 with a BOM, so Excel shows Thai) or XLSX (streamed, real dates)."""

from __future__ import annotations

import codecs
import csv
import io
import re
from datetime import date, datetime
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from exports.columns import DATE, DATETIME, NUMBER, Column, format_date

# Characters XML 1.0 (and so XLSX) cannot hold; members' texts may carry them from pasted content.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# What a spreadsheet evaluates when a CSV cell starts with it (CSV injection): =, @, tab, CR, and
# + or - before a number, a bracket, another operator, a cell reference or a function/DDE name.
# Ordinary text such as a Thai bullet note "-ดีขึ้นมาก" or "+ เพิ่มเติม" is left as written.
_EVALUATED = re.compile(
    r"[=@\t\r]|[+-]\s*(?:[\d.(=@+-]|\$?[A-Za-z]{1,3}\$?\d|[A-Za-z_][\w.]*\s*[(|!])"
)


def is_evaluated(text: str) -> bool:
    """True if a spreadsheet would run this CSV cell as a formula rather than show it."""
    return _EVALUATED.match(text) is not None


class CsvWriter:
    """Rows to CSV: UTF-8 with a byte-order mark, CRLF lines, dates as text."""

    def __init__(self, out: BinaryIO, columns: list[Column], lang: str, buddhist_era: bool) -> None:
        self._out = out
        self._columns = columns
        self._buddhist_era = buddhist_era
        self._text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
        self._text.write(codecs.BOM_UTF8.decode("utf-8"))
        self._csv = csv.writer(self._text)
        self._csv.writerow([column.title(lang) for column in columns])

    def _cell(self, column: Column, value: object) -> object:
        if value is None:
            return ""
        if isinstance(value, date | datetime):
            return format_date(value, self._buddhist_era)
        if isinstance(value, str) and column.kind != NUMBER and is_evaluated(value):
            return "'" + value
        return value

    def write(self, row: list) -> None:
        self._csv.writerow([self._cell(c, v) for c, v in zip(self._columns, row, strict=True)])

    def close(self) -> None:
        self._text.flush()
        self._text.detach()  # leave the caller's stream open


class XlsxWriter:
    """Rows to one XLSX sheet in openpyxl's write-only mode, so memory stays flat."""

    def __init__(
        self, out: BinaryIO, columns: list[Column], lang: str, buddhist_era: bool, title: str
    ) -> None:
        self._out = out
        self._columns = columns
        self._book = Workbook(write_only=True)
        self._sheet = self._book.create_sheet(title=title[:31])
        # Widths and the frozen header must be set before the first row in write-only mode.
        for index, column in enumerate(columns, start=1):
            self._sheet.column_dimensions[get_column_letter(index)].width = column.width
        self._sheet.freeze_panes = "A2"
        day = "d/m/bbbb" if buddhist_era else "yyyy-mm-dd"
        self._formats = {DATE: day, DATETIME: f"{day} hh:mm"}
        self._wrap = Alignment(wrap_text=True, vertical="top")
        header_font, fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="1F6F5C")
        header = []
        for column in columns:
            cell = WriteOnlyCell(self._sheet, value=column.title(lang))
            cell.font, cell.fill = header_font, fill
            header.append(cell)
        self._sheet.append(header)

    def _cell(self, column: Column, value: object) -> object:
        if value is None:
            return None
        if isinstance(value, datetime | date):
            cell = WriteOnlyCell(self._sheet, value=value)
            cell.number_format = self._formats[DATETIME if isinstance(value, datetime) else DATE]
            return cell
        if isinstance(value, str):
            value = _ILLEGAL.sub("", value)
            wrap = "\n" in value or column.width >= 40
            if not wrap and not value.startswith("="):
                return value  # a plain value is cheaper than a styled cell at 100,000 rows
            cell = WriteOnlyCell(self._sheet, value=value)
            cell.data_type = "s"  # text starting with = stays text, never a formula
            if wrap:
                cell.alignment = self._wrap
            return cell
        return value

    def write(self, row: list) -> None:
        self._sheet.append([self._cell(c, v) for c, v in zip(self._columns, row, strict=True)])

    def close(self) -> None:
        self._book.save(self._out)


def open_writer(
    fmt: str, out: BinaryIO, columns: list[Column], lang: str, buddhist_era: bool, title: str
) -> CsvWriter | XlsxWriter:
    """Return the writer for `fmt` ("csv" or "xlsx")."""
    if fmt == "csv":
        return CsvWriter(out, columns, lang, buddhist_era)
    if fmt == "xlsx":
        return XlsxWriter(out, columns, lang, buddhist_era, title)
    raise ValueError(f"unknown export format {fmt!r} (csv or xlsx)")
