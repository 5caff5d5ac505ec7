"""Reading the first worksheet of an XLSX file row by row, in flat memory, whatever the file claims.

An XLSX file is a zip of XML parts. A hostile one can be a zip bomb (a few hundred kilobytes that inflate
to gigabytes), lie in its `<dimension>` (openpyxl's read-only mode then stops at the row it names), hold
one row of millions of cells, or declare entities. So:

- before anything is inflated, the zip's directory is checked: every part's size, their total, and each
  large part's compression ratio are held to `WorkbookLimits` (and Python's zipfile never inflates a part
  past the size the directory declares for it, so what is read cannot exceed what was checked);
- while reading, the bytes inflated, the data rows, the cells of a row and the characters of a cell are
  counted against the same limits; a document type declaration (and so any entity) is refused;
- the XML is parsed with expat callbacks (no tree is built), shared strings go to a temporary file read
  through a memory map, and rows are yielded one at a time: memory does not grow with the file;
- `<dimension>` is never read: every `<row>` of the sheet is.

Cell values come back as Python values: text, int/float, bool, or `datetime` for cells whose style is a
date format (openpyxl's own rules for date formats and Excel's epochs).
"""

from __future__ import annotations

import contextlib
import mmap
import posixpath
import re
import struct
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import IO, Any
from xml.parsers import expat

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
STRICT_RELATIONSHIPS = "http://purl.oclc.org/ooxml/officeDocument/relationships"
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
CHUNK = 64 * 1024
RATIO_FLOOR = 1024 * 1024
"""Parts smaller than this inflate as they like (their total is still bounded)."""
SMALL_PART = 32 * 1024 * 1024
"""The workbook, its relationships and its styles are read whole: they may not be larger than this."""
EXCEL_COLUMNS = 16_384
EXCEL_CELL_CHARS = 32_767
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_CELL_REF = re.compile(r"^([A-Z]{1,3})([0-9]*)$")


class WorkbookRejected(Exception):
    """The file is not read (a reason in Vietnamese, for the official who sent it)."""


@dataclass(frozen=True)
class WorkbookLimits:
    max_part_bytes: int = 1024 * 1024 * 1024
    max_total_bytes: int = 1024 * 1024 * 1024
    max_ratio: int = 100
    max_rows: int = 1_048_576
    max_columns: int = 64
    """Cells past this column are not kept (they are still counted, up to Excel's 16,384)."""


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):,.1f} MB".replace(",", " ")


def check_directory(archive: zipfile.ZipFile, limits: WorkbookLimits) -> None:
    """Refuse a zip bomb from the zip's directory, before anything is inflated."""
    infos = archive.infolist()
    if len(infos) > 10_000:
        raise WorkbookRejected("Tệp .xlsx bất thường: có quá nhiều phần bên trong.")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > limits.max_part_bytes or total > limits.max_total_bytes:
            raise WorkbookRejected(
                f"Tệp .xlsx giải nén ra hơn {_mb(limits.max_total_bytes)} (phần {info.filename[:80]}: "
                f"{_mb(info.file_size)}): quá lớn hoặc là một 'zip bomb'. Hãy chia thành nhiều tệp."
            )
        if info.file_size > RATIO_FLOOR and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise WorkbookRejected(
                f"Tệp .xlsx bất thường: phần {info.filename[:80]} nén {ratio}:1 (tối đa {limits.max_ratio}:1), "
                f"{_mb(info.compress_size)} giải nén ra {_mb(info.file_size)} — dấu hiệu 'zip bomb'. "
                "Hãy lưu lại tệp từ Excel hoặc dùng tệp mẫu."
            )


class _Budget:
    """The bytes inflated so far, over every part read."""

    def __init__(self, limits: WorkbookLimits) -> None:
        self.limits = limits
        self.total = 0

    def take(self, size: int) -> None:
        self.total += size
        if self.total > self.limits.max_total_bytes:
            raise WorkbookRejected(
                f"Tệp .xlsx giải nén ra hơn {_mb(self.limits.max_total_bytes)}: quá lớn hoặc là 'zip bomb'."
            )


def _parser() -> Any:
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    parser.buffer_size = CHUNK

    def no_dtd(*_args: Any) -> None:
        raise WorkbookRejected("Tệp .xlsx bất thường: có khai báo DOCTYPE (không được phép).")

    parser.StartDoctypeDeclHandler = no_dtd
    parser.EntityDeclHandler = no_dtd
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    return parser


