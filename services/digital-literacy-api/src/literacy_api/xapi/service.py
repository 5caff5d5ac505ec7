"""Rules of the learning record store: statements validated, stored once (the same id with other content is
a conflict), voided, queried and formatted; and statements that mean a completed or passed course turned
into the learner's training record through the training service (its state machine, audit and rollups),
waiting while their actor is not linked to a learner, undone when voided unless the record moved on."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from literacy_api import access
from literacy_api.database import audit_trail
from literacy_api.learners.schemas import LearnerAction
from literacy_api.training import repository as training_repository
from literacy_api.training.schemas import RecordIn, RecordStatus
from literacy_api.training.service import TrainingService
from literacy_api.xapi import repository, signature
from literacy_api.xapi.models import ActorLink, XapiStatement
from literacy_api.xapi.multipart import Part
from literacy_api.xapi.repository import StatementQuery
from literacy_api.xapi.schemas import (
    VOIDED,
    ActorLinkIn,
    ActorLinkOut,
    Agent,
    Group,
    Statement,
    StatementRef,
    SubStatement,
)
from service_kit.access import READ, Actor
from service_kit.errors import BadRequest, Conflict, NotFound, ProblemError
from service_kit.pagination import CursorPage
from service_kit.types import EARLIEST_DATE as EARLIEST
from service_kit.types import VIETNAM, today_in_vietnam

MAX_LIMIT = 500
DEFAULT_LIMIT = 100
# What a learning platform sends when a learner finishes a course: ADL's `completed` and `passed` (Open edX
# sends `passed`, Moodle `completed`), `achieved` (Moodle's certificates, the TLA and DoD vocabularies), and
# `earned` with a passing result.
COMPLETION_WORDS = {"completed", "passed", "achieved"}
EARNED_WORDS = {"earned"}
NOT_META = ("stored", "authority", "version", "id")


def _last_word(iri: str) -> str:
    return iri.rstrip("/").replace("#", "/").rsplit("/", 1)[-1].lower()


def _sha1_mbox(mbox: str) -> str:
    return hashlib.sha1(mbox.encode()).hexdigest()  # noqa: S324 - xAPI's mbox_sha1sum is SHA-1 by definition


def agent_key(agent: Agent | Group) -> str:
    """The actor as one string: its inverse functional identifier (an e-mail as its SHA-1, so that mbox and
    mbox_sha1sum name the same person); an anonymous group by its members."""
    if agent.mbox is not None:
        return f"mbox_sha1sum:{_sha1_mbox(agent.mbox)}"
    if agent.mbox_sha1sum is not None:
        return f"mbox_sha1sum:{agent.mbox_sha1sum.lower()}"
    if agent.openid is not None:
        return f"openid:{_digest(agent.openid)}"
    if agent.account is not None:
        return _account_key(agent.account.home_page, agent.account.name)
    members = sorted(agent_key(m) for m in (agent.member or [])) if isinstance(agent, Group) else []
    return "group:" + hashlib.sha256("\n".join(members).encode()).hexdigest()


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _account_key(home_page: str, name: str) -> str:
    """An account as a short index key (its parts can be long): the SHA-256 of homePage and name."""
    return "account:" + _digest(json.dumps([home_page, name], ensure_ascii=False))


def link_key(data: ActorLinkIn) -> str:
    if data.mbox_sha1sum is not None:
        return f"mbox_sha1sum:{data.mbox_sha1sum}"
    assert data.actor_account_homepage is not None
    assert data.actor_account_name is not None
    return _account_key(data.actor_account_homepage, data.actor_account_name)


def _agents(actor: Agent | Group) -> list[str]:
    keys = [agent_key(actor)]
    if isinstance(actor, Group):
        keys += [agent_key(m) for m in actor.member or []]
    return keys


def _context_lists(statement: Statement | SubStatement) -> tuple[list[str], list[str]]:
    activities: list[str] = []
    agents: list[str] = []
    context = statement.context
    if context is not None:
        if context.context_activities is not None:
            for kind in ("parent", "grouping", "category", "other"):
                value = getattr(context.context_activities, kind)
                for activity in value if isinstance(value, list) else [value] if value else []:
                    activities.append(activity.id)
        if context.instructor is not None:
            agents += _agents(context.instructor)
        if context.team is not None:
            agents += _agents(context.team)
        for context_agent in context.context_agents or []:
            agents.append(agent_key(context_agent.agent))
        for context_group in context.context_groups or []:
            agents += _agents(context_group.group)
    return activities, agents


def related(statement: Statement) -> tuple[list[str], list[str]]:
    """What `related_activities` and `related_agents` match: the statement's own activity and actors, its
    context's, and its sub-statement's."""
    activities, agents = _context_lists(statement)
    agents += _agents(statement.actor)
    if statement.authority is not None:
        agents += _agents(statement.authority)
    target = statement.object
    if isinstance(target, SubStatement):
        sub_activities, sub_agents = _context_lists(target)
        activities += sub_activities
        agents += sub_agents + _agents(target.actor)
        target = target.object
    if isinstance(target, Agent | Group):
        agents += _agents(target)
    elif not isinstance(target, StatementRef | SubStatement):
        activities.append(target.id)
    return sorted(set(activities)), sorted(set(agents))


def course_activities(statement: Statement) -> list[str]:
    """The activities a completion may be about: the object, and the course it belongs to (context parent and
    grouping, as Open edX and Moodle send them)."""
    ids = []
    if not isinstance(statement.object, Agent | Group | StatementRef | SubStatement):
        ids.append(statement.object.id)
    context = statement.context
    if context is not None and context.context_activities is not None:
        for kind in ("parent", "grouping"):
            value = getattr(context.context_activities, kind)
            ids += [a.id for a in (value if isinstance(value, list) else [value] if value else [])]
    return ids


def means_completion(statement: Statement) -> bool:
    word = _last_word(statement.verb.id)
    success = statement.result.success if statement.result is not None else None
    if word in COMPLETION_WORDS:
        return success is not False
    return word in EARNED_WORDS and success is True


def _day_of(value: str, fallback: date) -> date:
    """The day in Vietnam of a statement's timestamp (validated already; `fallback` if it cannot be one):
    a course finished at 06:30 in Hà Nội counts on that day, not on the UTC day before."""
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        return (
            (parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)).astimezone(VIETNAM).date()
        )
    except (ValueError, OverflowError):
        return fallback


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _reason(error: ValidationError | ValueError) -> str:
    if isinstance(error, ValidationError):
        first = error.errors(include_url=False, include_input=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        return f"{where}: {first['msg']}"[:300]
    return str(error)[:300]


def _same(stored: dict[str, Any], sent: dict[str, Any], *, timestamp_sent: bool) -> bool:
    """The same statement again: equal in everything the client says (the LRS's own stored, authority and
    version aside, and the timestamp when the client left it to the LRS)."""
    keys = (set(stored) | set(sent)) - set(NOT_META)
    if not timestamp_sent:
        keys.discard("timestamp")
    return all(stored.get(k) == sent.get(k) for k in keys)


def ids_format(value: Any, key: str | None = None) -> Any:
    """`format=ids`: agents and groups by their identifier only, activities and verbs by id."""
    if isinstance(value, list):
        return [ids_format(v, key) for v in value]
    if not isinstance(value, dict):
        return value
    kind = value.get("objectType")
    if key in ("actor", "instructor", "team", "authority", "agent", "group", "member") or kind in (
        "Agent",
        "Group",
    ):
        kept = {
            k: value[k] for k in ("objectType", "mbox", "mbox_sha1sum", "openid", "account") if k in value
        }
        if "member" in value and not any(k in value for k in ("mbox", "mbox_sha1sum", "openid", "account")):
            kept["member"] = ids_format(value["member"], "member")
        return kept
    if key == "verb" or (
        key in ("object", "parent", "grouping", "category", "other") and kind in (None, "Activity")
    ):
        return {"id": value["id"]} if "id" in value else value
    return {k: ids_format(v, k) for k, v in value.items()}


def canonical_format(value: Any, languages: list[str], key: str | None = None) -> Any:
    """`format=canonical`: every language map reduced to the one language the caller prefers."""
    if isinstance(value, list):
        return [canonical_format(v, languages, key) for v in value]
    if not isinstance(value, dict):
        return value
    if (
        key in ("display", "name", "description")
        and value
        and all(isinstance(v, str) for v in value.values())
    ):
        for language in languages:
            for tag in value:
                if tag.lower() == language.lower() or tag.lower().split("-")[0] == language.lower():
                    return {tag: value[tag]}
        first = next(iter(value))
        return {first: value[first]}
    if key == "extensions":
        return value
    return {k: canonical_format(v, languages, k) for k, v in value.items()}


def _null_at(value: Any, path: str = "") -> str | None:
    """Where a statement holds a null (xAPI allows none outside extensions)."""
    if value is None:
        return path or "statement"
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "extensions":
                continue
            found = _null_at(item, f"{path}.{key}" if path else str(key))
            if found is not None:
                return found
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found = _null_at(item, f"{path}[{index}]")
            if found is not None:
                return found
    return None


def _with_context_arrays(statement: dict[str, Any]) -> dict[str, Any]:
    """Each context activity kept as a list (the LRS returns arrays even for one), here and in a
    sub-statement."""
    for holder in (statement, statement.get("object")):
        if not isinstance(holder, dict) or not isinstance(holder.get("context"), dict):
            continue
        context = dict(holder["context"])
        activities = context.get("contextActivities")
        if isinstance(activities, dict):
            context["contextActivities"] = {
                kind: value if isinstance(value, list) else [value] for kind, value in activities.items()
            }
        holder["context"] = context
        if holder is not statement:
            statement["object"] = holder
    return statement


def _merged(kept: dict[str, Any], sent: dict[str, Any]) -> dict[str, Any]:
    merged = {**kept, **sent}
    for key in repository.MERGED_KEYS:
        if isinstance(kept.get(key), dict) and isinstance(sent.get(key), dict):
            merged[key] = {**kept[key], **sent[key]}
    return merged


def _definitions(fresh: list[Prepared]) -> dict[str, dict[str, Any]]:
    """The definitions the batch sends of its activities (the statements' objects, a sub-statement's too),
    joined per activity in the batch's order."""
    found: dict[str, dict[str, Any]] = {}
    for item in fresh:
        for target in (item.document.get("object"), (item.document.get("object") or {}).get("object")):
            if not isinstance(target, dict) or target.get("objectType", "Activity") != "Activity":
                continue
            definition = target.get("definition")
            if isinstance(definition, dict) and isinstance(target.get("id"), str):
                found[target["id"]] = _merged(found.get(target["id"], {}), definition)
    return found


