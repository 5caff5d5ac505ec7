"""Who may do what in campaign-api: one policy per kind of object, built on `service_kit.access`.

Every router asks these policies through the chained dependencies of `deps.py`; services ask them
when the object is named in the request body (the unit a report is filed for, a new campaign's
organiser); repositories filter lists by `filing_units`. A manager acts for the units of its token
and their sub-units (`Actor.scope`, read from this service's own directory of units).

Reading a unit's filings (plans, reports, initiatives, KPIs) is province-wide for administrators,
evaluators, council members, viewers and `campaign:read` clients; a manager reads only its own units'
filings, unless it runs the campaign (acts for the organising unit), whose organiser reviews them all.
Another unit's report or initiative is answered 404 to a manager (`hidden`): its existence does not leak.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol, TypeVar

from campaign_api.campaigns.models import Campaign
from campaign_api.campaigns.schemas import CampaignAction, CampaignListAction, CampaignStatus
from campaign_api.contests.models import Contest
from campaign_api.contests.schemas import ContestAction, ContestStatus
from campaign_api.identity.models import Account, ApiClient
from campaign_api.identity.schemas import (
    AccountAction,
    AccountListAction,
    ClientAction,
    ClientListAction,
    LearnerAccountAction,
    Role,
    Scope,
)
from campaign_api.judging.models import InitiativeJudging
from campaign_api.judging.schemas import JudgingAction
from campaign_api.participation.schemas import ParticipantAction, ReportAction, ReportStatus
from campaign_api.recognition.models import CouncilSession
from campaign_api.recognition.schemas import (
    CouncilAction,
    DecisionAction,
    DecisionStatus,
    DossierAction,
    DossierStatus,
    InitiativeAction,
    InitiativeStatus,
    RegistrationAction,
    RegistrationStatus,
)
from campaign_api.units.models import Unit
from campaign_api.units.schemas import UnitAction, UnitListAction
from service_kit.access import READ, Actor, Policy, Rule, anyone, client_scopes, either, roles

T = TypeVar("T")

READ_SCOPE = "campaign:read"
PROVINCE_WIDE_READERS = (Role.ADMIN, Role.EVALUATOR, Role.COUNCIL, Role.VIEWER)
"""Roles that read every unit's filings; a manager's reads stop at its units."""

reader = either(roles(*PROVINCE_WIDE_READERS, Role.MANAGER), client_scopes(READ_SCOPE))
"""Officials of any role, and API clients granted `campaign:read`; not learners."""
admin = roles(Role.ADMIN)


class Organised(Protocol):
    """A campaign, or a campaign about to be created: what its organiser's managers run."""

    @property
    def organizer_unit_code(self) -> str: ...


@dataclass(frozen=True)
class CampaignSeen:
    """A campaign as one actor sees it: with the participants that actor acts for (managers only;
    an administrator acts for every unit and needs none listed)."""

    campaign: Campaign
    own_participants: frozenset[str] = frozenset()

    @property
    def organizer_unit_code(self) -> str:
        return self.campaign.organizer_unit_code

    @property
    def status(self) -> str:
        return self.campaign.status


@dataclass(frozen=True)
class Filing:
    """What one unit files in a campaign (its enrolment and plan, a report, an initiative)."""

    campaign: Campaign
    unit_code: str
    status: str | None = None


class StatefulPolicy(Policy[T]):
    """A policy whose `allowed_actions` also say whether the object's state lets the action happen now.

    `ensure` still decides on who the caller is only, so that a right caller in a wrong state gets the
    service's 409 (`InvalidState`) as before, while the dashboard shows no control that would fail.
    """

    def __init__(
        self,
        kind: str,
        *,
        read: Rule[T],
        actions: Mapping[str, Rule[T]],
        states: Mapping[str, Rule[T]],
        hidden: bool = False,
        label: str | None = None,
    ) -> None:
        super().__init__(kind, read=read, actions=actions, hidden=hidden, label=label)
        self._states = dict(states)

    def allowed_actions(self, actor: Actor, obj: T) -> list[str]:
        return [
            name
            for name in super().allowed_actions(actor, obj)
            if name not in self._states or self._states[name](actor, obj)
        ]


