"""Demo data (`make seed`): Đắk Lắk's units and three movements from the source documents. Idempotent."""

from __future__ import annotations

import logging
import secrets
import uuid
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import AsyncSession

from campaign_api import clock
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
from campaign_api.config import CampaignSettings
from campaign_api.contests import repository as contest_repository
from campaign_api.contests.schemas import ContestCreate, ContestStatus, Option, QuestionIn, RoundCreate
from campaign_api.contests.service import ContestService
from campaign_api.database import audit_trail
from campaign_api.identity import repository as identity_repository
from campaign_api.identity.hashing import hash_secret
from campaign_api.identity.models import Account
from campaign_api.identity.service import account_snapshot
from campaign_api.participation.schemas import PlanIn, ReportIn
from campaign_api.participation.service import ParticipationService
from campaign_api.recognition import repository as recognition_repository
from campaign_api.recognition.schemas import (
    CouncilSessionIn,
    DecisionIn,
    DossierAction,
    DossierIn,
    Nominee,
    NomineeRef,
    RegistrationAction,
    RegistrationEntry,
    RegistrationIn,
    Vote,
    VoteIn,
)
from campaign_api.recognition.service import AwardsService
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
SEEDER = Actor(
    Principal(subject="seed", issuer="system", roles=frozenset({"admin"}), claims={"name": "Dữ liệu mẫu"}),
    None,
)
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
                await _contest(session, CampaignService(session=session))
                await _recognition(session, CampaignService(session=session))
                await _council(session, CampaignService(session=session))
                return
            unit_service = UnitService(session=session)
            campaigns = CampaignService(session=session)
            participation = ParticipationService(session=session, campaigns=campaigns)
            communes = await _units(session, unit_service)
            await _movements(campaigns, participation, [code for code, *_ in DEPARTMENTS], communes)
            await _contest(session, campaigns)
            await _recognition(session, campaigns)
            await _council(session, campaigns)
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


# --- the online contest -------------------------------------------------------------------------------

