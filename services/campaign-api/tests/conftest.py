"""Fixtures of campaign-api's tests: the kit's plugin does the rest (database, app, client, tokens)."""

import pytest

from campaign_api.config import CampaignSettings
from campaign_api.database import SERVICE_DATABASE
from campaign_api.main import create_app
from service_kit.testing import ServiceUnderTest


@pytest.fixture
def service_under_test() -> ServiceUnderTest:
    return ServiceUnderTest(SERVICE_DATABASE, create_app, CampaignSettings)