# --- rules -------------------------------------------------------------------------------------


def runs(actor: Actor, campaign: Organised) -> bool:
    """Administrators, and managers of the organising unit (or of a unit above it), run a campaign."""
    return actor.acts_for(campaign.organizer_unit_code)


def reads_every_unit(actor: Actor) -> bool:
    return actor.has_role(*PROVINCE_WIDE_READERS) or (actor.is_client and actor.has_scope(READ_SCOPE))


def filing_units(actor: Actor, campaign: Campaign) -> frozenset[str] | None:
    """The units whose filings in `campaign` this actor reads; None for every unit."""
    if reads_every_unit(actor) or runs(actor, campaign):
        return None
    if actor.is_manager and actor.scope is not None:
        return actor.scope.units
    return frozenset()


def reads_filing(actor: Actor, filing: Filing) -> bool:
    if not reader(actor, filing):
        return False
    units = filing_units(actor, filing.campaign)
    return units is None or filing.unit_code in units


def files_for_unit(actor: Actor, filing: Filing) -> bool:
    """The unit's managers (and administrators) file its plan, reports and initiatives."""
    return actor.acts_for(filing.unit_code)


def reviews(actor: Actor, filing: Filing) -> bool:
    return runs(actor, filing.campaign)


def acts_for_a_participant(actor: Actor, seen: CampaignSeen) -> bool:
    return actor.is_admin or bool(seen.own_participants)


def status_is(*statuses: str) -> Rule[object]:
    def rule(_actor: Actor, obj: object) -> bool:
        return getattr(obj, "status", None) in statuses

    return rule


def campaign_status_is(*statuses: str) -> Rule[Filing]:
    def rule(_actor: Actor, filing: Filing) -> bool:
        return filing.campaign.status in statuses

    return rule


OPEN = (CampaignStatus.DRAFT, CampaignStatus.ACTIVE)
ACTIVE = (CampaignStatus.ACTIVE,)


def _both(first: Rule[Filing], second: Rule[Filing]) -> Rule[Filing]:
    def rule(actor: Actor, filing: Filing) -> bool:
        return first(actor, filing) and second(actor, filing)

    return rule


@dataclass(frozen=True)
class ContestSeen:
    """A contest with its campaign: the campaign's organiser runs it."""

    contest: Contest
    campaign: Campaign

    @property
    def organizer_unit_code(self) -> str:
        return self.campaign.organizer_unit_code

    @property
    def status(self) -> str:
        return self.contest.status


@dataclass(frozen=True)
class JudgingSeen:
    """A round of initiative judging with its campaign: the campaign's organiser runs it."""

    judging: InitiativeJudging
    campaign: Campaign

    @property
    def organizer_unit_code(self) -> str:
        return self.campaign.organizer_unit_code


# --- policies ----------------------------------------------------------------------------------

CAMPAIGN_LIST: Policy[None] = Policy(
    "campaign",
    read=reader,
    actions={CampaignListAction.CREATE: roles(Role.ADMIN, Role.MANAGER)},
    label="movements",
)
"""Reading the movements, and creating one (for a unit the creator runs: `NEW_CAMPAIGNS`)."""

NEW_CAMPAIGNS: Policy[Organised] = Policy(
    "campaign", read=reader, actions={CampaignListAction.CREATE: runs}, label="movement"
)

