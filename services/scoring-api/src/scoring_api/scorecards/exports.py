"""The ranking as officials take it away: a spreadsheet and a CSV, with Vietnamese headers."""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from scoring_api.scorecards.schemas import RankingItem
from service_kit.spreadsheets import safe_cell, safe_row

HEADERS = (
    "Cụm/khối thi đua",
    "Hạng",
    "Đơn vị/cá nhân",
    "Mã",
    "Mã đơn vị",
    "Tổng điểm",
    "Xếp loại",
    "Trạng thái",
)

TOTAL_COLUMN = HEADERS.index("Tổng điểm")


def _row(item: RankingItem) -> list[object]:
    """One subject's row; its texts (names, codes, clusters and bands come from people and other
    services) are written so that no spreadsheet program runs them, without control characters."""
    return safe_row(
        [
            item.cluster or "",
            item.rank,
            item.subject_name,
            item.subject_id,
            item.unit_code,
            float(item.total),
            item.band or "",
            "Tạm thời" if item.provisional else "Đã phê duyệt",
        ]
    )


def ranking_xlsx(title: str, items: list[RankingItem]) -> bytes:
    """The sheet, streamed row by row (openpyxl's write-only mode: a province's ranking holds 10,000 rows)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Xếp hạng")
    for column, width in zip("ABCDEFGH", (28, 8, 44, 16, 16, 12, 28, 16), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A3"
    sheet.append([_styled(sheet, safe_cell(title), font=Font(bold=True, size=13))])
    bold = Font(bold=True)
    sheet.append([_styled(sheet, header, font=bold) for header in HEADERS])
    for item in items:
        row = _row(item)
        row[TOTAL_COLUMN] = _styled(sheet, row[TOTAL_COLUMN], number_format="0.00")
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _styled(
    sheet: WriteOnlyWorksheet, value: object, *, font: Font | None = None, number_format: str = ""
) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    if font is not None:
        cell.font = font
    if number_format:
        cell.number_format = number_format
    return cell


def ranking_csv(items: list[RankingItem]) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(HEADERS)
    for item in items:
        row = _row(item)
        row[TOTAL_COLUMN] = f"{item.total:.2f}"
        writer.writerow(row)
    # With a BOM, so that Excel opens the Vietnamese text as UTF-8.
    return ("\ufeff" + text.getvalue()).encode()
