"""The gateway alone, in front of services that are not running: it answers problem+json, never HTML."""

import subprocess
import time

import httpx
import pytest

from devstack import gateway
from devstack.settings import StackSettings
from service_kit.testing import free_port

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def lone_gateway(tmp_path_factory):
    settings = StackSettings(
        gateway_port=free_port(),
        campaign_port=free_port(),
        scoring_port=free_port(),
        literacy_port=free_port(),
    )
    conf = gateway.render(settings, tmp_path_factory.mktemp("gateway"))
    process = subprocess.Popen(
        [settings.nginx_bin, "-e", "stderr", "-p", str(conf.parent), "-c", str(conf), "-g", "daemon off;"]
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                httpx.get(settings.gateway_url, timeout=1)
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline or process.poll() is not None:
                    pytest.fail("nginx did not start")
                time.sleep(0.1)
        yield settings.gateway_url
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_a_service_that_is_down_gives_a_502_problem_with_request_id(lone_gateway):
    response = httpx.get(f"{lone_gateway}/api/literacy/v1/me/progress", headers={"X-Request-ID": "down-1"})
    assert response.status_code == 502
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["title"] == "Lỗi cổng kết nối"
    assert response.json()["code"] == "gateway.bad_gateway"
    assert response.headers["x-request-id"] == "down-1"
