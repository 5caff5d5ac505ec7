"""Rules of recognition: participants submit initiatives while the movement is active, its organiser
assesses each once; commendations name a unit of the directory."""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from campaign_api.access import (
    COUNCILS,
    DECISIONS,
    DOSSIER_STATES,
    DOSSIERS,
    INITIATIVES,
    NEW_FILINGS,
    PARTICIPANTS,
    PROPOSALS_TO_DOSSIERS,
    REGISTRATIONS,
    DecisionSeen,
    Filing,
    ProvinceUnits,
    decision_list_actions,
    filing_units,
    reads_every_unit,
)
from campaign_api.auditing import AuditedService
from campaign_api.campaigns.models import Campaign
from campaign_api.campaigns.schemas import CampaignStatus
from campaign_api.campaigns.service import CampaignService
from campaign_api.clients.scoring import ScoringClient
from campaign_api.files import repository as files
from campaign_api.files.schemas import attached_files
from campaign_api.identity.schemas import OfficialRole
from campaign_api.messages import status_label
from campaign_api.participation import repository as participation
from campaign_api.participation.schemas import ParticipantAction
from campaign_api.recognition import report_forms, repository
from campaign_api.recognition.catalogue import FORM_CODES, FORMS, TITLE_CODES, TITLES, Entry
from campaign_api.recognition.models import (
    AwardDecision,
    Commendation,
    CouncilSession,
    CouncilVote,
    Dossier,
    DossierEvent,
    Initiative,
    Registration,
)
from campaign_api.recognition.pdf import DecisionAwardee, DecisionDocument, render_decision
from campaign_api.recognition.schemas import (
    Assessment,
    Awardee,
    BuiltDossiers,
    Catalogue,
    CatalogueEntry,
    CommendationIn,
    CommendationOut,
    CouncilAction,
    CouncilResults,
    CouncilSessionIn,
    CouncilSessionOut,
    DecisionAction,
    DecisionIn,
    DecisionListAction,
    DecisionOut,
    DecisionPage,
    DecisionStatus,
    DossierAction,
    DossierDetail,
    DossierEventOut,
    DossierIn,
    DossierOut,
    DossierStatus,
    FromProposals,
    InitiativeAction,
    InitiativeIn,
    InitiativeOut,
    InitiativeStatus,
    NomineeResult,
    OfficialOut,
    QuotaBreach,
    Rating,
    Reason,
    RegistrationAction,
    RegistrationIn,
    RegistrationOut,
    RegistrationStatus,
    RegistrationSummary,
    ReportForm,
    RevocationIn,
    TitleCount,
    Vote,
    VoteIn,
    VoteOut,
)
from campaign_api.units import repository as units
from service_kit.access import Actor
from service_kit.db import flush_or_conflict
from service_kit.errors import DependencyUnavailable, InvalidState, NotFound, field_error, unknown_reference
from service_kit.files import StoredFile
from service_kit.pagination import Page, PageParams
from service_kit.types import VIETNAM


def initiative_out(
    actor: Actor, initiative: Initiative, campaign: Campaign, attached: list[StoredFile]
) -> InitiativeOut:
    out = InitiativeOut.model_validate(initiative)
    out.file_ids = [f.id for f in attached]
    out.files = attached_files(attached)
    filing = Filing(campaign, initiative.unit_code, initiative.status)
    out.allowed_actions = [InitiativeAction(a) for a in INITIATIVES.allowed_actions(actor, filing)]
    return out


@dataclass(kw_only=True)
class RecognitionService(AuditedService):
    campaigns: CampaignService

    async def get_initiative(
        self, initiative_id: uuid.UUID, *, for_update: bool = False
    ) -> tuple[Initiative, Campaign]:
        initiative = await repository.initiative(self.session, initiative_id, for_update=for_update)
        if initiative is None:
            raise NotFound(code="initiative.not_found")
        return initiative, await self.campaigns.get(initiative.campaign_id)

    async def submit_initiative(self, actor: Actor, campaign: Campaign, data: InitiativeIn) -> InitiativeOut:
        PARTICIPANTS.ensure(actor, ParticipantAction.ADD_INITIATIVE, Filing(campaign, data.unit_code))
        if await participation.participant(self.session, campaign.id, data.unit_code) is None:
            raise unknown_reference("unit_code", code="participant.absent", unit_code=data.unit_code)
        if campaign.status != CampaignStatus.ACTIVE:
            raise InvalidState(
                code="initiative.campaign_not_active",
                params={"status": campaign.status, "status_label": status_label(campaign.status)},
            )
        initiative = Initiative(campaign_id=campaign.id, **data.model_dump(exclude={"file_ids"}))
        self.session.add(initiative)
        await self.session.flush()
        await files.attach(
            self.session,
            data.file_ids,
            uploaded_by=actor.subject,
            attached_type="initiative",
            attached_id=str(initiative.id),
        )
        await self.session.refresh(initiative)
        await self.audit(
            actor,
            "initiative.submitted",
            "initiative",
            str(initiative.id),
            after={"status": "submitted", "file_ids": [str(f) for f in data.file_ids]},
        )
        return await self.initiative_detail(actor, initiative, campaign)

    async def initiative_detail(
        self, actor: Actor, initiative: Initiative, campaign: Campaign
    ) -> InitiativeOut:
        attached = await files.attached_to(self.session, "initiative", str(initiative.id))
        return initiative_out(actor, initiative, campaign, attached)

    async def initiatives(self, actor: Actor, campaign: Campaign, params: PageParams) -> Page[InitiativeOut]:
        initiatives, total = await repository.initiatives_page(
            self.session, campaign.id, params, units=filing_units(actor, campaign)
        )
        attached = await files.attached_to_many(self.session, "initiative", [str(i.id) for i in initiatives])
        return Page(
            items=[initiative_out(actor, i, campaign, attached[str(i.id)]) for i in initiatives], total=total
        )

    async def assess(
        self, actor: Actor, initiative: Initiative, campaign: Campaign, data: Assessment
    ) -> InitiativeOut:
        if initiative.status != InitiativeStatus.SUBMITTED:
            raise InvalidState(
                code="initiative.already_assessed",
                params={"status": initiative.status, "status_label": status_label(initiative.status)},
            )
        initiative.status = data.status.value
        initiative.assessment = data.assessment
        initiative.assessed_at = datetime.now(UTC)
        await self.session.flush()
        await self.audit(
            actor,
            f"initiative.{data.status.value}",
            "initiative",
            str(initiative.id),
            before={"status": "submitted"},
            after={"status": data.status.value, "assessment": data.assessment},
        )
        return await self.initiative_detail(actor, initiative, campaign)

    async def add_commendation(
        self, actor: Actor, campaign: Campaign, data: CommendationIn
    ) -> CommendationOut:
        if await units.get(self.session, data.unit_code) is None:
            raise unknown_reference("unit_code", code="commendation.unknown_unit", unit_code=data.unit_code)
        commendation = Commendation(campaign_id=campaign.id, **data.model_dump())
        self.session.add(commendation)
        await self.session.flush()
        await self.audit(
            actor,
            "commendation.recorded",
            "commendation",
            str(commendation.id),
            after=data.model_dump(mode="json"),
        )
        return CommendationOut.model_validate(commendation)

    async def commendations(self, campaign: Campaign, params: PageParams) -> Page[CommendationOut]:
        commendations, total = await repository.commendations_page(self.session, campaign.id, params)
        return Page(items=[CommendationOut.model_validate(c) for c in commendations], total=total)


