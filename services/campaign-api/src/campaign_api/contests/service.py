"""Rules of online contests.

- A contest lives in a movement; those who run the movement run it (`access.CONTESTS`).
- Rounds of a contest never overlap: a new or moved round is checked against the others with the contest
  row locked, so that two concurrent changes cannot both pass the check.
- Participants register without an account (the national ID kept only as the keyed hash of
  `reference_data`, the phone encrypted with its cipher) or join with their own account. Either way they
  get a participant token: `<contest_id>.<participant_id>.<HMAC-SHA256>` under `contest_token_key`, valid for
  that contest only, sent as `X-Participant-Token`. It carries no personal data and needs no session.
- An attempt's questions and option orders are drawn on the server from a stored seed; its deadline is
  the server's clock plus the contest's time limit (never past the round's close). Answers are kept until
  submit or deadline; after either, 409 and nothing kept. `attempts_per_round` is held by the database:
  the attempt's number is unique per round and participant and checked against the limit it started with.
- Score = questions answered exactly right (the chosen keys are the correct keys); seconds from start to
  submit (or deadline). An attempt left open past its deadline is finished with what it saved.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import random
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from openpyxl import Workbook, load_workbook
from pydantic import ValidationError

from campaign_api.access import CONTESTS, ContestSeen
from campaign_api.auditing import AuditedService
from campaign_api.campaigns.models import Campaign
from campaign_api.campaigns.service import CampaignService
from campaign_api.config import CampaignSettings
from campaign_api.contests import repository
from campaign_api.contests.models import (
    Contest,
    ContestAttempt,
    ContestParticipant,
    ContestQuestion,
    ContestRound,
    ContestSighting,
)
from campaign_api.contests.schemas import (
    AnswersIn,
    AttemptOut,
    AttemptStarted,
    ContestAction,
    ContestCreate,
    ContestOut,
    ContestStatus,
    ContestUpdate,
    DrawnQuestion,
    Flag,
    FlagKind,
    ImportProblem,
    ImportResult,
    Joining,
    OptionOut,
    ParticipantToken,
    PublicContest,
    QuestionIn,
    QuestionOut,
    QuestionUpdate,
    Registration,
    ResultItem,
    Results,
    Review,
    RoundCreate,
    RoundOut,
    RoundStatus,
    RoundUpdate,
    UnitChoice,
    UnitParticipation,
    UnitResult,
)
from campaign_api.identity.hashing import national_id_hash
from campaign_api.identity.models import Account
from reference_data.personal_data import PersonalDataCipher, lookup_digest, mask_name
from service_kit.access import Actor
from service_kit.db import flush_or_conflict
from service_kit.errors import (
    Conflict,
    Forbidden,
    InvalidState,
    NotFound,
    TooManyRequests,
    Unauthorized,
    conflicting_field,
    unknown_reference,
)
from service_kit.observability import current_client_address
from service_kit.pagination import Page, PageParams
from service_kit.spreadsheets import safe_row

PHONE_FIELD = "contest_phone"
ADDRESS_FIELD = "contest_address"
TEMPLATE_HEADERS = (
    "Chủ đề (topic)",
    "Câu hỏi (text)",
    "Phương án A",
    "Phương án B",
    "Phương án C",
    "Phương án D",
    "Đáp án đúng (correct_keys, vd: A hoặc A,C)",
    "Giải thích (explanation)",
    "Độ khó 1-5 (difficulty)",
)
OPTION_KEYS = ("A", "B", "C", "D")
MAX_IMPORT_ROWS = 5000


def _now() -> datetime:
    return datetime.now(UTC)


def round_status(round_: ContestRound, now: datetime | None = None) -> RoundStatus:
    moment = now or _now()
    if moment < round_.opens_at:
        return RoundStatus.SCHEDULED
    if moment < round_.closes_at:
        return RoundStatus.OPEN
    return RoundStatus.CLOSED


def question_out(question: ContestQuestion) -> QuestionOut:
    return QuestionOut.model_validate(question)


def is_right(chosen: list[str] | None, correct: list[str]) -> bool:
    return chosen is not None and sorted(set(chosen)) == sorted(set(correct)) and len(chosen) > 0


def draw(
    question_ids: list[uuid.UUID], options: dict[uuid.UUID, list[str]], count: int, seed: int
) -> list[dict[str, Any]]:
    """The questions of an attempt and each one's option order, reproducible from `seed`."""
    rng = random.Random(seed)  # noqa: S311 - a shuffle, not a secret (the seed itself is secret-drawn)
    picked = rng.sample(sorted(question_ids), min(count, len(question_ids)))
    drawn = []
    for question_id in picked:
        keys = list(options[question_id])
        rng.shuffle(keys)
        drawn.append({"question_id": str(question_id), "option_keys": keys})
    return drawn


