"""Coverage rollups (kept current by triggers on records and learners, see `rollup_sql`) and the
population figures that turn counts into a coverage share."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, CheckConstraint, Date, DateTime, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from literacy_api.database import Base


class CoverageCell(Base):
    """Learner-months (a learner with records dated in a month) per commune and dimension: `dim` 'total'
    (key ''), or 'category', 'gender', 'ethnicity' (key the learner's value; ethnicity '' when unknown).
    `res` 'm': per month (`day` its first day); 'f' / 'l': per the first / last day with a record in the
    month. `completed` counts the same of the learner's completed records. Additive over communes and keys."""

    __tablename__ = "coverage_cell"

    province_code: Mapped[str] = mapped_column(String(2), primary_key=True)
    dim: Mapped[str] = mapped_column(String(10), primary_key=True)
    res: Mapped[str] = mapped_column(String(1), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    commune_code: Mapped[str] = mapped_column(String(5), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    learners: Mapped[int] = mapped_column(BigInteger, default=0)
    completed: Mapped[int] = mapped_column(BigInteger, default=0)


class CoverageLink(Base):
    """A learner's month with records and their next month with records (and the same of completed
    records), per commune and dimension as in `CoverageCell`. `res` says how each end is dated: 'mm' month
    → next month, 'dm' last day in the month → next month, 'md' month → first day in the next one, 'dd' last
    day → next first day. A learner with records in k months of a range adds k cells and k-1 links: cells
    minus links counts each learner once, and the day-dated ends count windows that cut months."""

    __tablename__ = "coverage_link"

    province_code: Mapped[str] = mapped_column(String(2), primary_key=True)
    dim: Mapped[str] = mapped_column(String(10), primary_key=True)
    res: Mapped[str] = mapped_column(String(2), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    next_day: Mapped[date] = mapped_column(Date, primary_key=True)
    commune_code: Mapped[str] = mapped_column(String(5), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
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


class CoverageCourseDay(Base):
    """Records per course and day they count on (the days of windows that cut months)."""

    __tablename__ = "coverage_course_day"

    province_code: Mapped[str] = mapped_column(String(2), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    commune_code: Mapped[str] = mapped_column(String(5), primary_key=True)
    course_code: Mapped[str] = mapped_column(String(32), primary_key=True)
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
