"""The issuer's RS256 signing key (from settings, or generated for development) and its published JWKS."""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import time
import uuid
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from campaign_api.config import CampaignSettings
from service_kit.errors import Unauthorized
from service_kit.settings import Environment

logger = logging.getLogger("campaign_api.keys")

KEY_SIZE = 3072


def _thumbprint(public_jwk: dict[str, Any]) -> str:
    """RFC 7638 thumbprint: the key id changes exactly when the key does."""
    canonical = json.dumps(
        {k: public_jwk[k] for k in ("e", "kty", "n")}, separators=(",", ":"), sort_keys=True
    )
    return base64.urlsafe_b64encode(hashlib.sha256(canonical.encode()).digest()).rstrip(b"=").decode()


def _public_jwk(public_key: rsa.RSAPublicKey) -> dict[str, Any]:
    jwk: dict[str, Any] = RSAAlgorithm.to_jwk(public_key, as_dict=True)
    return {**jwk, "kid": _thumbprint(jwk), "use": "sig", "alg": "RS256"}


def _load_private_key(pem: bytes) -> rsa.RSAPrivateKey:
    key = serialization.load_pem_private_key(pem, password=None)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ValueError("the token signing key must be an RSA private key")
    return key


def _generate_into(path: Path) -> rsa.RSAPrivateKey:
    key = rsa.generate_private_key(public_exponent=65537, key_size=KEY_SIZE)
    path.parent.mkdir(parents=True, exist_ok=True)
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(pem)
    logger.warning("generated a development token signing key in %s", path)
    return key


class SigningKeys:
    """Signs access tokens with the current key; publishes it (and retired keys) as the JWKS.

    Also the verifier's key source for this issuer's own tokens, so campaign-api never fetches its
    own JWKS over HTTP.
    """

    def __init__(self, private_key: rsa.RSAPrivateKey, retired: list[rsa.RSAPublicKey] | None = None) -> None:
        self._private_key = private_key
        current = _public_jwk(private_key.public_key())
        self.kid: str = current["kid"]
        self._published = [current, *(_public_jwk(k) for k in retired or [])]
        self._verifying = {jwk["kid"]: jwt.PyJWK(jwk, algorithm="RS256").key for jwk in self._published}

    @classmethod
    def from_settings(cls, settings: CampaignSettings) -> SigningKeys:
        retired = []
        for pem in settings.jwt_retired_public_keys:
            public = serialization.load_pem_public_key(pem.encode())
            if not isinstance(public, rsa.RSAPublicKey):
                raise ValueError("retired token keys must be RSA public keys")
            retired.append(public)
        pem = settings.jwt_private_key.get_secret_value()
        if pem:
            return cls(_load_private_key(pem.encode()), retired)
        if settings.jwt_key_file is not None:
            if settings.jwt_key_file.exists():
                return cls(_load_private_key(settings.jwt_key_file.read_bytes()), retired)
            if settings.environment is not Environment.PRODUCTION:
                return cls(_generate_into(settings.jwt_key_file), retired)
            raise ValueError(f"the token signing key file {settings.jwt_key_file} does not exist")
        if settings.environment is Environment.PRODUCTION:
            raise ValueError("a token signing key is required in production")
        # Tests and throw-away runs: a key that lives as long as the process.
        return cls(rsa.generate_private_key(public_exponent=65537, key_size=2048), retired)

    def jwks(self) -> dict[str, Any]:
        return {"keys": self._published}

    async def key(self, kid: str) -> Any:
        try:
            return self._verifying[kid]
        except KeyError:
            raise Unauthorized(code="auth.token_unknown_key") from None

    def sign(self, claims: dict[str, Any], *, issuer: str, audience: str, ttl_seconds: int) -> str:
        now = int(time.time())
        payload = {
            **claims,
            "iss": issuer,
            "aud": audience,
            "iat": now,
            "nbf": now,
            "exp": now + ttl_seconds,
            "jti": uuid.uuid4().hex,
        }
        return jwt.encode(payload, self._private_key, algorithm="RS256", headers={"kid": self.kid})


class ServiceToken:
    """campaign-api's own client token for calling the other services, signed in-process."""

    def __init__(self, keys: SigningKeys, settings: CampaignSettings, *, scope: str) -> None:
        self._keys = keys
        self._settings = settings
        self._scope = scope
        self._token: str | None = None
        self._expires_at = 0.0

    async def get(self) -> str:
        if self._token is None or time.monotonic() >= self._expires_at:
            ttl = self._settings.service_token_ttl_seconds
            self._token = self._keys.sign(
                {"sub": "campaign-api", "client_id": "campaign-api", "scope": self._scope, "roles": []},
                issuer=self._settings.jwt_issuer,
                audience=self._settings.jwt_audience,
                ttl_seconds=ttl,
            )
            self._expires_at = time.monotonic() + ttl / 2
        return self._token

    def invalidate(self) -> None:
        self._token = None
