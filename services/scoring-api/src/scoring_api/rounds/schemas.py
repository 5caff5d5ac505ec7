"""What the round endpoints accept and return."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from scoring_api.criteria.schemas import Title
from service_kit.pagination import Page


class RoundAction(StrEnum):
    """What a caller may do with one round (its `allowed_actions`)."""

    GENERATE = "generate"
    ADD_SCORECARD = "add_scorecard"
    COMPUTE = "compute"
    EXPORT = "export"


class RoundListAction(StrEnum):
    """What a caller may do with the list of rounds."""

    CREATE = "create"


class RoundCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    criteria_set_id: uuid.UUID
    name: Title
    period_start: date
    period_end: date
    top_band_max_share: Decimal | None = Field(
        default=None,
        gt=0,
        le=1,
        description="The top band may hold at most this share of a cluster (e.g. 0.2)",
    )

    @model_validator(mode="after")
    def _dates(self) -> Self:
        if self.period_end < self.period_start:
            raise ValueError("period_end is before period_start")
        return self


class RoundOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    criteria_set_id: uuid.UUID
    name: str
    period_start: date
    period_end: date
    top_band_max_share: Decimal | None
    created_at: datetime
    allowed_actions: list[RoundAction] = Field(
        default_factory=list, description="What the caller may do with this round now"
    )


class RoundPage(Page[RoundOut]):
    allowed_actions: list[RoundListAction] = Field(
        default_factory=list, description="What the caller may do with the list (open a round)"
    )