def _feed(parser: Any, stream: IO[bytes], budget: _Budget, part: str, *, most: int | None = None) -> None:
    read = 0
    try:
        while chunk := stream.read(CHUNK):
            read += len(chunk)
            budget.take(len(chunk))
            if read > (most or budget.limits.max_part_bytes):
                raise WorkbookRejected(f"Tệp .xlsx bất thường: phần {part[:80]} quá lớn.")
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except expat.ExpatError as error:
        raise WorkbookRejected(
            f"Tệp .xlsx hỏng: phần {part[:80]} không phải XML hợp lệ (dòng {error.lineno} của phần đó)."
        ) from None
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as error:
        raise WorkbookRejected(f"Tệp .xlsx hỏng ({type(error).__name__}) ở phần {part[:80]}.") from None


def _local(name: str) -> str:
    return name.rpartition(" ")[2]


def _attribute(attributes: dict[str, str], name: str) -> str | None:
    """An attribute by its local name, whichever namespace spells it."""
    if name in attributes:
        return attributes[name]
    for key, value in attributes.items():
        if _local(key) == name:
            return value
    return None


def unescape(text: str) -> str:
    """Excel writes characters XML cannot hold as `_xHHHH_` (`_x0001_` is U+0001)."""
    if "_x" not in text:
        return text
    return _ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), text)


class SharedStrings:
    """The workbook's shared strings in two temporary files (text and offsets) read through memory maps."""

    def __init__(self) -> None:
        self._data = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close()
        self._index = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close()
        self._end = 0
        self._count = 0
        self._index.write(struct.pack("<Q", 0))
        self._maps: tuple[mmap.mmap, mmap.mmap] | None = None

    def add(self, text: str) -> None:
        data = text.encode("utf-8", "surrogatepass")
        self._data.write(data)
        self._end += len(data)
        self._index.write(struct.pack("<Q", self._end))
        self._count += 1

    def freeze(self) -> None:
        self._data.flush()
        self._index.flush()
        data = mmap.mmap(self._data.fileno(), 0, access=mmap.ACCESS_READ) if self._end else None
        index = mmap.mmap(self._index.fileno(), 0, access=mmap.ACCESS_READ)
        self._maps = (data, index)  # type: ignore[assignment]

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, position: int) -> str:
        if not 0 <= position < self._count or self._maps is None:
            raise IndexError(position)
        data, index = self._maps
        start, end = struct.unpack_from("<QQ", index, position * 8)
        return "" if start == end else data[start:end].decode("utf-8", "surrogatepass")

    def close(self) -> None:
        if self._maps is not None:
            for view in self._maps:
                if view is not None:
                    view.close()
        self._data.close()
        self._index.close()


def _read_shared_strings(archive: zipfile.ZipFile, part: str, budget: _Budget) -> SharedStrings:
    strings = SharedStrings()
    state = {"depth": 0, "phonetic": 0, "text": False}
    pieces: list[str] = []
    size = [0]

    def start(name: str, _attributes: dict[str, str]) -> None:
        local = _local(name)
        if local == "si":
            pieces.clear()
            size[0] = 0
        elif local == "rPh":
            state["phonetic"] += 1
        elif local == "t" and not state["phonetic"]:
            state["text"] = True

    def end(name: str) -> None:
        local = _local(name)
        if local == "si":
            strings.add(unescape("".join(pieces)))
        elif local == "rPh":
            state["phonetic"] -= 1
        elif local == "t":
            state["text"] = False

    def characters(data: str) -> None:
        if state["text"]:
            size[0] += len(data)
            if size[0] > EXCEL_CELL_CHARS * 2:
                raise WorkbookRejected("Tệp .xlsx bất thường: một ô chữ dài hơn Excel cho phép.")
            pieces.append(data)

    parser = _parser()
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    try:
        with archive.open(part) as stream:
            _feed(parser, stream, budget, part)
    except BaseException:
        strings.close()
        raise
    strings.freeze()
    return strings


def _read_small(
    archive: zipfile.ZipFile, part: str, budget: _Budget, handler: Callable[[str, dict[str, str]], None]
) -> None:
    parser = _parser()
    parser.StartElementHandler = handler
    try:
        with archive.open(part) as stream:
            _feed(parser, stream, budget, part, most=SMALL_PART)
    except KeyError:
        raise WorkbookRejected(f"Tệp .xlsx thiếu phần {part[:80]}.") from None


