"""The reference for request throughput: a bare uvicorn JSON endpoint (no auth, no database)."""

from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route


async def progress(_request: object) -> JSONResponse:
    return JSONResponse(
        {"learner_id": "00000000-0000-0000-0000-000000000000", "courses": [], "competences": []}
    )


app = Starlette(routes=[Route("/v1/me/progress", progress)])