# --- catalogues, registrations, dossiers -----------------------------------------------------------


def catalogue(entries: tuple[Entry, ...]) -> Catalogue:
    return Catalogue(items=[CatalogueEntry(**vars(e)) for e in entries])


def titles() -> Catalogue:
    return catalogue(TITLES)


def forms() -> Catalogue:
    return catalogue(FORMS)


def registration_out(actor: Actor, registration: Registration, campaign: Campaign) -> RegistrationOut:
    out = RegistrationOut.model_validate(registration)
    filing = Filing(campaign, registration.unit_code, registration.status)
    out.allowed_actions = [RegistrationAction(a) for a in REGISTRATIONS.allowed_actions(actor, filing)]
    return out


DOSSIER_ACTION_LABELS = {
    "created": "Lập hồ sơ",
    "submit": "Gửi hồ sơ",
    "receive": "Tiếp nhận",
    "assign": "Phân công thẩm định",
    "review": "Bắt đầu thẩm định",
    "to-council": "Trình Hội đồng",
    "approve": "Phê duyệt",
    "return": "Trả lại để bổ sung",
    "reject": "Không đủ điều kiện",
}
"""How the history names each step (Vietnamese, as the office writes it)."""

DOSSIER_NEXT: dict[str, str] = {
    DossierAction.SUBMIT: DossierStatus.SUBMITTED,
    DossierAction.RECEIVE: DossierStatus.RECEIVED,
    DossierAction.REVIEW: DossierStatus.IN_REVIEW,
    DossierAction.TO_COUNCIL: DossierStatus.COUNCIL,
    DossierAction.APPROVE: DossierStatus.APPROVED,
    DossierAction.RETURN: DossierStatus.RETURNED,
    DossierAction.REJECT: DossierStatus.INELIGIBLE,
}
"""Where each transition takes a dossier (`assign` keeps its state)."""


FIRST_BAND_TITLES = {"collective": "TAP_THE_LD_XUAT_SAC", "individual": "CSTD_CO_SO"}
SECOND_BAND_TITLES = {"collective": "TAP_THE_LD_TIEN_TIEN", "individual": "LAO_DONG_TIEN_TIEN"}
PAIRED_TITLES = {
    "TAP_THE_LD_XUAT_SAC": "CSTD_CO_SO",
    "TAP_THE_LD_TIEN_TIEN": "LAO_DONG_TIEN_TIEN",
    "CO_THI_DUA_TINH": "CSTD_TINH",
    "CO_THI_DUA_CP": "CSTD_TOAN_QUOC",
}
"""A collective's title and its individual counterpart, for a band named with one of them."""


