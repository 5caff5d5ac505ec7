# ruff: noqa: S608 - the SQL below is assembled from constants of this module, values are bound
"""The statistics queries: units' completion of required courses, population figures, and coverage from
the rollups: distinct learners and completers per commune, category, gender, ethnicity, month or course,
over any date window.

The rollups (`literacy_api.sql.rules`) hold each learner's months with records as cells (per month, and per
the first and the last day with a record in it) and links from each such month to the learner's next one
(each end dated by its month or by its day). Over the months a window touches, a learner counts once as
the months they qualify in minus the links between two qualifying months: the first month qualifies when
its last day reaches the window's first, the last month when its first day is within the window's last,
the months between always. Every term is a sum over rows of one index range, so any window is read from
the rollups, whatever the number of records; only a window inside one month that cuts it at both ends is
counted from its records (those of at most 31 days, by `counted_on`).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from literacy_api.learners.schemas import CATEGORY_LABELS, GENDER_LABELS, Category, Gender
from literacy_api.stats.models import Population
from literacy_api.stats.schemas import CoverageItem, CoverageReport, CoverageTotals, GroupBy
from reference_data.localities import localities
from service_kit.text import fold

PLACES = Decimal("0.0001")
SMALL_CELL = 5
OTHER = "other"
UNKNOWN = "unknown"

# group_by → (the rollups' dimension, the key it is grouped by). A learner has one value of each, so the
# groups of these partition the learners and their sum is the total.
DIMENSION = {
    None: ("total", "''"),
    GroupBy.COMMUNE: ("total", "x.commune_code"),
    GroupBy.CATEGORY: ("category", "x.key"),
    GroupBy.GENDER: ("gender", "x.key"),
    GroupBy.ETHNICITY: ("ethnicity", "x.key"),
}


def ratio(part: int, whole: int) -> Decimal:
    return (Decimal(part) / Decimal(whole)).quantize(PLACES, ROUND_HALF_UP) if whole else Decimal(0)


def _month_end(month: date) -> date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


@dataclass(frozen=True)
class Window:
    """A date window (either end open) as the months it touches: `first_month`..`last_month`, and whether it
    starts after the first day of its first month (`cuts_first`) or ends before the last day of its last
    month (`cuts_last`)."""

    start: date | None
    end: date | None

    @property
    def first_month(self) -> date:
        return date.min if self.start is None else self.start.replace(day=1)

    @property
    def last_month(self) -> date:
        return date.max.replace(day=1) if self.end is None else self.end.replace(day=1)

    @property
    def cuts_first(self) -> bool:
        return self.start is not None and self.start.day != 1

    @property
    def cuts_last(self) -> bool:
        return self.end is not None and self.end != _month_end(self.end)

    @property
    def inside_one_month(self) -> bool:
        """Cut at both ends inside one month: no month of it is whole, nor starts or ends with it."""
        return self.cuts_first and self.cuts_last and self.first_month == self.last_month


@dataclass(frozen=True)
class Place:
    province_code: str | None
    commune_code: str | None

    def where(self, alias: str) -> str:
        clauses = ["TRUE"]
        if self.province_code is not None:
            clauses.append(f"{alias}.province_code = :province_code")
        if self.commune_code is not None:
            clauses.append(f"{alias}.commune_code = :commune_code")
        return " AND ".join(clauses)

    def params(self) -> dict[str, Any]:
        return {"province_code": self.province_code, "commune_code": self.commune_code}


def _bounds(window: Window) -> dict[str, date]:
    """The dates the terms compare with: the months touched, the days before the window's start in its first
    month, and the days after its end in its last month."""
    bounds = {"first_month": window.first_month, "last_month": window.last_month}
    if window.start is not None:
        bounds["before_start"] = window.start - timedelta(days=1)
    if window.end is not None:
        bounds["after_end"] = window.end + timedelta(days=1)
        bounds["last_month_end"] = _month_end(window.end)
    return bounds


# The terms of distinct learners over a window, each (sign, table, res, condition, whether it applies).
# Cells: the months touched, less the first month's learner-months whose last day is before the start, less
# the last month's whose first day is after the end. Links: between months touched, less those leaving the
# first month before the start, less those entering the last month after the end, plus those doing both.
CELL, LINK = "literacy.coverage_cell", "literacy.coverage_link"
BEFORE_START = "x.day BETWEEN :first_month AND :before_start"
AFTER_END = "x.next_day BETWEEN :after_end AND :last_month_end"
TERMS = (
    (1, CELL, "m", "x.day BETWEEN :first_month AND :last_month", "always"),
    (-1, CELL, "l", BEFORE_START, "cuts_first"),
    (-1, CELL, "f", "x.day BETWEEN :after_end AND :last_month_end", "cuts_last"),
    (-1, LINK, "mm", "x.day >= :first_month AND x.next_day <= :last_month", "always"),
    (1, LINK, "dm", f"{BEFORE_START} AND x.next_day <= :last_month", "cuts_first"),
    (1, LINK, "md", f"x.day >= :first_month AND {AFTER_END}", "cuts_last"),
    (-1, LINK, "dd", f"{BEFORE_START} AND {AFTER_END}", "cuts_both"),
)


def _applies(condition: str, window: Window) -> bool:
    if condition == "cuts_first":
        return window.cuts_first
    if condition == "cuts_last":
        return window.cuts_last
    if condition == "cuts_both":
        return window.cuts_first and window.cuts_last
    return True


def distinct_sql(group_by: GroupBy | None, place: Place, window: Window, part: str) -> str:
    """Rows (part, key, learners, completed) of distinct learners per group over the window."""
    dim, key = DIMENSION[group_by]
    terms = [
        f"SELECT {key} AS key, {sign} * x.learners AS learners, {sign} * x.completed AS completed "
        f"FROM {table} x WHERE {place.where('x')} "
        f"AND x.dim = '{dim}' AND x.res = '{res}' AND {condition}"
        for sign, table, res, condition, applies in TERMS
        if _applies(applies, window)
    ]
    return (
        f"SELECT '{part}' AS part, key, sum(learners) AS learners, sum(completed) AS completed "
        f"FROM ({' UNION ALL '.join(terms)}) terms GROUP BY key"
    )


def month_sql(place: Place, window: Window) -> str:
    """Distinct learners per month: the months inside the window whole, the first one from its last days'
    cells, the last one from its first days' cells (a learner counts once in each month)."""
    month = "to_char(x.day, 'YYYY-MM')"
    terms = [
        f"SELECT {month} AS key, x.learners, x.completed FROM {CELL} x WHERE {place.where('x')} "
        "AND x.dim = 'total' AND x.res = 'm' AND x.day BETWEEN :first_month AND :last_month"
    ]
    if window.cuts_first:
        terms.append(
            f"SELECT {month}, -x.learners, -x.completed FROM {CELL} x WHERE {place.where('x')} "
            f"AND x.dim = 'total' AND x.res = 'l' AND {BEFORE_START}"
        )
    if window.cuts_last:
        terms.append(
            f"SELECT {month}, -x.learners, -x.completed FROM {CELL} x WHERE {place.where('x')} "
            "AND x.dim = 'total' AND x.res = 'f' AND x.day BETWEEN :after_end AND :last_month_end"
        )
    return (
        "SELECT 'g' AS part, key, sum(learners) AS learners, sum(completed) AS completed "
        f"FROM ({' UNION ALL '.join(terms)}) terms GROUP BY key"
    )


