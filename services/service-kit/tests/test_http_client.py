"""Service-to-service calls: retries where safe, request-id propagation, client tokens, clean failure."""

import httpx
import pytest
from pydantic import BaseModel

from service_kit.errors import DependencyUnavailable
from service_kit.http_client import ClientCredentialsToken, ServiceClient
from service_kit.observability import request_id_var


class Unit(BaseModel):
    code: str
    name: str


class Script:
    """A fake downstream that answers from a list and records what it was asked."""

    def __init__(self, *answers):
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer


def client_for(script: Script, **kwargs) -> ServiceClient:
    return ServiceClient(
        "http://campaign.test", transport=httpx.MockTransport(script), backoff_seconds=0, **kwargs
    )


OK = httpx.Response(200, json={"code": "66", "name": "Đắk Lắk"})


async def test_get_retries_502_503_504_then_succeeds():
    script = Script(httpx.Response(503), httpx.Response(502), OK)
    unit = await client_for(script).get_model("/v1/units/66", Unit)
    assert unit == Unit(code="66", name="Đắk Lắk")
    assert len(script.requests) == 3


async def test_get_gives_up_after_the_retries_with_dependency_unavailable():
    script = Script(httpx.Response(504), httpx.Response(504), httpx.Response(504))
    with pytest.raises(DependencyUnavailable) as caught:
        await client_for(script).get_model("/v1/units/66", Unit)
    assert caught.value.extensions["service"] == "service"
    assert len(script.requests) == 3


async def test_post_is_not_retried_on_503():
    script = Script(httpx.Response(503), OK)
    with pytest.raises(DependencyUnavailable):
        await client_for(script).post_model("/v1/things", Unit, json={})
    assert len(script.requests) == 1


async def test_connection_errors_are_retried_even_for_post():
    script = Script(httpx.ConnectError("refused"), OK)
    assert (await client_for(script).post_model("/v1/things", Unit, json={})).code == "66"
    assert len(script.requests) == 2


async def test_read_timeout_is_retried_only_when_idempotent():
    script = Script(httpx.ReadTimeout("slow"), OK)
    assert (await client_for(script).get_model("/v1/units/66", Unit)).code == "66"
    post_script = Script(httpx.ReadTimeout("slow"), OK)
    with pytest.raises(DependencyUnavailable):
        await client_for(post_script).post_model("/v1/things", Unit, json={})
    assert len(post_script.requests) == 1


async def test_a_4xx_answer_is_not_retried():
    script = Script(httpx.Response(404, json={"title": "Not Found"}))
    response = await client_for(script).request("GET", "/v1/units/99")
    assert response.status_code == 404
    assert len(script.requests) == 1


async def test_request_id_is_propagated():
    script = Script(OK)
    token = request_id_var.set("req-42")
    try:
        await client_for(script).get_model("/v1/units/66", Unit)
    finally:
        request_id_var.reset(token)
    assert script.requests[0].headers["x-request-id"] == "req-42"


async def test_client_token_is_fetched_once_sent_and_refreshed_after_a_401():
    issued = []

    def token_endpoint(request: httpx.Request) -> httpx.Response:
        form = dict(x.split("=") for x in request.content.decode().split("&"))
        assert form["grant_type"] == "client_credentials"
        assert form["client_id"] == "scoring-api"
        issued.append(f"t{len(issued) + 1}")
        return httpx.Response(200, json={"access_token": issued[-1], "expires_in": 300})

    token = ClientCredentialsToken(
        "http://campaign.test/v1/auth/token",
        "scoring-api",
        "s3cret",
        scope="campaign:read",
        http=httpx.AsyncClient(transport=httpx.MockTransport(token_endpoint)),
    )
    script = Script(OK, OK, httpx.Response(401), OK)
    client = client_for(script, token=token)
    await client.get_model("/v1/units/66", Unit)
    await client.get_model("/v1/units/66", Unit)
    assert issued == ["t1"]
    await client.get_model("/v1/units/66", Unit)
    assert issued == ["t1", "t2"]
    assert [r.headers["authorization"] for r in script.requests] == [
        "Bearer t1",
        "Bearer t1",
        "Bearer t1",
        "Bearer t2",
    ]


async def test_token_endpoint_down_means_dependency_unavailable():
    token = ClientCredentialsToken(
        "http://campaign.test/v1/auth/token",
        "scoring-api",
        "s3cret",
        http=httpx.AsyncClient(transport=httpx.MockTransport(lambda r: httpx.Response(503))),
    )
    with pytest.raises(DependencyUnavailable):
        await client_for(Script(OK), token=token).get_model("/v1/units/66", Unit)
