"""Demo data (`make seed`): Đắk Lắk's units and three movements from the source documents. Idempotent."""

from __future__ import annotations

import logging
import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import AsyncSession

from campaign_api.campaigns import repository as campaign_repository
from campaign_api.campaigns.models import Campaign
from campaign_api.campaigns.schemas import (
    CampaignAction,
    CampaignCreate,
    Content,
    Milestone,
    PhaseCreate,
    TargetCreate,
)
from campaign_api.campaigns.service import CampaignService
from campaign_api.participation.schemas import PlanIn, ReportIn
from campaign_api.participation.service import ParticipationService
from campaign_api.units import repository as units
from campaign_api.units.schemas import UnitCreate
from campaign_api.units.service import UnitService
from reference_data.localities import localities
from service_kit.access import Actor
from service_kit.auth import Principal
from service_kit.db import Database
from service_kit.seeding import demo_id

logger = logging.getLogger("campaign_api.seed")

DAK_LAK = "66"
SEEDER = Actor(Principal(subject="seed", issuer="system", roles=frozenset({"admin"})), None)
DEPARTMENTS = [
    ("66-SKHCN", "Sở Khoa học và Công nghệ", 85),
    ("66-SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", 120),
    ("66-SNV", "Sở Nội vụ", 70),
    ("66-SGDDT", "Sở Giáo dục và Đào tạo", 150),
    ("66-SYT", "Sở Y tế", 140),
    ("66-STC", "Sở Tài chính", 95),
    ("66-VPUBND", "Văn phòng UBND tỉnh", 60),
]
COMMUNES_SEEDED = 12
CONTENTS_2025_2030 = [
    ("Nâng cao nhận thức, đổi mới tư duy về chuyển đổi số", ""),
    ("Phát triển hạ tầng số và dữ liệu số của ngành, địa phương", ""),
    ("Ứng dụng công nghệ số trong quản lý, điều hành và cải cách hành chính", ""),
    ("Phát triển xã hội số, phổ cập kỹ năng số cho người dân", "Gắn với phong trào Bình dân học vụ số"),
    ("Bảo đảm an toàn, an ninh mạng; nâng cao chất lượng nguồn nhân lực số", ""),
]
CONTENTS_DEPARTMENT = [
    "Nâng cao nhận thức về chuyển đổi số",
    "Đổi mới tư duy, sáng tạo trong thực thi nhiệm vụ",
    "Phát triển hạ tầng số",
    "Ứng dụng công nghệ trong quản lý, điều hành",
    "Phát triển xã hội số",
    "Bảo đảm an toàn, an ninh mạng và nâng cao chất lượng nguồn nhân lực",
]


async def seed(database_url: URL) -> None:
    database = Database(database_url, pool_size=2, max_overflow=0, application_name="campaign-api seed")
    try:
        async with database.sessionmaker() as session, session.begin():
            if await campaign_repository.by_code(session, "CDS-2025-2030") is not None:
                logger.info("campaign-api demo data is there already")
                return
            unit_service = UnitService(session=session)
            campaigns = CampaignService(session=session)
            participation = ParticipationService(session=session, campaigns=campaigns)
            communes = await _units(session, unit_service)
            await _movements(campaigns, participation, [code for code, *_ in DEPARTMENTS], communes)
    finally:
        await database.dispose()


async def _create(
    campaigns: CampaignService, data: CampaignCreate, *, campaign_id: uuid.UUID | None = None
) -> Campaign:
    created = await campaigns.create(SEEDER, data, campaign_id=campaign_id)
    return await campaigns.get(created.id)


async def _units(session: AsyncSession, unit_service: UnitService) -> list[str]:
    async def add(unit: UnitCreate) -> None:
        if await units.get(session, unit.code) is None:
            await unit_service.create(SEEDER, unit)

    await add(
        UnitCreate(
            code="66", name="UBND tỉnh Đắk Lắk", kind="province", province_code=DAK_LAK, staff_count=40
        )
    )
    for code, name, staff in DEPARTMENTS:
        await add(
            UnitCreate(
                code=code,
                name=name,
                kind="department",
                parent_code="66",
                province_code=DAK_LAK,
                cluster="Khối các sở, ban, ngành",
                staff_count=staff,
            )
        )
    codes = []
    for index, commune in enumerate(localities.communes(DAK_LAK)[:COMMUNES_SEEDED]):
        code = f"66-{commune.code}"
        await add(
            UnitCreate(
                code=code,
                name=f"UBND {commune.name}",
                kind="commune",
                parent_code="66",
                province_code=DAK_LAK,
                commune_code=commune.code,
                cluster=f"Cụm thi đua xã, phường số {index % 3 + 1}",
                staff_count=25 + index * 3,
            )
        )
        codes.append(code)
    return codes


