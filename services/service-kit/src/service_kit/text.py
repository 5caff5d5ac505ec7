"""Folding Vietnamese text for search: no diacritics, no case, single spaces."""

from __future__ import annotations

import unicodedata

# đ/Đ is a letter of its own, not d with a combining mark, so NFD leaves it alone.
# Typographic apostrophes (as in "Ea H’Leo") fold to the one people type.
_TRANSLATION = str.maketrans({"đ": "d", "Đ": "D", "’": "'", "‘": "'", "ʼ": "'"})


def fold(text: str) -> str:
    """`text` without diacritics, lower-cased, with runs of whitespace as single spaces and no edges.

    "Đắk Lắk", "dak lak" and "DAK  LAK" all fold to "dak lak"; so do "Hòa" and "Hoà" to "hoa", whichever
    vowel carries the tone mark.
    """
    decomposed = unicodedata.normalize("NFD", text.translate(_TRANSLATION))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.lower().split())
