"""The issuer's rules: who may sign in, what their tokens say, accounts, API clients and learner sign-up."""

from __future__ import annotations

import logging
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from campaign_api.access import ACCOUNT_LIST, ACCOUNTS, CLIENT_LIST, CLIENTS
from campaign_api.auditing import AuditedService
from campaign_api.clients.literacy import LiteracyClient
from campaign_api.config import CampaignSettings
from campaign_api.identity import repository
from campaign_api.identity.hashing import (
    digest,
    hash_secret,
    national_id_hash,
    needs_rehash,
    new_client_secret,
    verify_secret,
)
from campaign_api.identity.keys import SigningKeys
from campaign_api.identity.models import Account, ApiClient, LoginFailure, RefreshToken
from campaign_api.identity.schemas import (
    NATIONAL_ID,
    AccountAction,
    AccountCreate,
    AccountListAction,
    AccountOut,
    AccountPage,
    AccountUpdate,
    ClientAction,
    ClientCreate,
    ClientCreated,
    ClientListAction,
    ClientOut,
    ClientPage,
    ClientUpdate,
    Me,
    OfficialRole,
    PasswordChange,
    Role,
    SignUp,
    TokenResponse,
)
from campaign_api.units.service import UnitService
from service_kit.access import Actor
from service_kit.auth import Principal
from service_kit.db import flush_or_conflict
from service_kit.errors import (
    BadRequest,
    Conflict,
    DependencyUnavailable,
    Forbidden,
    NotFound,
    ProblemError,
    TooManyRequests,
    Unauthorized,
    unknown_reference,
)
from service_kit.observability import current_client_address
from service_kit.pagination import PageParams
from service_kit.revocation import VERSION_CLAIM, AccountVersion, Revocations

logger = logging.getLogger("campaign_api.identity")


class RecordedRefusal(ProblemError):
    """A refusal whose failure record must stay: the router answers it without rolling back."""


class LoginRefused(RecordedRefusal):
    status, title, slug = 401, "Unauthorized", "invalid-grant"


class PasswordRefused(RecordedRefusal):
    """A wrong current password: refused, and the failure kept (it counts towards the lock)."""

    status, title, slug = 403, "Forbidden", "wrong-password"


class SignUpRefused(RecordedRefusal):
    """One answer for every reason a sign-up fails (no such learner, another birth date, an account
    already there): which one it was would tell someone guessing IDs what they found."""

    status, title, slug = 403, "Forbidden", "sign-up-refused"


REVOCATION_LEEWAY_SECONDS = 60
"""Tokens are accepted a little past `exp` (the verifier's leeway): the revocations list covers that too."""


def _now() -> datetime:
    return datetime.now(UTC)


def _source_address() -> str:
    return current_client_address() or "unknown"


def account_snapshot(account: Account) -> dict[str, Any]:
    """What the audit trail keeps of an account (never a password hash or a national ID)."""
    return {
        "username": account.username,
        "full_name": account.full_name,
        "roles": list(account.roles),
        "unit_codes": list(account.unit_codes),
        "learner_id": str(account.learner_id) if account.learner_id else None,
        "active": account.active,
    }


def account_out(actor: Actor, account: Account) -> AccountOut:
    out = AccountOut.model_validate(account)
    out.allowed_actions = [AccountAction(a) for a in ACCOUNTS.allowed_actions(actor, account)]
    return out


