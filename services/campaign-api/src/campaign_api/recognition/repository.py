"""SQL of initiatives and commendations."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from datetime import date, datetime

from sqlalchemy import distinct, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from campaign_api.campaigns.models import Campaign
from campaign_api.database import audit_event
from campaign_api.identity.models import Account
from campaign_api.participation.models import Participant
from campaign_api.recognition.models import (
    AwardDecision,
    Commendation,
    CouncilSession,
    CouncilVote,
    Dossier,
    DossierEvent,
    Initiative,
    Registration,
)
from campaign_api.recognition.report_forms import AccountEvent, OfficialThen, stood_at
from campaign_api.units.models import Unit
from service_kit.pagination import PageParams, paginate


async def initiative(
    session: AsyncSession, initiative_id: uuid.UUID, *, for_update: bool = False
) -> Initiative | None:
    return await session.get(Initiative, initiative_id, with_for_update=for_update)


async def initiatives_page(
    session: AsyncSession, campaign_id: uuid.UUID, params: PageParams, *, units: Collection[str] | None
) -> tuple[list[Initiative], int]:
    """`units` limits the page to the units the caller reads; None reads every unit."""
    statement = (
        select(Initiative).where(Initiative.campaign_id == campaign_id).order_by(Initiative.submitted_at)
    )
    if units is not None:
        statement = statement.where(Initiative.unit_code.in_(list(units)))
    return await paginate(session, statement, params)


async def commendations_page(
    session: AsyncSession, campaign_id: uuid.UUID, params: PageParams
) -> tuple[list[Commendation], int]:
    statement = (
        select(Commendation)
        .where(Commendation.campaign_id == campaign_id)
        .order_by(Commendation.decided_on, Commendation.created_at, Commendation.id)
    )
    return await paginate(session, statement, params)


async def registration(
    session: AsyncSession, registration_id: uuid.UUID, *, for_update: bool = False
) -> Registration | None:
    return await session.get(Registration, registration_id, with_for_update=for_update)


async def registration_of(
    session: AsyncSession, campaign_id: uuid.UUID, unit_code: str, year: int
) -> Registration | None:
    return (
        await session.execute(
            select(Registration).where(
                Registration.campaign_id == campaign_id,
                Registration.unit_code == unit_code,
                Registration.year == year,
            )
        )
    ).scalar_one_or_none()


async def registrations_page(
    session: AsyncSession,
    campaign_id: uuid.UUID,
    params: PageParams,
    *,
    units: Collection[str] | None,
    year: int | None,
) -> tuple[list[Registration], int]:
    statement = (
        select(Registration)
        .where(Registration.campaign_id == campaign_id)
        .order_by(Registration.year, Registration.unit_code, Registration.id)
    )
    if units is not None:
        statement = statement.where(Registration.unit_code.in_(list(units)))
    if year is not None:
        statement = statement.where(Registration.year == year)
    return await paginate(session, statement, params)


async def registrations_of_campaign(
    session: AsyncSession, campaign_id: uuid.UUID, *, units: Collection[str] | None, year: int | None
) -> list[Registration]:
    statement = select(Registration).where(Registration.campaign_id == campaign_id)
    if units is not None:
        statement = statement.where(Registration.unit_code.in_(list(units)))
    if year is not None:
        statement = statement.where(Registration.year == year)
    return list((await session.execute(statement)).scalars())


async def dossier(
    session: AsyncSession, dossier_id: uuid.UUID, *, for_update: bool = False
) -> Dossier | None:
    return await session.get(Dossier, dossier_id, with_for_update=for_update)


async def dossiers_page(
    session: AsyncSession,
    params: PageParams,
    *,
    units: Collection[str] | None,
    campaign_id: uuid.UUID | None,
    status: str | None,
) -> tuple[list[Dossier], int]:
    """`units`: a manager's units; it reads their dossiers and every dossier of the movements one of
    them organises. None reads every dossier."""
    statement = select(Dossier).order_by(Dossier.created_at, Dossier.id)
    if units is not None:
        organised = select(Campaign.id).where(Campaign.organizer_unit_code.in_(list(units)))
        statement = statement.where(
            or_(Dossier.unit_code.in_(list(units)), Dossier.campaign_id.in_(organised))
        )
    if campaign_id is not None:
        statement = statement.where(Dossier.campaign_id == campaign_id)
    if status is not None:
        statement = statement.where(Dossier.status == status)
    return await paginate(session, statement, params)


async def history(session: AsyncSession, dossier_id: uuid.UUID) -> list[DossierEvent]:
    return list(
        (
            await session.execute(
                select(DossierEvent).where(DossierEvent.dossier_id == dossier_id).order_by(DossierEvent.id)
            )
        ).scalars()
    )


async def active_account(session: AsyncSession, account_id: uuid.UUID) -> Account | None:
    account = await session.get(Account, account_id)
    return account if account is not None and account.active and account.username is not None else None


async def full_names(session: AsyncSession, subjects: Collection[str]) -> dict[str, str]:
    """The names of the accounts among `subjects` (token subjects: account ids, or clients' ids)."""
    ids = []
    for subject in subjects:
        try:
            ids.append(uuid.UUID(subject))
        except ValueError:
            continue
    if not ids:
        return {}
    rows = await session.execute(select(Account.id, Account.full_name).where(Account.id.in_(ids)))
    return {str(account_id): name for account_id, name in rows}


async def council_session(
    session: AsyncSession, session_id: uuid.UUID, *, for_update: bool = False
) -> CouncilSession | None:
    return await session.get(CouncilSession, session_id, with_for_update=for_update)


async def council_sessions_page(
    session: AsyncSession, params: PageParams
) -> tuple[list[CouncilSession], int]:
    statement = select(CouncilSession).order_by(CouncilSession.held_on.desc(), CouncilSession.id)
    return await paginate(session, statement, params)


async def dossiers_by_id(session: AsyncSession, ids: Collection[uuid.UUID]) -> dict[uuid.UUID, Dossier]:
    if not ids:
        return {}
    rows = await session.execute(select(Dossier).where(Dossier.id.in_(list(ids))))
    return {d.id: d for d in rows.scalars()}


async def votes(session: AsyncSession, session_id: uuid.UUID) -> list[CouncilVote]:
    return list(
        (await session.execute(select(CouncilVote).where(CouncilVote.session_id == session_id))).scalars()
    )


async def active_officials(session: AsyncSession, ids: Collection[uuid.UUID]) -> set[uuid.UUID]:
    if not ids:
        return set()
    rows = await session.execute(
        select(Account.id).where(Account.id.in_(list(ids)), Account.active, Account.username.is_not(None))
    )
    return set(rows.scalars())


async def decision(
    session: AsyncSession, decision_id: uuid.UUID, *, for_update: bool = False
) -> AwardDecision | None:
    return await session.get(AwardDecision, decision_id, with_for_update=for_update)


async def decision_by_number(session: AsyncSession, number: str) -> AwardDecision | None:
    return (await session.scalars(select(AwardDecision).where(AwardDecision.number == number))).first()


async def decisions_page(
    session: AsyncSession, params: PageParams, *, campaign_id: uuid.UUID | None
) -> tuple[list[AwardDecision], int]:
    statement = select(AwardDecision).order_by(AwardDecision.signed_on.desc(), AwardDecision.created_at)
    if campaign_id is not None:
        statement = statement.where(AwardDecision.campaign_id == campaign_id)
    return await paginate(session, statement, params)


async def awarded_nominees(session: AsyncSession, dossier_ids: Collection[uuid.UUID]) -> set[tuple[str, int]]:
    """(dossier id, nominee index) of the nominees already awarded by a decision still in force."""
    rows = await session.execute(select(AwardDecision.awardees).where(AwardDecision.status == "issued"))
    wanted = {str(i) for i in dossier_ids}
    return {
        (a["dossier_id"], int(a["nominee_index"]))
        for awardees in rows.scalars()
        for a in awardees
        if a["dossier_id"] in wanted
    }


async def dossiers_of_round(session: AsyncSession, round_id: uuid.UUID) -> dict[str, Dossier]:
    rows = await session.execute(
        select(Dossier).where(Dossier.round_id == round_id).order_by(Dossier.created_at)
    )
    found: dict[str, Dossier] = {}
    for dossier in rows.scalars():
        found.setdefault(dossier.unit_code, dossier)
    return found


async def officials_page(
    session: AsyncSession, params: PageParams, *, role: str | None
) -> tuple[list[Account], int]:
    """Active officials' accounts (learners' have no username), by name; those holding `role` if given."""
    statement = select(Account).where(Account.active, Account.username.is_not(None))
    if role is not None:
        statement = statement.where(Account.roles.contains([role]))
    return await paginate(session, statement.order_by(Account.full_name, Account.id), params)


# --- report forms (Thông tư 02/2023/TT-BNV) ---


async def movements_by_level(
    session: AsyncSession, first: date, last: date
) -> dict[str, tuple[int, int, int]]:
    """Per level: movements (not drafts) whose period overlaps [first, last], those launched in it, and the
    distinct units taking part in them."""
    overlapping = (Campaign.status != "draft", Campaign.starts_on <= last, Campaign.ends_on >= first)
    counted = await session.execute(
        select(
            Campaign.level,
            func.count(),
            func.count().filter(Campaign.starts_on >= first),
        )
        .where(*overlapping)
        .group_by(Campaign.level)
    )
    taking_part: dict[str, int] = dict(
        list(
            await session.execute(
                select(Campaign.level, func.count(distinct(Participant.unit_code)))
                .join(Participant, Participant.campaign_id == Campaign.id)
                .where(*overlapping)
                .group_by(Campaign.level)
            )
        )
    )
    return {level: (total, launched, taking_part.get(level, 0)) for level, total, launched in counted}


async def issued_decisions(session: AsyncSession, first: date, last: date) -> list[AwardDecision]:
    """The decisions signed in [first, last] that stand (revoked ones are left out)."""
    statement = select(AwardDecision).where(
        AwardDecision.status == "issued", AwardDecision.signed_on >= first, AwardDecision.signed_on <= last
    )
    return list((await session.scalars(statement)).all())


async def unit_kinds(session: AsyncSession, until: datetime) -> dict[str, str]:
    """The units of the directory made before `until`, with their kind (units are never deleted; a kind
    is taken as it stands)."""
    statement = select(Unit.code, Unit.kind).where(Unit.created_at < until)
    return dict(list(await session.execute(statement)))


async def officials_at(session: AsyncSession, until: datetime) -> list[OfficialThen]:
    """The officials' accounts (not learners') active just before `until`, as they stood then
    (`report_forms.stood_at`, from the audit trail's snapshots of each account)."""
    accounts = (
        await session.scalars(
            select(Account)
            .where(Account.username.is_not(None), Account.created_at < until)
            .order_by(Account.id)
        )
    ).all()
    if not accounts:
        return []
    rows = await session.execute(
        select(audit_event.c.object_id, audit_event.c.occurred_at, audit_event.c.before, audit_event.c.after)
        .where(
            audit_event.c.object_type == "account",
            audit_event.c.object_id.in_([str(a.id) for a in accounts]),
        )
        .order_by(audit_event.c.id)
    )
    events: dict[str, list[AccountEvent]] = {}
    for object_id, occurred_at, before, after in rows:
        events.setdefault(object_id, []).append(AccountEvent(occurred_at, before, after))
    officials = []
    for account in accounts:
        now = {"roles": list(account.roles), "unit_codes": list(account.unit_codes), "active": account.active}
        then = stood_at(now, events.get(str(account.id), []), until)
        if then is not None and then.get("active"):
            officials.append(
                OfficialThen(
                    roles=list(then.get("roles") or []),
                    unit_codes=list(then.get("unit_codes") or []),
                    sex=account.sex,
                    birth_date=account.birth_date,
                )
            )
    return officials


async def province_name(session: AsyncSession) -> str | None:
    """The name of the directory's province-level unit (the reporting unit of the report forms)."""
    return (
        await session.scalars(select(Unit.name).where(Unit.kind == "province").order_by(Unit.code).limit(1))
    ).first()


async def province_unit_codes(session: AsyncSession) -> frozenset[str]:
    return frozenset((await session.scalars(select(Unit.code).where(Unit.kind == "province"))).all())