CONTEST_TITLE = "Tìm hiểu chuyển đổi số và cải cách hành chính"
FACTS = [
    # topic, question, correct, three wrong, explanation
    (
        "Chuyển đổi số",
        "Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030 được phê duyệt bằng quyết định nào?",
        "Quyết định 749/QĐ-TTg",
        ("Quyết định 06/QĐ-TTg", "Nghị quyết 52-NQ/TW", "Quyết định 942/QĐ-TTg"),
        "Quyết định 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ.",
    ),
    (
        "Chuyển đổi số",
        "Ngày Chuyển đổi số quốc gia là ngày nào hằng năm?",
        "10 tháng 10",
        ("1 tháng 10", "19 tháng 8", "2 tháng 9"),
        "Quyết định 505/QĐ-TTg năm 2022 lấy ngày 10/10 là Ngày Chuyển đổi số quốc gia.",
    ),
    (
        "Chuyển đổi số",
        "Ba trụ cột của chuyển đổi số quốc gia là gì?",
        "Chính phủ số, kinh tế số, xã hội số",
        ("Hạ tầng, dữ liệu, con người", "Điện, đường, trường", "Thể chế, nhân lực, hạ tầng"),
        "Chương trình Chuyển đổi số quốc gia xác định ba trụ cột: chính phủ số, kinh tế số và xã hội số.",
    ),
    (
        "Chuyển đổi số",
        "Nghị quyết nào của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia?",
        "Nghị quyết 57-NQ/TW",
        ("Nghị quyết 18-NQ/TW", "Nghị quyết 52-NQ/TW", "Nghị quyết 36-NQ/TW"),
        "Nghị quyết 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.",
    ),
    (
        "Chuyển đổi số",
        "Phong trào “Bình dân học vụ số” nhằm mục tiêu gì?",
        "Phổ cập kiến thức, kỹ năng số cho toàn dân",
        ("Xóa mù chữ cho người cao tuổi", "Đào tạo lập trình viên chuyên nghiệp", "Cấp máy tính miễn phí"),
        "Phong trào phổ cập kiến thức, kỹ năng số cơ bản cho mọi người dân.",
    ),
    (
        "Chuyển đổi số",
        "Chữ ký số dùng để làm gì trong giao dịch điện tử?",
        "Xác thực người ký và bảo đảm toàn vẹn văn bản",
        ("Trang trí văn bản", "Nén dung lượng tệp", "Tăng tốc độ mạng"),
        "Chữ ký số xác thực danh tính người ký và phát hiện mọi thay đổi sau khi ký.",
    ),
    (
        "Chuyển đổi số",
        "Luật Giao dịch điện tử hiện hành được Quốc hội thông qua năm nào?",
        "2023",
        ("2005", "2015", "2019"),
        "Luật Giao dịch điện tử số 20/2023/QH15, hiệu lực từ 01/7/2024.",
    ),
    (
        "Chuyển đổi số",
        "Mã OTP gửi qua tin nhắn nên được xử lý thế nào?",
        "Không cung cấp cho bất kỳ ai",
        ("Gửi cho người tự xưng công an", "Đăng lên mạng xã hội", "Đọc cho tổng đài viên"),
        "OTP chỉ dành cho chính chủ; cơ quan nhà nước không bao giờ hỏi mã OTP.",
    ),
    (
        "Cải cách hành chính",
        "Cổng Dịch vụ công quốc gia có địa chỉ nào?",
        "dichvucong.gov.vn",
        ("vneid.gov.vn", "chinhphu.vn", "baochinhphu.vn"),
        "Cổng Dịch vụ công quốc gia: https://dichvucong.gov.vn.",
    ),
    (
        "Cải cách hành chính",
        "Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021–2030 được ban hành kèm nghị quyết nào?",
        "Nghị quyết 76/NQ-CP",
        ("Nghị quyết 30c/NQ-CP", "Nghị quyết 02/NQ-CP", "Nghị quyết 17/NQ-CP"),
        "Nghị quyết 76/NQ-CP ngày 15/7/2021 của Chính phủ.",
    ),
    (
        "Cải cách hành chính",
        "Cơ chế một cửa, một cửa liên thông hiện được quy định tại nghị định nào?",
        "Nghị định 61/2018/NĐ-CP",
        ("Nghị định 45/2020/NĐ-CP", "Nghị định 13/2023/NĐ-CP", "Nghị định 30/2020/NĐ-CP"),
        "Nghị định 61/2018/NĐ-CP (sửa đổi bởi Nghị định 107/2021/NĐ-CP).",
    ),
    (
        "Cải cách hành chính",
        "Dịch vụ công trực tuyến toàn trình là gì?",
        "Người dân làm từ nộp hồ sơ đến nhận kết quả đều trên môi trường mạng",
        ("Chỉ tra cứu thông tin thủ tục", "Tải mẫu đơn về điền tay", "Đặt lịch hẹn rồi nộp giấy"),
        "Toàn trình: mọi bước, kể cả trả kết quả, thực hiện trực tuyến.",
    ),
    (
        "Cải cách hành chính",
        "Kết quả giải quyết thủ tục hành chính điện tử có giá trị pháp lý thế nào?",
        "Như kết quả bản giấy",
        ("Chỉ để tham khảo", "Thấp hơn bản giấy", "Phải công chứng lại"),
        "Nghị định 45/2020/NĐ-CP: kết quả điện tử có giá trị pháp lý như bản giấy.",
    ),
    (
        "Cải cách hành chính",
        "Chỉ số đánh giá mức độ hài lòng của người dân đối với sự phục vụ của cơ quan hành chính nhà nước viết tắt là gì?",
        "SIPAS",
        ("PAR INDEX", "PAPI", "PCI"),
        "SIPAS: Chỉ số hài lòng về sự phục vụ hành chính.",
    ),
    (
        "Cải cách hành chính",
        "Chỉ số cải cách hành chính của các bộ, tỉnh viết tắt là gì?",
        "PAR INDEX",
        ("SIPAS", "DTI", "GRDP"),
        "PAR INDEX do Bộ Nội vụ công bố hằng năm.",
    ),
    (
        "Cải cách hành chính",
        "Khi nộp hồ sơ trực tuyến, người dân có phải nộp lại giấy tờ đã có trong cơ sở dữ liệu quốc gia không?",
        "Không phải nộp lại",
        ("Luôn phải nộp bản sao", "Phải nộp bản gốc", "Tùy cán bộ tiếp nhận"),
        "Thông tin đã có trong cơ sở dữ liệu được khai thác, không yêu cầu nộp lại.",
    ),
    (
        "Đề án 06",
        "Đề án 06 về phát triển ứng dụng dữ liệu dân cư, định danh và xác thực điện tử được phê duyệt bằng quyết định nào?",
        "Quyết định 06/QĐ-TTg năm 2022",
        ("Quyết định 749/QĐ-TTg", "Quyết định 942/QĐ-TTg", "Quyết định 411/QĐ-TTg"),
        "Quyết định 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ.",
    ),
    (
        "Đề án 06",
        "Ứng dụng định danh điện tử quốc gia tên là gì?",
        "VNeID",
        ("VssID", "Zalo", "eTax Mobile"),
        "VNeID do Bộ Công an xây dựng, gắn với tài khoản định danh điện tử.",
    ),
    (
        "Đề án 06",
        "Tài khoản định danh điện tử mức độ 2 được dùng để làm gì?",
        "Thay thẻ căn cước trong nhiều giao dịch và đăng nhập dịch vụ công",
        ("Chỉ để xem tin tức", "Chỉ để nhắn tin", "Chỉ dùng cho người nước ngoài"),
        "Mức độ 2 có giá trị tương đương thẻ căn cước khi xuất trình.",
    ),
    (
        "Đề án 06",
        "Số định danh cá nhân của công dân Việt Nam gồm bao nhiêu chữ số?",
        "12",
        ("9", "10", "13"),
        "Số định danh cá nhân gồm 12 chữ số, cũng là số thẻ căn cước.",
    ),
    (
        "Đề án 06",
        "Luật Căn cước có hiệu lực từ ngày nào?",
        "01/7/2024",
        ("01/01/2024", "15/8/2023", "01/01/2025"),
        "Luật Căn cước số 26/2023/QH15 có hiệu lực từ 01/7/2024.",
    ),
    (
        "Đề án 06",
        "Cơ sở dữ liệu quốc gia nào là nền tảng của Đề án 06?",
        "Cơ sở dữ liệu quốc gia về dân cư",
        ("Cơ sở dữ liệu đất đai", "Cơ sở dữ liệu doanh nghiệp", "Cơ sở dữ liệu bảo hiểm"),
        "Dữ liệu dân cư là dữ liệu gốc để định danh và xác thực.",
    ),
    (
        "Đề án 06",
        "Nghị định nào quy định về bảo vệ dữ liệu cá nhân?",
        "Nghị định 13/2023/NĐ-CP",
        ("Nghị định 59/2022/NĐ-CP", "Nghị định 61/2018/NĐ-CP", "Nghị định 47/2020/NĐ-CP"),
        "Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân.",
    ),
    (
        "Đề án 06",
        "Thẻ căn cước gắn chíp lưu được thông tin gì ngoài thông tin in trên thẻ?",
        "Thông tin sinh trắc học và một số giấy tờ được tích hợp",
        ("Số dư tài khoản ngân hàng", "Lịch sử duyệt web", "Mật khẩu thư điện tử"),
        "Chíp lưu thông tin nhân thân, sinh trắc học và thông tin được tích hợp.",
    ),
]


