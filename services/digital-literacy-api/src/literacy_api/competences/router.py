"""The competences endpoint: the digital competence frameworks and their levels; any signed-in caller."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from literacy_api.competences import service
from literacy_api.competences.schemas import CompetencesOut
from literacy_api.deps import ActorDep
from literacy_api.inputs import FrameworkCode
from service_kit.errors import PROBLEM

router = APIRouter(prefix="/v1/competences", tags=["competences"])


@router.get(
    "",
    summary="The digital competence frameworks (domains → competences) and proficiency levels 1–8",
    responses={401: PROBLEM, 404: PROBLEM},
)
async def list_competences(
    _: ActorDep,
    framework_code: Annotated[
        FrameworkCode | None,
        Query(
            alias="framework", description='One framework ("VN-TT02-2025", "DIGCOMP-2.2"); all when absent'
        ),
    ] = None,
) -> CompetencesOut:
    return service.competences(framework_code)
