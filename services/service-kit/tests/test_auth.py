"""Local verification of access tokens: signature, kid, issuer, audience, expiry, algorithm; roles and scopes."""

import asyncio
import time

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from fastapi import APIRouter

from service_kit.auth import PrincipalDep, TokenVerifier
from service_kit.errors import DependencyUnavailable, Unauthorized
from service_kit.revocation import AccountVersion, PolledRevocations, Revocations, client_subject
from service_kit.settings import TrustedIssuer
from service_kit.testing import TokenFactory, started


@pytest.fixture
def issuer() -> TokenFactory:
    return TokenFactory()


@pytest.fixture
def verifier(issuer: TokenFactory) -> TokenVerifier:
    return issuer.verifier()


async def test_a_valid_token_becomes_a_principal(issuer, verifier):
    token = issuer.token(
        "manager.dak-lak", roles=["manager"], unit_codes=["66", "66001"], scope="campaign:read"
    )
    principal = await verifier.verify(token)
    assert principal.subject == "manager.dak-lak"
    assert principal.roles == frozenset({"manager"})
    assert principal.unit_codes == ("66", "66001")
    assert principal.has_scope("campaign:read")
    assert not principal.is_client


async def test_expired_token_is_refused(issuer, verifier):
    with pytest.raises(Unauthorized, match="expired"):
        await verifier.verify(issuer.token(expires_in=-120))


async def test_token_for_another_audience_is_refused(issuer, verifier):
    with pytest.raises(Unauthorized):
        await verifier.verify(issuer.token(aud="another-system"))


async def test_token_from_an_untrusted_issuer_is_refused(verifier):
    stranger = TokenFactory(issuer="https://evil.example")
    with pytest.raises(Unauthorized, match="issuer"):
        await verifier.verify(stranger.token(roles=["admin"]))


async def test_token_signed_by_an_unknown_key_with_a_known_kid_is_refused(issuer, verifier):
    impostor = TokenFactory(issuer=issuer.issuer)
    impostor.keys[0].kid = issuer.keys[0].kid
    with pytest.raises(Unauthorized, match="not valid"):
        await verifier.verify(impostor.token(roles=["admin"]))


async def test_tampered_payload_is_refused(issuer, verifier):
    header, _payload, signature = issuer.token(roles=["viewer"]).split(".")
    forged_payload = jwt.utils.base64url_encode(
        jwt.utils.force_bytes(
            f'{{"iss":"{issuer.issuer}","aud":"thidua-so","sub":"x","exp":{int(time.time()) + 600},"roles":["admin"]}}'
        )
    ).decode()
    with pytest.raises(Unauthorized):
        await verifier.verify(f"{header}.{forged_payload}.{signature}")


async def test_alg_none_is_refused(issuer, verifier):
    unsigned = jwt.encode(
        {
            "iss": issuer.issuer,
            "aud": "thidua-so",
            "sub": "x",
            "exp": int(time.time()) + 600,
            "roles": ["admin"],
        },
        key=None,
        algorithm="none",
        headers={"kid": issuer.keys[0].kid},
    )
    with pytest.raises(Unauthorized, match="RS256"):
        await verifier.verify(unsigned)


