# ruff: noqa: S608 - the SQL here is assembled from this module's constants; values are bound
"""The checks of an import's staged rows, set-based in SQL: patterns, dates, the communes of the official
list, the catalogue's courses, the directory's units, the words people write for coded values, the rules
between a record's fields and the submitter's scope. One statement turns the staged text into typed rows
and gives each rejected row its reasons, in Vietnamese and in the order of the file's columns (the error
report goes back to the commune that sent the file)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from literacy_api.imports.columns import CATEGORIES, COLUMNS, GENDERS, STATUSES
from literacy_api.imports.merge import MergeScope
from literacy_api.imports.staging import CONTROL, HAS_CONTROL, INVALID, MISSING
from reference_data.localities import localities
from service_kit.text import fold

WHITESPACE = "".join(chr(code) for code in range(0x110000) if chr(code).isspace())
"""What Python's `str.strip` and `str.split` take for white space (the checks trim cells the same way)."""

LABELS = {c.name: c.header_vi for c in COLUMNS} | {
    "full_name": "Họ và tên",
    "commune_code": "Mã xã/phường",
    "progress": "Tiến độ",
}
REQUIRED = frozenset(c.name for c in COLUMNS if c.required)
VOCABULARIES: Mapping[str, Mapping[str, str]] = {
    "gender": GENDERS,
    "category": CATEGORIES,
    "status": STATUSES,
}
"""The words (folded) each coded column takes and what they mean."""

UNREADABLE = "dòng có byte NUL hoặc byte không phải UTF-8"
CONTROL_CHARACTERS = "{label} chứa ký tự điều khiển, byte NUL hoặc byte không phải UTF-8"
RULES = (
    ("status = 'completed' AND completed_on IS NULL AND t_completed_on = ''",
     "thiếu Ngày hoàn thành (bắt buộc khi Hoàn thành)"),
    ("status = 'completed' AND progress <> 100", "Hoàn thành thì Tiến độ là 100"),
    ("status <> 'completed' AND completed_on IS NOT NULL", "chỉ khóa đã Hoàn thành mới có Ngày hoàn thành"),
    ("status = 'enrolled' AND progress <> 0", "Đã ghi danh thì Tiến độ là 0"),
    ("status = 'in_progress' AND progress = 100", "Tiến độ 100 là Hoàn thành, không phải Đang học"),
    ("completed_on < enrolled_on", "Ngày hoàn thành trước Ngày ghi danh"),
    ("enrolled_on < date_of_birth", "Ngày ghi danh trước Ngày sinh"),
)  # fmt: skip
"""A record's fields against each other: (when, reason), checked on the values that passed their own check."""
OUT_OF_SCOPE = " ngoài phạm vi bạn phụ trách"

_DATE_VN = "^[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{4}$"
_DATE_ISO = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_NUMBER = "^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]{1,3})?$"
DATES = ("date_of_birth", "enrolled_on", "completed_on")
CODED = tuple(VOCABULARIES)


def _literal(text: str) -> str:
    assert not re.search(r":\w", text), text  # would read as a bound parameter
    return "'" + text.replace("'", "''") + "'"


def _shown(label: str, column: str, verdict: str) -> str:
    """`Label 'the cell' verdict`, the cell cut to 40 characters as the row checker always showed it."""
    before, after = _literal(label + " '"), _literal("' " + verdict)
    return f"{before} || left({column}, 40) || {after}"