@dataclass(kw_only=True)
class AwardsService(AuditedService):
    """Registrations for titles and commendation dossiers (the law's path to a commendation)."""

    campaigns: CampaignService
    scoring: ScoringClient | None = None

    async def _name_of(self, actor: Actor) -> str:
        names = await repository.full_names(self.session, [actor.subject])
        return names.get(actor.subject, actor.subject)

    # --- registrations ---

    async def register(self, actor: Actor, campaign: Campaign, data: RegistrationIn) -> RegistrationOut:
        NEW_FILINGS.ensure(actor, "create", Filing(campaign, data.unit_code))
        if await units.get(self.session, data.unit_code) is None:
            raise unknown_reference("unit_code", code="registration.unknown_unit", unit_code=data.unit_code)
        for index, entry in enumerate(data.entries):
            if TITLE_CODES[entry.title_code].subject_type != entry.subject_type:
                raise field_error(
                    f"entries.{index}.title_code",
                    code="registration.title_mismatch",
                    title_code=entry.title_code,
                    subject_type=entry.subject_type,
                )
        registration = Registration(
            campaign_id=campaign.id,
            unit_code=data.unit_code,
            year=data.year,
            entries=[e.model_dump(mode="json") for e in data.entries],
            note=data.note,
            status=RegistrationStatus.DRAFT,
            created_by=actor.subject,
        )
        self.session.add(registration)
        await flush_or_conflict(
            self.session,
            unknown_reference(
                "unit_code", code="registration.duplicate", unit_code=data.unit_code, year=data.year
            ),
        )
        await self.session.refresh(registration)
        await self.audit(
            actor,
            "registration.created",
            "registration",
            str(registration.id),
            after={"status": "draft", "entries": len(data.entries)},
        )
        return registration_out(actor, registration, campaign)

    async def get_registration(
        self, registration_id: uuid.UUID, *, for_update: bool = False
    ) -> tuple[Registration, Campaign]:
        registration = await repository.registration(self.session, registration_id, for_update=for_update)
        if registration is None:
            raise NotFound(code="registration.not_found")
        return registration, await self.campaigns.get(registration.campaign_id)

    async def registrations(
        self, actor: Actor, campaign: Campaign, params: PageParams, year: int | None
    ) -> Page[RegistrationOut]:
        rows, total = await repository.registrations_page(
            self.session, campaign.id, params, units=filing_units(actor, campaign), year=year
        )
        return Page(items=[registration_out(actor, r, campaign) for r in rows], total=total)

    async def registration_summary(
        self, actor: Actor, campaign: Campaign, year: int | None
    ) -> RegistrationSummary:
        rows = await repository.registrations_of_campaign(
            self.session, campaign.id, units=filing_units(actor, campaign), year=year
        )
        by_status = dict.fromkeys(RegistrationStatus, 0)
        by_title: dict[str, int] = {}
        for row in rows:
            by_status[RegistrationStatus(row.status)] += 1
            for entry in row.entries:
                by_title[entry["title_code"]] = by_title.get(entry["title_code"], 0) + 1
        return RegistrationSummary(
            total=len(rows),
            by_status=by_status,
            by_title=[
                TitleCount(title_code=t.code, title_name=t.name, count=by_title[t.code])
                for t in TITLES
                if t.code in by_title
            ],
        )

    async def move_registration(
        self,
        actor: Actor,
        registration: Registration,
        campaign: Campaign,
        action: RegistrationAction,
        reason: Reason | None = None,
    ) -> RegistrationOut:
        allowed_from = {
            RegistrationAction.SUBMIT: (RegistrationStatus.DRAFT, RegistrationStatus.RETURNED),
            RegistrationAction.APPROVE: (RegistrationStatus.SUBMITTED,),
            RegistrationAction.RETURN: (RegistrationStatus.SUBMITTED,),
        }[action]
        target = {
            RegistrationAction.SUBMIT: RegistrationStatus.SUBMITTED,
            RegistrationAction.APPROVE: RegistrationStatus.APPROVED,
            RegistrationAction.RETURN: RegistrationStatus.RETURNED,
        }[action]
        before = registration.status
        if before not in allowed_from:
            raise InvalidState(
                code="registration.wrong_state",
                params={"status": before, "status_label": status_label(before), "action": action.value},
            )
        registration.status = target.value
        if reason is not None:
            registration.note = reason.reason
        await self.session.flush()
        await self.session.refresh(registration)
        await self.audit(
            actor,
            f"registration.{action.value}",
            "registration",
            str(registration.id),
            before={"status": before},
            after={"status": target.value, **({"reason": reason.reason} if reason else {})},
        )
        return registration_out(actor, registration, campaign)

    # --- dossiers ---

    async def get_dossier(
        self, dossier_id: uuid.UUID, *, for_update: bool = False
    ) -> tuple[Dossier, Campaign]:
        dossier = await repository.dossier(self.session, dossier_id, for_update=for_update)
        if dossier is None:
            raise NotFound(code="dossier.not_found")
        return dossier, await self.campaigns.get(dossier.campaign_id)

    async def dossier_out(self, actor: Actor, dossier: Dossier, campaign: Campaign) -> DossierOut:
        attached = await files.attached_to(self.session, "dossier", str(dossier.id))
        assignee_name = None
        if dossier.assignee is not None:
            assignee_name = (await repository.full_names(self.session, [str(dossier.assignee)])).get(
                str(dossier.assignee)
            )
        filing = Filing(campaign, dossier.unit_code, dossier.status)
        return DossierOut(
            id=dossier.id,
            campaign_id=dossier.campaign_id,
            round_id=dossier.round_id,
            unit_code=dossier.unit_code,
            title=dossier.title,
            nominees=dossier.nominees,
            file_ids=[f.id for f in attached],
            files=attached_files(attached),
            status=DossierStatus(dossier.status),
            assignee=dossier.assignee,
            assignee_name=assignee_name,
            created_at=dossier.created_at,
            updated_at=dossier.updated_at,
            allowed_actions=[DossierAction(a) for a in DOSSIERS.allowed_actions(actor, filing)],
        )

    async def dossier_detail(self, actor: Actor, dossier: Dossier, campaign: Campaign) -> DossierDetail:
        out = await self.dossier_out(actor, dossier, campaign)
        events = await repository.history(self.session, dossier.id)
        return DossierDetail(
            **out.model_dump(),
            history=[
                DossierEventOut(
                    occurred_at=e.occurred_at,
                    actor_name=e.actor_name,
                    action=e.action,
                    action_label=DOSSIER_ACTION_LABELS.get(e.action, e.action),
                    from_status=DossierStatus(e.from_status) if e.from_status else None,
                    to_status=DossierStatus(e.to_status),
                    reason=e.reason,
                )
                for e in events
            ],
        )

    async def _event(
        self, actor: Actor, dossier: Dossier, action: str, before: str | None, reason: str = ""
    ) -> None:
        self.session.add(
            DossierEvent(
                dossier_id=dossier.id,
                actor=actor.subject,
                actor_name=await self._name_of(actor),
                action=action,
                from_status=before,
                to_status=dossier.status,
                reason=reason,
            )
        )
        await self.audit(
            actor,
            f"dossier.{action}",
            "dossier",
            str(dossier.id),
            before={"status": before} if before else None,
            after={"status": dossier.status, **({"reason": reason} if reason else {})},
        )

    async def create_dossier(self, actor: Actor, data: DossierIn) -> DossierDetail:
        campaign = await self.campaigns.get(data.campaign_id)
        NEW_FILINGS.ensure(actor, "create", Filing(campaign, data.unit_code))
        if await units.get(self.session, data.unit_code) is None:
            raise unknown_reference("unit_code", code="dossier.unknown_unit", unit_code=data.unit_code)
        for index, nominee in enumerate(data.nominees):
            if (nominee.title_code is None) == (nominee.form_code is None):
                raise field_error(f"nominees.{index}", code="dossier.nominee_award", index=index + 1)
            if nominee.title_code is not None and nominee.title_code not in TITLE_CODES:
                raise field_error(
                    f"nominees.{index}.title_code", code="dossier.nominee_award", index=index + 1
                )
            if nominee.form_code is not None and nominee.form_code not in FORM_CODES:
                raise field_error(
                    f"nominees.{index}.form_code", code="dossier.nominee_award", index=index + 1
                )
        dossier = Dossier(
            campaign_id=campaign.id,
            round_id=data.round_id,
            unit_code=data.unit_code,
            title=data.title,
            nominees=[n.model_dump(mode="json") for n in data.nominees],
            status=DossierStatus.DRAFT,
            created_by=actor.subject,
        )
        self.session.add(dossier)
        await self.session.flush()
        await files.attach(
            self.session,
            data.file_ids,
            uploaded_by=actor.subject,
            attached_type="dossier",
            attached_id=str(dossier.id),
        )
        await self._event(actor, dossier, "created", None)
        await self.session.flush()
        await self.session.refresh(dossier)
        return await self.dossier_detail(actor, dossier, campaign)

    async def from_proposals(self, actor: Actor, data: FromProposals) -> BuiltDossiers:
        """One draft dossier per proposing unit, its nominees the subjects of the round's proposed bands."""
        if self.scoring is None:
            raise DependencyUnavailable(code="scoring.unavailable", params={"service": "scoring-api"})
        scoring_round, campaign_id = await self.scoring.round_campaign(data.round_id)
        campaign = await self.campaigns.get(campaign_id)
        PROPOSALS_TO_DOSSIERS.ensure(actor, "build", campaign)
        proposals = await self.scoring.proposals(data.round_id)
        by_unit: dict[str, list[dict[str, Any]]] = {}
        for cluster in proposals.clusters:
            for position, band in enumerate(cluster.bands):
                for subject in band.subjects:
                    subject_type = "collective" if subject.subject_id == subject.unit_code else "individual"
                    chosen = (
                        {b.band: b.title_code.value for b in data.band_titles}
                        if data.band_titles is not None
                        else None
                    )
                    title = _band_title(chosen, band.label, position, subject_type)
                    if title is None:
                        continue
                    by_unit.setdefault(subject.unit_code, []).append(
                        {
                            "subject_type": subject_type,
                            "subject_id": subject.subject_id[:100],
                            "subject_name": subject.subject_name[:200],
                            "unit_code": subject.unit_code,
                            "title_code": title,
                            "form_code": None,
                            "achievements": f"Xếp loại “{band.label}” trong đợt chấm điểm “{scoring_round.name}” "
                            f"({subject.total} điểm)",
                            "score": float(subject.total),
                            "rating": BAND_RATINGS[min(position, len(BAND_RATINGS) - 1)]
                            if subject_type == "individual"
                            else None,
                        }
                    )
        existing = await repository.dossiers_of_round(self.session, data.round_id)
        items, created, kept = [], 0, 0
        for unit_code, nominees in sorted(by_unit.items()):
            if unit_code in existing:
                kept += 1
                items.append(await self.dossier_out(actor, existing[unit_code], campaign))
                continue
            if await units.get(self.session, unit_code) is None:
                continue
            dossier = Dossier(
                campaign_id=campaign.id,
                round_id=data.round_id,
                unit_code=unit_code,
                title=f"Hồ sơ đề nghị khen thưởng — {scoring_round.name}"[:500],
                nominees=nominees,
                status=DossierStatus.DRAFT,
                created_by=actor.subject,
            )
            self.session.add(dossier)
            await self.session.flush()
            await self._event(
                actor, dossier, "created", None, f"Từ đề xuất của đợt chấm điểm “{scoring_round.name}”"
            )
            await self.session.flush()
            await self.session.refresh(dossier)
            items.append(await self.dossier_out(actor, dossier, campaign))
            created += 1
        return BuiltDossiers(items=items, created=created, existing=kept)

    async def dossiers(
        self,
        actor: Actor,
        params: PageParams,
        *,
        campaign_id: uuid.UUID | None,
        status: DossierStatus | None,
    ) -> Page[DossierOut]:
        scope = None
        if not (reads_every_unit(actor) or actor.is_admin):
            scope = actor.scope.units if actor.is_manager and actor.scope is not None else frozenset()
        rows, total = await repository.dossiers_page(
            self.session,
            params,
            units=scope,
            campaign_id=campaign_id,
            status=status.value if status else None,
        )
        items = []
        for row in rows:
            items.append(await self.dossier_out(actor, row, await self.campaigns.get(row.campaign_id)))
        return Page(items=items, total=total)

    async def move_dossier(
        self,
        actor: Actor,
        dossier: Dossier,
        campaign: Campaign,
        action: DossierAction,
        *,
        reason: str = "",
        assignee: uuid.UUID | None = None,
    ) -> DossierDetail:
        before = dossier.status
        if before not in DOSSIER_STATES[action]:
            raise InvalidState(
                code="dossier.wrong_state",
                params={"status": before, "status_label": status_label(before), "action": action.value},
            )
        if action is DossierAction.ASSIGN:
            if assignee is None or await repository.active_account(self.session, assignee) is None:
                raise unknown_reference("assignee", code="dossier.unknown_assignee")
            dossier.assignee = assignee
        else:
            dossier.status = DOSSIER_NEXT[action]
        await self.session.flush()
        await self._event(actor, dossier, action.value, before, reason)
        await self.session.flush()
        await self.session.refresh(dossier)
        return await self.dossier_detail(actor, dossier, campaign)

    # --- council ---

    async def officials(self, params: PageParams, role: OfficialRole | None) -> Page[OfficialOut]:
        rows, total = await repository.officials_page(self.session, params, role=role.value if role else None)
        return Page(
            items=[OfficialOut(id=a.id, full_name=a.full_name, roles=list(a.roles)) for a in rows],
            total=total,
        )

    async def _names(self, ids: list[uuid.UUID]) -> list[str]:
        names = await repository.full_names(self.session, [str(i) for i in ids])
        return [names.get(str(i), str(i)) for i in ids]

    async def council_out(self, actor: Actor, council: CouncilSession) -> CouncilSessionOut:
        return CouncilSessionOut(
            id=council.id,
            title=council.title,
            held_on=council.held_on,
            members=list(council.members),
            member_names=await self._names(list(council.members)),
            dossier_ids=list(council.dossier_ids),
            quorum=council.quorum,
            threshold=float(council.threshold),
            created_at=council.created_at,
            allowed_actions=[CouncilAction(a) for a in COUNCILS.allowed_actions(actor, council)],
        )

    async def convene(self, actor: Actor, data: CouncilSessionIn) -> CouncilSessionOut:
        members = list(dict.fromkeys(data.members))
        active = await repository.active_officials(self.session, members)
        for index, member in enumerate(members):
            if member not in active:
                raise field_error(f"members.{index}", code="council.unknown_member", index=index + 1)
        if data.quorum > len(members):
            raise field_error(
                "quorum", code="council.quorum_over_members", quorum=data.quorum, members=len(members)
            )
        dossier_ids = list(dict.fromkeys(data.dossier_ids))
        dossiers = await repository.dossiers_by_id(self.session, dossier_ids)
        for listed in dossiers.values():
            campaign = await self.campaigns.get(listed.campaign_id)
            DOSSIERS.ensure(actor, DossierAction.APPROVE, Filing(campaign, listed.unit_code, listed.status))
        for dossier_id in dossier_ids:
            dossier = dossiers.get(dossier_id)
            if dossier is None:
                raise unknown_reference(
                    "dossier_ids", code="council.unknown_dossier", dossier_id=str(dossier_id)
                )
            if dossier.status != DossierStatus.COUNCIL:
                raise InvalidState(
                    code="council.dossier_not_at_council",
                    params={
                        "dossier_id": str(dossier_id),
                        "status": dossier.status,
                        "status_label": status_label(dossier.status),
                    },
                )
        council = CouncilSession(
            title=data.title,
            held_on=data.held_on,
            members=members,
            dossier_ids=dossier_ids,
            quorum=data.quorum,
            threshold=Decimal(str(data.threshold)).quantize(Decimal("0.0001")),
            created_by=actor.subject,
        )
        self.session.add(council)
        await self.session.flush()
        await self.session.refresh(council)
        await self.audit(
            actor,
            "council_session.convened",
            "council_session",
            str(council.id),
            after={"members": len(members), "dossiers": len(dossier_ids), "quorum": data.quorum},
        )
        return await self.council_out(actor, council)

    async def get_council(self, session_id: uuid.UUID, *, for_update: bool = False) -> CouncilSession:
        council = await repository.council_session(self.session, session_id, for_update=for_update)
        if council is None:
            raise NotFound(code="council_session.not_found")
        return council

    async def councils(self, actor: Actor, params: PageParams) -> Page[CouncilSessionOut]:
        rows, total = await repository.council_sessions_page(self.session, params)
        return Page(items=[await self.council_out(actor, c) for c in rows], total=total)

    async def vote(self, actor: Actor, council: CouncilSession, data: VoteIn) -> VoteOut:
        dossier = (await repository.dossiers_by_id(self.session, [data.dossier_id])).get(data.dossier_id)
        if (
            data.dossier_id not in council.dossier_ids
            or dossier is None
            or data.nominee_index >= len(dossier.nominees)
        ):
            raise unknown_reference("nominee_index", code="council.not_on_agenda")
        vote = CouncilVote(
            session_id=council.id,
            dossier_id=data.dossier_id,
            nominee_index=data.nominee_index,
            member=uuid.UUID(actor.subject),
            vote=data.vote.value,
        )
        self.session.add(vote)
        await flush_or_conflict(self.session, InvalidState(code="council.already_voted"))
        await self.session.refresh(vote)
        await self.audit(
            actor,
            "council_vote.cast",
            "council_session",
            str(council.id),
            after={
                "dossier_id": str(data.dossier_id),
                "nominee_index": data.nominee_index,
                "vote": data.vote.value,
            },
        )
        return VoteOut(
            dossier_id=vote.dossier_id,
            nominee_index=vote.nominee_index,
            vote=Vote(vote.vote),
            cast_at=vote.cast_at,
        )

    async def results(self, council: CouncilSession) -> CouncilResults:
        dossiers = await repository.dossiers_by_id(self.session, list(council.dossier_ids))
        votes = await repository.votes(self.session, council.id)
        members = len(council.members)
        voters = len({v.member for v in votes})
        quorum_reached = voters >= council.quorum
        needed = needed_votes(float(council.threshold), members)
        tally: dict[tuple[uuid.UUID, int], dict[str, int]] = {}
        for v in votes:
            tally.setdefault((v.dossier_id, v.nominee_index), {"for": 0, "against": 0, "abstain": 0})[
                v.vote
            ] += 1
        nominees = []
        for dossier_id in council.dossier_ids:
            dossier = dossiers.get(dossier_id)
            if dossier is None:
                continue
            for index, nominee in enumerate(dossier.nominees):
                counts = tally.get((dossier_id, index), {"for": 0, "against": 0, "abstain": 0})
                nominees.append(
                    NomineeResult(
                        dossier_id=dossier_id,
                        nominee_index=index,
                        subject_name=nominee["subject_name"],
                        unit_code=nominee["unit_code"],
                        title_code=nominee.get("title_code"),
                        form_code=nominee.get("form_code"),
                        subject_type=nominee["subject_type"],
                        rating=Rating(nominee["rating"]) if nominee.get("rating") else None,
                        votes_for=counts["for"],
                        votes_against=counts["against"],
                        abstentions=counts["abstain"],
                        voters=sum(counts.values()),
                        needed=needed,
                        passed=quorum_reached and counts["for"] >= needed,
                    )
                )
        return CouncilResults(
            session_id=council.id,
            members=members,
            voters=voters,
            quorum_reached=quorum_reached,
            nominees=nominees,
            quota_breaches=quota_breaches(
                nominees,
                {
                    code: unit.name
                    for code, unit in (
                        await units.units_by_code(self.session, {n.unit_code for n in nominees})
                    ).items()
                },
            ),
        )

    # --- decisions ---

    async def decision_out(self, actor: Actor, decision: AwardDecision) -> DecisionOut:
        campaign = await self.campaigns.get(decision.campaign_id)
        attached = await files.attached_to(self.session, "decision", str(decision.id))
        entry = TITLE_CODES.get(decision.title_code or "") or FORM_CODES.get(decision.form_code or "")
        return DecisionOut(
            id=decision.id,
            campaign_id=decision.campaign_id,
            session_id=decision.session_id,
            number=decision.number,
            signed_on=decision.signed_on,
            signer=decision.signer,
            signer_title=decision.signer_title,
            issuing_body=decision.issuing_body,
            title_code=decision.title_code,
            form_code=decision.form_code,
            award_name=entry.name if entry else "",
            awardees=[Awardee(**a) for a in decision.awardees],
            file_ids=[f.id for f in attached],
            status=DecisionStatus(decision.status),
            revoked_reason=decision.revoked_reason,
            revoked_at=decision.revoked_at,
            created_at=decision.created_at,
            allowed_actions=[
                DecisionAction(a)
                for a in DECISIONS.allowed_actions(actor, DecisionSeen(campaign, decision.status))
            ],
        )

    async def issue(self, actor: Actor, data: DecisionIn) -> DecisionOut:
        if (data.title_code is None) == (data.form_code is None):
            raise field_error("title_code", code="decision.one_award")
        council = await repository.council_session(self.session, data.session_id)
        if council is None:
            raise unknown_reference("session_id", code="decision.unknown_session")
        refs = list(dict.fromkeys((n.dossier_id, n.nominee_index) for n in data.nominees))
        dossiers = await repository.dossiers_by_id(self.session, [d for d, _ in refs])
        campaigns: dict[uuid.UUID, Campaign] = {}
        # Who may award is decided first: the organiser of every nominee's movement.
        for dossier in dossiers.values():
            if dossier.campaign_id not in campaigns:
                campaigns[dossier.campaign_id] = await self.campaigns.get(dossier.campaign_id)
            campaign = campaigns[dossier.campaign_id]
            DOSSIERS.ensure(actor, DossierAction.APPROVE, Filing(campaign, dossier.unit_code, dossier.status))
        results = await self.results(council)
        passed = {(r.dossier_id, r.nominee_index): r for r in results.nominees if r.passed}
        already = await repository.awarded_nominees(self.session, [d for d, _ in refs])
        awardees = []
        for index, ref in enumerate(refs):
            result = passed.get(ref)
            award_matches = result is not None and (
                (data.title_code is not None and result.title_code == data.title_code)
                or (data.form_code is not None and result.form_code == data.form_code)
            )
            if not award_matches or ref[0] not in dossiers:
                raise field_error(f"nominees.{index}", code="decision.nominee_not_passed", index=index + 1)
            if (str(ref[0]), ref[1]) in already:
                raise InvalidState(code="decision.already_awarded", params={"index": index + 1})
            dossier = dossiers[ref[0]]
            nominee = dossier.nominees[ref[1]]
            awardees.append(
                {
                    "dossier_id": str(dossier.id),
                    "nominee_index": ref[1],
                    "subject_type": nominee["subject_type"],
                    "subject_name": nominee["subject_name"],
                    "unit_code": nominee["unit_code"],
                    "achievements": nominee.get("achievements", ""),
                }
            )
        if len(campaigns) != 1:
            raise field_error("nominees", code="decision.several_campaigns")
        (campaign,) = campaigns.values()
        decision = AwardDecision(
            campaign_id=campaign.id,
            session_id=council.id,
            number=data.number,
            signed_on=data.signed_on,
            signer=data.signer,
            signer_title=data.signer_title,
            issuing_body=data.issuing_body,
            title_code=data.title_code,
            form_code=data.form_code,
            awardees=awardees,
            status=DecisionStatus.ISSUED,
            created_by=actor.subject,
        )
        self.session.add(decision)
        await flush_or_conflict(
            self.session, unknown_reference("number", code="decision.duplicate_number", number=data.number)
        )
        await files.attach(
            self.session,
            data.file_ids,
            uploaded_by=actor.subject,
            attached_type="decision",
            attached_id=str(decision.id),
        )
        for dossier_id in dict.fromkeys(d for d, _ in refs):
            dossier = dossiers[dossier_id]
            if dossier.status == DossierStatus.COUNCIL:
                before = dossier.status
                dossier.status = DossierStatus.APPROVED
                await self._event(actor, dossier, "approve", before, f"Quyết định số {data.number}")
        await self.session.flush()
        await self.session.refresh(decision)
        await self.audit(
            actor,
            "decision.issued",
            "decision",
            str(decision.id),
            after={"number": data.number, "awardees": len(awardees), "status": "issued"},
        )
        return await self.decision_out(actor, decision)

    async def get_decision(
        self, decision_id: uuid.UUID, *, for_update: bool = False
    ) -> tuple[AwardDecision, Campaign]:
        decision = await repository.decision(self.session, decision_id, for_update=for_update)
        if decision is None:
            raise NotFound(code="decision.not_found")
        return decision, await self.campaigns.get(decision.campaign_id)

    async def decisions(
        self, actor: Actor, params: PageParams, campaign_id: uuid.UUID | None
    ) -> DecisionPage:
        rows, total = await repository.decisions_page(self.session, params, campaign_id=campaign_id)
        return DecisionPage(
            items=[await self.decision_out(actor, d) for d in rows],
            total=total,
            allowed_actions=[
                DecisionListAction(a) for a in decision_list_actions(actor, await self.province())
            ],
        )

    async def revoke(self, actor: Actor, decision: AwardDecision, data: RevocationIn) -> DecisionOut:
        if decision.status != DecisionStatus.ISSUED:
            raise InvalidState(code="decision.already_revoked")
        decision.status = DecisionStatus.REVOKED
        decision.revoked_reason = data.reason
        decision.revoked_at = datetime.now(UTC)
        await self.session.flush()
        await self.session.refresh(decision)
        await self.audit(
            actor,
            "decision.revoked",
            "decision",
            str(decision.id),
            before={"status": "issued"},
            after={"status": "revoked", "reason": data.reason},
        )
        return await self.decision_out(actor, decision)

    async def decision_pdf(self, decision: AwardDecision, campaign: Campaign) -> bytes:
        entry = TITLE_CODES.get(decision.title_code or "") or FORM_CODES.get(decision.form_code or "")
        unit_names = {}
        for code in {a["unit_code"] for a in decision.awardees}:
            unit = await units.get(self.session, code)
            unit_names[code] = unit.name if unit is not None else code
        return render_decision(
            DecisionDocument(
                number=decision.number,
                signed_on=decision.signed_on,
                place=PLACE,
                issuing_body=decision.issuing_body,
                signer=decision.signer,
                signer_title=decision.signer_title,
                award_name=entry.name if entry else "",
                campaign_title=campaign.title,
                awardees=[
                    DecisionAwardee(
                        subject_name=a["subject_name"],
                        unit_name=unit_names[a["unit_code"]],
                        achievements=a.get("achievements", ""),
                    )
                    for a in decision.awardees
                ],
                revoked_reason=decision.revoked_reason,
            )
        )

    # --- report forms (Thông tư 02/2023/TT-BNV) ---

    async def province(self) -> ProvinceUnits:
        return ProvinceUnits(await repository.province_unit_codes(self.session))

    async def report_form(self, form: ReportForm, year: int) -> tuple[str, bytes]:
        """One annual report form of the province as xlsx (what each counts: `report_forms`)."""
        first, last = date(year, 1, 1), date(year, 12, 31)
        year_end = datetime(year + 1, 1, 1, tzinfo=VIETNAM)
        rows: list[tuple[str, list[int | None]]]
        if form == "0601":
            movements = await repository.movements_by_level(self.session, first, last)
            rows = [
                (name, list(movements.get(level, (0, 0, 0))))
                for level, name in report_forms.LEVEL_NAMES.items()
            ]
        elif form in ("0602", "0603"):
            level = "state" if form == "0602" else "province"
            rows = _award_rows(await repository.issued_decisions(self.session, first, last), level)
        else:
            kinds = await repository.unit_kinds(self.session, year_end)
            officials = await repository.officials_at(self.session, year_end)
            rows = _organisation_rows(kinds, officials) if form == "0604" else _staff_rows(officials, last)
        sheet = report_forms.FormSheet(
            form=form, year=year, rows=rows, reporting_unit=await repository.province_name(self.session)
        )
        return f"bieu-{form}-{year}.xlsx", report_forms.workbook(sheet)


