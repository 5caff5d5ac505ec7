"""Fixtures of digital-literacy-api's tests: the kit's plugin does the rest (database, app, client, tokens)."""

from datetime import date

import pytest

from literacy_api.config import LiteracySettings
from literacy_api.database import SERVICE_DATABASE
from literacy_api.main import create_app
from reference_data.localities import localities
from service_kit.testing import ServiceUnderTest
from service_kit.units import UnitScope

DAK_LAK = "66"


@pytest.fixture
def service_under_test() -> ServiceUnderTest:
    return ServiceUnderTest(SERVICE_DATABASE, create_app, LiteracySettings)


@pytest.fixture
def communes() -> list[str]:
    """Three communes of Đắk Lắk and one of Hà Nội."""
    return [c.code for c in localities.communes(DAK_LAK)[:3]] + [localities.communes("01")[0].code]


class UnitTreeDouble:
    """campaign-api's unit tree as digital-literacy-api sees it: unit → (units below, their communes)."""

    def __init__(self, tree: dict[str, UnitScope]) -> None:
        self.tree = tree

    async def scope(self, unit_codes: tuple[str, ...]) -> UnitScope:
        scopes = [self.tree.get(code, UnitScope(frozenset({code}), frozenset())) for code in unit_codes]
        return UnitScope(
            units=frozenset().union(*(s.units for s in scopes)),
            communes=frozenset().union(*(s.communes for s in scopes)),
        )


@pytest.fixture
def unit_tree_double() -> type[UnitTreeDouble]:
    return UnitTreeDouble


@pytest.fixture
def unit_tree(app, communes) -> UnitTreeDouble:
    """The commune of communes[0] is unit 66-X1 (with a school below it); 66-SYT is a department."""
    tree = UnitTreeDouble(
        {
            "66-X1": UnitScope(frozenset({"66-X1", "66-X1-THCS"}), frozenset({communes[0]})),
            "66-SYT": UnitScope(frozenset({"66-SYT"}), frozenset()),
        }
    )
    app.state.unit_tree = tree
    return tree


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


TODAY = date.today()
