"""Rules of learners' personal data: validated, encrypted, masked, scoped, erasable, audited without copies."""

from __future__ import annotations

import hmac
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from literacy_api import access
from literacy_api.database import audit_trail
from literacy_api.learners import repository
from literacy_api.learners.models import Learner
from literacy_api.learners.schemas import (
    Category,
    Gender,
    LearnerAction,
    LearnerCreate,
    LearnerOut,
    LearnerPage,
    LearnerUpdate,
    ListAction,
    PersonalDataExport,
)
from literacy_api.training.schemas import RecordOut
from reference_data.localities import localities
from reference_data.personal_data import PersonalDataCipher, mask_national_id, mask_phone
from service_kit.access import Actor
from service_kit.db import flush_or_conflict
from service_kit.errors import (
    Conflict,
    DependencyUnavailable,
    NotFound,
    field_error,
    unknown_reference,
)
from service_kit.pagination import CursorParams
from service_kit.text import fold

NATIONAL_ID = "national_id"
PHONE = "phone"


class UnitDirectory(Protocol):
    """campaign-api's directory of units, as far as learners need it (cached by the client)."""

    async def unit_exists(self, code: str) -> bool: ...


class SignInAccounts(Protocol):
    """campaign-api's learner accounts, as erasure needs them (`clients.campaign.LearnerAccounts`)."""

    async def deactivate(self, learner_id: uuid.UUID) -> None: ...


@dataclass(frozen=True)
class Place:
    """Where a learner is (or would be after a change): their unit and their commune."""

    unit_code: str | None
    commune_code: str | None


def province_of(commune_code: str, field: str = "commune_code") -> str:
    province = localities.province_of_commune(commune_code)
    if province is None:
        raise field_error(field, code="locality.unknown_commune", commune_code=commune_code)
    return province


async def ensure_unit_exists(units: UnitDirectory, unit_code: str | None, field: str = "unit_code") -> None:
    """Unknown unit codes are refused (422): a learner of a unit that does not exist counts nowhere."""
    if unit_code is not None and not await units.unit_exists(unit_code):
        raise unknown_reference(field, code="unit.unknown", unit_code=unit_code)