def _award_rows(decisions: list[AwardDecision], level: str) -> list[tuple[str, list[int | None]]]:
    """Per title and form of `level` (catalogue order): decisions, awardees, of them collectives and
    individuals (a household counts with the collectives)."""
    entries = [entry for entry in (*TITLES, *FORMS) if entry.level == level]
    counts = {entry.code: [0, 0, 0, 0] for entry in entries}
    for decision in decisions:
        code = decision.title_code or decision.form_code or ""
        if code not in counts:
            continue
        row = counts[code]
        row[0] += 1
        for awardee in decision.awardees:
            row[1] += 1
            row[3 if awardee["subject_type"] == "individual" else 2] += 1
    return [(entry.name, list(counts[entry.code])) for entry in entries]


def _is_emulation_official(official: report_forms.OfficialThen) -> bool:
    """A manager (not an administrator): the officials doing emulation and commendation work in units."""
    return "manager" in official.roles and "admin" not in official.roles


def _organisation_rows(
    kinds: dict[str, str], officials: list[report_forms.OfficialThen]
) -> list[tuple[str, list[int | None]]]:
    """Per kind of unit: units, units with at least one emulation official, officials (each counted
    once, under the kind of the first of their units)."""
    units_of_kind = dict.fromkeys(report_forms.KIND_NAMES, 0)
    for kind in kinds.values():
        units_of_kind[kind] += 1
    staffed: dict[str, set[str]] = {kind: set() for kind in report_forms.KIND_NAMES}
    staff = dict.fromkeys(report_forms.KIND_NAMES, 0)
    for official in officials:
        if not _is_emulation_official(official):
            continue
        known = [code for code in official.unit_codes if code in kinds]
        for code in known:
            staffed[kinds[code]].add(code)
        if known:
            staff[kinds[known[0]]] += 1
    return [
        (name, [units_of_kind[kind], len(staffed[kind]), staff[kind]])
        for kind, name in report_forms.KIND_NAMES.items()
    ]


