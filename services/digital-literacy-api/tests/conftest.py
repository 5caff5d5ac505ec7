"""Fixtures of digital-literacy-api's tests: the kit's plugin does the rest (database, app, client, tokens)."""

import httpx
import pytest

from literacy_api.clients.campaign import CampaignClient, LearnerAccounts
from literacy_api.config import LiteracySettings
from literacy_api.database import SERVICE_DATABASE
from literacy_api.main import create_app
from reference_data.localities import localities
from service_kit.testing import ServiceUnderTest
from service_kit.types import today_in_vietnam

DAK_LAK = "66"


@pytest.fixture
def service_under_test() -> ServiceUnderTest:
    return ServiceUnderTest(SERVICE_DATABASE, create_app, LiteracySettings)


@pytest.fixture
def communes() -> list[str]:
    """Three communes of Đắk Lắk and one of Hà Nội."""
    return [c.code for c in localities.communes(DAK_LAK)[:3]] + [localities.communes("01")[0].code]


class CampaignDirectory:
    """campaign-api's directory of units as digital-literacy-api reads it (`GET /v1/units/{code}` and
    `/subtree`), behind the service's real typed client: unit → (parent, commune); and its learner accounts
    (`POST /v1/learner-accounts/{learner_id}/deactivate`, 204), which erasure deactivates."""

    def __init__(self, units: dict[str, tuple[str | None, str | None]]) -> None:
        self.units = dict(units)
        self.down = False
        self.accounts_down = False
        self.deactivated: list[str] = []
        self.requests: list[str] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request.url.path)
        if self.down:
            return httpx.Response(503)
        if request.url.path.startswith("/v1/learner-accounts/"):
            if self.accounts_down:
                return httpx.Response(503)
            assert request.method == "POST"
            assert request.url.path.endswith("/deactivate")
            self.deactivated.append(request.url.path.split("/")[3])
            return httpx.Response(204)
        parts = request.url.path.split("/")  # "", "v1", "units", code[, "subtree"]
        code = parts[3]
        if code not in self.units:
            return httpx.Response(404, json={"status": 404})
        if len(parts) == 5 and parts[4] == "subtree":
            below = [{"code": c, "commune_code": self.units[c][1], "depth": 1} for c in self._below(code)]
            return httpx.Response(200, json={"items": below, "total": len(below)})
        return httpx.Response(200, json={"code": code, "commune_code": self.units[code][1]})

    def _below(self, code: str) -> list[str]:
        children = [c for c, (parent, _commune) in self.units.items() if parent == code]
        return [d for c in children for d in (c, *self._below(c))]

    def client(self) -> CampaignClient:
        return CampaignClient(
            "http://campaign.test", transport=httpx.MockTransport(self), backoff_seconds=0, retries=0
        )

    def accounts(self) -> LearnerAccounts:
        return LearnerAccounts(
            "http://campaign.test", transport=httpx.MockTransport(self), backoff_seconds=0, retries=0
        )


def directory_of(communes: list[str]) -> CampaignDirectory:
    """Commune 0 is unit 66-X1 (a school below it), commune 1 is unit 66-X2; 66-SYT and 66-SKHCN are
    departments without a commune."""
    return CampaignDirectory(
        {
            "66-X1": (None, communes[0]),
            "66-X1-THCS": ("66-X1", None),
            "66-X2": (None, communes[1]),
            "66-SYT": (None, None),
            "66-SKHCN": (None, None),
        }
    )


@pytest.fixture
def campaign_directory(communes) -> CampaignDirectory:
    return directory_of(communes)


@pytest.fixture
def app(app, campaign_directory):
    """The app, its campaign-api client answering from `campaign_directory`."""
    app.state.campaign = campaign_directory.client()
    app.state.learner_accounts = campaign_directory.accounts()
    return app


@pytest.fixture
def unit_tree(campaign_directory) -> CampaignDirectory:
    return campaign_directory


@pytest.fixture
def admin(token_factory) -> dict[str, str]:
    return token_factory.auth("admin-1", roles=["admin"])


@pytest.fixture
def learner_body(communes):
    def body(national_id: str = "066190000123", **overrides) -> dict:
        return {
            "national_id": national_id,
            "full_name": "Nguyễn Thị Hương",
            "date_of_birth": "1990-05-17",
            "gender": "female",
            "ethnicity": "Ê Đê",
            "commune_code": communes[0],
            "category": "citizen",
            "phone": "0912345678",
            **overrides,
        }

    return body


@pytest.fixture
def create_learner(client, admin, learner_body):
    async def create(national_id: str = "066190000123", **overrides) -> dict:
        response = await client.post(
            "/v1/learners", headers=admin, json=learner_body(national_id, **overrides)
        )
        assert response.status_code == 201, response.text
        return response.json()

    return create


@pytest.fixture
def create_course(client, admin):
    async def create(code: str, *, hours: int = 4, level: int = 1, competences=(), required_for=()) -> dict:
        response = await client.post(
            "/v1/courses",
            headers=admin,
            json={
                "code": code,
                "title": f"Khóa {code}",
                "hours": hours,
                "level": level,
                "competence_codes": list(competences),
                "required_for": list(required_for),
            },
        )
        assert response.status_code == 201, response.text
        return response.json()

    return create


@pytest.fixture
def record(client, admin):
    async def post(learner_id: str, course_code: str, status: str, **extra) -> dict:
        response = await client.post(
            "/v1/records",
            headers=admin,
            json={"learner_id": learner_id, "course_code": course_code, "status": status, **extra},
        )
        assert response.status_code in (200, 201), response.text
        return response.json()

    return post


TODAY = today_in_vietnam()