@dataclass(kw_only=True)
class ContestService(AuditedService):
    campaigns: CampaignService
    settings: CampaignSettings

    # --- tokens and addresses ------------------------------------------------------------------------

    def _token_key(self) -> bytes:
        return self.settings.contest_token_key.get_secret_value().encode()

    def token_for(self, participant: ContestParticipant) -> str:
        payload = f"{participant.contest_id}.{participant.id}"
        mac = hmac.new(self._token_key(), f"contest-participant:{payload}".encode(), hashlib.sha256).digest()
        return payload + "." + base64.urlsafe_b64encode(mac).rstrip(b"=").decode()

    async def participant_of_token(self, token: str | None) -> ContestParticipant:
        if not token:
            raise Unauthorized(code="contest.token_required")
        parts = token.split(".")
        if len(parts) != 3:
            raise Unauthorized(code="contest.bad_token")
        payload = f"{parts[0]}.{parts[1]}"
        mac = hmac.new(self._token_key(), f"contest-participant:{payload}".encode(), hashlib.sha256).digest()
        expected = base64.urlsafe_b64encode(mac).rstrip(b"=").decode()
        if not hmac.compare_digest(expected, parts[2]):
            raise Unauthorized(code="contest.bad_token")
        try:
            participant_id = uuid.UUID(parts[1])
        except ValueError:
            raise Unauthorized(code="contest.bad_token") from None
        participant = await repository.participant(self.session, participant_id)
        if participant is None or str(participant.contest_id) != parts[0]:
            raise Unauthorized(code="contest.bad_token")
        return participant

    def _address(self) -> bytes:
        return lookup_digest(self._token_key(), current_client_address() or "unknown", field=ADDRESS_FIELD)

    def _cipher(self) -> PersonalDataCipher:
        return PersonalDataCipher.from_settings(
            self.settings.personal_data_key.get_secret_value(),
            self.settings.national_id_key.get_secret_value(),
        )

    # --- contests ------------------------------------------------------------------------------------

    async def get(self, contest_id: uuid.UUID, *, for_update: bool = False) -> ContestSeen:
        contest = await repository.contest(self.session, contest_id, for_update=for_update)
        if contest is None:
            raise NotFound(code="contest.not_found")
        return ContestSeen(contest, await self.campaigns.get(contest.campaign_id))

    async def unit_codes(self, contest: Contest) -> list[str]:
        if contest.unit_codes is not None:
            return list(contest.unit_codes)
        return await repository.campaign_participant_units(self.session, contest.campaign_id)

    async def out(self, actor: Actor, seen: ContestSeen) -> ContestOut:
        contest = seen.contest
        return ContestOut(
            id=contest.id,
            campaign_id=contest.campaign_id,
            title=contest.title,
            rules=contest.rules,
            audience=contest.audience,
            status=contest.status,
            unit_codes=await self.unit_codes(contest),
            questions_per_attempt=contest.questions_per_attempt,
            time_limit_seconds=contest.time_limit_seconds,
            attempts_per_round=contest.attempts_per_round,
            prediction_question=contest.prediction_question,
            created_at=contest.created_at,
            updated_at=contest.updated_at,
            allowed_actions=[ContestAction(a) for a in CONTESTS.allowed_actions(actor, seen)],
        )

    async def _check_units(self, codes: list[str] | None) -> list[str] | None:
        if codes is None:
            return None
        unique = sorted(set(codes))
        known = {u.code for u in await repository.units_named(self.session, unique)}
        missing = [c for c in unique if c not in known]
        if missing:
            raise unknown_reference(
                "unit_codes", code="contest.unknown_units", unit_codes=", ".join(missing[:20])
            )
        return unique

    async def create(
        self, actor: Actor, campaign: Campaign, data: ContestCreate, *, contest_id: uuid.UUID | None = None
    ) -> ContestOut:
        values = data.model_dump()
        values["unit_codes"] = await self._check_units(data.unit_codes)
        contest = Contest(
            id=contest_id or uuid.uuid4(), campaign_id=campaign.id, status=ContestStatus.DRAFT.value, **values
        )
        self.session.add(contest)
        await self.session.flush()
        await self.session.refresh(contest)
        await self.audit(actor, "contest.created", "contest", str(contest.id), after=_snapshot(contest))
        return await self.out(actor, ContestSeen(contest, campaign))

    async def list(self, actor: Actor, campaign: Campaign, params: PageParams) -> Page[ContestOut]:
        contests, total = await repository.contests_page(self.session, campaign.id, params)
        return Page(items=[await self.out(actor, ContestSeen(c, campaign)) for c in contests], total=total)

    async def update(
        self, actor: Actor, seen: ContestSeen, data: ContestUpdate, *, expect: Any
    ) -> ContestOut:
        expect(await self.out(actor, seen))
        contest = seen.contest
        if contest.status == ContestStatus.CLOSED:
            raise InvalidState(code="contest.closed")
        before = _snapshot(contest)
        changes = data.model_dump(exclude_unset=True)
        if "unit_codes" in changes:
            changes["unit_codes"] = await self._check_units(data.unit_codes)
        for name, value in changes.items():
            setattr(contest, name, value)
        await self.session.flush()
        await self.session.refresh(contest)
        await self.audit(
            actor, "contest.updated", "contest", str(contest.id), before=before, after=_snapshot(contest)
        )
        return await self.out(actor, seen)

    async def transition(self, actor: Actor, seen: ContestSeen, target: ContestStatus) -> ContestOut:
        contest = seen.contest
        source = ContestStatus.DRAFT if target == ContestStatus.OPEN else ContestStatus.OPEN
        if contest.status != source:
            raise InvalidState(
                code="contest.wrong_state", params={"status": contest.status, "target": target.value}
            )
        if target == ContestStatus.OPEN and not await repository.live_question_ids(self.session, contest.id):
            raise InvalidState(code="contest.no_questions")
        contest.status = target.value
        await self.session.flush()
        await self.session.refresh(contest)
        await self.audit(
            actor,
            f"contest.{target.value}",
            "contest",
            str(contest.id),
            before={"status": source.value},
            after={"status": target.value},
        )
        return await self.out(actor, seen)

    async def public(self, contest_id: uuid.UUID) -> PublicContest:
        seen = await self.get(contest_id)
        contest = seen.contest
        if contest.status == ContestStatus.DRAFT:
            raise NotFound(code="contest.not_found")
        units = await repository.units_named(self.session, await self.unit_codes(contest))
        rounds = await repository.rounds(self.session, contest.id)
        return PublicContest(
            id=contest.id,
            title=contest.title,
            rules=contest.rules,
            audience=contest.audience,
            status=contest.status,
            questions_per_attempt=contest.questions_per_attempt,
            time_limit_seconds=contest.time_limit_seconds,
            attempts_per_round=contest.attempts_per_round,
            prediction_question=contest.prediction_question,
            units=[UnitChoice(code=u.code, name=u.name) for u in units],
            rounds=[self._round_out(r) for r in rounds],
        )

    # --- questions -----------------------------------------------------------------------------------

    @staticmethod
    def _check_question(data: QuestionIn) -> None:
        keys = [o.key for o in data.options]
        if len(set(keys)) != len(keys):
            raise conflicting_field("options", code="contest_question.keys_repeat")
        unknown = sorted(set(data.correct_keys) - set(keys))
        if unknown:
            raise conflicting_field(
                "correct_keys", code="contest_question.unknown_keys", keys=", ".join(unknown)
            )

    async def add_question(self, actor: Actor, seen: ContestSeen, data: QuestionIn) -> QuestionOut:
        self._check_question(data)
        question = ContestQuestion(contest_id=seen.contest.id, **_question_values(data))
        self.session.add(question)
        await self.session.flush()
        await self.session.refresh(question)
        await self.audit(actor, "question.added", "contest_question", str(question.id))
        return question_out(question)

    async def questions(
        self, seen: ContestSeen, params: PageParams, *, topic: str | None
    ) -> Page[QuestionOut]:
        questions, total = await repository.questions_page(self.session, seen.contest.id, params, topic=topic)
        return Page(items=[question_out(q) for q in questions], total=total)

    async def get_question(
        self, question_id: uuid.UUID, *, for_update: bool = False
    ) -> tuple[ContestQuestion, ContestSeen]:
        question = await repository.question(self.session, question_id, for_update=for_update)
        if question is None:
            raise NotFound(code="contest_question.not_found")
        return question, await self.get(question.contest_id)

    @staticmethod
    def ensure_in_bank(question: ContestQuestion) -> ContestQuestion:
        """A question removed from the bank is 404 (told after the policy: its contest's runners only)."""
        if question.deleted_at is not None:
            raise NotFound(code="contest_question.not_found")
        return question

    async def update_question(
        self, actor: Actor, question: ContestQuestion, data: QuestionUpdate
    ) -> QuestionOut:
        changes = data.model_dump(exclude_unset=True)
        merged = QuestionIn.model_validate(
            {
                "topic": question.topic,
                "text": question.text,
                "options": question.options,
                "correct_keys": question.correct_keys,
                "explanation": question.explanation,
                "difficulty": question.difficulty,
                **changes,
            }
        )
        self._check_question(merged)
        for name, value in _question_values(merged).items():
            setattr(question, name, value)
        await self.session.flush()
        await self.audit(actor, "question.updated", "contest_question", str(question.id))
        return question_out(question)

    async def delete_question(self, actor: Actor, question: ContestQuestion) -> None:
        question.deleted_at = _now()
        await self.session.flush()
        await self.audit(actor, "question.deleted", "contest_question", str(question.id))

    def template(self) -> bytes:
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = "Cau hoi"
        sheet.append(list(TEMPLATE_HEADERS))
        sheet.append(
            safe_row(
                [
                    "Dịch vụ công trực tuyến",
                    "Cổng Dịch vụ công quốc gia có địa chỉ nào?",
                    "dichvucong.gov.vn",
                    "vneid.gov.vn",
                    "chinhphu.vn",
                    "",
                    "A",
                    "Cổng Dịch vụ công quốc gia: dichvucong.gov.vn",
                    1,
                ]
            )
        )
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()

    async def import_questions(self, actor: Actor, seen: ContestSeen, content: bytes) -> ImportResult:
        """Every row checked; one bad row and nothing is imported (the answer lists each with its line)."""
        try:
            book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except Exception:
            return ImportResult(
                imported=0, errors=[ImportProblem(line=0, reason=_text("question_import.unreadable"))]
            )
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            return ImportResult(
                imported=0, errors=[ImportProblem(line=0, reason=_text("question_import.unreadable"))]
            )
        good: list[QuestionIn] = []
        errors: list[ImportProblem] = []
        for number, row in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
            cells = ["" if c is None else str(c).strip() for c in list(row)[:9]]
            cells += [""] * (9 - len(cells))
            if not any(cells):
                continue
            if number - 1 > MAX_IMPORT_ROWS:
                errors.append(ImportProblem(line=number, reason=_text("question_import.too_many_rows")))
                break
            parsed, error = _question_row(cells)
            if error is not None:
                errors.append(ImportProblem(line=number, field=error[0], reason=error[1]))
            elif parsed is not None:
                good.append(parsed)
        book.close()
        if errors or not good:
            if not errors:
                errors.append(ImportProblem(line=0, reason=_text("question_import.empty")))
            return ImportResult(imported=0, errors=errors)
        for data in good:
            self.session.add(ContestQuestion(contest_id=seen.contest.id, **_question_values(data)))
        await self.session.flush()
        await self.audit(
            actor, "question.imported", "contest", str(seen.contest.id), after={"imported": len(good)}
        )
        return ImportResult(imported=len(good), errors=[])

    # --- rounds --------------------------------------------------------------------------------------

    def _round_out(self, round_: ContestRound, counts: tuple[int, int] | None = None) -> RoundOut:
        out = RoundOut(
            id=round_.id,
            contest_id=round_.contest_id,
            no=round_.no,
            title=round_.title,
            opens_at=round_.opens_at,
            closes_at=round_.closes_at,
            status=round_status(round_),
        )
        if counts is not None:
            out.attempts_started, out.attempts_submitted = counts
        return out

    async def _check_overlap(
        self, contest_id: uuid.UUID, opens_at: datetime, closes_at: datetime, *, ignore: uuid.UUID | None
    ) -> None:
        if closes_at <= opens_at:
            raise conflicting_field("closes_at", code="contest_round.closes_before_opening")
        for other in await repository.rounds(self.session, contest_id):
            if other.id != ignore and other.opens_at < closes_at and opens_at < other.closes_at:
                raise conflicting_field(
                    "opens_at",
                    code="contest_round.overlaps",
                    no=other.no,
                    opens_at=other.opens_at.isoformat(),
                    closes_at=other.closes_at.isoformat(),
                )

    async def add_round(self, actor: Actor, seen: ContestSeen, data: RoundCreate) -> RoundOut:
        # The contest row is locked (the dependency loads it FOR UPDATE): overlap checks run one at a time.
        await self._check_overlap(seen.contest.id, data.opens_at, data.closes_at, ignore=None)
        round_ = ContestRound(contest_id=seen.contest.id, **data.model_dump())
        self.session.add(round_)
        await flush_or_conflict(
            self.session, conflicting_field("no", code="contest_round.no_taken", no=data.no)
        )
        await self.audit(actor, "round.added", "contest_round", str(round_.id), after=_round_snapshot(round_))
        return self._round_out(round_, (0, 0))

    async def rounds(self, seen: ContestSeen) -> Page[RoundOut]:
        rounds = await repository.rounds(self.session, seen.contest.id)
        counts = await repository.round_counts(self.session, [r.id for r in rounds])
        return Page(items=[self._round_out(r, counts.get(r.id, (0, 0))) for r in rounds], total=len(rounds))

    async def get_round(
        self, round_id: uuid.UUID, *, for_update: bool = False
    ) -> tuple[ContestRound, ContestSeen]:
        round_ = await repository.round_(self.session, round_id)
        if round_ is None:
            raise NotFound(code="contest_round.not_found")
        seen = await self.get(round_.contest_id, for_update=for_update)
        return round_, seen

    async def round_out(self, round_: ContestRound) -> RoundOut:
        counts = await repository.round_counts(self.session, [round_.id])
        return self._round_out(round_, counts.get(round_.id, (0, 0)))

    async def update_round(
        self, actor: Actor, round_: ContestRound, data: RoundUpdate, *, expect: Any
    ) -> RoundOut:
        expect(await self.round_out(round_))
        changes = data.model_dump(exclude_unset=True)
        opens_at = changes.get("opens_at", round_.opens_at)
        closes_at = changes.get("closes_at", round_.closes_at)
        if ("opens_at" in changes or "closes_at" in changes) and round_status(round_) == RoundStatus.CLOSED:
            raise InvalidState(code="contest_round.closed")
        await self._check_overlap(round_.contest_id, opens_at, closes_at, ignore=round_.id)
        before = _round_snapshot(round_)
        for name, value in changes.items():
            setattr(round_, name, value)
        await self.session.flush()
        await self.audit(
            actor,
            "round.updated",
            "contest_round",
            str(round_.id),
            before=before,
            after=_round_snapshot(round_),
        )
        return await self.round_out(round_)

    # --- participants --------------------------------------------------------------------------------

    async def _rate_limit_registration(self, address: bytes) -> None:
        since = _now() - timedelta(seconds=self.settings.contest_window_seconds)
        if (
            await repository.sightings_since(self.session, address, since)
            >= self.settings.contest_registrations_per_address
        ):
            raise TooManyRequests(code="contest.too_many_registrations")

    async def _joinable(self, contest_id: uuid.UUID, unit_code: str) -> Contest:
        seen = await self.get(contest_id)
        contest = seen.contest
        if contest.status != ContestStatus.OPEN:
            raise InvalidState(code="contest.not_open", params={"status": contest.status})
        if unit_code not in await self.unit_codes(contest):
            raise unknown_reference("unit_code", code="contest.unit_not_listed", unit_code=unit_code)
        return contest

    async def register(self, contest_id: uuid.UUID, data: Registration) -> ParticipantToken:
        address = self._address()
        await self._rate_limit_registration(address)
        contest = await self._joinable(contest_id, data.unit_code)
        if contest.audience == "officials":
            raise Forbidden(code="contest.officials_only")
        nid_hash = national_id_hash(self.settings.national_id_key.get_secret_value(), data.national_id)
        participant = await repository.participant_by_national_id(self.session, contest.id, nid_hash)
        if participant is None:
            participant = ContestParticipant(
                contest_id=contest.id,
                national_id_hash=nid_hash,
                full_name=data.full_name,
                date_of_birth=data.date_of_birth,
                phone_encrypted=self._cipher().encrypt(data.phone, field=PHONE_FIELD),
                unit_code=data.unit_code,
                registered_from=address,
            )
            self.session.add(participant)
            # Two registrations of one ID at once: the unique (contest, hash) lets one in; the other is told
            # to try again (a second try finds the first and checks its birth date).
            await flush_or_conflict(self.session, Conflict(code="contest.registration_raced"))
            await self.audit(
                str(participant.id),
                "contest.registered",
                "contest_participant",
                str(participant.id),
                after={"contest_id": str(contest.id), "unit_code": data.unit_code},
            )
        elif participant.date_of_birth != data.date_of_birth:
            raise Conflict(code="contest.registered_otherwise")
        self.session.add(
            ContestSighting(contest_id=contest.id, participant_id=participant.id, address=address)
        )
        await self.session.flush()
        return ParticipantToken(participant_id=participant.id, participant_token=self.token_for(participant))

    async def join(self, actor: Actor, contest_id: uuid.UUID, data: Joining) -> ParticipantToken:
        contest = await self._joinable(contest_id, data.unit_code)
        try:
            account = await self.session.get(Account, uuid.UUID(actor.subject))
        except ValueError:
            account = None
        if account is None:
            raise Forbidden(code="contest.people_only")
        account_id = account.id
        participant = await repository.participant_by_account(self.session, contest.id, account_id)
        if participant is None:
            participant = ContestParticipant(
                contest_id=contest.id,
                account_id=account_id,
                full_name=account.full_name or account.username or "—",
                unit_code=data.unit_code,
                registered_from=self._address(),
            )
            self.session.add(participant)
            await flush_or_conflict(self.session, Conflict(code="contest.registration_raced"))
            await self.audit(
                actor,
                "contest.joined",
                "contest_participant",
                str(participant.id),
                after={"contest_id": str(contest.id), "unit_code": data.unit_code},
            )
        return ParticipantToken(participant_id=participant.id, participant_token=self.token_for(participant))

    # --- attempts ------------------------------------------------------------------------------------

    async def start(self, participant: ContestParticipant, round_id: uuid.UUID) -> AttemptStarted:
        round_ = await repository.round_(self.session, round_id)
        if round_ is None or round_.contest_id != participant.contest_id:
            raise NotFound(code="contest_round.not_found")
        contest = (await self.get(round_.contest_id)).contest
        now = _now()
        if contest.status != ContestStatus.OPEN or round_status(round_, now) != RoundStatus.OPEN:
            raise InvalidState(
                code="contest_round.not_open", params={"status": round_status(round_, now).value}
            )
        since = now - timedelta(seconds=self.settings.contest_window_seconds)
        address = self._address()
        if (
            await repository.attempts_started_since(self.session, since=since, participant_id=participant.id)
            >= self.settings.contest_attempts_per_participant
            or await repository.attempts_started_since(self.session, since=since, address=address)
            >= self.settings.contest_attempts_per_address
        ):
            raise TooManyRequests(code="contest.too_many_attempts")
        done = await repository.attempts_of(self.session, round_.id, participant.id)
        if done >= contest.attempts_per_round:
            raise Conflict(code="contest_attempt.limit", params={"limit": contest.attempts_per_round})
        ids = await repository.live_question_ids(self.session, contest.id)
        if not ids:
            raise InvalidState(code="contest.no_questions")
        questions = await repository.questions_by_id(self.session, ids)
        seed = secrets.randbits(62)
        drawn = draw(
            ids,
            {i: [o["key"] for o in q.options] for i, q in questions.items()},
            contest.questions_per_attempt,
            seed,
        )
        deadline = min(now + timedelta(seconds=contest.time_limit_seconds), round_.closes_at)
        attempt = ContestAttempt(
            contest_id=participant.contest_id,
            round_id=round_.id,
            participant_id=participant.id,
            attempt_no=done + 1,
            max_attempts=contest.attempts_per_round,
            seed=seed,
            draw=drawn,
            started_at=now,
            deadline=deadline,
            answers={},
            total=len(drawn),
            started_from=address,
        )
        self.session.add(attempt)
        # Two starts at once count the same attempts: the unique (round, participant, attempt_no) lets one in.
        await flush_or_conflict(
            self.session, Conflict(code="contest_attempt.limit", params={"limit": contest.attempts_per_round})
        )
        await self.audit(
            str(participant.id),
            "attempt.started",
            "contest_attempt",
            str(attempt.id),
            after={"round_id": str(round_.id), "attempt_no": attempt.attempt_no, "seed": seed},
        )
        return AttemptStarted(attempt_id=attempt.id, deadline=deadline, questions=_drawn(attempt, questions))

    async def own_attempt(
        self, participant: ContestParticipant, attempt_id: uuid.UUID, *, for_update: bool = False
    ) -> ContestAttempt:
        attempt = await repository.attempt(self.session, attempt_id, for_update=for_update)
        if attempt is None or attempt.participant_id != participant.id:
            raise NotFound(code="contest_attempt.not_found")
        return attempt

    async def save_answers(self, attempt: ContestAttempt, data: AnswersIn) -> AttemptOut:
        now = _now()
        if attempt.submitted_at is not None:
            raise InvalidState(code="contest_attempt.submitted")
        if now >= attempt.deadline:
            raise InvalidState(
                code="contest_attempt.deadline_passed", params={"deadline": attempt.deadline.isoformat()}
            )
        drawn = {d["question_id"]: d["option_keys"] for d in attempt.draw}
        answers = dict(attempt.answers)
        for answer in data.answers:
            qid = str(answer.question_id)
            if qid not in drawn:
                raise conflicting_field("answers", code="contest_attempt.question_not_drawn", question_id=qid)
            unknown = sorted(set(answer.keys) - set(drawn[qid]))
            if unknown:
                raise conflicting_field(
                    "answers", code="contest_attempt.unknown_keys", keys=", ".join(unknown)
                )
            answers[qid] = sorted(set(answer.keys))
        attempt.answers = answers
        if data.prediction is not None:
            attempt.prediction = data.prediction
        await self.session.flush()
        return await self.attempt_out(attempt)

    async def _finish(self, attempt: ContestAttempt, at: datetime) -> None:
        questions = await repository.questions_by_id(
            self.session, [uuid.UUID(d["question_id"]) for d in attempt.draw]
        )
        correct = sum(
            1
            for d in attempt.draw
            if is_right(
                attempt.answers.get(d["question_id"]), questions[uuid.UUID(d["question_id"])].correct_keys
            )
        )
        attempt.submitted_at = min(at, attempt.deadline)
        attempt.correct = correct
        attempt.seconds = max(0, int((attempt.submitted_at - attempt.started_at).total_seconds()))
        attempt.too_fast = attempt.seconds < self.settings.contest_floor_seconds
        await self.session.flush()
        await self.audit(
            str(attempt.participant_id),
            "attempt.scored",
            "contest_attempt",
            str(attempt.id),
            after={"correct": correct, "total": attempt.total, "seconds": attempt.seconds},
        )

    async def submit(self, attempt: ContestAttempt) -> AttemptOut:
        if attempt.submitted_at is not None:
            raise InvalidState(code="contest_attempt.submitted")
        now = _now()
        if now >= attempt.deadline:
            await self._finish(attempt, attempt.deadline)  # finished with what it saved before the deadline
            raise InvalidState(
                code="contest_attempt.deadline_passed", params={"deadline": attempt.deadline.isoformat()}
            )
        await self._finish(attempt, now)
        return await self.attempt_out(attempt)

    async def read_attempt(self, attempt: ContestAttempt) -> AttemptOut:
        if attempt.submitted_at is None and _now() >= attempt.deadline:
            await self._finish(attempt, attempt.deadline)
        return await self.attempt_out(attempt)

    async def attempt_out(self, attempt: ContestAttempt) -> AttemptOut:
        round_ = await repository.round_(self.session, attempt.round_id)
        assert round_ is not None
        questions = await repository.questions_by_id(
            self.session, [uuid.UUID(d["question_id"]) for d in attempt.draw]
        )
        review = None
        if round_status(round_) == RoundStatus.CLOSED:
            review = []
            for d in attempt.draw:
                question = questions[uuid.UUID(d["question_id"])]
                chosen = attempt.answers.get(d["question_id"], [])
                review.append(
                    Review(
                        question_id=question.id,
                        text=question.text,
                        chosen_keys=chosen,
                        correct_keys=list(question.correct_keys),
                        explanation=question.explanation,
                        correct=is_right(chosen, question.correct_keys),
                    )
                )
        return AttemptOut(
            attempt_id=attempt.id,
            round_id=attempt.round_id,
            deadline=attempt.deadline,
            submitted_at=attempt.submitted_at,
            score=attempt.correct,
            correct=attempt.correct,
            total=attempt.total,
            seconds=attempt.seconds,
            prediction=attempt.prediction,
            questions=_drawn(attempt, questions),
            answers=dict(attempt.answers),
            review=review,
        )

    # --- results -------------------------------------------------------------------------------------

    async def _settle(self, round_id: uuid.UUID) -> None:
        for attempt in await repository.expired_unsubmitted(self.session, round_id, _now()):
            await self._finish(attempt, attempt.deadline)

    async def results(self, round_: ContestRound, *, limit: int, offset: int) -> Results:
        await self._settle(round_.id)
        rows = await repository.ranked_results(self.session, round_.id, limit=limit, offset=offset)
        full = (
            rows[0]["full_score_count"]
            if rows
            else await repository.full_score_count(self.session, round_.id)
        )
        total = int(rows[0]["total"]) if rows else 0
        return Results(
            items=[
                ResultItem(
                    rank=int(r["rank"]),
                    participant_name_masked=mask_name(r["full_name"]),
                    unit_code=r["unit_code"],
                    score=int(r["score"]),
                    seconds=int(r["seconds"]),
                    prediction=r["prediction"],
                    prediction_error=r["prediction_error"],
                    submitted_at=r["submitted_at"],
                )
                for r in rows
            ],
            total=total,
            full_score_count=int(full),
        )

    def results_sheet(self, round_: ContestRound, results: Results) -> tuple[str, bytes]:
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = "Ket qua"
        sheet.append(
            [
                "Hạng",
                "Người dự thi",
                "Đơn vị",
                "Điểm",
                "Thời gian (giây)",
                "Dự đoán",
                "Sai số dự đoán",
                "Nộp lúc",
            ]
        )
        for item in results.items:
            sheet.append(
                safe_row(
                    [
                        item.rank,
                        item.participant_name_masked,
                        item.unit_code,
                        item.score,
                        item.seconds,
                        item.prediction,
                        item.prediction_error,
                        item.submitted_at.astimezone(UTC).replace(tzinfo=None),
                    ]
                )
            )
        buffer = io.BytesIO()
        book.save(buffer)
        return f"ket-qua-vong-{round_.no}.xlsx", buffer.getvalue()

    async def units(self, seen: ContestSeen) -> Page[UnitResult]:
        for round_ in await repository.rounds(self.session, seen.contest.id):
            await self._settle(round_.id)
        figures = await repository.unit_figures(self.session, seen.contest.id)
        units = await repository.units_named(self.session, await self.unit_codes(seen.contest))
        items = []
        for unit in units:
            participants, mean = figures.get(unit.code, (0, None))
            items.append(
                UnitResult(
                    unit_code=unit.code,
                    unit_name=unit.name,
                    participants=participants,
                    staff_count=unit.staff_count,
                    participation_rate=round(participants / unit.staff_count, 4)
                    if unit.staff_count
                    else None,
                    mean_score=round(mean, 4) if mean is not None else None,
                )
            )
        return Page(items=items, total=len(items))

    async def campaign_participation(self, campaign: Campaign) -> Page[UnitParticipation]:
        """Per unit, across the movement's contests: the mean of its participation rates (each contest's
        participants ÷ the unit's staff count), for scoring-api's `contest_participation`."""
        totals: dict[str, list[Any]] = {}
        for contest in await repository.contests_of(self.session, campaign.id):
            for unit in (await self.units(ContestSeen(contest, campaign))).items:
                entry = totals.setdefault(unit.unit_code, [0, 0, unit.staff_count, []])
                entry[0] += 1
                entry[1] += unit.participants
                if unit.participation_rate is not None:
                    entry[3].append(unit.participation_rate)
        items = [
            UnitParticipation(
                unit_code=code,
                contests=count,
                participants=participants,
                staff_count=staff,
                participation_rate=round(sum(rates) / len(rates), 4) if rates else None,
            )
            for code, (count, participants, staff, rates) in sorted(totals.items())
        ]
        return Page(items=items, total=len(items))

    def units_sheet(self, units: Page[UnitResult]) -> tuple[str, bytes]:
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = "Don vi"
        sheet.append(
            ["Mã đơn vị", "Đơn vị", "Số người dự thi", "Biên chế", "Tỷ lệ tham gia", "Điểm trung bình"]
        )
        for u in units.items:
            sheet.append(
                safe_row(
                    [
                        u.unit_code,
                        u.unit_name,
                        u.participants,
                        u.staff_count,
                        u.participation_rate,
                        u.mean_score,
                    ]
                )
            )
        buffer = io.BytesIO()
        book.save(buffer)
        return "ty-le-tham-gia.xlsx", buffer.getvalue()

    async def flags(self, seen: ContestSeen) -> Page[Flag]:
        items = [
            Flag(
                kind=FlagKind.TOO_FAST,
                participant_id=r["participant_id"],
                participant_name_masked=mask_name(r["full_name"]),
                attempt_id=r["attempt_id"],
                seconds=r["seconds"],
            )
            for r in await repository.too_fast(self.session, seen.contest.id)
        ]
        items += [
            Flag(
                kind=FlagKind.SHARED_NATIONAL_ID,
                participant_id=r["participant_id"],
                participant_name_masked=mask_name(r["full_name"]),
                addresses=int(r["addresses"]),
            )
            for r in await repository.shared_national_ids(
                self.session, seen.contest.id, self.settings.contest_shared_id_addresses
            )
        ]
        return Page(items=items, total=len(items))


