"""Every error leaves a service as RFC 9457 problem+json, with the request id and without internals."""

import json
import logging

import pytest
from fastapi import APIRouter
from pydantic import BaseModel, Field

from service_kit.errors import Conflict, NotFound
from service_kit.testing import assert_problem, started

router = APIRouter()


class Thing(BaseModel):
    name: str = Field(min_length=1)
    points: int = Field(ge=0, le=10)


@router.get("/things/{code}")
async def get_thing(code: str) -> Thing:
    raise NotFound(f"No thing {code}.")


@router.post("/things")
async def create_thing(thing: Thing) -> Thing:
    if thing.name == "taken":
        raise Conflict("A thing with this name exists.", errors=[{"field": "name", "message": "taken"}])
    return thing


@router.get("/boom")
async def boom() -> None:
    raise RuntimeError("password=hunter2 in a stack frame")


@pytest.fixture
async def client(build_app):
    async with started(build_app(router)) as http:
        yield http


async def test_not_found_raised_by_a_handler_is_a_404_problem(client):
    body = assert_problem(await client.get("/things/abc"), 404)
    assert body["type"] == "urn:thidua-so:problem:not-found"
    assert body["detail"] == "No thing abc."
    assert body["instance"] == "/things/abc"


async def test_unknown_path_is_a_404_problem_not_html(client):
    body = assert_problem(await client.get("/v1/does-not-exist"), 404)
    assert body["type"] == "about:blank"
    assert body["title"] == "Không tìm thấy"
    assert body["detail"] == "Không có địa chỉ /v1/does-not-exist."
    assert body["code"] == "route.not_found"


async def test_problems_speak_english_when_the_caller_asks_for_it(client):
    english = await client.get("/v1/does-not-exist", headers={"Accept-Language": "en-US,en;q=0.9"})
    body = assert_problem(english, 404)
    assert (body["title"], body["detail"]) == ("Not Found", "No resource at /v1/does-not-exist")
    assert english.headers["content-language"] == "en"
    vietnamese = await client.get("/v1/does-not-exist", headers={"Accept-Language": "fr, vi;q=0.5, en;q=0.4"})
    assert assert_problem(vietnamese, 404)["title"] == "Không tìm thấy"
    assert vietnamese.headers["content-language"] == "vi"


async def test_validation_errors_are_worded_in_vietnamese_by_default(client):
    body = assert_problem(await client.post("/things", json={"name": "", "points": 11}), 422)
    assert body["code"] == "request.invalid"
    assert body["detail"] == "Dữ liệu gửi lên không hợp lệ; xem danh sách lỗi theo từng trường."
    fields = {error["field"]: error["message"] for error in body["errors"]}
    assert fields == {"name": "Cần ít nhất 1 ký tự.", "points": "Tối đa là 10."}


async def test_a_wrong_method_names_every_method_the_path_takes(build_app):
    both = APIRouter()

    @both.get("/pairs/{code}")
    async def read_pair(code: str) -> str:
        return code

    @both.patch("/pairs/{code}")
    async def change_pair(code: str) -> str:
        return code

    async with started(build_app(both)) as http:
        response = await http.delete("/pairs/a")
    assert_problem(response, 405)
    assert response.headers["allow"] == "GET, PATCH"


async def test_the_openapi_document_declares_the_problems_each_operation_can_answer(client):
    document = (await client.get("/openapi.json")).json()
    create = document["paths"]["/things"]["post"]["responses"]
    assert {"400", "409", "413", "422", "503"} <= set(create)
    assert set(create["422"]["content"]) == {"application/problem+json"}
    read = document["paths"]["/things/{code}"]["get"]["responses"]
    assert {"404", "422"} <= set(read)
    assert "HTTPValidationError" not in document["components"]["schemas"]
    assert document["components"]["schemas"]["Problem"]["required"] == ["type", "title", "status", "code"]


async def test_every_problem_carries_a_machine_code(client):
    assert assert_problem(await client.get("/things/abc"), 404)["code"] == "resource.not_found"
    assert assert_problem(await client.delete("/things"), 405)["code"] == "request.method_not_allowed"


async def test_wrong_method_is_a_405_problem(client):
    assert_problem(await client.delete("/things"), 405)


async def test_validation_errors_list_each_field_with_a_message(client):
    body = assert_problem(await client.post("/things", json={"name": "", "points": 11}), 422)
    fields = {error["field"]: error["message"] for error in body["errors"]}
    assert set(fields) == {"name", "points"}
    assert "10" in fields["points"]


async def test_malformed_json_is_a_422_problem(client):
    response = await client.post(
        "/things", content=b"{not json", headers={"content-type": "application/json"}
    )
    body = assert_problem(response, 422)
    assert body["errors"]


async def test_conflict_carries_its_detail_and_errors(client):
    body = assert_problem(await client.post("/things", json={"name": "taken", "points": 1}), 409)
    assert body["errors"] == [{"field": "name", "message": "taken"}]


async def test_unexpected_error_is_a_500_problem_without_internals_and_logged_with_request_id(client, caplog):
    caplog.set_level(logging.ERROR, logger="service_kit.error")
    response = await client.get("/boom", headers={"X-Request-ID": "req-boom-1"})
    body = assert_problem(response, 500)
    assert "hunter2" not in response.text
    assert "Traceback" not in response.text
    assert "req-boom-1" in body["detail"]
    assert response.headers["x-request-id"] == "req-boom-1"
    record = next(r for r in caplog.records if r.name == "service_kit.error")
    assert record.exc_info is not None
    from service_kit.observability import JsonFormatter

    line = json.loads(JsonFormatter().format(record))
    assert line["request_id"] == "req-boom-1"
    assert line["path"] == "/boom"


async def test_request_id_is_echoed_created_or_replaced_when_unsafe(client):
    echoed = await client.get("/healthz", headers={"X-Request-ID": "abc-123"})
    assert echoed.headers["x-request-id"] == "abc-123"
    created = await client.get("/healthz")
    assert len(created.headers["x-request-id"]) == 32
    unsafe = await client.get("/healthz", headers={"X-Request-ID": "bad id\twith spaces"})
    assert unsafe.headers["x-request-id"] != "bad id\twith spaces"
    assert len(unsafe.headers["x-request-id"]) == 32


async def test_access_log_is_one_json_line_with_request_id_and_status(client, caplog):
    caplog.set_level(logging.INFO, logger="service_kit.access")
    await client.get("/things/x?national_id=012345678901", headers={"X-Request-ID": "acc-1"})
    record = next(r for r in caplog.records if r.name == "service_kit.access")
    from service_kit.observability import JsonFormatter

    line = json.loads(JsonFormatter().format(record))
    assert line["request_id"] == "acc-1"
    assert line["status"] == 404
    assert line["method"] == "GET"
    assert line["path"] == "/things/x"
    # Query strings may carry personal data (national IDs): they are never logged.
    assert "012345678901" not in json.dumps(line)
