"""What the round endpoints accept and return."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from scoring_api.fields import Day, Name, Share
from service_kit.pagination import Page
from service_kit.types import StrictModel


class RoundAction(StrEnum):
    """What a caller may do with one round (its `allowed_actions`)."""

    GENERATE = "generate"
    ADD_SCORECARD = "add_scorecard"
    COMPUTE = "compute"
    EXPORT = "export"


class RoundListAction(StrEnum):
    """What a caller may do with the list of rounds."""

    CREATE = "create"


class RoundCreate(StrictModel):
    """A round over a period (its end on or after its start: 422 `round.ends_before_start` otherwise)."""

    criteria_set_id: uuid.UUID
    name: Name
    period_start: Day
    period_end: Day
    top_band_max_share: Share | None = Field(
        default=None,
        description="The top band may hold at most this share of a cluster (0.01 to 1, e.g. 0.2)",
    )


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
