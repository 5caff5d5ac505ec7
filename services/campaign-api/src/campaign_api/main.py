"""The campaign-api application: `uvicorn campaign_api.main:create_app --factory`."""

from fastapi import FastAPI

from campaign_api.config import CampaignSettings
from service_kit.app import create_service_app


def create_app(settings: CampaignSettings | None = None) -> FastAPI:
    return create_service_app(
        settings or CampaignSettings(),
        title="Thi Đua Số — campaign-api (Phong trào thi đua)",
        description="Movements (campaigns), their phases, targets, participants, plans, reports, initiatives and commendations; the directory of units and localities; the built-in token issuer.",
    )
