"""The caller's scorecards to act on."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from scoring_api.deps import TaskReader
from scoring_api.tasks.schemas import ScorecardTasks
from scoring_api.tasks.service import TaskService
from service_kit.db import SessionDep
from service_kit.errors import PROBLEM

router = APIRouter(tags=["tasks"])


def get_task_service(session: SessionDep) -> TaskService:
    return TaskService(session=session)


@router.get(
    "/v1/me/tasks",
    summary="The caller's scorecards to fill, review or approve (campaign-api's inbox asks for them)",
    responses={403: PROBLEM},
)
async def my_scorecard_tasks(
    actor: TaskReader, service: Annotated[TaskService, Depends(get_task_service)]
) -> ScorecardTasks:
    return await service.mine(actor)
