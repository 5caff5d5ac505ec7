"""Rules of training records: one per learner and course, the status machine, certificates issued once."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from literacy_api import access
from literacy_api.database import audit_trail
from literacy_api.learners.models import Learner
from literacy_api.learners.schemas import LearnerAction
from literacy_api.training import repository
from literacy_api.training.cache import KeptProgress, ProgressCache
from literacy_api.training.models import TrainingRecord
from literacy_api.training.schemas import (
    CompetenceReached,
    CourseProgress,
    MyProgress,
    RecordAction,
    RecordIn,
    RecordOut,
    RecordStatus,
    RecordSubject,
)
from service_kit.access import READ, Actor
from service_kit.db import Database
from service_kit.errors import InvalidState, NotFound, field_error, unknown_reference
from service_kit.pagination import CursorPage, CursorParams
from service_kit.types import today_in_vietnam

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


def record_out(
    actor: Actor,
    record: TrainingRecord,
    *,
    unit_code: str | None,
    certificate_code: str | None,
    certificate_revoked: bool = False,
) -> RecordOut:
    subject = RecordSubject(record, unit_code, certificate_code, certificate_revoked)
    return RecordOut.model_validate(record).model_copy(
        update={
            "certificate_code": certificate_code,
            "allowed_actions": access.actions(access.RECORDS, RecordAction, actor, subject),
        }
    )


@dataclass(kw_only=True)
class TrainingService:
    session: AsyncSession

    async def _writable_learner(self, actor: Actor, learner_id: uuid.UUID) -> Learner:
        """The learner a record is written for: unknown and unreadable learners alike are 'no learner'
        (422, nothing leaks); a learner the caller may read but not change is 403."""
        learner = await repository.learner(self.session, learner_id)
        if learner is None or not access.LEARNERS.can(actor, READ, learner):
            raise unknown_reference("learner_id", code="learner.unknown", learner_id=str(learner_id))
        access.LEARNERS.ensure(actor, LearnerAction.ADD_RECORD, learner)
        return learner

    async def record(self, actor: Actor, data: RecordIn, today: date | None = None) -> tuple[RecordOut, bool]:
        """Create or update the learner's record for the course; returns it and whether it is new."""
        today = today or today_in_vietnam()
        learner = await self._writable_learner(actor, data.learner_id)
        course = await repository.course(self.session, data.course_code)
        if course is None:
            raise unknown_reference("course_code", code="course.unknown", course_code=data.course_code)
        if data.class_id is not None:
            training_class = await repository.training_class(self.session, data.class_id)
            if training_class is None or training_class.course_code != course.code:
                raise unknown_reference("class_id", code="class.unknown")
        record = await repository.record_of(self.session, learner.id, course.code)
        created = record is None
        before = None if record is None else RecordStatus(record.status)
        if before is not None and data.status not in ALLOWED[before]:
            raise InvalidState(
                code="record.wrong_transition",
                params={"current": before.value, "requested": data.status.value},
            )
        if before is RecordStatus.COMPLETED and data.completed_on not in (None, record.completed_on):  # type: ignore[union-attr]
            raise InvalidState(code="record.completed_on_fixed")
        enrolled_on = data.enrolled_on or (record.enrolled_on if record else today)
        completed_on = None
        if data.status is RecordStatus.COMPLETED:
            completed_on = (
                record.completed_on if record and record.completed_on else (data.completed_on or today)
            )
            if completed_on < enrolled_on or completed_on > today:
                raise field_error("completed_on", code="record.completed_on_out_of_range")
        elif data.completed_on is not None:
            raise field_error("completed_on", code="record.completed_on_not_completed")
        if record is None:
            record = TrainingRecord(learner_id=learner.id, course_code=course.code)
        record.class_id = data.class_id if data.class_id is not None else record.class_id
        record.province_code, record.commune_code = learner.province_code, learner.commune_code
        record.status = data.status.value
        record.progress = 100 if data.status is RecordStatus.COMPLETED else data.progress
        record.score = data.score if data.score is not None else record.score
        record.enrolled_on = enrolled_on
        record.completed_on = completed_on
        record.source = data.source
        await repository.save(self.session, record)
        certificate = await self._certificate_for(record, today)
        if created or before is not data.status:
            await audit_trail.record(
                self.session,
                actor=actor,
                action="record.created" if created else "record.status_changed",
                object_type="training_record",
                object_id=str(record.id),
                before=None if before is None else {"status": before.value},
                after={"status": data.status.value, "certificate": certificate},
            )
        await repository.refresh(self.session, record)
        return record_out(actor, record, unit_code=learner.unit_code, certificate_code=certificate), created

    async def revert_completion(
        self,
        actor: Actor,
        record_id: uuid.UUID,
        *,
        status: RecordStatus,
        progress: int,
        unchanged_since: datetime | None,
        reason: str,
    ) -> bool:
        """Undo a completion (its source was withdrawn, e.g. a voided xAPI statement): the record goes back to
        `status` and its certificate is revoked, unless the record has moved on since (changed after
        `unchanged_since`, or its certificate already revoked). Returns whether it was reverted."""
        record = await repository.record_by_id(self.session, record_id)
        if record is None or record.status != RecordStatus.COMPLETED or status is RecordStatus.COMPLETED:
            return False
        if unchanged_since is not None and record.updated_at != unchanged_since:
            return False
        certificate = await repository.certificate_code(self.session, record.id)
        if certificate is not None and await repository.certificate_revoked(self.session, certificate):
            return False
        record.status = status.value
        record.progress = progress
        record.completed_on = None
        await repository.save(self.session, record)
        await self.session.flush()
        if certificate is not None:
            await repository.revoke_certificate(self.session, certificate, reason)
            await audit_trail.record(
                self.session,
                actor=actor,
                action="certificate.revoked",
                object_type="certificate",
                object_id=certificate,
                before={"revoked": False},
                after={"revoked": True, "reason": reason},
            )
        await audit_trail.record(
            self.session,
            actor=actor,
            action="record.status_reverted",
            object_type="training_record",
            object_id=str(record.id),
            before={"status": RecordStatus.COMPLETED.value},
            after={"status": status.value, "reason": reason},
        )
        return True

    async def _certificate_for(self, record: TrainingRecord, today: date) -> str | None:
        """The record's certificate, issued once when it is completed."""
        existing = await repository.certificate_code(self.session, record.id)
        if existing is not None or record.status != RecordStatus.COMPLETED:
            return existing
        return await repository.issue_certificate(self.session, record, record.completed_on or today)

    async def page(
        self, actor: Actor, params: CursorParams, filters: dict[str, Any]
    ) -> CursorPage[RecordOut]:
        rows, next_cursor = await repository.page(self.session, access.learner_scope(actor), params, filters)
        return CursorPage(
            items=[
                record_out(
                    actor,
                    record,
                    unit_code=unit_code,
                    certificate_code=code,
                    certificate_revoked=revoked_at is not None,
                )
                for record, unit_code, code, revoked_at in rows
            ],
            next_cursor=next_cursor,
        )


