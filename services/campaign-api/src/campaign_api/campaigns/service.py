"""Rules of movements: who runs them, their lifecycle, phases inside the campaign that never overlap, targets."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from campaign_api.access import CAMPAIGN_LIST, CAMPAIGNS, NEW_CAMPAIGNS, CampaignSeen
from campaign_api.auditing import AuditedService
from campaign_api.campaigns import repository
from campaign_api.campaigns.models import Campaign, Phase, Target
from campaign_api.campaigns.schemas import (
    TARGET_MEASURING_FIELDS,
    CampaignAction,
    CampaignCreate,
    CampaignListAction,
    CampaignOut,
    CampaignPage,
    CampaignStatus,
    CampaignUpdate,
    Milestone,
    PhaseCreate,
    PhaseOut,
    PhaseUpdate,
    TargetCreate,
    TargetOut,
    TargetUpdate,
    check_phase,
    contents_repeat,
    target_problem,
)
from campaign_api.messages import status_label
from campaign_api.participation import repository as participation
from campaign_api.units import repository as units
from service_kit.access import Actor
from service_kit.db import flush_or_conflict
from service_kit.errors import (
    Conflict,
    InvalidState,
    NotFound,
    conflicting_field,
    field_error,
    unknown_reference,
)
from service_kit.pagination import Page, PageParams
from service_kit.text import fold

ACTION_LABELS = {CampaignAction.LAUNCH: "khởi động", CampaignAction.CLOSE: "kết thúc"}
TRANSITIONS = {
    CampaignAction.LAUNCH: (CampaignStatus.DRAFT, CampaignStatus.ACTIVE),
    CampaignAction.CLOSE: (CampaignStatus.ACTIVE, CampaignStatus.CLOSED),
}


def snapshot(campaign: Campaign) -> dict[str, Any]:
    return CampaignOut.model_validate(campaign).model_dump(
        mode="json", exclude={"created_at", "updated_at", "allowed_actions"}
    )


def campaign_out(actor: Actor, seen: CampaignSeen) -> CampaignOut:
    out = CampaignOut.model_validate(seen.campaign)
    out.allowed_actions = [CampaignAction(a) for a in CAMPAIGNS.allowed_actions(actor, seen)]
    return out


@dataclass(kw_only=True)
class CampaignService(AuditedService):
    async def get(self, campaign_id: uuid.UUID, *, for_update: bool = False) -> Campaign:
        campaign = await repository.get(self.session, campaign_id, for_update=for_update)
        if campaign is None:
            raise NotFound(code="campaign.not_found")
        return campaign

    async def seen(self, actor: Actor, campaigns: Sequence[Campaign]) -> list[CampaignSeen]:
        """The campaigns with the participants this actor acts for (one query, managers only)."""
        own: dict[uuid.UUID, frozenset[str]] = {}
        if actor.is_manager and actor.scope is not None and campaigns:
            own = await participation.participating(
                self.session, [c.id for c in campaigns], actor.scope.units
            )
        return [CampaignSeen(c, own.get(c.id, frozenset())) for c in campaigns]

    async def out(self, actor: Actor, campaign: Campaign) -> CampaignOut:
        (seen,) = await self.seen(actor, [campaign])
        return campaign_out(actor, seen)

    async def list(
        self,
        actor: Actor,
        params: PageParams,
        *,
        status: str | None,
        level: str | None,
        organizer_unit_code: str | None,
        parent_id: uuid.UUID | None,
        q: str | None,
    ) -> CampaignPage:
        statement = repository.query(
            status=status,
            level=level,
            organizer_unit_code=organizer_unit_code,
            parent_id=parent_id,
            folded_words=fold(q).split() if q else [],
        )
        campaigns, total = await repository.page(self.session, statement, params)
        return CampaignPage(
            items=[campaign_out(actor, seen) for seen in await self.seen(actor, campaigns)],
            total=total,
            allowed_actions=[CampaignListAction(a) for a in CAMPAIGN_LIST.allowed_actions(actor, None)],
        )

    async def create(
        self, actor: Actor, data: CampaignCreate, *, campaign_id: uuid.UUID | None = None
    ) -> CampaignOut:
        """`campaign_id` lets the demo seed use ids the other services' seeds know; the API never passes it."""
        if await units.get(self.session, data.organizer_unit_code) is None:
            raise unknown_reference(
                "organizer_unit_code", code="campaign.unknown_organizer", unit_code=data.organizer_unit_code
            )
        NEW_CAMPAIGNS.ensure(actor, CampaignListAction.CREATE, data)
        if data.ends_on < data.starts_on:
            raise field_error("ends_on", code="campaign.dates_reversed")
        if contents_repeat(data.contents):
            raise field_error("contents", code="campaign.contents_repeat")
        if data.parent_id is not None:
            parent = await repository.get(self.session, data.parent_id)
            if parent is None:
                raise unknown_reference(
                    "parent_id", code="campaign.unknown_parent", parent_id=str(data.parent_id)
                )
            if not (parent.starts_on <= data.starts_on and data.ends_on <= parent.ends_on):
                raise conflicting_field("starts_on", code="campaign.outside_parent")
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
        await flush_or_conflict(self.session, Conflict(code="campaign.exists", params={"code": data.code}))
        await self.session.refresh(campaign)
        await self.audit(actor, "campaign.created", "campaign", str(campaign.id), after=snapshot(campaign))
        return await self.out(actor, campaign)

    async def update(
        self,
        actor: Actor,
        campaign: Campaign,
        data: CampaignUpdate,
        *,
        expect: Callable[[CampaignOut], None] = lambda _: None,
    ) -> CampaignOut:
        """`expect` refuses a change made against an outdated copy (If-Match) before anything changes."""
        expect(await self.out(actor, campaign))
        if campaign.status == CampaignStatus.CLOSED:
            raise InvalidState(code="campaign.closed")
        if contents_repeat(data.contents):
            raise field_error("contents", code="campaign.contents_repeat")
        before = snapshot(campaign)
        changes = data.model_dump(mode="json", exclude_unset=True)
        starts_on = data.starts_on or campaign.starts_on
        ends_on = data.ends_on or campaign.ends_on
        if ends_on < starts_on:
            raise conflicting_field("ends_on", code="campaign.dates_reversed")
        for phase in await repository.phases(self.session, campaign.id):
            if phase.starts_on < starts_on or phase.ends_on > ends_on:
                raise Conflict(code="campaign.phase_outside_dates", params={"phase": phase.name})
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
        return await self.out(actor, campaign)

    async def transition(self, actor: Actor, campaign: Campaign, action: CampaignAction) -> CampaignOut:
        source, destination = TRANSITIONS[action]
        if campaign.status != source:
            raise InvalidState(
                code="campaign.wrong_state",
                params={
                    "source": source,
                    "action": action,
                    "status": campaign.status,
                    "status_label": status_label(campaign.status),
                    "action_label": ACTION_LABELS[action],
                },
            )
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
        return await self.out(actor, campaign)

    async def phases(self, campaign: Campaign) -> Page[PhaseOut]:
        phases = [PhaseOut.model_validate(p) for p in await repository.phases(self.session, campaign.id)]
        return Page(items=phases, total=len(phases))

    async def targets(self, campaign: Campaign) -> Page[TargetOut]:
        targets = [TargetOut.model_validate(t) for t in await repository.targets(self.session, campaign.id)]
        return Page(items=targets, total=len(targets))

    async def _check_phase_dates(
        self, campaign: Campaign, starts_on: date, ends_on: date, *, besides: uuid.UUID | None = None
    ) -> None:
        """A phase lies inside its campaign and overlaps none of the campaign's other phases."""
        if starts_on < campaign.starts_on or ends_on > campaign.ends_on:
            raise conflicting_field(
                "starts_on",
                code="phase.outside_campaign",
                starts_on=campaign.starts_on.isoformat(),
                ends_on=campaign.ends_on.isoformat(),
            )
        for other in await repository.phases(self.session, campaign.id):
            if other.id != besides and starts_on <= other.ends_on and other.starts_on <= ends_on:
                raise Conflict(
                    code="phase.overlaps",
                    params={
                        "phase": other.name,
                        "starts_on": other.starts_on.isoformat(),
                        "ends_on": other.ends_on.isoformat(),
                    },
                )

    async def add_phase(self, actor: Actor, campaign: Campaign, data: PhaseCreate) -> PhaseOut:
        if campaign.status == CampaignStatus.CLOSED:
            raise InvalidState(code="campaign.closed")
        await self._check_phase_dates(campaign, data.starts_on, data.ends_on)
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
        return PhaseOut.model_validate(phase)

    async def add_target(self, actor: Actor, campaign: Campaign, data: TargetCreate) -> TargetOut:
        if campaign.status == CampaignStatus.CLOSED:
            raise InvalidState(code="campaign.closed")
        target = Target(campaign_id=campaign.id, **data.model_dump())
        self.session.add(target)
        await flush_or_conflict(self.session, Conflict(code="target.exists", params={"code": data.code}))
        await self.audit(
            actor,
            "target.created",
            "campaign",
            str(campaign.id),
            after={"target": data.model_dump(mode="json")},
        )
        return TargetOut.model_validate(target)

    async def _phase(self, campaign: Campaign, phase_id: uuid.UUID) -> Phase:
        if campaign.status == CampaignStatus.CLOSED:
            raise InvalidState(code="campaign.closed")
        phase = await repository.phase(self.session, campaign.id, phase_id, for_update=True)
        if phase is None:
            raise NotFound(code="phase.not_found")
        return phase

    async def _phase_dependents(self, campaign: Campaign, phase: Phase) -> tuple[int, int]:
        """The reports whose period ends inside the phase, and the plans filed against its `plan_due`
        milestone: what a change of its dates or milestones, or its removal, would leave dangling."""
        reports = await repository.reports_within(self.session, campaign.id, phase.starts_on, phase.ends_on)
        plans = 0
        if any(m["kind"] == "plan_due" for m in phase.milestones):
            plans = await repository.plans_filed(self.session, campaign.id)
        return reports, plans

    async def _refuse_if_depended_on(self, campaign: Campaign, phase: Phase, code: str) -> None:
        reports, plans = await self._phase_dependents(campaign, phase)
        if reports or plans:
            raise InvalidState(code=code, params={"phase": phase.name, "reports": reports, "plans": plans})

    async def update_phase(
        self, actor: Actor, campaign: Campaign, phase_id: uuid.UUID, data: PhaseUpdate
    ) -> PhaseOut:
        phase = await self._phase(campaign, phase_id)
        before = PhaseOut.model_validate(phase).model_dump(mode="json", exclude={"id"})
        changes = data.model_dump(mode="json", exclude_unset=True)
        starts_on = data.starts_on or phase.starts_on
        ends_on = data.ends_on or phase.ends_on
        milestones = (
            data.milestones
            if data.milestones is not None
            else [Milestone.model_validate(m) for m in phase.milestones]
        )
        wrong = check_phase(starts_on, ends_on, milestones)
        if wrong is not None:
            raise conflicting_field(wrong, code=f"phase.invalid_{wrong}")
        schedule = [m.model_dump(mode="json") for m in sorted(milestones, key=lambda m: m.due_on)]
        if (starts_on, ends_on, schedule) != (phase.starts_on, phase.ends_on, phase.milestones):
            await self._refuse_if_depended_on(campaign, phase, "phase.depended_on")
            await self._check_phase_dates(campaign, starts_on, ends_on, besides=phase.id)
        if "name" in changes:
            phase.name = changes["name"]
        phase.starts_on, phase.ends_on, phase.milestones = starts_on, ends_on, schedule
        await self.session.flush()
        after = PhaseOut.model_validate(phase).model_dump(mode="json", exclude={"id"})
        await self.audit(
            actor,
            "phase.updated",
            "campaign",
            str(campaign.id),
            before={"phase": before},
            after={"phase": after},
        )
        return PhaseOut.model_validate(phase)

    async def delete_phase(self, actor: Actor, campaign: Campaign, phase_id: uuid.UUID) -> None:
        phase = await self._phase(campaign, phase_id)
        await self._refuse_if_depended_on(campaign, phase, "phase.in_use")
        before = PhaseOut.model_validate(phase).model_dump(mode="json", exclude={"id"})
        await repository.delete(self.session, phase)
        await self.audit(actor, "phase.deleted", "campaign", str(campaign.id), before={"phase": before})

    async def _target(self, campaign: Campaign, target_id: uuid.UUID) -> Target:
        if campaign.status == CampaignStatus.CLOSED:
            raise InvalidState(code="campaign.closed")
        target = await repository.target(self.session, campaign.id, target_id, for_update=True)
        if target is None:
            raise NotFound(code="target.not_found")
        return target

    async def update_target(
        self, actor: Actor, campaign: Campaign, target_id: uuid.UUID, data: TargetUpdate
    ) -> TargetOut:
        target = await self._target(campaign, target_id)
        before = TargetOut.model_validate(target).model_dump(mode="json", exclude={"id"})
        changes = data.model_dump(exclude_unset=True)
        merged = TargetOut.model_validate(target).model_copy(update=changes)
        problem = target_problem(merged.measure, merged.baseline, merged.target, merged.direction)
        if problem is not None:
            raise conflicting_field("target", code="target.inconsistent", reason=problem)
        measuring = {
            name
            for name in TARGET_MEASURING_FIELDS
            if name in changes and getattr(merged, name) != getattr(TargetOut.model_validate(target), name)
        }
        if measuring:
            reports = await repository.reports_measuring(self.session, campaign.id, target.code)
            if reports:
                raise InvalidState(
                    code="target.measured",
                    params={
                        "target": target.title,
                        "reports": reports,
                        "fields": ", ".join(sorted(measuring)),
                    },
                )
        for name, value in changes.items():
            setattr(target, name, value)
        await self.session.flush()
        await self.session.refresh(target)
        after = TargetOut.model_validate(target).model_dump(mode="json", exclude={"id"})
        await self.audit(
            actor,
            "target.updated",
            "campaign",
            str(campaign.id),
            before={"target": before},
            after={"target": after},
        )
        return TargetOut.model_validate(target)

    async def delete_target(self, actor: Actor, campaign: Campaign, target_id: uuid.UUID) -> None:
        target = await self._target(campaign, target_id)
        reports = await repository.reports_measuring(self.session, campaign.id, target.code)
        if reports:
            raise InvalidState(code="target.in_use", params={"target": target.title, "reports": reports})
        before = TargetOut.model_validate(target).model_dump(mode="json", exclude={"id"})
        await repository.delete(self.session, target)
        await self.audit(actor, "target.deleted", "campaign", str(campaign.id), before={"target": before})


def first_plan_due(phases: list[Phase]) -> date | None:
    """The earliest `plan_due` milestone of the campaign, against which plans are on time or late."""
    dues = [date.fromisoformat(m["due_on"]) for p in phases for m in p.milestones if m["kind"] == "plan_due"]
    return min(dues, default=None)
