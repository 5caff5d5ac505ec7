"""Password and secret hashing (argon2id), and the keyed hash under which learners' national IDs are found."""

from __future__ import annotations

import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from reference_data.personal_data import national_id_digest

_hasher = PasswordHasher()
# Verified when an account does not exist, so that a wrong username costs as long as a wrong password.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


def hash_secret(secret: str) -> str:
    return _hasher.hash(secret)


def verify_secret(secret_hash: str | None, secret: str) -> bool:
    try:
        return _hasher.verify(secret_hash or _DUMMY_HASH, secret) and secret_hash is not None
    except (VerificationError, InvalidHashError):
        return False


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
