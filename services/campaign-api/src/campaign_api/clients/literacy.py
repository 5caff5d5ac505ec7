"""digital-literacy-api as campaign-api calls it (learner sign-up asks it who a learner is)."""

from __future__ import annotations

import uuid
from datetime import date

from pydantic import BaseModel

from service_kit.errors import DependencyUnavailable
from service_kit.http_client import ServiceClient


class LearnerMatch(BaseModel):
    learner_id: uuid.UUID


class LiteracyClient(ServiceClient):
    service_name = "digital-literacy-api"

    async def match_learner(self, national_id: str, date_of_birth: date) -> uuid.UUID | None:
        """The learner with this national ID and birth date, or None when there is none."""
        response = await self.request(
            "POST",
            "/v1/learners/match",
            json={"national_id": national_id, "date_of_birth": date_of_birth.isoformat()},
            idempotent=True,  # a look-up: safe to repeat
        )
        if response.status_code == 404:
            return None
        if response.is_error:
            raise DependencyUnavailable(
                code="literacy.unavailable", params={"service": self.service_name}, service=self.service_name
            )
        return LearnerMatch.model_validate_json(response.content).learner_id
