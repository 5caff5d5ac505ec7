"""scoring-api as campaign-api calls it: a round's proposals become commendation dossiers; the caller's
scorecards to act on join the tasks inbox."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import httpx
from pydantic import BaseModel, ValidationError

from service_kit.errors import DependencyUnavailable, NotFound
from service_kit.http_client import ServiceClient


class ProposedSubject(BaseModel):
    subject_id: str
    subject_name: str
    unit_code: str
    cluster: str | None = None
    total: Decimal
    band: str | None = None


class ProposedBand(BaseModel):
    label: str
    subjects: list[ProposedSubject]


class ProposedCluster(BaseModel):
    cluster: str | None = None
    bands: list[ProposedBand]


class RoundProposals(BaseModel):
    round_id: uuid.UUID
    clusters: list[ProposedCluster]


class ScoringRound(BaseModel):
    id: uuid.UUID
    name: str
    criteria_set_id: uuid.UUID


class ScoringCriteriaSet(BaseModel):
    id: uuid.UUID
    campaign_id: uuid.UUID


class ScoringTask(BaseModel):
    kind: str
    title: str
    link: str
    due_on: date | None = None


class ScoringTasks(BaseModel):
    items: list[ScoringTask]


class ScoringClient(ServiceClient):
    service_name = "scoring-api"

    def unavailable(self) -> DependencyUnavailable:
        return DependencyUnavailable(
            code="scoring.unavailable", params={"service": self.service_name}, service=self.service_name
        )

    async def _get(
        self, path: str, model: type[BaseModel], *, headers: dict[str, str] | None = None
    ) -> BaseModel:
        try:
            response = await self.request("GET", path, headers=headers)
        except (httpx.HTTPError, DependencyUnavailable):
            raise self.unavailable() from None
        if response.status_code == 404:
            raise NotFound(code="scoring.round_not_found")
        if response.is_error:
            raise self.unavailable()
        try:
            return model.model_validate_json(response.content)
        except ValidationError:
            raise self.unavailable() from None

    async def round_campaign(self, round_id: uuid.UUID) -> tuple[ScoringRound, uuid.UUID]:
        scoring_round = await self._get(f"/v1/rounds/{round_id}", ScoringRound)
        assert isinstance(scoring_round, ScoringRound)
        criteria = await self._get(f"/v1/criteria-sets/{scoring_round.criteria_set_id}", ScoringCriteriaSet)
        assert isinstance(criteria, ScoringCriteriaSet)
        return scoring_round, criteria.campaign_id

    async def proposals(self, round_id: uuid.UUID) -> RoundProposals:
        proposals = await self._get(f"/v1/rounds/{round_id}/proposals", RoundProposals)
        assert isinstance(proposals, RoundProposals)
        return proposals

    async def my_tasks(self, authorization: str) -> list[ScoringTask]:
        """The caller's scorecards to act on, asked with the caller's own token (this client has none)."""
        tasks = await self._get("/v1/me/tasks", ScoringTasks, headers={"Authorization": authorization})
        assert isinstance(tasks, ScoringTasks)
        return tasks.items