# Per column: (when the cell is invalid, when it names nothing known, its value) over level-3 names.
_FIELDS: dict[str, tuple[str | None, str | None, str]] = {
    "full_name": ("length(n_full_name) > 200", None, "n_full_name"),
    "date_of_birth": ("NOT ok_date_of_birth", None, "d_date_of_birth"),
    "gender": (None, "w_gender IS NULL", "w_gender"),
    "ethnicity": ("length(n_ethnicity) > 64", None, "n_ethnicity"),
    "commune_code": ("n_commune_code !~ '^[0-9]{5}$'", "province_code IS NULL", "n_commune_code"),
    "category": (None, "w_category IS NULL", "w_category"),
    "unit_code": ("length(t_unit_code) > 32", "NOT known_unit", "t_unit_code"),
    "course_code": (None, "known_course IS NULL", "known_course"),
    "status": (None, "w_status IS NULL", "w_status"),
    "progress": (
        "n_progress IS NULL OR n_progress <> trunc(n_progress) OR n_progress NOT BETWEEN 0 AND 100",
        None,
        "n_progress::smallint",
    ),
    "score": (
        "n_score IS NULL OR n_score NOT BETWEEN 0 AND 100",
        None,
        # Rounded half to even, as Python's Decimal.quantize does.
        "(CASE WHEN n_score * 100 - trunc(n_score * 100) = 0.5 AND trunc(n_score * 100) % 2 = 0"
        " THEN trunc(n_score * 100) / 100 ELSE round(n_score, 2) END)::numeric(5, 2)",
    ),
    "enrolled_on": ("NOT ok_enrolled_on", None, "d_enrolled_on"),
    "completed_on": ("NOT ok_completed_on", None, "d_completed_on"),
}
TYPED = ("line", "nid_hash", "nid_encrypted", "nid_masked", "full_name", "date_of_birth", "gender", "ethnicity",
         "commune_code", "province_code", "category", "unit_code", "course_code", "status", "progress", "score",
         "enrolled_on", "completed_on")  # fmt: skip
"""The columns of `import_checked` a valid row fills (with `reasons` = '' for it)."""


def _field(name: str) -> tuple[str, str]:
    """(its value or NULL, its reason or NULL) for one column."""
    invalid, unknown, value = _FIELDS[name]
    label, raw = LABELS[name], f"t_{name}"
    reasons = [
        f"WHEN {raw} = '' THEN {_literal('thiếu ' + label) if name in REQUIRED else 'NULL'}",
        f"WHEN c_{name} THEN {_literal(CONTROL_CHARACTERS.format(label=label))}",
    ]
    spoilt = [f"{raw} = ''", f"c_{name}"]
    if invalid:
        reasons.append(f"WHEN {invalid} THEN {_shown(label, raw, 'không hợp lệ')}")
        spoilt.append(f"({invalid})")
    if unknown:
        reasons.append(f"WHEN {unknown} THEN {_shown(label, raw, 'không có trong danh mục')}")
        spoilt.append(f"({unknown})")
    return (
        f"CASE WHEN {' OR '.join(spoilt)} THEN NULL ELSE {value} END AS {name}",
        f"CASE {' '.join(reasons)} END AS e_{name}",
    )


def _national_id_reason() -> str:
    label = LABELS["national_id"]
    return (
        f"CASE nid_problem WHEN {_literal(MISSING)} THEN {_literal('thiếu ' + label)}"
        f" WHEN {_literal(HAS_CONTROL)} THEN {_literal(CONTROL_CHARACTERS.format(label=label))}"
        f" WHEN {_literal(INVALID)} THEN {_literal(label + ' không hợp lệ')} END"
    )


def _date_parts(name: str) -> str:
    """[day, month, year] of a dd/mm/yyyy or yyyy-mm-dd cell, else NULL."""
    t = f"t_{name}"
    return (
        f"CASE WHEN {t} ~ '{_DATE_VN}' THEN string_to_array(translate({t}, '.-', '//'), '/')::int[]"
        f" WHEN {t} ~ '{_DATE_ISO}' THEN ARRAY[split_part({t}, '-', 3)::int, split_part({t}, '-', 2)::int,"
        f" split_part({t}, '-', 1)::int] END AS p_{name}"
    )


def _date_value(name: str) -> str:
    """The date of the parts, NULL when they name none (a 31/02 would roll over into March: refused below)."""
    p = f"p_{name}"
    return (
        f"CASE WHEN {p} IS NULL OR {p}[3] < 1900 OR {p}[2] NOT BETWEEN 1 AND 12 OR {p}[1] NOT BETWEEN 1 AND 31"
        f" THEN NULL ELSE make_date({p}[3], {p}[2], 1) + ({p}[1] - 1) END AS d_{name}"
    )


def _number(text: str) -> str:
    return f"CASE WHEN {text} ~ '{_NUMBER}' THEN ({text})::numeric END"


