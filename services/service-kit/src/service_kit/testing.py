"""pytest plugin for the services' tests (registered through the `pytest11` entry point).

A PostgreSQL for the whole test session (embedded in a throw-away directory, or `TEST_DATABASE_URL`),
each service provisioned and Alembic-migrated once, an outer transaction rolled back after every
test, an `httpx.AsyncClient` on the app through `ASGITransport`, and tokens signed by a test issuer.

A service's `tests/conftest.py` defines one fixture, `service_under_test`, returning a `ServiceUnderTest`.
"""

from __future__ import annotations

import contextlib
import os
import socket
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi import FastAPI
from jwt.algorithms import RSAAlgorithm
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import async_sessionmaker

from service_kit.auth import JwksCache, TokenVerifier
from service_kit.db import Database
from service_kit.migrations import upgrade
from service_kit.postgres import (
    EmbeddedPostgres,
    ServiceDatabase,
    new_password,
    provision_service,
    run,
    throwaway_database,
)
from service_kit.settings import Environment, ServiceSettings, TrustedIssuer

TEST_ISSUER = "https://issuer.test"
TEST_AUDIENCE = "thidua-so"
TEST_JWKS_URL = "https://issuer.test/.well-known/jwks.json"


@dataclass(frozen=True)
class ServiceUnderTest:
    database: ServiceDatabase
    create_app: Callable[[Any], FastAPI]
    """The service's app factory, called with settings of `settings_class`."""
    settings_class: type[ServiceSettings]

    def settings(self, database_url: URL, **overrides: Any) -> ServiceSettings:
        return self.settings_class(
            database_url=database_url.render_as_string(hide_password=False),
            environment=Environment.TEST,
            **overrides,
        )

    def build_app(self, database_url: URL, **overrides: Any) -> FastAPI:
        return self.create_app(self.settings(database_url, **overrides))


@dataclass
class SigningKey:
    kid: str
    private_key: rsa.RSAPrivateKey = field(repr=False)

    @classmethod
    def generate(cls) -> SigningKey:
        return cls(
            kid=uuid.uuid4().hex[:12],
            private_key=rsa.generate_private_key(public_exponent=65537, key_size=2048),
        )

    def public_jwk(self) -> dict[str, Any]:
        jwk: dict[str, Any] = RSAAlgorithm.to_jwk(self.private_key.public_key(), as_dict=True)
        return {**jwk, "kid": self.kid, "use": "sig", "alg": "RS256"}


class TokenFactory:
    """Signs access tokens as a test issuer and serves its JWKS (counting how often it is fetched)."""

    def __init__(self, issuer: str = TEST_ISSUER, audience: str = TEST_AUDIENCE) -> None:
        self.issuer = issuer
        self.audience = audience
        self.keys = [SigningKey.generate()]
        self.jwks_fetches = 0

    def rotate(self) -> SigningKey:
        """Publish a new key and sign with it from now on (old tokens stay valid)."""
        self.keys.insert(0, SigningKey.generate())
        return self.keys[0]

    def jwks(self) -> dict[str, Any]:
        return {"keys": [key.public_jwk() for key in self.keys]}

    def transport(self) -> httpx.MockTransport:
        def handle(request: httpx.Request) -> httpx.Response:
            self.jwks_fetches += 1
            return httpx.Response(200, json=self.jwks())

        return httpx.MockTransport(handle)

    def trusted_issuer(self) -> TrustedIssuer:
        return TrustedIssuer(issuer=self.issuer, jwks_url=TEST_JWKS_URL, audience=self.audience)

    def key_source(self, *, min_refresh_seconds: float = 0.0) -> JwksCache:
        http = httpx.AsyncClient(transport=self.transport())
        return JwksCache(TEST_JWKS_URL, http, min_refresh_seconds=min_refresh_seconds)

    def verifier(self, *, min_refresh_seconds: float = 0.0) -> TokenVerifier:
        verifier = TokenVerifier([], httpx.AsyncClient())
        verifier.trust(self.trusted_issuer(), self.key_source(min_refresh_seconds=min_refresh_seconds))
        return verifier

    def token(
        self,
        subject: str = "tester",
        *,
        roles: list[str] | None = None,
        unit_codes: list[str] | None = None,
        scope: str | None = None,
        learner_id: str | None = None,
        client_id: str | None = None,
        expires_in: int = 300,
        key: SigningKey | None = None,
        **claims: Any,
    ) -> str:
        now = int(time.time())
        payload: dict[str, Any] = {
            "iss": self.issuer,
            "aud": self.audience,
            "sub": subject,
            "iat": now,
            "exp": now + expires_in,
            "roles": roles or [],
            "unit_codes": unit_codes or [],
            **claims,
        }
        if scope is not None:
            payload["scope"] = scope
        if learner_id is not None:
            payload["learner_id"] = learner_id
        if client_id is not None:
            payload["client_id"] = client_id
        signing = key or self.keys[0]
        return jwt.encode(payload, signing.private_key, algorithm="RS256", headers={"kid": signing.kid})

    def auth(self, *args: Any, **kwargs: Any) -> dict[str, str]:
        """`Authorization` header for `token(...)`."""
        return {"Authorization": f"Bearer {self.token(*args, **kwargs)}"}


