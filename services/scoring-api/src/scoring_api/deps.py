"""Dependencies shared by scoring-api's routers: who is calling (`ActorDep`, with a manager's unit scope
resolved once), and the chained loaders that fetch an object or answer 404, then ask the access policy
for the action the route takes (`ScorecardDep`, `scorecard_for(...)`, `RoundDep`, `CriteriaSetDep`, ...)."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Request, Response

from scoring_api.access import CRITERIA_SETS, INDEX_FRAMEWORKS, INDEX_RUNS, ROUNDS, SCORECARDS, TASKS
from scoring_api.clients.campaign import CampaignClient
from scoring_api.clients.literacy import LiteracyClient
from scoring_api.criteria.models import CriteriaSet
from scoring_api.criteria.repository import CriteriaSetRepository
from scoring_api.indices.models import IndexFramework, IndexRun
from scoring_api.indices.repository import FrameworkRepository, RunRepository
from scoring_api.rounds.models import Round
from scoring_api.rounds.repository import RoundRepository
from scoring_api.scorecards.models import Scorecard
from scoring_api.scorecards.repository import ScorecardRepository
from service_kit.access import READ, Actor, Policy, ScopeSource, actor_dependency
from service_kit.caching import conditional
from service_kit.db import SessionDep
from service_kit.errors import NotFound

T = TypeVar("T")

VARY = "Authorization"
"""Representations carry the caller's `allowed_actions`: a cache keeps one per token."""
ETAG_HEADERS: dict[str, Any] = {
    "ETag": {"description": "The version of this representation", "schema": {"type": "string"}},
    "Vary": {
        "description": "`Authorization`: the representation depends on the caller",
        "schema": {"type": "string"},
    },
}
NOT_MODIFIED: dict[str, Any] = {
    "description": "Not modified: the caller's `If-None-Match` names this version",
    "headers": ETAG_HEADERS,
}
"""The 304 a conditional GET answers, for routes' `responses=`."""


def for_this_caller(request: Request, response: Response, representation: T) -> T | Response:
    """The kit's `conditional` (ETag, or 304 for a matching `If-None-Match`) for a representation that
    differs per caller: both answers say `Vary: Authorization`."""
    response.headers["Vary"] = VARY
    answer = conditional(request, response, representation)
    if isinstance(answer, Response):
        answer.headers["Vary"] = VARY
    return answer


def get_scope_source(request: Request) -> ScopeSource | None:
    """campaign-api's unit directory (the campaign client), from which managers' scopes are read."""
    source: ScopeSource | None = getattr(request.app.state, "scope_source", None)
    return source


def get_campaign_client(request: Request) -> CampaignClient:
    client: CampaignClient = request.app.state.campaign_client
    return client


def get_literacy_client(request: Request) -> LiteracyClient:
    client: LiteracyClient = request.app.state.literacy_client
    return client


get_actor = actor_dependency(get_scope_source)
ActorDep = Annotated[Actor, Depends(get_actor)]
CampaignDep = Annotated[CampaignClient, Depends(get_campaign_client)]


async def _task_reader(actor: ActorDep) -> Actor:
    TASKS.ensure(actor, READ, None)
    return actor


TaskReader = Annotated[Actor, Depends(_task_reader)]
LiteracyDep = Annotated[LiteracyClient, Depends(get_literacy_client)]


def criteria_set_for(action: str) -> Callable[..., Awaitable[CriteriaSet]]:
    """Load the set of the path (locked when the action changes it) or 404, then ask the policy."""

    async def dependency(set_id: uuid.UUID, actor: ActorDep, session: SessionDep) -> CriteriaSet:
        criteria_set = await CriteriaSetRepository(session).get(set_id, for_update=action != READ)
        if criteria_set is None:
            raise NotFound(f"No criteria set {set_id}.", code="criteria_set.not_found")
        CRITERIA_SETS.ensure(actor, action, criteria_set)
        return criteria_set

    return dependency


def round_for(action: str) -> Callable[..., Awaitable[Round]]:
    """Load the round of the path, with its criteria set, or 404, then ask the policy."""

    async def dependency(round_id: uuid.UUID, actor: ActorDep, session: SessionDep) -> Round:
        scoring_round = await RoundRepository(session).get(round_id)
        if scoring_round is None:
            raise NotFound(f"No round {round_id}.", code="round.not_found")
        ROUNDS.ensure(actor, action, scoring_round)
        return scoring_round

    return dependency


def scorecard_for(action: str) -> Callable[..., Awaitable[Scorecard]]:
    """Load the scorecard of the path (locked when the action changes it) or 404, then ask the policy:
    another unit's card is 404 to a manager."""

    async def dependency(scorecard_id: uuid.UUID, actor: ActorDep, session: SessionDep) -> Scorecard:
        scorecard = await ScorecardRepository(session).get(scorecard_id, for_update=action != READ)
        if scorecard is None:
            raise NotFound(f"No scorecard {scorecard_id}.", code="scorecard.not_found")
        SCORECARDS.ensure(actor, action, scorecard)
        return scorecard

    return dependency


async def scorecard_to_change(scorecard_id: uuid.UUID, actor: ActorDep, session: SessionDep) -> Scorecard:
    """A scorecard whose entries are about to change: readable by the caller (else 404), locked. Which
    step's fields the caller may write depends on the change: the service asks the policy
    (`access.ensure_may_score`) before anything is written."""
    scorecard = await ScorecardRepository(session).get(scorecard_id, for_update=True)
    if scorecard is None:
        raise NotFound(f"No scorecard {scorecard_id}.", code="scorecard.not_found")
    SCORECARDS.ensure(actor, READ, scorecard)
    return scorecard


