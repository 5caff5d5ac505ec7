"""The statistics queries: units' completion of required courses, population figures, and coverage from
the rollups: distinct learners and completers per commune, category, gender, ethnicity, month or course,
over any date window.

Whole months of the window are read from the rollups (months minus consecutive-month pairs counts each
learner once); the days of a window that cut a month short are read from the records of those days only
(indexed by `counted_on`), keeping just the learners the whole months did not count already.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, field
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

# group_by → the learner attribute it reads (the same name in the rollups and the learner table).
ATTRIBUTE = {
    GroupBy.COMMUNE: "commune_code",
    GroupBy.CATEGORY: "category",
    GroupBy.GENDER: "gender",
    GroupBy.ETHNICITY: "ethnicity",
}


def ratio(part: int, whole: int) -> Decimal:
    return (Decimal(part) / Decimal(whole)).quantize(PLACES, ROUND_HALF_UP) if whole else Decimal(0)


def _month_end(month: date) -> date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


@dataclass(frozen=True)
class Window:
    """A date window split into the whole months it covers and the days at its edges."""

    start: date | None
    end: date | None
    whole_months: tuple[date, date] | None = field(init=False)
    edges: tuple[tuple[date, date], ...] = field(init=False)

    def __post_init__(self) -> None:
        first = date.min if self.start is None else self.start
        last = date.max if self.end is None else self.end
        first_month = first if first.day == 1 else _month_end(first) + timedelta(days=1)
        last_month = (
            last.replace(day=1) if last == _month_end(last) else last.replace(day=1) - timedelta(days=1)
        )
        last_month = last_month.replace(day=1)
        if first_month > last_month:
            object.__setattr__(self, "whole_months", None)
            object.__setattr__(self, "edges", ((first, last),))
            return
        object.__setattr__(self, "whole_months", (first_month, last_month))
        edges = []
        if first < first_month:
            edges.append((first, first_month - timedelta(days=1)))
        if last > _month_end(last_month):
            edges.append((_month_end(last_month) + timedelta(days=1), last))
        object.__setattr__(self, "edges", tuple(edges))


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


def _edge_clause(window: Window, alias: str, params: dict[str, Any]) -> str:
    ranges = []
    for index, (first, last) in enumerate(window.edges):
        params[f"edge_{index}_first"], params[f"edge_{index}_last"] = first, last
        ranges.append(f"{alias}.counted_on BETWEEN :edge_{index}_first AND :edge_{index}_last")
    return "(" + " OR ".join(ranges) + ")"


@dataclass(kw_only=True)
class CoverageQueries:
    session: AsyncSession

    async def _rows(self, sql: str, params: dict[str, Any]) -> Iterable[Any]:
        return (await self.session.execute(text(sql), params)).all()

    async def by_attribute(self, attribute: str | None, place: Place, window: Window) -> dict[str, list[int]]:
        """Distinct learners and completers per value of a learner attribute (None: one total, key '')."""
        key = "''" if attribute is None else f"x.{attribute}"
        counts: dict[str, list[int]] = {}
        params = place.params()
        if window.whole_months is not None:
            params["first_month"], params["last_month"] = window.whole_months
            sql = f"""
                SELECT key, sum(learners) AS learners, sum(completed) AS completed FROM (
                    SELECT {key} AS key, x.learners, x.completed FROM literacy.coverage_month x
                    WHERE {place.where("x")} AND x.month BETWEEN :first_month AND :last_month
                    UNION ALL
                    SELECT {key}, -x.learners, -x.completed FROM literacy.coverage_month_pair x
                    WHERE {place.where("x")} AND x.month >= :first_month AND x.next_month <= :last_month
                ) counted GROUP BY key
            """  # noqa: S608 - attribute and clauses are chosen from constants, values are bound
            for row in await self._rows(sql, params):
                counts[row.key] = [row.learners, row.completed]
        if window.edges:
            params = place.params()
            edge = _edge_clause(window, "r", params)
            outside_whole_months = ""
            outside_whole_completed = ""
            if window.whole_months is not None:
                params["whole_first"] = window.whole_months[0]
                params["whole_last"] = _month_end(window.whole_months[1])
                inside = (
                    "SELECT 1 FROM literacy.training_record i WHERE i.learner_id = e.learner_id"
                    " AND i.counted_on BETWEEN :whole_first AND :whole_last"
                )
                outside_whole_months = f"WHERE NOT EXISTS ({inside})"
                outside_whole_completed = f"AND NOT EXISTS ({inside} AND i.status = 'completed')"
            key = "''" if attribute is None else f"coalesce(l.{attribute}, '')"
            sql = f"""
                WITH edge AS (
                    SELECT r.learner_id, bool_or(r.status = 'completed') AS done
                    FROM literacy.training_record r
                    WHERE {edge} AND {place.where("r")}
                    GROUP BY r.learner_id
                )
                SELECT {key} AS key,
                       count(*) FILTER ({outside_whole_months or "WHERE TRUE"}) AS learners,
                       count(*) FILTER (WHERE e.done {outside_whole_completed}) AS completed
                FROM edge e JOIN literacy.learner l ON l.id = e.learner_id
                WHERE {place.where("l")}
                GROUP BY 1
            """  # noqa: S608 - as above
            for row in await self._rows(sql, params):
                current = counts.setdefault(row.key, [0, 0])
                current[0] += row.learners
                current[1] += row.completed
        return counts

    async def by_month(self, place: Place, window: Window) -> dict[str, list[int]]:
        counts: dict[str, list[int]] = {}
        params = place.params()
        if window.whole_months is not None:
            params["first_month"], params["last_month"] = window.whole_months
            sql = f"""
                SELECT to_char(x.month, 'YYYY-MM') AS key, sum(x.learners) AS learners,
                       sum(x.completed) AS completed
                FROM literacy.coverage_month x
                WHERE {place.where("x")} AND x.month BETWEEN :first_month AND :last_month
                GROUP BY 1
            """  # noqa: S608 - as above
            counts.update({row.key: [row.learners, row.completed] for row in await self._rows(sql, params)})
        if window.edges:
            # The edge days lie in months the whole-month part does not cover: their counts just add.
            params = place.params()
            sql = f"""
                SELECT to_char(r.counted_on, 'YYYY-MM') AS key, count(DISTINCT r.learner_id) AS learners,
                       count(DISTINCT r.learner_id) FILTER (WHERE r.status = 'completed') AS completed
                FROM literacy.training_record r
                WHERE {_edge_clause(window, "r", params)} AND {place.where("r")}
                GROUP BY 1
            """  # noqa: S608 - as above
            counts.update({row.key: [row.learners, row.completed] for row in await self._rows(sql, params)})
        return counts

    async def by_course(self, place: Place, window: Window) -> dict[str, list[int]]:
        counts: dict[str, list[int]] = {}
        params = place.params()
        if window.whole_months is not None:
            params["first_month"], params["last_month"] = window.whole_months
            sql = f"""
                SELECT x.course_code AS key, sum(x.learners) AS learners, sum(x.completed) AS completed
                FROM literacy.coverage_course_month x
                WHERE {place.where("x")} AND x.month BETWEEN :first_month AND :last_month
                GROUP BY 1
            """  # noqa: S608 - as above
            counts.update({row.key: [row.learners, row.completed] for row in await self._rows(sql, params)})
        if window.edges:
            params = place.params()
            sql = f"""
                SELECT r.course_code AS key, count(*) AS learners,
                       count(*) FILTER (WHERE r.status = 'completed') AS completed
                FROM literacy.training_record r
                WHERE {_edge_clause(window, "r", params)} AND {place.where("r")}
                GROUP BY 1
            """  # noqa: S608 - as above
            for row in await self._rows(sql, params):
                current = counts.setdefault(row.key, [0, 0])
                current[0] += row.learners
                current[1] += row.completed
        return counts

    async def course_titles(self) -> dict[str, str]:
        return {
            row.code: row.title for row in await self._rows("SELECT code, title FROM literacy.course", {})
        }

    async def population(self, place: Place) -> dict[str, int]:
        sql = f"SELECT p.commune_code, p.adults FROM literacy.population p WHERE {place.where('p')}"  # noqa: S608
        return {row.commune_code: row.adults for row in await self._rows(sql, place.params())}

    async def counts(self, group_by: GroupBy | None, place: Place, window: Window) -> dict[str, list[int]]:
        """[learners, completed] per key (group_by None: the total, under key '')."""
        if window.edges and _mostly_edges(window):
            # Cut months are read from their records, and checking each of those learners against the whole
            # months costs more than counting the window's records directly (indexed by counted_on).
            return {k: v for k, v in (await self.recount(group_by, place, window)).items() if v[0] or v[1]}
        if group_by is GroupBy.MONTH:
            counts = await self.by_month(place, window)
        elif group_by is GroupBy.COURSE:
            counts = await self.by_course(place, window)
        else:
            counts = await self.by_attribute(None if group_by is None else ATTRIBUTE[group_by], place, window)
        return {key: value for key, value in counts.items() if value[0] or value[1]}

    async def recount(self, group_by: GroupBy | None, place: Place, window: Window) -> dict[str, list[int]]:
        """The contract's definition read straight from the records (those of the window, by `counted_on`).
        Over all records it is the GROUP BY the rollups exist to avoid: the tests hold the rollups to it and
        the benchmark measures against it. It answers windows made mostly of cut months."""
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
        """  # noqa: S608 - as above
        params = {**place.params(), "first": window.start or date.min, "last": window.end or date.max}
        return {row.key: [row.learners, row.completed] for row in await self._rows(sql, params)}

    async def report(self, group_by: GroupBy, place: Place, window: Window) -> CoverageReport:
        counts = await self.counts(group_by, place, window)
        total = (await self.counts(None, place, window)).get("", [0, 0])
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


def _mostly_edges(window: Window) -> bool:
    """More than a quarter of the window lies in months it cuts short (or it covers no whole month)."""
    if window.whole_months is None:
        return True
    edge_days = sum((last - first).days + 1 for first, last in window.edges)
    whole_days = (_month_end(window.whole_months[1]) - window.whole_months[0]).days + 1
    return edge_days * 3 > whole_days


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
