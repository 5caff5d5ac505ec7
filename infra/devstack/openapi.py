"""`python -m devstack openapi --out DIR`: each service's OpenAPI document as `<service>.json`, for the
dashboard's generated API types (`make gen-client`). Builds the apps without starting them: no database."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

from devstack.services import SERVICES


def write_openapi(out: Path) -> list[Path]:
    """Build every service's FastAPI app and write `app.openapi()` to `out/<service>.json`."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for service in SERVICES:
        app = importlib.import_module(f"{service.package}.main").create_app()
        path = out / f"{service.name}.json"
        path.write_text(json.dumps(app.openapi(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written
