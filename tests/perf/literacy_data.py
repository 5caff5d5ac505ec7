"""Realistic data for one province: its real communes (vietnam-provinces), a population of learners with
Vietnamese names, categories, ethnicities of the Central Highlands, and their training records over the
"100 peak days" — written straight into the database (set-based SQL), or as an import CSV.

    python tests/perf/literacy_data.py csv --rows 1000000 --out /tmp/import.csv   # the import file
    (the database part runs inside the benchmark, against its own throw-away PostgreSQL)
"""

from __future__ import annotations

import argparse
import csv
import random
from datetime import date, timedelta
from pathlib import Path

from reference_data.localities import localities

PROVINCE = "66"  # Đắk Lắk
PEAK_START = date(2025, 7, 15)  # the "100 peak days" drive: 15/07 – 25/10/2025
PEAK_DAYS = 103
FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Y",
    "H'",
]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Bhăm", "Niê"]
GIVEN = [
    "An",
    "Bình",
    "Chi",
    "Dũng",
    "Hà",
    "Hương",
    "Khánh",
    "Lan",
    "Mai",
    "Nam",
    "Phúc",
    "Quân",
    "Thảo",
    "Trang",
]
ETHNICITIES = ["Kinh"] * 14 + ["Ê Đê"] * 4 + ["M'Nông", "Nùng", "Tày", "Gia Rai", "Thái", "Mường"]
CATEGORIES = (
    ["citizen"] * 12 + ["student"] * 4 + ["worker"] * 3 + ["civil_servant", "public_employee", "cadre"]
)
CATEGORY_VI = {
    "citizen": "Người dân",
    "student": "Học sinh, sinh viên",
    "worker": "Người lao động",
    "civil_servant": "Công chức",
    "public_employee": "Viên chức",
    "cadre": "Cán bộ",
}
COURSES = ["BDHVS-01", "BDHVS-02", "BDHVS-03", "VNEID-01", "DVC-01"]


def commune_codes(province: str = PROVINCE) -> list[str]:
    return [c.code for c in localities.communes(province)]


# Learners and records generated inside PostgreSQL: no Python loop over millions of rows.
COURSES_SQL = """
INSERT INTO literacy.course (code, title, title_folded, hours, level, competence_codes, required_for)
SELECT code, 'Khóa ' || code, lower(code), 4, 1, ARRAY['1.1'], ARRAY['cadre', 'civil_servant']
FROM unnest(CAST(:courses AS text[])) code ON CONFLICT DO NOTHING
"""
LEARNERS_SQL = """
INSERT INTO literacy.learner (id, province_code, commune_code, national_id_hash, national_id_masked, full_name,
    full_name_folded, date_of_birth, birth_year, gender, ethnicity, category)
SELECT gen_random_uuid(), :province, (CAST(:communes AS text[]))[1 + (pg_temp.hashint(i, 1) % cardinality(CAST(:communes AS text[])))],
       sha256(convert_to('bench-' || i, 'UTF8')), '066******' || lpad((i % 1000)::text, 3, '0'),
       'Người học ' || i, 'nguoi hoc ' || i, date '1950-01-01' + CAST(pg_temp.hashint(i, 2) % 20000 AS int),
       extract(year FROM date '1950-01-01' + CAST(pg_temp.hashint(i, 2) % 20000 AS int))::int,
       (ARRAY['male', 'female', 'female', 'male', 'other'])[1 + pg_temp.hashint(i, 3) % 5],
       (CAST(:ethnicities AS text[]))[1 + pg_temp.hashint(i, 4) % cardinality(CAST(:ethnicities AS text[]))],
       (CAST(:categories AS text[]))[1 + pg_temp.hashint(i, 5) % cardinality(CAST(:categories AS text[]))]
FROM generate_series(CAST(:first AS bigint), CAST(:last AS bigint)) i
"""
# Three records per learner on average (two to four courses), dated over the peak days and the months around.
RECORDS_SQL = """
INSERT INTO literacy.training_record (id, learner_id, course_code, province_code, commune_code, status, progress,
    enrolled_on, completed_on, source)
SELECT gen_random_uuid(), l.id, c.code, l.province_code, l.commune_code, s.status,
       CASE s.status WHEN 'completed' THEN 100 WHEN 'enrolled' THEN 0 ELSE 10 + pg_temp.hashint(c.n, 7) % 80 END,
       s.enrolled, CASE WHEN s.status = 'completed' THEN s.enrolled + CAST(pg_temp.hashint(c.n, 8) % 30 AS int) END, 'bench'
FROM (SELECT id, province_code, commune_code, row_number() OVER () AS k FROM literacy.learner
      WHERE full_name_folded LIKE 'nguoi hoc %' AND birth_year IS NOT NULL
      ORDER BY id OFFSET :offset LIMIT :limit) l
CROSS JOIN LATERAL (
    SELECT code, l.k * 10 + ordinality AS n FROM unnest(CAST(:courses AS text[])) WITH ORDINALITY code
    LIMIT 2 + pg_temp.hashint(l.k, 6) % 3
) c
CROSS JOIN LATERAL (
    SELECT (ARRAY['completed', 'completed', 'in_progress', 'enrolled', 'failed'])[1 + pg_temp.hashint(c.n, 9) % 5] AS status,
           CAST(:start AS date) + CAST(pg_temp.hashint(c.n, 10) % (CAST(:days AS int) + 60) AS int) - 30 AS enrolled
) s
"""
HASH_FUNCTION = """
CREATE OR REPLACE FUNCTION pg_temp.hashint(i bigint, salt int) RETURNS bigint LANGUAGE sql IMMUTABLE AS
$$ SELECT abs(hashtextextended(i::text, salt)) $$
"""