def assert_problem(response: httpx.Response, status: int) -> dict[str, Any]:
    """`response` is an RFC 9457 problem with `status`; returns its body."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json"), response.headers
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["title"]
    assert body["type"]
    return body


def uvicorn_pid(port: int) -> int:
    """The uvicorn process serving `port`, found by its command line (other stacks may run the same
    service on this machine)."""
    needle = f"--port {port} "
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            if "uvicorn" in command and needle in command + " ":
                return int(entry.name)
    raise LookupError(f"no uvicorn on port {port}")


def resident_kib(pid: int) -> int:
    """A process's resident memory now (VmRSS), in KiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise LookupError(pid)


def free_port() -> int:
    """A TCP port on the loopback interface that nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(
        "postgres_provision_sql",
        "SQL template that creates a service's role and schema (relative to the rootdir)",
        default="infra/postgres/provision.sql",
    )


@pytest.fixture(scope="session")
def postgres_server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[URL]:
    """An administrator URL on the test PostgreSQL server: `TEST_DATABASE_URL`, else an embedded one."""
    configured = os.environ.get("TEST_DATABASE_URL")
    if configured:
        yield make_url(configured)
        return
    server = EmbeddedPostgres(tmp_path_factory.mktemp("postgres"), keep=False)
    try:
        yield server.admin_url
    finally:
        server.stop()


@pytest.fixture(scope="session")
def postgres_admin_url(postgres_server_url: URL) -> Iterator[URL]:
    """A fresh database for this test session (dropped at the end), as an administrator URL."""
    with throwaway_database(postgres_server_url, "thidua_test") as url:
        yield url


@pytest.fixture(scope="session")
def role_passwords() -> dict[str, str]:
    """One password per service role for the session: roles are cluster-wide, so every database of the
    session provisions them with the same one (a new password would lock out the URLs handed out before)."""
    return {}


def _provision_sql(pytestconfig: pytest.Config) -> str:
    return (pytestconfig.rootpath / str(pytestconfig.getini("postgres_provision_sql"))).read_text()


def _provision_and_migrate(admin_url: URL, service: ServiceDatabase, password: str, sql_template: str) -> URL:
    url: URL = run(provision_service(admin_url, service, password=password, sql_template=sql_template))
    upgrade(service.alembic_ini, url)
    return url


@pytest.fixture(scope="session")
def provision(
    postgres_admin_url: URL, pytestconfig: pytest.Config, role_passwords: dict[str, str]
) -> Callable[[ServiceDatabase], URL]:
    """Provision a service's role and schema and migrate it, once per session; returns its own URL."""
    sql_template = _provision_sql(pytestconfig)
    provisioned: dict[str, URL] = {}

    def provision_once(service: ServiceDatabase) -> URL:
        if service.schema not in provisioned:
            password = role_passwords.setdefault(service.role, new_password())
            provisioned[service.schema] = _provision_and_migrate(
                postgres_admin_url, service, password, sql_template
            )
        return provisioned[service.schema]

    return provision_once


@pytest.fixture(scope="session")
def provision_separate(
    postgres_server_url: URL, pytestconfig: pytest.Config, role_passwords: dict[str, str]
) -> Iterator[Callable[[ServiceDatabase, str], URL]]:
    """A further database, provisioned and migrated, for tests whose writes must really commit (a
    background worker on its own connections cannot share the rolled-back transaction of `app`)."""
    sql_template = _provision_sql(pytestconfig)
    with contextlib.ExitStack() as stack:

        def provision_new(service: ServiceDatabase, prefix: str) -> URL:
            admin_url = stack.enter_context(throwaway_database(postgres_server_url, prefix))
            password = role_passwords.setdefault(service.role, new_password())
            return _provision_and_migrate(admin_url, service, password, sql_template)

        yield provision_new


@pytest.fixture(scope="session")
def token_factory() -> TokenFactory:
    return TokenFactory()


@pytest.fixture
def service_database_url(
    service_under_test: ServiceUnderTest, provision: Callable[[ServiceDatabase], URL]
) -> URL:
    return provision(service_under_test.database)


