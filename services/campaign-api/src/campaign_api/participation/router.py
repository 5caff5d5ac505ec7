"""Participation endpoints: enrolment, plans, reports and their review, KPIs, summary, the participants sheet."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, status
from fastapi.responses import Response

from campaign_api.campaigns.router import CampaignServiceDep
from campaign_api.deps import ReaderDep
from campaign_api.participation import repository
from campaign_api.participation.schemas import (
    Enrolment,
    Kpi,
    ParticipantOut,
    PlanIn,
    PlanStatus,
    ReportIn,
    ReportOut,
    ReportResubmission,
    ReportStatus,
    ReviewNote,
    Summary,
)
from campaign_api.participation.service import ParticipationService
from campaign_api.participation.spreadsheet import participants_workbook
from service_kit.auth import PrincipalDep
from service_kit.db import SessionDep
from service_kit.errors import PROBLEM
from service_kit.pagination import Page, PageParamsDep, paginate

router = APIRouter(tags=["participation"])

ERRORS: dict[int | str, dict[str, Any]] = {403: PROBLEM, 404: PROBLEM, 409: PROBLEM, 422: PROBLEM}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def get_participation_service(session: SessionDep, campaigns: CampaignServiceDep) -> ParticipationService:
    return ParticipationService(session=session, campaigns=campaigns)


ParticipationDep = Annotated[ParticipationService, Depends(get_participation_service)]


@router.post(
    "/v1/campaigns/{campaign_id}/participants",
    summary="Enrol units (all or nothing: an unknown code enrols none)",
    responses=ERRORS,
)
async def enrol(
    campaign_id: uuid.UUID, data: Enrolment, actor: PrincipalDep, service: ParticipationDep
) -> Page[ParticipantOut]:
    campaign = await service.campaigns.get(campaign_id, for_update=True)
    await service.enrol(actor, campaign, data.unit_codes)
    items = await service.participants(campaign)
    return Page(items=items, total=len(items))


@router.get("/v1/campaigns/{campaign_id}/participants", responses={404: PROBLEM})
async def list_participants(
    campaign_id: uuid.UUID,
    _: ReaderDep,
    service: ParticipationDep,
    plan_status: Annotated[PlanStatus | None, Query(description="e.g. late or missing")] = None,
) -> Page[ParticipantOut]:
    campaign = await service.campaigns.get(campaign_id)
    items = await service.participants(campaign, plan_status)
    return Page(items=items, total=len(items))


@router.get(
    "/v1/campaigns/{campaign_id}/participants.xlsx",
    summary="The participants with their plan status, as a spreadsheet",
    response_class=Response,
    responses={200: {"content": {XLSX: {}}}, 404: PROBLEM},
)
async def participants_sheet(campaign_id: uuid.UUID, _: ReaderDep, service: ParticipationDep) -> Response:
    campaign = await service.campaigns.get(campaign_id)
    content = participants_workbook(campaign, await service.participants(campaign))
    filename = f"don-vi-tham-gia-{campaign.code}.xlsx"
    return Response(
        content, media_type=XLSX, headers={"Content-Disposition": f'attachment; filename="{filename}"'}
    )


@router.put(
    "/v1/campaigns/{campaign_id}/participants/{unit_code}/plan",
    summary="File (or replace) a participant's implementation plan",
    responses=ERRORS,
)
async def file_plan(
    campaign_id: uuid.UUID, unit_code: str, data: PlanIn, actor: PrincipalDep, service: ParticipationDep
) -> ParticipantOut:
    campaign = await service.campaigns.get(campaign_id)
    return await service.file_plan(actor, campaign, unit_code, data)


@router.post(
    "/v1/campaigns/{campaign_id}/reports",
    status_code=status.HTTP_201_CREATED,
    summary="A participant files a progress report",
    responses=ERRORS,
)
async def submit_report(
    campaign_id: uuid.UUID, data: ReportIn, actor: PrincipalDep, service: ParticipationDep
) -> ReportOut:
    campaign = await service.campaigns.get(campaign_id)
    return ReportOut.model_validate(await service.submit_report(actor, campaign, data))


@router.get("/v1/campaigns/{campaign_id}/reports", responses={404: PROBLEM})
async def list_reports(
    campaign_id: uuid.UUID,
    _: ReaderDep,
    session: SessionDep,
    page: PageParamsDep,
    service: ParticipationDep,
    unit_code: Annotated[str | None, Query(max_length=32)] = None,
    status_: Annotated[ReportStatus | None, Query(alias="status")] = None,
) -> Page[ReportOut]:
    await service.campaigns.get(campaign_id)
    reports, total = await paginate(
        session, repository.reports_query(campaign_id, unit_code=unit_code, status=status_), page
    )
    return Page(items=[ReportOut.model_validate(r) for r in reports], total=total)


@router.get("/v1/reports/{report_id}", responses={404: PROBLEM})
async def get_report(report_id: uuid.UUID, _: ReaderDep, service: ParticipationDep) -> ReportOut:
    report, _campaign = await service.get_report(report_id)
    return ReportOut.model_validate(report)


@router.put("/v1/reports/{report_id}", summary="Submit a returned report again, corrected", responses=ERRORS)
async def resubmit_report(
    report_id: uuid.UUID, data: ReportResubmission, actor: PrincipalDep, service: ParticipationDep
) -> ReportOut:
    report, campaign = await service.get_report(report_id)
    return ReportOut.model_validate(await service.resubmit(actor, report, campaign, data))


@router.post(
    "/v1/reports/{report_id}/accept", summary="The organiser accepts a submitted report", responses=ERRORS
)
async def accept_report(report_id: uuid.UUID, actor: PrincipalDep, service: ParticipationDep) -> ReportOut:
    report, campaign = await service.get_report(report_id)
    return ReportOut.model_validate(await service.review(actor, report, campaign, accept=True, note=None))


@router.post(
    "/v1/reports/{report_id}/return",
    summary="The organiser returns a submitted report with a note",
    responses=ERRORS,
)
async def return_report(
    report_id: uuid.UUID, data: ReviewNote, actor: PrincipalDep, service: ParticipationDep
) -> ReportOut:
    report, campaign = await service.get_report(report_id)
    return ReportOut.model_validate(
        await service.review(actor, report, campaign, accept=False, note=data.review_note)
    )


@router.get(
    "/v1/campaigns/{campaign_id}/kpis",
    summary="Each unit's progress per target, from its latest accepted report",
    responses={404: PROBLEM},
)
async def kpis(
    campaign_id: uuid.UUID,
    _: ReaderDep,
    service: ParticipationDep,
    unit_code: Annotated[str | None, Query(max_length=32)] = None,
) -> Page[Kpi]:
    campaign = await service.campaigns.get(campaign_id)
    items = await service.kpis(campaign, unit_code)
    return Page(items=items, total=len(items))


@router.get(
    "/v1/campaigns/{campaign_id}/summary",
    summary="What the dashboard shows of a movement",
    responses={404: PROBLEM},
)
async def summary(campaign_id: uuid.UUID, _: ReaderDep, service: ParticipationDep) -> Summary:
    return await service.summary(await service.campaigns.get(campaign_id))
