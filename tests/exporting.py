"""Run exports the way staff do (the CLI) and read them back the way Excel would."""

from __future__ import annotations

import csv
import io
import zipfile

import openpyxl


def run_export(app, *args: str) -> bytes:
    """Run `flask export ARGS` and return what it wrote to standard output."""
    result = app.test_cli_runner().invoke(args=["export", *args])
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def read_csv(data: bytes) -> list[list[str]]:
    """Parse CSV bytes, insisting on the BOM Excel needs to read UTF-8."""
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def read_xlsx(path) -> tuple[openpyxl.worksheet.worksheet.Worksheet, list[tuple]]:
    """Open an XLSX file with openpyxl; return its sheet and rows of values."""
    sheet = openpyxl.load_workbook(path).active
    return sheet, list(sheet.iter_rows(values_only=True))


def xlsx_text(path) -> str:
    """Every XML part of an XLSX file as one string (to look for what must not be there)."""
    with zipfile.ZipFile(path) as archive:
        return "".join(archive.read(name).decode("utf-8") for name in archive.namelist())
