"""The 34 provinces and 3,321 communes/wards of July 2025, with the codes and names of the statistics
office's official list (`data/localities-2025.json`, written by `scripts/official_localities.py` from the
`vietnam-provinces` package's data), in memory, searched without diacritics. Static reference data that
several services validate codes against. `data/commune-renumbering-2025.json` maps the draft codes the
platform stored before (vietnam-provinces 2025.10) to the official ones; the migrations apply it."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Any, Final

from pydantic import BaseModel, ConfigDict, Field

from service_kit.text import fold


class Locality(BaseModel):
    """A province (or centrally-run city) or a commune/ward, as the statistics office lists it."""

    model_config = ConfigDict(frozen=True)

    code: str = Field(
        description='Zero-padded: 2 digits for provinces ("01", "66"), 5 for communes ("00070")'
    )
    name: str
    division_type: str = Field(
        description='"tỉnh" or "thành phố trung ương" for provinces; "xã", "phường" or "đặc khu" for communes'
    )


class CommuneOut(Locality):
    """A commune/ward and the province it lies in."""

    province_code: str


_TONE_MARKS: Final = frozenset("\u0300\u0301\u0303\u0309\u0323")  # huyền, sắc, ngã, hỏi, nặng
_WORD: Final = re.compile(r"\w+")
_COMMUNE_CODE: Final = re.compile(r"[0-9]{5}")


def _tone_on_first_vowel(match: re.Match[str]) -> str:
    """One tone placement for open oa/oe/uy syllables: "Hoà" → "Hòa", "Thuỷ" → "Thủy" ("Quý" stays)."""
    word = match.group()
    letters = unicodedata.normalize("NFD", word)
    if len(letters) < 3 or letters[-1] not in _TONE_MARKS:
        return word
    first, second, tone = letters[-3], letters[-2], letters[-1]
    pair = (first + second).lower()
    if pair in ("oa", "oe") or (pair == "uy" and letters[-4:-3].lower() != "q"):
        return unicodedata.normalize("NFC", letters[:-3] + first + tone + second)
    return word


def tidy_name(name: str) -> str:
    """The list's name, written one way: single spaces, the usual tone placement, one apostrophe, "-", a
    capital first letter."""
    name = " ".join(unicodedata.normalize("NFC", name).split())
    name = name.replace("'", "’").replace(" – ", " - ")
    name = name[:1].upper() + name[1:]  # the official list writes one "xã Bắc Sơn"
    return _WORD.sub(_tone_on_first_vowel, name)


@dataclass(frozen=True, slots=True)
class _Entry:
    locality: Locality
    folded: str

    def matches(self, words: Sequence[str]) -> bool:
        return all(word in self.folded for word in words)


def _words(q: str | None) -> list[str]:
    return fold(q).split() if q else []


def _search(entries: Iterable[_Entry], q: str | None) -> list[Locality]:
    words = _words(q)
    return [entry.locality for entry in entries if entry.matches(words)]


@dataclass(frozen=True, slots=True)
class LocalityDirectory:
    """The provinces and their communes/wards, read-only, each list ordered by code.

    A search matches a name that contains every word of the query, both folded (`service_kit.text.fold`):
    "dak lak", "Đắk Lắk" and "DAK LAK" find the same; "buon ma" finds "Phường Buôn Ma Thuột".
    """

    _provinces: Mapping[str, _Entry]
    _communes: Mapping[str, tuple[_Entry, str]]
    _communes_of: Mapping[str, tuple[_Entry, ...]]

    @classmethod
    def build(
        cls, provinces: Iterable[Locality], communes: Iterable[tuple[Locality, str]]
    ) -> LocalityDirectory:
        """From provinces and (commune, its province's code) pairs; codes must be unique and provinces known."""
        province_index: dict[str, _Entry] = {}
        for province in sorted(provinces, key=lambda p: p.code):
            if province.code in province_index:
                raise ValueError(f"province code {province.code} appears twice")
            province_index[province.code] = _Entry(province, fold(province.name))
        commune_index: dict[str, tuple[_Entry, str]] = {}
        by_province: dict[str, list[_Entry]] = {code: [] for code in province_index}
        for commune, province_code in sorted(communes, key=lambda pair: pair[0].code):
            if commune.code in commune_index:
                raise ValueError(f"commune code {commune.code} appears twice")
            if province_code not in province_index:
                raise ValueError(f"commune {commune.code} lies in unknown province {province_code}")
            entry = _Entry(commune, fold(commune.name))
            commune_index[commune.code] = (entry, province_code)
            by_province[province_code].append(entry)
        return cls(
            MappingProxyType(province_index),
            MappingProxyType(commune_index),
            MappingProxyType({code: tuple(entries) for code, entries in by_province.items()}),
        )

    @classmethod
    def official(cls) -> LocalityDirectory:
        """The units after the July 2025 rearrangement (two levels: province → commune/ward), official codes."""
        data = _data("localities-2025.json")
        return cls.build(
            (
                Locality(code=p["code"], name=tidy_name(p["name"]), division_type=p["division_type"])
                for p in data["provinces"]
            ),
            (
                (
                    Locality(code=c["code"], name=tidy_name(c["name"]), division_type=c["division_type"]),
                    c["province_code"],
                )
                for c in data["communes"]
            ),
        )

    def provinces(self, q: str | None = None) -> list[Locality]:
        return _search(self._provinces.values(), q)

    def province(self, code: str) -> Locality | None:
        entry = self._provinces.get(code)
        return entry.locality if entry else None

    def communes(self, province_code: str, q: str | None = None) -> list[Locality]:
        """The communes/wards of a province matching `q` (all of them without it); none for an unknown one."""
        return _search(self._communes_of.get(province_code, ()), q)

    def commune(self, code: str) -> Locality | None:
        found = self._communes.get(code)
        return found[0].locality if found else None

    def commune_exists(self, code: str) -> bool:
        return code in self._communes

    def province_of_commune(self, code: str) -> str | None:
        found = self._communes.get(code)
        return found[1] if found else None

    def commune_count(self) -> int:
        return len(self._communes)


def _data(name: str) -> Any:
    return json.loads(resources.files("reference_data").joinpath("data", name).read_text(encoding="utf-8"))


def commune_renumbering_2025() -> dict[str, str]:
    """Draft code (vietnam-provinces 2025.10) → official code, for the 123 communes whose code changed."""
    mapping: dict[str, str] = _data("commune-renumbering-2025.json")["draft_to_official"]
    if not all(_COMMUNE_CODE.fullmatch(code) for pair in mapping.items() for code in pair):
        raise ValueError("the renumbering holds something other than five-digit codes")
    return mapping


def renumbering_values(mapping: dict[str, str]) -> str:
    """The pairs as the rows of an SQL `VALUES` list, `('00196', '00226'), …` (five-digit codes only, checked
    on reading), for a migration's `… FROM (VALUES …) AS r (old, new)`."""
    if not all(_COMMUNE_CODE.fullmatch(code) for pair in mapping.items() for code in pair):
        raise ValueError("not a renumbering of five-digit codes")
    return ", ".join(f"('{old}', '{new}')" for old, new in sorted(mapping.items()))


# Built at import, so no request waits for it.
localities: Final = LocalityDirectory.official()


async def get_localities() -> LocalityDirectory:
    """The directory, as a dependency (tests may override it)."""
    return localities
