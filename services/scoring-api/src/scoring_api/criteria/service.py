"""Rules of criteria sets: a valid tree and bands, unique versions, published sets immutable, and the
targets a set names checked against its campaign before it is published."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from scoring_api.access import CRITERIA_SET_LIST, CRITERIA_SETS
from scoring_api.clients.campaign import CampaignClient
from scoring_api.criteria.models import CriteriaSet
from scoring_api.criteria.repository import CriteriaSetRepository
from scoring_api.criteria.schemas import (
    BandIn,
    CriteriaSetAction,
    CriteriaSetCreate,
    CriteriaSetListAction,
    CriteriaSetOut,
    CriteriaSetPage,
    CriteriaSetUpdate,
    CriterionIn,
    SubjectType,
    criteria_of,
)
from scoring_api.database import audit_trail
from scoring_api.scorecards import scoring
from service_kit import i18n
from service_kit.access import Actor
from service_kit.errors import Conflict, InvalidState, ValidationFailed
from service_kit.pagination import PageParams

OBJECT_TYPE = "criteria_set"


def ensure_valid(criteria: list[CriterionIn], bands: list[BandIn]) -> None:
    """Refuse (422 `criteria_set.invalid`) a tree or bands that cannot be used, each problem in `errors`
    in the caller's language."""
    problems = [("criteria", p) for p in scoring.validate_set([c.to_criterion() for c in criteria])]
    problems += [
        ("bands", p) for p in scoring.validate_bands([scoring.Band(b.label, b.min_score) for b in bands])
    ]
    if problems:
        raise ValidationFailed(
            "; ".join(problem for _, problem in problems),
            code="criteria_set.invalid",
            errors=[
                {"field": where, "message": i18n.message(problem.code, problem.params) or problem}
                for where, problem in problems
            ],
        )


@dataclass
class CriteriaSetService:
    session: AsyncSession
    repository: CriteriaSetRepository = field(init=False)

    def __post_init__(self) -> None:
        self.repository = CriteriaSetRepository(self.session)

    def out(self, actor: Actor, criteria_set: CriteriaSet) -> CriteriaSetOut:
        result = CriteriaSetOut.model_validate(criteria_set)
        result.max_total = sum((c.max_points for c in criteria_of(criteria_set.criteria)), Decimal(0))
        result.allowed_actions = [
            CriteriaSetAction(a) for a in CRITERIA_SETS.allowed_actions(actor, criteria_set)
        ]
        return result

    async def _audit(self, actor: Actor, action: str, set_id: uuid.UUID, **change: Any) -> None:
        await audit_trail.record(
            self.session,
            actor=actor,
            action=action,
            object_type=OBJECT_TYPE,
            object_id=str(set_id),
            **change,
        )

    async def create(self, actor: Actor, data: CriteriaSetCreate) -> CriteriaSetOut:
        ensure_valid(data.criteria, data.bands)
        criteria_set = await self.repository.add(
            CriteriaSet(
                campaign_id=data.campaign_id,
                subject_type=data.subject_type.value,
                name=data.name,
                version=data.version,
                status="draft",
                criteria=[c.model_dump(mode="json") for c in data.criteria],
                bands=[b.model_dump(mode="json") for b in data.bands],
            ),
            Conflict(
                f"Version {data.version} of this set exists for this campaign; a new version is a new set.",
                code="criteria_set.version_taken",
                params={"version": data.version},
            ),
        )
        await self._audit(actor, "criteria_set.created", criteria_set.id)
        return self.out(actor, criteria_set)

    async def page(
        self,
        actor: Actor,
        page: PageParams,
        *,
        campaign_id: uuid.UUID | None,
        subject_type: SubjectType | None,
    ) -> CriteriaSetPage:
        sets, total = await self.repository.page(
            page, campaign_id=campaign_id, subject_type=subject_type.value if subject_type else None
        )
        return CriteriaSetPage(
            items=[self.out(actor, s) for s in sets],
            total=total,
            allowed_actions=[
                CriteriaSetListAction(a) for a in CRITERIA_SET_LIST.allowed_actions(actor, None)
            ],
        )

    async def update(
        self, actor: Actor, criteria_set: CriteriaSet, data: CriteriaSetUpdate
    ) -> CriteriaSetOut:
        """Change a draft set (the policy refuses published ones); the whole tree and bands are checked."""
        sent = data.model_fields_set
        criteria = (
            data.criteria
            if "criteria" in sent
            else [CriterionIn.model_validate(c) for c in criteria_set.criteria]
        )
        bands = data.bands if "bands" in sent else [BandIn.model_validate(b) for b in criteria_set.bands]
        ensure_valid(criteria, bands)
        if "name" in sent:
            criteria_set.name = data.name
        criteria_set.criteria = [c.model_dump(mode="json") for c in criteria]
        criteria_set.bands = [b.model_dump(mode="json") for b in bands]
        await self.repository.save(
            Conflict(
                f"Version {criteria_set.version} of this set exists for this campaign; a new version is a new set.",
                code="criteria_set.version_taken",
                params={"version": criteria_set.version},
            )
        )
        await self._audit(actor, "criteria_set.updated", criteria_set.id)
        return self.out(actor, criteria_set)

    async def publish(
        self, actor: Actor, criteria_set: CriteriaSet, campaign: CampaignClient
    ) -> CriteriaSetOut:
        """Publish a draft set once every target its criteria name is one of its campaign's."""
        named = {c.target_code for c in scoring.leaves(criteria_of(criteria_set.criteria)) if c.target_code}
        if named:
            targets = await campaign.target_codes(criteria_set.campaign_id)
            if targets is None:
                raise InvalidState(
                    "campaign-api knows no campaign of this set.", code="criteria_set.campaign_unknown"
                )
            unknown = sorted(named - targets)
            if unknown:
                raise ValidationFailed(
                    f"The campaign has no targets {', '.join(unknown)}.",
                    code="criteria_set.unknown_targets",
                    params={"targets": ", ".join(unknown)},
                    errors=[
                        {
                            "field": "criteria",
                            "message": i18n.message("criterion.unknown_target", {"target": code})
                            or f"unknown target {code}",
                        }
                        for code in unknown
                    ],
                )
        criteria_set.status = "published"
        criteria_set.published_at = datetime.now(UTC)
        await self.repository.save()
        await self._audit(
            actor,
            "criteria_set.published",
            criteria_set.id,
            before={"status": "draft"},
            after={"status": "published"},
        )
        return self.out(actor, criteria_set)
