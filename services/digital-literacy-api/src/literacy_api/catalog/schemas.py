"""What the course and class endpoints accept and return."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from literacy_api.inputs import (
    TIDY,
    WHOLE,
    ActivityIri,
    CivilDay,
    CommuneCode,
    CompetenceCode,
    CourseCode,
    JsonNumber,
    line,
)
from literacy_api.learners.schemas import Category, ListAction
from service_kit.pagination import Page
from service_kit.types import StrictModel

Title = Annotated[str, line(300), TIDY]


class CourseAction(StrEnum):
    EDIT = "edit"
    ADD_CLASS = "add_class"


class CourseCreate(StrictModel):
    code: CourseCode
    title: Title
    hours: Annotated[Decimal, JsonNumber(maximum=10_000, places=1, exclusive_minimum=True)]
    level: Annotated[int, WHOLE] = Field(
        ge=1, le=8, description="Proficiency level 1–8 of the competence framework"
    )
    competence_codes: list[CompetenceCode] = Field(default_factory=list, max_length=30)
    required_for: list[Category] = Field(
        default_factory=list, max_length=6, description="Learner categories that must complete it"
    )
    xapi_activity_ids: list[ActivityIri] = Field(
        default_factory=list,
        max_length=20,
        description="xAPI activity IRIs of this course on learning platforms (Open edX, Moodle…): their "
        "completion and pass statements become training records of this course",
    )


class CourseOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    code: str
    title: str
    hours: Decimal
    level: int
    competence_codes: list[str]
    required_for: list[Category]
    xapi_activity_ids: list[str]
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


class ClassCreate(StrictModel):
    course_code: CourseCode
    venue_type: VenueType
    venue_name: Title
    commune_code: CommuneCode
    starts_on: CivilDay
    ends_on: CivilDay = Field(description="On or after starts_on")
    trainer: Annotated[str, line(200, required=False), TIDY] = ""


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
