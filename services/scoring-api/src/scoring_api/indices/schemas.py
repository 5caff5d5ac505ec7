"""What the composite-index endpoints accept and return: frameworks (a tree of pillars → indices →
indicators), values, runs and their uncertainty."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from scoring_api.fields import Code, Name, Title, UnitCode
from scoring_api.indices.compute import Aggregation, MissingRule, Normalisation
from service_kit.pagination import Page
from service_kit.types import StrictModel, omittable


def _json_number(value: Any) -> Any:
    if isinstance(value, bool | str | bytes):
        raise ValueError("a JSON number, not a string or a boolean")
    return value


Weight = Annotated[float, BeforeValidator(_json_number), Field(ge=0, le=1_000_000, allow_inf_nan=False)]
"""A node's weight among its siblings (points, or any relative weight): 0 to 1,000,000."""

Measure = Annotated[float, BeforeValidator(_json_number), Field(ge=-1e12, le=1e12, allow_inf_nan=False)]
"""An indicator's raw value, a target or a goalpost: a finite JSON number within ±10¹²."""

Samples = Annotated[int, BeforeValidator(_json_number), Field(ge=16, le=20_000)]
Seed = Annotated[int, BeforeValidator(_json_number), Field(ge=0, le=2_147_483_647)]
Spread = Annotated[float, BeforeValidator(_json_number), Field(ge=0, le=0.9, allow_inf_nan=False)]


class Source(StrEnum):
    MANUAL = "manual"
    UPLOADED = "uploaded"
    TARGET_PROGRESS = "target_progress"
    TRAINING_RATE = "training_rate"
    COVERAGE = "coverage"
    CONTEST_PARTICIPATION = "contest_participation"


VALUE_SOURCES = (Source.MANUAL, Source.UPLOADED)
"""The sources whose values are sent to the framework (JSON or xlsx); the others are fetched."""


class SubjectKind(StrEnum):
    COMMUNE = "commune"
    DEPARTMENT = "department"
    UNIT = "unit"


class Outliers(StrEnum):
    WINSORISE = "winsorise"
    NONE = "none"


class FrameworkAction(StrEnum):
    EDIT = "edit"
    PUBLISH = "publish"
    COPY = "copy"
    VALUES = "values"
    RUN = "run"


class FrameworkListAction(StrEnum):
    CREATE = "create"


class RunAction(StrEnum):
    UNCERTAINTY = "uncertainty"
    EXPORT = "export"


class IndicatorIn(StrictModel):
    source: Source = Source.MANUAL
    target_code: Code | None = Field(default=None, description="The campaign's target (target_progress)")
    direction: Literal[1, -1] = Field(default=1, description="+1: more is better; −1: less is better")
    normalisation: Normalisation = Normalisation.MINMAX
    target: Measure | None = Field(default=None, description="The target of distance_to_target")
    goalposts: list[Measure] | None = Field(
        default=None, min_length=2, max_length=2, description="[low, high] of goalposts (low < high)"
    )


class NodeIn(StrictModel):
    """A pillar, an index or an indicator: a node has `children` or is an `indicator`, not both."""

    code: Code
    title: Title
    weight: Weight = 1.0
    aggregation: Aggregation = Aggregation.ARITHMETIC
    children: list[NodeIn] | None = Field(default=None, max_length=100)
    indicator: IndicatorIn | None = None


class FrameworkCreate(StrictModel):
    """A new framework (a draft). With `total_points`, the pillars' weights add up to it and each node's
    children's weights to the node's; without, weights are relative among siblings."""

    name: Name
    subject_kind: SubjectKind
    campaign_id: uuid.UUID | None = Field(
        default=None, description="The campaign whose participants, clusters and targets the index reads"
    )
    aggregation: Aggregation = Field(
        default=Aggregation.ARITHMETIC, description="How the pillars make the overall score"
    )
    missing: MissingRule = MissingRule.REWEIGHT
    outliers: Outliers = Outliers.WINSORISE
    total_points: Weight | None = None
    nodes: list[NodeIn] = Field(min_length=1, max_length=50)


