"""Rules of learners' personal data: validated, encrypted, masked, scoped, erasable, audited without copies."""

from __future__ import annotations

import hmac
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from literacy_api.access import LearnerAccess
from literacy_api.database import audit_trail
from literacy_api.learners.models import Learner
from literacy_api.learners.schemas import Category, Gender, LearnerCreate, LearnerOut, LearnerUpdate
from reference_data.localities import localities
from reference_data.personal_data import PersonalDataCipher, mask_national_id, mask_phone
from service_kit.errors import Conflict, NotFound, ValidationFailed
from service_kit.pagination import CursorParams, keyset_paginate
from service_kit.text import fold

NATIONAL_ID = "national_id"
PHONE = "phone"


def province_of(commune_code: str) -> str:
    province = localities.province_of_commune(commune_code)
    if province is None:
        raise ValidationFailed(
            f"No commune or ward {commune_code}.",
            errors=[{"field": "commune_code", "message": "unknown commune or ward"}],
        )
    return province


@dataclass(kw_only=True)
class LearnerService:
    session: AsyncSession
    cipher: PersonalDataCipher
    client_ip: str | None = None

    def out(self, learner: Learner, *, sensitive: bool = False) -> LearnerOut:
        phone = self.cipher.decrypt(learner.phone_encrypted, field=PHONE) if learner.phone_encrypted else None
        return LearnerOut(
            id=learner.id,
            national_id_masked=learner.national_id_masked,
            full_name=learner.full_name,
            date_of_birth=learner.date_of_birth,
            gender=Gender(learner.gender),
            ethnicity=learner.ethnicity if sensitive else None,
            commune_code=learner.commune_code,
            province_code=learner.province_code,
            category=Category(learner.category),
            unit_code=learner.unit_code,
            phone_masked=mask_phone(phone) if phone else None,
            erased=learner.erased_at is not None,
            created_at=learner.created_at,
            updated_at=learner.updated_at,
        )

    async def _audit(self, access: LearnerAccess, action: str, learner: Learner, fields: list[str]) -> None:
        # The trail says who changed which fields, never the values: it must not become a copy of the data.
        await audit_trail.record(
            self.session,
            actor=access.principal.subject,
            action=action,
            object_type="learner",
            object_id=str(learner.id),
            after={"fields": sorted(fields), "national_id_masked": learner.national_id_masked},
            client_ip=self.client_ip,
        )

    def hash_of(self, national_id: str) -> bytes:
        return self.cipher.lookup_hash(national_id, field=NATIONAL_ID)

    async def create(self, access: LearnerAccess, data: LearnerCreate) -> Learner:
        province = province_of(data.commune_code)
        access.ensure_covers(unit_code=data.unit_code, commune_code=data.commune_code)
        learner = Learner(
            province_code=province,
            commune_code=data.commune_code,
            national_id_hash=self.hash_of(data.national_id),
            national_id_encrypted=self.cipher.encrypt(data.national_id, field=NATIONAL_ID),
            national_id_masked=mask_national_id(data.national_id),
            full_name=data.full_name,
            full_name_folded=fold(data.full_name),
            date_of_birth=data.date_of_birth,
            birth_year=data.date_of_birth.year,
            gender=data.gender.value,
            ethnicity=data.ethnicity,
            category=data.category.value,
            unit_code=data.unit_code,
            phone_encrypted=self.cipher.encrypt(data.phone, field=PHONE) if data.phone else None,
        )
        self.session.add(learner)
        try:
            async with self.session.begin_nested():
                await self.session.flush()
        except IntegrityError:
            raise Conflict("A learner with this national ID exists.") from None
        await self.session.refresh(learner)
        await self._audit(access, "learner.created", learner, list(data.model_fields_set))
        return learner

    async def get(self, access: LearnerAccess, learner_id: uuid.UUID, *, for_update: bool = False) -> Learner:
        statement = select(Learner).where(Learner.id == learner_id)
        if for_update:
            statement = statement.with_for_update()
        learner = await self.session.scalar(statement)
        if learner is None:
            raise NotFound(f"No learner {learner_id}.")
        access.ensure_covers(unit_code=learner.unit_code, commune_code=learner.commune_code)
        return learner

    async def find_by_national_id(self, national_id: str) -> Learner | None:
        learner: Learner | None = await self.session.scalar(
            select(Learner).where(Learner.national_id_hash == self.hash_of(national_id))
        )
        return learner

    async def list(
        self,
        access: LearnerAccess,
        params: CursorParams,
        *,
        national_id: str | None,
        commune_code: str | None,
        category: str | None,
        unit_code: str | None,
        q: str | None,
    ) -> tuple[list[Learner], str | None]:
        statement = select(Learner).where(Learner.erased_at.is_(None))
        if access.scope is not None:
            statement = statement.where(
                or_(
                    Learner.unit_code.in_(access.scope.units), Learner.commune_code.in_(access.scope.communes)
                )
            )
        if national_id is not None:
            statement = statement.where(Learner.national_id_hash == self.hash_of(national_id))
        if commune_code is not None:
            statement = statement.where(Learner.commune_code == commune_code)
        if category is not None:
            statement = statement.where(Learner.category == category)
        if unit_code is not None:
            statement = statement.where(Learner.unit_code == unit_code)
        for word in fold(q).split() if q else []:
            statement = statement.where(Learner.full_name_folded.contains(word, autoescape=True))
        return await keyset_paginate(
            self.session,
            statement,
            keys=[Learner.full_name_folded, Learner.id],
            key_of=lambda learner: (learner.full_name_folded, learner.id),
            params=params,
        )

    async def update(self, access: LearnerAccess, learner: Learner, data: LearnerUpdate) -> Learner:
        if learner.erased_at is not None:
            raise Conflict("This learner's personal data was erased.")
        changes: dict[str, Any] = data.model_dump(exclude_unset=True)
        if "commune_code" in changes:
            learner.province_code = province_of(changes["commune_code"])
        access.ensure_covers(
            unit_code=changes.get("unit_code", learner.unit_code),
            commune_code=changes.get("commune_code", learner.commune_code),
        )
        for name, value in changes.items():
            if name == "phone":
                learner.phone_encrypted = self.cipher.encrypt(value, field=PHONE) if value else None
            elif name == "full_name":
                learner.full_name, learner.full_name_folded = value, fold(value)
            elif name == "date_of_birth":
                learner.date_of_birth, learner.birth_year = value, value.year
            else:
                setattr(learner, name, value.value if hasattr(value, "value") else value)
        await self.session.flush()
        await self.session.refresh(learner)
        await self._audit(access, "learner.updated", learner, list(changes))
        return learner

    async def erase(self, access: LearnerAccess, learner: Learner) -> None:
        """Right to erasure: the person is gone; anonymous records stay counted in the statistics."""
        if learner.erased_at is not None:
            return
        masked = learner.national_id_masked
        learner.national_id_hash = None
        learner.national_id_encrypted = None
        learner.national_id_masked = None
        learner.full_name = None
        learner.full_name_folded = ""
        learner.date_of_birth = None
        learner.phone_encrypted = None
        learner.erased_at = datetime.now(UTC)
        await self.session.flush()
        await audit_trail.record(
            self.session,
            actor=access.principal.subject,
            action="learner.erased",
            object_type="learner",
            object_id=str(learner.id),
            before={"national_id_masked": masked},
            after={"fields": ["date_of_birth", "full_name", "national_id", "phone"]},
            client_ip=self.client_ip,
        )

    async def match(self, national_id: str, date_of_birth: date) -> uuid.UUID | None:
        """The learner with both details, compared in constant time; no hint which one differed."""
        learner = await self.find_by_national_id(national_id)
        stored = learner.date_of_birth.isoformat() if learner and learner.date_of_birth else "0000-00-00"
        if hmac.compare_digest(stored.encode(), date_of_birth.isoformat().encode()) and learner is not None:
            return learner.id
        return None
