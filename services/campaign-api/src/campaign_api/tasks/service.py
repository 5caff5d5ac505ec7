"""What waits on the caller. A unit's own work (its plan and reports due, its registrations and dossiers to
send) goes to the managers holding that unit in their account (not to those above it, whose inbox would
hold every sub-unit's); a movement's organiser (and administrators) get what waits on the organiser
(reports to review, registrations to approve, dossiers to receive and check); council members get the
sessions where they have nominees left to vote on. scoring-api answers its own part (scorecards to fill,
review, approve) over REST with the caller's own token; when it cannot, the list says so with a
`pending` marker instead of failing."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from campaign_api import clock
from campaign_api.access import runs
from campaign_api.clients.scoring import ScoringClient
from campaign_api.tasks import repository
from campaign_api.tasks.schemas import SourceState, Task, TaskKind, Tasks
from campaign_api.units import repository as units_repository
from service_kit.access import Actor
from service_kit.errors import DependencyUnavailable, NotFound


def _task(
    kind: TaskKind, title: str, link: str, due_on: date | None, today: date, service: str = "campaign-api"
) -> Task:
    return Task(
        kind=kind,
        title=title,
        link=link,
        due_on=due_on,
        overdue=due_on is not None and due_on < today,
        service=service,
    )


@dataclass(kw_only=True)
class TaskService:
    session: AsyncSession
    scoring: ScoringClient | None = None

    async def mine(self, actor: Actor, authorization: str | None) -> Tasks:
        today = clock.today()
        own_units = frozenset(actor.principal.unit_codes) if actor.is_manager else frozenset()
        items: list[Task] = []
        phases = await repository.open_phases(self.session)
        campaigns = {c.id: c for c, _ in phases}
        participants = await repository.participants(self.session, campaigns)
        reports = await repository.reports(self.session, campaigns)
        registrations = await repository.waiting_registrations(self.session)
        dossiers = await repository.waiting_dossiers(self.session)
        named = await units_repository.units_by_code(
            self.session,
            {p.unit_code for p in participants if p.unit_code in own_units}
            | {r.unit_code for r in reports if r.status == "submitted"}
            | {r.unit_code for r in registrations}
            | {d.unit_code for d in dossiers},
        )

        def name(code: str) -> str:
            """A unit as people call it (its code only if the directory has lost it)."""
            unit = named.get(code)
            return unit.name if unit is not None else code

        for campaign, phase in phases:
            units = [p for p in participants if p.campaign_id == campaign.id and p.unit_code in own_units]
            for milestone in phase.milestones or []:
                due = date.fromisoformat(str(milestone["due_on"]))
                for participant in units:
                    if milestone.get("kind") == "plan_due" and participant.plan_document_no is None:
                        items.append(
                            _task(
                                TaskKind.PLAN_DUE,
                                f"Ban hành kế hoạch — {campaign.title} ({name(participant.unit_code)})",
                                f"/movements/{campaign.id}",
                                due,
                                today,
                            )
                        )
                    if (
                        milestone.get("kind") == "report_due"
                        and campaign.status == "active"
                        and not any(
                            r.campaign_id == campaign.id
                            and r.unit_code == participant.unit_code
                            and phase.starts_on <= r.period_end <= due
                            for r in reports
                        )
                    ):
                        items.append(
                            _task(
                                TaskKind.REPORT_DUE,
                                f"{milestone.get('title') or 'Nộp báo cáo'} — {campaign.title} ({name(participant.unit_code)})",
                                f"/movements/{campaign.id}",
                                due,
                                today,
                            )
                        )
        for report in reports:
            campaign = campaigns[report.campaign_id]
            if report.status == "submitted" and runs(actor, campaign):
                items.append(
                    _task(
                        TaskKind.REPORT_REVIEW,
                        f"Xem xét báo cáo của {name(report.unit_code)} — {campaign.title}",
                        f"/movements/{campaign.id}",
                        None,
                        today,
                    )
                )
        more = await repository.campaigns_by_id(
            self.session, {r.campaign_id for r in registrations} | {d.campaign_id for d in dossiers}
        )
        for registration in registrations:
            campaign = more[registration.campaign_id]
            link = f"/recognition/registrations?campaign={campaign.id}"
            if registration.status in ("draft", "returned") and registration.unit_code in own_units:
                items.append(
                    _task(
                        TaskKind.REGISTRATION,
                        f"Gửi đăng ký thi đua năm {registration.year} ({name(registration.unit_code)})",
                        link,
                        None,
                        today,
                    )
                )
            if registration.status == "submitted" and runs(actor, campaign):
                items.append(
                    _task(
                        TaskKind.REGISTRATION,
                        f"Duyệt đăng ký thi đua năm {registration.year} của {name(registration.unit_code)}",
                        link,
                        None,
                        today,
                    )
                )
        me = _account_id(actor)
        for dossier in dossiers:
            campaign = more[dossier.campaign_id]
            link = f"/recognition/dossiers/{dossier.id}"
            if dossier.status in ("draft", "returned") and dossier.unit_code in own_units:
                items.append(_task(TaskKind.DOSSIER, f"Gửi hồ sơ “{dossier.title}”", link, None, today))
            elif dossier.status == "submitted" and runs(actor, campaign):
                items.append(
                    _task(
                        TaskKind.DOSSIER,
                        f"Tiếp nhận hồ sơ của {name(dossier.unit_code)}: “{dossier.title}”",
                        link,
                        None,
                        today,
                    )
                )
            elif (
                dossier.status in ("received", "in_review")
                and runs(actor, campaign)
                and (dossier.assignee is None or dossier.assignee == me)
            ):
                items.append(
                    _task(
                        TaskKind.DOSSIER,
                        f"Thẩm định hồ sơ của {name(dossier.unit_code)}: “{dossier.title}”",
                        link,
                        None,
                        today,
                    )
                )
        if me is not None:
            sessions = await repository.sessions_of_member(self.session, me)
            votes = await repository.votes_of(self.session, me, [s.id for s in sessions])
            agenda = await repository.dossiers_by_id(
                self.session, {d for s in sessions for d in s.dossier_ids}
            )
            for council in sessions:
                cast = {(v.dossier_id, v.nominee_index) for v in votes if v.session_id == council.id}
                left = sum(
                    1
                    for dossier_id in council.dossier_ids
                    if dossier_id in agenda
                    for index in range(len(agenda[dossier_id].nominees))
                    if (dossier_id, index) not in cast
                )
                if left:
                    items.append(
                        _task(
                            TaskKind.VOTE,
                            f"Biểu quyết {left} người/tập thể được đề nghị — {council.title}",
                            f"/recognition/council/{council.id}",
                            council.held_on,
                            today,
                        )
                    )
        sources = {"campaign-api": SourceState.OK}
        if actor.is_client:
            sources["scoring-api"] = SourceState.OK
        else:
            try:
                if self.scoring is None or authorization is None:
                    raise DependencyUnavailable(code="scoring.unavailable")
                for task in await self.scoring.my_tasks(authorization):
                    items.append(
                        _task(
                            TaskKind.SCORECARD,
                            task.title,
                            task.link,
                            task.due_on,
                            today,
                            service="scoring-api",
                        )
                    )
                sources["scoring-api"] = SourceState.OK
            except (DependencyUnavailable, NotFound):
                sources["scoring-api"] = SourceState.PENDING
                items.append(
                    _task(
                        TaskKind.PENDING,
                        "Chưa tải được việc chấm điểm (scoring-api không phản hồi); hãy thử lại sau",
                        "/scoring",
                        None,
                        today,
                        service="scoring-api",
                    )
                )
        items.sort(key=lambda t: (t.due_on is None, t.due_on or date.max, t.title))
        counts = dict.fromkeys(TaskKind, 0)
        for item in items:
            counts[item.kind] += 1
        return Tasks(items=items, total=len(items), counts=counts, sources=sources)


def _account_id(actor: Actor) -> uuid.UUID | None:
    if actor.is_client:
        return None
    try:
        return uuid.UUID(actor.subject)
    except ValueError:
        return None
