"""The demo seed goes through the same services as the API, on a database of its own, and runs twice."""

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import URL

from campaign_api.campaigns.models import Campaign
from campaign_api.contests.models import Contest, ContestQuestion, ContestRound
from campaign_api.database import SERVICE_DATABASE
from campaign_api.identity.models import Account
from campaign_api.participation.models import Participant, Report
from campaign_api.recognition.models import AwardDecision, CouncilSession, CouncilVote, Dossier, Registration
from campaign_api.seed import seed
from service_kit.db import Database


@pytest.fixture
def url(provision_separate) -> URL:
    return provision_separate(SERVICE_DATABASE, "campaign_seed")


async def test_the_demo_seed_fills_an_empty_database_once(url):
    await seed(url)
    await seed(url)  # the second run finds the data there and adds nothing
    database = Database(url, pool_size=1, max_overflow=0)
    try:
        async with database.sessionmaker() as session:
            counts = [
                await session.scalar(select(func.count()).select_from(model))
                for model in (
                    Campaign,
                    Participant,
                    Report,
                    Contest,
                    ContestQuestion,
                    ContestRound,
                    Registration,
                    Dossier,
                    CouncilSession,
                    CouncilVote,
                    AwardDecision,
                )
            ]
            members = list(
                await session.scalars(
                    select(Account.full_name)
                    .where(Account.roles.contains(["council"]))
                    .order_by(Account.username)
                )
            )
            decision = (await session.scalars(select(AwardDecision))).one()
            statuses = set(await session.scalars(select(Report.status)))
            registrations = set(await session.scalars(select(Registration.status)))
            dossiers = set(await session.scalars(select(Dossier.status)))
    finally:
        await database.dispose()
    assert counts[0] >= 3
    assert counts[1] > 0
    assert counts[2] > 0
    # The contest, its 60 questions and two rounds; 3 registrations, 3 dossiers; one council session with
    # its 3 members' votes on 2 nominees, one decision; once.
    assert counts[3:] == [1, 60, 2, 3, 3, 1, 6, 1]
    assert registrations == {"approved", "submitted", "draft"}
    assert dossiers == {"in_review", "submitted", "approved"}
    assert members == ["Phạm Minh Chủ", "H'Lan Niê", "Trần Quốc Ủy"]
    # The department passed 3–0 and is awarded; its staff member (1–2) is not.
    assert (decision.number, decision.status, [a["subject_name"] for a in decision.awardees]) == (
        "125/QĐ-UBND",
        "issued",
        ["Sở Văn hóa, Thể thao và Du lịch"],
    )
    assert statuses == {"accepted", "returned", "submitted"}
