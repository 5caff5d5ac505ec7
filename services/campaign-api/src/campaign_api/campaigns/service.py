"""Rules of movements: who runs them, their lifecycle, phases inside the campaign that never overlap, targets."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.exc import IntegrityError

from campaign_api.auditing import AuditedService
from campaign_api.campaigns import repository
from campaign_api.campaigns.models import Campaign, Phase, Target
from campaign_api.campaigns.schemas import (
    CampaignCreate,
    CampaignOut,
    CampaignStatus,
    CampaignUpdate,
    PhaseCreate,
    TargetCreate,
)
from campaign_api.units import repository as units
from campaign_api.units.service import SessionUnitTree
from service_kit.auth import Principal, ensure_unit_access
from service_kit.errors import Conflict, InvalidState, NotFound, ValidationFailed
from service_kit.text import fold

TRANSITIONS = {
    "launch": (CampaignStatus.DRAFT, CampaignStatus.ACTIVE),
    "close": (CampaignStatus.ACTIVE, CampaignStatus.CLOSED),
}


def field_error(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(message, errors=[{"field": field, "message": message}])


def snapshot(campaign: Campaign) -> dict[str, Any]:
    return CampaignOut.model_validate(campaign).model_dump(mode="json", exclude={"created_at", "updated_at"})


@dataclass(kw_only=True)
class CampaignService(AuditedService):
    async def get(self, campaign_id: uuid.UUID, *, for_update: bool = False) -> Campaign:
        campaign = await repository.get(self.session, campaign_id, for_update=for_update)
        if campaign is None:
            raise NotFound(f"No campaign {campaign_id}.")
        return campaign

    async def ensure_runs(self, principal: Principal, organizer_unit_code: str) -> None:
        """Admins, and managers of the organising unit (or of a unit above it), run a campaign."""
        await ensure_unit_access(principal, organizer_unit_code, SessionUnitTree(self.session))

    async def create(
        self, actor: Principal, data: CampaignCreate, *, campaign_id: uuid.UUID | None = None
    ) -> Campaign:
        """`campaign_id` lets the demo seed use ids the other services' seeds know; the API never passes it."""
        if await units.get(self.session, data.organizer_unit_code) is None:
            raise field_error("organizer_unit_code", f"No unit {data.organizer_unit_code}.")
        await self.ensure_runs(actor, data.organizer_unit_code)
        if data.parent_id is not None:
            parent = await repository.get(self.session, data.parent_id)
            if parent is None:
                raise field_error("parent_id", f"No campaign {data.parent_id}.")
            if not (parent.starts_on <= data.starts_on and data.ends_on <= parent.ends_on):
                raise field_error("starts_on", "A child campaign lies within its parent's dates.")
        campaign = Campaign(
            id=campaign_id or uuid.uuid4(),
            **data.model_dump(mode="json", exclude={"starts_on", "ends_on", "parent_id"}),
            parent_id=data.parent_id,
            starts_on=data.starts_on,
            ends_on=data.ends_on,
            title_folded=fold(data.title),
            status=CampaignStatus.DRAFT.value,
        )
        self.session.add(campaign)
        try:
            async with self.session.begin_nested():
                await self.session.flush()
        except IntegrityError:
            raise Conflict(f"A campaign with code {data.code} exists.") from None
        await self.session.refresh(campaign)
        await self.audit(actor, "campaign.created", "campaign", str(campaign.id), after=snapshot(campaign))
        return campaign

    async def update(self, actor: Principal, campaign: Campaign, data: CampaignUpdate) -> Campaign:
        await self.ensure_runs(actor, campaign.organizer_unit_code)
        if campaign.status == CampaignStatus.CLOSED:
            raise InvalidState("A closed campaign does not change.")
        before = snapshot(campaign)
        changes = data.model_dump(mode="json", exclude_unset=True)
        starts_on = data.starts_on or campaign.starts_on
        ends_on = data.ends_on or campaign.ends_on
        if ends_on < starts_on:
            raise field_error("ends_on", "ends_on is before starts_on")
        for phase in await repository.phases(self.session, campaign.id):
            if phase.starts_on < starts_on or phase.ends_on > ends_on:
                raise Conflict(f"Phase {phase.name!r} would fall outside the campaign's new dates.")
        for name, value in changes.items():
            if name not in ("starts_on", "ends_on"):
                setattr(campaign, name, value)
        campaign.starts_on, campaign.ends_on = starts_on, ends_on
        if data.title is not None:
            campaign.title_folded = fold(data.title)
        await self.session.flush()
        await self.session.refresh(campaign)
        await self.audit(
            actor, "campaign.updated", "campaign", str(campaign.id), before=before, after=snapshot(campaign)
        )
        return campaign

    async def transition(self, actor: Principal, campaign: Campaign, action: str) -> Campaign:
        await self.ensure_runs(actor, campaign.organizer_unit_code)
        source, destination = TRANSITIONS[action]
        if campaign.status != source:
            raise InvalidState(f"Only a {source} campaign can {action}; this one is {campaign.status}.")
        campaign.status = destination.value
        await self.session.flush()
        await self.session.refresh(campaign)
        await self.audit(
            actor,
            f"campaign.{action}",
            "campaign",
            str(campaign.id),
            before={"status": source},
            after={"status": destination},
        )
        return campaign

    async def add_phase(self, actor: Principal, campaign: Campaign, data: PhaseCreate) -> Phase:
        await self.ensure_runs(actor, campaign.organizer_unit_code)
        if campaign.status == CampaignStatus.CLOSED:
            raise InvalidState("A closed campaign does not change.")
        if data.starts_on < campaign.starts_on or data.ends_on > campaign.ends_on:
            raise field_error(
                "starts_on", f"A phase lies inside the campaign ({campaign.starts_on} – {campaign.ends_on})."
            )
        for other in await repository.phases(self.session, campaign.id):
            if data.starts_on <= other.ends_on and other.starts_on <= data.ends_on:
                raise Conflict(f"The phase overlaps {other.name!r} ({other.starts_on} – {other.ends_on}).")
        phase = Phase(
            campaign_id=campaign.id,
            name=data.name,
            starts_on=data.starts_on,
            ends_on=data.ends_on,
            milestones=[m.model_dump(mode="json") for m in sorted(data.milestones, key=lambda m: m.due_on)],
        )
        self.session.add(phase)
        await self.session.flush()
        await self.audit(
            actor,
            "phase.created",
            "campaign",
            str(campaign.id),
            after={"phase": data.model_dump(mode="json")},
        )
        return phase

    async def add_target(self, actor: Principal, campaign: Campaign, data: TargetCreate) -> Target:
        await self.ensure_runs(actor, campaign.organizer_unit_code)
        if campaign.status == CampaignStatus.CLOSED:
            raise InvalidState("A closed campaign does not change.")
        target = Target(campaign_id=campaign.id, **data.model_dump())
        self.session.add(target)
        try:
            async with self.session.begin_nested():
                await self.session.flush()
        except IntegrityError:
            raise Conflict(f"The campaign already has a target {data.code}.") from None
        await self.audit(
            actor,
            "target.created",
            "campaign",
            str(campaign.id),
            after={"target": data.model_dump(mode="json")},
        )
        return target


def first_plan_due(phases: list[Phase]) -> date | None:
    """The earliest `plan_due` milestone of the campaign, against which plans are on time or late."""
    dues = [date.fromisoformat(m["due_on"]) for p in phases for m in p.milestones if m["kind"] == "plan_due"]
    return min(dues, default=None)
