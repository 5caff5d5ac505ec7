"""What the statistics endpoints accept and return."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from literacy_api.inputs import WHOLE, CommuneCode
from service_kit.pagination import Page
from service_kit.types import StrictModel

THIS_YEAR = datetime.now(UTC).year


class PopulationAction(StrEnum):
    EDIT = "edit"


class GroupBy(StrEnum):
    COMMUNE = "commune"
    CATEGORY = "category"
    GENDER = "gender"
    ETHNICITY = "ethnicity"
    MONTH = "month"
    COURSE = "course"


class CoverageItem(BaseModel):
    key: str
    label: str
    learners: int | None = Field(
        description="distinct learners with at least one counted record (null when suppressed)"
    )
    completed: int | None = Field(
        description="distinct learners with at least one counted completed record (null when suppressed)"
    )
    completion_rate: Decimal | None = Field(
        description="completed / learners, 4 places (0 without learners; null when suppressed)"
    )
    suppressed: bool = Field(
        default=False,
        description="group_by=ethnicity: a small cell (or its complement) hidden so that it cannot be recovered",
    )
    population: int | None = Field(default=None, description="adults of the commune (group_by=commune)")
    coverage: Decimal | None = Field(default=None, description="learners / population, 4 places")


class CoverageTotals(BaseModel):
    learners: int | None = Field(
        description="null only for group_by=ethnicity when its one hidden cell would be the totals"
    )
    completed: int | None
    completion_rate: Decimal | None
    population: int | None = Field(
        default=None, description="adults of the communes with figures (group_by=commune)"
    )
    coverage: Decimal | None = Field(
        default=None, description="learners of those communes / their adults (group_by=commune)"
    )


class CoverageReport(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    group_by: GroupBy
    province_code: str | None
    commune_code: str | None
    from_: date | None = Field(default=None, alias="from")
    to: date | None = None
    items: list[CoverageItem]
    totals: CoverageTotals


class PopulationFigure(StrictModel):
    commune_code: CommuneCode
    adults: Annotated[int, WHOLE] = Field(
        gt=0, le=5_000_000, description="adults (15 and over) living in the commune"
    )
    reference_year: Annotated[int, Field(ge=2000, le=THIS_YEAR), WHOLE] | None = Field(
        default=None, description="the year the figure counts (not one to come)"
    )


class PopulationIn(StrictModel):
    items: list[PopulationFigure] = Field(min_length=1, max_length=5_000)


class PopulationOut(PopulationFigure):
    province_code: str


class UnitRate(BaseModel):
    unit_code: str
    staff_learners: int
    completed_required: int
    rate: Decimal = Field(description="completed_required / staff_learners (0 when the unit has no learners)")


class PopulationPage(Page[PopulationOut]):
    allowed_actions: list[PopulationAction] = Field(
        default_factory=list, description='["edit"] when the caller may set population figures'
    )
