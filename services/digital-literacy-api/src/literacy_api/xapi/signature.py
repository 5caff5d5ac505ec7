"""Signed statements (xAPI 2.0.0 §2.6): the signature attachment holds a JWS (compact serialization) whose
payload is the statement as signed. It must be RS256, RS384 or RS512; when its header carries the signer's
certificate (`x5c`) the signature is verified with that certificate's key; and the payload must be the
statement that was sent (what the LRS adds, the attachments, and durations past hundredths of a second aside)."""

from __future__ import annotations

import base64
import binascii
import json
import re
from typing import Any

import jwt
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa

SIGNATURE_USAGE = "http://adlnet.gov/expapi/attachments/signature"
SIGNATURE_TYPE = "application/octet-stream"
ALGORITHMS = ("RS256", "RS384", "RS512")
IGNORED = ("id", "authority", "stored", "version", "attachments", "timestamp")
SECONDS = re.compile(r"(\d+)(?:\.(\d+))?S$")


def _b64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _duration(value: str) -> str:
    """A duration to hundredths of a second (xAPI compares no further)."""

    def cut(found: re.Match[str]) -> str:
        fraction = (found.group(2) or "")[:2].rstrip("0")
        return f"{found.group(1)}.{fraction}S" if fraction else f"{found.group(1)}S"

    return SECONDS.sub(cut, value)


def _comparable(value: Any, key: str | None = None) -> Any:
    if isinstance(value, dict):
        return {k: _comparable(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_comparable(v) for v in value]
    if key == "duration" and isinstance(value, str):
        return _duration(value)
    return value


def _same_statement(signed: dict[str, Any], sent: dict[str, Any]) -> bool:
    keys = (set(signed) | set(sent)) - set(IGNORED)
    if not all(_comparable(signed.get(k)) == _comparable(sent.get(k)) for k in keys):
        return False
    # What the signer set of the properties the LRS may fill must be what was sent.
    for key in ("id", "timestamp"):
        if key in signed and key in sent and signed[key] != sent[key]:
            return False
    return True


def verify(token: bytes, statement: dict[str, Any]) -> None:
    """ValueError unless `token` is a well-formed RS256/384/512 JWS of this statement (verified with its
    certificate when it names one)."""
    try:
        text = token.decode("ascii").strip()
        header_part, payload_part, signature_part = text.split(".")
        header = json.loads(_b64(header_part))
        payload = json.loads(_b64(payload_part))
        _b64(signature_part)
    except (ValueError, UnicodeDecodeError, binascii.Error):
        raise ValueError("the signature is not a JWS") from None
    if not isinstance(header, dict) or header.get("alg") not in ALGORITHMS:
        raise ValueError("the signature's algorithm is not RS256, RS384 or RS512")
    if not isinstance(payload, dict):
        raise ValueError("the signature's payload is not a statement")
    chain = header.get("x5c")
    if chain is not None:
        try:
            key = x509.load_der_x509_certificate(base64.b64decode(chain[0])).public_key()
            if not isinstance(key, rsa.RSAPublicKey):
                raise ValueError("the certificate's key is not RSA")
            jwt.api_jws.PyJWS().decode(text, key=key, algorithms=[header["alg"]])
        except (jwt.PyJWTError, ValueError, TypeError, IndexError, binascii.Error):
            raise ValueError("the signature does not verify with its certificate") from None
    if not _same_statement(payload, statement):
        raise ValueError("the signed statement is not the statement sent")
