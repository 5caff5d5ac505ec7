"""xAPI statements as the specification defines them (2.0.0, IEEE 9274.1.1, and 1.0.3), validated to the
letter: every object refuses unknown properties, every value its type (no coercion), identifiers their form
(absolute IRIs, UUIDs, RFC 5646 language tags, ISO 8601 timestamps and durations), an agent exactly one
inverse functional identifier; and what the actor-link and about endpoints accept and return."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    model_validator,
)

from literacy_api.inputs import ActivityIri
from service_kit.types import StrictModel

VERSIONS_2 = re.compile(r"^2\.0(\.\d+)?$")
VERSIONS_1 = re.compile(r"^1\.0(\.\d+)?$")
IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$")
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")
UUID_FORM = re.compile(
    r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$"
)
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")
# ISO 8601 durations: years to seconds, or weeks alone.
DURATION = re.compile(
    r"^P(?:\d+(?:\.\d+)?W|(?=\d|T\d)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?D)?"
    r"(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?)$"
)
MAILTO = re.compile(r"^mailto:[^@\s]+@[^@\s]+$")
SHA1 = re.compile(r"^[0-9a-fA-F]{40}$")
SHA2 = re.compile(r"^[0-9a-fA-F]{56}$|^[0-9a-fA-F]{64}$|^[0-9a-fA-F]{96}$|^[0-9a-fA-F]{128}$")
VOIDED = "http://adlnet.gov/expapi/verbs/voided"


def _matching(pattern: re.Pattern[str], what: str) -> Any:
    def check(value: str) -> str:
        if not pattern.match(value):
            raise ValueError(f"not {what}")
        return value

    return AfterValidator(check)


def _timestamp(value: str) -> str:
    if not TIMESTAMP.match(value):
        raise ValueError("not an ISO 8601 timestamp")
    if value.endswith(("-00:00", "-0000", "-00")):
        raise ValueError("the offset -00:00 is not allowed")
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC)
    except (ValueError, OverflowError):
        raise ValueError("not a real date and time") from None
    return value


# At most 512 characters: the IRIs are index keys (a B-tree entry holds about 2,700 bytes).
Iri = Annotated[StrictStr, Field(max_length=512), _matching(IRI, "an absolute IRI")]
Uuid = Annotated[StrictStr, _matching(UUID_FORM, "a UUID")]
Timestamp = Annotated[StrictStr, AfterValidator(_timestamp)]
Duration = Annotated[StrictStr, _matching(DURATION, "an ISO 8601 duration")]
Number = StrictInt | StrictFloat


def _language_map(value: dict[str, str]) -> dict[str, str]:
    for tag in value:
        if not LANGUAGE_TAG.match(tag):
            raise ValueError(f"{tag!r} is not an RFC 5646 language tag")
    return value


LanguageMap = Annotated[dict[str, StrictStr], AfterValidator(_language_map)]


def _extensions(value: dict[str, Any]) -> dict[str, Any]:
    for key in value:
        if not IRI.match(key):
            raise ValueError(f"the extension key {key!r} is not an IRI")
    return value


Extensions = Annotated[dict[str, Any], AfterValidator(_extensions)]


class XapiModel(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True)


class Account(XapiModel):
    home_page: Iri = Field(alias="homePage")
    name: StrictStr


class _Identified(XapiModel):
    name: StrictStr | None = None
    mbox: Annotated[StrictStr, _matching(MAILTO, "a mailto IRI")] | None = None
    mbox_sha1sum: Annotated[StrictStr, _matching(SHA1, "a SHA-1 hex digest")] | None = None
    openid: Iri | None = None
    account: Account | None = None

    def identifiers(self) -> int:
        return sum(v is not None for v in (self.mbox, self.mbox_sha1sum, self.openid, self.account))


class Agent(_Identified):
    object_type: Literal["Agent"] | None = Field(default=None, alias="objectType")

    @model_validator(mode="after")
    def _one_identifier(self) -> Agent:
        if self.identifiers() != 1:
            raise ValueError("an agent has exactly one of mbox, mbox_sha1sum, openid, account")
        return self


class Group(_Identified):
    object_type: Literal["Group"] = Field(alias="objectType")
    member: list[Agent] | None = None

    @model_validator(mode="after")
    def _identified_or_members(self) -> Group:
        if self.identifiers() > 1:
            raise ValueError("a group has at most one inverse functional identifier")
        if self.identifiers() == 0 and not self.member:
            raise ValueError("an anonymous group lists its members")
        return self


Actor = Agent | Group


class ObjectAgent(Agent):
    """An agent as a statement's object: its objectType is required there."""

    object_type: Literal["Agent"] = Field(alias="objectType")


