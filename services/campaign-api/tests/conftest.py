"""Fixtures of campaign-api's tests: the kit's plugin does the rest (database, app, client, tokens)."""

from collections.abc import Awaitable, Callable
from datetime import date

import httpx
import pytest

from campaign_api.clients.literacy import LiteracyClient
from campaign_api.config import CampaignSettings
from campaign_api.database import SERVICE_DATABASE
from campaign_api.identity.keys import ServiceToken
from campaign_api.main import create_app
from service_kit.testing import ServiceUnderTest

ADMIN = ("admin", "admin")
PASSWORD = "mat-khau-du-dai-2025"

# The learners digital-literacy-api knows, as (national ID, birth date) → learner id.
KNOWN_LEARNERS = {("066190000123", "1990-05-17"): "7d1f3c2a-0000-4000-8000-000000000001"}


@pytest.fixture
def service_under_test() -> ServiceUnderTest:
    return ServiceUnderTest(SERVICE_DATABASE, create_app, CampaignSettings)


class LiteracyDouble:
    """digital-literacy-api's `POST /v1/learners/match`, answering from KNOWN_LEARNERS (or failing)."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.down = False

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.down:
            return httpx.Response(503)
        assert request.url.path == "/v1/learners/match"
        body = httpx.Response(200, content=request.content).json()
        learner = KNOWN_LEARNERS.get((body["national_id"], body["date_of_birth"]))
        if learner is None:
            return httpx.Response(404, json={"type": "about:blank", "title": "Not Found", "status": 404})
        return httpx.Response(200, json={"learner_id": learner})


@pytest.fixture
def literacy(app) -> LiteracyDouble:
    double = LiteracyDouble()
    settings = app.state.settings
    app.state.literacy_client = LiteracyClient(
        "http://literacy.test",
        transport=httpx.MockTransport(double),
        backoff_seconds=0,
        token=ServiceToken(app.state.signing_keys, settings, scope="literacy:match"),
    )
    return double


Login = Callable[..., Awaitable[httpx.Response]]


@pytest.fixture
def login(client) -> Login:
    async def password_grant(username: str, password: str) -> httpx.Response:
        return await client.post(
            "/v1/auth/token", data={"grant_type": "password", "username": username, "password": password}
        )

    return password_grant


@pytest.fixture
async def admin(login) -> dict[str, str]:
    response = await login(*ADMIN)
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


PROVINCE_UNITS = (
    {"code": "66", "name": "UBND tỉnh Đắk Lắk", "kind": "province", "province_code": "66"},
    {"code": "66-SNV", "name": "Sở Nội vụ", "kind": "department", "province_code": "66", "parent_code": "66"},
    {
        "code": "66-STC",
        "name": "Sở Tài chính",
        "kind": "department",
        "province_code": "66",
        "parent_code": "66",
    },
)


@pytest.fixture
async def province_units(client, admin) -> list[str]:
    """The province of Đắk Lắk (66) and two of its departments, created by the administrator: their codes."""
    for unit in PROVINCE_UNITS:
        assert (await client.post("/v1/units", headers=admin, json=unit)).status_code == 201
    return [unit["code"] for unit in PROVINCE_UNITS]


@pytest.fixture
def create_account(client, admin):
    async def create(username: str, roles: list[str], unit_codes: list[str] | None = None, **extra) -> dict:
        response = await client.post(
            "/v1/accounts",
            headers=admin,
            json={
                "username": username,
                "password": PASSWORD,
                "full_name": extra.pop("full_name", f"Cán bộ {username}"),
                "roles": roles,
                "unit_codes": unit_codes or [],
                **extra,
            },
        )
        assert response.status_code == 201, response.text
        return response.json()

    return create


@pytest.fixture
def bearer(login):
    async def token_for(username: str, password: str = PASSWORD) -> dict[str, str]:
        response = await login(username, password)
        assert response.status_code == 200, response.text
        return {"Authorization": f"Bearer {response.json()['access_token']}"}

    return token_for


BIRTHDAY = date(1990, 5, 17)


@pytest.fixture
def default_password() -> str:
    """The password `create_account` gives every account it creates."""
    return PASSWORD
