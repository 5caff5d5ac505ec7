"""What the learner endpoints accept and return (a national ID is written, never read back in clear)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, Field

from literacy_api.inputs import TIDY, CommuneCode, NationalId, PastDay, Phone, UnitCode, line
from service_kit.pagination import CursorPage
from service_kit.types import StrictModel, omittable

FullName = Annotated[str, line(200), TIDY]
Ethnicity = Annotated[str, line(64), TIDY]


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


class LearnerCreate(StrictModel):
    national_id: NationalId
    full_name: FullName
    date_of_birth: PastDay
    gender: Gender
    ethnicity: Ethnicity | None = None
    commune_code: CommuneCode
    category: Category
    unit_code: UnitCode | None = None
    phone: Phone | None = None


class LearnerUpdate(StrictModel):
    """The fields to change; name, birth date, gender, commune and category may be left out but not set to
    `null` (a learner always has them); ethnicity, unit and phone are cleared with `null`."""

    full_name: FullName = omittable()
    date_of_birth: PastDay = omittable()
    gender: Gender = omittable()
    ethnicity: Ethnicity | None = None
    commune_code: CommuneCode = omittable()
    category: Category = omittable()
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


class MatchRequest(StrictModel):
    national_id: NationalId
    date_of_birth: PastDay


class MatchResult(BaseModel):
    learner_id: uuid.UUID


class PersonalDataExport(BaseModel):
    """Everything the platform holds about the learner asking (Decree 13/2023: the right to access)."""

    learner: LearnerOut
    national_id: str | None
    phone: str | None
    records: list[dict[str, object]]
    exported_at: datetime
