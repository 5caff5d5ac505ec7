"""Identity endpoints: tokens, JWKS, who-am-I, learner sign-up, accounts and API clients."""

from __future__ import annotations

import base64
import binascii
import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Cookie, Depends, Form, Header, Query, Request, Response, status
from fastapi.responses import JSONResponse
from pydantic import WithJsonSchema

from campaign_api.deps import (
    AccountCreator,
    AccountDep,
    AccountReader,
    ClientCreator,
    ClientReader,
    IdentityServiceDep,
    LearnerAccountDeactivator,
    RevocationReader,
    VersionsDep,
    account_for,
    client_for,
)
from campaign_api.identity.models import Account, ApiClient
from campaign_api.identity.schemas import (
    GRANT_TYPES,
    AccountAction,
    AccountCreate,
    AccountOut,
    AccountPage,
    AccountQuery,
    AccountUpdate,
    ClientAction,
    ClientCreate,
    ClientCreated,
    ClientOut,
    ClientPage,
    ClientUpdate,
    FormPassword,
    FormText,
    GrantType,
    Me,
    PasswordChange,
    RefreshTokenText,
    Role,
    SignUp,
    TokenResponse,
)
from campaign_api.identity.service import RecordedRefusal, account_out
from campaign_api.links import ACCOUNT_ID, ACCOUNT_OPERATIONS, links
from service_kit.auth import PrincipalDep
from service_kit.errors import PROBLEM, BadRequest, render_problem
from service_kit.pagination import PageParamsDep
from service_kit.revocation import Revocations

router = APIRouter(tags=["identity"])

AccountToEdit = Annotated[Account, Depends(account_for(AccountAction.EDIT))]
ClientToEdit = Annotated[ApiClient, Depends(client_for(ClientAction.EDIT))]


def _basic_credentials(request: Request) -> tuple[str, str] | None:
    """The client's credentials sent as HTTP Basic (RFC 6749 §2.3.1), if any."""
    header = request.headers.get("authorization", "")
    scheme, _, encoded = header.partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        client_id, _, secret = base64.b64decode(encoded).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        raise BadRequest(code="auth.basic_malformed", error="invalid_request") from None
    return client_id, secret


REFRESH_COOKIE = "tds_refresh"
"""The dashboard's refresh token: HttpOnly (never readable by scripts), Secure, SameSite=Strict, and sent
only to the token endpoint and its sign-out (Path = the token path behind the gateway)."""

_COOKIE_MODE_HELP = (
    "`1`: the dashboard's own client. The refresh token is set as an HttpOnly cookie instead of "
    "being returned in the body, and a refresh grant without `refresh_token` reads it from there. "
    "A custom header cannot be sent across sites without a CORS preflight (none is allowed), so "
    "another site cannot make the browser use the cookie."
)
CookieMode = Annotated[
    Literal["1"] | None,
    # Absent or "1" (never an explicit null: a header has no null).
    WithJsonSchema({"type": "string", "enum": ["1"]}),
    Header(
        alias="X-Refresh-Cookie",
        description=_COOKIE_MODE_HELP,
    ),
]
RequiredCookieMode = Annotated[
    Literal["1"],
    Header(alias="X-Refresh-Cookie", description="Must be `1`, so that another site cannot sign a user out"),
]
RefreshCookie = Annotated[
    RefreshTokenText | None,
    WithJsonSchema({"type": "string", "pattern": r"^[A-Za-z0-9._-]+$", "minLength": 1, "maxLength": 200}),
    Cookie(alias=REFRESH_COOKIE, description="Sent by the browser; only read with `X-Refresh-Cookie: 1`"),
]


def _cookie_path(request: Request) -> str:
    """The token path as the browser sees it (behind the gateway's /api/campaign prefix)."""
    return f"{request.scope.get('root_path', '').rstrip('/')}/v1/auth/token"


def _keep_in_cookie(
    request: Request, response: Response, tokens: TokenResponse, ttl_seconds: int
) -> TokenResponse:
    if tokens.refresh_token:
        response.set_cookie(
            REFRESH_COOKIE,
            tokens.refresh_token,
            max_age=ttl_seconds,
            path=_cookie_path(request),
            secure=True,
            httponly=True,
            samesite="strict",
        )
    return tokens.model_copy(update={"refresh_token": None})


def _clear_cookie(request: Request, response: Response) -> None:
    response.delete_cookie(
        REFRESH_COOKIE, path=_cookie_path(request), secure=True, httponly=True, samesite="strict"
    )


