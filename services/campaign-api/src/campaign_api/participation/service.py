"""Rules of taking part: who files what, report review, KPIs from accepted reports, the dashboard summary.

Every list and figure is limited to the units the caller reads (`access.filing_units`): a manager who
does not run the movement sees its own units' rows, reports, KPIs and summary only."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from campaign_api.access import PARTICIPANTS, REPORTS, Filing, filing_units
from campaign_api.auditing import AuditedService
from campaign_api.campaigns import repository as campaigns
from campaign_api.campaigns.models import Campaign
from campaign_api.campaigns.schemas import CampaignStatus
from campaign_api.campaigns.service import CampaignService, first_plan_due
from campaign_api.files import repository as files
from campaign_api.files.schemas import attached_files
from campaign_api.messages import status_label
from campaign_api.participation import repository
from campaign_api.participation.models import Participant, Report
from campaign_api.participation.progress import plan_status, progress
from campaign_api.participation.schemas import (
    Kpi,
    ParticipantAction,
    ParticipantOut,
    PlanCounts,
    PlanIn,
    PlanStatus,
    ReportAction,
    ReportCounts,
    ReportIn,
    ReportOut,
    ReportResubmission,
    ReportStatus,
    Summary,
    TargetProgress,
)
from campaign_api.participation.spreadsheet import participants_workbook
from campaign_api.units import repository as units
from service_kit.access import Actor
from service_kit.errors import InvalidState, NotFound, conflicting_field, unknown_reference
from service_kit.files import StoredFile
from service_kit.pagination import Page, PageParams
from service_kit.types import today_in_vietnam


def _state(status: str) -> dict[str, str]:
    return {"status": status, "status_label": status_label(status)}


def plan_files_id(campaign_id: uuid.UUID, unit_code: str) -> str:
    """What a plan's files are attached to: the participant (one plan per unit and movement)."""
    return f"{campaign_id}/{unit_code}"


def report_out(actor: Actor, report: Report, campaign: Campaign, attached: list[StoredFile]) -> ReportOut:
    out = ReportOut.model_validate(report)
    out.file_ids = [f.id for f in attached]
    out.files = attached_files(attached)
    filing = Filing(campaign, report.unit_code, report.status)
    out.allowed_actions = [ReportAction(a) for a in REPORTS.allowed_actions(actor, filing)]
    return out


