"""What the learner endpoints accept and return (a national ID is written, never read back in clear)."""

from __future__ import annotations

import re
import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from service_kit.pagination import CursorPage

_NATIONAL_ID = re.compile(r"^\d{12}$")
_PHONE = re.compile(r"^(\+84|0)\d{9,10}$")


def _national_id(value: str) -> str:
    if not _NATIONAL_ID.match(value):
        raise ValueError("a national ID (CCCD) has exactly 12 digits")
    return value


def _phone(value: str) -> str:
    compact = value.replace(" ", "").replace(".", "")
    if not _PHONE.match(compact):
        raise ValueError("a Vietnamese phone number: 0 or +84 and 9 to 10 digits")
    return compact


NationalId = Annotated[str, AfterValidator(_national_id)]
Phone = Annotated[str, AfterValidator(_phone)]
FullName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
CommuneCode = Annotated[str, StringConstraints(pattern=r"^\d{5}$")]
UnitCode = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=32)]
Ethnicity = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]


class ListAction(StrEnum):
    """What the caller may do on a collection (learners, courses, classes, imports)."""

    CREATE = "create"


class LearnerAction(StrEnum):
    EDIT = "edit"
    ERASE = "erase"
    ADD_RECORD = "add_record"


class Gender(StrEnum):
    MALE = "male"
    FEMALE = "female"
    OTHER = "other"


class Category(StrEnum):
    CADRE = "cadre"
    CIVIL_SERVANT = "civil_servant"
    PUBLIC_EMPLOYEE = "public_employee"
    WORKER = "worker"
    CITIZEN = "citizen"
    STUDENT = "student"


GENDER_LABELS = {Gender.MALE: "Nam", Gender.FEMALE: "Nữ", Gender.OTHER: "Khác"}
CATEGORY_LABELS = {
    Category.CADRE: "Cán bộ",
    Category.CIVIL_SERVANT: "Công chức",
    Category.PUBLIC_EMPLOYEE: "Viên chức",
    Category.WORKER: "Người lao động",
    Category.CITIZEN: "Người dân",
    Category.STUDENT: "Học sinh, sinh viên",
}


class LearnerCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    national_id: NationalId
    full_name: FullName
    date_of_birth: date
    gender: Gender
    ethnicity: Ethnicity | None = None
    commune_code: CommuneCode
    category: Category
    unit_code: UnitCode | None = None
    phone: Phone | None = None


class LearnerUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    full_name: FullName | None = None
    date_of_birth: date | None = None
    gender: Gender | None = None
    ethnicity: Ethnicity | None = None
    commune_code: CommuneCode | None = None
    category: Category | None = None
    unit_code: UnitCode | None = None
    phone: Phone | None = None


class LearnerOut(BaseModel):
    id: uuid.UUID
    national_id_masked: str | None
    full_name: str | None
    date_of_birth: date | None
    gender: Gender
    ethnicity: str | None = Field(default=None, description="Administrators only, on the single record")
    commune_code: str
    province_code: str
    category: Category
    unit_code: str | None
    phone_masked: str | None = None
    erased: bool = False
    created_at: datetime
    updated_at: datetime
    allowed_actions: list[LearnerAction] = Field(
        default_factory=list, description="What the caller may do on this learner"
    )


class LearnerPage(CursorPage[LearnerOut]):
    allowed_actions: list[ListAction] = Field(
        default_factory=list, description='["create"] when the caller may add learners'
    )


class MatchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    national_id: NationalId
    date_of_birth: date


class MatchResult(BaseModel):
    learner_id: uuid.UUID


class PersonalDataExport(BaseModel):
    """Everything the platform holds about the learner asking (Decree 13/2023: the right to access)."""

    learner: LearnerOut
    national_id: str | None
    phone: str | None
    records: list[dict[str, object]]
    exported_at: datetime
