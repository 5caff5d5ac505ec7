"""The three services in-process (ASGI) on the session's test database, for checks they must all pass."""

import pytest

from campaign_api.config import CampaignSettings
from campaign_api.database import SERVICE_DATABASE as CAMPAIGN_DATABASE
from campaign_api.main import create_app as create_campaign_app
from literacy_api.config import LiteracySettings
from literacy_api.database import SERVICE_DATABASE as LITERACY_DATABASE
from literacy_api.main import create_app as create_literacy_app
from scoring_api.config import ScoringSettings
from scoring_api.database import SERVICE_DATABASE as SCORING_DATABASE
from scoring_api.main import create_app as create_scoring_app
from service_kit.testing import ServiceUnderTest

SERVICES = {
    "campaign": ServiceUnderTest(CAMPAIGN_DATABASE, create_campaign_app, CampaignSettings),
    "scoring": ServiceUnderTest(SCORING_DATABASE, create_scoring_app, ScoringSettings),
    "literacy": ServiceUnderTest(LITERACY_DATABASE, create_literacy_app, LiteracySettings),
}


@pytest.fixture(params=list(SERVICES))
def service_under_test(request) -> ServiceUnderTest:
    return SERVICES[request.param]


@pytest.fixture
def all_services() -> dict[str, ServiceUnderTest]:
    return SERVICES
