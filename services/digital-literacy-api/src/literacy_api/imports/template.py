"""The import template: the data sheet with the Vietnamese headers (codes kept as text so Excel does not
drop their leading zeros, drop-down lists for the coded columns), the instructions and the course list."""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from literacy_api.imports.columns import COLUMNS
from literacy_api.learners.schemas import CATEGORY_LABELS, GENDER_LABELS
from literacy_api.spreadsheets import xlsx_row
from literacy_api.training.schemas import STATUS_LABELS

DATA_ROWS = 50_000  # how far the drop-down lists and text formats reach
TEXT_COLUMNS = {"national_id", "commune_code", "unit_code", "course_code"}
LISTS: dict[str, Mapping[Any, str]] = {
    "gender": GENDER_LABELS,
    "category": CATEGORY_LABELS,
    "status": STATUS_LABELS,
}


def build_template(courses: list[tuple[str, str]]) -> bytes:
    workbook = Workbook()
    data = workbook.active
    assert data is not None
    data.title = "Dữ liệu"
    bold = Font(bold=True)
    required_fill = PatternFill("solid", fgColor="FFF2CC")
    values = workbook.create_sheet("Danh mục")
    for index, column in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        cell = data.cell(row=1, column=index, value=column.header_vi)
        cell.font = bold
        if column.required:
            cell.fill = required_fill
        data.column_dimensions[letter].width = max(14, len(column.header_vi) + 4)
        if column.name in TEXT_COLUMNS:
            # The whole column as text (not cells: those would count as filled rows).
            data.column_dimensions[letter].number_format = "@"
        if column.name in LISTS:
            labels = list(LISTS[column.name].values())
            list_index = list(LISTS).index(column.name) + 1
            list_column = get_column_letter(list_index)
            values.cell(row=1, column=list_index, value=column.header_vi).font = bold
            for row, label in enumerate(labels, start=2):
                values.cell(row=row, column=list_index, value=label)
            validation = DataValidation(
                type="list",
                formula1=f"='Danh mục'!${list_column}$2:${list_column}${len(labels) + 1}",
                allow_blank=not column.required,
                showErrorMessage=True,
                errorTitle=column.header_vi,
                error=column.hint_vi,
            )
            data.add_data_validation(validation)
            validation.add(f"{letter}2:{letter}{DATA_ROWS}")
    data.freeze_panes = "A2"

    guide = workbook.create_sheet("Hướng dẫn")
    guide.append(["Cột", "Tên trong API", "Bắt buộc", "Cách ghi"])
    for column in COLUMNS:
        guide.append([column.header_vi, column.name, "Có" if column.required else "", column.hint_vi])
    guide.append([])
    guide.append(
        ["Mỗi dòng là việc học một khóa của một người; người học được tạo hoặc cập nhật theo Số CCCD."]
    )
    guide.append(
        [
            "Nhập lại cùng một tệp không thay đổi gì. Dòng lỗi được liệt kê trong báo cáo lỗi, dòng đúng vẫn được nhập."
        ]
    )
    guide.append(["Có thể gửi tệp CSV UTF-8 (dấu phẩy hoặc chấm phẩy) với cùng tiêu đề cột."])
    for row in guide.iter_rows(min_row=1, max_row=1):
        for cell in row:
            cell.font = bold
    for letter, width in zip("ABCD", (20, 16, 10, 70), strict=True):
        guide.column_dimensions[letter].width = width

    catalogue = workbook.create_sheet("Khóa học")
    catalogue.append(["Mã khóa học", "Tên khóa học"])
    for cell in catalogue[1]:
        cell.font = bold
    for row, (code, title) in enumerate(courses, start=2):
        # Typed by administrators: never a live formula in the officials' Excel.
        xlsx_row(catalogue, row, [code, title])
    catalogue.column_dimensions["A"].width = 18
    catalogue.column_dimensions["B"].width = 80

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
