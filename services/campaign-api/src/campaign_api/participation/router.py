"""Participation endpoints: enrolment, plans, reports and their review, KPIs, summary, the participants sheet."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, status
from fastapi.responses import Response

from campaign_api.campaigns.models import Campaign
from campaign_api.campaigns.schemas import CampaignAction
from campaign_api.deps import (
    CampaignDep,
    CampaignReader,
    ParticipationServiceDep,
    ReportDep,
    campaign_for,
    plan_for,
    report_for,
)
from campaign_api.links import ENROLLED, ENROLLED_OPERATIONS, REPORT_ID, REPORT_OPERATIONS, links
from campaign_api.participation.models import Participant, Report
from campaign_api.participation.schemas import (
    Enrolment,
    Kpi,
    ParticipantAction,
    ParticipantOut,
    PlanIn,
    PlanStatus,
    ReportAction,
    ReportIn,
    ReportOut,
    ReportResubmission,
    ReportStatus,
    ReviewNote,
    Summary,
    UnitCode,
)
from service_kit.errors import PROBLEM
from service_kit.pagination import Page, PageParamsDep

router = APIRouter(tags=["participation"])

ERRORS: dict[int | str, dict[str, Any]] = {403: PROBLEM, 404: PROBLEM, 409: PROBLEM, 422: PROBLEM}
READ_ERRORS: dict[int | str, dict[str, Any]] = {403: PROBLEM, 404: PROBLEM}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

CampaignToEnrol = Annotated[Campaign, Depends(campaign_for(CampaignAction.ENROL))]
CampaignToExport = Annotated[Campaign, Depends(campaign_for(CampaignAction.EXPORT_PARTICIPANTS))]
PlanToFile = Annotated[tuple[Campaign, Participant], Depends(plan_for(ParticipantAction.FILE_PLAN))]
ReportToResubmit = Annotated[tuple[Report, Campaign], Depends(report_for(ReportAction.RESUBMIT))]
ReportToAccept = Annotated[tuple[Report, Campaign], Depends(report_for(ReportAction.ACCEPT))]
ReportToReturn = Annotated[tuple[Report, Campaign], Depends(report_for(ReportAction.RETURN))]


@router.post(
    "/v1/campaigns/{campaign_id}/participants",
    summary="Enrol units (all or nothing: an unknown code enrols none)",
    responses={**ERRORS, **links(200, ENROLLED, *ENROLLED_OPERATIONS)},
)
async def enrol(
    campaign: CampaignToEnrol, data: Enrolment, actor: CampaignReader, service: ParticipationServiceDep
) -> Page[ParticipantOut]:
    return await service.enrol(actor, campaign, data.unit_codes)


@router.get(
    "/v1/campaigns/{campaign_id}/participants",
    summary="The participants (a manager who does not run the movement sees its own units)",
    responses=READ_ERRORS,
)
async def list_participants(
    campaign: CampaignDep,
    actor: CampaignReader,
    service: ParticipationServiceDep,
    plan_status: Annotated[PlanStatus | None, Query(description="e.g. late or missing")] = None,
) -> Page[ParticipantOut]:
    return await service.participants(actor, campaign, plan_status)


@router.get(
    "/v1/campaigns/{campaign_id}/participants.xlsx",
    summary="The participants with their plan status, as a spreadsheet (the rows the caller may read)",
    response_class=Response,
    responses={200: {"content": {XLSX: {}}}, **READ_ERRORS},
)
async def participants_sheet(
    campaign: CampaignToExport, actor: CampaignReader, service: ParticipationServiceDep
) -> Response:
    filename, content = await service.participants_sheet(actor, campaign)
    return Response(
        content, media_type=XLSX, headers={"Content-Disposition": f'attachment; filename="{filename}"'}
    )


@router.put(
    "/v1/campaigns/{campaign_id}/participants/{unit_code}/plan",
    summary="File (or replace) a participant's implementation plan",
    responses=ERRORS,
)
async def file_plan(
    plan: PlanToFile, data: PlanIn, actor: CampaignReader, service: ParticipationServiceDep
) -> ParticipantOut:
    campaign, participant = plan
    return await service.file_plan(actor, campaign, participant, data)


@router.post(
    "/v1/campaigns/{campaign_id}/reports",
    status_code=status.HTTP_201_CREATED,
    summary="A participant files a progress report",
    responses={**ERRORS, **links(201, REPORT_ID, *REPORT_OPERATIONS)},
)
async def submit_report(
    campaign: CampaignDep, data: ReportIn, actor: CampaignReader, service: ParticipationServiceDep
) -> ReportOut:
    return await service.submit_report(actor, campaign, data)


@router.get(
    "/v1/campaigns/{campaign_id}/reports",
    summary="Reports (a manager who does not run the movement sees its own units')",
    responses=READ_ERRORS,
)
async def list_reports(
    campaign: CampaignDep,
    actor: CampaignReader,
    page: PageParamsDep,
    service: ParticipationServiceDep,
    unit_code: Annotated[UnitCode | None, Query()] = None,
    status_: Annotated[ReportStatus | None, Query(alias="status")] = None,
) -> Page[ReportOut]:
    return await service.reports(actor, campaign, page, unit_code=unit_code, status=status_)


@router.get("/v1/reports/{report_id}", responses=READ_ERRORS)
async def get_report(report: ReportDep, actor: CampaignReader, service: ParticipationServiceDep) -> ReportOut:
    return await service.report_detail(actor, *report)


@router.put("/v1/reports/{report_id}", summary="Submit a returned report again, corrected", responses=ERRORS)
async def resubmit_report(
    report: ReportToResubmit,
    data: ReportResubmission,
    actor: CampaignReader,
    service: ParticipationServiceDep,
) -> ReportOut:
    return await service.resubmit(actor, *report, data)


@router.post(
    "/v1/reports/{report_id}/accept", summary="The organiser accepts a submitted report", responses=ERRORS
)
async def accept_report(
    report: ReportToAccept, actor: CampaignReader, service: ParticipationServiceDep
) -> ReportOut:
    return await service.review(actor, *report, accept=True, note=None)


@router.post(
    "/v1/reports/{report_id}/return",
    summary="The organiser returns a submitted report with a note",
    responses=ERRORS,
)
async def return_report(
    report: ReportToReturn, data: ReviewNote, actor: CampaignReader, service: ParticipationServiceDep
) -> ReportOut:
    return await service.review(actor, *report, accept=False, note=data.review_note)


@router.get(
    "/v1/campaigns/{campaign_id}/kpis",
    summary="Each unit's progress per target, from its latest accepted report (the units the caller reads)",
    responses=READ_ERRORS,
)
async def kpis(
    campaign: CampaignDep,
    actor: CampaignReader,
    service: ParticipationServiceDep,
    unit_code: Annotated[UnitCode | None, Query()] = None,
) -> Page[Kpi]:
    return await service.kpis(actor, campaign, unit_code)


@router.get(
    "/v1/campaigns/{campaign_id}/summary",
    summary="What the dashboard shows of a movement (over the units the caller reads)",
    responses=READ_ERRORS,
)
async def summary(campaign: CampaignDep, actor: CampaignReader, service: ParticipationServiceDep) -> Summary:
    return await service.summary(actor, campaign)