CAMPAIGNS: StatefulPolicy[CampaignSeen] = StatefulPolicy(
    "campaign",
    read=reader,
    actions={
        CampaignAction.EDIT: runs,
        CampaignAction.LAUNCH: runs,
        CampaignAction.CLOSE: runs,
        CampaignAction.ENROL: runs,
        CampaignAction.ADD_PHASE: runs,
        CampaignAction.ADD_TARGET: runs,
        CampaignAction.ADD_INITIATIVE: acts_for_a_participant,
        CampaignAction.ADD_COMMENDATION: runs,
        CampaignAction.EXPORT_PARTICIPANTS: anyone,
        CampaignAction.REGISTER: acts_for_a_participant,
        CampaignAction.BUILD_DOSSIERS: runs,
        CampaignAction.ADD_CONTEST: runs,
        CampaignAction.ADD_JUDGING: runs,
    },
    states={
        CampaignAction.EDIT: status_is(*OPEN),
        CampaignAction.LAUNCH: status_is(CampaignStatus.DRAFT),
        CampaignAction.CLOSE: status_is(CampaignStatus.ACTIVE),
        CampaignAction.ENROL: status_is(*OPEN),
        CampaignAction.ADD_PHASE: status_is(*OPEN),
        CampaignAction.ADD_TARGET: status_is(*OPEN),
        CampaignAction.ADD_INITIATIVE: status_is(*ACTIVE),
    },
    label="movement",
)
"""A movement: every official and `campaign:read` client reads it; its organiser's managers run it."""

PARTICIPANTS: StatefulPolicy[Filing] = StatefulPolicy(
    "participant",
    read=reads_filing,
    actions={
        ParticipantAction.FILE_PLAN: files_for_unit,
        ParticipantAction.FILE_REPORT: files_for_unit,
        ParticipantAction.ADD_INITIATIVE: files_for_unit,
    },
    states={
        ParticipantAction.FILE_PLAN: campaign_status_is(*OPEN),
        ParticipantAction.FILE_REPORT: campaign_status_is(*ACTIVE),
        ParticipantAction.ADD_INITIATIVE: campaign_status_is(*ACTIVE),
    },
    label="participant",
)
"""A unit's enrolment and implementation plan (a row of the participants list and sheet).

Not hidden: writing another unit's plan is 403 (that a unit takes part is no secret; its plan is)."""

PLANS = PARTICIPANTS
"""A plan is filed on its participant: the same rules."""

REPORTS: StatefulPolicy[Filing] = StatefulPolicy(
    "report",
    read=reads_filing,
    actions={
        ReportAction.ACCEPT: reviews,
        ReportAction.RETURN: reviews,
        ReportAction.RESUBMIT: files_for_unit,
    },
    states={
        ReportAction.ACCEPT: status_is(ReportStatus.SUBMITTED),
        ReportAction.RETURN: status_is(ReportStatus.SUBMITTED),
        ReportAction.RESUBMIT: _both(status_is(ReportStatus.RETURNED), campaign_status_is(*ACTIVE)),
    },
    hidden=True,
)
"""A progress report: its unit files (and corrects) it, the organiser accepts or returns it."""

INITIATIVES: StatefulPolicy[Filing] = StatefulPolicy(
    "initiative",
    read=reads_filing,
    actions={InitiativeAction.ASSESS: reviews},
    states={InitiativeAction.ASSESS: status_is(InitiativeStatus.SUBMITTED)},
    hidden=True,
)

COMMENDATIONS: Policy[CampaignSeen] = Policy("commendation", read=reader)
"""Commendations are decisions made public: every reader of the movement reads them
(recording one is the movement's `add_commendation`)."""

NEW_CONTESTS: Policy[CampaignSeen] = Policy("contest", read=reader, actions={"create": runs}, label="contest")
"""A contest is created in a movement by those who run the movement."""


def person(actor: Actor, _obj: object) -> bool:
    return not actor.is_client


CONTEST_JOINERS: Policy[None] = Policy("contest", read=person, label="contest")
"""Officials and learners join a contest with their own account (API clients are nobody to enter)."""

