"""The access policy of scoring-api: who may read criteria sets, rounds (their rankings, proposals and
exports) and scorecards, and who may take each of their actions, with a manager's unit scope (their units
and every unit below) applied to reads and writes. Routers ask it through the chained dependencies of
`deps.py`, repositories filter lists by `readable_units`, and `allowed_actions` come from the same rules.

Scorecards follow a workflow, so their actions depend on the card's state as well as on the caller: a
caller who may take an action, but not in the card's present state, gets 409 (not their turn); anyone
else 403, or 404 for a manager looking at another unit's card (its existence does not leak)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from scoring_api.criteria.models import CriteriaSet
from scoring_api.criteria.schemas import CriteriaSetAction, CriteriaSetListAction, SubjectType
from scoring_api.indices.models import IndexFramework, IndexRun
from scoring_api.indices.schemas import FrameworkAction, FrameworkListAction, RunAction
from scoring_api.messages import ACTION_LABELS, STATUS_LABELS
from scoring_api.rounds.models import Round
from scoring_api.rounds.schemas import RoundAction, RoundListAction
from scoring_api.scorecards.models import Scorecard
from scoring_api.scorecards.schemas import ScorecardAction, ScorecardStatus
from service_kit.access import READ, Actor, Policy, Rule, client_scopes, either, roles
from service_kit.errors import Forbidden, InvalidState

T = TypeVar("T")
S = ScorecardStatus

READ_SCOPE = "scoring:read"
PROVINCE_READERS = ("admin", "evaluator", "council", "viewer")
"""Officials who read every unit's scores; a manager reads only their own units'."""

reads_province = either(roles(*PROVINCE_READERS), client_scopes(READ_SCOPE))
officials = either(roles(*PROVINCE_READERS, "manager"), client_scopes(READ_SCOPE))
admin = roles("admin")


@dataclass(frozen=True)
class Turn(Generic[T]):
    """One way to take an action: who may (`who`), and in which states of the object (`when`)."""

    who: Rule[T]
    when: Callable[[T], bool]

    def now(self, actor: Actor, obj: T) -> bool:
        return self.who(actor, obj) and self.when(obj)


def _always(_obj: object) -> bool:
    return True


class Workflow(Generic[T]):
    """A `Policy` whose actions are taken in turns: refusals say 409 to a caller whose turn it is not yet
    (or any more), 403 to a caller who never has one (404 for hidden kinds they may not read, unless
    they fail the `gate` and may read no object of the kind at all)."""

    def __init__(
        self,
        kind: str,
        *,
        read: Rule[T],
        turns: Mapping[str, Sequence[Turn[T]]],
        not_now: Callable[[T, str], InvalidState],
        hidden: bool = False,
        gate: Rule[T] | None = None,
        label: str | None = None,
    ) -> None:
        self.turns = turns
        self.not_now = not_now
        self.gate = gate
        self.policy: Policy[T] = Policy(
            kind,
            read=read,
            actions={name: self._rule(steps) for name, steps in turns.items()},
            hidden=hidden,
            label=label,
        )

    @staticmethod
    def _rule(steps: Sequence[Turn[T]]) -> Rule[T]:
        return lambda actor, obj: any(step.now(actor, obj) for step in steps)

    def can(self, actor: Actor, action: str, obj: T) -> bool:
        return self.policy.can(actor, action, obj)

    def ensure(self, actor: Actor, action: str, obj: T) -> None:
        if action == READ:
            self._ensure_read(actor, READ, obj)
        else:
            self.ensure_turn(actor, action, obj, self.turns[action])

    def _forbidden(self, action: str) -> Forbidden:
        # Registered for every kind (messages.py): criteria_set.forbidden, round.forbidden, scorecard.forbidden.
        return Forbidden(
            f"You may not {action.replace('_', ' ')} this {self.policy.label}.",
            code=f"{self.policy.kind}.forbidden",
        )

    def _ensure_read(self, actor: Actor, action: str, obj: T) -> None:
        # Callers outside the gate may read no object of this kind at all: a plain 403 hides nothing.
        if self.gate is not None and not self.gate(actor, obj):
            raise self._forbidden(action)
        self.policy.ensure(actor, READ, obj)

    def ensure_turn(self, actor: Actor, action: str, obj: T, steps: Sequence[Turn[T]]) -> None:
        """Refuse unless one of `steps` is the actor's now."""
        self._ensure_read(actor, action, obj)
        if any(step.now(actor, obj) for step in steps):
            return
        if any(step.who(actor, obj) for step in steps):
            raise self.not_now(obj, action)
        raise self._forbidden(action)

    def allowed_actions(self, actor: Actor, obj: T) -> list[str]:
        return self.policy.allowed_actions(actor, obj)


# --- criteria sets ---


def _draft_set(criteria_set: CriteriaSet) -> bool:
    return criteria_set.status == "draft"


