"""The ranking as officials take it away: a spreadsheet and a CSV, with Vietnamese headers."""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Font

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
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Xếp hạng"
    sheet.append([safe_cell(title)])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(list(HEADERS))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for item in items:
        sheet.append(_row(item))
    for cell in sheet["F"][2:]:
        cell.number_format = "0.00"
    for column, width in zip("ABCDEFGH", (28, 8, 44, 16, 16, 12, 28, 16), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A3"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def ranking_csv(items: list[RankingItem]) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(HEADERS)
    for item in items:
        row = _row(item)
        row[5] = f"{item.total:.2f}"
        writer.writerow(row)
    # With a BOM, so that Excel opens the Vietnamese text as UTF-8.
    return ("\ufeff" + text.getvalue()).encode()
