"""Rules of training records: one per learner and course, the status machine, certificates issued once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from literacy_api.access import LearnerAccess
from literacy_api.catalog.models import Course, TrainingClass
from literacy_api.database import audit_trail
from literacy_api.learners.models import Learner
from literacy_api.training.models import Certificate, TrainingRecord
from literacy_api.training.schemas import (
    CompetenceReached,
    CourseProgress,
    MyProgress,
    RecordIn,
    RecordOut,
    RecordStatus,
)
from service_kit.errors import InvalidState, NotFound, ValidationFailed

# Which status a record may move to from each one. Completed is final.
ALLOWED = {
    RecordStatus.ENROLLED: set(RecordStatus),
    RecordStatus.IN_PROGRESS: {RecordStatus.IN_PROGRESS, RecordStatus.COMPLETED, RecordStatus.FAILED},
    RecordStatus.FAILED: {
        RecordStatus.FAILED,
        RecordStatus.ENROLLED,
        RecordStatus.IN_PROGRESS,
        RecordStatus.COMPLETED,
    },
    RecordStatus.COMPLETED: {RecordStatus.COMPLETED},
}


def _invalid(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(message, errors=[{"field": field, "message": message}])


@dataclass(kw_only=True)
class TrainingService:
    session: AsyncSession
    client_ip: str | None = None

    async def record(
        self, access: LearnerAccess, data: RecordIn, today: date | None = None
    ) -> tuple[RecordOut, bool]:
        """Create or update the learner's record for the course; returns it and whether it is new."""
        today = today or datetime.now(UTC).date()
        learner = await self.session.get(Learner, data.learner_id)
        if learner is None:
            raise _invalid("learner_id", f"No learner {data.learner_id}.")
        access.ensure_covers(unit_code=learner.unit_code, commune_code=learner.commune_code)
        course = await self.session.get(Course, data.course_code)
        if course is None:
            raise _invalid("course_code", f"No course {data.course_code}.")
        if data.class_id is not None:
            training_class = await self.session.get(TrainingClass, data.class_id)
            if training_class is None or training_class.course_code != course.code:
                raise _invalid("class_id", "No class of this course with that id.")
        record = await self.session.scalar(
            select(TrainingRecord)
            .where(TrainingRecord.learner_id == learner.id, TrainingRecord.course_code == course.code)
            .with_for_update()
        )
        created = record is None
        before = None if record is None else RecordStatus(record.status)
        if before is not None and data.status not in ALLOWED[before]:
            raise InvalidState(f"A {before.value} record cannot become {data.status.value}.")
        if before is RecordStatus.COMPLETED and data.completed_on not in (None, record.completed_on):  # type: ignore[union-attr]
            raise InvalidState("completed_on never changes once a record is completed.")
        enrolled_on = data.enrolled_on or (record.enrolled_on if record else today)
        completed_on = None
        if data.status is RecordStatus.COMPLETED:
            completed_on = (
                record.completed_on if record and record.completed_on else (data.completed_on or today)
            )
            if completed_on < enrolled_on or completed_on > today:
                raise _invalid("completed_on", "completed_on lies between enrolled_on and today.")
        elif data.completed_on is not None:
            raise _invalid("completed_on", "Only a completed record has completed_on.")
        if record is None:
            record = TrainingRecord(learner_id=learner.id, course_code=course.code)
            self.session.add(record)
        record.class_id = data.class_id if data.class_id is not None else record.class_id
        record.province_code, record.commune_code = learner.province_code, learner.commune_code
        record.status = data.status.value
        record.progress = 100 if data.status is RecordStatus.COMPLETED else data.progress
        record.score = data.score if data.score is not None else record.score
        record.enrolled_on = enrolled_on
        record.completed_on = completed_on
        record.source = data.source
        await self.session.flush()
        certificate = await self._certificate_for(record, today)
        if created or before is not data.status:
            await audit_trail.record(
                self.session,
                actor=access.principal.subject,
                action="record.created" if created else "record.status_changed",
                object_type="training_record",
                object_id=str(record.id),
                before=None if before is None else {"status": before.value},
                after={"status": data.status.value, "certificate": certificate},
                client_ip=self.client_ip,
            )
        await self.session.refresh(record)
        return RecordOut.model_validate(record).model_copy(update={"certificate_code": certificate}), created

    async def _certificate_for(self, record: TrainingRecord, today: date) -> str | None:
        """The record's certificate, issued once when it is completed."""
        existing = await self.session.scalar(
            select(Certificate.code).where(Certificate.record_id == record.id)
        )
        if existing is not None or record.status != RecordStatus.COMPLETED:
            return existing
        # The code (80 random bits, base32 in groups of four) is drawn by the database, as imports do.
        code = await self.session.scalar(
            insert(Certificate)
            .values(
                record_id=record.id,
                learner_id=record.learner_id,
                course_code=record.course_code,
                issued_on=record.completed_on or today,
            )
            .returning(Certificate.code)
        )
        return str(code)

    async def progress_of(self, learner_id: str) -> MyProgress:
        """One indexed read of the learner's records (unique index on learner, course), with courses and certificates."""
        learner = await self.session.get(Learner, learner_id)
        if learner is None:
            raise NotFound("No learner record is linked to this account.")
        rows = (
            await self.session.execute(
                select(TrainingRecord, Course, Certificate.code)
                .join(Course, Course.code == TrainingRecord.course_code)
                .outerjoin(Certificate, Certificate.record_id == TrainingRecord.id)
                .where(TrainingRecord.learner_id == learner.id)
                .order_by(TrainingRecord.course_code)
            )
        ).all()
        courses = []
        reached: dict[str, int] = {}
        hours = Decimal(0)
        for record, course, certificate in rows:
            courses.append(
                CourseProgress(
                    course_code=course.code,
                    title=course.title,
                    status=RecordStatus(record.status),
                    progress=record.progress,
                    completed_on=record.completed_on,
                    certificate_code=certificate,
                    hours=course.hours,
                )
            )
            if record.status == RecordStatus.COMPLETED:
                hours += course.hours
                for competence in course.competence_codes:
                    reached[competence] = max(reached.get(competence, 0), course.level)
        return MyProgress(
            learner_id=learner.id,
            full_name=learner.full_name,
            courses=courses,
            competences=[CompetenceReached(code=c, level=level) for c, level in sorted(reached.items())],
            hours_completed=hours,
        )
