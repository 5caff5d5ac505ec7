"""The access policy of digital-literacy-api: for each kind of object, who may read it and do each action.

- Administrators: everything.
- Managers read what belongs to one of their units or lies in one of their communes (their units, every
  unit below them, and those units' communes, from campaign-api); they WRITE only what lies wholly in
  that scope (its unit and its commune both).
- Learners: their own data and progress only (the `learner_id` claim), never the register.
- API clients by scope: `literacy:read` / `literacy:write` for the register, `literacy:match` for the
  sign-up look-up only, `literacy:units` for the units' completion rates and the communes' coverage only (scoring-api).
- Officials (evaluators, the council, viewers) read the statistics; ethnicity only for oversight.

Learners and their training records are hidden: a caller who may use the register but not read this one
gets 404, so that their existence does not leak. Routers ask these policies through the chained
dependencies of `deps.py`; repositories filter lists by the same scope (`learner_scope`).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol, TypeVar

from literacy_api.catalog.schemas import CourseAction
from literacy_api.imports.schemas import ImportJobAction
from literacy_api.learners.schemas import LearnerAction, ListAction
from literacy_api.stats.schemas import PopulationAction
from literacy_api.training.schemas import RecordAction
from service_kit.access import Actor, Policy, UnitScope, anyone, client_scopes, either, roles
from service_kit.auth import ADMIN_ROLE, MANAGER_ROLE, Principal

READ_SCOPE = "literacy:read"
WRITE_SCOPE = "literacy:write"
MATCH_SCOPE = "literacy:match"
UNITS_SCOPE = "literacy:units"
XAPI_READ_SCOPE = "xapi:read"
XAPI_WRITE_SCOPE = "xapi:write"

OFFICIALS = (ADMIN_ROLE, MANAGER_ROLE, "evaluator", "council", "viewer")
# Ethnicity is sensitive (Decree 13/2023): aggregated only, and only for province-level oversight.
OVERSIGHT = (ADMIN_ROLE, "council", "viewer")

E = TypeVar("E", bound=StrEnum)
T = TypeVar("T")


class Placed(Protocol):
    """Something that belongs to a unit and lies in a commune (a learner, a record, a class)."""

    @property
    def unit_code(self) -> str | None: ...

    @property
    def commune_code(self) -> str | None: ...


class Certified(Placed, Protocol):
    """A training record, with its learner's unit and its certificate."""

    @property
    def certificate_code(self) -> str | None: ...

    @property
    def certificate_revoked(self) -> bool: ...


class Submitted(Protocol):
    @property
    def submitted_by(self) -> str: ...


# Who may use the learner register at all (lists, look-ups by ID, the import desk).
uses_register = either(roles(ADMIN_ROLE, MANAGER_ROLE), client_scopes(READ_SCOPE, WRITE_SCOPE))
writes_register = either(roles(ADMIN_ROLE, MANAGER_ROLE), client_scopes(WRITE_SCOPE))
admins = roles(ADMIN_ROLE)


def reads_place(actor: Actor, obj: Placed) -> bool:
    return actor.reads_place(unit_code=obj.unit_code, commune_code=obj.commune_code) or (
        actor.is_client and actor.has_scope(READ_SCOPE, WRITE_SCOPE)
    )


def writes_place(actor: Actor, obj: Placed) -> bool:
    return actor.writes_place(unit_code=obj.unit_code, commune_code=obj.commune_code) or (
        actor.is_client and actor.has_scope(WRITE_SCOPE)
    )


def people_write_place(actor: Actor, obj: Placed) -> bool:
    """Classes are opened by administrators, and by managers in their own communes."""
    return not actor.is_client and actor.writes_place(unit_code=obj.unit_code, commune_code=obj.commune_code)


def has_live_certificate(_actor: Actor, record: Certified) -> bool:
    return record.certificate_code is not None and not record.certificate_revoked


def submitted_it(actor: Actor, job: Submitted) -> bool:
    return actor.is_admin or job.submitted_by == actor.subject


def is_a_learner(actor: Actor, _obj: object) -> bool:
    return actor.learner_id is not None


# Collections: who may list them and create in them.
LEARNER_REGISTER: Policy[object] = Policy(
    "learner", read=uses_register, actions={ListAction.CREATE: writes_register}, label="learner register"
)
RECORD_REGISTER: Policy[object] = Policy(
    "training_record", read=uses_register, actions={ListAction.CREATE: writes_register}, label="record"
)
IMPORT_DESK: Policy[object] = Policy(
    "import", read=writes_register, actions={ListAction.CREATE: writes_register}, label="import desk"
)
COURSE_LIST: Policy[object] = Policy("course", read=anyone, actions={ListAction.CREATE: admins})
CLASS_LIST: Policy[object] = Policy(
    "class", read=anyone, actions={ListAction.CREATE: roles(ADMIN_ROLE, MANAGER_ROLE)}
)

