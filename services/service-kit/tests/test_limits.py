"""Bodies over a route's limit are refused with 413 before anything reads them or checks the token;
only the routes a service names as uploads take large bodies."""

import httpx
import pytest
from fastapi import APIRouter, Depends, UploadFile
from pydantic import BaseModel

from service_kit.auth import PrincipalDep
from service_kit.limits import DEFAULT_BODY_LIMIT
from service_kit.testing import assert_problem, started

router = APIRouter()
seen: list[str] = []


class Note(BaseModel):
    text: str


@router.post("/notes")
async def create_note(note: Note, _: PrincipalDep) -> Note:
    seen.append("handler")
    return note


@router.post("/uploads/{kind}")
async def upload(kind: str, file: UploadFile) -> dict[str, int]:
    return {"size": len(await file.read())}


async def _counting_dependency() -> None:
    seen.append("dependency")


@router.post("/open", dependencies=[Depends(_counting_dependency)])
async def open_note(note: Note) -> Note:
    return note


UPLOAD_LIMIT = 4 * DEFAULT_BODY_LIMIT


@pytest.fixture
async def client(build_app):
    seen.clear()
    async with started(build_app(router, uploads=(("POST /uploads/{kind}", UPLOAD_LIMIT),))) as http:
        yield http


async def test_a_declared_length_over_the_limit_is_refused_before_the_token_is_checked(client):
    response = await client.post(
        "/notes",
        content=b"{}",
        headers={"Content-Length": str(200 * 1024 * 1024), "Content-Type": "application/json"},
    )
    problem = assert_problem(response, 413)
    assert problem["code"] == "request.too_large"
    assert problem["limit_bytes"] == DEFAULT_BODY_LIMIT
    assert seen == []


async def test_a_streamed_body_is_refused_once_it_passes_the_limit(client):
    chunks_sent = 0

    async def body():
        nonlocal chunks_sent
        yield b'{"text": "'
        for _ in range(64):
            chunks_sent += 1
            yield b"x" * 65536
        yield b'"}'

    response = await client.post("/open", content=body(), headers={"Content-Type": "application/json"})
    assert_problem(response, 413)
    assert seen == []


async def test_bodies_within_the_limit_reach_the_handler(client):
    response = await client.post("/open", json={"text": "x" * 1000})
    assert response.status_code == 200
    assert response.json() == {"text": "x" * 1000}


async def test_an_upload_route_takes_a_body_over_the_json_limit_but_not_over_its_own(client):
    two_mib = b"a" * (2 * 1024 * 1024)
    ok = await client.post("/uploads/csv", files={"file": ("a.csv", two_mib, "text/csv")})
    assert ok.status_code == 200
    assert ok.json() == {"size": len(two_mib)}
    too_big = await client.post(
        "/uploads/csv", files={"file": ("a.csv", b"a" * (UPLOAD_LIMIT + 1), "text/csv")}
    )
    assert_problem(too_big, 413)


async def test_a_content_length_that_is_not_a_number_is_a_bad_request(client):
    response = await client.post(
        "/open", content=b"{}", headers={"Content-Length": "abc", "Content-Type": "application/json"}
    )
    assert_problem(response, 400)


async def test_an_upload_route_behind_the_gateway_prefix_keeps_its_own_limit(build_app):
    # uvicorn `--root-path /api/kit`: the gateway passes the full path, the routes carry no prefix.
    app = build_app(router, uploads=(("POST /uploads/{kind}", UPLOAD_LIMIT),))
    two_mib = b"a" * (2 * 1024 * 1024)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, root_path="/api/kit")
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            ok = await http.post("/api/kit/uploads/csv", files={"file": ("a.csv", two_mib, "text/csv")})
            assert ok.status_code == 200, ok.text
            assert ok.json() == {"size": len(two_mib)}
            json_route = await http.post(
                "/api/kit/open", content=b"{}", headers={"Content-Length": str(2 * DEFAULT_BODY_LIMIT)}
            )
            assert_problem(json_route, 413)