def _demo_questions() -> list[QuestionIn]:
    """60 questions: each fact asked directly, then as a true statement and as a false one to judge."""
    questions = []
    for topic, text, correct, wrong, explanation in FACTS:
        options = [correct, *wrong]
        questions.append(
            QuestionIn(
                topic=topic,
                text=text,
                options=[Option(key=k, text=t) for k, t in zip("ABCD", options, strict=True)],
                correct_keys=["A"],
                explanation=explanation,
                difficulty=2,
            )
        )
    judge = [Option(key="A", text="Đúng"), Option(key="B", text="Sai")]
    for index, (topic, text, correct, wrong, explanation) in enumerate(FACTS):
        if len(questions) >= 60:
            break
        questions.append(
            QuestionIn(
                topic=topic,
                text=f"Đúng hay sai: “{text}” — đáp án là “{correct}”.",
                options=judge,
                correct_keys=["A"],
                explanation=explanation,
                difficulty=1,
            )
        )
        if len(questions) >= 60:
            break
        questions.append(
            QuestionIn(
                topic=topic,
                text=f"Đúng hay sai: “{text}” — đáp án là “{wrong[index % 3]}”.",
                options=judge,
                correct_keys=["B"],
                explanation=explanation,
                difficulty=1,
            )
        )
    return questions[:60]


