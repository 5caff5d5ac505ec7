"""Staging an import: every row of the file goes, as it is read, by COPY into an unlogged table of its cells
as text, to be checked there in SQL (`checks.py`). The national ID alone is never staged in clear: Python
does here what SQL cannot, its keyed hash, its ciphertext and its mask, or notes what is wrong with it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice
from typing import Any

from literacy_api.imports.reader import CELLS, Row
from reference_data.personal_data import PersonalDataCipher, mask_national_id

NATIONAL_ID = "national_id"
TEXT_CELLS = CELLS[1:]
"""The cells staged as the file has them (every one but the national ID)."""
assert CELLS[0] == NATIONAL_ID

STAGE_COLUMNS = (
    "line",
    "unreadable",
    "has_control",
    "nid_hash",
    "nid_encrypted",
    "nid_masked",
    "nid_problem",
    *TEXT_CELLS,
)
STAGE_DDL = (
    "CREATE UNLOGGED TABLE literacy.{table} (line integer NOT NULL, unreadable boolean NOT NULL,"
    " has_control boolean NOT NULL, nid_hash bytea, nid_encrypted bytea, nid_masked text, nid_problem text, "
    + ", ".join(f"{name} text NOT NULL" for name in TEXT_CELLS)
    + ")"
)

# Control characters (C0, DEL, C1) and what stands for undecodable bytes; NUL and lone surrogates cannot be
# stored as text, so they are staged as SUB (a control character too: the checks refuse the cell).
CONTROL = "[\x00-\x1f\x7f-\x9f\ud800-\udfff]"
_CONTROL = re.compile(CONTROL)
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
_TWELVE_DIGITS = re.compile(r"[0-9]{12}")
_ELEVEN_DIGITS = re.compile(r"[1-9][0-9]{10}")

MISSING, HAS_CONTROL, INVALID = "missing", "control", "invalid"
"""What `nid_problem` says is wrong with a row's national ID (NULL: nothing)."""


class NationalIds:
    """The staged form of a national ID cell: (hash, ciphertext, mask, problem). A person's rows usually
    follow one another in a file, so the last ID's form is kept rather than encrypted again."""

    def __init__(self, cipher: PersonalDataCipher) -> None:
        self.cipher = cipher
        self._last: tuple[str, tuple[Any, ...]] | None = None

    def staged(self, cell: str) -> tuple[Any, ...]:
        if self._last is not None and self._last[0] == cell:
            return self._last[1]
        form = self._form(cell)
        self._last = (cell, form)
        return form

    def _form(self, cell: str) -> tuple[Any, ...]:
        text = cell.strip()
        if not text:
            return (None, None, None, MISSING)
        if _CONTROL.search(text):
            return (None, None, None, HAS_CONTROL)
        text = text.replace(" ", "")
        # Excel turns codes into numbers and drops their leading zero: 66190000123 → 066190000123.
        if _ELEVEN_DIGITS.fullmatch(text):
            text = "0" + text
        if not _TWELVE_DIGITS.fullmatch(text):
            return (None, None, None, INVALID)
        return (
            self.cipher.lookup_hash(text, field=NATIONAL_ID),
            self.cipher.encrypt(text, field=NATIONAL_ID),
            mask_national_id(text),
            None,
        )


def staged_rows(rows: Iterator[Row], ids: NationalIds, size: int) -> list[tuple[Any, ...]]:
    """The next `size` rows of the file as the staging table takes them (fewer at its end)."""
    staged: list[tuple[Any, ...]] = []
    unstorable = _UNSTORABLE.search
    control = _CONTROL.search
    for line, cells, unreadable in islice(rows, size):
        joined = "".join(cells)
        if unstorable(joined):
            cells = tuple(_UNSTORABLE.sub("\x1a", cell) for cell in cells)
        staged.append((line, unreadable, control(joined) is not None, *ids.staged(cells[0]), *cells[1:]))
    return staged