class Verb(XapiModel):
    id: Iri
    display: LanguageMap | None = None


class InteractionComponent(XapiModel):
    id: StrictStr
    description: LanguageMap | None = None


InteractionType = Literal[
    "true-false",
    "choice",
    "fill-in",
    "long-fill-in",
    "matching",
    "performance",
    "sequencing",
    "likert",
    "numeric",
    "other",
]


COMPONENTS = {
    "choices": {"choice", "sequencing"},
    "scale": {"likert"},
    "source": {"matching"},
    "target": {"matching"},
    "steps": {"performance"},
}


class ActivityDefinition(XapiModel):
    name: LanguageMap | None = None
    description: LanguageMap | None = None
    type: Iri | None = None
    more_info: Iri | None = Field(default=None, alias="moreInfo")
    interaction_type: InteractionType | None = Field(default=None, alias="interactionType")
    correct_responses_pattern: list[StrictStr] | None = Field(default=None, alias="correctResponsesPattern")
    choices: list[InteractionComponent] | None = None
    scale: list[InteractionComponent] | None = None
    source: list[InteractionComponent] | None = None
    target: list[InteractionComponent] | None = None
    steps: list[InteractionComponent] | None = None
    extensions: Extensions | None = None

    @model_validator(mode="after")
    def _components_of_the_type(self) -> ActivityDefinition:
        for name, types in COMPONENTS.items():
            if getattr(self, name) is not None and self.interaction_type not in types:
                raise ValueError(f"{name} belongs to interaction types {sorted(types)}")
        if self.correct_responses_pattern is not None and self.interaction_type is None:
            raise ValueError("correctResponsesPattern needs an interactionType")
        return self


class Activity(XapiModel):
    object_type: Literal["Activity"] | None = Field(default=None, alias="objectType")
    id: Iri
    definition: ActivityDefinition | None = None


class StatementRef(XapiModel):
    object_type: Literal["StatementRef"] = Field(alias="objectType")
    id: Uuid


class Score(XapiModel):
    scaled: Number | None = Field(default=None, ge=-1, le=1)
    raw: Number | None = None
    min: Number | None = None
    max: Number | None = None

    @model_validator(mode="after")
    def _in_range(self) -> Score:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError("min is above max")
        if self.raw is not None and (
            (self.min is not None and self.raw < self.min) or (self.max is not None and self.raw > self.max)
        ):
            raise ValueError("raw lies outside min and max")
        return self


class Result(XapiModel):
    score: Score | None = None
    success: StrictBool | None = None
    completion: StrictBool | None = None
    response: StrictStr | None = None
    duration: Duration | None = None
    extensions: Extensions | None = None


class ContextActivities(XapiModel):
    parent: Activity | list[Activity] | None = None
    grouping: Activity | list[Activity] | None = None
    category: Activity | list[Activity] | None = None
    other: Activity | list[Activity] | None = None


class ContextAgent(XapiModel):
    object_type: Literal["contextAgent"] = Field(alias="objectType")
    agent: Agent
    relevant_types: list[Iri] | None = Field(default=None, alias="relevantTypes", min_length=1)


class ContextGroup(XapiModel):
    object_type: Literal["contextGroup"] = Field(alias="objectType")
    group: Group
    relevant_types: list[Iri] | None = Field(default=None, alias="relevantTypes", min_length=1)


class Context(XapiModel):
    registration: Uuid | None = None
    instructor: Actor | None = None
    team: Group | None = None
    context_activities: ContextActivities | None = Field(default=None, alias="contextActivities")
    context_agents: list[ContextAgent] | None = Field(default=None, alias="contextAgents")
    context_groups: list[ContextGroup] | None = Field(default=None, alias="contextGroups")
    revision: StrictStr | None = None
    platform: StrictStr | None = None
    language: Annotated[StrictStr, _matching(LANGUAGE_TAG, "an RFC 5646 language tag")] | None = None
    statement: StatementRef | None = None
    extensions: Extensions | None = None


