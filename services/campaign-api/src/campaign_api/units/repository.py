"""SQL of the units directory (the tree is walked with recursive CTEs)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Select, literal, select
from sqlalchemy.ext.asyncio import AsyncSession

from campaign_api.units.models import Unit
from service_kit.pagination import PageParams, paginate


async def get(session: AsyncSession, code: str, *, for_update: bool = False) -> Unit | None:
    statement = select(Unit).where(Unit.code == code)
    if for_update:
        statement = statement.with_for_update()
    unit: Unit | None = await session.scalar(statement)
    return unit


def query(
    *,
    parent_code: str | None = None,
    kind: str | None = None,
    cluster: str | None = None,
    province_code: str | None = None,
    folded_words: list[str] | None = None,
) -> Select[Unit]:
    statement = select(Unit).order_by(Unit.code)
    if parent_code is not None:
        statement = statement.where(Unit.parent_code == parent_code)
    if kind is not None:
        statement = statement.where(Unit.kind == kind)
    if cluster is not None:
        statement = statement.where(Unit.cluster == cluster)
    if province_code is not None:
        statement = statement.where(Unit.province_code == province_code)
    for word in folded_words or []:
        statement = statement.where(
            Unit.name_folded.contains(word, autoescape=True) | Unit.code.icontains(word, autoescape=True)
        )
    return statement


async def descendants(session: AsyncSession, code: str) -> list[tuple[str, str, str | None, str | None, int]]:
    """Every unit below `code` as (code, name, parent_code, commune_code, depth), depth 1 for children."""
    columns = (Unit.code, Unit.name, Unit.parent_code, Unit.commune_code)
    tree = (
        select(*columns, literal(1).label("depth"))
        .where(Unit.parent_code == code)
        .cte("subtree", recursive=True)
    )
    child = select(*columns, (tree.c.depth + 1).label("depth")).join(tree, Unit.parent_code == tree.c.code)
    tree = tree.union_all(child)
    rows = await session.execute(select(tree).order_by(tree.c.depth, tree.c.code))
    return [(row.code, row.name, row.parent_code, row.commune_code, row.depth) for row in rows]


async def with_descendants(session: AsyncSession, codes: Iterable[str]) -> list[tuple[str, str | None]]:
    """The units `codes` and every unit below them, as (code, commune_code): a manager's scope."""
    wanted = list(set(codes))
    if not wanted:
        return []
    columns = (Unit.code, Unit.commune_code)
    tree = select(*columns).where(Unit.code.in_(wanted)).cte("scope", recursive=True)
    tree = tree.union(select(*columns).join(tree, Unit.parent_code == tree.c.code))
    rows = await session.execute(select(tree.c.code, tree.c.commune_code))
    return [(row.code, row.commune_code) for row in rows]


async def page(session: AsyncSession, statement: Select[Unit], params: PageParams) -> tuple[list[Unit], int]:
    return await paginate(session, statement, params)


async def existing_codes(session: AsyncSession, codes: Iterable[str]) -> set[str]:
    wanted = list(set(codes))
    if not wanted:
        return set()
    return set(await session.scalars(select(Unit.code).where(Unit.code.in_(wanted))))


async def units_by_code(session: AsyncSession, codes: Iterable[str]) -> dict[str, Unit]:
    wanted = list(set(codes))
    if not wanted:
        return {}
    return {unit.code: unit for unit in await session.scalars(select(Unit).where(Unit.code.in_(wanted)))}
