"""The annual statistical report forms on emulation and commendation (Thông tư 02/2023/TT-BNV,
biểu 0601–0605) as xlsx sheets, from the figures the service counted.

What each form counts (and from where):
- 0601: movements (campaign rows, not drafts) whose period overlaps the year, by the movement's level;
  of them, those launched in the year; and the distinct units taking part in them.
- 0602 / 0603: issued (not revoked) commendation decisions signed in the year whose title or form is
  state-level (0602) or ministry/province-level (0603) in the catalogue of the Law 2022, per title or
  form: decisions, collectives and individuals awarded.
- 0604: the units of the directory by kind, those with an active account of an emulation official (a
  manager, not an administrator) and the number of such officials (each once, under its first unit).
  The directory and the accounts keep no history: these are the figures when the form is downloaded.
- 0605: the same officials, and the council members who are not among them; the platform keeps no
  birth date nor sex of its officials, so those columns are left empty and the sheet says so.

Every text cell goes through `safe_row` (formulas neutralised, control characters removed)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from service_kit.spreadsheets import safe_row

FORMS = ("0601", "0602", "0603", "0604", "0605")

TITLES = {
    "0601": "Số phong trào thi đua theo cấp phát động",
    "0602": "Số khen thưởng cấp Nhà nước",
    "0603": "Số khen thưởng cấp bộ, ban, ngành, tỉnh",
    "0604": "Tổ chức và cán bộ làm công tác thi đua, khen thưởng",
    "0605": "Cán bộ làm công tác thi đua, khen thưởng theo độ tuổi và giới tính",
}

HEADERS = {
    "0601": (
        "STT",
        "Cấp phát động",
        "Tổng số phong trào",
        "Trong đó: phát động trong năm",
        "Số đơn vị tham gia",
    ),
    "0602": ("STT", "Danh hiệu, hình thức khen thưởng", "Số quyết định", "Tổng số", "Tập thể", "Cá nhân"),
    "0603": ("STT", "Danh hiệu, hình thức khen thưởng", "Số quyết định", "Tổng số", "Tập thể", "Cá nhân"),
    "0604": (
        "STT",
        "Loại đơn vị",
        "Số đơn vị",
        "Số đơn vị có cán bộ làm công tác thi đua, khen thưởng",
        "Số cán bộ làm công tác thi đua, khen thưởng",
    ),
    "0605": ("STT", "Đối tượng", "Tổng số", "Nữ", "Dưới 30 tuổi", "Từ 30 đến 50 tuổi", "Trên 50 tuổi"),
}

NOTES = {
    "0605": "Nền tảng chưa lưu ngày sinh và giới tính của cán bộ: các cột Nữ và độ tuổi để trống, "
    "đơn vị báo cáo điền bổ sung.",
}

LEVEL_NAMES = {
    "national": "Toàn quốc",
    "ministry": "Bộ, ban, ngành trung ương",
    "province": "Tỉnh",
    "department": "Sở, ban, ngành, huyện",
    "commune": "Xã, phường, thị trấn",
}

KIND_NAMES = {
    "province": "Tỉnh",
    "department": "Sở, ban, ngành",
    "agency": "Cơ quan, đơn vị",
    "commune": "Xã, phường, thị trấn",
    "school": "Trường học",
    "enterprise": "Doanh nghiệp",
    "other": "Khác",
}


@dataclass(frozen=True)
class FormSheet:
    """One form's figures: its rows (label and counts, None for a cell the platform cannot fill)."""

    form: str
    year: int
    rows: Sequence[tuple[str, Sequence[int | None]]]


def workbook(sheet_data: FormSheet) -> bytes:
    form = sheet_data.form
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = f"Biểu {form}"
    sheet.append(safe_row([f"Biểu số {form}: {TITLES[form]}"]))
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(safe_row([f"Năm {sheet_data.year} (Thông tư 02/2023/TT-BNV)"]))
    sheet.append([])
    headers = HEADERS[form]
    sheet.append(list(headers))
    for cell in sheet[4]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    totals: list[int | None] = [None] * (len(headers) - 2)
    for number, (label, counts) in enumerate(sheet_data.rows, start=1):
        sheet.append(safe_row([number, label, *counts]))
        for index, count in enumerate(counts):
            if count is not None:
                totals[index] = (totals[index] or 0) + count
    sheet.append(safe_row(["", "Tổng cộng", *totals]))
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    if form in NOTES:
        sheet.append([])
        sheet.append(safe_row([f"Ghi chú: {NOTES[form]}"]))
    sheet.column_dimensions["A"].width = 6
    sheet.column_dimensions["B"].width = 48
    for column in "CDEFG":
        sheet.column_dimensions[column].width = 18
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
