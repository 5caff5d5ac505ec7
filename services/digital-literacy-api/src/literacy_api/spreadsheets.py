"""Text that leaves the service in a spreadsheet (the import template, the error report, any export)
or in a file name: never a live formula, never a control character.

A cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return before one) is read as a formula
by Excel and LibreOffice, from an xlsx cell of type formula and from any csv cell: `=HYPERLINK(...)` in a
learner's name would run on the official's machine. In csv such a text is written with a leading `'`
(shown as text); in xlsx the cell is written as a string, never as a formula. Control characters (which
openpyxl refuses, failing the whole file) and undecodable bytes are dropped.
"""

from __future__ import annotations

import re
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_UNPRINTABLE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def printable(text: str) -> str:
    """`text` on one line, without control characters or undecodable bytes."""
    return _UNPRINTABLE_LINE.sub("", text)


def clean(text: str) -> str:
    """`text` without control characters (tab, newline and carriage return stay) or undecodable bytes."""
    return _UNPRINTABLE.sub("", text)


def csv_cell(value: Any) -> Any:
    """A value for a csv cell: numbers as they are; text cleaned, and a formula-looking text as text."""
    if value is None or isinstance(value, bool | int | float):
        return value
    text = clean(str(value))
    return "'" + text if text.startswith(FORMULA_START) else text


def xlsx_cell(cell: Any, value: Any) -> Any:
    """Put `value` in an openpyxl cell: text is cleaned and always a string, never a formula (one that
    looks like a formula is also quote-prefixed, so that editing it in Excel keeps it text)."""
    if isinstance(value, str):
        text = clean(value)
        cell.value = text
        cell.data_type = "s"
        if text.startswith(FORMULA_START):
            cell.quotePrefix = True
    else:
        cell.value = value
    return cell


def xlsx_row(sheet: Any, row: int, values: list[Any]) -> None:
    """Write a row of values in an openpyxl sheet, each through `xlsx_cell`."""
    for column, value in enumerate(values, start=1):
        xlsx_cell(sheet.cell(row=row, column=column), value)
