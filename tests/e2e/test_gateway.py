"""The stack through the real nginx gateway: routing, health, docs, request ids, headers, the SPA, limits."""

import json
import socket
import time
from urllib.parse import urlsplit

import pytest

from service_kit.testing import assert_problem

pytestmark = pytest.mark.e2e

SERVICES = ("campaign", "scoring", "literacy")
SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "strict-origin-when-cross-origin",
}


def assert_security_headers(response) -> None:
    for name, value in SECURITY_HEADERS.items():
        assert response.headers[name] == value, name
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp


@pytest.mark.parametrize("service", SERVICES)
def test_each_service_is_healthy_and_ready_through_the_gateway(http, service):
    for probe in ("healthz", "readyz"):
        response = http.get(f"/api/{service}/{probe}")
        assert response.status_code == 200
        assert response.json() == {"status": "ok"}


@pytest.mark.parametrize("service", SERVICES)
def test_openapi_is_valid_and_knows_its_public_prefix(http, service):
    spec = http.get(f"/api/{service}/openapi.json").json()
    assert spec["openapi"].startswith("3.1")
    assert spec["servers"] == [{"url": f"/api/{service}"}]
    assert "/healthz" in spec["paths"]
    # Every $ref points inside the document.
    refs = [part.split('"')[0] for part in json.dumps(spec).split('"$ref": "')[1:]]
    assert all(ref.startswith("#/components/") for ref in refs)


@pytest.mark.parametrize("service", SERVICES)
def test_docs_work_behind_the_gateway(http, service):
    page = http.get(f"/api/{service}/docs")
    assert page.status_code == 200
    assert f"/api/{service}/openapi.json" in page.text
    assert "'unsafe-inline'" in page.headers["content-security-policy"]
    bundle = http.get(f"/api/{service}/docs-assets/swagger-ui-bundle.js")
    assert bundle.status_code == 200
    assert "javascript" in bundle.headers["content-type"]


def test_request_id_is_kept_or_created_and_reaches_the_service_log(http, stack):
    kept = http.get("/api/scoring/healthz", headers={"X-Request-ID": "e2e-trace-0001"})
    assert kept.headers["x-request-id"] == "e2e-trace-0001"
    created = http.get("/api/scoring/healthz")
    assert len(created.headers["x-request-id"]) == 32
    deadline = time.monotonic() + 60
    while '"request_id": "e2e-trace-0001"' not in stack.log.read_text() and time.monotonic() < deadline:
        time.sleep(0.1)
    log = stack.log.read_text()
    assert '"request_id": "e2e-trace-0001"' in log  # the service's line
    assert '"request_id":"e2e-trace-0001"' in log  # the gateway's line


def test_unknown_api_paths_are_problem_json_404(http):
    assert_problem(http.get("/api/campaign/v1/no-such-thing"), 404)
    assert_problem(http.get("/api/no-such-service/v1/things"), 404)


def test_security_headers_on_api_and_dashboard(http):
    assert_security_headers(http.get("/api/campaign/healthz"))
    assert_security_headers(http.get("/"))
    assert_security_headers(http.get("/api/nowhere"))


def test_dashboard_is_served_at_the_root_and_at_deep_links(http):
    root = http.get("/")
    assert root.status_code == 200
    assert root.headers["content-type"].startswith("text/html")
    assert root.headers["cache-control"] == "no-cache"
    deep = http.get("/phong-trao/2025/chi-tiet")
    assert deep.status_code == 200
    assert deep.text == root.text
    missing_asset = http.get("/assets/does-not-exist.js")
    assert missing_asset.status_code == 404


def test_json_is_gzipped_for_clients_that_accept_it(http):
    response = http.get("/api/campaign/openapi.json", headers={"Accept-Encoding": "gzip"})
    assert response.headers.get("content-encoding") == "gzip"
    assert response.json()["openapi"].startswith("3.1")


def test_a_body_over_the_limit_is_a_413_problem(http):
    body = assert_problem(http.post("/api/literacy/v1/imports", content=b"x" * (2 * 1024 * 1024)), 413)
    assert "1m" in body["detail"]


def test_the_token_endpoint_is_rate_limited_with_a_429_problem(http):
    statuses = [
        http.post("/api/campaign/v1/auth/token", data={"grant_type": "password"}).status_code
        for _ in range(12)
    ]
    assert 429 in statuses
    limited = http.post("/api/campaign/v1/auth/token", data={"grant_type": "password"})
    assert_problem(limited, 429)
    # Other paths are not limited.
    assert all(http.get("/api/campaign/healthz").status_code == 200 for _ in range(12))


def _raw(stack, request: bytes) -> tuple[int, dict[str, str], bytes]:
    """Send bytes no well-behaved client would send, and read the gateway's answer."""
    address = urlsplit(stack.url)
    with socket.create_connection((address.hostname, address.port), timeout=30) as connection:
        connection.sendall(request)
        received = b""
        while chunk := connection.recv(65536):
            received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, v in (line.split(":", 1) for line in header_lines)}
    return int(status_line.split()[1]), headers, body


def test_errors_the_gateway_answers_itself_are_problem_json_in_the_callers_language(http, stack):
    too_long = http.get("/api/campaign/v1/units?q=" + "x" * 20_000)
    assert assert_problem(too_long, 414)["code"] == "request.uri_too_long"
    assert too_long.json()["title"] == "Địa chỉ quá dài"

    trace = http.request("TRACE", "/api/campaign/healthz", headers={"Accept-Language": "en"})
    problem = assert_problem(trace, 405)
    assert (problem["title"], problem["code"]) == ("Method Not Allowed", "request.method_not_allowed")
    assert "GET" in trace.headers["allow"]

    status, headers, body = _raw(
        stack, b"GET /api/campaign/%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    assert status == 400
    assert headers["content-type"].startswith("application/problem+json")
    assert json.loads(body)["code"] == "request.bad"

    status, headers, body = _raw(
        stack,
        b"GET /api/campaign/healthz HTTP/1.1\r\nHost: x\r\nBad\x01Header: y\r\nConnection: close\r\n\r\n",
    )
    assert status == 400
    assert headers["content-type"].startswith("application/problem+json")
    assert json.loads(body)["title"] == "Yêu cầu không hợp lệ"


def test_the_gateway_answers_its_own_liveness(http):
    response = http.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
