"""What the units endpoints accept and return."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from campaign_api.inputs import UNIT_CODE_PATTERN, Line100, Line300
from service_kit.pagination import Page
from service_kit.types import NonNegativeInt32, StrictModel, omittable

UnitCode = Annotated[str, StringConstraints(pattern=UNIT_CODE_PATTERN)]
ProvinceCode = Annotated[str, StringConstraints(pattern=r"^[0-9]{2}$")]
CommuneCode = Annotated[str, StringConstraints(pattern=r"^[0-9]{5}$")]
Name = Line300
Cluster = Line100


class UnitKind(StrEnum):
    PROVINCE = "province"
    DEPARTMENT = "department"
    AGENCY = "agency"
    COMMUNE = "commune"
    SCHOOL = "school"
    ENTERPRISE = "enterprise"
    OTHER = "other"


class UnitAction(StrEnum):
    EDIT = "edit"


class UnitListAction(StrEnum):
    CREATE = "create"


class UnitCreate(StrictModel):
    code: UnitCode
    name: Name
    kind: UnitKind
    parent_code: UnitCode | None = None
    province_code: ProvinceCode
    commune_code: CommuneCode | None = Field(default=None, description="Required for communes and wards")
    cluster: Cluster | None = Field(default=None, description="The emulation cluster (cụm/khối thi đua)")
    staff_count: NonNegativeInt32 = 0


class UnitUpdate(StrictModel):
    """Each field may be left out; name, kind and staff_count may not be null (parent_code,
    commune_code and cluster may, to clear them)."""

    name: Name = omittable()
    kind: UnitKind = omittable()
    parent_code: UnitCode | None = None
    commune_code: CommuneCode | None = None
    cluster: Cluster | None = None
    staff_count: NonNegativeInt32 = omittable()


class UnitOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    code: str
    name: str
    kind: str
    parent_code: str | None
    province_code: str
    commune_code: str | None
    cluster: str | None
    staff_count: int
    created_at: datetime
    updated_at: datetime
    allowed_actions: list[UnitAction] = Field(default_factory=list)


class UnitPage(Page[UnitOut]):
    allowed_actions: list[UnitListAction] = Field(default_factory=list)


class UnitCodeOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    code: str
    name: str
    parent_code: str | None
    commune_code: str | None
    depth: int = Field(description="1 for children, 2 for grandchildren, ...")