@dataclass(kw_only=True)
class IdentityService(AuditedService):
    settings: CampaignSettings
    keys: SigningKeys
    literacy: LiteracyClient | None = None
    on_versions_changed: Callable[[], None] | None = None
    """Told once the transaction that raised an account's version has committed (the verifier's cache)."""

    # --- tokens -------------------------------------------------------------------------------

    async def grant(
        self,
        grant_type: str,
        *,
        username: str | None,
        password: str | None,
        client: tuple[str | None, str | None] | None,
        scope: str | None,
        refresh_token: str | None,
    ) -> TokenResponse:
        """The token endpoint: each OAuth2 grant with the fields it needs."""
        if grant_type == "password":
            if not username or password is None:
                raise BadRequest(code="auth.password_grant_fields", error="invalid_request")
            return await self.password_grant(username, password)
        if grant_type == "client_credentials":
            if client is None or not client[0] or client[1] is None:
                raise BadRequest(code="auth.client_grant_fields", error="invalid_request")
            return await self.client_credentials_grant(client[0], client[1], scope)
        if grant_type == "refresh_token":
            if not refresh_token:
                raise BadRequest(code="auth.refresh_grant_fields", error="invalid_request")
            return await self.refresh_grant(refresh_token)
        raise BadRequest(
            code="auth.unsupported_grant", params={"grant_type": grant_type}, error="unsupported_grant_type"
        )

    async def password_grant(self, username: str, password: str) -> TokenResponse:
        login = username.strip()
        if NATIONAL_ID.match(login):
            nid_hash = national_id_hash(self.settings.national_id_key.get_secret_value(), login)
            key = "learner:" + nid_hash.hex()
            account = await repository.account_by_national_id_hash(self.session, nid_hash)
        else:
            key = "user:" + login.lower()
            account = await repository.account_by_username(self.session, login.lower())
        await self._refuse_if_locked(key)
        # Verified whether or not the account exists (the dummy hash otherwise): the same cost either way.
        verified = await verify_secret(account.password_hash if account else None, password)
        if account is None or not verified:
            await self._record_failure(
                key, account_id=account.id if account else None, reason="wrong credentials"
            )
            raise LoginRefused(code="auth.wrong_credentials", error="invalid_grant")
        if not account.active:
            await self._record_failure(key, account_id=account.id, reason="inactive account")
            raise LoginRefused(code="auth.account_deactivated", error="invalid_grant")
        await repository.forget_failures(self.session, key)
        if needs_rehash(account.password_hash):
            account.password_hash = await hash_secret(password)
        await self.audit(
            actor=str(account.id),
            action="auth.login_succeeded",
            object_type="account",
            object_id=str(account.id),
        )
        return await self._tokens_for(account, family_id=uuid.uuid4())

    async def client_credentials_grant(
        self, client_id: str, client_secret: str, scope: str | None
    ) -> TokenResponse:
        address = _source_address()
        # Failures count per client and source address: guesses from elsewhere do not stop the client.
        key = f"client:{client_id}@{address}"
        # The platform's own service clients (seeded from settings) are never locked: a stranger's
        # guesses would otherwise stop the services' calls. Their failures are logged for an alert.
        seeded = client_id in {seed.client_id for seed in self.settings.service_clients}
        if not seeded:
            await self._refuse_if_locked(key)
        client = await repository.client_by_id(self.session, client_id)
        verified = await verify_secret(client.secret_hash if client else None, client_secret)
        if client is None or not verified or not client.active:
            if seeded:
                logger.warning(
                    "a wrong secret for the service client %s from %s (service clients are not locked)",
                    client_id,
                    address,
                )
                await self._audit_failure(key, account_id=None, reason="wrong service client credentials")
            else:
                await self._record_failure(key, account_id=None, reason="wrong client credentials")
            raise LoginRefused(code="auth.wrong_client_credentials", error="invalid_client")
        requested = set(scope.split()) if scope else set(client.scopes)
        if not requested <= set(client.scopes):
            raise BadRequest(
                code="auth.scope_not_granted", error="invalid_scope", granted=sorted(client.scopes)
            )
        await repository.forget_failures(self.session, key)
        await self.audit(
            actor=client.client_id,
            action="auth.client_token_issued",
            object_type="api_client",
            object_id=client.client_id,
            after={"scope": sorted(requested)},
        )
        granted = " ".join(sorted(requested))
        token = self.keys.sign(
            {
                "sub": client.client_id,
                "client_id": client.client_id,
                "scope": granted,
                "roles": [],
                "name": client.name,
                VERSION_CLAIM: client.version,
            },
            issuer=self.settings.jwt_issuer,
            audience=self.settings.jwt_audience,
            ttl_seconds=self.settings.access_token_ttl_seconds,
        )
        return TokenResponse(
            access_token=token, expires_in=self.settings.access_token_ttl_seconds, scope=granted
        )

    async def refresh_grant(self, refresh_token: str) -> TokenResponse:
        token_id, _, secret = refresh_token.partition(".")
        try:
            stored = await repository.refresh_token_for_update(self.session, uuid.UUID(token_id))
        except ValueError:
            stored = None
        now = _now()
        if stored is None or not secrets.compare_digest(stored.secret_hash, digest(secret)):
            raise LoginRefused(code="auth.refresh_token_invalid", error="invalid_grant")
        if stored.used_at is not None or stored.revoked_at is not None:
            # A refresh token is used once. Seeing it again means it leaked: end the whole sign-in.
            await repository.revoke_family(self.session, stored.family_id, now)
            await self.audit(
                actor=str(stored.account_id),
                action="auth.refresh_token_reused",
                object_type="account",
                object_id=str(stored.account_id),
            )
            raise LoginRefused(code="auth.refresh_token_reused", error="invalid_grant")
        if stored.expires_at <= now:
            raise LoginRefused(code="auth.refresh_token_expired", error="invalid_grant")
        account = await repository.account_by_id(self.session, stored.account_id)
        if account is None or not account.active:
            raise LoginRefused(code="auth.account_deactivated", error="invalid_grant")
        stored.used_at = now
        return await self._tokens_for(account, family_id=stored.family_id)

    async def sign_out(self, refresh_token: str | None) -> None:
        """Ends the sign-in a refresh token belongs to: every token of its family stops refreshing.

        Quietly does nothing for a missing, malformed or unknown token (signing out twice is no error,
        and the answer tells a guesser nothing)."""
        if not refresh_token:
            return
        token_id, _, secret = refresh_token.partition(".")
        try:
            stored = await repository.refresh_token_for_update(self.session, uuid.UUID(token_id))
        except ValueError:
            return
        if stored is None or not secrets.compare_digest(stored.secret_hash, digest(secret)):
            return
        await repository.revoke_family(self.session, stored.family_id, _now())
        await self.audit(
            actor=str(stored.account_id),
            action="auth.signed_out",
            object_type="account",
            object_id=str(stored.account_id),
        )

    async def _tokens_for(self, account: Account, *, family_id: uuid.UUID) -> TokenResponse:
        claims: dict[str, Any] = {
            "sub": str(account.id),
            "roles": list(account.roles),
            "unit_codes": list(account.unit_codes),
            "scope": "",
            "name": account.full_name,
            VERSION_CLAIM: account.version,
        }
        if account.username:
            claims["preferred_username"] = account.username
        if account.learner_id:
            claims["learner_id"] = str(account.learner_id)
        access = self.keys.sign(
            claims,
            issuer=self.settings.jwt_issuer,
            audience=self.settings.jwt_audience,
            ttl_seconds=self.settings.access_token_ttl_seconds,
        )
        secret = secrets.token_urlsafe(32)
        refresh = RefreshToken(
            family_id=family_id,
            account_id=account.id,
            secret_hash=digest(secret),
            expires_at=_now() + timedelta(seconds=self.settings.refresh_token_ttl_seconds),
        )
        self.session.add(refresh)
        await self.session.flush()
        return TokenResponse(
            access_token=access,
            expires_in=self.settings.access_token_ttl_seconds,
            refresh_token=f"{refresh.id}.{secret}",
        )

    async def _refuse_if_locked(
        self, key: str, *, max_failures: int | None = None, code: str = "auth.locked"
    ) -> None:
        """429 once `key` failed `max_failures` times within the window (until the oldest of them ages out)."""
        limit = max_failures or self.settings.login_max_failures
        window = timedelta(seconds=self.settings.login_window_seconds)
        failures = await repository.recent_failures(self.session, key, _now() - window)
        if len(failures) >= limit:
            unlock_at = failures[-limit] + window
            wait = max(int((unlock_at - _now()).total_seconds()) + 1, 1)
            raise TooManyRequests(code=code, params={"retry_after": wait}, headers={"Retry-After": str(wait)})

    async def _record_failure(self, key: str, *, account_id: uuid.UUID | None, reason: str) -> None:
        self.session.add(LoginFailure(login_key=key))
        await self._audit_failure(key, account_id=account_id, reason=reason)

    async def _audit_failure(self, key: str, *, account_id: uuid.UUID | None, reason: str) -> None:
        await self.audit(
            actor=key if not key.startswith("learner:") else "learner",
            action="auth.login_failed",
            object_type="account" if account_id else "login",
            object_id=str(account_id) if account_id else key,
            after={"reason": reason},
        )
        await self.session.flush()

    # --- who am I -----------------------------------------------------------------------------

    async def me(self, principal: Principal) -> Me:
        if principal.is_client:
            client = await repository.client_by_id(self.session, principal.client_id or "")
            return Me(
                username=principal.client_id,
                full_name=client.name if client else str(principal.claims.get("name", principal.client_id)),
                roles=[],
                unit_codes=[],
                scopes=sorted(principal.scopes),
            )
        if principal.issuer != self.settings.jwt_issuer:
            # A person signed in at a trusted external issuer: what their token says is all we know.
            return Me(
                username=str(principal.claims.get("preferred_username", principal.subject)),
                full_name=str(principal.claims.get("name", principal.subject)),
                roles=sorted(principal.roles),
                unit_codes=list(principal.unit_codes),
            )
        try:
            account = await repository.account_by_id(self.session, uuid.UUID(principal.subject))
        except ValueError:
            account = None
        if account is None or not account.active:
            raise Unauthorized(code="auth.account_gone")
        return Me(
            username=account.username,
            full_name=account.full_name,
            roles=list(account.roles),
            unit_codes=list(account.unit_codes),
            learner_id=account.learner_id,
        )

    # --- accounts -----------------------------------------------------------------------------

    async def _check_units(self, unit_codes: list[str]) -> None:
        unknown = await UnitService(session=self.session).unknown_codes(unit_codes)
        if unknown:
            raise unknown_reference("unit_codes", code="account.unknown_units", unit_codes=", ".join(unknown))

    async def accounts(
        self, actor: Actor, params: PageParams, *, q: str | None, role: str | None, active: bool | None
    ) -> AccountPage:
        accounts, total = await repository.accounts_page(self.session, params, q=q, role=role, active=active)
        return AccountPage(
            items=[account_out(actor, a) for a in accounts],
            total=total,
            allowed_actions=[AccountListAction(a) for a in ACCOUNT_LIST.allowed_actions(actor, None)],
        )

    async def clients(self, actor: Actor, params: PageParams) -> ClientPage:
        clients, total = await repository.clients_page(self.session, params)
        return ClientPage(
            items=[self.client_out(actor, c) for c in clients],
            total=total,
            allowed_actions=[ClientListAction(a) for a in CLIENT_LIST.allowed_actions(actor, None)],
        )

    async def create_account(self, actor: Actor, data: AccountCreate) -> AccountOut:
        if OfficialRole.MANAGER in data.roles and not data.unit_codes:
            raise Conflict(code="account.manager_needs_units")
        await self._check_units(data.unit_codes)
        account = Account(
            username=data.username,
            password_hash=await hash_secret(data.password),
            full_name=data.full_name,
            roles=[str(role) for role in dict.fromkeys(data.roles)],
            unit_codes=list(dict.fromkeys(data.unit_codes)),
            active=data.active,
            sex=data.sex.value if data.sex else None,
            birth_date=data.birth_date,
        )
        self.session.add(account)
        await flush_or_conflict(
            self.session, Conflict(code="account.username_taken", params={"username": data.username})
        )
        await self.session.refresh(account)
        await self.audit(
            actor=actor.subject,
            action="account.created",
            object_type="account",
            object_id=str(account.id),
            after=account_snapshot(account),
        )
        return account_out(actor, account)

    async def get_account(self, account_id: uuid.UUID, *, for_update: bool = False) -> Account:
        account = await repository.account_by_id(self.session, account_id, for_update=for_update)
        if account is None:
            raise NotFound(code="account.not_found")
        return account

    async def update_account(
        self,
        actor: Actor,
        account: Account,
        data: AccountUpdate,
        *,
        expect: Callable[[AccountOut], None] = lambda _: None,
    ) -> AccountOut:
        """`expect` refuses a change made against an outdated copy (If-Match) before anything changes."""
        expect(account_out(actor, account))
        before = account_snapshot(account)
        roles = [str(r) for r in dict.fromkeys(data.roles)] if data.roles is not None else list(account.roles)
        unit_codes = (
            list(dict.fromkeys(data.unit_codes)) if data.unit_codes is not None else list(account.unit_codes)
        )
        if Role.LEARNER in account.roles and data.roles is not None and roles != list(account.roles):
            raise Conflict(code="account.learner_roles_fixed")
        if Role.LEARNER not in account.roles and Role.LEARNER in roles:
            raise Conflict(code="account.learner_by_signup")
        if Role.MANAGER in roles and not unit_codes:
            raise Conflict(code="account.manager_needs_units")
        own = str(account.id) == actor.subject
        if own and (data.active is False or (Role.ADMIN not in roles)):
            # No administrator locks the province out by mistake: another one has to do it.
            raise Conflict(code="account.own_admin")
        if own and data.password is not None:
            # One's own password changes with the current one (POST /v1/auth/password), which also
            # hands over the new tokens: a token alone does not change it, nor ends its own session.
            raise Conflict(code="account.own_password")
        if data.unit_codes is not None:
            await self._check_units(unit_codes)
        # What the account's tokens say stops being true: its version rises and older tokens are refused.
        # (An administrator who stays one keeps every right whatever its other roles and unit codes.)
        deactivated = data.active is False and account.active
        stays_admin = Role.ADMIN in account.roles and Role.ADMIN in roles
        changes_tokens = (
            deactivated
            or data.password is not None
            or (
                not stays_admin
                and (set(roles) != set(account.roles) or set(unit_codes) != set(account.unit_codes))
            )
        )
        if data.full_name is not None:
            account.full_name = data.full_name
        if "sex" in data.model_fields_set:
            account.sex = data.sex.value if data.sex else None
        if "birth_date" in data.model_fields_set:
            account.birth_date = data.birth_date
        account.roles = roles
        account.unit_codes = unit_codes
        if data.active is not None:
            account.active = data.active
        if data.password is not None:
            account.password_hash = await hash_secret(data.password)
        if data.active is False or data.password is not None:
            await repository.revoke_account_tokens(self.session, account.id, _now())
        if changes_tokens:
            self._raise_version(account)
        await self.session.flush()
        await self.session.refresh(account)
        after = account_snapshot(account)
        if data.password is not None:
            after["password"] = "changed"  # noqa: S105 - records that it changed, not what to
        await self.audit(
            actor=actor.subject,
            action="account.updated",
            object_type="account",
            object_id=str(account.id),
            before=before,
            after=after,
        )
        return account_out(actor, account)

    async def change_own_password(self, principal: Principal, data: PasswordChange) -> TokenResponse:
        """A person changes their own password with the current one: every earlier token and sign-in of
        the account ends, and this answer carries the new ones. Wrong current passwords count against
        the account (locked after a few, as sign-ins are)."""
        account = None
        if not principal.is_client and principal.issuer == self.settings.jwt_issuer:
            try:
                account = await repository.account_by_id(
                    self.session, uuid.UUID(principal.subject), for_update=True
                )
            except ValueError:
                account = None
        if account is None or not account.active:
            raise Forbidden(code="account.password_not_here")
        key = f"password-change:{account.id}"
        await self._refuse_if_locked(key)
        if not await verify_secret(account.password_hash, data.current_password):
            await self._record_failure(key, account_id=account.id, reason="wrong current password")
            raise PasswordRefused(code="account.wrong_password")
        await repository.forget_failures(self.session, key)
        account.password_hash = await hash_secret(data.new_password)
        await repository.revoke_account_tokens(self.session, account.id, _now())
        self._raise_version(account)
        await self.session.flush()
        await self.audit(
            actor=str(account.id),
            action="account.password_changed",
            object_type="account",
            object_id=str(account.id),
        )
        return await self._tokens_for(account, family_id=uuid.uuid4())

    def _raise_version(self, account: Account) -> None:
        """The account's tokens issued so far stop working (the revocations list says so at once)."""
        account.version += 1
        account.version_changed_at = _now()
        if self.on_versions_changed is not None:
            repository.after_commit(self.session, self.on_versions_changed)

    def _raise_client_version(self, client: ApiClient) -> None:
        """The client's tokens issued so far stop working (the revocations list says so at once)."""
        client.version += 1
        client.version_changed_at = _now()
        if self.on_versions_changed is not None:
            repository.after_commit(self.session, self.on_versions_changed)

    async def deactivate_learner(self, actor: Actor, learner_id: uuid.UUID) -> None:
        """An erased learner's sign-in account is deactivated and its tokens stop working; nothing to do
        when the learner never signed up (or the account is already inactive)."""
        account = await repository.account_by_learner_id(self.session, learner_id, for_update=True)
        if account is None or not account.active:
            await self.audit(
                actor=actor.subject,
                action="learner_account.deactivation_requested",
                object_type="learner",
                object_id=str(learner_id),
                after={"account": "none" if account is None else "already inactive"},
            )
            return
        before = account_snapshot(account)
        account.active = False
        await repository.revoke_account_tokens(self.session, account.id, _now())
        self._raise_version(account)
        await self.session.flush()
        await self.audit(
            actor=actor.subject,
            action="account.deactivated_for_erasure",
            object_type="account",
            object_id=str(account.id),
            before=before,
            after=account_snapshot(account),
        )

    async def revocations(self) -> Revocations:
        """Every account whose version rose within an access token's lifetime, with its version now."""
        window = self.settings.access_token_ttl_seconds + REVOCATION_LEEWAY_SECONDS
        changed = await repository.versions_changed_since(self.session, _now() - timedelta(seconds=window))
        return Revocations(
            items=[AccountVersion(sub=subject, ver=version) for subject, version in changed],
            window_seconds=window,
        )

    # --- API clients --------------------------------------------------------------------------

    @staticmethod
    def client_out(actor: Actor, client: ApiClient) -> ClientOut:
        out = ClientOut.model_validate(client)
        out.allowed_actions = [ClientAction(a) for a in CLIENTS.allowed_actions(actor, client)]
        return out

    async def get_client(self, client_id: str, *, for_update: bool = False) -> ApiClient:
        client = await repository.client_by_id(self.session, client_id, for_update=for_update)
        if client is None:
            raise NotFound(code="api_client.not_found", params={"client_id": client_id})
        return client

    async def update_client(self, actor: Actor, client: ApiClient, data: ClientUpdate) -> ClientOut:
        """Renames, re-scopes, deactivates or reactivates a client. The platform's own service clients
        (seeded from settings) are refused: the services would stop talking to each other. A deactivated
        client gets no new token, and the ones it holds stop working at once (its version rises, as an
        account's does); so do they when a scope is taken away."""
        if client.client_id in {seed.client_id for seed in self.settings.service_clients}:
            raise Conflict(code="api_client.service_client", params={"client_id": client.client_id})
        before = {"name": client.name, "scopes": list(client.scopes), "active": client.active}
        scopes_before = set(client.scopes)
        if data.name is not None:
            client.name = data.name
        if data.scopes is not None:
            client.scopes = sorted({str(scope) for scope in data.scopes})
        deactivated = data.active is False and client.active
        narrowed = not scopes_before <= set(client.scopes)
        if data.active is not None:
            client.active = data.active
        if deactivated or narrowed:
            self._raise_client_version(client)
        await self.session.flush()
        await self.session.refresh(client)
        after = {"name": client.name, "scopes": list(client.scopes), "active": client.active}
        if after != before:
            await self.audit(
                actor=actor.subject,
                action="api_client.updated",
                object_type="api_client",
                object_id=client.client_id,
                before=before,
                after=after,
            )
        return self.client_out(actor, client)

    async def create_client(self, actor: Actor, data: ClientCreate) -> ClientCreated:
        """The client and its secret, which this answer alone shows."""
        secret = new_client_secret()
        client = ApiClient(
            client_id=data.client_id or f"client-{secrets.token_hex(6)}",
            name=data.name,
            secret_hash=await hash_secret(secret),
            scopes=sorted({str(scope) for scope in data.scopes}),
            active=True,
        )
        self.session.add(client)
        await flush_or_conflict(
            self.session, Conflict(code="api_client.exists", params={"client_id": client.client_id})
        )
        await self.session.refresh(client)
        await self.audit(
            actor=actor.subject,
            action="api_client.created",
            object_type="api_client",
            object_id=client.client_id,
            after={"name": client.name, "scopes": client.scopes},
        )
        return ClientCreated(**self.client_out(actor, client).model_dump(), client_secret=secret)

    # --- learner sign-up ----------------------------------------------------------------------

    async def sign_up(self, data: SignUp) -> Account:
        """A learner's account, when digital-literacy-api knows the ID with this birth date and no account
        has it yet. Every mismatch gets the same answer (`SignUpRefused`) after the same work, and counts
        against the ID and against the source address (both rate-limited)."""
        nid_hash = national_id_hash(self.settings.national_id_key.get_secret_value(), data.national_id)
        key = "signup:" + nid_hash.hex()
        from_address = "signup-from:" + _source_address()
        await self._refuse_if_locked(
            from_address, max_failures=self.settings.signup_max_failures_per_address, code="signup.too_many"
        )
        await self._refuse_if_locked(key, code="signup.too_many")
        if self.literacy is None:
            raise DependencyUnavailable(
                code="literacy.unavailable", params={"service": "digital-literacy-api"}
            )
        learner_id = await self.literacy.match_learner(data.national_id, data.date_of_birth)
        taken = learner_id is not None and (
            await repository.account_by_national_id_hash(self.session, nid_hash) is not None
            or await repository.account_by_learner_id(self.session, learner_id) is not None
        )
        if learner_id is None or taken:
            self.session.add(LoginFailure(login_key=from_address))
            # Which detail did not match (or that an account exists) is not said, nor logged.
            await self._record_failure(key, account_id=None, reason="sign-up refused")
            raise SignUpRefused(code="signup.refused")
        account = Account(
            national_id_hash=nid_hash,
            password_hash=await hash_secret(data.password),
            full_name="",
            roles=[Role.LEARNER.value],
            unit_codes=[],
            learner_id=learner_id,
            active=True,
        )
        self.session.add(account)
        await flush_or_conflict(self.session, SignUpRefused(code="signup.refused"))
        await self.session.refresh(account)
        await self.audit(
            actor=str(account.id),
            action="account.signed_up",
            object_type="account",
            object_id=str(account.id),
            after=account_snapshot(account),
        )
        return account

    # --- start-up -----------------------------------------------------------------------------

    async def bootstrap(self) -> None:
        """Create the first administrator and the configured service clients (idempotent, race-safe)."""
        admin = self.settings.admin_username.strip().lower()
        inserted = await repository.insert_account_unless_named(
            self.session,
            username=admin,
            password_hash=await hash_secret(self.settings.admin_password.get_secret_value()),
            full_name="Quản trị hệ thống",
            roles=[Role.ADMIN.value],
            unit_codes=[],
            active=True,
        )
        if inserted is not None:
            logger.info("created the first administrator %s", admin)
            await self.audit(
                actor="system",
                action="account.bootstrapped",
                object_type="account",
                object_id=str(inserted),
            )
        for seed in self.settings.service_clients:
            values = {
                "name": seed.name,
                "secret_hash": await hash_secret(seed.client_secret.get_secret_value()),
                "scopes": sorted(seed.scopes),
                "active": True,
            }
            await repository.upsert_client(self.session, seed.client_id, **values)
