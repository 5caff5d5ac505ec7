"""Fixtures of scoring-api's tests: the kit's plugin does the rest (database, app, client, tokens)."""

import pytest

from scoring_api.config import ScoringSettings
from scoring_api.database import SERVICE_DATABASE
from scoring_api.main import create_app
from service_kit.testing import ServiceUnderTest


@pytest.fixture
def service_under_test() -> ServiceUnderTest:
    return ServiceUnderTest(SERVICE_DATABASE, create_app, ScoringSettings)