@pytest.fixture
async def app(
    service_under_test: ServiceUnderTest, service_database_url: URL, token_factory: TokenFactory
) -> AsyncIterator[FastAPI]:
    """The service's app, started through its lifespan, with every request's transaction nested in an
    outer one that is rolled back after the test, and trusting `token_factory`'s tokens (besides its own)."""
    application = service_under_test.build_app(service_database_url)
    async with application.router.lifespan_context(application):
        application.state.token_verifier.trust(token_factory.trusted_issuer(), token_factory.key_source())
        database: Database = application.state.database
        async with database.engine.connect() as connection:
            outer = await connection.begin()
            database.shared_connection = connection
            database.sessionmaker = async_sessionmaker(
                bind=connection, expire_on_commit=False, join_transaction_mode="create_savepoint"
            )
            try:
                yield application
            finally:
                await outer.rollback()


def asgi_client(app: FastAPI) -> httpx.AsyncClient:
    """A client that calls `app` in-process; errors come back as responses, as they would over HTTP."""
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


@contextlib.asynccontextmanager
async def started(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """Run `app`'s lifespan and yield a client on it (for apps that need no rollback fixture)."""
    async with app.router.lifespan_context(app), asgi_client(app) as http:
        yield http


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with asgi_client(app) as http:
        yield http


@dataclass(frozen=True)
class AuthorizationRow:
    """One endpoint in a service's authorization matrix (kept as data in its tests).

    `allow` lists the callers that get `ok`; every other signed-in caller gets 403 and the anonymous caller
    401, unless the row is `public`. With `then`, only the first allowed caller (in the callers' order) gets
    `ok`: the state it changed gives the later ones `then`. Path and body strings are `str.format`-ted with
    the world's values plus `caller`, `row_number` and `caller_number`.
    """

    method: str
    path: str
    allow: tuple[str, ...] = ()
    ok: int = 200
    public: bool = False
    body: dict[str, Any] | None = field(default=None, hash=False)
    then: int | None = None
    refused: Mapping[str, int] = field(default_factory=dict, hash=False)
    """Callers refused with another status than 403 (404 where existence must not leak, 422, ...)."""

    def expected(self, caller: str, order: Sequence[str]) -> int:
        if caller in self.refused:
            return self.refused[caller]
        if self.public or caller in self.allow:
            if self.then is not None and caller != next(c for c in order if c in self.allow):
                return self.then
            return self.ok
        return 401 if caller == "anonymous" else 403


def _fill(value: Any, values: Mapping[str, Any]) -> Any:
    if isinstance(value, str):
        return value.format(**values)
    if isinstance(value, dict):
        return {k: _fill(v, values) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill(v, values) for v in value]
    return value


async def authorization_mismatches(
    client: httpx.AsyncClient,
    matrix: Sequence[AuthorizationRow],
    callers: Mapping[str, Mapping[str, str]],
    values: Mapping[str, Any],
) -> list[str]:
    """Call every row as every caller (in the order of `callers`); list each status that differs from the row's,
    and check that every refusal is problem+json."""
    order = list(callers)
    mismatches = []
    for row_number, row in enumerate(matrix):
        for caller_number, caller in enumerate(order):
            filled = {
                **values,
                "caller": caller.replace("_", "-"),
                "row_number": row_number,
                "caller_number": caller_number,
            }
            body = _fill(row.body, filled) if row.body is not None else None
            response = await client.request(
                row.method, row.path.format(**filled), headers=dict(callers[caller]), json=body
            )
            expected = row.expected(caller, order)
            if response.status_code != expected:
                mismatches.append(
                    f"{row.method} {row.path} as {caller}: {response.status_code} (expected {expected}) {response.text[:100]}"
                )
            elif response.status_code >= 400:
                assert response.headers["content-type"].startswith("application/problem+json"), (row, caller)
    return mismatches


def routes_without_rows(
    app: FastAPI,
    matrix: Sequence[AuthorizationRow],
    *,
    generic: Mapping[str, str] = MappingProxyType({}),
    open_by_design: Iterable[tuple[str, str]] = (),
) -> set[tuple[str, str]]:
    """The operations of the app's OpenAPI that no row covers (`generic` maps the rows' concrete path parts
    back to the OpenAPI placeholders)."""

    def general(path: str) -> str:
        for concrete, placeholder in generic.items():
            path = path.replace(concrete, placeholder)
        return path

    documented = {
        (method.upper(), path) for path, operations in app.openapi()["paths"].items() for method in operations
    }
    return documented - {(row.method, general(row.path)) for row in matrix} - set(open_by_design)