async def _movements(
    campaigns: CampaignService,
    participation: ParticipationService,
    departments: list[str],
    communes: list[str],
) -> None:
    umbrella = await _create(
        campaigns,
        CampaignCreate(
            code="CDS-2025-2030",
            title="Phong trào thi đua “Chuyển đổi số” giai đoạn 2025–2030",
            level="province",
            organizer_unit_code="66",
            starts_on=date(2025, 7, 1),
            ends_on=date(2030, 12, 31),
            description="Phát động trong toàn tỉnh; mỗi đơn vị ban hành kế hoạch triển khai trong quý III/2025.",
            contents=[
                Content(no=i, title=t, description=d) for i, (t, d) in enumerate(CONTENTS_2025_2030, start=1)
            ],
            objectives=[
                "100% đơn vị ban hành kế hoạch triển khai trong quý III/2025",
                "Sơ kết năm 2027, tổng kết năm 2030",
            ],
        ),
        campaign_id=demo_id("campaign", "CDS-2025-2030"),
    )
    await campaigns.add_phase(
        SEEDER,
        umbrella,
        PhaseCreate(
            name="Giai đoạn 1 (2025–2027)",
            starts_on=date(2025, 7, 1),
            ends_on=date(2027, 12, 31),
            milestones=[
                Milestone(
                    title="Các đơn vị ban hành kế hoạch triển khai", kind="plan_due", due_on=date(2025, 9, 30)
                ),
                Milestone(title="Sơ kết giai đoạn 1", kind="review", due_on=date(2027, 12, 15)),
            ],
        ),
    )
    await campaigns.add_phase(
        SEEDER,
        umbrella,
        PhaseCreate(
            name="Giai đoạn 2 (2028–2030) do Hội đồng Thi đua – Khen thưởng chỉ đạo",
            starts_on=date(2028, 1, 1),
            ends_on=date(2030, 12, 31),
            milestones=[Milestone(title="Tổng kết phong trào", kind="summary", due_on=date(2030, 12, 15))],
        ),
    )
    await campaigns.add_target(
        SEEDER,
        umbrella,
        TargetCreate(
            code="DVC_TRUCTUYEN",
            title="Tỷ lệ người dân sử dụng dịch vụ công trực tuyến",
            measure="percent",
            baseline=Decimal(80),
            target=Decimal(95),
            direction="increase",
            due_on=date(2030, 12, 31),
        ),
    )
    await participation.enrol(SEEDER, umbrella, [*departments, *communes])
    await campaigns.transition(SEEDER, umbrella, CampaignAction.LAUNCH)
    plans = {  # issued on: on time (≤ 30/9/2025), late, or none yet
        "66-SKHCN": date(2025, 8, 15),
        "66-SVHTTDL": date(2025, 9, 10),
        "66-SNV": date(2025, 9, 30),
        "66-SGDDT": date(2025, 10, 12),
        "66-SYT": date(2025, 9, 25),
        "66-VPUBND": date(2025, 10, 3),
        **{code: date(2025, 9, 1 + i) for i, code in enumerate(communes[:8])},
    }
    for unit_code, issued_on in plans.items():
        await participation.file_plan(
            SEEDER,
            umbrella,
            await participation.participant(umbrella, unit_code),
            PlanIn(document_no=f"{issued_on.day}/KH-{unit_code[3:]}", issued_on=issued_on),
        )

    department = await _create(
        campaigns,
        CampaignCreate(
            code="SVHTTDL-CDS-2025",
            title="Thi đua chuyển đổi số ngành Văn hóa, Thể thao và Du lịch năm 2025",
            level="department",
            organizer_unit_code="66-SVHTTDL",
            parent_id=umbrella.id,
            starts_on=date(2025, 7, 1),
            ends_on=date(2025, 12, 31),
            contents=[Content(no=i, title=t) for i, t in enumerate(CONTENTS_DEPARTMENT, start=1)],
            objectives=[
                "Số hóa 100% hồ sơ thủ tục hành chính",
                "Số hóa 100% di tích, điểm du lịch đã được công nhận",
                "Phát hiện, biểu dương, khen thưởng kịp thời các tập thể, cá nhân tiêu biểu",
            ],
        ),
        campaign_id=demo_id("campaign", "SVHTTDL-CDS-2025"),
    )
    await campaigns.add_phase(
        SEEDER,
        department,
        PhaseCreate(
            name="Triển khai năm 2025",
            starts_on=date(2025, 7, 1),
            ends_on=date(2025, 12, 31),
            milestones=[
                Milestone(title="Ban hành kế hoạch", kind="plan_due", due_on=date(2025, 8, 15)),
                Milestone(title="Báo cáo quý III", kind="report_due", due_on=date(2025, 10, 10)),
                Milestone(title="Tổng kết năm", kind="summary", due_on=date(2025, 12, 20)),
            ],
        ),
    )
    targets = [
        ("SOHOA_TTHC", "Tỷ lệ hồ sơ thủ tục hành chính được số hóa", "percent", 35, 100, "increase"),
        ("SOHOA_DIEMDL", "Tỷ lệ di tích, điểm du lịch được số hóa", "percent", 20, 100, "increase"),
        ("NGAY_XL", "Số ngày giải quyết hồ sơ trung bình", "count", 7, 3, "decrease"),
    ]
    for code, title, measure, baseline, target, direction in targets:
        await campaigns.add_target(
            SEEDER,
            department,
            TargetCreate(
                code=code,
                title=title,
                measure=measure,
                baseline=Decimal(baseline),
                target=Decimal(target),
                direction=direction,
                due_on=date(2025, 12, 31),
            ),
        )
    culture_units = ["66-SVHTTDL", *communes[:5]]
    await participation.enrol(SEEDER, department, culture_units)
    await campaigns.transition(SEEDER, department, CampaignAction.LAUNCH)
    for index, unit_code in enumerate(culture_units):
        await participation.file_plan(
            SEEDER,
            department,
            await participation.participant(department, unit_code),
            PlanIn(document_no=f"{index + 3}/KH-VH", issued_on=date(2025, 8, 1 + index * 4)),
        )
        for quarter_end, share in ((date(2025, 9, 30), 0.5), (date(2025, 12, 31), 0.8)):
            filed = await participation.submit_report(
                SEEDER,
                department,
                ReportIn(
                    unit_code=unit_code,
                    period_end=quarter_end,
                    values={
                        "SOHOA_TTHC": Decimal(round(35 + 65 * share * (1 - index * 0.08))),
                        "SOHOA_DIEMDL": Decimal(round(20 + 80 * share * (1 - index * 0.1))),
                        "NGAY_XL": Decimal(str(round(7 - 4 * share * (1 - index * 0.1), 1))),
                    },
                    narrative="Báo cáo tiến độ chuyển đổi số của đơn vị.",
                ),
            )
            report, _ = await participation.get_report(filed.id, for_update=True)
            if quarter_end.month == 9 or index < 3:
                await participation.review(SEEDER, report, department, accept=True, note=None)
            elif index == 4:
                await participation.review(
                    SEEDER, report, department, accept=False, note="Bổ sung minh chứng số hóa."
                )

    drive = await _create(
        campaigns,
        CampaignCreate(
            code="BDHVS-100-NGAY",
            title="“100 ngày cao điểm” Bình dân học vụ số",
            level="province",
            organizer_unit_code="66",
            parent_id=umbrella.id,
            starts_on=date(2025, 7, 15),
            ends_on=date(2025, 10, 25),
            description="Phổ cập kỹ năng số đến từng thôn, buôn, tổ dân phố; ưu tiên đồng bào dân tộc thiểu số, vùng sâu, vùng xa.",
            contents=[
                Content(no=1, title="Tập huấn sử dụng dịch vụ công trực tuyến và nền tảng số"),
                Content(
                    no=2,
                    title="Trường học, trung tâm học tập cộng đồng, thư viện, nhà văn hóa là điểm tập huấn",
                ),
            ],
            objectives=["Đến từng thôn, buôn, tổ dân phố", "Người dân biết sử dụng dịch vụ công trực tuyến"],
        ),
        campaign_id=demo_id("campaign", "BDHVS-100-NGAY"),
    )
    await campaigns.add_target(
        SEEDER,
        drive,
        TargetCreate(
            code="PHO_CAP_KNS",
            title="Tỷ lệ người trưởng thành được phổ cập kỹ năng số",
            measure="percent",
            baseline=Decimal(0),
            target=Decimal(80),
            direction="increase",
            due_on=date(2025, 10, 25),
        ),
    )
    await participation.enrol(SEEDER, drive, communes)
    await campaigns.transition(SEEDER, drive, CampaignAction.LAUNCH)
    logger.info("campaign-api demo data seeded: %d units, 3 movements", 1 + len(departments) + len(communes))
