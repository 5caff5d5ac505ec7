"""Coverage rollups (kept current by triggers on records and learners, see `rollup_sql`) and the
population figures that turn counts into a coverage share."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, CheckConstraint, Date, DateTime, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from literacy_api.database import Base


class CoverageMonth(Base):
    """Per learner attributes and month: learners with a counted record dated in that month, and
    learners with a completed record dated in it. Additive over attributes, not over months."""

    __tablename__ = "coverage_month"

    province_code: Mapped[str] = mapped_column(String(2), primary_key=True)
    commune_code: Mapped[str] = mapped_column(String(5), primary_key=True)
    category: Mapped[str] = mapped_column(String(16), primary_key=True)
    gender: Mapped[str] = mapped_column(String(8), primary_key=True)
    ethnicity: Mapped[str] = mapped_column(String(64), primary_key=True, comment="'' when unknown")
    month: Mapped[date] = mapped_column(Date, primary_key=True)
    learners: Mapped[int] = mapped_column(BigInteger, default=0)
    completed: Mapped[int] = mapped_column(BigInteger, default=0)


class CoverageMonthPair(Base):
    """Consecutive months in which the same learner has records (and completed records). A learner with
    records in k months of a range adds k month rows and k-1 pairs, so months minus pairs counts each
    learner once: distinct learners over any range of whole months from additive rows."""

    __tablename__ = "coverage_month_pair"

    province_code: Mapped[str] = mapped_column(String(2), primary_key=True)
    commune_code: Mapped[str] = mapped_column(String(5), primary_key=True)
    category: Mapped[str] = mapped_column(String(16), primary_key=True)
    gender: Mapped[str] = mapped_column(String(8), primary_key=True)
    ethnicity: Mapped[str] = mapped_column(String(64), primary_key=True)
    month: Mapped[date] = mapped_column(Date, primary_key=True)
    next_month: Mapped[date] = mapped_column(Date, primary_key=True)
    learners: Mapped[int] = mapped_column(BigInteger, default=0)
    completed: Mapped[int] = mapped_column(BigInteger, default=0)


class CoverageCourseMonth(Base):
    """Records per course and month (one record per learner and course, so records are learners)."""

    __tablename__ = "coverage_course_month"

    province_code: Mapped[str] = mapped_column(String(2), primary_key=True)
    commune_code: Mapped[str] = mapped_column(String(5), primary_key=True)
    course_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    month: Mapped[date] = mapped_column(Date, primary_key=True)
    learners: Mapped[int] = mapped_column(BigInteger, default=0)
    completed: Mapped[int] = mapped_column(BigInteger, default=0)


class Population(Base):
    """Adults living in a commune (from the statistics office), the denominator of coverage."""

    __tablename__ = "population"
    __table_args__ = (CheckConstraint("adults > 0", name="adults_positive"),)

    commune_code: Mapped[str] = mapped_column(String(5), primary_key=True)
    province_code: Mapped[str] = mapped_column(String(2), index=True)
    adults: Mapped[int] = mapped_column(Integer)
    reference_year: Mapped[int | None] = mapped_column(Integer)
    updated_by: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )
