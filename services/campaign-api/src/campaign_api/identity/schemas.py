"""What the identity endpoints accept and return."""

from __future__ import annotations

import re
import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StringConstraints,
    model_validator,
)

from campaign_api.inputs import ONE_LINE, BirthDate, Line200, PastDay, SearchText
from service_kit.pagination import Page
from service_kit.types import StrictModel, omittable


class Role(StrEnum):
    ADMIN = "admin"
    MANAGER = "manager"
    EVALUATOR = "evaluator"
    COUNCIL = "council"
    VIEWER = "viewer"
    LEARNER = "learner"


class Scope(StrEnum):
    """What an API client may be granted."""

    CAMPAIGN_READ = "campaign:read"
    CAMPAIGN_WRITE = "campaign:write"
    SCORING_READ = "scoring:read"
    SCORING_WRITE = "scoring:write"
    LITERACY_READ = "literacy:read"
    LITERACY_WRITE = "literacy:write"
    LITERACY_MATCH = "literacy:match"
    LITERACY_UNITS = "literacy:units"
    XAPI_READ = "xapi:read"
    XAPI_WRITE = "xapi:write"
    IDENTITY_DEACTIVATE_LEARNER = "identity:deactivate-learner"


class AccountAction(StrEnum):
    EDIT = "edit"


class AccountListAction(StrEnum):
    CREATE = "create"


class ClientListAction(StrEnum):
    CREATE = "create"


class ClientAction(StrEnum):
    EDIT = "edit"


class LearnerAccountAction(StrEnum):
    DEACTIVATE = "deactivate"


NATIONAL_ID = re.compile(r"^\d{12}$")


def _national_id(value: str) -> str:
    if not NATIONAL_ID.match(value):
        raise ValueError("a national ID (CCCD) has exactly 12 digits")
    return value


NationalId = Annotated[str, StringConstraints(pattern=r"^\d{12}$"), AfterValidator(_national_id)]
USERNAME = re.compile(r"^[a-z0-9._@-]{3,64}$")


def _username(value: str) -> str:
    folded = value.strip().lower()
    if not USERNAME.match(folded):
        raise ValueError("3 to 64 characters: letters a-z, digits, and . _ @ -")
    return folded


Username = Annotated[
    str,
    StringConstraints(min_length=3, max_length=80, pattern=r"^\s*[A-Za-z0-9._@-]{3,64}\s*$"),
    AfterValidator(_username),
]
Password = Annotated[str, StringConstraints(min_length=8, max_length=128, pattern=ONE_LINE)]
UnitCode = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=32, pattern=r"^[A-Za-z0-9._-]+$")
]
FullName = Line200


class Sex(StrEnum):
    """As the statistics forms count it (form 0605: of whom women)."""

    FEMALE = "female"
    MALE = "male"


AccountQuery = SearchText

# The token endpoint's form fields: one line each, bounded (the service answers OAuth2's 400s, e.g.
# `unsupported_grant_type` for a grant the schema does not list).
GRANT_TYPES = ("password", "client_credentials", "refresh_token")
GrantType = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=ONE_LINE)]
FormText = Annotated[str, StringConstraints(max_length=200, pattern=ONE_LINE)]
FormPassword = Annotated[str, StringConstraints(max_length=1024, pattern=ONE_LINE)]
RefreshTokenText = Annotated[
    str, StringConstraints(min_length=1, max_length=200, pattern=r"^[A-Za-z0-9._-]+$")
]


class TokenResponse(BaseModel):
    access_token: str
    token_type: str = "bearer"  # noqa: S105 - the OAuth2 token type, not a secret
    expires_in: int
    refresh_token: str | None = None
    scope: str | None = None


class Me(BaseModel):
    username: str | None
    full_name: str
    roles: list[str]
    unit_codes: list[str]
    learner_id: uuid.UUID | None = None
    scopes: list[str] = Field(default_factory=list, description="API clients: the scopes of the token")


class OfficialRole(StrEnum):
    """The roles an administrator gives (learners' accounts come from sign-up)."""

    ADMIN = "admin"
    MANAGER = "manager"
    EVALUATOR = "evaluator"
    COUNCIL = "council"
    VIEWER = "viewer"


class AccountCreate(StrictModel):
    username: Username
    password: Password
    full_name: FullName
    roles: list[OfficialRole] = Field(min_length=1, max_length=len(OfficialRole))
    unit_codes: list[UnitCode] = Field(default_factory=list, max_length=200)
    active: StrictBool = True
    sex: Sex | None = Field(default=None, description="Optional; counted by the report form 0605")
    birth_date: BirthDate | None = Field(
        default=None, description="Optional; the report form 0605 counts officials by age at the year's end"
    )

    @model_validator(mode="after")
    def _check(self) -> AccountCreate:
        if NATIONAL_ID.match(self.username):
            raise ValueError("usernames of 12 digits are reserved for learners' national IDs")
        if self.password.lower() == self.username:
            raise ValueError("the password must differ from the username")
        return self


class AccountUpdate(StrictModel):
    """Each field may be left out; none may be set to null (an empty `unit_codes` list clears them)."""

    password: Password = omittable()
    full_name: FullName = omittable()
    roles: list[Role] = omittable(min_length=1, max_length=len(Role))
    unit_codes: list[UnitCode] = omittable(max_length=200)
    active: StrictBool = omittable()
    sex: Sex | None = Field(default=None, description="Left out: unchanged; null: cleared")
    birth_date: BirthDate | None = Field(default=None, description="Left out: unchanged; null: cleared")


class AccountOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    username: str | None = Field(description="Officials' login name; learners sign in with their national ID")
    full_name: str
    roles: list[str]
    unit_codes: list[str]
    learner_id: uuid.UUID | None
    active: bool
    sex: Sex | None = None
    birth_date: date | None = None
    created_at: datetime
    updated_at: datetime
    allowed_actions: list[AccountAction] = Field(default_factory=list)


class AccountPage(Page[AccountOut]):
    allowed_actions: list[AccountListAction] = Field(default_factory=list)


class ClientCreate(StrictModel):
    client_id: (
        Annotated[str, StringConstraints(min_length=3, max_length=64, pattern=r"^[a-z0-9][a-z0-9._-]+$")]
        | None
    ) = None
    name: FullName
    scopes: list[Scope] = Field(min_length=1, max_length=len(Scope))


class ClientOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    client_id: str
    name: str
    scopes: list[str]
    active: bool
    created_at: datetime
    allowed_actions: list[ClientAction] = Field(
        default_factory=list, description="What the caller may do on this client"
    )


class ClientUpdate(StrictModel):
    """Each field may be left out; none may be set to null. A deactivated client gets no new token and
    those issued already stop working at once (so do they when a scope is taken away); reactivating it
    lets its secret in again."""

    name: FullName = omittable()
    scopes: list[Scope] = omittable(min_length=1, max_length=len(Scope))
    active: StrictBool = omittable()


class ClientPage(Page[ClientOut]):
    allowed_actions: list[ClientListAction] = Field(default_factory=list)


class ClientCreated(ClientOut):
    client_secret: str = Field(description="Shown this once; only its hash is kept")


class PasswordChange(StrictModel):
    current_password: Annotated[str, StringConstraints(min_length=1, max_length=1024, pattern=ONE_LINE)]
    new_password: Password


class SignUp(StrictModel):
    national_id: NationalId
    date_of_birth: PastDay
    password: Password