@dataclass(kw_only=True)
class ParticipationService(AuditedService):
    campaigns: CampaignService

    async def enrol(self, actor: Actor, campaign: Campaign, unit_codes: list[str]) -> Page[ParticipantOut]:
        if campaign.status == CampaignStatus.CLOSED:
            raise InvalidState(code="campaign.closed")
        unknown = sorted(set(unit_codes) - await units.existing_codes(self.session, unit_codes))
        if unknown:
            # All or nothing: one unknown code and no unit is enrolled.
            raise unknown_reference(
                "unit_codes", code="participant.unknown_units", unit_codes=", ".join(unknown)
            )
        enrolled = await repository.enrol(self.session, campaign.id, unit_codes)
        if enrolled:
            await self.audit(
                actor, "campaign.enrolled", "campaign", str(campaign.id), after={"unit_codes": enrolled}
            )
        return await self.participants(actor, campaign)

    async def participants(
        self, actor: Actor, campaign: Campaign, plan_filter: PlanStatus | None = None
    ) -> Page[ParticipantOut]:
        items = await self._participants(actor, campaign, plan_filter)
        return Page(items=items, total=len(items))

    async def _participants(
        self, actor: Actor, campaign: Campaign, plan_filter: PlanStatus | None = None
    ) -> list[ParticipantOut]:
        readable = filing_units(actor, campaign)
        due = first_plan_due(await campaigns.phases(self.session, campaign.id))
        last_reports = await repository.last_report_dates(self.session, campaign.id, readable)
        rows = await repository.participants_with_units(self.session, campaign.id, readable)
        plan_files = await files.attached_to_many(
            self.session, "plan", [plan_files_id(campaign.id, unit.code) for _participant, unit in rows]
        )
        items = []
        for participant, unit in rows:
            status = plan_status(participant.plan_issued_on, due)
            if plan_filter is not None and status is not plan_filter:
                continue
            allowed = PARTICIPANTS.allowed_actions(actor, Filing(campaign, unit.code))
            items.append(
                ParticipantOut(
                    unit_code=unit.code,
                    unit_name=unit.name,
                    cluster=unit.cluster,
                    joined_at=participant.joined_at,
                    plan_status=status,
                    plan_document_no=participant.plan_document_no,
                    plan_issued_on=participant.plan_issued_on,
                    last_report_on=last_reports.get(unit.code),
                    plan_files=attached_files(plan_files[plan_files_id(campaign.id, unit.code)]),
                    allowed_actions=[ParticipantAction(a) for a in allowed],
                )
            )
        return items

    async def participants_sheet(self, actor: Actor, campaign: Campaign) -> tuple[str, bytes]:
        """The sheet's file name and content: the rows the caller may read."""
        content = participants_workbook(campaign, await self._participants(actor, campaign))
        return f"don-vi-tham-gia-{campaign.code}.xlsx", content

    async def participant(self, campaign: Campaign, unit_code: str) -> Participant:
        participant = await repository.participant(self.session, campaign.id, unit_code)
        if participant is None:
            raise NotFound(code="participant.absent", params={"unit_code": unit_code})
        return participant

    async def file_plan(
        self, actor: Actor, campaign: Campaign, participant: Participant, plan: PlanIn
    ) -> ParticipantOut:
        if campaign.status == CampaignStatus.CLOSED:
            raise InvalidState(code="campaign.closed")
        before = {"document_no": participant.plan_document_no, "issued_on": str(participant.plan_issued_on)}
        participant.plan_document_no = plan.document_no
        participant.plan_issued_on = plan.issued_on
        participant.plan_summary = plan.summary
        await self.session.flush()
        await files.attach(
            self.session,
            plan.file_ids,
            uploaded_by=actor.subject,
            attached_type="plan",
            attached_id=plan_files_id(campaign.id, participant.unit_code),
            replace=True,
        )
        await self.audit(
            actor,
            "plan.filed",
            "participant",
            f"{campaign.id}/{participant.unit_code}",
            before=before,
            after=plan.model_dump(mode="json"),
        )
        (out,) = [
            p for p in await self._participants(actor, campaign) if p.unit_code == participant.unit_code
        ]
        return out

    async def _check_values(self, campaign: Campaign, period_end: date, values: dict[str, Decimal]) -> None:
        if not campaign.starts_on <= period_end <= campaign.ends_on:
            raise conflicting_field(
                "period_end",
                code="report.period_outside",
                starts_on=campaign.starts_on.isoformat(),
                ends_on=campaign.ends_on.isoformat(),
            )
        known = {t.code for t in await campaigns.targets(self.session, campaign.id)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise unknown_reference("values", code="report.unknown_targets", target_codes=", ".join(unknown))

    async def submit_report(self, actor: Actor, campaign: Campaign, data: ReportIn) -> ReportOut:
        PARTICIPANTS.ensure(actor, ParticipantAction.FILE_REPORT, Filing(campaign, data.unit_code))
        if await repository.participant(self.session, campaign.id, data.unit_code) is None:
            raise unknown_reference("unit_code", code="participant.absent", unit_code=data.unit_code)
        if campaign.status != CampaignStatus.ACTIVE:
            raise InvalidState(code="report.campaign_not_active", params=_state(campaign.status))
        await self._check_values(campaign, data.period_end, data.values)
        report = Report(
            campaign_id=campaign.id,
            unit_code=data.unit_code,
            period_end=data.period_end,
            values={k: str(v) for k, v in data.values.items()},
            narrative=data.narrative,
            evidence=[e.model_dump(mode="json") for e in data.evidence],
            status=ReportStatus.SUBMITTED.value,
        )
        self.session.add(report)
        await self.session.flush()
        await files.attach(
            self.session,
            data.file_ids,
            uploaded_by=actor.subject,
            attached_type="report",
            attached_id=str(report.id),
        )
        await self.session.refresh(report)
        await self.audit(
            actor,
            "report.submitted",
            "report",
            str(report.id),
            after={"status": "submitted", "file_ids": [str(f) for f in data.file_ids]},
        )
        return await self.report_detail(actor, report, campaign)

    async def report_detail(self, actor: Actor, report: Report, campaign: Campaign) -> ReportOut:
        attached = await files.attached_to(self.session, "report", str(report.id))
        return report_out(actor, report, campaign, attached)

    async def get_report(self, report_id: uuid.UUID, *, for_update: bool = False) -> tuple[Report, Campaign]:
        report = await repository.report(self.session, report_id, for_update=for_update)
        if report is None:
            raise NotFound(code="report.not_found")
        return report, await self.campaigns.get(report.campaign_id)

    async def reports(
        self,
        actor: Actor,
        campaign: Campaign,
        params: PageParams,
        *,
        unit_code: str | None,
        status: str | None,
    ) -> Page[ReportOut]:
        reports, total = await repository.reports_page(
            self.session,
            campaign.id,
            params,
            units=filing_units(actor, campaign),
            unit_code=unit_code,
            status=status,
        )
        attached = await files.attached_to_many(self.session, "report", [str(r.id) for r in reports])
        return Page(items=[report_out(actor, r, campaign, attached[str(r.id)]) for r in reports], total=total)

    async def resubmit(
        self, actor: Actor, report: Report, campaign: Campaign, data: ReportResubmission
    ) -> ReportOut:
        if report.status != ReportStatus.RETURNED:
            raise InvalidState(code="report.not_returned", params=_state(report.status))
        if campaign.status != CampaignStatus.ACTIVE:
            raise InvalidState(code="report.campaign_not_active", params=_state(campaign.status))
        await self._check_values(campaign, data.period_end, data.values)
        report.period_end = data.period_end
        report.values = {k: str(v) for k, v in data.values.items()}
        report.narrative = data.narrative
        report.evidence = [e.model_dump(mode="json") for e in data.evidence]
        await files.attach(
            self.session,
            data.file_ids,
            uploaded_by=actor.subject,
            attached_type="report",
            attached_id=str(report.id),
            replace=True,
        )
        report.status = ReportStatus.SUBMITTED.value
        report.submitted_at = datetime.now(UTC)
        report.reviewed_at = None
        await self.session.flush()
        await self.audit(
            actor,
            "report.resubmitted",
            "report",
            str(report.id),
            before={"status": "returned"},
            after={"status": "submitted", "file_ids": [str(f) for f in data.file_ids]},
        )
        return await self.report_detail(actor, report, campaign)

    async def review(
        self, actor: Actor, report: Report, campaign: Campaign, *, accept: bool, note: str | None
    ) -> ReportOut:
        if report.status != ReportStatus.SUBMITTED:
            raise InvalidState(code="report.not_submitted", params=_state(report.status))
        destination = ReportStatus.ACCEPTED if accept else ReportStatus.RETURNED
        report.status = destination.value
        report.review_note = note
        report.reviewed_at = datetime.now(UTC)
        await self.session.flush()
        await self.audit(
            actor,
            f"report.{'accepted' if accept else 'returned'}",
            "report",
            str(report.id),
            before={"status": "submitted"},
            after={"status": destination, "review_note": note},
        )
        return await self.report_detail(actor, report, campaign)

    async def kpis(self, actor: Actor, campaign: Campaign, unit_code: str | None = None) -> Page[Kpi]:
        items = await self._kpis(actor, campaign, unit_code)
        return Page(items=items, total=len(items))

    async def _kpis(self, actor: Actor, campaign: Campaign, unit_code: str | None = None) -> list[Kpi]:
        targets = {t.code: t for t in await campaigns.targets(self.session, campaign.id)}
        items = []
        accepted = await repository.latest_accepted(
            self.session, campaign.id, units=filing_units(actor, campaign), unit_code=unit_code
        )
        for report in accepted:
            for code, raw in sorted(report.values.items()):
                target = targets.get(code)
                if target is None:
                    continue
                value = Decimal(raw)
                items.append(
                    Kpi(
                        unit_code=report.unit_code,
                        target_code=code,
                        value=value,
                        progress=progress(value, target.baseline, target.target),
                        period_end=report.period_end,
                    )
                )
        return items

    async def summary(self, actor: Actor, campaign: Campaign, today: date | None = None) -> Summary:
        participants = await self._participants(actor, campaign)
        counts = dict.fromkeys(PlanStatus, 0)
        for participant in participants:
            counts[participant.plan_status] += 1
        reports = await repository.report_counts(self.session, campaign.id, filing_units(actor, campaign))
        kpis = await self._kpis(actor, campaign)
        targets = []
        for target in await campaigns.targets(self.session, campaign.id):
            values = [k.progress for k in kpis if k.target_code == target.code]
            mean = (sum(values, Decimal(0)) / len(values)).quantize(Decimal("0.0001")) if values else None
            targets.append(
                TargetProgress(
                    code=target.code, title=target.title, mean_progress=mean, units_reporting=len(values)
                )
            )
        today = today or today_in_vietnam()
        return Summary(
            campaign_id=campaign.id,
            status=campaign.status,
            participants=len(participants),
            plans=PlanCounts(
                on_time=counts[PlanStatus.ON_TIME],
                late=counts[PlanStatus.LATE],
                missing=counts[PlanStatus.MISSING],
            ),
            reports=ReportCounts(**{s.value: reports.get(s.value, 0) for s in ReportStatus}),
            targets=targets,
            days_left=max((campaign.ends_on - today).days, 0),
        )
