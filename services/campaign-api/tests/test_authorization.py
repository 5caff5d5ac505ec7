"""The authorization matrix: every endpoint, every kind of caller, exactly the status it should get.

Rows are data: each later endpoint adds its row here. `allow` lists who gets `ok`; everyone else
authenticated gets 403 and anonymous callers 401, unless the row is `public`.
"""

from dataclasses import dataclass, field

import pytest

CALLERS = (
    "anonymous",
    "admin",
    "manager",
    "evaluator",
    "council",
    "viewer",
    "learner",
    "client_campaign_read",
    "client_other_scope",
)
PEOPLE = ("admin", "manager", "evaluator", "council", "viewer", "learner")
EVERYONE_SIGNED_IN = tuple(c for c in CALLERS if c != "anonymous")


@dataclass(frozen=True)
class Row:
    method: str
    path: str
    allow: tuple[str, ...] = ()
    ok: int = 200
    public: bool = False
    body: dict | None = field(default=None, hash=False)

    def expected(self, caller: str) -> int:
        if self.public or caller in self.allow:
            return self.ok
        return 401 if caller == "anonymous" else 403


MATRIX = [
    Row("GET", "/healthz", public=True),
    Row("GET", "/readyz", public=True),
    Row("GET", "/.well-known/jwks.json", public=True),
    Row("GET", "/v1/auth/me", allow=EVERYONE_SIGNED_IN),
    Row("GET", "/v1/accounts", allow=("admin",)),
    Row("GET", "/v1/accounts/{viewer_id}", allow=("admin",)),
    Row("PATCH", "/v1/accounts/{viewer_id}", allow=("admin",), body={"full_name": "Nguyễn Thị Xem"}),
    Row(
        "POST",
        "/v1/accounts",
        allow=("admin",),
        ok=201,
        body={
            "username": "{caller}.moi",
            "password": "mat-khau-dai-2025",
            "full_name": "Mới",
            "roles": ["viewer"],
        },
    ),
    Row("GET", "/v1/clients", allow=("admin",)),
    Row(
        "POST",
        "/v1/clients",
        allow=("admin",),
        ok=201,
        body={"name": "Hệ thống {caller}", "scopes": ["campaign:read"]},
    ),
]


@pytest.fixture
async def callers(client, create_account, bearer, admin, literacy) -> dict[str, dict[str, str]]:
    headers: dict[str, dict[str, str]] = {"anonymous": {}, "admin": admin}
    ids: dict[str, str] = {}
    for role in ("manager", "evaluator", "council", "viewer"):
        account = await create_account(f"tk.{role}", [role], ["66-SKHCN"] if role == "manager" else [])
        ids[f"{role}_id"] = account["id"]
        headers[role] = await bearer(f"tk.{role}")
    signed_up = await client.post(
        "/v1/auth/signup",
        json={"national_id": "066190000123", "date_of_birth": "1990-05-17", "password": "hoc-vien-2025"},
    )
    assert signed_up.status_code == 201
    headers["learner"] = await bearer("066190000123", "hoc-vien-2025")
    for name, scopes in (
        ("client_campaign_read", ["campaign:read"]),
        ("client_other_scope", ["literacy:read"]),
    ):
        created = (
            await client.post("/v1/clients", headers=admin, json={"name": name, "scopes": scopes})
        ).json()
        token = await client.post(
            "/v1/auth/token",
            data={
                "grant_type": "client_credentials",
                "client_id": created["client_id"],
                "client_secret": created["client_secret"],
            },
        )
        headers[name] = {"Authorization": f"Bearer {token.json()['access_token']}"}
    headers["_ids"] = ids
    return headers


async def test_each_caller_gets_exactly_its_status_on_every_endpoint(client, callers):
    # One pass over the whole matrix: building the callers (real accounts, real sign-ins) is the slow part.
    ids = callers["_ids"]
    mismatches = []
    for row, caller in ((row, caller) for row in MATRIX for caller in CALLERS):
        path = row.path.format(**ids)
        body = None
        if row.body is not None:
            body = {
                k: v.format(caller=caller.replace("_", "-")) if isinstance(v, str) else v
                for k, v in row.body.items()
            }
        response = await client.request(row.method, path, headers=callers[caller], json=body)
        if response.status_code != row.expected(caller):
            mismatches.append(
                f"{row.method} {row.path} as {caller}: {response.status_code} (expected {row.expected(caller)}) {response.text[:120]}"
            )
        if response.status_code >= 400:
            assert response.headers["content-type"] == "application/problem+json", (row, caller)
    assert not mismatches, "\n".join(mismatches)


def test_every_route_of_the_app_has_a_row(app):
    documented = {(m, r.path) for r in app.routes if hasattr(r, "methods") for m in r.methods}
    covered = {(row.method, row.path.replace("{viewer_id}", "{account_id}")) for row in MATRIX}
    # Token, sign-up and docs are open by design and covered by their own tests.
    open_by_design = {
        ("POST", "/v1/auth/token"),
        ("POST", "/v1/auth/signup"),
        ("GET", "/docs"),
        ("GET", "/docs/oauth2-redirect"),
        ("GET", "/openapi.json"),
        ("HEAD", "/docs"),
        ("HEAD", "/docs/oauth2-redirect"),
        ("HEAD", "/openapi.json"),
    }
    missing = documented - covered - open_by_design
    assert not missing, f"add authorization rows for: {sorted(missing)}"