def course_sql(place: Place, window: Window) -> tuple[str, dict[str, date]]:
    """Records per course (one per learner and course): whole months from the monthly rollup, the days of
    months the window cuts from the daily one."""
    terms = []
    first_whole = window.first_month
    if window.cuts_first:
        first_whole = _month_end(first_whole) + timedelta(days=1)
    last_whole = window.last_month
    if window.cuts_last:
        last_whole = (last_whole - timedelta(days=1)).replace(day=1)
    if window.inside_one_month:
        days = [":start AND :end"]
    else:
        days = []
        if window.cuts_first:
            days.append(":start AND :first_month_end")
        if window.cuts_last:
            days.append(":last_month AND :end")
        terms.append(
            "SELECT x.course_code AS key, x.learners, x.completed FROM literacy.coverage_course_month x "
            f"WHERE {place.where('x')} AND x.month BETWEEN :first_whole AND :last_whole"
        )
    terms.extend(
        "SELECT x.course_code, x.learners, x.completed FROM literacy.coverage_course_day x "
        f"WHERE {place.where('x')} AND x.day BETWEEN {between}"
        for between in days
    )
    return (
        "SELECT 'g' AS part, key, sum(learners) AS learners, sum(completed) AS completed "
        f"FROM ({' UNION ALL '.join(terms)}) terms GROUP BY key"
    ), {"first_whole": first_whole, "last_whole": last_whole}


