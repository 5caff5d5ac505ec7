"""The platform for the benchmarks: its own embedded PostgreSQL in a scratch directory (so the benchmark can
also reach the database directly, for the references and the generated data) and `devstack run` on free
ports with the gateway, as `make run` starts it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy.engine import URL

from service_kit.postgres import EmbeddedPostgres, create_database, run
from service_kit.testing import free_port, uvicorn_pid

REPO_ROOT = Path(__file__).resolve().parents[2]
SERVICES = ("campaign", "scoring", "literacy")


@dataclass(frozen=True)
class Stack:
    gateway: str
    ports: dict[str, int]
    admin_url: URL
    data_dir: Path

    def service_url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.ports[name.upper() + '_PORT']}"

    def service_pid(self, name: str) -> int:
        """The process of a service (its uvicorn)."""
        return uvicorn_pid(self.ports[name.upper() + "_PORT"])


def _ready(url: str) -> bool:
    try:
        return all(httpx.get(f"{url}/api/{s}/readyz", timeout=2).status_code == 200 for s in SERVICES)
    except httpx.HTTPError:
        return False


@contextmanager
def platform(**environment: str) -> Iterator[Stack]:
    with tempfile.TemporaryDirectory(prefix="thidua-bench-") as scratch:
        postgres = EmbeddedPostgres(Path(scratch) / "postgres", keep=False)
        try:
            admin_url = run(create_database(postgres.admin_url, "thidua"))
            ports = {
                n: free_port() for n in ("GATEWAY_PORT", "CAMPAIGN_PORT", "SCORING_PORT", "LITERACY_PORT")
            }
            env = {
                **os.environ,
                **{n: str(p) for n, p in ports.items()},
                "DATABASE_URL": admin_url.render_as_string(hide_password=False),
                "DATA_DIR": str(Path(scratch) / "data"),
                **environment,
            }
            log = Path(scratch) / "stack.log"
            gateway = f"http://127.0.0.1:{ports['GATEWAY_PORT']}"
            with log.open("wb") as output:
                process = subprocess.Popen(
                    [sys.executable, "-m", "devstack", "run", "--no-seed"],
                    cwd=REPO_ROOT,
                    env=env,
                    stdout=output,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
                try:
                    deadline = time.monotonic() + 180
                    while not _ready(gateway):
                        if process.poll() is not None or time.monotonic() > deadline:
                            raise RuntimeError(f"the stack did not start:\n{log.read_text()[-4000:]}")
                        time.sleep(0.5)
                    yield Stack(gateway=gateway, ports=ports, admin_url=admin_url, data_dir=Path(scratch))
                finally:
                    process.send_signal(signal.SIGTERM)
                    try:
                        process.wait(timeout=60)
                    except subprocess.TimeoutExpired:
                        os.killpg(process.pid, signal.SIGKILL)
                        process.wait()
        finally:
            postgres.stop()