def _checks_sql(stage: str) -> str:
    cells = list(_FIELDS)  # the order of the reasons (the row checker's, the dates last)
    trimmed = ", ".join(f"btrim(s.{c}, :ws) AS t_{c}" for c in cells)
    control = ", ".join(f"has_control AND t_{c} ~ :control AS c_{c}" for c in cells)
    parsed = ", ".join(
        [
            "regexp_replace(t_full_name, :ws_runs, ' ', 'g') AS n_full_name",
            "regexp_replace(t_ethnicity, :ws_runs, ' ', 'g') AS n_ethnicity",
            "CASE WHEN replace(t_commune_code, ' ', '') ~ '^[1-9][0-9]{3}$' THEN '0' || replace(t_commune_code,"
            " ' ', '') ELSE replace(t_commune_code, ' ', '') END AS n_commune_code",
            *(_date_parts(d) for d in DATES),
            _number("btrim(rtrim(replace(t_progress, ',', '.'), '%'), :ws)") + " AS n_progress",
            _number("replace(t_score, ',', '.')") + " AS n_score",
        ]
    )
    lookups = ", ".join(
        [
            *(f"{k}.code AS w_{k}" for k in CODED),
            "course.code AS known_course",
            "unit.code IS NOT NULL AS known_unit",
        ]
    )
    joins = " ".join(
        [
            *(f"LEFT JOIN import_word {k} ON {k}.kind = '{k}' AND {k}.spelling = x.t_{k}" for k in CODED),
            "LEFT JOIN literacy.course course ON course.code = upper(x.t_course_code)",
            "LEFT JOIN import_unit unit ON unit.code = x.t_unit_code",
        ]
    )
    dated = ", ".join(["commune.province_code", *(_date_value(d) for d in DATES)])
    ok_dates = ", ".join(
        f"d_{d} IS NOT NULL AND extract(month FROM d_{d}) = p_{d}[2] AND d_{d} <= :today AS ok_{d}"
        for d in DATES
    )
    fields = [_field(c) for c in cells]
    values = ", ".join(value for value, _reason in fields)
    field_reasons = ", ".join(reason for _value, reason in fields)
    reasons = [
        f"CASE WHEN unreadable THEN {_literal(UNREADABLE)} END",
        _national_id_reason(),
        *(f"e_{c}" for c in cells),
        *(f"CASE WHEN {when} THEN {_literal(reason)} END" for when, reason in RULES),
        f"CASE WHEN :scoped AND commune_code <> ALL(:communes) THEN {_literal('xã/phường ')} || commune_code"
        f" || {_literal(OUT_OF_SCOPE)} END",
        f"CASE WHEN :scoped AND unit_code <> ALL(:units) THEN {_literal('đơn vị ')} || unit_code"
        f" || {_literal(OUT_OF_SCOPE)} END",
    ]
    # Each level computes its columns once (OFFSET 0 keeps the planner from folding a level into the next
    # and evaluating an expression again for every reference to it).
    return f"""
CREATE TEMP TABLE import_checked ON COMMIT DROP AS
SELECT {", ".join(TYPED)}, concat_ws('; ', {", ".join(reasons)}) AS reasons
FROM (
  SELECT line, unreadable, nid_problem, nid_hash, nid_encrypted, nid_masked, province_code, t_completed_on,
         {values}, {field_reasons}
  FROM (
    SELECT *, {ok_dates}
    FROM (
      SELECT y.*, {dated}
      FROM (
        SELECT x.*, {control}, {parsed}, {lookups}
        FROM (SELECT line, unreadable, has_control, nid_hash, nid_encrypted, nid_masked, nid_problem, {trimmed}
              FROM literacy.{stage} s OFFSET 0) x
        {joins}
        OFFSET 0) y
      LEFT JOIN import_commune commune ON commune.code = y.n_commune_code
      OFFSET 0) dated
    OFFSET 0) valued
  OFFSET 0) checked
"""


@dataclass(frozen=True)
class Lookups:
    """What the checks look values up in besides the catalogue: the meaning of each spelling of a coded
    value the file uses, and which of its unit codes campaign-api's directory knows."""

    words: list[tuple[str, str, str]]
    units: list[str]


