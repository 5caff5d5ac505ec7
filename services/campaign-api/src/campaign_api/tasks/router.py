"""The caller's tasks inbox."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request

from campaign_api.deps import TaskReader, TaskServiceDep
from campaign_api.tasks.schemas import Tasks
from service_kit.errors import PROBLEM

router = APIRouter(tags=["tasks"])


def _authorization(request: Request) -> str | None:
    return request.headers.get("authorization")


@router.get(
    "/v1/me/tasks",
    summary="What waits on the caller across the platform (scoring-api's part over REST), by due date",
    responses={403: PROBLEM},
)
async def my_tasks(
    actor: TaskReader, service: TaskServiceDep, authorization: Annotated[str | None, Depends(_authorization)]
) -> Tasks:
    return await service.mine(actor, authorization)
