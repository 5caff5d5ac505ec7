"""The digital-literacy-api application: `uvicorn literacy_api.main:create_app --factory`."""

from fastapi import FastAPI

from literacy_api.config import LiteracySettings
from literacy_api.database import SCHEMA
from service_kit.app import create_service_app


def create_app(settings: LiteracySettings | None = None) -> FastAPI:
    return create_service_app(
        settings or LiteracySettings(),
        schema=SCHEMA,
        title="Thi Đua Số — digital-literacy-api (Bình dân học vụ số)",
        description="Learners, courses, classes at training hubs, training records and certificates of the 'Digital literacy for all' (Bình dân học vụ số) movement, bulk imports, personal progress and coverage statistics.",
    )