# Objects.
LEARNERS: Policy[Placed] = Policy(
    "learner",
    read=reads_place,
    actions={
        LearnerAction.EDIT: writes_place,
        LearnerAction.ERASE: admins,
        LearnerAction.ADD_RECORD: writes_place,
    },
    hidden=True,
)
LEARNER_PLACES: Policy[Placed] = Policy(
    "learner", read=writes_register, actions={"place": writes_place}, label="learner here"
)
"""Where a new learner (or a learner moved by a change) may be put: wholly inside the caller's scope."""

RECORDS: Policy[Certified] = Policy(
    "training_record",
    read=reads_place,
    actions={
        RecordAction.EDIT: writes_place,
        RecordAction.REVOKE_CERTIFICATE: lambda actor, record: (
            actor.is_admin and has_live_certificate(actor, record)
        ),
    },
    hidden=True,
    label="training record",
)
CERTIFICATES: Policy[object] = Policy("certificate", read=anyone, actions={"revoke": admins})
COURSES: Policy[object] = Policy(
    "course",
    read=anyone,
    actions={CourseAction.EDIT: admins, CourseAction.ADD_CLASS: roles(ADMIN_ROLE, MANAGER_ROLE)},
)
CLASS_PLACES: Policy[Placed] = Policy(
    "class",
    read=roles(ADMIN_ROLE, MANAGER_ROLE),
    actions={ListAction.CREATE: people_write_place},
    label="class here",
)
IMPORT_JOBS: Policy[Submitted] = Policy(
    "import",
    read=lambda actor, job: writes_register(actor, job) and submitted_it(actor, job),
    actions={ImportJobAction.READ_ERRORS: anyone},
    hidden=True,
)

# Look-ups, statistics and the learner's own pages.
LEARNER_MATCH: Policy[object] = Policy("learner_match", read=client_scopes(MATCH_SCOPE), label="look-up")
UNIT_STATISTICS: Policy[object] = Policy(
    "unit_statistics",
    read=either(roles(*OFFICIALS), client_scopes(READ_SCOPE, UNITS_SCOPE)),
    label="units' completion rates",
)
reads_statistics = either(roles(*OFFICIALS), client_scopes(READ_SCOPE))
COVERAGE: Policy[object] = Policy(
    "coverage",
    # scoring-api's composite indices read completion per commune (aggregates; never the ethnicity groups).
    read=either(reads_statistics, client_scopes(UNITS_SCOPE)),
    actions={"group_by_ethnicity": either(roles(*OVERSIGHT), client_scopes(READ_SCOPE))},
    label="statistics",
)
POPULATION: Policy[object] = Policy(
    "population",
    read=either(reads_statistics, client_scopes(WRITE_SCOPE)),
    actions={PopulationAction.EDIT: either(admins, client_scopes(WRITE_SCOPE))},
    label="population figures",
)
COMPETENCES: Policy[object] = Policy("competences", read=anyone)
OWN_DATA: Policy[object] = Policy("me", read=is_a_learner, label="learner's own data")


# The learning record store (xAPI): learning platforms write (`xapi:write`) and read (`xapi:read`) statements;
# administrators may read them. Actor links (an LMS account is a learner) are written like the register.
XAPI_STATEMENTS: Policy[object] = Policy(
    "xapi",
    read=either(admins, client_scopes(XAPI_READ_SCOPE, XAPI_WRITE_SCOPE)),
    actions={
        "read_statements": either(admins, client_scopes(XAPI_READ_SCOPE)),
        # Documents (state, profiles) are what content keeps for itself: the platform that writes them reads
        # them back.
        "read_documents": either(admins, client_scopes(XAPI_READ_SCOPE, XAPI_WRITE_SCOPE)),
        "write": client_scopes(XAPI_WRITE_SCOPE),
    },
    label="learning record store",
)
ACTOR_LINKS: Policy[object] = Policy(
    "actor_link", read=writes_register, actions={ListAction.CREATE: writes_register}, label="actor links"
)


def xapi_recorder(client: str) -> Actor:
    """Whom a statement's training record is written as: the learning platform (the statement's authority),
    with the register's write scope for this purpose only. The record is still written through the records'
    policy (`RECORDS`, `LEARNERS`), so the same rules decide."""
    subject = f"xapi:{client}"
    return Actor(
        principal=Principal(
            subject=subject, issuer="xapi", scopes=frozenset({WRITE_SCOPE}), client_id=subject
        ),
        scope=None,
    )


def sees_sensitive_data(actor: Actor) -> bool:
    """Ethnicity is shown to administrators only, on the single record."""
    return actor.is_admin


def learner_scope(actor: Actor) -> UnitScope | None:
    """What the lists of learners and records are filtered by: None for the whole province."""
    if actor.is_admin or actor.is_client:
        return None
    if actor.is_manager and actor.scope is not None:
        return actor.scope
    return UnitScope(units=frozenset(), communes=frozenset())


def actions(policy: Policy[T], kind: type[E], actor: Actor, obj: T) -> list[E]:
    """The caller's `allowed_actions` on `obj`, typed by the kind's enum."""
    return [kind(name) for name in policy.allowed_actions(actor, obj)]
