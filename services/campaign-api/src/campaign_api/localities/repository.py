"""Where localities are read from: the reference-data package's in-memory directory (no SQL)."""

from __future__ import annotations

from reference_data.localities import Locality, LocalityDirectory


def provinces(source: LocalityDirectory, q: str | None) -> list[Locality]:
    return source.provinces(q)


def province(source: LocalityDirectory, code: str) -> Locality | None:
    return source.province(code)


def communes(source: LocalityDirectory, province_code: str, q: str | None) -> list[Locality]:
    return source.communes(province_code, q)


def commune(source: LocalityDirectory, code: str) -> tuple[Locality, str] | None:
    """The commune and its province's code."""
    found, province_code = source.commune(code), source.province_of_commune(code)
    if found is None or province_code is None:
        return None
    return found, province_code