def _set_not_now(criteria_set: CriteriaSet, action: str) -> InvalidState:
    return InvalidState(
        "A published criteria set does not change; create a new version.",
        code="criteria_set.wrong_state",
        params={"status": criteria_set.status},
    )


CRITERIA_SETS: Workflow[CriteriaSet] = Workflow(
    "criteria_set",
    label="criteria set",
    read=officials,
    turns={
        CriteriaSetAction.EDIT: (Turn(admin, _draft_set),),
        CriteriaSetAction.PUBLISH: (Turn(admin, _draft_set),),
    },
    not_now=_set_not_now,
)
CRITERIA_SET_LIST: Policy[None] = Policy(
    "criteria_set",
    label="list of criteria sets",
    read=officials,
    actions={CriteriaSetListAction.CREATE: admin},
)


# --- rounds (with their rankings, proposals and exports) ---


def _scores(subject_type: SubjectType) -> Callable[[Round], bool]:
    return lambda scoring_round: scoring_round.criteria_set.subject_type == subject_type


def _round_not_now(scoring_round: Round, action: str) -> InvalidState:
    if action == RoundAction.GENERATE:
        return InvalidState(
            "Scorecards of individuals are added one by one.", code="round.scores_individuals"
        )
    return InvalidState(
        "This round scores collectives: generate their scorecards from the participants.",
        code="round.scores_collectives",
    )


ROUNDS: Workflow[Round] = Workflow(
    "round",
    read=officials,
    turns={
        RoundAction.GENERATE: (Turn(admin, _scores(SubjectType.COLLECTIVE)),),
        RoundAction.ADD_SCORECARD: (Turn(roles("admin", "manager"), _scores(SubjectType.INDIVIDUAL)),),
        RoundAction.COMPUTE: (Turn(admin, _always),),
        RoundAction.EXPORT: (Turn(officials, _always),),
    },
    not_now=_round_not_now,
)
ROUND_LIST: Policy[None] = Policy(
    "round", label="list of rounds", read=officials, actions={RoundListAction.CREATE: admin}
)


# --- composite indices (frameworks, their values, runs) ---


def _draft_framework(framework: IndexFramework) -> bool:
    return framework.status == "draft"


def _published_framework(framework: IndexFramework) -> bool:
    return framework.status == "published"


def _framework_not_now(framework: IndexFramework, action: str) -> InvalidState:
    if action == FrameworkAction.RUN:
        return InvalidState("A framework is run once it is published.", code="index_framework.not_published")
    return InvalidState(
        "A published framework does not change; copy it into a new version.",
        code="index_framework.wrong_state",
        params={"status": framework.status},
    )


INDEX_FRAMEWORKS: Workflow[IndexFramework] = Workflow(
    "index_framework",
    label="index framework",
    read=officials,
    turns={
        FrameworkAction.EDIT: (Turn(admin, _draft_framework),),
        FrameworkAction.PUBLISH: (Turn(admin, _draft_framework),),
        FrameworkAction.COPY: (Turn(admin, _always),),
        FrameworkAction.VALUES: (Turn(admin, _always),),
        # A manager runs it over the units of their scope only (`ensure_reads_subjects`).
        FrameworkAction.RUN: (Turn(roles("admin", "manager"), _published_framework),),
    },
    not_now=_framework_not_now,
)
INDEX_FRAMEWORK_LIST: Policy[None] = Policy(
    "index_framework",
    label="list of index frameworks",
    read=officials,
    actions={FrameworkListAction.CREATE: admin},
)


def reads_subject(actor: Actor, subject_code: str) -> bool:
    """A subject of an index (a unit, or a commune by its code): province-wide readers read every one, a
    manager those of their scope (its units, and the communes they are)."""
    return reads_province(actor, None) or actor.reads_place(unit_code=subject_code, commune_code=subject_code)


def subject_filter(actor: Actor) -> Callable[[str], bool] | None:
    """What a run of `actor` covers and what they read of any run: None for every subject."""
    if reads_province(actor, None):
        return None
    return lambda subject_code: reads_subject(actor, subject_code)


def ensure_reads_subjects(actor: Actor, subject_codes: Sequence[str]) -> None:
    """A run that names its subjects: every one inside the caller's scope, or 403 and nothing run."""
    outside = [code for code in subject_codes if not reads_subject(actor, code)]
    if outside:
        raise Forbidden(
            f"You may not act for unit {outside[0]}.",
            code="unit.out_of_scope",
            params={"unit_code": outside[0]},
        )


def _run_not_now(run: IndexRun, action: str) -> InvalidState:  # every turn of a run is always open
    return InvalidState("Not now.", code="index_run.forbidden")


INDEX_RUNS: Workflow[IndexRun] = Workflow(
    "index_run",
    label="index run",
    read=officials,
    turns={
        RunAction.UNCERTAINTY: (Turn(admin, _always),),
        RunAction.EXPORT: (Turn(officials, _always),),
    },
    not_now=_run_not_now,
)
INDEX_RUN_LIST: Policy[None] = Policy("index_run", label="list of index runs", read=officials)


