"""The participants sheet for officials who work in Excel (Vietnamese headers, dates as dd/mm/yyyy).

Every text cell goes through `safe_row`: a name starting like a formula (`=`, `+`, `-`, `@`) is written
as text, and control characters (which openpyxl refuses) are removed, so one odd name never breaks
the sheet nor runs in the reader's spreadsheet program."""

from __future__ import annotations

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font

from campaign_api.campaigns.models import Campaign
from campaign_api.participation.schemas import ParticipantOut, PlanStatus
from service_kit.spreadsheets import safe_row

HEADERS = (
    "Mã đơn vị",
    "Tên đơn vị",
    "Cụm/khối thi đua",
    "Ngày tham gia",
    "Số kế hoạch",
    "Ngày ban hành kế hoạch",
    "Tình trạng kế hoạch",
    "Báo cáo gần nhất",
)
PLAN_STATUS_VI = {PlanStatus.ON_TIME: "Đúng hạn", PlanStatus.LATE: "Trễ hạn", PlanStatus.MISSING: "Chưa có"}
DATE_FORMAT = "DD/MM/YYYY"


def participants_workbook(campaign: Campaign, participants: list[ParticipantOut]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Đơn vị tham gia"
    sheet.append(safe_row([f"{campaign.code} — {campaign.title}"]))
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(list(HEADERS))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for p in participants:
        sheet.append(
            safe_row(
                [
                    p.unit_code,
                    p.unit_name,
                    p.cluster or "",
                    p.joined_at.date(),
                    p.plan_document_no or "",
                    p.plan_issued_on,
                    PLAN_STATUS_VI[p.plan_status],
                    p.last_report_on,
                ]
            )
        )
    for column in ("D", "F", "H"):
        for cell in sheet[column][2:]:
            cell.number_format = DATE_FORMAT
    for column, width in zip("ABCDEFGH", (16, 48, 24, 14, 18, 16, 16, 16), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A3"
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
