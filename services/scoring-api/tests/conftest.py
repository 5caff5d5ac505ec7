"""Fixtures of scoring-api's tests: campaign-api and digital-literacy-api as doubles behind real typed clients."""

import uuid
from decimal import Decimal

import httpx
import pytest

from scoring_api.clients.campaign import CampaignClient
from scoring_api.clients.literacy import LiteracyClient
from scoring_api.config import ScoringSettings
from scoring_api.database import SERVICE_DATABASE
from scoring_api.main import create_app
from service_kit.testing import ServiceUnderTest

CAMPAIGN_ID = uuid.UUID("7d1f3c2a-0000-4000-8000-00000000c001")
PARTICIPANTS = [
    {"unit_code": "66-SKHCN", "unit_name": "Sở Khoa học và Công nghệ", "cluster": "Khối Sở"},
    {"unit_code": "66-SYT", "unit_name": "Sở Y tế", "cluster": "Khối Sở"},
    {"unit_code": "66-STC", "unit_name": "Sở Tài chính", "cluster": "Khối Sở"},
    {"unit_code": "66-X1", "unit_name": "UBND xã Hòa Phú", "cluster": "Cụm xã 1"},
]


@pytest.fixture
def service_under_test() -> ServiceUnderTest:
    return ServiceUnderTest(SERVICE_DATABASE, create_app, ScoringSettings)


class Downstream:
    """A fake service answering from a table of paths; `down` makes it answer 503, `slow` time out."""

    def __init__(self, answers: dict[str, object]) -> None:
        self.answers = answers
        self.down = False
        self.slow = False
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.slow:
            raise httpx.ReadTimeout("slow", request=request)
        if self.down:
            return httpx.Response(503)
        answer = self.answers.get(request.url.path)
        if callable(answer):
            return httpx.Response(200, json=answer(request))
        return (
            httpx.Response(200, json=answer)
            if answer is not None
            else httpx.Response(404, json={"status": 404})
        )


@pytest.fixture
def campaign(app) -> Downstream:
    base = f"/v1/campaigns/{CAMPAIGN_ID}"
    double = Downstream(
        {
            f"{base}/participants": {"items": PARTICIPANTS},
            f"{base}/targets": {"items": [{"code": "SOHOA"}, {"code": "DVC"}]},
            f"{base}/kpis": {
                "items": [
                    {"unit_code": "66-SKHCN", "target_code": "SOHOA", "value": "60", "progress": "0.5"},
                    {"unit_code": "66-SYT", "target_code": "SOHOA", "value": "100", "progress": "1"},
                    {"unit_code": "66-STC", "target_code": "SOHOA", "value": "44", "progress": "0.3"},
                ]
            },
        }
    )
    client = CampaignClient(
        "http://campaign.test", transport=httpx.MockTransport(double), backoff_seconds=0, retries=1
    )
    app.state.campaign_client = client
    return double


@pytest.fixture
def literacy(app) -> Downstream:
    def rates(request: httpx.Request) -> dict:
        table = {"66-SKHCN": "0.8", "66-SYT": "0.25", "66-STC": "1", "66-X1": "0.5"}
        codes = request.url.params["codes"].split(",")
        return {"items": [{"unit_code": c, "rate": table.get(c, "0")} for c in codes]}

    double = Downstream({"/v1/stats/units": rates})
    app.state.literacy_client = LiteracyClient(
        "http://literacy.test", transport=httpx.MockTransport(double), backoff_seconds=0, retries=1
    )
    return double


# campaign-api's unit directory: 66-SKHCN has a sub-unit (its digital-transformation centre), the others none.
UNITS = {
    "66-SKHCN": [{"code": "66-SKHCN-TTCDS", "commune_code": None}],
    "66-SYT": [],
    "66-STC": [],
    "66-X1": [],
}