@dataclass(kw_only=True)
class CoverageQueries:
    session: AsyncSession

    async def _rows(self, sql: str, params: dict[str, Any]) -> Iterable[Any]:
        return (await self.session.execute(text(sql), params)).all()

    def _statement(
        self, group_by: GroupBy | None, place: Place, window: Window, *, with_total: bool
    ) -> tuple[str, dict[str, Any]]:
        """One statement: rows (part 'g', key, learners, completed) per group, and when asked the total
        (part 't') where the groups do not partition the learners (months, courses)."""
        params: dict[str, Any] = {**place.params(), **_bounds(window)}
        if window.start is not None:
            params["start"] = window.start
            params["first_month_end"] = _month_end(window.start)
        if window.end is not None:
            params["end"] = window.end
        if group_by is GroupBy.MONTH:
            parts = [month_sql(place, window)]
        elif group_by is GroupBy.COURSE:
            sql, extra = course_sql(place, window)
            params.update(extra)
            parts = [sql]
        else:
            parts = [distinct_sql(group_by, place, window, "g")]
        if with_total and group_by in (GroupBy.MONTH, GroupBy.COURSE):
            parts.append(distinct_sql(None, place, window, "t"))
        return " UNION ALL ".join(parts), params

    async def _counts_and_total(
        self, group_by: GroupBy | None, place: Place, window: Window
    ) -> tuple[dict[str, list[int]], list[int]]:
        if window.inside_one_month:
            counts = await self.recount(group_by, place, window)
            total = (await self.recount(None, place, window)).get("", [0, 0]) if group_by else None
        else:
            sql, params = self._statement(group_by, place, window, with_total=True)
            counts = {}
            totals: dict[str, list[int]] = {}
            for row in await self._rows(sql, params):
                (counts if row.part == "g" else totals)[row.key] = [int(row.learners), int(row.completed)]
            total = totals.get("")
        counts = {key: value for key, value in counts.items() if value[0] or value[1]}
        if total is None:
            # The groups partition the learners: their sum is the total.
            total = [sum(v[0] for v in counts.values()), sum(v[1] for v in counts.values())]
        return counts, total

    async def counts(self, group_by: GroupBy | None, place: Place, window: Window) -> dict[str, list[int]]:
        """[learners, completed] per key (group_by None: the total, under key '')."""
        counts, total = await self._counts_and_total(group_by, place, window)
        if group_by is None:
            return {"": total} if total[0] or total[1] else {}
        return counts

    async def course_titles(self) -> dict[str, str]:
        return {
            row.code: row.title for row in await self._rows("SELECT code, title FROM literacy.course", {})
        }

    async def population(self, place: Place) -> dict[str, int]:
        sql = f"SELECT p.commune_code, p.adults FROM literacy.population p WHERE {place.where('p')}"
        return {row.commune_code: row.adults for row in await self._rows(sql, place.params())}

    async def recount(self, group_by: GroupBy | None, place: Place, window: Window) -> dict[str, list[int]]:
        """The contract's definition read straight from the records (those of the window, by `counted_on`).
        Over all records it is the GROUP BY the rollups exist to avoid: the tests hold the rollups to it and
        the benchmark measures against it. It answers windows inside one month that cut it at both ends."""
        key = {
            None: "''",
            GroupBy.COMMUNE: "l.commune_code",
            GroupBy.CATEGORY: "l.category",
            GroupBy.GENDER: "l.gender",
            GroupBy.ETHNICITY: "coalesce(l.ethnicity, '')",
            GroupBy.MONTH: "to_char(coalesce(r.completed_on, r.enrolled_on), 'YYYY-MM')",
            GroupBy.COURSE: "r.course_code",
        }[group_by]
        sql = f"""
            SELECT {key} AS key, count(DISTINCT r.learner_id) AS learners,
                   count(DISTINCT r.learner_id) FILTER (WHERE r.status = 'completed') AS completed
            FROM literacy.training_record r JOIN literacy.learner l ON l.id = r.learner_id
            WHERE {place.where("l")}
              AND r.counted_on BETWEEN :first AND :last
            GROUP BY 1
        """
        params = {**place.params(), "first": window.start or date.min, "last": window.end or date.max}
        return {row.key: [row.learners, row.completed] for row in await self._rows(sql, params)}

    async def report(self, group_by: GroupBy, place: Place, window: Window) -> CoverageReport:
        counts, total = await self._counts_and_total(group_by, place, window)
        labels = await self._labels(group_by, counts)
        items = [
            CoverageItem(
                key=key, label=labels.get(key, key), learners=n, completed=c, completion_rate=ratio(c, n)
            )
            for key, (n, c) in counts.items()
        ]
        totals = CoverageTotals(
            learners=total[0], completed=total[1], completion_rate=ratio(total[1], total[0])
        )
        if group_by is GroupBy.ETHNICITY:
            items, totals = suppress_small_cells(items, totals)
        if group_by is GroupBy.COMMUNE:
            adults = await self.population(place)
            for item in items:
                item.population = adults.get(item.key)
                item.coverage = (
                    None if item.population is None else ratio(item.learners or 0, item.population)
                )
            if adults:
                totals.population = sum(adults.values())
                counted = sum(item.learners or 0 for item in items if item.key in adults)
                totals.coverage = ratio(counted, totals.population)
        return CoverageReport(
            group_by=group_by,
            province_code=place.province_code,
            commune_code=place.commune_code,
            from_=window.start,
            to=window.end,
            items=sorted(items, key=_order(group_by)),
            totals=totals,
        )

    async def _labels(self, group_by: GroupBy, counts: dict[str, list[int]]) -> dict[str, str]:
        if group_by is GroupBy.COMMUNE:
            return {code: c.name for code in counts if (c := localities.commune(code)) is not None}
        if group_by is GroupBy.CATEGORY:
            return {key: CATEGORY_LABELS[Category(key)] for key in counts}
        if group_by is GroupBy.GENDER:
            return {key: GENDER_LABELS[Gender(key)] for key in counts}
        if group_by is GroupBy.MONTH:
            return {key: f"{key[5:7]}/{key[:4]}" for key in counts}
        if group_by is GroupBy.COURSE:
            return await self.course_titles()
        return {"": "Chưa rõ"}