_LIVE_CONTEST = (ContestStatus.DRAFT, ContestStatus.OPEN)
CONTESTS: StatefulPolicy[ContestSeen] = StatefulPolicy(
    "contest",
    read=reader,
    actions={
        ContestAction.EDIT: runs,
        ContestAction.OPEN: runs,
        ContestAction.CLOSE: runs,
        ContestAction.MANAGE_QUESTIONS: runs,
        ContestAction.ADD_ROUND: runs,
        ContestAction.VIEW_FLAGS: runs,
    },
    states={
        ContestAction.EDIT: status_is(*_LIVE_CONTEST),
        ContestAction.OPEN: status_is(ContestStatus.DRAFT),
        ContestAction.CLOSE: status_is(ContestStatus.OPEN),
        ContestAction.MANAGE_QUESTIONS: status_is(*_LIVE_CONTEST),
        ContestAction.ADD_ROUND: status_is(*_LIVE_CONTEST),
    },
    label="contest",
)
"""An online contest: every reader of the movement reads it, its rounds, results and unit figures; those
who run the movement run the contest, and they alone read its question bank (with the correct keys) and
its abuse flags. Participants reach none of this: they hold a participant token (`contests.service`)."""
NEW_JUDGINGS: Policy[CampaignSeen] = Policy("judging", read=reader, actions={"create": runs}, label="judging")
"""A round of initiative judging is set up in a movement by those who run the movement."""


def is_judge(actor: Actor, seen: JudgingSeen) -> bool:
    return actor.subject in {str(judge) for judge in seen.judging.judges}


JUDGINGS: Policy[JudgingSeen] = Policy(
    "judging",
    read=reader,
    actions={JudgingAction.SCORE: is_judge, JudgingAction.DECIDE: runs},
    label="judging",
)
"""Initiative judging: every reader of the movement reads the round and its ranking; its judges (and they
alone, administrators included only when named) score; those who run the movement decide the recognition."""
NEW_FILINGS: Policy[Filing] = Policy(
    "registration", read=reader, actions={"create": files_for_unit}, label="registration"
)
"""A registration or a dossier filed for a unit: by its managers (and administrators)."""

REGISTRATIONS: Policy[Filing] = Policy(
    "registration",
    read=reads_filing,
    actions={
        RegistrationAction.SUBMIT: files_for_unit,
        RegistrationAction.APPROVE: reviews,
        RegistrationAction.RETURN: reviews,
    },
    when={
        RegistrationAction.SUBMIT: status_is(RegistrationStatus.DRAFT, RegistrationStatus.RETURNED),
        RegistrationAction.APPROVE: status_is(RegistrationStatus.SUBMITTED),
        RegistrationAction.RETURN: status_is(RegistrationStatus.SUBMITTED),
    },
    hidden=True,
)
"""A unit's registration for titles: its unit submits it, the movement's organiser approves or returns it."""

DOSSIER_LIST: Policy[None] = Policy(
    "dossier", read=reader, actions={"create": roles(Role.ADMIN, Role.MANAGER)}, label="dossiers"
)

PROPOSALS_TO_DOSSIERS: Policy[Organised] = Policy(
    "dossier", read=reader, actions={"build": runs}, label="dossiers"
)
"""Dossiers built from a scoring round's proposals: by the organiser of the round's movement."""

DOSSIER_STATES: dict[str, tuple[str, ...]] = {
    DossierAction.SUBMIT: (DossierStatus.DRAFT, DossierStatus.RETURNED),
    DossierAction.RECEIVE: (DossierStatus.SUBMITTED,),
    DossierAction.ASSIGN: (DossierStatus.RECEIVED, DossierStatus.IN_REVIEW),
    DossierAction.REVIEW: (DossierStatus.RECEIVED,),
    DossierAction.TO_COUNCIL: (DossierStatus.IN_REVIEW,),
    DossierAction.APPROVE: (DossierStatus.COUNCIL,),
    DossierAction.RETURN: (DossierStatus.SUBMITTED, DossierStatus.RECEIVED, DossierStatus.IN_REVIEW),
    DossierAction.REJECT: (DossierStatus.RECEIVED, DossierStatus.IN_REVIEW, DossierStatus.COUNCIL),
}
"""The states each transition of a dossier leaves from (the service moves it to the next)."""

