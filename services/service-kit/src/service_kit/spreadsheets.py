"""Cells of exported spreadsheets (xlsx, csv) that a spreadsheet program cannot run: text that
starts like a formula (`=`, `+`, `-`, `@`, tab, carriage return) is written as text, and control
characters, which openpyxl refuses and which corrupt a sheet, are removed (API.md, Conventions)."""

from __future__ import annotations

import re
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def safe_text(text: str) -> str:
    """Text as it may stand in a cell: control characters removed, a formula start made literal
    with a leading apostrophe (how spreadsheet programs mark a cell as text)."""
    cleaned = _CONTROL.sub("", text)
    if cleaned.startswith(FORMULA_STARTS):
        return "'" + cleaned
    return cleaned


def safe_cell(value: Any) -> Any:
    """A value for `sheet.append([...])` or a CSV row: text made safe, numbers, dates and None as they are."""
    if isinstance(value, str):
        return safe_text(value)
    return value


def safe_row(values: list[Any] | tuple[Any, ...]) -> list[Any]:
    return [safe_cell(value) for value in values]