class Attachment(XapiModel):
    usage_type: Iri = Field(alias="usageType")
    display: LanguageMap
    description: LanguageMap | None = None
    content_type: StrictStr = Field(alias="contentType")
    length: StrictInt = Field(ge=0)
    sha2: Annotated[StrictStr, _matching(SHA2, "a SHA-2 hex digest")]
    file_url: Iri | None = Field(default=None, alias="fileUrl")


def _check_context(context: Context | None, target: object, version_2: bool) -> None:
    if context is None:
        return
    if not isinstance(target, Activity) and (context.revision is not None or context.platform is not None):
        raise ValueError("context.revision and context.platform are for statements about an activity")
    if not version_2 and (context.context_agents is not None or context.context_groups is not None):
        raise ValueError("contextAgents and contextGroups are xAPI 2.0")


class SubStatement(XapiModel):
    object_type: Literal["SubStatement"] = Field(alias="objectType")
    actor: Actor
    verb: Verb
    object: Activity | ObjectAgent | Group | StatementRef
    result: Result | None = None
    context: Context | None = None
    timestamp: Timestamp | None = None
    attachments: list[Attachment] | None = None


class Statement(XapiModel):
    id: Uuid | None = None
    actor: Actor
    verb: Verb
    object: Activity | ObjectAgent | Group | StatementRef | SubStatement
    result: Result | None = None
    context: Context | None = None
    timestamp: Timestamp | None = None
    stored: Timestamp | None = None
    authority: Actor | None = None
    version: StrictStr | None = None
    attachments: list[Attachment] | None = None

    def check(self, version_2: bool) -> None:
        """The rules that span properties (and the version's differences); ValueError when broken."""
        if self.version is not None and not (
            VERSIONS_2.match(self.version) or VERSIONS_1.match(self.version)
        ):
            raise ValueError("version must be 1.0.x or 2.0.x")
        if self.verb.id == VOIDED and not isinstance(self.object, StatementRef):
            raise ValueError("a voiding statement's object is a StatementRef")
        _check_context(self.context, self.object, version_2)
        if isinstance(self.object, SubStatement):
            _check_context(self.object.context, self.object.object, version_2)
        if isinstance(self.authority, Group) and (
            self.authority.identifiers() != 0
            or len(self.authority.member or []) != 2
            or not any(m.account is not None for m in self.authority.member or [])
        ):
            raise ValueError("a group authority is anonymous: an OAuth consumer (an account) and a user")


class ActorLinkIn(StrictModel):
    actor_account_homepage: ActivityIri | None = Field(default=None, description="The LMS's account homePage")
    actor_account_name: (
        Annotated[str, Field(min_length=1, max_length=200, pattern=r"^[^\x00-\x1f\x7f-\x9f]+$")] | None
    ) = None
    mbox_sha1sum: Annotated[str, Field(pattern=r"^[0-9a-f]{40}$")] | None = Field(
        default=None, description="SHA-1 of the actor's mailto IRI, lower-case hex"
    )
    learner_id: uuid.UUID

    @model_validator(mode="after")
    def _one_identifier(self) -> ActorLinkIn:
        account = self.actor_account_homepage is not None and self.actor_account_name is not None
        half = (self.actor_account_homepage is None) != (self.actor_account_name is None)
        if half or account == (self.mbox_sha1sum is not None):
            raise ValueError("give either actor_account_homepage and actor_account_name, or mbox_sha1sum")
        return self


class ActorLinkOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    actor_account_homepage: str | None
    actor_account_name: str | None
    mbox_sha1sum: str | None
    learner_id: uuid.UUID
    created_at: datetime
    applied: int = Field(default=0, description="Waiting statements applied when the link was made")


class About(BaseModel):
    version: list[str]
    extensions: dict[str, Any] = Field(default_factory=dict)


class StatementResult(BaseModel):
    statements: list[dict[str, Any]]
    more: str = ""
