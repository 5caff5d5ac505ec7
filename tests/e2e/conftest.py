"""The real stack for the cross-service tests: `python -m devstack run --ephemeral` on free ports
(a throw-away PostgreSQL, the three uvicorn services, nginx), started once per test session."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from devstack.settings import StackSettings
from service_kit.testing import free_port

REPO_ROOT = Path(__file__).resolve().parents[2]
SERVICES = ("campaign", "scoring", "literacy")
START_TIMEOUT_SECONDS = 120

# Small limits, so the tests can reach them quickly.
TEST_BODY_LIMIT = "1m"
TEST_TOKEN_RATE = "1r/s"
TEST_TOKEN_BURST = 3


@dataclass(frozen=True)
class Stack:
    url: str
    log: Path
    ports: dict[str, int]

    def service_url(self, name: str) -> str:
        """A service directly, not through the gateway."""
        return f"http://127.0.0.1:{self.ports[name.upper() + '_PORT']}"

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=120.0)


def _ready(url: str) -> bool:
    try:
        return all(httpx.get(f"{url}/api/{s}/readyz", timeout=2).status_code == 200 for s in SERVICES)
    except httpx.HTTPError:
        return False


@contextlib.contextmanager
def running_stack(tmp_path_factory: pytest.TempPathFactory, *, pooled: bool = False) -> Iterator[Stack]:
    """`devstack run --ephemeral` on free ports, until the block ends; `pooled`: the services reach
    PostgreSQL through PgBouncer in transaction mode (`POOLER=pgbouncer`)."""
    if not (StackSettings().spa_root / "index.html").exists():
        pytest.fail(
            "frontend/dist is missing: build the dashboard first (`make frontend`, part of `make test`)"
        )
    ports = {name: free_port() for name in ("GATEWAY_PORT", "CAMPAIGN_PORT", "SCORING_PORT", "LITERACY_PORT")}
    env = {
        **os.environ,
        **{name: str(port) for name, port in ports.items()},
        "GATEWAY_BODY_LIMIT": TEST_BODY_LIMIT,
        "GATEWAY_TOKEN_RATE": TEST_TOKEN_RATE,
        "GATEWAY_TOKEN_BURST": str(TEST_TOKEN_BURST),
    }
    if pooled:
        env.update({"POOLER": "pgbouncer", "POOLER_PORT": str(free_port())})
    log = tmp_path_factory.mktemp("stack") / "stack.log"
    url = f"http://127.0.0.1:{ports['GATEWAY_PORT']}"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "devstack", "run", "--ephemeral"],
            cwd=REPO_ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            deadline = time.monotonic() + START_TIMEOUT_SECONDS
            while not _ready(url):
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"the stack did not start; its log:\n{log.read_text()[-6000:]}")
                time.sleep(0.3)
            yield Stack(url=url, log=log, ports=ports)
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """The stack the end-to-end tests share, its services behind PgBouncer in transaction mode as in a
    cluster (`make deps` installs it); the conformance runs use a direct stack of their own, so both
    ways of reaching PostgreSQL are tried by every `make test`."""
    with running_stack(tmp_path_factory, pooled=True) as started:
        yield started


@pytest.fixture(scope="module")
def fuzz_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """A stack of its own for the conformance runs: fuzzing changes accounts (the administrator's
    password too), which the other end-to-end tests must not inherit."""
    with running_stack(tmp_path_factory) as started:
        yield started


@pytest.fixture
def http(stack: Stack) -> Iterator[httpx.Client]:
    with stack.client() as client:
        yield client


@pytest.fixture
def issue_token(http: httpx.Client):
    """POST the token endpoint like a well-behaved client: wait and retry while the gateway says 429."""

    def post(form: dict[str, str]) -> dict:
        for _ in range(10):
            response = http.post("/api/campaign/v1/auth/token", data=form)
            if response.status_code != 429:
                assert response.status_code == 200, response.text
                return response.json()
            time.sleep(1.1)
        pytest.fail("the token endpoint kept answering 429")

    return post
