"""The competences endpoint: the digital competence frameworks and their levels; any signed-in caller."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from literacy_api.competences.framework import FRAMEWORKS, LEVELS, framework
from literacy_api.competences.schemas import CompetencesOut, FrameworkOut, LevelOut
from service_kit.auth import PrincipalDep
from service_kit.errors import PROBLEM, NotFound

router = APIRouter(prefix="/v1/competences", tags=["competences"])


@router.get(
    "",
    summary="The digital competence frameworks (domains → competences) and proficiency levels 1–8",
    responses={401: PROBLEM, 404: PROBLEM},
)
async def list_competences(
    _: PrincipalDep,
    framework_code: Annotated[
        str | None,
        Query(
            alias="framework",
            max_length=50,
            description='One framework ("VN-TT02-2025", "DIGCOMP-2.2"); all of them when absent',
        ),
    ] = None,
) -> CompetencesOut:
    if framework_code is None:
        chosen = FRAMEWORKS
    else:
        found = framework(framework_code)
        if found is None:
            known = ", ".join(f.code for f in FRAMEWORKS)
            raise NotFound(f"No competence framework {framework_code}: the frameworks are {known}.")
        chosen = (found,)
    return CompetencesOut(
        frameworks=[FrameworkOut.of(f) for f in chosen],
        levels=[LevelOut.of(level) for level in LEVELS],
    )