DOSSIERS: Policy[Filing] = Policy(
    "dossier",
    read=reads_filing,
    actions={
        DossierAction.SUBMIT: files_for_unit,
        **{action: reviews for action in DOSSIER_STATES if action != DossierAction.SUBMIT},
    },
    when={action: status_is(*states) for action, states in DOSSIER_STATES.items()},
    hidden=True,
)
"""A commendation dossier: its unit builds and sends it; the movement's organiser (the emulation office)
receives it, assigns a specialist, reviews it, returns it or finds it ineligible, takes it to the council
and records the council's approval. Another unit's dossier is 404 to a manager."""


OFFICIALS: Policy[None] = Policy("official", read=roles(Role.ADMIN, Role.MANAGER), label="officials")
"""The officials by name, for those who convene a council (its members) or assign a dossier's specialist."""

COUNCIL_LIST: Policy[None] = Policy(
    "council_session",
    read=reader,
    actions={"create": roles(Role.ADMIN, Role.MANAGER)},
    label="council sessions",
)
"""Council sessions are read by every official; the emulation office (who runs the dossiers' movements,
checked per dossier) convenes one."""


def is_member(actor: Actor, session: CouncilSession) -> bool:
    return actor.subject in {str(member) for member in session.members}


COUNCILS: Policy[CouncilSession] = Policy(
    "council_session",
    read=reader,
    actions={CouncilAction.VOTE: is_member, CouncilAction.ISSUE_DECISION: roles(Role.ADMIN, Role.MANAGER)},
    label="council session",
)
"""A council session: its members vote, one vote each per nominee (the database holds it); the emulation
office issues decisions from it (who runs each nominee's movement is checked per dossier)."""


@dataclass(frozen=True)
class DecisionSeen:
    campaign: Campaign
    status: str

    @property
    def organizer_unit_code(self) -> str:
        return self.campaign.organizer_unit_code


DECISION_LIST: Policy[None] = Policy(
    "decision", read=reader, actions={"issue": roles(Role.ADMIN, Role.MANAGER)}, label="decisions"
)
DECISIONS: Policy[DecisionSeen] = Policy(
    "decision",
    read=reader,
    actions={DecisionAction.REVOKE: runs},
    when={DecisionAction.REVOKE: status_is(DecisionStatus.ISSUED)},
    label="decision",
)
"""A decision is public to officials; the movement's organiser issues it and may revoke it."""


@dataclass(frozen=True)
class ProvinceUnits:
    """The province-level units of the directory: whoever acts for one of them is the provincial office."""

    codes: frozenset[str]


def acts_for_the_province(actor: Actor, province: ProvinceUnits) -> bool:
    return any(actor.acts_for(code) for code in province.codes) or actor.is_admin


REPORT_FORMS: Policy[ProvinceUnits] = Policy("report_form", read=acts_for_the_province, label="report forms")
"""The annual report forms 0601–0605 count the whole province: administrators and the provincial
emulation office (managers acting for a province-level unit) download them; a department's or a
commune's manager is refused (the forms are the province's filing, not a unit's)."""


def decision_list_actions(actor: Actor, province: ProvinceUnits) -> list[str]:
    """What the decisions page offers the caller: issuing a decision (who runs each nominee's movement
    is checked per dossier) and the province's report forms (`REPORT_FORMS`)."""
    offered = DECISION_LIST.allowed_actions(actor, None)
    if REPORT_FORMS.can(actor, READ, province):
        offered.append("download_report_forms")
    return offered


TASKS: Policy[None] = Policy("task", read=roles(*PROVINCE_WIDE_READERS, Role.MANAGER), label="tasks")
"""The tasks inbox: officials' own (learners and API clients have none here)."""


@dataclass(frozen=True)
class Attachment:
    """A stored file as the policy sees it: who uploaded it and what it is attached to (None: nothing)."""

    uploaded_by: str
    owner: Filing | None
    public: bool = False
    """Attached to what every official reads (a decision)."""


def reads_attachment(actor: Actor, attachment: Attachment) -> bool:
    if attachment.public:
        return reader(actor, attachment)
    if attachment.owner is None:
        return actor.subject == attachment.uploaded_by
    return reads_filing(actor, attachment.owner)


