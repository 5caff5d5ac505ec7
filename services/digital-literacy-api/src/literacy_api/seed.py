"""Demo data (`make seed`): the "Bình dân học vụ số" courses, classes at Đắk Lắk's training hubs during the
"100 peak days" (15/07–25/10/2025), and 3,000 synthetic learners with their records. Idempotent."""

from __future__ import annotations

import logging
import random
import uuid
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.engine import URL

from literacy_api.catalog.models import Course, TrainingClass
from literacy_api.certificates.models import Certificate
from literacy_api.config import LiteracySettings
from literacy_api.learners.models import Learner
from literacy_api.training.models import TrainingRecord
from reference_data.localities import localities
from reference_data.personal_data import PersonalDataCipher, mask_national_id
from service_kit.db import Database
from service_kit.text import fold

logger = logging.getLogger("literacy_api.seed")

DAK_LAK = "66"
LEARNERS = 3000
START, END = date(2025, 7, 15), date(2025, 10, 25)
STAFF = ("cadre", "civil_servant", "public_employee")
COURSES = [
    (
        "VNEID-DVC",
        "Sử dụng VNeID và dịch vụ công trực tuyến",
        4,
        1,
        ["VN.1.1", "VN.2.3", "VN.2.6"],
        [*STAFF, "worker"],
    ),
    ("CHU-KY-SO", "Chữ ký số và giao dịch điện tử", 4, 2, ["VN.2.1", "VN.4.2"], list(STAFF)),
    (
        "AN-TOAN-MANG",
        "Sử dụng Internet an toàn, phòng chống lừa đảo trực tuyến",
        3,
        1,
        ["VN.4.1", "VN.4.2", "VN.2.5"],
        list(STAFF),
    ),
    ("TMDT-HO-GD", "Thương mại điện tử cho hộ gia đình", 6, 2, ["VN.3.1", "VN.2.2"], []),
    (
        "AI-CO-BAN",
        "Sử dụng công cụ trí tuệ nhân tạo trong công việc và đời sống",
        4,
        2,
        ["VN.6.1", "VN.6.2"],
        ["cadre", "civil_servant"],
    ),
]
VENUES = [
    ("school", "Trường THCS {n}"),
    ("community_learning_centre", "Trung tâm học tập cộng đồng {n}"),
    ("library", "Thư viện {n}"),
    ("cultural_house", "Nhà văn hóa {n}"),
]
FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
]
MIDDLE = {"male": ["Văn", "Hữu", "Đức", "Minh", "Quang"], "female": ["Thị", "Ngọc", "Thanh", "Thu", "Minh"]}
GIVEN = {
    "male": [
        "An",
        "Bình",
        "Cường",
        "Dũng",
        "Hải",
        "Hùng",
        "Khang",
        "Long",
        "Nam",
        "Phong",
        "Quân",
        "Sơn",
        "Tuấn",
        "Vinh",
    ],
    "female": [
        "Anh",
        "Chi",
        "Hà",
        "Hạnh",
        "Hương",
        "Lan",
        "Linh",
        "Mai",
        "Ngân",
        "Nhung",
        "Phương",
        "Thảo",
        "Trang",
        "Yến",
    ],
}
# Ê Đê, M'Nông and Gia Rai names follow their own order: a gender prefix, a given name, a clan name.
HIGHLAND = {
    "Ê Đê": ["Niê", "Ayun", "Byă", "Êban", "Mlô", "Adrơng"],
    "M'Nông": ["Bon", "Ding", "Liêng"],
    "Gia Rai": ["Siu", "Rơ Mah", "Ksor"],
}
HIGHLAND_GIVEN = ["Bih", "Hen", "Linh", "Thu", "Blang", "Khiêm", "Jứ", "Phương", "Nga", "Sang"]
UNITS = ["66-SKHCN", "66-SVHTTDL", "66-SNV", "66-SGDDT", "66-SYT", "66-STC", "66-VPUBND"]


def _name(rng: random.Random, gender: str, ethnicity: str) -> str:
    if ethnicity in HIGHLAND:
        prefix = "Y" if gender == "male" else "H'"
        given = rng.choice(HIGHLAND_GIVEN)
        return (
            f"{prefix}{given} {rng.choice(HIGHLAND[ethnicity])}"
            if prefix == "H'"
            else f"Y {given} {rng.choice(HIGHLAND[ethnicity])}"
        )
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE[gender])} {rng.choice(GIVEN[gender])}"


