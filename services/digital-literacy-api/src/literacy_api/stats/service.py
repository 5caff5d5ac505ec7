"""Rules of the statistics: units' completion rates in the order asked, coverage over valid places and
windows (ethnicity for oversight only), population figures of known communes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from literacy_api import access
from literacy_api.database import audit_trail
from literacy_api.learners.service import province_of
from literacy_api.stats import repository
from literacy_api.stats.repository import CoverageQueries, Place, Window, empty_report
from literacy_api.stats.schemas import (
    CoverageReport,
    GroupBy,
    PopulationAction,
    PopulationIn,
    PopulationOut,
    PopulationPage,
    UnitRate,
)
from reference_data.localities import localities
from service_kit.access import Actor
from service_kit.errors import conflicting_field, field_error
from service_kit.pagination import Page

RATE_PLACES = Decimal("0.0001")


@dataclass(kw_only=True)
class StatisticsService:
    session: AsyncSession

    async def unit_rates(self, codes: str) -> Page[UnitRate]:
        wanted = list(dict.fromkeys(code.strip() for code in codes.split(",") if code.strip()))
        counts = await repository.unit_counts(self.session, wanted)
        items = []
        for code in wanted:
            staff, completed = counts.get(code, (0, 0))
            rate = (Decimal(completed) / Decimal(staff) if staff else Decimal(0)).quantize(
                RATE_PLACES, ROUND_HALF_UP
            )
            items.append(
                UnitRate(unit_code=code, staff_learners=staff, completed_required=completed, rate=rate)
            )
        return Page(items=items, total=len(items))

    async def coverage(
        self,
        actor: Actor,
        group_by: GroupBy,
        *,
        province_code: str | None,
        commune_code: str | None,
        from_: date | None,
        to: date | None,
    ) -> CoverageReport:
        if group_by is GroupBy.ETHNICITY:
            access.COVERAGE.ensure(actor, "group_by_ethnicity", None)
        if commune_code is not None:
            commune_province = localities.province_of_commune(commune_code)
            if commune_province is None:
                raise field_error("commune_code", code="locality.unknown_commune", commune_code=commune_code)
            if province_code not in (None, commune_province):
                raise conflicting_field(
                    "commune_code",
                    code="locality.commune_outside_province",
                    commune_code=commune_code,
                    province_code=province_code,
                )
            province_code = commune_province
        elif province_code is not None and localities.province(province_code) is None:
            raise field_error("province_code", code="locality.unknown_province", province_code=province_code)
        place = Place(province_code, commune_code)
        if from_ is not None and to is not None and from_ > to:
            # A window that ends before it starts holds no day: nobody is counted in it.
            return empty_report(group_by, place, Window(from_, to))
        return await CoverageQueries(session=self.session).report(group_by, place, Window(from_, to))

    def _page(self, actor: Actor, items: list[PopulationOut]) -> PopulationPage:
        return PopulationPage(
            items=items,
            total=len(items),
            allowed_actions=access.actions(access.POPULATION, PopulationAction, actor, None),
        )

    async def set_population(self, actor: Actor, data: PopulationIn) -> PopulationPage:
        # A commune named twice takes its last figure (one statement cannot set a row twice).
        last = {figure.commune_code: (index, figure) for index, figure in enumerate(data.items)}
        rows = [
            {
                **figure.model_dump(),
                "province_code": province_of(figure.commune_code, f"items.{index}.commune_code"),
                "updated_by": actor.subject,
            }
            for index, figure in sorted(last.values(), key=lambda pair: pair[0])
        ]
        await repository.set_population(self.session, rows)
        await audit_trail.record(
            self.session,
            actor=actor,
            action="population.set",
            object_type="population",
            object_id=",".join(sorted({row["province_code"] for row in rows})),
            after={"communes": len(rows)},
        )
        return self._page(
            actor, [PopulationOut(**{k: v for k, v in row.items() if k != "updated_by"}) for row in rows]
        )

    async def population(self, actor: Actor, province_code: str | None) -> PopulationPage:
        figures = await repository.population_figures(self.session, province_code)
        return self._page(
            actor,
            [
                PopulationOut(
                    commune_code=p.commune_code,
                    adults=p.adults,
                    reference_year=p.reference_year,
                    province_code=p.province_code,
                )
                for p in figures
            ],
        )
