"""One row of an import file checked and turned into what the staging table holds, or the reasons it is
rejected (in Vietnamese: the error report goes back to the commune that sent the file)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from literacy_api.imports.columns import CATEGORIES, GENDERS, STATUSES
from literacy_api.imports.reader import UNREADABLE_BYTES
from literacy_api.training.schemas import RecordStatus
from reference_data.localities import localities
from reference_data.personal_data import PersonalDataCipher, mask_national_id
from service_kit.text import fold

NATIONAL_ID = "national_id"
_DIGITS = re.compile(r"^[0-9]+$")
# Control characters (C0 but none of them welcome in one cell, DEL, C1) and undecodable bytes.
_BAD_CHARACTERS = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_DATE_VN = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")

# The staging table's columns, in the order `RowChecker.check` returns them.
STAGE_COLUMNS = (
    "line",
    "nid_hash",
    "nid_encrypted",
    "nid_masked",
    "full_name",
    "full_name_folded",
    "date_of_birth",
    "gender",
    "ethnicity",
    "commune_code",
    "province_code",
    "category",
    "unit_code",
    "course_code",
    "status",
    "progress",
    "score",
    "enrolled_on",
    "completed_on",
)


class RowRejected(Exception):
    def __init__(self, reasons: list[str]) -> None:
        super().__init__("; ".join(reasons))
        self.reasons = reasons


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _code(value: Any, width: int) -> str:
    """Excel turns codes into numbers and drops their leading zeros: 66190000123 → 066190000123."""
    text = _text(value).replace(" ", "")
    if _DIGITS.match(text) and len(text) == width - 1 and (isinstance(value, int | float) or text[0] != "0"):
        return text.zfill(width)
    return text


def parse_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return _parse_date_text(_text(value))


@functools.lru_cache(maxsize=65_536)
def _parse_date_text(text: str) -> date:
    """Files repeat the same dates (enrolment days, birthdays) thousands of times: parsed once each."""
    if match := _DATE_VN.match(text):
        day, month, year = (int(g) for g in match.groups())
        return date(year, month, day)
    if match := _DATE_ISO.match(text):
        year, month, day = (int(g) for g in match.groups())
        return date(year, month, day)
    raise ValueError(text)


@dataclass
class RowChecker:
    """Checks rows against the catalogue and the submitter's scope; encrypts and hashes the national ID."""

    cipher: PersonalDataCipher
    course_codes: Collection[str]
    today: date
    scope_units: Collection[str] | None = None
    scope_communes: Collection[str] | None = None
    known_units: Collection[str] | None = None
    """The unit codes campaign-api's directory has (None: not checked); see `unit_codes_of`."""

    def check(self, line: int, row: Mapping[str, Any]) -> tuple[Any, ...]:
        reasons: list[str] = []
        if row.get(UNREADABLE_BYTES):
            reasons.append("dòng có byte NUL hoặc byte không phải UTF-8")

        def field(name: str, label: str, convert: Callable[[Any], Any], *, required: bool = False) -> Any:
            raw = row.get(name)
            if _text(raw) == "":
                if required:
                    reasons.append(f"thiếu {label}")
                return None
            if _BAD_CHARACTERS.search(_text(raw)):
                reasons.append(f"{label} chứa ký tự điều khiển, byte NUL hoặc byte không phải UTF-8")
                return None
            shown = "" if name == NATIONAL_ID else f" '{_text(raw)[:40]}'"  # never echo an ID back
            try:
                return convert(raw)
            except KeyError:
                reasons.append(f"{label}{shown} không có trong danh mục")
            except (ValueError, InvalidOperation):
                reasons.append(f"{label}{shown} không hợp lệ")
            return None

        national_id = field(NATIONAL_ID, "Số CCCD", _national_id, required=True)
        full_name = field("full_name", "Họ và tên", _full_name, required=True)
        born = field("date_of_birth", "Ngày sinh", self._past_date, required=True)
        gender = field("gender", "Giới tính", GENDER, required=True)
        ethnicity = field("ethnicity", "Dân tộc", _ethnicity)
        commune = field("commune_code", "Mã xã/phường", _commune, required=True)
        category = field("category", "Đối tượng", CATEGORY, required=True)
        unit_code = field("unit_code", "Mã đơn vị", self._unit)
        course = field("course_code", "Mã khóa học", self._course, required=True)
        status = field(
            "status", "Trạng thái", lambda v: RecordStatus(STATUSES[fold(_text(v))]), required=True
        )
        progress = field("progress", "Tiến độ", _progress)
        score = field("score", "Điểm", _score)
        enrolled_on = field("enrolled_on", "Ngày ghi danh", self._past_date)
        completed_on = field("completed_on", "Ngày hoàn thành", self._past_date)

        if status is RecordStatus.COMPLETED:
            if completed_on is None and _text(row.get("completed_on")) == "":
                reasons.append("thiếu Ngày hoàn thành (bắt buộc khi Hoàn thành)")
            if progress is not None and progress != 100:
                reasons.append("Hoàn thành thì Tiến độ là 100")
            progress = 100
        elif status is not None:
            if completed_on is not None:
                reasons.append("chỉ khóa đã Hoàn thành mới có Ngày hoàn thành")
            if status is RecordStatus.ENROLLED and progress not in (None, 0):
                reasons.append("Đã ghi danh thì Tiến độ là 0")
            if status is RecordStatus.IN_PROGRESS and progress == 100:
                reasons.append("Tiến độ 100 là Hoàn thành, không phải Đang học")
        if enrolled_on and completed_on and completed_on < enrolled_on:
            reasons.append("Ngày hoàn thành trước Ngày ghi danh")
        if born and enrolled_on and enrolled_on < born:
            reasons.append("Ngày ghi danh trước Ngày sinh")
        # A manager writes only learners wholly in their scope: their commune, and their unit if any.
        if self.scope_communes is not None:
            if commune is not None and commune not in self.scope_communes:
                reasons.append(f"xã/phường {commune} ngoài phạm vi bạn phụ trách")
            if unit_code is not None and unit_code not in (self.scope_units or ()):
                reasons.append(f"đơn vị {unit_code} ngoài phạm vi bạn phụ trách")
        if reasons:
            raise RowRejected(reasons)
        return (
            line,
            self.cipher.lookup_hash(national_id, field=NATIONAL_ID),
            self.cipher.encrypt(national_id, field=NATIONAL_ID),
            mask_national_id(national_id),
            full_name,
            fold(full_name),
            born,
            gender,
            ethnicity,
            commune,
            localities.province_of_commune(commune),
            category,
            unit_code,
            course,
            status.value if status else None,
            progress,
            score,
            enrolled_on,
            completed_on,
        )

    def _past_date(self, value: Any) -> date:
        day = parse_date(value)
        if day > self.today or day.year < 1900:
            raise ValueError("ngoài khoảng")
        return day

    def _unit(self, value: Any) -> str:
        code = _unit_code(value)
        if self.known_units is not None and code not in self.known_units:
            raise KeyError(code)
        return code

    def _course(self, value: Any) -> str:
        code = _text(value).upper()
        if code not in self.course_codes:
            raise KeyError(code)
        return code


