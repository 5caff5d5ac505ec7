"""Personal data at rest (Decree 13/2023): AES-256-GCM encryption bound to the field it belongs to, a
keyed hash (HMAC-SHA256) to find and de-duplicate without decrypting, and the masks responses show."""

from __future__ import annotations

import base64
import hmac
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

_VERSION = b"\x01"
_NONCE_BYTES = 12


class PersonalDataCipher:
    """Encrypts one field's values with the service's key; the field name is bound in as associated data,
    so a national ID's ciphertext cannot be passed off as a phone number's."""

    def __init__(self, encryption_key: bytes, lookup_key: bytes) -> None:
        if len(encryption_key) != 32:
            raise ValueError("the personal-data key is 32 bytes (base64 of 32 random bytes)")
        if len(lookup_key) < 32:
            raise ValueError("the look-up key is at least 32 bytes")
        self._aead = AESGCM(encryption_key)
        self._lookup_key = lookup_key

    @classmethod
    def from_settings(cls, encryption_key_b64: str, lookup_key: str) -> PersonalDataCipher:
        return cls(base64.b64decode(encryption_key_b64), lookup_key.encode())

    def encrypt(self, value: str, *, field: str) -> bytes:
        return self.seal(value.encode(), field=field)

    def decrypt(self, blob: bytes, *, field: str) -> str:
        return self.unseal(blob, field=field).decode()

    def seal(self, data: bytes, *, field: str) -> bytes:
        """Bytes (a stored upload, say) encrypted like a field's value."""
        nonce = os.urandom(_NONCE_BYTES)
        return _VERSION + nonce + self._aead.encrypt(nonce, data, field.encode())

    def unseal(self, blob: bytes, *, field: str) -> bytes:
        if blob[:1] != _VERSION:
            raise ValueError("unknown personal-data format")
        nonce, ciphertext = blob[1 : 1 + _NONCE_BYTES], blob[1 + _NONCE_BYTES :]
        return self._aead.decrypt(nonce, ciphertext, field.encode())

    def lookup_hash(self, value: str, *, field: str) -> bytes:
        return lookup_digest(self._lookup_key, value, field=field)


NATIONAL_ID_FIELD = "national_id"


def lookup_digest(key: bytes, value: str, *, field: str) -> bytes:
    """The one keyed hash (HMAC-SHA256 over `field:value`) under which every service finds a person's
    national ID (or another identifier) without keeping it: the same key gives the same digest anywhere."""
    return hmac.digest(key, f"{field}:{value}".encode(), "sha256")  # HMAC-SHA256, one call into OpenSSL


def national_id_digest(key: bytes, national_id: str) -> bytes:
    return lookup_digest(key, national_id, field=NATIONAL_ID_FIELD)


def mask_national_id(national_id: str) -> str:
    """`066190000123` → `066******123`: the province-and-century prefix and the last three digits."""
    return national_id[:3] + "*" * (len(national_id) - 6) + national_id[-3:]


def mask_phone(phone: str) -> str:
    return phone[:3] + "*" * max(len(phone) - 6, 0) + phone[-3:]


def mask_name(full_name: str) -> str:
    """`Nguyễn Thị Hương` → `Nguyễn T. H.`: the family name, then initials."""
    words = full_name.split()
    if len(words) <= 1:
        return (words[0][0] + ".") if words else ""
    return " ".join([words[0], *(w[0] + "." for w in words[1:])])