class Directory(Downstream):
    """campaign-api's `GET /v1/units/{code}` and `/subtree`, counting the calls."""

    def __init__(self) -> None:
        answers: dict[str, object] = {}
        for code, below in UNITS.items():
            answers[f"/v1/units/{code}"] = {"code": code, "commune_code": None}
            answers[f"/v1/units/{code}/subtree"] = {"items": below}
        super().__init__(answers)


@pytest.fixture(autouse=True)
def directory(app) -> Directory:
    """Managers' scopes read through the real campaign client, from a double of the directory."""
    double = Directory()
    app.state.scope_source = CampaignClient(
        "http://campaign.test", transport=httpx.MockTransport(double), backoff_seconds=0, retries=1
    )
    return double


@pytest.fixture
def people(token_factory) -> dict[str, dict[str, str]]:
    auth = token_factory.auth
    return {
        "admin": auth("admin-1", roles=["admin"], name="Quản trị hệ thống"),
        "manager": auth("ql-skhcn", roles=["manager"], unit_codes=["66-SKHCN"], name="Nguyễn Thị Quản Lý"),
        "other_manager": auth("ql-syt", roles=["manager"], unit_codes=["66-SYT"], name="Phạm Văn Y"),
        "evaluator": auth("tham-dinh", roles=["evaluator"], name="Trần Thẩm Định"),
        "council": auth("hoi-dong", roles=["council"], name="Lê Hội Đồng"),
        "viewer": auth("xem", roles=["viewer"]),
    }


# Collective criteria (100 points): task completion 40 (a manual 25 and a target_progress 20, capped at 40 — so
# 45 possible), administrative reform: training rate 30, initiatives: manual 20, digital signature in use: boolean 10.
COLLECTIVE = [
    {
        "code": "1",
        "title": "Hoàn thành nhiệm vụ",
        "max_points": 40,
        "children": [
            {"code": "1.1", "title": "Kết quả thực hiện kế hoạch", "max_points": 25},
            {
                "code": "1.2",
                "title": "Tiến độ số hóa hồ sơ",
                "max_points": 20,
                "method": "target_progress",
                "target_code": "SOHOA",
            },
        ],
    },
    {
        "code": "2",
        "title": "Tỷ lệ cán bộ hoàn thành bồi dưỡng kỹ năng số",
        "max_points": 30,
        "method": "training_rate",
    },
    {"code": "3", "title": "Sáng kiến, giải pháp", "max_points": 20},
    {"code": "4", "title": "Sử dụng chữ ký số", "max_points": 10, "method": "boolean"},
]
BANDS = [
    {"label": "Hoàn thành xuất sắc nhiệm vụ", "min_score": 90},
    {"label": "Hoàn thành tốt nhiệm vụ", "min_score": 70},
    {"label": "Hoàn thành nhiệm vụ", "min_score": 50},
    {"label": "Không hoàn thành nhiệm vụ", "min_score": 0},
]


@pytest.fixture
def published_round(client, people, campaign):
    async def create(
        *, share: Decimal | None = None, criteria=None, subject_type: str = "collective"
    ) -> dict:
        admin = people["admin"]
        created = await client.post(
            "/v1/criteria-sets",
            headers=admin,
            json={
                "campaign_id": str(CAMPAIGN_ID),
                "subject_type": subject_type,
                "name": f"Bộ tiêu chí {subject_type}",
                "criteria": criteria or COLLECTIVE,
                "bands": BANDS,
            },
        )
        assert created.status_code == 201, created.text
        published = await client.post(f"/v1/criteria-sets/{created.json()['id']}/publish", headers=admin)
        assert published.status_code == 200, published.text
        body = {
            "criteria_set_id": created.json()["id"],
            "name": "Năm 2025",
            "period_start": "2025-01-01",
            "period_end": "2025-12-31",
        }
        if share is not None:
            body["top_band_max_share"] = str(share)
        round_ = await client.post("/v1/rounds", headers=admin, json=body)
        assert round_.status_code == 201, round_.text
        return round_.json()

    return create
