"""Rules of files: officials upload; a file is read by whoever reads what it is attached to (a dossier,
a decision, a report, a plan, an initiative), and by its uploader alone while it is attached to nothing."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from campaign_api.access import FILE_LIST, FILES, Attachment, Filing
from campaign_api.auditing import AuditedService
from campaign_api.campaigns.service import CampaignService
from campaign_api.files import repository
from campaign_api.files.schemas import FileOut
from campaign_api.participation import repository as participation
from campaign_api.recognition import repository as recognition
from service_kit.access import READ, Actor
from service_kit.errors import NotFound
from service_kit.files import StoredFile, not_attached

ATTACHABLE = ("dossier", "decision", "report", "plan", "initiative")


@dataclass(kw_only=True)
class FileService(AuditedService):
    campaigns: CampaignService

    async def upload(self, actor: Actor, *, filename: str | None, data: bytes, limit: int) -> FileOut:
        FILE_LIST.ensure(actor, "upload", None)
        stored = await repository.store(
            self.session, uploaded_by=actor.subject, filename=filename, data=data, limit=limit
        )
        await self.audit(
            actor,
            "file.uploaded",
            "file",
            str(stored.id),
            after={"content_type": stored.content_type, "size": stored.size, "sha256": stored.sha256},
        )
        return FileOut.model_validate(stored)

    async def _attachment(self, stored: StoredFile) -> Attachment:
        if stored.attached_type is None or stored.attached_id is None:
            return Attachment(stored.uploaded_by, None)
        if stored.attached_type == "dossier":
            dossier = await recognition.dossier(self.session, uuid.UUID(stored.attached_id))
            if dossier is None:
                raise NotFound(code="file.not_found")
            campaign = await self.campaigns.get(dossier.campaign_id)
            return Attachment(stored.uploaded_by, Filing(campaign, dossier.unit_code, dossier.status))
        if stored.attached_type == "decision":
            return Attachment(stored.uploaded_by, None, public=True)
        if stored.attached_type == "report":
            report = await participation.report(self.session, uuid.UUID(stored.attached_id))
            if report is None:
                raise NotFound(code="file.not_found")
            return await self._filed(stored, report.campaign_id, report.unit_code)
        if stored.attached_type == "initiative":
            initiative = await recognition.initiative(self.session, uuid.UUID(stored.attached_id))
            if initiative is None:
                raise NotFound(code="file.not_found")
            return await self._filed(stored, initiative.campaign_id, initiative.unit_code)
        if stored.attached_type == "plan":
            campaign_id, _, unit_code = stored.attached_id.partition("/")
            return await self._filed(stored, uuid.UUID(campaign_id), unit_code)
        raise not_attached(ATTACHABLE)

    async def _filed(self, stored: StoredFile, campaign_id: uuid.UUID, unit_code: str) -> Attachment:
        """A file of what a unit files in a movement: read by whoever reads that unit's filings."""
        campaign = await self.campaigns.get(campaign_id)
        return Attachment(stored.uploaded_by, Filing(campaign, unit_code))

    async def readable(self, actor: Actor, file_id: uuid.UUID) -> tuple[StoredFile, bytes]:
        """The file and its bytes, when the caller may read it (404 otherwise: its existence does not leak)."""
        stored = await repository.get(self.session, file_id)
        if stored is None:
            raise NotFound(code="file.not_found")
        FILES.ensure(actor, READ, await self._attachment(stored))
        return stored, await repository.read(self.session, file_id)