@dataclass(frozen=True)
class ProgressAnswer:
    """What `GET /v1/me/progress` answers: the ETag, and the JSON body unless the client has it."""

    etag: str
    body: bytes | None


def _progress_etag(learner_id: uuid.UUID, rows: list[Any]) -> str:
    """A strong ETag of the representation, taken from the rows it is built from (the body is a
    function of them), so a client's fresh copy is recognised without building the body."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(learner_id.bytes)
    digest.update(repr([tuple(row) for row in rows]).encode())
    return f'"p{digest.hexdigest()}"'


def _my_progress(learner_id: uuid.UUID, rows: list[Any]) -> MyProgress:
    courses = []
    reached: dict[str, int] = {}
    hours = Decimal(0)
    for _, code, title, status, progress, completed_on, certificate, course_hours, level, competences in rows:
        if code is None:  # the learner's row without any record
            continue
        courses.append(
            CourseProgress(
                course_code=code,
                title=title,
                status=RecordStatus(status),
                progress=progress,
                completed_on=completed_on,
                certificate_code=certificate,
                hours=course_hours,
            )
        )
        if status == RecordStatus.COMPLETED:
            hours += course_hours
            for competence in competences:
                reached[competence] = max(reached.get(competence, 0), level)
    return MyProgress(
        learner_id=learner_id,
        full_name=rows[0][0],
        courses=courses,
        competences=[CompetenceReached(code=c, level=level) for c, level in sorted(reached.items())],
        hours_completed=hours,
    )


@dataclass
class ProgressService:
    """A learner's own progress: the hot read. Answered from the process's cache when it holds the learner
    (no round trip); else one statement on a connection without a transaction, kept for the next time."""

    database: Database
    cache: ProgressCache

    async def progress_of(self, actor: Actor, fresh: Callable[[str], bool]) -> ProgressAnswer:
        """The signed-in learner's courses, certificates, competences reached and hours; no body when
        `fresh(etag)` says the client already has this version."""
        try:
            learner_id = uuid.UUID(str(actor.learner_id))
        except ValueError:
            raise NotFound(code="learner.not_linked") from None
        # A test's rolled-back transaction is never committed, so never notified: no cache there.
        cache = self.cache if self.database.shared_connection is None else None
        kept = cache.get(learner_id) if cache is not None else None
        if kept is None:
            token = cache.begin() if cache is not None else 0
            async with self.database.autocommit() as connection:
                rows = await repository.progress_rows(connection, learner_id)
            if not rows:
                raise NotFound(code="learner.not_linked")
            etag = _progress_etag(learner_id, rows)
            if cache is None or not cache.active:
                if fresh(etag):
                    return ProgressAnswer(etag, None)
                return ProgressAnswer(etag, _my_progress(learner_id, rows).model_dump_json().encode())
            kept = KeptProgress(etag, _my_progress(learner_id, rows).model_dump_json().encode())
            cache.keep(learner_id, kept, token)
        return ProgressAnswer(kept.etag, None if fresh(kept.etag) else kept.body)
