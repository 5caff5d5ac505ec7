"""schemathesis over the three services' OpenAPI documents, through the real gateway, as an
administrator: every check, examples + coverage + fuzzing + stateful phases, a fixed seed and a
bounded number of examples (`make fuzz` runs it longer). Zero failures: every status an operation
can answer is declared, every response matches its schema, nothing answers 500."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

# campaign-api last: fuzzing it changes accounts.
SERVICES = ("scoring", "literacy", "campaign")

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "8"))
SEED = int(os.environ.get("FUZZ_SEED", "20261201"))
PHASES = os.environ.get("FUZZ_PHASES", "examples,coverage,fuzzing,stateful")
# Budget per service so that `make test` stays bounded on a busy machine; `make fuzz` raises it.
MAX_SECONDS = int(os.environ.get("FUZZ_MAX_SECONDS", "240"))


@pytest.fixture
def admin_token(fuzz_stack) -> str:
    """An administrator's token taken just before each run (it lives 15 minutes: a run stays shorter)."""
    form = {"grant_type": "password", "username": "admin", "password": "admin"}
    with fuzz_stack.client() as http:
        for _ in range(30):
            response = http.post("/api/campaign/v1/auth/token", data=form)
            if response.status_code != 429:
                break
            time.sleep(1.1)
    assert response.status_code == 200, response.text
    return str(response.json()["access_token"])


@pytest.mark.parametrize("service", SERVICES)
def test_the_service_answers_as_its_openapi_says(service, fuzz_stack, admin_token, tmp_path):
    schemathesis = shutil.which("schemathesis", path=str(Path(sys.executable).parent))
    assert schemathesis, "schemathesis is a dev dependency (uv sync)"
    base = f"{fuzz_stack.url}/api/{service}"
    command = [
        schemathesis,
        "run",
        f"{base}/openapi.json",
        "--url",
        base,
        "--checks",
        "all",
        "--phases",
        PHASES,
        "--max-examples",
        str(EXAMPLES),
        "--seed",
        str(SEED),
        "--generation-deterministic",
        "--max-time",
        str(MAX_SECONDS),
        "--workers",
        "1",
        "--request-timeout",
        "60",
        "--suppress-health-check",
        "all",
        "--header",
        f"Authorization: Bearer {admin_token}",
        "--report",
        "junit",
        "--report-dir",
        str(tmp_path),
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    output = result.stdout + result.stderr
    print(output)
    assert result.returncode == 0, output[-12000:]