def _check_attachments(prepared: list[Prepared], batch: list[Any], parts: dict[str, Part]) -> None:
    declared: set[str] = set()
    needed: set[str] = set()
    for item, raw in zip(prepared, batch, strict=True):
        for attachment in item.model.attachments or []:
            sha2 = attachment.sha2.lower()
            declared.add(sha2)
            if attachment.file_url is None:
                needed.add(sha2)
            if attachment.usage_type != signature.SIGNATURE_USAGE:
                continue
            part = parts.get(sha2)
            if attachment.content_type != signature.SIGNATURE_TYPE or part is None:
                raise BadRequest(
                    code="xapi.attachments_invalid",
                    params={"reason": "a signature is an application/octet-stream part (a JWS)"},
                )
            try:
                signature.verify(part.content, raw)
            except ValueError as error:
                raise BadRequest(code="xapi.signature_invalid", params={"reason": str(error)}) from None
    if needed - set(parts):
        raise BadRequest(
            code="xapi.attachments_invalid",
            params={"reason": "an attachment without fileUrl has no part of its SHA-2"},
        )
    if set(parts) - declared:
        raise BadRequest(
            code="xapi.attachments_invalid", params={"reason": "a part is not an attachment of a statement"}
        )


@dataclass(frozen=True)
class Cursor:
    after: int
    upto: int

    def encode(self) -> str:
        return base64.urlsafe_b64encode(f"{self.after}.{self.upto}".encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, text: str) -> Cursor:
        try:
            after, upto = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)).decode().split(".")
            cursor = cls(int(after), int(upto))
        except (ValueError, binascii.Error, UnicodeDecodeError):
            raise BadRequest(code="xapi.cursor_invalid") from None
        if not (0 <= cursor.after <= 2**62 and 0 <= cursor.upto <= 2**62):
            raise BadRequest(code="xapi.cursor_invalid")
        return cursor


