"""A huge JSON body without a token is refused before the service reads it or checks the token: the
service answers 413 while the client is still sending, and its memory does not move (issue 13)."""

import contextlib
import socket
from urllib.parse import urlsplit

import pytest

from service_kit.testing import resident_kib, uvicorn_pid

pytestmark = pytest.mark.e2e

DECLARED = 200 * 1024 * 1024
CHUNK = b"[" + b"1," * (512 * 1024)


def _send_until_answered(url: str, path: str) -> tuple[bytes, int]:
    """Declare a 200 MB JSON body, send it chunk by chunk until the service answers; return the
    answer's first bytes and how much was sent by then."""
    address = urlsplit(url)
    sent = 0
    with socket.create_connection((address.hostname, address.port), timeout=60) as connection:
        connection.sendall(
            f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            f"Content-Length: {DECLARED}\r\n\r\n".encode()
        )
        connection.setblocking(False)
        answer = b""
        while sent < DECLARED and not answer:
            with contextlib.suppress(BlockingIOError):
                answer = connection.recv(4096)
            if answer:
                break
            with contextlib.suppress(BlockingIOError, BrokenPipeError, ConnectionResetError):
                sent += connection.send(CHUNK)
        connection.setblocking(True)
        answer += connection.recv(4096) if b"\r\n\r\n" not in answer else b""
    return answer, sent


@pytest.mark.parametrize(("service", "path"), [("scoring", "/v1/rounds"), ("campaign", "/v1/campaigns")])
def test_a_200_mb_body_without_a_token_is_refused_unread_and_memory_stays_flat(stack, service, path):
    pid = uvicorn_pid(stack.ports[f"{service.upper()}_PORT"])
    before = resident_kib(pid)
    answer, sent = _send_until_answered(stack.service_url(service), path)
    after = resident_kib(pid)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert b"application/problem+json" in answer
    assert sent < DECLARED // 4, f"the service read {sent} bytes before answering"
    assert after - before < 20 * 1024, f"memory grew by {after - before} KiB"
