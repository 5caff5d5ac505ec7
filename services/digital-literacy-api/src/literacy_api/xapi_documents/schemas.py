"""What crosses the layers of the document resources: where documents live (a kind and the parts of its key),
and a document as it is answered. The bodies themselves are raw bytes, as xAPI sends them: no JSON schema."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Place:
    """Where documents live: the kind, and the parts of the key it has ('' for those it has not)."""

    kind: str
    activity_id: str = ""
    agent_key: str = ""
    registration: str = ""


@dataclass(frozen=True)
class Document:
    content: bytes
    content_type: str
    etag: str
    updated: datetime