@router.post(
    "/v1/auth/token",
    response_model=TokenResponse,
    summary="Issue tokens (OAuth2 password, client_credentials and refresh_token grants)",
    description=(
        "With `X-Refresh-Cookie: 1` (the dashboard) the refresh token travels in an HttpOnly, Secure, "
        "SameSite=Strict cookie scoped to this path instead of the body, and a `refresh_token` grant "
        "without the field reads the cookie."
    ),
    responses={400: PROBLEM, 401: PROBLEM, 429: PROBLEM},
)
async def issue_token(
    request: Request,
    response: Response,
    service: IdentityServiceDep,
    grant_type: Annotated[GrantType, Form(json_schema_extra={"enum": list(GRANT_TYPES)})],
    username: Annotated[FormText | None, Form()] = None,
    password: Annotated[FormPassword | None, Form()] = None,
    client_id: Annotated[FormText | None, Form()] = None,
    client_secret: Annotated[FormPassword | None, Form()] = None,
    scope: Annotated[FormText | None, Form()] = None,
    refresh_token: Annotated[RefreshTokenText | None, Form()] = None,
    cookie_mode: CookieMode = None,
    refresh_cookie: RefreshCookie = None,
) -> TokenResponse | JSONResponse:
    response.headers["Cache-Control"] = "no-store"
    in_cookie = cookie_mode == "1"
    if in_cookie and grant_type == "refresh_token" and not refresh_token:
        refresh_token = refresh_cookie
    try:
        tokens = await service.grant(
            grant_type,
            username=username,
            password=password,
            client=(client_id, client_secret) if client_id else _basic_credentials(request),
            scope=scope,
            refresh_token=refresh_token,
        )
    except RecordedRefusal as refused:
        # Answered, not raised: the failed attempt must be committed to count against the login.
        answer = render_problem(request, refused)
        if in_cookie and grant_type == "refresh_token":
            _clear_cookie(request, answer)
        return answer
    if in_cookie:
        return _keep_in_cookie(request, response, tokens, service.settings.refresh_token_ttl_seconds)
    return tokens


@router.post(
    "/v1/auth/token/revoke",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Sign out: the refresh token in the dashboard's cookie stops working, and the cookie is cleared",
    description=(
        "Needs `X-Refresh-Cookie: 1` (so that another site cannot sign a user out: 422 without it). The "
        "whole sign-in ends: every refresh token of its family is revoked. 204 also when there is no cookie "
        "or it is unknown."
    ),
    response_class=Response,
)
async def sign_out(
    request: Request,
    service: IdentityServiceDep,
    cookie_mode: RequiredCookieMode,
    refresh_cookie: RefreshCookie = None,
) -> Response:
    await service.sign_out(refresh_cookie)
    answer = Response(status_code=status.HTTP_204_NO_CONTENT, headers={"Cache-Control": "no-store"})
    _clear_cookie(request, answer)
    return answer


@router.get("/.well-known/jwks.json", summary="The public keys that verify this issuer's tokens")
async def jwks(request: Request) -> JSONResponse:
    return JSONResponse(
        request.app.state.signing_keys.jwks(), headers={"Cache-Control": "public, max-age=300"}
    )


@router.get("/v1/auth/me", summary="Who the token belongs to", responses={401: PROBLEM})
async def me(principal: PrincipalDep, service: IdentityServiceDep) -> Me:
    return await service.me(principal)


@router.post(
    "/v1/auth/password",
    response_model=TokenResponse,
    summary="Change one's own password (with the current one); the answer carries the new tokens",
    description=(
        "Every earlier token and refresh token of the account stops working; a wrong current password "
        "is 403 and counts towards a lock (429 with Retry-After)."
    ),
    responses={403: PROBLEM, 429: PROBLEM},
)
async def change_password(
    request: Request,
    response: Response,
    data: PasswordChange,
    principal: PrincipalDep,
    service: IdentityServiceDep,
) -> TokenResponse | JSONResponse:
    response.headers["Cache-Control"] = "no-store"
    try:
        return await service.change_own_password(principal, data)
    except RecordedRefusal as refused:
        return render_problem(request, refused)


@router.get(
    "/v1/auth/revocations",
    summary="Accounts changed within an access token's lifetime, with their version now",
    description=(
        "A person's token carries its account's version (claim `ver`), an API client's token its "
        "client's (listed as `client:<client_id>`); a token older than the version "
        "listed here is refused. Polled every few seconds by the services' token verifiers (API clients "
        "with `campaign:read`); administrators may read it too."
    ),
    responses={403: PROBLEM},
)
async def revocations(_: RevocationReader, response: Response, service: IdentityServiceDep) -> Revocations:
    response.headers["Cache-Control"] = "no-store"
    return await service.revocations()