def framework_for(action: str) -> Callable[..., Awaitable[IndexFramework]]:
    """Load the index framework of the path (locked when the action changes it) or 404, then ask the policy."""

    async def dependency(framework_id: uuid.UUID, actor: ActorDep, session: SessionDep) -> IndexFramework:
        framework = await FrameworkRepository(session).get(framework_id, for_update=action != READ)
        if framework is None:
            raise NotFound(f"No index framework {framework_id}.", code="index_framework.not_found")
        INDEX_FRAMEWORKS.ensure(actor, action, framework)
        return framework

    return dependency


def index_run_for(action: str) -> Callable[..., Awaitable[IndexRun]]:
    """Load the index run of the path or 404, then ask the policy."""

    async def dependency(run_id: uuid.UUID, actor: ActorDep, session: SessionDep) -> IndexRun:
        run = await RunRepository(session).get(run_id, for_update=action != READ)
        if run is None:
            raise NotFound(f"No index run {run_id}.", code="index_run.not_found")
        INDEX_RUNS.ensure(actor, action, run)
        return run

    return dependency


CriteriaSetDep = Annotated[CriteriaSet, Depends(criteria_set_for(READ))]
RoundDep = Annotated[Round, Depends(round_for(READ))]
ScorecardDep = Annotated[Scorecard, Depends(scorecard_for(READ))]
ScorecardToChangeDep = Annotated[Scorecard, Depends(scorecard_to_change)]


def collection_for(policy: Policy[None], action: str) -> Callable[..., Awaitable[Actor]]:
    """The caller, once the policy lets them read a list or create in it (403 otherwise)."""

    async def dependency(actor: ActorDep) -> Actor:
        policy.ensure(actor, action, None)
        return actor

    return dependency


def links(*targets: tuple[str, str, str], pointer: str = "/id", **extra: Any) -> dict[str, Any]:
    """OpenAPI `links` of a response, for clients and the stateful tests: each target is
    `(name, "METHOD /path/{param}", param)`, filled from `pointer` in the response's body; `extra`
    names links given whole (a body to send, say)."""
    found: dict[str, Any] = {}
    for name, route, parameter in targets:
        method, path = route.split(" ", 1)
        found[name] = {
            "operationRef": "#/paths/" + path.replace("~", "~0").replace("/", "~1") + "/" + method.lower(),
            "parameters": {parameter: f"$response.body#{pointer}"},
        }
    return {"links": {**found, **extra}}


def link_with_body(route: str, body: dict[str, str]) -> dict[str, Any]:
    """A link to `route` sending `body` (runtime expressions in its values)."""
    method, path = route.split(" ", 1)
    return {
        "operationRef": "#/paths/" + path.replace("~", "~0").replace("/", "~1") + "/" + method.lower(),
        "requestBody": body,
    }


SET_LINKS = (
    ("get", "GET /v1/criteria-sets/{set_id}", "set_id"),
    ("edit", "PATCH /v1/criteria-sets/{set_id}", "set_id"),
    ("publish", "POST /v1/criteria-sets/{set_id}/publish", "set_id"),
)
ROUND_LINKS = (
    ("get", "GET /v1/rounds/{round_id}", "round_id"),
    ("scorecards", "GET /v1/rounds/{round_id}/scorecards", "round_id"),
    ("generate", "POST /v1/rounds/{round_id}/scorecards/generate", "round_id"),
    ("add_scorecard", "POST /v1/rounds/{round_id}/scorecards", "round_id"),
    ("compute", "POST /v1/rounds/{round_id}/compute", "round_id"),
    ("ranking", "GET /v1/rounds/{round_id}/ranking", "round_id"),
    ("ranking_xlsx", "GET /v1/rounds/{round_id}/ranking.xlsx", "round_id"),
    ("ranking_csv", "GET /v1/rounds/{round_id}/ranking.csv", "round_id"),
    ("proposals", "GET /v1/rounds/{round_id}/proposals", "round_id"),
)
CARD_LINKS = (
    ("get", "GET /v1/scorecards/{scorecard_id}", "scorecard_id"),
    ("score", "PATCH /v1/scorecards/{scorecard_id}", "scorecard_id"),
    ("submit", "POST /v1/scorecards/{scorecard_id}/submit", "scorecard_id"),
    ("review", "POST /v1/scorecards/{scorecard_id}/review", "scorecard_id"),
    ("approve", "POST /v1/scorecards/{scorecard_id}/approve", "scorecard_id"),
    ("return", "POST /v1/scorecards/{scorecard_id}/return", "scorecard_id"),
    ("history", "GET /v1/scorecards/{scorecard_id}/history", "scorecard_id"),
)
FRAMEWORK_LINKS = (
    ("get", "GET /v1/index-frameworks/{framework_id}", "framework_id"),
    ("edit", "PATCH /v1/index-frameworks/{framework_id}", "framework_id"),
    ("publish", "POST /v1/index-frameworks/{framework_id}/publish", "framework_id"),
    ("copy", "POST /v1/index-frameworks/{framework_id}/copy", "framework_id"),
    ("values", "POST /v1/index-frameworks/{framework_id}/values", "framework_id"),
    ("template", "GET /v1/index-frameworks/{framework_id}/values/template.xlsx", "framework_id"),
)
INDEX_RUN_LINKS = (
    ("get", "GET /v1/index-runs/{run_id}", "run_id"),
    ("xlsx", "GET /v1/index-runs/{run_id}.xlsx", "run_id"),
    ("uncertainty", "POST /v1/index-runs/{run_id}/uncertainty", "run_id"),
)