@dataclass(frozen=True)
class Prepared:
    model: Statement
    document: dict[str, Any]
    id: uuid.UUID
    timestamp_sent: bool = True


@dataclass(kw_only=True)
class XapiService:
    session: AsyncSession
    province_code: str

    # ----- writing statements

    def _authority(self, actor: Actor) -> dict[str, Any]:
        return {
            "objectType": "Agent",
            "name": actor.principal.client_id or actor.subject,
            "account": {
                "homePage": actor.principal.issuer,
                "name": actor.principal.client_id or actor.subject,
            },
        }

    def _prepare(self, raw: Any, version_2: bool, actor: Actor, stored: datetime) -> Prepared:
        if not isinstance(raw, dict):
            raise BadRequest(code="xapi.statement_invalid", params={"reason": "a statement is a JSON object"})
        where = _null_at(raw)
        if where is not None:
            raise BadRequest(
                code="xapi.statement_invalid", params={"reason": f"{where}: null is not a value"}
            )
        try:
            model = Statement.model_validate(raw)
            model.check(version_2)
        except (ValidationError, ValueError) as error:
            raise BadRequest(code="xapi.statement_invalid", params={"reason": _reason(error)}) from None
        statement_id = uuid.UUID(model.id) if model.id else uuid.uuid4()
        document = _with_context_arrays(dict(raw))
        document["id"] = str(statement_id)
        document["stored"] = _iso(stored)
        document.setdefault("timestamp", document["stored"])
        document["version"] = model.version or ("2.0.0" if version_2 else "1.0.0")
        document["authority"] = self._authority(actor)
        return Prepared(model=model, document=document, id=statement_id, timestamp_sent="timestamp" in raw)

    async def store(
        self,
        actor: Actor,
        body: Any,
        *,
        version_2: bool,
        statement_id: uuid.UUID | None = None,
        attachments: dict[str, Part] | None = None,
    ) -> list[uuid.UUID]:
        """Stores one statement (PUT, `statement_id` given) or a batch (POST): all or none. A statement whose id
        is already stored with the same content is taken as sent again (nothing changes); with other content
        it is a conflict (409) and nothing of the batch is stored. `attachments` are the parts of a
        multipart/mixed request by SHA-2: each must be an attachment of a statement, every attachment without
        a `fileUrl` must have one, and a signature attachment must be a JWS of its statement."""
        access.XAPI_STATEMENTS.ensure(actor, "write", None)
        batch = body if isinstance(body, list) else [body]
        if statement_id is not None and isinstance(body, list):
            raise BadRequest(code="xapi.statement_invalid", params={"reason": "PUT takes one statement"})
        if not batch:
            return []
        stored = datetime.now(UTC)
        prepared = [self._prepare(raw, version_2, actor, stored) for raw in batch]
        if statement_id is not None:
            sent_id = batch[0].get("id")
            if sent_id is not None and uuid.UUID(sent_id) != statement_id:
                raise BadRequest(code="xapi.statement_id_mismatch")
            prepared[0].document["id"] = str(statement_id)
            prepared[0] = Prepared(
                prepared[0].model, prepared[0].document, statement_id, prepared[0].timestamp_sent
            )
        parts = attachments or {}
        _check_attachments(prepared, batch, parts)
        ids = [p.id for p in prepared]
        if len(set(ids)) != len(ids):
            raise BadRequest(code="xapi.statement_duplicate_in_batch")
        existing = await repository.by_ids(self.session, ids)
        fresh = []
        for item in prepared:
            found = existing.get(item.id)
            if found is None:
                fresh.append(item)
            elif not _same(found.statement, item.document, timestamp_sent=item.timestamp_sent):
                raise Conflict(code="xapi.statement_conflict", params={"statement_id": str(item.id)})
        await self._void_targets(actor, fresh)
        rows = []
        for item in fresh:
            activities, agents = related(item.model)
            target = item.model.object
            completion = item.model.verb.id != VOIDED and means_completion(item.model)
            course = (
                await repository.course_meaning(self.session, course_activities(item.model))
                if completion
                else None
            )
            registration = item.model.context.registration if item.model.context else None
            rows.append(
                {
                    "id": item.id,
                    "province_code": self.province_code,
                    "statement": item.document,
                    "actor_key": agent_key(item.model.actor),
                    "verb_id": item.model.verb.id,
                    "activity_id": None
                    if isinstance(target, Agent | Group | StatementRef | SubStatement)
                    else target.id,
                    "registration": uuid.UUID(registration) if registration else None,
                    "related_activities": activities,
                    "related_agents": agents,
                    "voided": False,
                    "voids": uuid.UUID(target.id)
                    if item.model.verb.id == VOIDED and isinstance(target, StatementRef)
                    else None,
                    "statement_ref": uuid.UUID(target.id) if isinstance(target, StatementRef) else None,
                    "stored": stored,
                    "client_id": actor.principal.client_id or actor.subject,
                    "effect": "pending" if course else "none",
                    "course_code": course,
                }
            )
        inserted = await repository.insert_all(self.session, rows)
        await repository.merge_definitions(self.session, _definitions(fresh))
        await repository.save_attachments(
            self.session,
            [
                (sha2, part.media_type or "application/octet-stream", part.content)
                for sha2, part in parts.items()
            ],
        )
        pending = [row for row in inserted if row.effect == "pending"]
        links = await repository.links_of(self.session, sorted({row.actor_key for row in pending}))
        for row in pending:
            link = links.get(row.actor_key)
            if link is not None:
                await self._apply(row, link.learner_id)
        return ids

    async def _void_targets(self, actor: Actor, fresh: list[Prepared]) -> None:
        targets = {
            uuid.UUID(p.model.object.id): p
            for p in fresh
            if p.model.verb.id == VOIDED and isinstance(p.model.object, StatementRef)
        }
        if not targets:
            return
        found = await repository.by_ids(self.session, list(targets))
        for target_id in targets:
            target = found.get(target_id)
            if target is None:
                continue  # the specification: a voiding statement is not refused for a target not (yet) here
            if target.verb_id == VOIDED:
                raise BadRequest(code="xapi.void_voiding", params={"statement_id": str(target_id)})
        await repository.mark_voided(self.session, [t for t in targets if t in found])
        for target in found.values():
            await self._undo(actor, target)

    async def _apply(self, row: XapiStatement, learner_id: uuid.UUID) -> None:
        """The statement's completion becomes the learner's record of the course (created or completed, the
        certificate issued), through the training service."""
        assert row.course_code is not None
        recorder = access.xapi_recorder(row.client_id)
        existing = await training_repository.record_of(self.session, learner_id, row.course_code)
        if existing is not None and existing.status == RecordStatus.COMPLETED:
            row.effect = "none"
            return
        before = None if existing is None else {"status": existing.status, "progress": existing.progress}
        today = today_in_vietnam()
        day = _day_of(str(row.statement.get("timestamp") or row.statement["stored"]), today)
        day = today if day > today or day < EARLIEST else day
        if existing is not None and day < existing.enrolled_on:
            day = existing.enrolled_on
        score: float | None = None
        result = row.statement.get("result")
        scaled = result.get("score", {}).get("scaled") if isinstance(result, dict) else None
        if isinstance(scaled, int | float) and 0 <= scaled <= 1:
            score = round(scaled * 100, 2)
        try:
            data = RecordIn.model_validate(
                {
                    "learner_id": str(learner_id),
                    "course_code": row.course_code,
                    "status": RecordStatus.COMPLETED.value,
                    "progress": 100,
                    "score": score,
                    "enrolled_on": day.isoformat() if existing is None else None,
                    "completed_on": day.isoformat(),
                    "source": "xapi",
                }
            )
            record, _created = await TrainingService(session=self.session).record(recorder, data, today=today)
        except (ProblemError, ValidationError):
            row.effect = "refused"
            return
        stored_record = await training_repository.record_by_id(self.session, record.id)
        row.effect = "applied"
        row.record_id = record.id
        row.record_before = before
        row.record_updated_at = stored_record.updated_at if stored_record else None
        await repository.flush(self.session)

    async def _undo(self, actor: Actor, target: XapiStatement) -> None:
        if target.effect == "pending":
            target.effect = "none"
        elif target.effect == "applied" and target.record_id is not None:
            before = target.record_before or {"status": RecordStatus.ENROLLED.value, "progress": 0}
            reverted = await TrainingService(session=self.session).revert_completion(
                access.xapi_recorder(actor.principal.client_id or actor.subject),
                target.record_id,
                status=RecordStatus(before["status"]),
                progress=int(before["progress"]),
                unchanged_since=target.record_updated_at,
                reason=f"xAPI statement {target.id} voided",
            )
            if reverted:
                target.effect = "reverted"
        await repository.flush(self.session)

    # ----- reading statements

    async def one(self, actor: Actor, statement_id: uuid.UUID, *, voided: bool) -> dict[str, Any]:
        access.XAPI_STATEMENTS.ensure(actor, "read_statements", None)
        row = await repository.by_id(self.session, statement_id)
        if row is None or row.voided != voided:
            raise NotFound(code="xapi.statement_not_found")
        return row.statement

    async def query(
        self, actor: Actor, query: StatementQuery, limit: int, cursor: str | None
    ) -> tuple[list[dict[str, Any]], str | None]:
        """A page of statements and the cursor of the next one (None at the end). The first page fixes the
        newest statement it may show, so later pages never show a statement stored after the first."""
        access.XAPI_STATEMENTS.ensure(actor, "read_statements", None)
        limit = MAX_LIMIT if limit == 0 else min(limit, MAX_LIMIT)
        if cursor is not None:
            position = Cursor.decode(cursor)
            upto = position.upto
            query = StatementQuery(**{**query.__dict__, "after_seq": position.after, "upto_seq": upto})
        else:
            upto = await repository.last_seq(self.session)
            query = StatementQuery(**{**query.__dict__, "upto_seq": upto})
        rows = await repository.page(
            self.session, query, limit, await repository.referring(self.session, query)
        )
        more = None
        if len(rows) > limit:
            rows = rows[:limit]
            more = Cursor(rows[-1].seq, upto).encode()
        return [row.statement for row in rows], more

    async def attachments_of(
        self, actor: Actor, statements: list[dict[str, Any]]
    ) -> list[tuple[str, str, bytes]]:
        """The attachments (SHA-2, media type, content) of these statements that this store holds."""
        access.XAPI_STATEMENTS.ensure(actor, "read_statements", None)
        wanted = sorted(
            {
                str(a.get("sha2", "")).lower()
                for s in statements
                for a in s.get("attachments") or []
                if isinstance(a, dict) and a.get("sha2")
            }
        )
        return await repository.attachments(self.session, wanted)

    async def activity(self, actor: Actor, activity_id: str) -> dict[str, Any]:
        access.XAPI_STATEMENTS.ensure(actor, "read_statements", None)
        found = await repository.definition(self.session, activity_id)
        return {"objectType": "Activity", "id": activity_id, **({"definition": found} if found else {})}

    async def person(self, actor: Actor, agent: Agent) -> dict[str, Any]:
        """The Person object of an agent: what this LRS knows of it (its identifier and name)."""
        access.XAPI_STATEMENTS.ensure(actor, "read_statements", None)
        person: dict[str, Any] = {"objectType": "Person"}
        if agent.name is not None:
            person["name"] = [agent.name]
        if agent.mbox is not None:
            person["mbox"] = [agent.mbox]
        if agent.mbox_sha1sum is not None:
            person["mbox_sha1sum"] = [agent.mbox_sha1sum]
        if agent.openid is not None:
            person["openid"] = [agent.openid]
        if agent.account is not None:
            person["account"] = [{"homePage": agent.account.home_page, "name": agent.account.name}]
        return person

    # ----- actor links

    async def link(self, actor: Actor, data: ActorLinkIn) -> tuple[ActorLinkOut, bool]:
        """Links the actor to the learner (the caller must be able to add records for them), and applies the
        actor's waiting statements. The same link again is answered as it is; another learner is a conflict."""
        access.ACTOR_LINKS.ensure(actor, "create", None)
        learner = await training_repository.learner(self.session, data.learner_id)
        if learner is None or not access.LEARNERS.can(actor, READ, learner):
            raise NotFound(code="learner.not_found")
        access.LEARNERS.ensure(actor, LearnerAction.ADD_RECORD, learner)
        key = link_key(data)
        existing = await repository.link_of(self.session, key)
        if existing is not None:
            if existing.learner_id != data.learner_id:
                raise Conflict(code="xapi.actor_linked_elsewhere")
            return ActorLinkOut.model_validate(existing), False
        link = ActorLink(
            province_code=learner.province_code,
            actor_key=key,
            actor_account_homepage=data.actor_account_homepage,
            actor_account_name=data.actor_account_name,
            mbox_sha1sum=data.mbox_sha1sum,
            learner_id=data.learner_id,
            created_by=actor.subject,
        )
        await repository.save_link(self.session, link)
        await audit_trail.record(
            self.session,
            actor=actor,
            action="actor_link.created",
            object_type="learner",
            object_id=str(data.learner_id),
            after={"actor_link": str(link.id)},
        )
        applied = 0
        for row in await repository.waiting(self.session, key):
            if row.voided:
                continue
            await self._apply(row, link.learner_id)
            applied += row.effect == "applied"
        return ActorLinkOut.model_validate(link).model_copy(update={"applied": applied}), True

    async def links(
        self, actor: Actor, learner_id: uuid.UUID | None, cursor: str | None, limit: int
    ) -> CursorPage[ActorLinkOut]:
        access.ACTOR_LINKS.ensure(actor, READ, None)
        after = None
        if cursor:
            try:
                after = uuid.UUID(cursor)
            except ValueError:
                raise BadRequest(code="xapi.cursor_invalid") from None
        rows = await repository.links(self.session, access.learner_scope(actor), learner_id, after, limit)
        more = str(rows[limit - 1].id) if len(rows) > limit else None
        return CursorPage(items=[ActorLinkOut.model_validate(r) for r in rows[:limit]], next_cursor=more)
