"""Rules of recognition: participants submit initiatives while the movement is active, its organiser
assesses each once; commendations name a unit of the directory."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from campaign_api.access import INITIATIVES, PARTICIPANTS, Filing, filing_units
from campaign_api.auditing import AuditedService
from campaign_api.campaigns.models import Campaign
from campaign_api.campaigns.schemas import CampaignStatus
from campaign_api.campaigns.service import CampaignService
from campaign_api.messages import status_label
from campaign_api.participation import repository as participation
from campaign_api.participation.schemas import ParticipantAction
from campaign_api.recognition import repository
from campaign_api.recognition.models import Commendation, Initiative
from campaign_api.recognition.schemas import (
    Assessment,
    CommendationIn,
    CommendationOut,
    InitiativeAction,
    InitiativeIn,
    InitiativeOut,
    InitiativeStatus,
)
from campaign_api.units import repository as units
from service_kit.access import Actor
from service_kit.errors import InvalidState, NotFound, unknown_reference
from service_kit.pagination import Page, PageParams


def initiative_out(actor: Actor, initiative: Initiative, campaign: Campaign) -> InitiativeOut:
    out = InitiativeOut.model_validate(initiative)
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
        initiative = Initiative(campaign_id=campaign.id, **data.model_dump())
        self.session.add(initiative)
        await self.session.flush()
        await self.session.refresh(initiative)
        await self.audit(
            actor, "initiative.submitted", "initiative", str(initiative.id), after={"status": "submitted"}
        )
        return initiative_out(actor, initiative, campaign)

    async def initiatives(self, actor: Actor, campaign: Campaign, params: PageParams) -> Page[InitiativeOut]:
        initiatives, total = await repository.initiatives_page(
            self.session, campaign.id, params, units=filing_units(actor, campaign)
        )
        return Page(items=[initiative_out(actor, i, campaign) for i in initiatives], total=total)

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
        return initiative_out(actor, initiative, campaign)

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