@router.post(
    "/v1/learner-accounts/{learner_id}/deactivate",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Deactivate an erased learner's sign-in account (204 also when the learner has none)",
    description=(
        "For digital-literacy-api's erasure (scope `identity:deactivate-learner`) and administrators: "
        "the account can no longer sign in and its tokens stop working at once."
    ),
    response_class=Response,
    responses={403: PROBLEM},
)
async def deactivate_learner_account(
    learner_id: uuid.UUID, actor: LearnerAccountDeactivator, service: IdentityServiceDep
) -> Response:
    await service.deactivate_learner(actor, learner_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/v1/auth/signup",
    status_code=status.HTTP_201_CREATED,
    response_model=AccountOut,
    summary="A learner creates an account (national ID, birth date, password)",
    description=(
        "Every mismatch (no learner with this ID, another birth date, an account already there) gets the "
        "same 403 `signup.refused`; refusals are limited per ID and per source address (429 with "
        "Retry-After)."
    ),
    responses={403: PROBLEM, 429: PROBLEM, 503: PROBLEM},
)
async def sign_up(request: Request, data: SignUp, service: IdentityServiceDep) -> AccountOut | JSONResponse:
    try:
        return AccountOut.model_validate(await service.sign_up(data))
    except RecordedRefusal as refused:
        return render_problem(request, refused)


@router.post(
    "/v1/accounts",
    status_code=status.HTTP_201_CREATED,
    summary="Create an official's account",
    responses={
        403: PROBLEM,
        404: PROBLEM,
        409: PROBLEM,
        422: PROBLEM,
        **links(201, ACCOUNT_ID, *ACCOUNT_OPERATIONS),
    },
)
async def create_account(
    data: AccountCreate, actor: AccountCreator, service: IdentityServiceDep
) -> AccountOut:
    return await service.create_account(actor, data)


@router.get("/v1/accounts", summary="Accounts, filtered by name, role and state", responses={403: PROBLEM})
async def list_accounts(
    actor: AccountReader,
    service: IdentityServiceDep,
    page: PageParamsDep,
    q: Annotated[AccountQuery | None, Query(description="Part of the username or full name")] = None,
    role: Annotated[Role | None, Query()] = None,
    active: Annotated[bool | None, Query()] = None,
) -> AccountPage:
    return await service.accounts(actor, page, q=q, role=role, active=active)


@router.get(
    "/v1/accounts/{account_id}", response_model=AccountOut, responses={304: {}, 403: PROBLEM, 404: PROBLEM}
)
async def get_account(
    account: AccountDep, actor: AccountReader, versions: VersionsDep
) -> AccountOut | Response:
    return versions.answer(account_out(actor, account))


@router.patch(
    "/v1/accounts/{account_id}",
    summary="Change an account (roles, units, name, password, active); send If-Match with its ETag",
    responses={403: PROBLEM, 404: PROBLEM, 409: PROBLEM, 412: PROBLEM, 422: PROBLEM},
)
async def update_account(
    account: AccountToEdit,
    data: AccountUpdate,
    actor: AccountReader,
    versions: VersionsDep,
    service: IdentityServiceDep,
) -> AccountOut:
    return versions.tag(await service.update_account(actor, account, data, expect=versions.expect))


@router.post(
    "/v1/clients",
    status_code=status.HTTP_201_CREATED,
    summary="Register an API client; its secret is in this response only",
    responses={403: PROBLEM, 409: PROBLEM},
)
async def create_client(
    data: ClientCreate, response: Response, actor: ClientCreator, service: IdentityServiceDep
) -> ClientCreated:
    # The secret is shown once: not cached, and not kept for Idempotency-Key replays.
    response.headers["Cache-Control"] = "no-store"
    return await service.create_client(actor, data)


@router.patch(
    "/v1/clients/{client_id}",
    summary="Rename, re-scope, deactivate or reactivate an API client (not the platform's own)",
    responses={403: PROBLEM, 404: PROBLEM, 409: PROBLEM, 422: PROBLEM},
)
async def update_client(
    client: ClientToEdit, data: ClientUpdate, actor: ClientReader, service: IdentityServiceDep
) -> ClientOut:
    return await service.update_client(actor, client, data)


@router.get("/v1/clients", summary="API clients", responses={403: PROBLEM})
async def list_clients(actor: ClientReader, service: IdentityServiceDep, page: PageParamsDep) -> ClientPage:
    return await service.clients(actor, page)
