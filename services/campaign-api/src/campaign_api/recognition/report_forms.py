"""The annual statistical report forms on emulation and commendation (Thông tư 02/2023/TT-BNV,
biểu 0601–0605) as xlsx sheets, from the figures the service counted.

What each form counts (and from where):
- 0601: movements (campaign rows, not drafts) whose period overlaps the year, by the movement's level;
  of them, those launched in the year; and the distinct units taking part in them.
- 0602 / 0603: issued (not revoked) commendation decisions signed in the year whose title or form is
  state-level (0602) or ministry/province-level (0603) in the catalogue of the Law 2022, per title or
  form: decisions, collectives and individuals awarded.
- 0604: the units of the directory made by the year's end, by kind; those with an account of an
  emulation official (a manager, not an administrator) active at the year's end; and the number of such
  officials (each once, under its first unit). The accounts as they stood at the year's end come from the
  audit trail's snapshots of them (roles, units, active); a unit's kind is taken as it stands.
- 0605: the same officials, and the council members who are not among them: the total, the women, the
  ages on 31 December by band, and (as their own columns) those whose account gives no sex or no birth
  date (both optional fields of an official's account).

The sheet's layout follows the statistics forms: the form's number and name, the year, the reporting and
receiving units, the column titles, then a row numbering the columns (A, B, 1, 2, …). The column titles
are written from the forms' contents; they have not been checked against the annex of Thông tư 02/2023.

Every text cell goes through `safe_row` (formulas neutralised, control characters removed)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from io import BytesIO
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

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
    "0605": (
        "STT",
        "Đối tượng",
        "Tổng số",
        "Trong đó: Nữ",
        "Dưới 30 tuổi",
        "Từ 30 đến 40 tuổi",
        "Từ 41 đến 50 tuổi",
        "Từ 51 đến 60 tuổi",
        "Trên 60 tuổi",
        "Chưa khai giới tính",
        "Chưa khai ngày sinh",
    ),
}

AGE_BANDS: tuple[tuple[int, int | None], ...] = ((0, 29), (30, 40), (41, 50), (51, 60), (61, None))
"""The age bands of form 0605 (age on 31 December of the year), in the order of its columns."""

NOTES = {
    "0604": "Số liệu tại thời điểm 31/12 của năm báo cáo (tài khoản theo nhật ký thay đổi).",
    "0605": "Độ tuổi tính đến 31/12 của năm báo cáo. Giới tính và ngày sinh là thông tin không bắt buộc "
    "của tài khoản cán bộ: người chưa khai được đếm ở hai cột cuối.",
}

RECEIVER = "Bộ Nội vụ"
"""Who receives the province's annual forms."""

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
class OfficialThen:
    """An official's account as it stood at a moment: roles and units then; sex and birth date (which do
    not change) as recorded."""

    roles: list[str]
    unit_codes: list[str]
    sex: str | None
    birth_date: date | None


@dataclass(frozen=True)
class AccountEvent:
    """One audit event of an account: when, and its snapshot before and after (None: none)."""

    occurred_at: datetime
    before: dict[str, Any] | None
    after: dict[str, Any] | None


def stood_at(now: dict[str, Any], events: Sequence[AccountEvent], until: datetime) -> dict[str, Any] | None:
    """An account as it stood just before `until`, from its audit events (oldest first): the snapshot
    after the last event before `until`; else, where it changed only later, the snapshot before the first
    of those changes (None: that change made it, it did not exist yet); else, never changed, as it is
    `now`."""
    earlier = [e for e in events if e.occurred_at < until and e.after is not None]
    if earlier:
        return earlier[-1].after
    later = [e for e in events if e.occurred_at >= until]
    if later:
        return later[0].before
    return now


@dataclass(frozen=True)
class FormSheet:
    """One form's figures: its rows (label and counts, None for a cell the platform cannot fill)."""

    form: str
    year: int
    rows: Sequence[tuple[str, Sequence[int | None]]]
    reporting_unit: str | None = None


def workbook(sheet_data: FormSheet) -> bytes:
    form = sheet_data.form
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = f"Biểu {form}"
    sheet.append(safe_row([f"Biểu số {form}: {TITLES[form]}"]))
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(safe_row([f"Năm {sheet_data.year} (Thông tư 02/2023/TT-BNV)"]))
    sheet.append(
        safe_row([f"Đơn vị báo cáo: {sheet_data.reporting_unit or '…'}. Đơn vị nhận báo cáo: {RECEIVER}."])
    )
    headers = HEADERS[form]
    sheet.append(list(headers))
    for cell in sheet[4]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    sheet.append(["A", "B", *(str(n) for n in range(1, len(headers) - 1))])
    for cell in sheet[5]:
        cell.font = Font(italic=True)
        cell.alignment = Alignment(horizontal="center")
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
    for index in range(3, len(headers) + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 16
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
