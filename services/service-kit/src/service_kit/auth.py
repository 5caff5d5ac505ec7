"""Local verification of RS256 access tokens against cached JWKS, and the principal dependencies.

The issuer (campaign-api, or an external OIDC provider) publishes its keys; every service fetches
them once, keeps them, and refetches only when a token names a `kid` it has not seen.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Annotated, Any, Protocol

import httpx
import jwt
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from service_kit.errors import Unauthorized
from service_kit.revocation import VERSION_CLAIM, RevocationSource, client_subject, token_is_current
from service_kit.settings import TrustedIssuer

logger = logging.getLogger("service_kit.auth")

ALGORITHM = "RS256"
LEEWAY_SECONDS = 30
VERIFIED_TOKENS_KEPT = 4096
"""Tokens whose signature was verified are remembered (until they expire) so that a client's next
requests skip parsing and the RSA check; revocation is still checked on every request."""


@dataclass(frozen=True)
class Principal:
    """Who is calling: a person (with roles and units) or an API client (with scopes)."""

    subject: str
    issuer: str
    roles: frozenset[str] = frozenset()
    unit_codes: tuple[str, ...] = ()
    scopes: frozenset[str] = frozenset()
    learner_id: str | None = None
    client_id: str | None = None
    claims: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def is_client(self) -> bool:
        return self.client_id is not None

    def has_role(self, *roles: str) -> bool:
        return not self.roles.isdisjoint(roles)

    def has_scope(self, scope: str) -> bool:
        return scope in self.scopes


class KeySource(Protocol):
    """Where an issuer's public keys come from: its JWKS over HTTP, or (for the issuer itself) memory."""

    async def key(self, kid: str) -> Any: ...


class JwksCache:
    """The public keys of one issuer, fetched once and refetched on an unknown `kid` (rate-limited)."""

    def __init__(self, url: str, http: httpx.AsyncClient, *, min_refresh_seconds: float = 30.0) -> None:
        self.url = url
        self._http = http
        self._min_refresh = min_refresh_seconds
        self._keys: dict[str, Any] = {}
        self._fetched_at: float | None = None
        self._lock = asyncio.Lock()

    async def key(self, kid: str) -> Any:
        if kid in self._keys:
            return self._keys[kid]
        async with self._lock:
            if kid not in self._keys and self._may_refresh():
                await self._refresh()
        try:
            return self._keys[kid]
        except KeyError:
            raise Unauthorized(
                "The token is signed with an unknown key.", code="auth.token_unknown_key"
            ) from None

    def _may_refresh(self) -> bool:
        return self._fetched_at is None or time.monotonic() - self._fetched_at >= self._min_refresh

    async def _refresh(self) -> None:
        self._fetched_at = time.monotonic()
        try:
            response = await self._http.get(self.url)
            response.raise_for_status()
            keys = response.json().get("keys", [])
        except (httpx.HTTPError, ValueError) as exc:
            logger.warning("could not fetch JWKS from %s: %s", self.url, type(exc).__name__)
            # Keep the keys we had; a later unknown kid may try again after the interval.
            self._fetched_at = time.monotonic() - self._min_refresh + min(self._min_refresh, 5.0)
            return
        fresh: dict[str, Any] = {}
        for jwk in keys:
            if jwk.get("kty") != "RSA" or not jwk.get("kid") or jwk.get("use", "sig") != "sig":
                continue
            fresh[jwk["kid"]] = jwt.PyJWK(jwk, algorithm=ALGORITHM).key
        self._keys = fresh


def _claim_at(claims: dict[str, Any], dotted: str) -> Any:
    value: Any = claims
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _as_strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return value.split()
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return []


