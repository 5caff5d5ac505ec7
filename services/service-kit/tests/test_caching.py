"""ETags on single resources: `If-None-Match` gives 304, a stale `If-Match` on a change gives 412."""

import pytest
from fastapi import APIRouter, Request, Response

from service_kit.caching import check_if_match, etag_of, not_modified
from service_kit.testing import started

router = APIRouter()

DOCUMENT = {"id": "d1", "title": "Kế hoạch chuyển đổi số 2025", "version": 3}


@router.get("/documents/d1", response_model=None)
async def read_document(request: Request, response: Response) -> dict[str, object] | Response:
    if not_modified(request, response, DOCUMENT):
        return Response(status_code=304, headers={"ETag": response.headers["ETag"]})
    return DOCUMENT


@router.patch("/documents/d1")
async def change_document(request: Request) -> dict[str, str]:
    check_if_match(request, DOCUMENT)
    return {"changed": "yes"}


@pytest.fixture
async def http(build_app):
    async with started(build_app(router)) as client:
        yield client


async def test_etag_gives_304_and_a_stale_if_match_gives_412(http):
    first = await http.get("/documents/d1")
    etag = first.headers["etag"]
    assert etag == etag_of(DOCUMENT)
    assert (await http.get("/documents/d1", headers={"If-None-Match": etag})).status_code == 304
    assert (await http.get("/documents/d1", headers={"If-None-Match": '"other"'})).status_code == 200
    assert (await http.patch("/documents/d1", headers={"If-Match": etag})).status_code == 200
    stale = await http.patch("/documents/d1", headers={"If-Match": '"an-old-version"'})
    assert stale.status_code == 412
    assert stale.headers["content-type"] == "application/problem+json"
    assert stale.json()["code"] == "resource.changed"
    assert (await http.patch("/documents/d1")).status_code == 200
