"""Identity endpoints: tokens, JWKS, who-am-I, learner sign-up, accounts and API clients."""

from __future__ import annotations

import base64
import binascii
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request, Response, status
from fastapi.responses import JSONResponse

from campaign_api.deps import (
    AccountCreator,
    AccountDep,
    AccountReader,
    ClientCreator,
    ClientReader,
    IdentityServiceDep,
    VersionsDep,
    account_for,
)
from campaign_api.identity.models import Account
from campaign_api.identity.schemas import (
    AccountAction,
    AccountCreate,
    AccountOut,
    AccountPage,
    AccountUpdate,
    ClientCreate,
    ClientCreated,
    ClientPage,
    Me,
    Role,
    SignUp,
    TokenResponse,
)
from campaign_api.identity.service import RecordedRefusal, account_out
from service_kit.auth import PrincipalDep
from service_kit.errors import PROBLEM, BadRequest, render_problem
from service_kit.pagination import PageParamsDep

router = APIRouter(tags=["identity"])

AccountToEdit = Annotated[Account, Depends(account_for(AccountAction.EDIT))]


def _basic_credentials(request: Request) -> tuple[str, str] | None:
    """The client's credentials sent as HTTP Basic (RFC 6749 §2.3.1), if any."""
    header = request.headers.get("authorization", "")
    scheme, _, encoded = header.partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        client_id, _, secret = base64.b64decode(encoded).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        raise BadRequest("The Basic credentials are malformed.", error="invalid_request") from None
    return client_id, secret


@router.post(
    "/v1/auth/token",
    response_model=TokenResponse,
    summary="Issue tokens (OAuth2 password, client_credentials and refresh_token grants)",
    responses={400: PROBLEM, 401: PROBLEM, 429: PROBLEM},
)
async def issue_token(
    request: Request,
    response: Response,
    service: IdentityServiceDep,
    grant_type: Annotated[str, Form()],
    username: Annotated[str | None, Form()] = None,
    password: Annotated[str | None, Form()] = None,
    client_id: Annotated[str | None, Form()] = None,
    client_secret: Annotated[str | None, Form()] = None,
    scope: Annotated[str | None, Form()] = None,
    refresh_token: Annotated[str | None, Form()] = None,
) -> TokenResponse | JSONResponse:
    response.headers["Cache-Control"] = "no-store"
    try:
        return await service.grant(
            grant_type,
            username=username,
            password=password,
            client=(client_id, client_secret) if client_id else _basic_credentials(request),
            scope=scope,
            refresh_token=refresh_token,
        )
    except RecordedRefusal as refused:
        # Answered, not raised: the failed attempt must be committed to count against the login.
        return render_problem(request, refused)


@router.get("/.well-known/jwks.json", summary="The public keys that verify this issuer's tokens")
async def jwks(request: Request) -> JSONResponse:
    return JSONResponse(
        request.app.state.signing_keys.jwks(), headers={"Cache-Control": "public, max-age=300"}
    )


@router.get("/v1/auth/me", summary="Who the token belongs to", responses={401: PROBLEM})
async def me(principal: PrincipalDep, service: IdentityServiceDep) -> Me:
    return await service.me(principal)


@router.post(
    "/v1/auth/signup",
    status_code=status.HTTP_201_CREATED,
    response_model=AccountOut,
    summary="A learner creates an account (national ID, birth date, password)",
    responses={404: PROBLEM, 409: PROBLEM, 429: PROBLEM, 503: PROBLEM},
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
    responses={403: PROBLEM, 409: PROBLEM, 422: PROBLEM},
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
    q: Annotated[str | None, Query(max_length=100, description="Part of the username or full name")] = None,
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


@router.get("/v1/clients", summary="API clients", responses={403: PROBLEM})
async def list_clients(actor: ClientReader, service: IdentityServiceDep, page: PageParamsDep) -> ClientPage:
    return await service.clients(actor, page)
