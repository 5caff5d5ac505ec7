"""What the course and class endpoints accept and return."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from literacy_api.learners.schemas import Category, ListAction
from service_kit.pagination import Page

Code = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=32, pattern=r"^[A-Za-z0-9._-]+$")
]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]


class CourseAction(StrEnum):
    EDIT = "edit"
    ADD_CLASS = "add_class"


class CourseCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: Code
    title: Title
    hours: Decimal = Field(gt=0, max_digits=6, decimal_places=1)
    level: int = Field(ge=1, le=8, description="Proficiency level 1–8 of the competence framework")
    competence_codes: list[str] = Field(default_factory=list, max_length=30)
    required_for: list[Category] = Field(
        default_factory=list, description="Learner categories that must complete it"
    )


class CourseOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    code: str
    title: str
    hours: Decimal
    level: int
    competence_codes: list[str]
    required_for: list[Category]
    created_at: datetime
    allowed_actions: list[CourseAction] = Field(
        default_factory=list, description="What the caller may do on this course"
    )


class CoursePage(Page[CourseOut]):
    allowed_actions: list[ListAction] = Field(
        default_factory=list, description='["create"] when the caller may add courses'
    )


class VenueType(StrEnum):
    SCHOOL = "school"
    COMMUNITY_LEARNING_CENTRE = "community_learning_centre"
    LIBRARY = "library"
    CULTURAL_HOUSE = "cultural_house"
    ONLINE = "online"
    OTHER = "other"


class ClassCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    course_code: Code
    venue_type: VenueType
    venue_name: Title
    commune_code: Annotated[str, StringConstraints(pattern=r"^\d{5}$")]
    starts_on: date
    ends_on: date
    trainer: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] = ""

    @model_validator(mode="after")
    def _dates(self) -> Self:
        if self.ends_on < self.starts_on:
            raise ValueError("ends_on is before starts_on")
        return self


class ClassOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    course_code: str
    venue_type: VenueType
    venue_name: str
    commune_code: str
    province_code: str
    starts_on: date
    ends_on: date
    trainer: str


class ClassPage(Page[ClassOut]):
    allowed_actions: list[ListAction] = Field(
        default_factory=list, description='["create"] when the caller may open classes'
    )