def empty_report(group_by: GroupBy, place: Place, window: Window) -> CoverageReport:
    """The report of a window without a day in it."""
    return CoverageReport(
        group_by=group_by,
        province_code=place.province_code,
        commune_code=place.commune_code,
        from_=window.start,
        to=window.end,
        items=[],
        totals=CoverageTotals(learners=0, completed=0, completion_rate=Decimal(0)),
    )


def merge_small_cells(items: list[CoverageItem]) -> list[CoverageItem]:
    """Ethnicity is sensitive: groups of fewer than five learners are merged into one "other" group."""
    kept: list[CoverageItem] = []
    small: list[CoverageItem] = []
    for item in items:
        item = item.model_copy(update={"key": item.key or UNKNOWN})
        (small if (item.learners or 0) < SMALL_CELL else kept).append(item)
    if small:
        learners = sum(i.learners or 0 for i in small)
        completed = sum(i.completed or 0 for i in small)
        kept.append(
            CoverageItem(
                key=OTHER,
                label="Khác",
                learners=learners,
                completed=completed,
                completion_rate=ratio(completed, learners),
            )
        )
    return kept


def _hidden(item: CoverageItem) -> CoverageItem:
    return item.model_copy(
        update={"learners": None, "completed": None, "completion_rate": None, "suppressed": True}
    )