def _age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _staff_rows(officials: list[report_forms.OfficialThen], last: date) -> list[tuple[str, list[int | None]]]:
    """Emulation officials, and council members not among them: total, women, by age on the year's last
    day (`report_forms.AGE_BANDS`), and those whose sex or birth date the account does not give."""

    def row(group: list[report_forms.OfficialThen]) -> list[int | None]:
        bands = [0] * len(report_forms.AGE_BANDS)
        for official in group:
            if official.birth_date is None:
                continue
            age = _age_on(official.birth_date, last)
            for index, (low, high) in enumerate(report_forms.AGE_BANDS):
                if low <= age and (high is None or age <= high):
                    bands[index] += 1
        return [
            len(group),
            sum(1 for o in group if o.sex == "female"),
            *bands,
            sum(1 for o in group if o.sex is None),
            sum(1 for o in group if o.birth_date is None),
        ]

    staff = [o for o in officials if _is_emulation_official(o)]
    council = [o for o in officials if "council" in o.roles and not _is_emulation_official(o)]
    return [
        ("Cán bộ làm công tác thi đua, khen thưởng tại các đơn vị", row(staff)),
        ("Thành viên Hội đồng Thi đua – Khen thưởng (chưa tính ở dòng trên)", row(council)),
    ]


def _band_title(
    band_titles: dict[str, Any] | None, label: str, position: int, subject_type: str
) -> str | None:
    if band_titles is not None:
        title = band_titles.get(label)
        if title is None:
            return None
        title = str(title)
        if TITLE_CODES[title].subject_type == subject_type:
            return title
        paired = PAIRED_TITLES.get(title)
        if subject_type == "individual" and paired is not None:
            return paired
        reverse = {v: k for k, v in PAIRED_TITLES.items()}.get(title)
        return reverse if subject_type == "collective" else None
    if position == 0:
        return FIRST_BAND_TITLES[subject_type]
    if position == 1:
        return SECOND_BAND_TITLES[subject_type]
    return None


