"""`multipart/mixed` as xAPI sends statements with their attachments (RFC 2046, xAPI 2.0.0 §4.1.3.2): the
boundary from the Content-Type, the statements in the first part (application/json), then one part per
attachment with `Content-Type`, `Content-Transfer-Encoding: binary` and `X-Experience-API-Hash` (its SHA-2).
ValueError, with the reason, for anything else."""

from __future__ import annotations

import re
from dataclasses import dataclass

BOUNDARY = re.compile(r'boundary\s*=\s*(?:"([^"]{1,200})"|([^;\s]{1,200}))', re.IGNORECASE)
HASH_HEADER = "x-experience-api-hash"


@dataclass(frozen=True)
class Part:
    headers: dict[str, str]
    content: bytes

    @property
    def media_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


@dataclass(frozen=True)
class Mixed:
    statements: bytes
    attachments: dict[str, Part]
    """The attachment parts by their SHA-2 (lower case)."""


def boundary_of(content_type: str) -> str:
    found = BOUNDARY.search(content_type)
    if found is None:
        raise ValueError("multipart/mixed needs a boundary")
    return found.group(1) or found.group(2)


def _part(raw: bytes) -> Part:
    head, separator, content = raw.partition(b"\r\n\r\n")
    if not separator:
        if raw.startswith(b"\r\n"):  # a part without headers
            head, content = b"", raw[2:]
        else:
            raise ValueError("a part has no blank line after its headers")
    headers: dict[str, str] = {}
    for line in head.split(b"\r\n"):
        if not line.strip():
            continue
        name, colon, value = line.partition(b":")
        if not colon:
            raise ValueError("a part's header line has no colon")
        headers[name.decode("latin-1").strip().lower()] = value.decode("latin-1").strip()
    return Part(headers=headers, content=content)


def parse(body: bytes, content_type: str) -> Mixed:
    delimiter = b"--" + boundary_of(content_type).encode("latin-1")
    if not (body.startswith(delimiter) or b"\r\n" + delimiter in body):
        raise ValueError("the body does not start its parts with the boundary")
    start = 0 if body.startswith(delimiter) else body.index(b"\r\n" + delimiter) + 2
    pieces = body[start:].split(b"\r\n" + delimiter)
    if not pieces[-1].startswith(b"--"):
        raise ValueError("the body does not close with the boundary")
    raws = [pieces[0][len(delimiter) :], *pieces[1:-1]]
    parts = []
    for raw in raws:
        if not raw.startswith(b"\r\n"):
            raise ValueError("a boundary line is not followed by a line break")
        parts.append(_part(raw[2:]))
    if not parts:
        raise ValueError("no part")
    first, rest = parts[0], parts[1:]
    if first.media_type != "application/json":
        raise ValueError("the first part is not application/json")
    attachments: dict[str, Part] = {}
    for part in rest:
        sha2 = part.headers.get(HASH_HEADER, "").lower()
        if not sha2:
            raise ValueError("an attachment part has no X-Experience-API-Hash")
        if part.headers.get("content-transfer-encoding", "").lower() != "binary":
            raise ValueError("an attachment part is not Content-Transfer-Encoding: binary")
        attachments[sha2] = part
    return Mixed(statements=first.content, attachments=attachments)


def build(parts: list[tuple[dict[str, str], bytes]], boundary: str) -> bytes:
    """A multipart/mixed body of the parts (headers, content)."""
    out = b""
    for headers, content in parts:
        head = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
        out += f"--{boundary}\r\n{head}\r\n".encode() + content + b"\r\n"
    return out + f"--{boundary}--\r\n".encode()