async def test_hs256_signed_with_the_public_key_is_refused(issuer, verifier):
    public_pem = (
        issuer.keys[0]
        .private_key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    claims = {"iss": issuer.issuer, "aud": "thidua-so", "sub": "x", "exp": int(time.time()) + 600}
    forged = jwt.api_jws.PyJWS().encode(
        jwt.utils.force_bytes(jwt.api_jwt.PyJWT()._encode_payload(claims)),
        key=public_pem.decode()[:40] * 2,
        algorithm="HS256",
        headers={"kid": issuer.keys[0].kid},
    )
    with pytest.raises(Unauthorized, match="RS256"):
        await verifier.verify(forged)


async def test_garbage_is_refused(verifier):
    with pytest.raises(Unauthorized, match="malformed"):
        await verifier.verify("not.a.token")


async def test_jwks_is_fetched_once_and_a_rotated_key_is_picked_up(issuer, verifier):
    for _ in range(5):
        await verifier.verify(issuer.token())
    assert issuer.jwks_fetches == 1

    new_key = issuer.rotate()
    principal = await verifier.verify(issuer.token("after-rotation", key=new_key))
    assert principal.subject == "after-rotation"
    assert issuer.jwks_fetches == 2


async def test_unknown_kids_do_not_hammer_the_issuer(issuer):
    verifier = TokenVerifier(
        [issuer.trusted_issuer()], httpx.AsyncClient(transport=issuer.transport()), min_refresh_seconds=60
    )
    await verifier.verify(issuer.token())
    stranger = TokenFactory(issuer=issuer.issuer)
    for _ in range(3):
        with pytest.raises(Unauthorized, match="unknown key"):
            await verifier.verify(stranger.token())
    assert issuer.jwks_fetches == 1


async def test_external_issuer_roles_are_read_from_its_claim_path():
    keycloak = TokenFactory(issuer="https://sso.daklak.gov.vn/realms/province")
    trusted = TrustedIssuer(
        issuer=keycloak.issuer, jwks_url="https://sso.test/jwks", roles_claim="realm_access.roles"
    )
    verifier = TokenVerifier([trusted], httpx.AsyncClient(transport=keycloak.transport()))
    principal = await verifier.verify(keycloak.token(realm_access={"roles": ["evaluator"]}))
    assert principal.roles == frozenset({"evaluator"})


router = APIRouter()


@router.get("/me")
async def me(principal: PrincipalDep) -> dict[str, str]:
    return {"subject": principal.subject}


@pytest.fixture
async def client(build_app, issuer):
    app = build_app(router)
    async with started(app) as http:
        app.state.token_verifier = issuer.verifier()
        yield http


async def test_missing_token_is_a_401_problem_with_www_authenticate(client):
    response = await client.get("/me")
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["www-authenticate"].startswith("Bearer")


async def test_bad_token_is_a_401_problem(client):
    response = await client.get("/me", headers={"Authorization": "Bearer nope"})
    assert response.status_code == 401
    assert "invalid_token" in response.headers["www-authenticate"]


class Published:
    """The issuer's list of recently changed accounts, as a test controls it."""

    def __init__(self) -> None:
        self.versions: dict[str, int] = {}
        self.calls = 0
        self.down = False

    async def __call__(self):
        self.calls += 1
        if self.down:
            raise DependencyUnavailable("campaign-api could not be reached.")
        return Revocations(
            items=[AccountVersion(sub=s, ver=v) for s, v in self.versions.items()], window_seconds=900
        )


async def test_a_token_older_than_its_accounts_version_is_refused_once_the_list_says_so(issuer, verifier):
    published = Published()
    verifier.use_revocations(PolledRevocations(published, refresh_seconds=0))
    before = issuer.token("binh", roles=["manager"], ver=3)
    assert (await verifier.verify(before)).subject == "binh"

    published.versions = {"binh": 4}  # deactivated, or given another role
    await verifier.verify(before)  # this request starts the refresh; it answers from the old list
    await asyncio.sleep(0)
    with pytest.raises(Unauthorized) as refused:
        await verifier.verify(before)
    assert refused.value.code == "auth.token_revoked"
    assert (await verifier.verify(issuer.token("binh", roles=["viewer"], ver=4))).roles == {"viewer"}
    assert (await verifier.verify(issuer.token("an", roles=["admin"], ver=1))).subject == "an"


async def test_the_last_list_stays_in_force_while_the_issuer_cannot_answer(issuer, verifier):
    published = Published()
    published.versions = {"binh": 4}
    verifier.use_revocations(PolledRevocations(published, refresh_seconds=0))
    old = issuer.token("binh", roles=["manager"], ver=3)
    with pytest.raises(Unauthorized):
        await verifier.verify(old)
    published.down = True
    for _ in range(3):
        with pytest.raises(Unauthorized):
            await verifier.verify(old)
        await asyncio.sleep(0)
    assert published.calls >= 2


async def test_a_clients_token_older_than_its_clients_version_is_refused_and_no_account_id_stands_for_it(
    issuer, verifier
):
    published = Published()
    published.versions = {"portal": 2, client_subject("portal"): 2}
    verifier.use_revocations(PolledRevocations(published, refresh_seconds=0))
    # The client named "portal" is deactivated: its version-1 token is refused, its version-2 token goes.
    with pytest.raises(Unauthorized) as refused:
        await verifier.verify(issuer.token("portal", client_id="portal", scope="campaign:read", ver=1))
    assert refused.value.code == "auth.token_revoked"
    assert (await verifier.verify(issuer.token("portal", client_id="portal", ver=2))).client_id == "portal"
    # An account whose id is "portal" is not the client: its own version alone counts.
    published.versions = {client_subject("portal"): 2}
    verifier.use_revocations(PolledRevocations(published, refresh_seconds=0))
    assert (await verifier.verify(issuer.token("portal", roles=["viewer"], ver=1))).subject == "portal"
