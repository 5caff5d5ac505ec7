"""The import file's columns (the contract's names and the template's Vietnamese headers) and the values
people write in them ("Nữ", "Hoàn thành", "Người dân" as well as female, completed, citizen)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from literacy_api.learners.schemas import CATEGORY_LABELS, GENDER_LABELS, Category, Gender
from literacy_api.training.schemas import STATUS_LABELS, RecordStatus
from service_kit.text import fold


@dataclass(frozen=True)
class Column:
    name: str
    header_vi: str
    required: bool
    hint_vi: str


COLUMNS = (
    Column("national_id", "Số CCCD", True, "12 chữ số, ví dụ 066190000123"),
    Column("full_name", "Họ và tên", True, "Họ và tên đầy đủ, có dấu"),
    Column("date_of_birth", "Ngày sinh", True, "dd/mm/yyyy"),
    Column("gender", "Giới tính", True, "Nam, Nữ hoặc Khác"),
    Column("ethnicity", "Dân tộc", False, "Ví dụ: Kinh, Ê Đê, M'Nông"),
    Column("commune_code", "Mã xã/phường", True, "Mã 5 chữ số của xã, phường, đặc khu"),
    Column(
        "category", "Đối tượng", True, "Cán bộ, Công chức, Viên chức, Người lao động, Người dân, Học sinh"
    ),
    Column("unit_code", "Mã đơn vị", False, "Mã cơ quan, đơn vị (nếu có)"),
    Column("course_code", "Mã khóa học", True, "Mã khóa học trong danh mục"),
    Column("status", "Trạng thái", True, "Đã ghi danh, Đang học, Hoàn thành, Không đạt"),
    Column("progress", "Tiến độ (%)", False, "0 đến 100; để trống khi hoàn thành"),
    Column("score", "Điểm", False, "0 đến 100"),
    Column("completed_on", "Ngày hoàn thành", False, "dd/mm/yyyy; bắt buộc khi Hoàn thành"),
    Column("enrolled_on", "Ngày ghi danh", False, "dd/mm/yyyy; để trống: ngày nhập"),
)
REQUIRED = tuple(c.name for c in COLUMNS if c.required)
HEADERS = (
    {fold(c.name): c.name for c in COLUMNS}
    | {fold(c.header_vi): c.name for c in COLUMNS}
    | {"cccd": "national_id", "so cmnd/cccd": "national_id", "tien do": "progress", "ma xa": "commune_code"}
)


def _vocabulary(labels: Mapping[Any, str], *extra: tuple[str, str]) -> dict[str, str]:
    words = {fold(code): str(code) for code in labels} | {
        fold(label): str(code) for code, label in labels.items()
    }
    return words | {fold(word): code for word, code in extra}


GENDERS = _vocabulary(GENDER_LABELS, ("nu", Gender.FEMALE))
CATEGORIES = _vocabulary(
    CATEGORY_LABELS,
    ("hoc sinh", Category.STUDENT),
    ("sinh vien", Category.STUDENT),
    ("nguoi lao dong", Category.WORKER),
    ("civil servant", Category.CIVIL_SERVANT),
    ("public employee", Category.PUBLIC_EMPLOYEE),
)
STATUSES = _vocabulary(
    STATUS_LABELS,
    ("ghi danh", RecordStatus.ENROLLED),
    ("dang hoc tap", RecordStatus.IN_PROGRESS),
    ("in progress", RecordStatus.IN_PROGRESS),
    ("khong hoan thanh", RecordStatus.FAILED),
)


def column_of(header: str) -> str | None:
    """The contract name of a header cell, whichever way it is written ("Số CCCD", "so cccd", "national_id")."""
    return HEADERS.get(fold(header))
