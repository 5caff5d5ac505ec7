"""Password and secret hashing (argon2id), and the keyed hash under which learners' national IDs are found.

argon2 is slow on purpose (tens to hundreds of milliseconds of CPU): it runs in worker threads, at most
one per core, never on the event loop, so that sign-ins do not stall every other request. A sign-in for
an account that does not exist verifies a dummy hash, so a wrong username costs what a wrong password
costs and the time taken does not tell whether the account exists.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from collections.abc import Callable
from typing import TypeVar

import anyio
import anyio.to_thread
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from reference_data.personal_data import national_id_digest

T = TypeVar("T")

# OWASP's Password Storage Cheat Sheet for argon2id: 19 MiB, 2 passes, one lane (a third of the CPU
# time of argon2-cffi's defaults, measured here). One lane because sign-ins run side by side, one per
# core: more lanes would only contend for the same cores. Hashes made with other parameters (the
# defaults, 64 MiB × 3 passes × 4 lanes, before 2026-12) still verify and are re-hashed at the next
# sign-in (`needs_rehash`).
_hasher = PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1)
# Verified when an account does not exist, so that a wrong username costs as long as a wrong password.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))

THREADS = os.cpu_count() or 1
"""argon2 computations running at once: one per core (more would only queue inside the CPU)."""
_limiter: anyio.CapacityLimiter | None = None


def _pool() -> anyio.CapacityLimiter:
    global _limiter
    if _limiter is None:
        _limiter = anyio.CapacityLimiter(THREADS)
    return _limiter


async def _off_the_loop(function: Callable[..., T], *args: object) -> T:
    return await anyio.to_thread.run_sync(function, *args, limiter=_pool())


def hash_secret_sync(secret: str) -> str:
    return _hasher.hash(secret)


def verify_secret_sync(secret_hash: str, secret: str) -> bool:
    try:
        return _hasher.verify(secret_hash, secret)
    except (VerificationError, InvalidHashError):
        return False


async def hash_secret(secret: str) -> str:
    return await _off_the_loop(hash_secret_sync, secret)


async def verify_secret(secret_hash: str | None, secret: str) -> bool:
    """Whether `secret` matches `secret_hash`; with no hash (no such account) the dummy hash is verified
    all the same and the answer is False."""
    matches = await _off_the_loop(verify_secret_sync, secret_hash or _DUMMY_HASH, secret)
    return matches and secret_hash is not None


def needs_rehash(secret_hash: str) -> bool:
    return _hasher.check_needs_rehash(secret_hash)


def national_id_hash(key: str, national_id: str) -> bytes:
    """The platform's one look-up hash of a national ID (reference_data), under campaign-api's key."""
    return national_id_digest(key.encode(), national_id)


def new_client_secret() -> str:
    return secrets.token_urlsafe(32)


def digest(value: str) -> bytes:
    """Unkeyed SHA-256 for high-entropy random values (refresh tokens): no need for a slow hash."""
    return hashlib.sha256(value.encode()).digest()
