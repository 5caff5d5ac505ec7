"""Demo data across services: ids the seeds of different services agree on without calling each other."""

import uuid

DEMO_NAMESPACE = uuid.UUID("5f0c1c0e-7d1b-4a50-9d7e-2e5b0c7a6d00")


def demo_id(kind: str, code: str) -> uuid.UUID:
    """The id a demo object of `kind` with `code` has in every seed (e.g. a campaign scoring-api scores)."""
    return uuid.uuid5(DEMO_NAMESPACE, f"{kind}:{code}")
