"""Reading an import file row by row, whatever it is: CSV (UTF-8 with or without BOM; comma, semicolon or
tab) or XLSX. Nothing is read whole into memory. A file that cannot be read is refused with a reason an
official can act on."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from literacy_api.imports.columns import COLUMNS, REQUIRED, column_of

XLSX_MAGIC = b"PK\x03\x04"
XLS_MAGIC = b"\xd0\xcf\x11\xe0"
DELIMITERS = (",", ";", "\t")

Row = tuple[int, dict[str, Any]]


class FileRejected(Exception):
    """The whole file is refused (the job fails with this reason; nothing is written)."""


@dataclass(frozen=True)
class ImportFile:
    path: Path
    kind: str  # "csv" or "xlsx"

    def rows(self) -> Iterator[Row]:
        """(line number as the official sees it, {column: cell}) for every row that is not blank."""
        return self._csv_rows() if self.kind == "csv" else self._xlsx_rows()

    def _csv_rows(self) -> Iterator[Row]:
        with self.path.open("rb") as raw:
            text = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="strict", newline="")
            line = 1
            try:
                first = text.readline()
                delimiter = max(DELIMITERS, key=first.count)
                columns = _columns(next(csv.reader([first], delimiter=delimiter), []))
                reader = csv.reader(text, delimiter=delimiter)
                for cells in reader:
                    line = reader.line_num + 1
                    if any(cell.strip() for cell in cells):
                        yield line, _cells(columns, cells)
            except UnicodeDecodeError:
                raise FileRejected(
                    f"Tệp không phải văn bản UTF-8 (lỗi mã hóa gần dòng {line + 1}). Trong Excel, chọn "
                    "Lưu thành → 'CSV UTF-8 (Comma delimited)', hoặc dùng tệp mẫu .xlsx."
                ) from None
            except csv.Error as error:
                raise FileRejected(f"Tệp CSV hỏng gần dòng {line + 1}: {error}.") from None

    def _xlsx_rows(self) -> Iterator[Row]:
        import openpyxl

        handle = self.path.open("rb")  # a file object: openpyxl would judge a path by its extension
        try:
            workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True)
        except Exception as error:
            handle.close()
            raise FileRejected(f"Không đọc được tệp .xlsx ({type(error).__name__}): tệp hỏng?") from None
        try:
            sheet = workbook.worksheets[0]
            columns: list[str | None] | None = None
            for line, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                if not any(v is not None and str(v).strip() for v in values):
                    continue
                if columns is None:
                    columns = _columns(["" if v is None else str(v) for v in values])
                    continue
                yield line, _cells(columns, values)
            if columns is None:
                raise FileRejected("Tệp trống: không có dòng tiêu đề.")
        finally:
            workbook.close()
            handle.close()


def _columns(header: list[str]) -> list[str | None]:
    if not any(cell.strip() for cell in header):
        raise FileRejected("Tệp trống: không có dòng tiêu đề.")
    columns = [column_of(cell) for cell in header]
    missing = [c for c in COLUMNS if c.name in REQUIRED and c.name not in columns]
    if missing:
        names = ", ".join(f"'{c.header_vi}' ({c.name})" for c in missing)
        raise FileRejected(f"Thiếu cột bắt buộc: {names}. Hãy dùng tệp mẫu.")
    return columns


def _cells(columns: list[str | None], values: Any) -> dict[str, Any]:
    cells: dict[str, Any] = {}
    for column, value in zip(columns, values, strict=False):
        if column is not None and column not in cells:
            cells[column] = value
    return cells


def open_import_file(path: Path) -> ImportFile:
    with path.open("rb") as raw:
        head = raw.read(4096)
    if not head.strip(codecs.BOM_UTF8 + b" \r\n\t"):
        raise FileRejected("Tệp trống.")
    if head.startswith(XLSX_MAGIC):
        return ImportFile(path, "xlsx")
    if head.startswith(XLS_MAGIC):
        raise FileRejected("Tệp Excel 97-2003 (.xls) chưa được hỗ trợ: hãy lưu thành .xlsx hoặc CSV UTF-8.")
    if b"\x00" in head:
        raise FileRejected("Tệp không phải CSV hay XLSX.")
    return ImportFile(path, "csv")


def check_readable(import_file: ImportFile) -> int:
    """Reads the file once (encoding, header, structure) and returns its number of data rows."""
    count = sum(1 for _ in import_file.rows())
    if count == 0:
        raise FileRejected("Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.")
    return count
