"""Reading an import file row by row, whatever it is: CSV (UTF-8 with or without BOM; comma, semicolon or
tab) or XLSX (`xlsx.py`: streamed, zip bombs refused, `<dimension>` never trusted). Nothing is read whole
into memory, and no file has more than `max_rows` data rows. A file that cannot be read is refused with a
reason an official can act on; a file of another encoding is told so at once (its first 4 KB), while a NUL
or an undecodable byte further on spoils only its row, which is rejected with its reason."""

from __future__ import annotations

import codecs
import csv
import io
import operator
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from literacy_api.imports.columns import COLUMNS, REQUIRED, column_of
from literacy_api.imports.xlsx import WorkbookLimits, WorkbookRejected, read_rows

HEAD_BYTES = 4096
XLSX_MAGIC = b"PK\x03\x04"
XLS_MAGIC = b"\xd0\xcf\x11\xe0"
DELIMITERS = (",", ";", "\t")

CELLS = tuple(c.name for c in COLUMNS)
"""The order of the cells of every row `ImportFile.rows` yields (the contract's order)."""


class Row(NamedTuple):
    """A row that is not blank: its line number as the official sees it, its cells as text in `CELLS` order
    ("" when empty or absent), and whether any of its cells (used or not) held a NUL or bytes that are not
    UTF-8 (those show as lone surrogates)."""

    line: int
    cells: tuple[str, ...]
    unreadable: bool = False


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
        """Every row that is not blank (the header row excepted)."""
        return self._csv_rows() if self.kind == "csv" else self._xlsx_rows()

    def _csv_rows(self) -> Iterator[Row]:
        # Undecodable bytes become lone surrogates (never produced by valid UTF-8): the row that holds
        # them is rejected by the checks, like one with a NUL, and the rest of the file is read.
        with self.path.open("rb") as raw:
            text = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="surrogateescape", newline="")
            line = 1
            rows = 0
            limit = self.limits.max_rows
            try:
                first = text.readline()
                if _SURROGATE.search(first):
                    raise FileRejected(NOT_UTF8.format(line=1))
                delimiter = max(DELIMITERS, key=first.count)
                pick, width = _picker(_columns(next(csv.reader([first], delimiter=delimiter), [])))
                reader = csv.reader(text, delimiter=delimiter)
                unreadable = _UNREADABLE.search
                for cells in reader:
                    line = reader.line_num + 1
                    joined = "".join(cells)
                    if not joined.strip():
                        continue
                    rows += 1
                    if rows > limit:
                        raise too_many_rows(limit)
                    if len(cells) < width:
                        cells.extend([""] * (width - len(cells)))
                    yield Row(line, pick(cells), unreadable(joined) is not None)
            except csv.Error as error:
                raise FileRejected(f"Tệp CSV hỏng gần dòng {line + 1}: {error}.") from None

    def _xlsx_rows(self) -> Iterator[Row]:
        pick: Callable[[list[str]], tuple[str, ...]] | None = None
        width = 0
        try:
            for line, values in read_rows(self.path, self.limits):
                texts = [cell_text(v) for v in values]
                if not "".join(texts).strip():
                    continue
                if pick is None:
                    pick, width = _picker(_columns(texts))
                    continue
                if len(texts) < width:
                    texts.extend([""] * (width - len(texts)))
                yield Row(line, pick(texts))
        except WorkbookRejected as rejected:
            raise FileRejected(str(rejected)) from None
        if pick is None:
            raise FileRejected("Tệp trống: không có dòng tiêu đề.")


def cell_text(value: Any) -> str:
    """A spreadsheet's value as the text a CSV of it would hold: codes Excel turned into numbers without
    their ".0", dates as ISO dates."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    return str(value)


_SURROGATE = re.compile("[\ud800-\udfff]")
_UNREADABLE = re.compile("[\x00\ud800-\udfff]")


def _columns(header: list[str]) -> list[str | None]:
    if not any(cell.strip() for cell in header):
        raise FileRejected("Tệp trống: không có dòng tiêu đề.")
    columns = [column_of(cell) for cell in header]
    missing = [c for c in COLUMNS if c.name in REQUIRED and c.name not in columns]
    if missing:
        names = ", ".join(f"'{c.header_vi}' ({c.name})" for c in missing)
        raise FileRejected(f"Thiếu cột bắt buộc: {names}. Hãy dùng tệp mẫu.")
    return columns


def _picker(columns: list[str | None]) -> tuple[Callable[[list[str]], tuple[str, ...]], int]:
    """Picks a row's cells in `CELLS` order (the first of two columns of the same name): a row padded to
    the width returned holds every position asked for, the last one always empty (absent columns)."""
    width = len(columns) + 1
    positions = [columns.index(name) if name in columns else width - 1 for name in CELLS]
    return operator.itemgetter(*positions), width


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