FILE_LIST: Policy[None] = Policy(
    "file",
    read=roles(Role.ADMIN, Role.MANAGER, Role.EVALUATOR, Role.COUNCIL),
    actions={"upload": roles(Role.ADMIN, Role.MANAGER, Role.EVALUATOR, Role.COUNCIL)},
    label="files",
)
"""Officials who file or review upload files (viewers, learners and API clients do not)."""

FILES: Policy[Attachment] = Policy("file", read=reads_attachment, hidden=True, label="file")
"""A file is read by whoever reads what it is attached to; until then by its uploader alone."""

UNIT_LIST: Policy[None] = Policy(
    "unit", read=reader, actions={UnitListAction.CREATE: admin}, label="directory of units"
)
UNITS: Policy[Unit] = Policy("unit", read=reader, actions={UnitAction.EDIT: admin})

ACCOUNT_LIST: Policy[None] = Policy(
    "account", read=admin, actions={AccountListAction.CREATE: admin}, label="accounts"
)
ACCOUNTS: Policy[Account] = Policy("account", read=admin, actions={AccountAction.EDIT: admin})

CLIENT_LIST: Policy[None] = Policy(
    "api_client", read=admin, actions={ClientListAction.CREATE: admin}, label="API clients"
)
CLIENTS: Policy[ApiClient] = Policy("api_client", read=admin, actions={ClientAction.EDIT: admin})
"""Administrators rename, re-scope, deactivate and reactivate clients (the platform's own service clients,
seeded from settings, are refused by the service: the services would stop talking)."""

REVOCATIONS: Policy[None] = Policy(
    "revocation", read=either(admin, client_scopes(READ_SCOPE)), label="token revocations"
)
"""The accounts changed lately (`GET /v1/auth/revocations`): the other services' verifiers poll it with
their `campaign:read` client; administrators may look."""

_erasure = either(admin, client_scopes(Scope.IDENTITY_DEACTIVATE_LEARNER))
LEARNER_ACCOUNTS: Policy[None] = Policy(
    "learner_account",
    read=_erasure,
    actions={LearnerAccountAction.DEACTIVATE: _erasure},
    label="learner accounts",
)
"""An erased learner's sign-in account is deactivated by digital-literacy-api's client
(`identity:deactivate-learner`) or an administrator; nobody else learns whether it exists."""

LOCALITIES: Policy[None] = Policy("locality", read=anyone, label="localities")
"""Reference data: every signed-in caller reads the provinces and communes."""

__all__ = [
    "ACCOUNTS",
    "ACCOUNT_LIST",
    "CAMPAIGNS",
    "CAMPAIGN_LIST",
    "CLIENTS",
    "CLIENT_LIST",
    "COMMENDATIONS",
    "CONTESTS",
    "CONTEST_JOINERS",
    "COUNCILS",
    "COUNCIL_LIST",
    "DECISIONS",
    "DECISION_LIST",
    "DOSSIERS",
    "DOSSIER_LIST",
    "DOSSIER_STATES",
    "FILES",
    "FILE_LIST",
    "INITIATIVES",
    "JUDGINGS",
    "LEARNER_ACCOUNTS",
    "LOCALITIES",
    "NEW_CAMPAIGNS",
    "NEW_CONTESTS",
    "NEW_FILINGS",
    "NEW_JUDGINGS",
    "OFFICIALS",
    "PARTICIPANTS",
    "PLANS",
    "PROPOSALS_TO_DOSSIERS",
    "READ",
    "REGISTRATIONS",
    "REPORTS",
    "REPORT_FORMS",
    "REVOCATIONS",
    "TASKS",
    "UNITS",
    "UNIT_LIST",
    "Attachment",
    "CampaignSeen",
    "ContestSeen",
    "DecisionSeen",
    "Filing",
    "JudgingSeen",
    "ProvinceUnits",
    "decision_list_actions",
    "filing_units",
]