def _relationships(archive: zipfile.ZipFile, part: str, budget: _Budget) -> dict[str, tuple[str, str]]:
    """id → (type, target resolved against the part's folder) of the part's relationships."""
    folder = posixpath.dirname(posixpath.dirname(part))  # xl/_rels/workbook.xml.rels → xl
    found: dict[str, tuple[str, str]] = {}

    def start(name: str, attributes: dict[str, str]) -> None:
        if _local(name) == "Relationship":
            target = attributes.get("Target", "")
            resolved = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(folder, target))
            )
            found[attributes.get("Id", "")] = (attributes.get("Type", ""), resolved)

    if part in archive.NameToInfo:
        _read_small(archive, part, budget, start)
    return found


def _rels_of(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


@dataclass
class _Workbook:
    sheet: str
    shared_strings: str | None
    styles: str | None
    epoch: datetime


def _locate(archive: zipfile.ZipFile, budget: _Budget) -> _Workbook:
    package = _relationships(archive, "_rels/.rels", budget)
    workbook = next(
        (target for kind, target in package.values() if kind.endswith("/officeDocument")), "xl/workbook.xml"
    )
    sheets: list[str] = []
    epoch = [CALENDAR_WINDOWS_1900]

    def start(name: str, attributes: dict[str, str]) -> None:
        local = _local(name)
        if local == "sheet":
            relation = _attribute({k: v for k, v in attributes.items() if k != "id"}, "id")
            if relation is not None:
                sheets.append(relation)
        elif local == "workbookPr" and attributes.get("date1904") in ("1", "true"):
            epoch[0] = CALENDAR_MAC_1904

    _read_small(archive, workbook, budget, start)
    relations = _relationships(archive, _rels_of(workbook), budget)
    if not sheets or sheets[0] not in relations:
        raise WorkbookRejected("Tệp .xlsx không có trang tính nào.")
    by_type = {kind.rpartition("/")[2]: target for kind, target in relations.values()}
    return _Workbook(
        sheet=relations[sheets[0]][1],
        shared_strings=by_type.get("sharedStrings"),
        styles=by_type.get("styles"),
        epoch=epoch[0],
    )


def _date_styles(archive: zipfile.ZipFile, part: str | None, budget: _Budget) -> list[bool]:
    """For each cell style (`s`), whether it shows a date."""
    if part is None or part not in archive.NameToInfo:
        return []
    custom: dict[int, str] = {}
    styles: list[bool] = []
    depth = {"cellXfs": False}

    def start(name: str, attributes: dict[str, str]) -> None:
        local = _local(name)
        if local == "numFmt":
            with contextlib.suppress(ValueError):
                custom[int(attributes.get("numFmtId", ""))] = attributes.get("formatCode", "")
        elif local == "cellXfs":
            depth["cellXfs"] = True
        elif local == "cellStyleXfs":
            depth["cellXfs"] = False
        elif local == "xf" and depth["cellXfs"]:
            try:
                number_format = int(attributes.get("numFmtId", "0"))
            except ValueError:
                number_format = 0
            code = custom.get(number_format, BUILTIN_FORMATS.get(number_format, "General"))
            styles.append(bool(code) and is_date_format(code))

    _read_small(archive, part, budget, start)
    return styles


def _column_index(reference: str | None, current: int) -> int:
    """0-based column of a cell reference ("C5" → 2); the next column when there is none."""
    if reference:
        match = _CELL_REF.match(reference)
        if match:
            index = 0
            for letter in match.group(1):
                index = index * 26 + ord(letter) - 64
            return index - 1
    return current + 1


def _number(text: str) -> int | float:
    text = text.strip()
    if text.lstrip("-").isdigit():
        return int(text)
    return float(text)


def read_rows(path: Any, limits: WorkbookLimits) -> Iterator[tuple[int, list[Any]]]:
    """(row number, cell values from column A) for every row of the first sheet that has a cell."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise WorkbookRejected(f"Không đọc được tệp .xlsx ({type(error).__name__}): tệp hỏng?") from None
    with archive:
        check_directory(archive, limits)
        budget = _Budget(limits)
        located = _locate(archive, budget)
        dates = _date_styles(archive, located.styles, budget)
        strings = (
            _read_shared_strings(archive, located.shared_strings, budget)
            if located.shared_strings and located.shared_strings in archive.NameToInfo
            else None
        )
        try:
            if located.sheet not in archive.NameToInfo:
                raise WorkbookRejected("Tệp .xlsx thiếu trang tính đầu tiên.")
            yield from _sheet_rows(archive, located, strings, dates, budget)
        finally:
            if strings is not None:
                strings.close()


def _sheet_rows(
    archive: zipfile.ZipFile,
    located: _Workbook,
    strings: SharedStrings | None,
    dates: list[bool],
    budget: _Budget,
) -> Iterator[tuple[int, list[Any]]]:
    limits = budget.limits
    ready: list[tuple[int, list[Any]]] = []
    row: dict[str, Any] = {"number": 0, "cells": [], "count": 0, "column": -1}
    cell: dict[str, Any] = {}
    text: list[str] = []
    size = [0]
    state = {"in_value": False, "in_inline": False, "phonetic": 0, "rows": 0}

    def start(name: str, attributes: dict[str, str]) -> None:
        local = _local(name)
        if local == "c":
            row["count"] += 1
            if row["count"] > EXCEL_COLUMNS:
                raise WorkbookRejected(
                    f"Tệp .xlsx bất thường: dòng {row['number']} có hơn {EXCEL_COLUMNS} ô."
                )
            column = _column_index(attributes.get("r"), row["column"])
            row["column"] = column
            cell.clear()
            cell.update(column=column, type=attributes.get("t", "n"), style=attributes.get("s"))
            text.clear()
            size[0] = 0
        elif local == "v":
            state["in_value"] = True
        elif local == "is":
            state["in_inline"] = True
        elif local == "rPh":
            state["phonetic"] += 1
        elif local == "row":
            reference = attributes.get("r")
            number = int(reference) if reference and reference.isdigit() else row["number"] + 1
            row.update(number=number, cells=[], count=0, column=-1)

    def end(name: str) -> None:
        local = _local(name)
        if local == "v":
            state["in_value"] = False
        elif local == "is":
            state["in_inline"] = False
        elif local == "rPh":
            state["phonetic"] -= 1
        elif local == "c":
            if cell["column"] < limits.max_columns:
                value = _value(cell, "".join(text), strings, dates, located.epoch)
                cells = row["cells"]
                if value is not None:
                    cells.extend([None] * (cell["column"] + 1 - len(cells)))
                    cells[cell["column"]] = value
        elif local == "row" and row["cells"]:
            state["rows"] += 1
            if state["rows"] > limits.max_rows + 1:  # the header row and max_rows data rows
                raise WorkbookRejected(
                    f"Tệp có hơn {limits.max_rows:,} dòng dữ liệu: hãy chia thành nhiều tệp.".replace(
                        ",", "."
                    )
                )
            ready.append((row["number"], row["cells"]))

    def characters(data: str) -> None:
        if state["in_value"] or (state["in_inline"] and not state["phonetic"]):
            size[0] += len(data)
            if size[0] > EXCEL_CELL_CHARS * 2:
                raise WorkbookRejected(
                    f"Tệp .xlsx bất thường: một ô ở dòng {row['number']} dài hơn Excel cho phép."
                )
            text.append(data)

    parser = _parser()
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    part = located.sheet
    read = 0
    with archive.open(part) as stream:
        try:
            while chunk := stream.read(CHUNK):
                read += len(chunk)
                budget.take(len(chunk))
                if read > limits.max_part_bytes:
                    raise WorkbookRejected(f"Tệp .xlsx bất thường: phần {part[:80]} quá lớn.")
                parser.Parse(chunk, False)
                yield from ready
                ready.clear()
            parser.Parse(b"", True)
            yield from ready
        except expat.ExpatError as error:
            raise WorkbookRejected(
                f"Tệp .xlsx hỏng gần dòng {row['number'] or 1} của trang tính (XML không hợp lệ: "
                f"{expat.ErrorString(error.code)})."
            ) from None
        except (zipfile.BadZipFile, EOFError, OSError) as error:
            raise WorkbookRejected(
                f"Tệp .xlsx hỏng ({type(error).__name__}) gần dòng {row['number'] or 1}."
            ) from None


def _value(
    cell: dict[str, Any], text: str, strings: SharedStrings | None, dates: list[bool], epoch: datetime
) -> Any:
    kind = cell["type"]
    if kind == "inlineStr":
        return unescape(text)
    if text == "":
        return None
    if kind == "s":
        try:
            return strings[int(text)] if strings is not None else None
        except (ValueError, IndexError):
            raise WorkbookRejected("Tệp .xlsx hỏng: một ô trỏ tới chuỗi không tồn tại.") from None
    if kind in ("str", "e"):
        return unescape(text)
    if kind == "b":
        return text.strip() in ("1", "true")
    if kind == "d":
        try:
            return datetime.fromisoformat(text.strip())
        except ValueError:
            return text
    try:
        number = _number(text)
    except ValueError:
        return text
    style = cell["style"]
    if style is not None and style.isdigit() and int(style) < len(dates) and dates[int(style)]:
        try:
            return from_excel(number, epoch)
        except (ValueError, OverflowError, TypeError):
            return number
    return number