def write_import_csv(path: Path, rows: int, *, seed: int = 7, first_id: int = 0) -> None:
    """An import file as a commune would send it: Vietnamese headers, semicolons, a BOM, dd/mm/yyyy,
    one row per person and course; a few bad rows (about 0.5%) as real files have."""
    from literacy_api.imports.columns import COLUMNS

    rng = random.Random(seed)
    communes = commune_codes()
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow([c.header_vi for c in COLUMNS])
        person = first_id
        written = 0
        while written < rows:
            person += 1
            national_id = f"0{PROVINCE}{rng.randint(0, 3)}{rng.randint(40, 99):02d}{person:06d}"
            name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
            born = date(1950, 1, 1) + timedelta(days=rng.randrange(20000))
            gender = rng.choice(["Nam", "Nữ"])
            ethnicity = rng.choice(ETHNICITIES)
            commune = rng.choice(communes)
            category = CATEGORY_VI[rng.choice(CATEGORIES)]
            for course in rng.sample(COURSES, k=min(rng.randint(1, 3), rows - written)):
                enrolled = PEAK_START + timedelta(days=rng.randrange(PEAK_DAYS))
                status = rng.choice(["Hoàn thành", "Hoàn thành", "Đang học", "Đã ghi danh"])
                completed = enrolled + timedelta(days=rng.randrange(20)) if status == "Hoàn thành" else None
                progress = "" if completed else ("0" if status == "Đã ghi danh" else str(rng.randint(5, 95)))
                if rng.random() < 0.005:
                    progress = "150"  # a typo the import must reject
                writer.writerow(
                    [
                        national_id,
                        name,
                        born.strftime("%d/%m/%Y"),
                        gender,
                        ethnicity,
                        commune,
                        category,
                        "",
                        course,
                        status,
                        progress,
                        "",
                        completed.strftime("%d/%m/%Y") if completed else "",
                        enrolled.strftime("%d/%m/%Y"),
                    ]
                )
                written += 1


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    make_csv = commands.add_parser("csv", help="write an import file")
    make_csv.add_argument("--rows", type=int, default=1_000_000)
    make_csv.add_argument("--out", type=Path, required=True)
    arguments = parser.parse_args()
    write_import_csv(arguments.out, arguments.rows)
    print(f"wrote {arguments.rows:,} rows to {arguments.out}")


if __name__ == "__main__":
    main()