class TokenVerifier:
    """Verifies signature (RS256 only), `kid`, `iss`, `aud` and `exp`, and maps claims to a `Principal`."""

    def __init__(
        self,
        issuers: Iterable[TrustedIssuer],
        http: httpx.AsyncClient,
        *,
        min_refresh_seconds: float = 30.0,
    ) -> None:
        self._issuers: dict[str, TrustedIssuer] = {}
        self._keys: dict[str, KeySource] = {}
        self._revocations: RevocationSource | None = None
        self._verified: dict[str, tuple[float, Principal]] = {}
        for issuer in issuers:
            self.trust(issuer, JwksCache(issuer.jwks_url, http, min_refresh_seconds=min_refresh_seconds))

    def use_revocations(self, source: RevocationSource) -> None:
        """Refuse people's tokens older than their account's current version (see revocation.py)."""
        self._revocations = source

    def trust(self, issuer: TrustedIssuer, keys: KeySource) -> None:
        """Accept tokens of `issuer`, verified with `keys` (replaces an earlier source for it)."""
        self._issuers[issuer.issuer] = issuer
        self._keys[issuer.issuer] = keys
        self._verified.clear()

    async def verify(self, token: str) -> Principal:
        remembered = self._verified.get(token)
        if remembered is not None and time.time() < remembered[0]:
            principal = remembered[1]
        else:
            if remembered is not None:
                del self._verified[token]
            principal = await self._verify_signed(token)
        await self._check_current(principal)
        return principal

    async def _verify_signed(self, token: str) -> Principal:
        try:
            header = jwt.get_unverified_header(token)
            unverified = jwt.decode(token, options={"verify_signature": False})
        except jwt.PyJWTError:
            raise Unauthorized("The token is malformed.", code="auth.token_malformed") from None
        if header.get("alg") != ALGORITHM:
            raise Unauthorized("The token is not signed with RS256.", code="auth.token_algorithm")
        kid = header.get("kid")
        if not isinstance(kid, str) or not kid:
            raise Unauthorized("The token has no key id.", code="auth.token_no_key_id")
        issuer = self._issuers.get(str(unverified.get("iss")))
        if issuer is None:
            raise Unauthorized(
                "The token comes from an issuer this service does not trust.",
                code="auth.token_untrusted_issuer",
            )
        key = await self._keys[issuer.issuer].key(kid)
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=[ALGORITHM],
                audience=issuer.audience,
                issuer=issuer.issuer,
                leeway=LEEWAY_SECONDS,
                options={"require": ["exp", "iss", "aud", "sub"]},
            )
        except jwt.ExpiredSignatureError:
            raise Unauthorized("The token has expired.", code="auth.token_expired") from None
        except jwt.PyJWTError:
            raise Unauthorized("The token is not valid.", code="auth.token_invalid") from None
        principal = self._principal(issuer, claims)
        expires = claims.get("exp")
        if isinstance(expires, int | float):
            # Remembered until it expires, without the leeway (a late request is verified in full);
            # `nbf`, if any, has passed: it was checked just now.
            if len(self._verified) >= VERIFIED_TOKENS_KEPT:
                del self._verified[next(iter(self._verified))]
            self._verified[token] = (float(expires), principal)
        return principal

    async def _check_current(self, principal: Principal) -> None:
        claims = principal.claims
        if self._revocations is not None and VERSION_CLAIM in claims:
            subject = client_subject(principal.client_id) if principal.client_id else principal.subject
            current = await self._revocations.current_version(subject)
            if not token_is_current(claims[VERSION_CLAIM], current):
                raise Unauthorized(
                    "The account changed since this token was issued; sign in again.",
                    code="auth.token_revoked",
                )

    @staticmethod
    def _principal(issuer: TrustedIssuer, claims: dict[str, Any]) -> Principal:
        learner_id = claims.get("learner_id")
        client_id = claims.get("client_id")
        return Principal(
            subject=str(claims["sub"]),
            issuer=issuer.issuer,
            roles=frozenset(_as_strings(_claim_at(claims, issuer.roles_claim))),
            unit_codes=tuple(_as_strings(claims.get("unit_codes"))),
            scopes=frozenset(_as_strings(claims.get("scope"))),
            learner_id=str(learner_id) if learner_id else None,
            client_id=str(client_id) if client_id else None,
            claims=claims,
        )


_bearer = HTTPBearer(auto_error=False, description="An access token from `POST /api/campaign/v1/auth/token`")


async def get_token_verifier(request: Request) -> TokenVerifier:
    verifier: TokenVerifier = request.app.state.token_verifier
    return verifier


async def get_principal(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    verifier: Annotated[TokenVerifier, Depends(get_token_verifier)],
) -> Principal:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Unauthorized(
            "A bearer token is required.", code="auth.token_required", headers={"WWW-Authenticate": "Bearer"}
        )
    principal = await verifier.verify(credentials.credentials)
    request.state.principal = principal
    return principal


PrincipalDep = Annotated[Principal, Depends(get_principal)]

ADMIN_ROLE = "admin"
MANAGER_ROLE = "manager"