async def _contest(session: AsyncSession, campaigns: CampaignService) -> None:
    """The contest of the umbrella movement, with its 60 questions and two weekly rounds: the last week's
    (closed) and this week's (open). Added once, also to a database seeded before contests existed."""
    contest_id = demo_id("contest", "CDS-2025-2030")
    contests = ContestService(session=session, campaigns=campaigns, settings=CampaignSettings())
    if await contest_repository.contest(session, contest_id) is not None:
        return
    umbrella = await campaign_repository.by_code(session, "CDS-2025-2030")
    if umbrella is None:
        return
    await contests.create(
        SEEDER,
        umbrella,
        ContestCreate(
            title=CONTEST_TITLE,
            rules="Mỗi tuần một vòng thi gồm 15 câu hỏi trắc nghiệm và 1 câu hỏi dự đoán; mỗi người dự thi một lượt mỗi vòng.",
            audience="all",
            questions_per_attempt=15,
            time_limit_seconds=900,
            attempts_per_round=1,
            prediction_question="Có bao nhiêu người dự thi trả lời đúng tất cả các câu hỏi của vòng này?",
        ),
        contest_id=contest_id,
    )
    seen = await contests.get(contest_id, for_update=True)
    for question in _demo_questions():
        await contests.add_question(SEEDER, seen, question)
    await contests.transition(SEEDER, seen, ContestStatus.OPEN)
    now = clock.now().replace(minute=0, second=0, microsecond=0)
    week = timedelta(days=7)
    for no, opens_at in ((1, now - week - timedelta(days=1)), (2, now - timedelta(days=1))):
        await contests.add_round(
            SEEDER,
            seen,
            RoundCreate.model_construct(
                no=no, title=f"Tuần thứ {no}", opens_at=opens_at, closes_at=opens_at + week
            ),
        )


EMULATION_OFFICE = Actor(
    Principal(
        subject="Ban Thi đua – Khen thưởng tỉnh",
        issuer="system",
        roles=frozenset({"admin"}),
        claims={"name": "Ban Thi đua – Khen thưởng tỉnh"},
    ),
    None,
)
"""Who the demo's registrations and dossiers were handled by (its histories show this name)."""


async def _recognition(session: AsyncSession, campaigns: CampaignService) -> None:
    """The 2025 registrations for emulation titles of three departments (approved, submitted, a draft) and
    two commendation dossiers (one received and in review, one sent), added once, also to a database seeded
    before recognition existed (the council and its decision: `_council`)."""
    umbrella = await campaign_repository.by_code(session, "CDS-2025-2030")
    if umbrella is None:
        return
    if await recognition_repository.registrations_of_campaign(session, umbrella.id, units=None, year=2025):
        return
    awards = AwardsService(session=session, campaigns=campaigns)
    registrations = [
        (
            "66-SKHCN",
            [
                ("collective", "Sở Khoa học và Công nghệ", "TAP_THE_LD_XUAT_SAC"),
                ("individual", "Nguyễn Văn Hùng", "CSTD_CO_SO"),
                ("individual", "Trần Thị Mai", "LAO_DONG_TIEN_TIEN"),
            ],
            ["submit", "approve"],
        ),
        (
            "66-SVHTTDL",
            [
                ("collective", "Sở Văn hóa, Thể thao và Du lịch", "TAP_THE_LD_TIEN_TIEN"),
                ("individual", "Lê Văn Nam", "LAO_DONG_TIEN_TIEN"),
            ],
            ["submit"],
        ),
        ("66-SYT", [("collective", "Sở Y tế", "TAP_THE_LD_TIEN_TIEN")], []),
    ]
    for unit_code, entries, steps in registrations:
        registration = await awards.register(
            EMULATION_OFFICE,
            umbrella,
            RegistrationIn(
                unit_code=unit_code,
                year=2025,
                entries=[
                    RegistrationEntry.model_validate({"subject_type": t, "subject_name": n, "title_code": c})
                    for t, n, c in entries
                ],
            ),
        )
        for step in steps:
            row, campaign = await awards.get_registration(registration.id, for_update=True)
            await awards.move_registration(EMULATION_OFFICE, row, campaign, RegistrationAction(step))
    dossiers = [
        ("66-SKHCN", "Nguyễn Văn Hùng", "individual", "CSTD_CO_SO", ["submit", "receive", "review"]),
        ("66-SNV", "Sở Nội vụ", "collective", "TAP_THE_LD_TIEN_TIEN", ["submit"]),
    ]
    for unit_code, name, subject_type, title_code, steps in dossiers:
        dossier = await awards.create_dossier(
            EMULATION_OFFICE,
            DossierIn(
                campaign_id=umbrella.id,
                unit_code=unit_code,
                title="Hồ sơ đề nghị khen thưởng năm 2025",
                nominees=[
                    Nominee.model_validate(
                        {
                            "subject_type": subject_type,
                            "subject_name": name,
                            "unit_code": unit_code,
                            "title_code": title_code,
                            "achievements": "Hoàn thành xuất sắc nhiệm vụ chuyển đổi số năm 2025",
                        }
                    )
                ],
            ),
        )
        for step in steps:
            filed, campaign = await awards.get_dossier(dossier.id, for_update=True)
            await awards.move_dossier(EMULATION_OFFICE, filed, campaign, DossierAction(step))


