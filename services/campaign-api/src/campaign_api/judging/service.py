"""Rules of the initiative contest (judging of a movement's initiatives).

- A judging round is set up by those who run the movement: its criteria (by default novelty 30, effect 40,
  scope 30 points) and its judges (active officials' accounts). It judges the movement's initiatives that
  were not rejected.
- Each judge gives every criterion of an initiative its points, 0 to the criterion's maximum, and may send
  them again to change them until the initiative's recognition is decided (then 409).
- The ranking: per initiative, the mean over the judges who scored it of their totals; ranked by that mean,
  ties sharing a rank (1, 2, 2, 4), then by title; initiatives nobody scored come last without a rank
  change of their own (they share the last rank).
- The organiser records the recognition level (grassroots, provincial, or none) with the mean it was
  decided on; every score and decision is audited.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from campaign_api.access import JUDGINGS, JudgingSeen
from campaign_api.auditing import AuditedService
from campaign_api.campaigns.models import Campaign
from campaign_api.campaigns.service import CampaignService
from campaign_api.judging import repository
from campaign_api.judging.models import InitiativeJudging, InitiativeRecognition
from campaign_api.judging.schemas import (
    CriterionOut,
    InitiativeDecisionIn,
    InitiativeDecisionOut,
    JudgingAction,
    JudgingIn,
    JudgingOut,
    RankedInitiative,
    Ranking,
    RecognitionLevel,
    ScoresIn,
    ScoresOut,
)
from service_kit.access import Actor
from service_kit.db import flush_or_conflict
from service_kit.errors import InvalidState, NotFound, conflicting_field, field_error, unknown_reference
from service_kit.pagination import Page, PageParams

CENT = Decimal("0.01")


def _mean(values: list[Decimal]) -> Decimal | None:
    return (sum(values, Decimal(0)) / len(values)).quantize(CENT, ROUND_HALF_UP) if values else None


@dataclass(kw_only=True)
class JudgingService(AuditedService):
    campaigns: CampaignService

    async def get(self, judging_id: uuid.UUID, *, for_update: bool = False) -> JudgingSeen:
        judging = await repository.judging(self.session, judging_id, for_update=for_update)
        if judging is None:
            raise NotFound(code="judging.not_found")
        return JudgingSeen(judging, await self.campaigns.get(judging.campaign_id))

    async def out(self, actor: Actor, seen: JudgingSeen) -> JudgingOut:
        judging = seen.judging
        names = await repository.officials_named(self.session, judging.judges)
        return JudgingOut(
            id=judging.id,
            campaign_id=judging.campaign_id,
            title=judging.title,
            criteria=[CriterionOut.model_validate(c) for c in judging.criteria],
            judges=list(judging.judges),
            judge_names=[names.get(j, "—") for j in judging.judges],
            created_at=judging.created_at,
            allowed_actions=[JudgingAction(a) for a in JUDGINGS.allowed_actions(actor, seen)],
        )

    async def create(self, actor: Actor, campaign: Campaign, data: JudgingIn) -> JudgingOut:
        codes = [c.code for c in data.criteria]
        if len(set(codes)) != len(codes):
            raise conflicting_field("criteria", code="judging.criteria_repeat")
        judges = list(dict.fromkeys(data.judges))
        known = await repository.officials_named(self.session, judges)
        for index, judge in enumerate(judges):
            if judge not in known:
                raise unknown_reference(f"judges.{index}", code="judging.unknown_judge", index=index + 1)
        judging = InitiativeJudging(
            campaign_id=campaign.id,
            title=data.title,
            criteria=[c.model_dump(mode="json") for c in data.criteria],
            judges=judges,
            created_by=actor.subject,
        )
        self.session.add(judging)
        await self.session.flush()
        await self.session.refresh(judging)
        await self.audit(
            actor,
            "judging.created",
            "initiative_judging",
            str(judging.id),
            after={"criteria": judging.criteria, "judges": [str(j) for j in judges]},
        )
        return await self.out(actor, JudgingSeen(judging, campaign))

    async def list(self, actor: Actor, campaign: Campaign, params: PageParams) -> Page[JudgingOut]:
        judgings, total = await repository.judgings_page(self.session, campaign.id, params)
        return Page(items=[await self.out(actor, JudgingSeen(j, campaign)) for j in judgings], total=total)

    async def _judged(self, seen: JudgingSeen, initiative_id: uuid.UUID) -> None:
        initiative = await repository.initiative(self.session, initiative_id)
        if initiative is None or initiative.campaign_id != seen.judging.campaign_id:
            raise unknown_reference("initiative_id", code="judging.unknown_initiative")
        if initiative.status == "rejected":
            raise InvalidState(code="judging.initiative_rejected")

    async def score(self, actor: Actor, seen: JudgingSeen, data: ScoresIn) -> ScoresOut:
        judging = seen.judging
        await self._judged(seen, data.initiative_id)
        if await repository.recognition(self.session, judging.id, data.initiative_id) is not None:
            raise InvalidState(code="judging.decided")
        maxima = {c["code"]: Decimal(str(c["max_points"])) for c in judging.criteria}
        points: dict[str, Decimal] = {}
        for index, entry in enumerate(data.scores):
            if entry.criterion_code not in maxima:
                raise conflicting_field(
                    f"scores.{index}.criterion_code",
                    code="judging.unknown_criterion",
                    criterion=entry.criterion_code,
                )
            if entry.points > maxima[entry.criterion_code]:
                raise field_error(
                    f"scores.{index}.points",
                    code="judging.points_over_max",
                    max_points=str(maxima[entry.criterion_code]),
                )
            points[entry.criterion_code] = entry.points
        missing = [code for code in maxima if code not in points]
        if missing:
            raise field_error("scores", code="judging.criteria_missing", codes=", ".join(missing))
        judge = uuid.UUID(actor.subject)
        await repository.put_scores(self.session, judging.id, data.initiative_id, judge, dict(points))
        await self.audit(
            actor,
            "judging.scored",
            "initiative_judging",
            str(judging.id),
            after={
                "initiative_id": str(data.initiative_id),
                "scores": {k: str(v) for k, v in points.items()},
            },
        )
        return ScoresOut(
            initiative_id=data.initiative_id,
            judge_id=judge,
            scores=points,
            total=sum(points.values(), Decimal(0)),
        )

    async def ranking(self, seen: JudgingSeen) -> Ranking:
        judging = seen.judging
        codes = [c["code"] for c in judging.criteria]
        by_initiative: dict[uuid.UUID, dict[uuid.UUID, dict[str, Decimal]]] = {}
        for s in await repository.scores(self.session, judging.id):
            by_initiative.setdefault(s.initiative_id, {}).setdefault(s.judge_id, {})[s.criterion_code] = (
                s.points
            )
        decided = await repository.recognitions(self.session, judging.id)
        rows = []
        for initiative, unit_name in await repository.judged_initiatives(self.session, judging.campaign_id):
            judges = {
                j: p for j, p in by_initiative.get(initiative.id, {}).items() if all(c in p for c in codes)
            }
            totals = [sum(p.values(), Decimal(0)) for p in judges.values()]
            recognition = decided.get(initiative.id)
            rows.append(
                RankedInitiative(
                    rank=0,
                    initiative_id=initiative.id,
                    title=initiative.title,
                    unit_code=initiative.unit_code,
                    unit_name=unit_name,
                    judges_scored=len(judges),
                    criteria={c: _mean([p[c] for p in judges.values()]) for c in codes},
                    mean_score=_mean(totals),
                    level=RecognitionLevel(recognition.level) if recognition else None,
                )
            )
        rows.sort(key=lambda r: (r.mean_score is None, -(r.mean_score or 0), r.title, str(r.initiative_id)))
        for index, row in enumerate(rows):
            previous = rows[index - 1] if index else None
            same = previous is not None and previous.mean_score == row.mean_score
            row.rank = previous.rank if same and previous is not None else index + 1
        return Ranking(judging_id=judging.id, judges=len(judging.judges), items=rows)

    async def decide(
        self, actor: Actor, seen: JudgingSeen, data: InitiativeDecisionIn
    ) -> InitiativeDecisionOut:
        judging = seen.judging
        await self._judged(seen, data.initiative_id)
        ranking = await self.ranking(seen)
        mean = next((r.mean_score for r in ranking.items if r.initiative_id == data.initiative_id), None)
        recognition = InitiativeRecognition(
            judging_id=judging.id,
            initiative_id=data.initiative_id,
            level=data.level.value,
            note=data.note,
            mean_score=mean,
            decided_by=actor.subject,
        )
        self.session.add(recognition)
        await flush_or_conflict(self.session, InvalidState(code="judging.decided"))
        await self.session.refresh(recognition)
        await self.audit(
            actor,
            "judging.decided",
            "initiative_judging",
            str(judging.id),
            after={
                "initiative_id": str(data.initiative_id),
                "level": data.level.value,
                "mean_score": str(mean) if mean is not None else None,
            },
        )
        return InitiativeDecisionOut(
            initiative_id=recognition.initiative_id,
            level=RecognitionLevel(recognition.level),
            note=recognition.note,
            mean_score=recognition.mean_score,
            decided_at=recognition.decided_at,
        )