PLACE = "Đắk Lắk"
"""The place a decision is dated at (the province of the platform)."""


def needed_votes(threshold: float, members: int) -> int:
    """Votes for a nominee needs: the threshold's share of the members, rounded up; a share within 0.01
    vote of a whole number counts as that number (two thirds written 0.6667 of 3 members is 2)."""
    return max(1, math.ceil(threshold * members - 0.01))


GRASSROOTS_FIGHTER_SHARE = Decimal("0.15")
"""Decree 98/2023/NĐ-CP, art. 4: grassroots emulation fighters at most 15 % of a unit's advanced workers."""

EXCELLENT_RATING_SHARE = Decimal("0.20")
"""Decree 335/2025/NĐ-CP: those rated "Hoàn thành xuất sắc nhiệm vụ" at most 20 % of those rated "Hoàn thành
tốt nhiệm vụ" in the same unit."""

BAND_RATINGS = (Rating.EXCELLENT.value, Rating.GOOD.value, Rating.COMPLETED.value)
"""The rating a round's band gives an individual it proposes, by the band's rank (the rest: completed)."""


def _allowed(base: int, share: Decimal) -> int:
    """A share of `base`, rounded down; at least one where the base is not empty."""
    return max(1, int(base * share)) if base else 0


def quota_breaches(nominees: list[NomineeResult], unit_names: dict[str, str]) -> list[QuotaBreach]:
    """The quota rules a council session's nominees break, unit by unit (unit code order):
    - grassroots_fighters_share: the passed Chiến sĩ thi đua cơ sở at most 15 % of the unit's Lao động tiên
      tiến passed at the same session;
    - excellent_rating_share: of the individuals on the agenda (passed or not: the rating is the unit's, not
      the council's), those rated excellent at most 20 % of those rated good.
    Both are rounded down, with at least one allowed where the base is not empty; the base is what the
    session holds, the platform keeping no rating of the unit's other staff."""
    fighters: dict[str, int] = {}
    advanced: dict[str, int] = {}
    excellent: dict[str, int] = {}
    good: dict[str, int] = {}
    for n in nominees:
        if n.subject_type == "individual" and n.rating is Rating.EXCELLENT:
            excellent[n.unit_code] = excellent.get(n.unit_code, 0) + 1
        if n.subject_type == "individual" and n.rating is Rating.GOOD:
            good[n.unit_code] = good.get(n.unit_code, 0) + 1
        if not n.passed:
            continue
        if n.title_code == "CSTD_CO_SO":
            fighters[n.unit_code] = fighters.get(n.unit_code, 0) + 1
        if n.title_code == "LAO_DONG_TIEN_TIEN":
            advanced[n.unit_code] = advanced.get(n.unit_code, 0) + 1
    breaches = []
    for unit_code in sorted(fighters.keys() | excellent.keys()):
        name = unit_names.get(unit_code, unit_code)
        count, base = fighters.get(unit_code, 0), advanced.get(unit_code, 0)
        allowed = _allowed(base, GRASSROOTS_FIGHTER_SHARE)
        if count > allowed:
            breaches.append(
                QuotaBreach(
                    rule="grassroots_fighters_share",
                    unit_code=unit_code,
                    unit_name=name,
                    message=(
                        f"{name}: {count} Chiến sĩ thi đua cơ sở, vượt mức 15% của {base} Lao động tiên tiến "
                        f"(tối đa {allowed})."
                    ),
                    allowed=allowed,
                    actual=count,
                )
            )
        count, base = excellent.get(unit_code, 0), good.get(unit_code, 0)
        allowed = _allowed(base, EXCELLENT_RATING_SHARE)
        if count > allowed:
            breaches.append(
                QuotaBreach(
                    rule="excellent_rating_share",
                    unit_code=unit_code,
                    unit_name=name,
                    message=(
                        f"{name}: {count} cá nhân xếp loại “Hoàn thành xuất sắc nhiệm vụ”, vượt mức 20% của "
                        f"{base} cá nhân “Hoàn thành tốt nhiệm vụ” (tối đa {allowed})."
                    ),
                    allowed=allowed,
                    actual=count,
                )
            )
    return breaches