# --- scorecards ---


def _reads_card(actor: Actor, card: Scorecard) -> bool:
    return reads_province(actor, card) or actor.reads_place(unit_code=card.unit_code, commune_code=None)


def _acts_for_unit(actor: Actor, card: Scorecard) -> bool:
    """The card's unit's manager (a manager whose scope holds the unit), or an administrator."""
    return actor.acts_for(card.unit_code)


def _while(*states: ScorecardStatus) -> Callable[[Scorecard], bool]:
    return lambda card: S(card.status) in states


SELF_ASSESSMENT: tuple[Turn[Scorecard], ...] = (Turn(_acts_for_unit, _while(S.DRAFT, S.RETURNED)),)
"""`self_score`, `note`, `evidence_url`: the unit's manager, while draft or returned."""
REVIEW: tuple[Turn[Scorecard], ...] = (
    Turn(roles("evaluator", "admin"), _while(S.SUBMITTED)),
    Turn(roles("council", "admin"), _while(S.REVIEWED)),
)
"""`reviewed_score`, `review_note`: an evaluator while submitted, the council while reviewed."""

_PAST = {"submit": "submitted", "review": "reviewed", "approve": "approved", "return": "returned"}


def _card_not_now(card: Scorecard, action: str) -> InvalidState:
    status = S(card.status)
    if status is S.APPROVED:
        detail = "An approved scorecard is locked."
    elif action == ScorecardAction.SCORE:
        detail = (
            f"This scorecard is {status.value}: the unit's manager enters the self-assessment while draft or "
            "returned, an evaluator reviewed scores while submitted, the council while reviewed."
        )
    else:
        detail = f"A {status.value} scorecard cannot be {_PAST.get(action, action)}."
    return InvalidState(
        detail,
        code="scorecard.wrong_state",
        params={
            "status": status.value,
            "status_label": STATUS_LABELS[status.value],
            "action": str(action),
            "action_label": ACTION_LABELS.get(action, str(action)),
        },
    )


SCORECARDS: Workflow[Scorecard] = Workflow(
    "scorecard",
    read=_reads_card,
    hidden=True,  # another unit's card is 404 to a manager
    gate=officials,  # learners and other API clients read no card: 403
    turns={
        ScorecardAction.SCORE: (*SELF_ASSESSMENT, *REVIEW),
        ScorecardAction.SUBMIT: (Turn(_acts_for_unit, _while(S.DRAFT, S.RETURNED)),),
        ScorecardAction.REVIEW: (Turn(roles("evaluator", "admin"), _while(S.SUBMITTED)),),
        ScorecardAction.APPROVE: (Turn(roles("council", "admin"), _while(S.REVIEWED)),),
        ScorecardAction.RETURN: (
            Turn(roles("evaluator", "council", "admin"), _while(S.SUBMITTED, S.REVIEWED)),
        ),
    },
    not_now=_card_not_now,
)


def ensure_may_score(actor: Actor, card: Scorecard, *, self_fields: bool, review_fields: bool) -> None:
    """Entering scores: each part the change writes must be the actor's turn (an entry naming no field
    counts as the present step's)."""
    if not self_fields and not review_fields:
        status = S(card.status)
        present_step = (
            SELF_ASSESSMENT
            if status in (S.DRAFT, S.RETURNED)
            else REVIEW
            if status in (S.SUBMITTED, S.REVIEWED)
            else SCORECARDS.turns[ScorecardAction.SCORE]
        )
        SCORECARDS.ensure_turn(actor, ScorecardAction.SCORE, card, present_step)
    if self_fields:
        SCORECARDS.ensure_turn(actor, ScorecardAction.SCORE, card, SELF_ASSESSMENT)
    if review_fields:
        SCORECARDS.ensure_turn(actor, ScorecardAction.SCORE, card, REVIEW)


def ensure_acts_for(actor: Actor, unit_code: str) -> None:
    """A scorecard added for a unit: by an administrator, or a manager whose scope holds that unit."""
    if not actor.acts_for(unit_code):
        raise Forbidden(
            f"You may not act for unit {unit_code}.",
            code="unit.out_of_scope",
            params={"unit_code": unit_code},
        )


def readable_units(actor: Actor) -> frozenset[str] | None:
    """The units whose scorecards `actor` reads: None for every unit (province-wide readers), else a
    manager's scope (empty for anyone else)."""
    if reads_province(actor, None):
        return None
    if actor.is_manager and actor.scope is not None:
        return actor.scope.units
    return frozenset()


TASKS: Policy[None] = Policy("task", read=roles(*PROVINCE_READERS, "manager"), label="tasks")
"""The caller's own scorecards to act on: officials (learners and API clients have none)."""
