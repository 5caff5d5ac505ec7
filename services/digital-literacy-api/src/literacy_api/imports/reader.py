"""Reading an import file row by row, whatever it is: CSV (UTF-8 with or without BOM; comma, semicolon or
tab) or XLSX (`xlsx.py`: streamed, zip bombs refused, `<dimension>` never trusted). Nothing is read whole
into memory, and no file has more than `max_rows` data rows. A file that cannot be read is refused with a
reason an official can act on; a file of another encoding is told so at once (its first 4 KB), while a NUL
or an undecodable byte further on spoils only its row, which is rejected with its reason."""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from literacy_api.imports.columns import COLUMNS, REQUIRED, column_of
from literacy_api.imports.xlsx import WorkbookLimits, WorkbookRejected, read_rows

HEAD_BYTES = 4096
XLSX_MAGIC = b"PK\x03\x04"
XLS_MAGIC = b"\xd0\xcf\x11\xe0"
DELIMITERS = (",", ";", "\t")

Row = tuple[int, dict[str, Any]]


class FileRejected(Exception):
    """The whole file is refused (the job fails with this reason; nothing is written)."""


NOT_UTF8 = (
    "Tệp không phải văn bản UTF-8 (lỗi mã hóa gần dòng {line}). Trong Excel, chọn "
    "Lưu thành → 'CSV UTF-8 (Comma delimited)', hoặc dùng tệp mẫu .xlsx."
)


def too_many_rows(limit: int) -> FileRejected:
    return FileRejected(f"Tệp có hơn {limit:,} dòng dữ liệu: hãy chia thành nhiều tệp.".replace(",", "."))


@dataclass(frozen=True)
class ImportFile:
    path: Path
    kind: str  # "csv" or "xlsx"
    limits: WorkbookLimits = field(default_factory=WorkbookLimits)

    def rows(self) -> Iterator[Row]:
        """(line number as the official sees it, {column: cell}) for every row that is not blank."""
        return self._csv_rows() if self.kind == "csv" else self._xlsx_rows()

    def _csv_rows(self) -> Iterator[Row]:
        # Undecodable bytes become lone surrogates (never produced by valid UTF-8): the row that holds
        # them is rejected by the row checker, like one with a NUL, and the rest of the file is read.
        with self.path.open("rb") as raw:
            text = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="surrogateescape", newline="")
            line = 1
            rows = 0
            try:
                first = text.readline()
                if _SURROGATE.search(first):
                    raise FileRejected(NOT_UTF8.format(line=1))
                delimiter = max(DELIMITERS, key=first.count)
                columns = _columns(next(csv.reader([first], delimiter=delimiter), []))
                reader = csv.reader(text, delimiter=delimiter)
                for cells in reader:
                    line = reader.line_num + 1
                    if any(cell.strip() for cell in cells):
                        rows += 1
                        if rows > self.limits.max_rows:
                            raise too_many_rows(self.limits.max_rows)
                        found = _cells(columns, cells)
                        if any(_UNREADABLE.search(cell) for cell in cells):
                            found[UNREADABLE_BYTES] = True
                        yield line, found
            except csv.Error as error:
                raise FileRejected(f"Tệp CSV hỏng gần dòng {line + 1}: {error}.") from None

    def _xlsx_rows(self) -> Iterator[Row]:
        columns: list[str | None] | None = None
        try:
            for line, values in read_rows(self.path, self.limits):
                if not any(v is not None and str(v).strip() for v in values):
                    continue
                if columns is None:
                    columns = _columns(["" if v is None else str(v) for v in values])
                    continue
                yield line, _cells(columns, values)
        except WorkbookRejected as rejected:
            raise FileRejected(str(rejected)) from None
        if columns is None:
            raise FileRejected("Tệp trống: không có dòng tiêu đề.")


_SURROGATE = re.compile("[\ud800-\udfff]")
_UNREADABLE = re.compile("[\x00\ud800-\udfff]")
UNREADABLE_BYTES = "__unreadable_bytes__"
"""Set on a row that holds a NUL or bytes that are not UTF-8 (in any of its cells, used or not)."""


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


def open_import_file(path: Path, limits: WorkbookLimits | None = None) -> ImportFile:
    with path.open("rb") as raw:
        head = raw.read(HEAD_BYTES)
    if not head.strip(codecs.BOM_UTF8 + b" \r\n\t"):
        raise FileRejected("Tệp trống.")
    if head.startswith(XLSX_MAGIC):
        return ImportFile(path, "xlsx", limits or WorkbookLimits())
    if head.startswith(XLS_MAGIC):
        raise FileRejected("Tệp Excel 97-2003 (.xls) chưa được hỗ trợ: hãy lưu thành .xlsx hoặc CSV UTF-8.")
    if b"\x00" in head:
        raise FileRejected("Tệp không phải CSV hay XLSX.")
    try:
        # A file of another encoding shows it at once; a character cut by the 4 KB boundary is not an error.
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError as error:
        raise FileRejected(NOT_UTF8.format(line=head[: error.start].count(b"\n") + 1)) from None
    return ImportFile(path, "csv", limits or WorkbookLimits())


def check_readable(import_file: ImportFile) -> int:
    """Reads the file once (encoding, header, structure) and returns its number of data rows."""
    count = sum(1 for _ in import_file.rows())
    if count == 0:
        raise FileRejected("Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.")
    return count