def _vocabulary(words: dict[str, str]) -> Callable[[Any], str]:
    """ "Nữ", "nữ", "NU" → female: each distinct spelling folded once (KeyError when unknown)."""

    @functools.lru_cache(maxsize=4_096)
    def meaning(text: str) -> str:
        return words[fold(text)]

    return lambda value: meaning(_text(value))


GENDER = _vocabulary(GENDERS)
CATEGORY = _vocabulary(CATEGORIES)
STATUS = _vocabulary(STATUSES)


def _national_id(value: Any) -> str:
    text = _code(value, 12)
    if len(text) != 12 or not _DIGITS.match(text):
        raise ValueError(text)
    return text


def _commune(value: Any) -> str:
    text = _code(value, 5)
    if not _DIGITS.match(text) or len(text) != 5:
        raise ValueError(text)
    if not localities.commune_exists(text):
        raise KeyError(text)
    return text


def _full_name(value: Any) -> str:
    text = " ".join(_text(value).split())
    if len(text) > 200:
        raise ValueError(text)
    return text


def _ethnicity(value: Any) -> str:
    text = " ".join(_text(value).split())
    if len(text) > 64:
        raise ValueError(text)
    return text


def unit_codes_of(rows: Iterable[tuple[int, Mapping[str, Any]]]) -> set[str]:
    """The unit codes a batch of rows names (to be looked up in the directory before checking them)."""
    return {code for _line, cells in rows if (code := _text(cells.get("unit_code")))}


def _unit_code(value: Any) -> str:
    text = _text(value)
    if len(text) > 32:
        raise ValueError(text)
    return text


def _progress(value: Any) -> int:
    number = Decimal(_text(value).replace(",", ".").rstrip("%"))
    if number != number.to_integral_value() or not 0 <= number <= 100:
        raise ValueError(number)
    return int(number)


def _score(value: Any) -> Decimal:
    number = Decimal(_text(value).replace(",", "."))
    if not 0 <= number <= 100:
        raise ValueError(number)
    return number.quantize(Decimal("0.01"))