SPELLINGS = """
SELECT gender, category, status, unit_code
FROM (SELECT btrim(gender, :ws) AS gender, btrim(category, :ws) AS category, btrim(status, :ws) AS status,
             btrim(unit_code, :ws) AS unit_code FROM literacy.{stage}) cells
GROUP BY GROUPING SETS ((gender), (category), (status), (unit_code))
"""
"""Every distinct spelling of the coded columns and every unit code (few, whatever the file's size)."""


def words_of(spellings: Iterable[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(kind, spelling, code) for each spelling that means something ("Nữ", "nu", "female" → female)."""
    found = []
    for kind, spelling in spellings:
        code = VOCABULARIES[kind].get(fold(spelling))
        if code is not None:
            found.append((kind, spelling, code))
    return found


def unit_candidates(codes: Iterable[str]) -> list[str]:
    """The unit codes worth asking the directory about (the others are refused by their own check)."""
    control = re.compile(CONTROL)
    return sorted({c for c in codes if c and len(c) <= 32 and not control.search(c)})


def communes() -> list[tuple[str, str]]:
    """(commune code, its province's code) for every commune of the official list."""
    return [(c.code, p.code) for p in localities.provinces() for c in localities.communes(p.code)]


def parameters(*, today: Any, scoped: bool, communes: list[str], units: list[str]) -> dict[str, Any]:
    return {
        "ws": WHITESPACE,
        "ws_runs": f"[{WHITESPACE}]+",
        "control": "[\x01-\x1f\x7f-\x9f]",  # NUL and surrogates are staged as SUB (\x1a)
        "today": today,
        "scoped": scoped,
        "communes": communes,
        "units": units,
    }


LOOKUP_DDL = (
    "CREATE TEMP TABLE import_word (kind text, spelling text, code text, PRIMARY KEY (kind, spelling))"
    " ON COMMIT DROP",
    "CREATE TEMP TABLE import_unit (code text PRIMARY KEY) ON COMMIT DROP",
    "CREATE TEMP TABLE import_commune (code text PRIMARY KEY, province_code text NOT NULL) ON COMMIT DROP",
)
CHECKS = _checks_sql("{stage}")

REJECTED = """
INSERT INTO literacy.import_error (job_id, line, reason)
SELECT :job, line, reasons FROM import_checked WHERE reasons <> ''
"""


async def check(
    connection: AsyncConnection, *, job_id: str, stage: str, lookups: Lookups, scope: MergeScope, today: date
) -> None:
    """Runs inside the merge's transaction: `import_checked` holds every staged row, typed, with its
    reasons ('' for a good row); the rejected rows are in the job's error report."""
    for ddl in LOOKUP_DDL:
        await connection.execute(text(ddl))
    raw = await connection.get_raw_connection()
    driver: Any = raw.driver_connection
    await driver.copy_records_to_table(
        "import_word", records=lookups.words, columns=("kind", "spelling", "code")
    )
    await driver.copy_records_to_table(
        "import_unit", records=[(u,) for u in lookups.units], columns=("code",)
    )
    await driver.copy_records_to_table(
        "import_commune", records=communes(), columns=("code", "province_code")
    )
    await connection.execute(text("ANALYZE import_word, import_unit, import_commune"))
    await connection.execute(
        text(CHECKS.replace("{stage}", stage)),
        parameters(
            today=today,
            scoped=scope.communes is not None,
            communes=scope.communes or [],
            units=scope.units or [],
        ),
    )
    await connection.execute(text(REJECTED), {"job": job_id})


async def lookups(connection: AsyncConnection, *, stage: str, directory: Any) -> Lookups:
    """The spellings of coded values and the unit codes the staged file uses, and what they mean; raises
    `DependencyUnavailable` when the directory of units cannot answer (unit codes are never guessed)."""
    found = (await connection.execute(text(SPELLINGS.replace("{stage}", stage)), {"ws": WHITESPACE})).all()
    spellings = [(kind, row[i]) for row in found for i, kind in enumerate(CODED) if row[i] is not None]
    codes = unit_candidates(row.unit_code for row in found if row.unit_code is not None)
    known = sorted(await directory.known_units(codes)) if codes else []
    return Lookups(words=words_of(spellings), units=known)