# --- helpers ---------------------------------------------------------------------------------------------


def _snapshot(contest: Contest) -> dict[str, Any]:
    return {
        "title": contest.title,
        "status": contest.status,
        "audience": contest.audience,
        "unit_codes": list(contest.unit_codes) if contest.unit_codes is not None else None,
        "questions_per_attempt": contest.questions_per_attempt,
        "time_limit_seconds": contest.time_limit_seconds,
        "attempts_per_round": contest.attempts_per_round,
    }


def _round_snapshot(round_: ContestRound) -> dict[str, Any]:
    return {
        "no": round_.no,
        "title": round_.title,
        "opens_at": round_.opens_at.isoformat(),
        "closes_at": round_.closes_at.isoformat(),
    }


def _question_values(data: QuestionIn) -> dict[str, Any]:
    values = data.model_dump()
    values["correct_keys"] = sorted(set(data.correct_keys))
    return values


def _drawn(attempt: ContestAttempt, questions: dict[uuid.UUID, ContestQuestion]) -> list[DrawnQuestion]:
    out = []
    for d in attempt.draw:
        question = questions[uuid.UUID(d["question_id"])]
        texts = {o["key"]: o["text"] for o in question.options}
        out.append(
            DrawnQuestion(
                question_id=question.id,
                text=question.text,
                options=[OptionOut(key=k, text=texts.get(k, "")) for k in d["option_keys"]],
            )
        )
    return out