COUNCIL_MEMBERS = [
    ("hd.chutich", "Phạm Minh Chủ", "male", date(1968, 4, 12)),
    ("hd.phochutich", "H'Lan Niê", "female", date(1975, 9, 2)),
    ("hd.uyvien", "Trần Quốc Ủy", "male", date(1982, 1, 20)),
]
"""The demo council's members: real accounts (votes are cast by accounts) with an unusable random password
that is never shown: nobody signs in as them until an administrator sets one."""

DEMO_DECISION_NO = "125/QĐ-UBND"


async def _council_members(session: AsyncSession) -> list[uuid.UUID]:
    members = []
    for username, full_name, sex, birth_date in COUNCIL_MEMBERS:
        account = await identity_repository.account_by_username(session, username)
        if account is None:
            account = Account(
                username=username,
                password_hash=await hash_secret(secrets.token_urlsafe(32)),
                full_name=full_name,
                roles=["council"],
                unit_codes=[],
                active=True,
                sex=sex,
                birth_date=birth_date,
            )
            session.add(account)
            await session.flush()
            await audit_trail.record(
                session,
                actor=SEEDER,
                action="account.created",
                object_type="account",
                object_id=str(account.id),
                after=account_snapshot(account),
            )
        members.append(account.id)
    return members


async def _council(session: AsyncSession, campaigns: CampaignService) -> None:
    """The council's 2025 session on one more dossier (66-SVHTTDL: the department and one of its staff),
    its members' votes (the department passes 3–0, the individual fails 1–2 at a two-thirds threshold)
    and the decision awarding the department, added once (by the decision's number), also to a database
    seeded before councils were."""
    umbrella = await campaign_repository.by_code(session, "CDS-2025-2030")
    if umbrella is None or await recognition_repository.decision_by_number(session, DEMO_DECISION_NO):
        return
    awards = AwardsService(session=session, campaigns=campaigns)
    members = await _council_members(session)
    nominees = [
        ("collective", "Sở Văn hóa, Thể thao và Du lịch", "TAP_THE_LD_XUAT_SAC", None),
        ("individual", "Lê Văn Nam", "LAO_DONG_TIEN_TIEN", "good"),
    ]
    dossier = await awards.create_dossier(
        EMULATION_OFFICE,
        DossierIn(
            campaign_id=umbrella.id,
            unit_code="66-SVHTTDL",
            title="Hồ sơ đề nghị khen thưởng năm 2025",
            nominees=[
                Nominee.model_validate(
                    {
                        "subject_type": subject_type,
                        "subject_name": name,
                        "unit_code": "66-SVHTTDL",
                        "title_code": title_code,
                        "rating": rating,
                        "achievements": "Số hóa 100% hồ sơ di tích và điểm du lịch được công nhận năm 2025",
                    }
                )
                for subject_type, name, title_code, rating in nominees
            ],
        ),
    )
    for step in ("submit", "receive", "review", "to-council"):
        filed, campaign = await awards.get_dossier(dossier.id, for_update=True)
        await awards.move_dossier(EMULATION_OFFICE, filed, campaign, DossierAction(step))
    council = await awards.convene(
        EMULATION_OFFICE,
        CouncilSessionIn(
            title="Phiên họp Hội đồng Thi đua – Khen thưởng tỉnh năm 2025",
            held_on=date(2025, 12, 18),
            members=members,
            dossier_ids=[dossier.id],
            quorum=2,
            threshold=0.6667,
        ),
    )
    seen = await awards.get_council(council.id)
    ballots = {0: ("for", "for", "for"), 1: ("for", "against", "against")}
    names = [full_name for _, full_name, _, _ in COUNCIL_MEMBERS]
    for index, cast in ballots.items():
        for member, name, vote in zip(members, names, cast, strict=True):
            voter = Actor(
                Principal(
                    subject=str(member), issuer="system", roles=frozenset({"council"}), claims={"name": name}
                ),
                None,
            )
            await awards.vote(
                voter, seen, VoteIn(dossier_id=dossier.id, nominee_index=index, vote=Vote(vote))
            )
    await awards.issue(
        EMULATION_OFFICE,
        DecisionIn(
            session_id=council.id,
            number=DEMO_DECISION_NO,
            signed_on=date(2025, 12, 26),
            signer="Nguyễn Văn Tỉnh",
            title_code="TAP_THE_LD_XUAT_SAC",
            nominees=[NomineeRef(dossier_id=dossier.id, nominee_index=0)],
        ),
    )
