"""`make xapi-conformance`: the ADL LRS conformance test suite (adlnet/lrs-conformance-test-suite, a checkout
kept OUTSIDE this repository, `npm install`-ed, named by XAPI_CONFORMANCE_DIR) against a throw-away stack
(`devstack run --ephemeral` on free ports): an API client with `xapi:read xapi:write` is registered through
campaign-api, the suite runs for 2.0.0 and 1.0.3 (a stack each) with its Basic credentials through the gateway, and the
passed / failed / total counts of each run are printed (the suite's own output is kept in a log file).

Nothing here downloads the suite."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from service_kit.testing import free_port

REPO_ROOT = Path(__file__).resolve().parents[2]
VERSIONS = os.environ.get("XAPI_CONFORMANCE_VERSIONS", "2.0.0 1.0.3").split()
START_SECONDS = 180


def _ready(url: str) -> bool:
    try:
        return all(
            httpx.get(f"{url}/api/{s}/readyz", timeout=2).status_code == 200
            for s in ("campaign", "scoring", "literacy")
        )
    except httpx.HTTPError:
        return False


def _client(url: str) -> tuple[str, str]:
    with httpx.Client(base_url=url, timeout=30) as http:
        token = http.post(
            "/api/campaign/v1/auth/token",
            data={"grant_type": "password", "username": "admin", "password": "admin"},
        )
        token.raise_for_status()
        headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
        created = http.post(
            "/api/campaign/v1/clients",
            headers=headers,
            json={"name": "ADL conformance suite", "scopes": ["xapi:read", "xapi:write"]},
        )
        created.raise_for_status()
        body = created.json()
        return str(body["client_id"]), str(body["client_secret"])


def _counts(output: str) -> tuple[int, int, int] | None:
    """The suite's summary: the console runner prints `{"total": …, "passed": …, "failed": …}` at the end."""
    for line in reversed(output.splitlines()):
        line = re.sub(r"\x1b\[[0-9;]*m", "", line).strip()
        if line.startswith("{") and '"total"' in line:
            try:
                summary = json.loads(line)
                return int(summary["passed"]), int(summary["failed"]), int(summary["total"])
            except (ValueError, KeyError, TypeError):
                continue
    return None


def _suite(suite: str, version: str, logs: Path) -> tuple[int, int, int] | None:
    """One run of the suite for one version, against a stack of its own: the stack names `version` on the
    answers to requests that name none (`LITERACY_XAPI_UNVERSIONED_ANSWER`), as a store deployed for
    platforms of that version does; every request that names a version is answered in it either way."""
    ports = {name: free_port() for name in ("GATEWAY_PORT", "CAMPAIGN_PORT", "SCORING_PORT", "LITERACY_PORT")}
    url = f"http://127.0.0.1:{ports['GATEWAY_PORT']}"
    env = {
        **os.environ,
        **{k: str(v) for k, v in ports.items()},
        "GATEWAY_TOKEN_RATE": "100r/s",
        "LITERACY_XAPI_UNVERSIONED_ANSWER": version,
    }
    with (logs / f"stack-{version}.log").open("wb") as stack_log:
        stack = subprocess.Popen(
            [sys.executable, "-m", "devstack", "run", "--ephemeral"],
            cwd=REPO_ROOT,
            env=env,
            stdout=stack_log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            deadline = time.monotonic() + START_SECONDS
            while not _ready(url):
                if stack.poll() is not None or time.monotonic() > deadline:
                    print(f"the stack did not start: see {logs / f'stack-{version}.log'}", file=sys.stderr)
                    return None
                time.sleep(1)
            client_id, secret = _client(url)
            endpoint = f"{url}/api/literacy/xapi"
            run = subprocess.run(
                [
                    "node",
                    "bin/console_runner.js",
                    "-e",
                    endpoint,
                    "-a",
                    "-u",
                    client_id,
                    "-p",
                    secret,
                    "-x",
                    version,
                ],
                cwd=suite,
                capture_output=True,
                text=True,
                check=False,
            )
            (logs / f"suite-{version}.log").write_text(run.stdout + run.stderr)
            return _counts(run.stdout + run.stderr)
        finally:
            os.killpg(stack.pid, signal.SIGINT)
            try:
                stack.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(stack.pid, signal.SIGKILL)


def main() -> int:
    suite = os.environ.get("XAPI_CONFORMANCE_DIR")
    if not suite or not (Path(suite) / "bin" / "console_runner.js").exists():
        print(
            "XAPI_CONFORMANCE_DIR must name a checkout of adlnet/lrs-conformance-test-suite (outside this "
            "repository) on which `npm install` has run.",
            file=sys.stderr,
        )
        return 2
    logs = Path(tempfile.mkdtemp(prefix="xapi-conformance-"))
    results = {version: _suite(suite, version, logs) for version in VERSIONS}
    for version, counts in results.items():
        if counts is None:
            print(f"xAPI {version}: no summary found (see {logs / f'suite-{version}.log'})")
        else:
            print(f"xAPI {version}: passed {counts[0]} / failed {counts[1]} / total {counts[2]}")
    print(f"logs: {logs}")
    return 0 if all(c is not None and c[1] == 0 for c in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