class FrameworkUpdate(StrictModel):
    """A change of a draft framework: each field may be left out, none set to `null`."""

    name: Name = omittable()
    aggregation: Aggregation = omittable()
    missing: MissingRule = omittable()
    outliers: Outliers = omittable()
    nodes: list[NodeIn] = omittable(min_length=1, max_length=50)


class FrameworkCopy(StrictModel):
    name: Name = omittable()


class FrameworkOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    subject_kind: SubjectKind
    campaign_id: uuid.UUID | None
    version: int
    status: str
    aggregation: Aggregation
    missing: MissingRule
    outliers: Outliers
    total_points: float | None
    nodes: list[NodeIn]
    copied_from: uuid.UUID | None
    created_at: datetime
    published_at: datetime | None
    allowed_actions: list[FrameworkAction] = Field(default_factory=list)


class FrameworkPage(Page[FrameworkOut]):
    allowed_actions: list[FrameworkListAction] = Field(default_factory=list)


class ValueIn(StrictModel):
    subject_code: UnitCode
    indicator_code: Code
    value: Measure


class ValuesIn(StrictModel):
    items: list[ValueIn] = Field(min_length=1, max_length=5_000)


class ValuesOut(BaseModel):
    framework_id: uuid.UUID
    written: int
    total: int = Field(description="Values the framework holds now")


class RunCreate(StrictModel):
    framework_id: uuid.UUID
    period: Code = Field(description="The period the run is for (e.g. 2025)")
    subject_codes: list[UnitCode] | None = Field(default=None, min_length=1, max_length=10_000)


class PillarResult(BaseModel):
    code: str
    score: float | None
    rank: int | None


class UnitResult(BaseModel):
    subject_code: str
    subject_name: str | None = Field(
        default=None, description="The unit's name (the campaign's participants or the unit directory)"
    )
    cluster: str | None
    score: float | None
    rank: int | None
    cluster_rank: int | None
    previous_rank: int | None
    rank_change: int | None = Field(description="previous rank − this rank (positive: moved up)")
    pillars: list[PillarResult]
    missing: list[str] = Field(description="Indicators without a value for this unit")


class SourceReport(BaseModel):
    source: str = Field(
        description="A source of indicators, `participants` (the campaign's units) or `unit_names` (the directory)"
    )
    indicators: list[str]
    status: str = Field(
        description="ok, unavailable (the service did not answer) or not_available (nothing to read it from)"
    )


class RunReport(BaseModel):
    sources: list[SourceReport]
    missing_values: int
    imputed: int
    winsorised: dict[str, int]
    still_skewed: list[str]


class RankInterval(BaseModel):
    subject_code: str
    subject_name: str | None = None
    nominal: int | None
    median: float
    p05: float
    p95: float
    mean_abs_shift: float


class Sensitivity(BaseModel):
    input: str
    first_order: float
    total: float


class UncertaintyIn(StrictModel):
    samples: Samples = 1000
    weight_spread: Spread = Field(default=0.25, description="Each weight varies by ± this share")
    normalisations: list[Normalisation] | None = Field(default=None, max_length=6)
    aggregations: list[Aggregation] | None = Field(default=None, max_length=3)
    seed: Seed = 1


class UncertaintyOut(BaseModel):
    samples: int = Field(description="Model evaluations made (Saltelli/Sobol design: N × (inputs + 2))")
    seed: int
    ranks: list[RankInterval]
    sensitivity: list[Sensitivity]


class RunOut(BaseModel):
    id: uuid.UUID
    framework_id: uuid.UUID
    period: str
    previous_run_id: uuid.UUID | None
    created_at: datetime
    results: list[UnitResult]
    report: RunReport
    uncertainty: UncertaintyOut | None = None
    allowed_actions: list[RunAction] = Field(default_factory=list)


class RunSummary(BaseModel):
    id: uuid.UUID
    framework_id: uuid.UUID
    period: str
    created_at: datetime


class RunPage(Page[RunSummary]):
    pass
