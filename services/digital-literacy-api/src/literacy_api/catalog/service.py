"""Rules of the training offer: courses teach known competences; classes are opened in communes the
caller acts for."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from literacy_api import access
from literacy_api.catalog import repository
from literacy_api.catalog.models import Course, TrainingClass
from literacy_api.catalog.schemas import (
    ClassCreate,
    ClassOut,
    ClassPage,
    CourseAction,
    CourseCreate,
    CourseOut,
    CoursePage,
)
from literacy_api.competences.framework import known_competence_codes
from literacy_api.database import audit_trail
from literacy_api.learners.schemas import ListAction
from literacy_api.learners.service import Place, province_of
from service_kit.access import Actor
from service_kit.db import flush_or_conflict
from service_kit.errors import Conflict, field_error, unknown_reference
from service_kit.pagination import PageParams
from service_kit.text import fold


def course_out(actor: Actor, course: Course) -> CourseOut:
    return CourseOut.model_validate(course).model_copy(
        update={"allowed_actions": access.actions(access.COURSES, CourseAction, actor, course)}
    )


@dataclass(kw_only=True)
class CatalogService:
    session: AsyncSession

    async def create_course(self, actor: Actor, data: CourseCreate) -> CourseOut:
        unknown = sorted(set(data.competence_codes) - known_competence_codes())
        if unknown:
            raise field_error("competence_codes", code="course.unknown_competences", codes=", ".join(unknown))
        taken = await repository.courses_meaning(self.session, data.xapi_activity_ids)
        if taken:
            raise Conflict(code="course.activity_taken", params={"course_code": taken[0]})
        course = Course(
            **data.model_dump(exclude={"required_for", "xapi_activity_ids"}),
            xapi_activity_ids=sorted(set(data.xapi_activity_ids)),
            required_for=[c.value for c in data.required_for],
            title_folded=fold(data.title),
        )
        self.session.add(course)
        await flush_or_conflict(
            self.session, Conflict(code="course.exists", params={"course_code": data.code})
        )
        await repository.refresh(self.session, course)
        await audit_trail.record(
            self.session,
            actor=actor,
            action="course.created",
            object_type="course",
            object_id=course.code,
        )
        return course_out(actor, course)

    async def courses(self, actor: Actor, params: PageParams, *, q: str | None) -> CoursePage:
        courses, total = await repository.courses(self.session, params, q=q)
        return CoursePage(
            items=[course_out(actor, c) for c in courses],
            total=total,
            allowed_actions=access.actions(access.COURSE_LIST, ListAction, actor, None),
        )

    async def create_class(self, actor: Actor, data: ClassCreate) -> ClassOut:
        if data.ends_on < data.starts_on:
            raise field_error("ends_on", code="class.dates_reversed")
        if await repository.course(self.session, data.course_code) is None:
            raise unknown_reference("course_code", code="course.unknown", course_code=data.course_code)
        province = province_of(data.commune_code)
        # A manager opens classes only in the communes they act for.
        access.CLASS_PLACES.ensure(actor, ListAction.CREATE, Place(None, data.commune_code))
        training_class = TrainingClass(**data.model_dump(), province_code=province)
        self.session.add(training_class)
        await self.session.flush()
        await repository.refresh(self.session, training_class)
        await audit_trail.record(
            self.session,
            actor=actor,
            action="class.created",
            object_type="class",
            object_id=str(training_class.id),
        )
        return ClassOut.model_validate(training_class)

    async def classes(
        self,
        actor: Actor,
        params: PageParams,
        *,
        commune_code: str | None,
        province_code: str | None,
        course_code: str | None,
    ) -> ClassPage:
        classes, total = await repository.classes(
            self.session,
            params,
            commune_code=commune_code,
            province_code=province_code,
            course_code=course_code,
        )
        return ClassPage(
            items=[ClassOut.model_validate(c) for c in classes],
            total=total,
            allowed_actions=access.actions(access.CLASS_LIST, ListAction, actor, None),
        )
