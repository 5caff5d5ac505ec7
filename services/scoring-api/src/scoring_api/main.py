"""The scoring-api application: `uvicorn scoring_api.main:create_app --factory`."""

from fastapi import FastAPI

from scoring_api.config import ScoringSettings
from scoring_api.database import SCHEMA
from service_kit.app import create_service_app


def create_app(settings: ScoringSettings | None = None) -> FastAPI:
    return create_service_app(
        settings or ScoringSettings(),
        schema=SCHEMA,
        title="Thi Đua Số — scoring-api (Chấm điểm thi đua)",
        description="Criteria sets for collectives and individuals, scorecards with self-assessment → review → council approval, automatic criteria, rankings inside emulation clusters and commendation proposals.",
    )
