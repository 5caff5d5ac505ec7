"""Rules of certificates: public verification (name masked), the printable PDF while valid, revocation once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from literacy_api.catalog.models import Course
from literacy_api.certificates import repository
from literacy_api.certificates.models import Certificate
from literacy_api.certificates.pdf import render_certificate
from literacy_api.certificates.schemas import CertificateOut, Revocation
from literacy_api.database import audit_trail
from literacy_api.learners.models import Learner
from reference_data.personal_data import mask_name
from service_kit.access import Actor
from service_kit.errors import InvalidState, NotFound


@dataclass(kw_only=True)
class CertificateService:
    session: AsyncSession

    async def _load(self, code: str) -> tuple[Certificate, Course, Learner]:
        found = await repository.with_course_and_learner(self.session, code)
        if found is None:
            raise NotFound(code="certificate.not_found")
        return found

    async def verify(self, code: str) -> CertificateOut:
        certificate, course, learner = await self._load(code)
        revoked = certificate.revoked_at is not None
        return CertificateOut(
            code=certificate.code,
            valid=not revoked,
            revoked=revoked,
            course_code=course.code,
            course_title=course.title,
            learner_name_masked=mask_name(learner.full_name or ""),
            issued_on=certificate.issued_on,
        )

    async def pdf(self, code: str, *, public_base_url: str) -> tuple[str, bytes]:
        """The certificate's code and its printable PDF (a revoked certificate has none)."""
        certificate, course, learner = await self._load(code)
        if certificate.revoked_at is not None:
            raise InvalidState(code="certificate.revoked")
        base = public_base_url.rstrip("/")
        return certificate.code, render_certificate(
            code=certificate.code,
            # Public like the verification page: the name is masked exactly as the JSON masks it.
            learner_name=mask_name(learner.full_name or ""),
            course_title=course.title,
            hours=course.hours,
            issued_on=certificate.issued_on,
            # The QR code opens the dashboard's verification page (it reads GET /v1/certificates/{code}).
            verify_url=f"{base}/verify/{certificate.code}",
        )

    async def revoke(self, actor: Actor, code: str, data: Revocation) -> CertificateOut:
        certificate, _course, _learner = await self._load(code)
        if certificate.revoked_at is not None:
            raise InvalidState(code="certificate.already_revoked")
        certificate.revoked_at = datetime.now(UTC)
        certificate.revoked_reason = data.reason
        await self.session.flush()
        await audit_trail.record(
            self.session,
            actor=actor,
            action="certificate.revoked",
            object_type="certificate",
            object_id=certificate.code,
            before={"revoked": False},
            after={"revoked": True, "reason": data.reason},
        )
        return await self.verify(code)
