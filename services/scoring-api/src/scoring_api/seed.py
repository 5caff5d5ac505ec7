"""Demo data (`make seed`): the default criteria sets for collectives and for individuals (templates following
the civil-service classification: excellent ≥ 90, good ≥ 70, completed ≥ 50), published for the
Culture–Sports–Tourism department's 2025 movement, with a round whose top band holds at most 20% of a cluster.
Scorecards are generated through the API once the services run (they read the participants from campaign-api)."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import URL

from scoring_api.criteria.models import CriteriaSet
from scoring_api.indices.models import IndexFramework
from scoring_api.indices.preset import province_index
from scoring_api.indices.schemas import SubjectKind
from scoring_api.rounds.models import Round
from service_kit.db import Database
from service_kit.seeding import demo_id

logger = logging.getLogger("scoring_api.seed")

BANDS = [
    {"label": "Hoàn thành xuất sắc nhiệm vụ", "min_score": "90"},
    {"label": "Hoàn thành tốt nhiệm vụ", "min_score": "70"},
    {"label": "Hoàn thành nhiệm vụ", "min_score": "50"},
    {"label": "Không hoàn thành nhiệm vụ", "min_score": "0"},
]


def _criterion(
    code: str,
    title: str,
    points: int,
    method: str = "manual",
    target: str | None = None,
    children: list[Any] | None = None,
) -> dict[str, Any]:
    return {
        "code": code,
        "title": title,
        "max_points": str(points),
        "method": method,
        "target_code": target,
        "children": children or [],
    }


# Tied, as the source documents ask, to task completion, solution initiatives, administrative reform,
# database building, the innovation index and the province's digital transformation.
COLLECTIVE = [
    _criterion(
        "1",
        "Mức độ hoàn thành nhiệm vụ chuyển đổi số",
        35,
        children=[
            _criterion("1.1", "Ban hành và thực hiện kế hoạch", 15),
            _criterion("1.2", "Số hóa hồ sơ thủ tục hành chính", 15, "target_progress", "SOHOA_TTHC"),
            _criterion("1.3", "Số hóa di tích, điểm du lịch", 10, "target_progress", "SOHOA_DIEMDL"),
        ],
    ),
    _criterion("2", "Sáng kiến, giải pháp", 15),
    _criterion(
        "3",
        "Cải cách hành chính",
        15,
        children=[
            _criterion("3.1", "Rút ngắn thời gian giải quyết hồ sơ", 10, "target_progress", "NGAY_XL"),
            _criterion("3.2", "Sử dụng chữ ký số trong văn bản điện tử", 5, "boolean"),
        ],
    ),
    _criterion("4", "Xây dựng cơ sở dữ liệu", 10),
    _criterion("5", "Cán bộ hoàn thành bồi dưỡng kỹ năng số", 15, "training_rate"),
    _criterion("6", "Đóng góp vào chỉ số chuyển đổi số (DTI) của tỉnh", 10),
]
INDIVIDUAL = [
    _criterion("1", "Hoàn thành nhiệm vụ được giao", 50),
    _criterion("2", "Sáng kiến, cải tiến trong công việc", 20),
    _criterion("3", "Ứng dụng công nghệ số trong thực thi công vụ", 20),
    _criterion("4", "Tham gia phong trào Bình dân học vụ số", 10, "boolean"),
]


async def _seed_indices(database: Database) -> None:
    """The preset index frameworks (communes, departments), published, unless they are there."""
    async with database.sessionmaker() as session, session.begin():
        for kind in (SubjectKind.COMMUNE, SubjectKind.DEPARTMENT):
            preset = province_index(kind)
            if await session.scalar(select(IndexFramework.id).where(IndexFramework.name == preset.name)):
                continue
            session.add(
                IndexFramework(
                    name=preset.name,
                    subject_kind=kind.value,
                    campaign_id=None,
                    version=1,
                    status="published",
                    aggregation=preset.aggregation.value,
                    missing=preset.missing.value,
                    outliers=preset.outliers.value,
                    total_points=preset.total_points,
                    nodes=[n.model_dump(mode="json", exclude_none=True) for n in preset.nodes],
                    published_at=datetime.now(UTC),
                )
            )


async def seed(database_url: URL) -> None:
    database = Database(database_url, pool_size=2, max_overflow=0, application_name="scoring-api seed")
    campaign_id = demo_id("campaign", "SVHTTDL-CDS-2025")
    try:
        await _seed_indices(database)
        async with database.sessionmaker() as session, session.begin():
            if (
                await session.scalar(select(CriteriaSet.id).where(CriteriaSet.campaign_id == campaign_id))
                is not None
            ):
                logger.info("scoring-api demo data is there already")
                return
            now = datetime.now(UTC)
            collective = CriteriaSet(
                campaign_id=campaign_id,
                subject_type="collective",
                name="Bộ tiêu chí tập thể (mẫu)",
                version=1,
                status="published",
                criteria=COLLECTIVE,
                bands=BANDS,
                published_at=now,
            )
            individual = CriteriaSet(
                campaign_id=campaign_id,
                subject_type="individual",
                name="Bộ tiêu chí cá nhân (mẫu)",
                version=1,
                status="published",
                criteria=INDIVIDUAL,
                bands=BANDS,
                published_at=now,
            )
            session.add_all([collective, individual])
            await session.flush()
            session.add(
                Round(
                    criteria_set_id=collective.id,
                    name="Đánh giá năm 2025",
                    period_start=date(2025, 7, 1),
                    period_end=date(2025, 12, 31),
                    top_band_max_share=Decimal("0.2"),
                )
            )
            session.add(
                Round(
                    criteria_set_id=individual.id,
                    name="Cá nhân tiêu biểu năm 2025",
                    period_start=date(2025, 7, 1),
                    period_end=date(2025, 12, 31),
                )
            )
    finally:
        await database.dispose()
