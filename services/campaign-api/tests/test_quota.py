"""The council's quota checks, counted by hand (no database: the rule is a function of the results)."""

from __future__ import annotations

import uuid

from campaign_api.recognition.schemas import NomineeResult, Rating
from campaign_api.recognition.service import quota_breaches

DOSSIER = uuid.uuid4()


def nominee(
    unit: str, title: str | None, rating: str | None, *, passed: bool = True, subject: str = "individual"
):
    return NomineeResult(
        dossier_id=DOSSIER,
        nominee_index=0,
        subject_name="x",
        unit_code=unit,
        title_code=title,
        form_code=None if title else "BANG_KHEN_TINH",
        subject_type=subject,
        rating=Rating(rating) if rating else None,
        votes_for=3 if passed else 0,
        votes_against=0,
        abstentions=0,
        voters=3,
        needed=2,
        passed=passed,
    )


def test_the_twenty_percent_rule_counts_ratings_unit_by_unit():
    nominees = [
        # A: 10 good, 3 excellent (one of them failed the vote: the rating still counts). 20 % of 10 = 2 < 3.
        *[nominee("A", "LAO_DONG_TIEN_TIEN", "good") for _ in range(10)],
        nominee("A", "CSTD_CO_SO", "excellent"),
        nominee("A", "CSTD_CO_SO", "excellent", passed=False),
        nominee("A", None, "excellent"),
        # B: 5 good, 1 excellent: 20 % of 5 = 1, within.
        *[nominee("B", "LAO_DONG_TIEN_TIEN", "good") for _ in range(5)],
        nominee("B", None, "excellent"),
        # C: 4 good, 1 excellent: 20 % of 4 = 0.8, rounded down to 0, but one is always allowed.
        *[nominee("C", "LAO_DONG_TIEN_TIEN", "good") for _ in range(4)],
        nominee("C", None, "excellent"),
        # D: 1 excellent and nobody rated good: none allowed. A collective rated excellent is not counted,
        # nor an individual rated completed.
        nominee("D", None, "excellent"),
        nominee("D", None, "excellent", subject="collective"),
        nominee("D", None, "completed"),
        # E: no ratings at all (a dossier typed without them): nothing to check.
        nominee("E", "LAO_DONG_TIEN_TIEN", None),
    ]
    breaches = quota_breaches(nominees, {"A": "Sở A", "D": "Xã D"})
    assert [(b.rule, b.unit_code, b.unit_name, b.allowed, b.actual) for b in breaches] == [
        # A also: 1 passed grassroots fighter for 10 advanced workers: 15 % of 10 = 1.5 → 1, within.
        ("excellent_rating_share", "A", "Sở A", 2, 3),
        ("excellent_rating_share", "D", "Xã D", 0, 1),
    ]
    assert breaches[1].message == (
        "Xã D: 1 cá nhân xếp loại “Hoàn thành xuất sắc nhiệm vụ”, vượt mức 20% của 0 cá nhân "
        "“Hoàn thành tốt nhiệm vụ” (tối đa 0)."
    )


def test_the_fifteen_percent_rule_counts_passed_titles_only():
    nominees = [
        # 14 advanced workers passed (15 % of 14 = 2.1 → 2), one more failed; 3 fighters passed, 1 failed.
        *[nominee("A", "LAO_DONG_TIEN_TIEN", None) for _ in range(14)],
        nominee("A", "LAO_DONG_TIEN_TIEN", None, passed=False),
        *[nominee("A", "CSTD_CO_SO", None) for _ in range(3)],
        nominee("A", "CSTD_CO_SO", None, passed=False),
        # 20 advanced workers: 15 % = 3, and 3 fighters: within.
        *[nominee("B", "LAO_DONG_TIEN_TIEN", None) for _ in range(20)],
        *[nominee("B", "CSTD_CO_SO", None) for _ in range(3)],
    ]
    breaches = quota_breaches(nominees, {})
    assert [(b.rule, b.unit_code, b.unit_name, b.allowed, b.actual) for b in breaches] == [
        ("grassroots_fighters_share", "A", "A", 2, 3)
    ]