async def seed(database_url: URL) -> None:
    settings = LiteracySettings()
    cipher = PersonalDataCipher.from_settings(
        settings.personal_data_key.get_secret_value(), settings.lookup_key.get_secret_value()
    )
    database = Database(
        database_url, pool_size=2, max_overflow=0, application_name="digital-literacy-api seed"
    )
    rng = random.Random(2025)  # noqa: S311 - reproducible demo data, not secrets
    communes = localities.communes(DAK_LAK)[:12]
    # The last third of the communes stand for the highland ones, where most learners are of ethnic minorities.
    highland = {c.code for c in communes[8:]}
    try:
        async with database.sessionmaker() as session, session.begin():
            if await session.scalar(select(Course.code).where(Course.code == COURSES[0][0])) is not None:
                logger.info("digital-literacy-api demo data is there already")
                return
            for code, title, hours, level, competences, required in COURSES:
                session.add(
                    Course(
                        code=code,
                        title=title,
                        title_folded=fold(title),
                        hours=Decimal(hours),
                        level=level,
                        competence_codes=competences,
                        required_for=required,
                    )
                )
            classes: dict[str, list[uuid.UUID]] = {}
            for index, commune in enumerate(communes):
                for offset in range(2):
                    venue_type, venue = VENUES[(index + offset) % len(VENUES)]
                    course = COURSES[(index + offset) % len(COURSES)][0]
                    starts = START + timedelta(days=7 * (index % 10) + 20 * offset)
                    training_class = TrainingClass(
                        id=uuid.uuid4(),
                        course_code=course,
                        venue_type=venue_type,
                        venue_name=venue.format(n=commune.name.split(" ", 1)[-1]),
                        province_code=DAK_LAK,
                        commune_code=commune.code,
                        starts_on=starts,
                        ends_on=starts + timedelta(days=4),
                        trainer=f"{rng.choice(FAMILY)} {rng.choice(MIDDLE['female'])} {rng.choice(GIVEN['female'])}",
                    )
                    session.add(training_class)
                    classes.setdefault(course, []).append(training_class.id)
            await session.flush()

            learners: list[dict[str, Any]] = []
            records: list[dict[str, Any]] = []
            certificates: list[dict[str, Any]] = []
            for number in range(LEARNERS):
                commune = rng.choice(communes)
                gender = rng.choice(["male", "female"])
                ethnicity = (
                    rng.choice([*HIGHLAND, "Kinh"])
                    if commune.code in highland
                    else rng.choice(["Kinh"] * 8 + ["Tày", "Nùng", "Thái"])
                )
                category = rng.choices(
                    ["citizen", "student", "worker", *STAFF], weights=[50, 12, 10, 6, 14, 8]
                )[0]
                born = date(rng.randint(1955, 2008), rng.randint(1, 12), rng.randint(1, 28))
                national_id = f"0{DAK_LAK}{rng.randint(0, 3)}{born.year % 100:02d}{number:06d}"
                phone = f"09{rng.randint(10_000_000, 99_999_999)}"
                learner_id = uuid.uuid4()
                full_name = _name(rng, gender, ethnicity)
                learners.append(
                    {
                        "id": learner_id,
                        "province_code": DAK_LAK,
                        "commune_code": commune.code,
                        "national_id_hash": cipher.lookup_hash(national_id, field="national_id"),
                        "national_id_encrypted": cipher.encrypt(national_id, field="national_id"),
                        "national_id_masked": mask_national_id(national_id),
                        "full_name": full_name,
                        "full_name_folded": fold(full_name),
                        "date_of_birth": born,
                        "birth_year": born.year,
                        "gender": gender,
                        "ethnicity": ethnicity,
                        "category": category,
                        "unit_code": rng.choice(UNITS) if category in STAFF else None,
                        "phone_encrypted": cipher.encrypt(phone, field="phone")
                        if rng.random() < 0.7
                        else None,
                    }
                )
                wanted = [c for c in COURSES if category in c[5]] or [rng.choice(COURSES)]
                # Staff take every course required of them; others pick some of what they are offered.
                chosen = wanted if category in STAFF else wanted[: rng.randint(1, len(wanted))]
                for offered in chosen:
                    course_code = offered[0]
                    enrolled = START + timedelta(days=rng.randint(0, 80))
                    roll = rng.random() * (0.85 if category in STAFF else 1.0)
                    status = (
                        "completed"
                        if roll < 0.64
                        else "in_progress"
                        if roll < 0.88
                        else "enrolled"
                        if roll < 0.96
                        else "failed"
                    )
                    completed = (
                        min(enrolled + timedelta(days=rng.randint(3, 20)), END)
                        if status == "completed"
                        else None
                    )
                    record_id = uuid.uuid4()
                    records.append(
                        {
                            "id": record_id,
                            "learner_id": learner_id,
                            "course_code": course_code,
                            "class_id": rng.choice(classes[course_code])
                            if course_code in classes and rng.random() < 0.6
                            else None,
                            "province_code": DAK_LAK,
                            "commune_code": commune.code,
                            "status": status,
                            "progress": 100
                            if status == "completed"
                            else rng.randint(0, 90)
                            if status != "enrolled"
                            else 0,
                            "score": Decimal(rng.randint(55, 100))
                            if status in ("completed", "failed")
                            else None,
                            "enrolled_on": enrolled,
                            "completed_on": completed,
                            "source": "seed",
                        }
                    )
                    if completed is not None:
                        certificates.append(
                            {
                                "province_code": DAK_LAK,
                                "record_id": record_id,
                                "learner_id": learner_id,
                                "course_code": course_code,
                                "issued_on": completed,
                            }
                        )
            await session.execute(insert(Learner), learners)
            await session.execute(insert(TrainingRecord), records)
            await session.execute(insert(Certificate), certificates)
            logger.info(
                "digital-literacy-api demo data: %d learners, %d records", len(learners), len(records)
            )
    finally:
        await database.dispose()