@dataclass(kw_only=True)
class LearnerService:
    session: AsyncSession
    cipher: PersonalDataCipher
    units: UnitDirectory
    accounts: SignInAccounts | None = None

    def out(self, actor: Actor, learner: Learner, *, single: bool = False) -> LearnerOut:
        """The learner as `actor` sees it; ethnicity for administrators, on the single record only."""
        phone = self.cipher.decrypt(learner.phone_encrypted, field=PHONE) if learner.phone_encrypted else None
        sensitive = single and access.sees_sensitive_data(actor)
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
            allowed_actions=access.actions(access.LEARNERS, LearnerAction, actor, learner),
        )

    async def _audit(self, actor: Actor, action: str, learner: Learner, fields: list[str]) -> None:
        # The trail says who changed which fields, never the values: it must not become a copy of the data.
        await audit_trail.record(
            self.session,
            actor=actor,
            action=action,
            object_type="learner",
            object_id=str(learner.id),
            after={"fields": sorted(fields), "national_id_masked": learner.national_id_masked},
        )

    def hash_of(self, national_id: str) -> bytes:
        return self.cipher.lookup_hash(national_id, field=NATIONAL_ID)

    async def create(self, actor: Actor, data: LearnerCreate) -> Learner:
        province = province_of(data.commune_code)
        await ensure_unit_exists(self.units, data.unit_code)
        access.LEARNER_PLACES.ensure(actor, "place", Place(data.unit_code, data.commune_code))
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
        await flush_or_conflict(self.session, Conflict(code="learner.exists"))
        await repository.refresh(self.session, learner)
        await self._audit(actor, "learner.created", learner, list(data.model_fields_set))
        return learner

    async def page(
        self,
        actor: Actor,
        params: CursorParams,
        *,
        national_id: str | None,
        commune_code: str | None,
        category: str | None,
        unit_code: str | None,
        q: str | None,
    ) -> LearnerPage:
        learners, next_cursor = await repository.page(
            self.session,
            access.learner_scope(actor),
            params,
            national_id_hash=self.hash_of(national_id) if national_id is not None else None,
            commune_code=commune_code,
            category=category,
            unit_code=unit_code,
            q=q,
        )
        # Ethnicity never appears in lists.
        return LearnerPage(
            items=[self.out(actor, learner) for learner in learners],
            next_cursor=next_cursor,
            allowed_actions=access.actions(access.LEARNER_REGISTER, ListAction, actor, None),
        )

    async def update(self, actor: Actor, learner: Learner, data: LearnerUpdate) -> Learner:
        if learner.erased_at is not None:
            raise Conflict(code="learner.erased")
        changes: dict[str, Any] = data.model_dump(exclude_unset=True)
        if "commune_code" in changes:
            province = province_of(changes["commune_code"])
        if changes.get("unit_code") is not None:
            await ensure_unit_exists(self.units, changes["unit_code"])
        # A change may not move the learner out of the caller's scope.
        access.LEARNER_PLACES.ensure(
            actor,
            "place",
            Place(
                changes.get("unit_code", learner.unit_code), changes.get("commune_code", learner.commune_code)
            ),
        )
        if "commune_code" in changes:
            learner.province_code = province
        for name, value in changes.items():
            if name == "phone":
                learner.phone_encrypted = self.cipher.encrypt(value, field=PHONE) if value else None
            elif name == "full_name":
                learner.full_name, learner.full_name_folded = value, fold(value)
            elif name == "date_of_birth":
                learner.date_of_birth, learner.birth_year = value, value.year
            else:
                setattr(learner, name, value.value if hasattr(value, "value") else value)
        # A move to another province meets that province's national-ID key: the same person there is a 409.
        await flush_or_conflict(self.session, Conflict(code="learner.exists"))
        await repository.refresh(self.session, learner)
        await self._audit(actor, "learner.updated", learner, list(changes))
        return learner

    async def erase(self, actor: Actor, learner: Learner) -> None:
        """Right to erasure: the person is gone; anonymous records stay counted in the statistics.

        First the person's sign-in account is deactivated in campaign-api: when it cannot answer, the
        erasure fails (503) before anything changed here, so that it is never half done. Then the row keeps
        only what the statistics count (province, commune, category, gender, unit): name, birth date and
        year, ethnicity, national ID and phone are cleared; and the idempotency records of requests whose
        kept answers name this learner lose those answers (a replay of the create answers 409, never the
        erased details, and creates nothing)."""
        if learner.erased_at is not None:
            return
        if self.accounts is None:
            raise DependencyUnavailable(code="learner.account_unavailable", service="campaign-api")
        await self.accounts.deactivate(learner.id)
        masked = learner.national_id_masked
        learner.national_id_hash = None
        learner.national_id_encrypted = None
        learner.national_id_masked = None
        learner.full_name = None
        learner.full_name_folded = ""
        learner.date_of_birth = None
        learner.birth_year = None
        learner.ethnicity = None
        learner.phone_encrypted = None
        learner.erased_at = datetime.now(UTC)
        await self.session.flush()
        await repository.forget_kept_answers(self.session, learner.id)
        await audit_trail.record(
            self.session,
            actor=actor,
            action="learner.erased",
            object_type="learner",
            object_id=str(learner.id),
            before={"national_id_masked": masked},
            after={
                "fields": ["birth_year", "date_of_birth", "ethnicity", "full_name", "national_id", "phone"],
                "account": "deactivated",
            },
        )

    async def match(self, national_id: str, date_of_birth: date) -> uuid.UUID:
        """The learner with both details, compared in constant time; no hint which one differed."""
        learner = await repository.by_national_id_hash(self.session, self.hash_of(national_id))
        stored = learner.date_of_birth.isoformat() if learner and learner.date_of_birth else "0000-00-00"
        if hmac.compare_digest(stored.encode(), date_of_birth.isoformat().encode()) and learner is not None:
            return learner.id
        raise NotFound(code="learner.no_match")

    async def own(self, actor: Actor) -> Learner:
        """The signed-in learner's record (no unit scope applies: it is their own)."""
        try:
            learner_id = uuid.UUID(str(actor.learner_id))
        except ValueError:
            raise NotFound(code="learner.not_linked") from None
        learner = await repository.get(self.session, learner_id)
        if learner is None or learner.erased_at is not None:
            raise NotFound(code="learner.not_linked")
        return learner

    async def export(self, actor: Actor) -> PersonalDataExport:
        """Everything held about the signed-in learner (Decree 13/2023: the right of access)."""
        learner = await self.own(actor)
        records = await repository.records_of(self.session, learner.id)
        cipher = self.cipher
        own_view = self.out(actor, learner).model_copy(
            update={"ethnicity": learner.ethnicity, "allowed_actions": []}
        )
        return PersonalDataExport(
            learner=own_view,
            national_id=cipher.decrypt(learner.national_id_encrypted, field=NATIONAL_ID)
            if learner.national_id_encrypted
            else None,
            phone=cipher.decrypt(learner.phone_encrypted, field=PHONE) if learner.phone_encrypted else None,
            records=[RecordOut.model_validate(r).model_dump(mode="json") for r in records],
            exported_at=datetime.now(UTC),
        )