def _text(code: str, **params: Any) -> str:
    from service_kit import i18n

    return i18n.message(code, params) or code


def _question_row(cells: list[str]) -> tuple[QuestionIn | None, tuple[str, str] | None]:
    topic, text, a, b, c, d, keys, explanation, difficulty = cells
    options = [{"key": k, "text": t} for k, t in zip(OPTION_KEYS, (a, b, c, d), strict=True) if t]
    correct = [k.strip().upper() for k in keys.replace(";", ",").split(",") if k.strip()]
    try:
        level = int(float(difficulty)) if difficulty else 1
    except ValueError:
        return None, ("difficulty", _text("question_import.bad_difficulty"))
    if not text:
        return None, ("text", _text("question_import.no_text"))
    if len(options) < 2:
        return None, ("options", _text("question_import.too_few_options"))
    if not correct:
        return None, ("correct_keys", _text("question_import.no_key"))
    unknown = [k for k in correct if k not in {o["key"] for o in options}]
    if unknown:
        return None, ("correct_keys", _text("question_import.unknown_keys", keys=", ".join(unknown)))
    try:
        return (
            QuestionIn.model_validate(
                {
                    "topic": topic,
                    "text": text,
                    "options": options,
                    "correct_keys": correct,
                    "explanation": explanation,
                    "difficulty": level,
                }
            ),
            None,
        )
    except ValidationError as exc:
        errors = exc.errors()
        field = str(errors[0]["loc"][0]) if errors and errors[0]["loc"] else None
        return None, (field or "row", _text("question_import.bad_row"))