def suppress_small_cells(
    items: list[CoverageItem], totals: CoverageTotals
) -> tuple[list[CoverageItem], CoverageTotals]:
    """Small cells that subtraction cannot undo. After merging (`merge_small_cells`), the group "other" is
    itself hidden when under five; and since the totals minus the cells shown would then give it back, a
    second cell is hidden with it (the smallest one shown: complementary suppression). When there is no
    second cell, the totals are hidden instead. Hidden cells keep their key and say `suppressed`."""
    cells = merge_small_cells(items)
    hidden = {i for i, cell in enumerate(cells) if cell.key == OTHER and (cell.learners or 0) < SMALL_CELL}
    if len(hidden) == 1:
        shown = [i for i in range(len(cells)) if i not in hidden]
        if shown:
            hidden.add(min(shown, key=lambda i: (cells[i].learners or 0, cells[i].key)))
        else:
            totals = totals.model_copy(update={"learners": None, "completed": None, "completion_rate": None})
    return [_hidden(cell) if i in hidden else cell for i, cell in enumerate(cells)], totals


def _order(group_by: GroupBy) -> Any:
    if group_by is GroupBy.MONTH:
        return lambda item: item.key
    if group_by is GroupBy.COMMUNE:
        return lambda item: fold(item.label)
    return lambda item: (item.key == OTHER, -(item.learners or 0), item.key)


# A learner counts as completed when no course required for their category lacks a completed record
# (so a learner whose category has no required course counts as completed).
UNIT_RATES = text(
    """
    WITH staff AS (
        SELECT id, unit_code, category FROM literacy.learner WHERE unit_code = ANY(:codes)
    ), required AS (
        SELECT code, unnest(required_for) AS category FROM literacy.course
    ), missing AS (
        SELECT DISTINCT s.id
        FROM staff s JOIN required r ON r.category = s.category
        WHERE NOT EXISTS (
            SELECT 1 FROM literacy.training_record t
            WHERE t.learner_id = s.id AND t.course_code = r.code AND t.status = 'completed'
        )
    )
    SELECT s.unit_code, count(*) AS staff_learners,
           count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM missing m WHERE m.id = s.id)) AS completed_required
    FROM staff s GROUP BY s.unit_code
    """
)


async def unit_counts(session: AsyncSession, codes: list[str]) -> dict[str, tuple[int, int]]:
    """Per unit: its learners, and those who completed every course required for their category."""
    rows = await session.execute(UNIT_RATES, {"codes": codes})
    return {row.unit_code: (row.staff_learners, row.completed_required) for row in rows}


async def set_population(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    statement = insert(Population).values(rows)
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=[Population.commune_code],
            set_={
                "adults": statement.excluded.adults,
                "reference_year": statement.excluded.reference_year,
                "updated_by": statement.excluded.updated_by,
                "updated_at": func.now(),
            },
        )
    )


async def population_figures(session: AsyncSession, province_code: str | None) -> list[Population]:
    statement = select(Population).order_by(Population.commune_code)
    if province_code is not None:
        statement = statement.where(Population.province_code == province_code)
    return list(await session.scalars(statement))
