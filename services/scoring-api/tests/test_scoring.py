"""Scoring on hand-computed examples: totals, validation, bands, ranking and proposals."""

from decimal import Decimal

import pytest

from scoring_api.scorecards.scoring import (
    Band,
    Criterion,
    Entry,
    Method,
    Ranked,
    RankItem,
    auto_points,
    band_for,
    by_code,
    leaves,
    propose,
    rank,
    score,
    validate_bands,
    validate_score,
    validate_set,
    walk,
)

D = Decimal

EXCELLENT = "Hoàn thành xuất sắc nhiệm vụ"
GOOD = "Hoàn thành tốt nhiệm vụ"
COMPLETED = "Hoàn thành nhiệm vụ"
NOT_COMPLETED = "Không hoàn thành nhiệm vụ"
# Listed out of order on purpose: scoring sorts bands by min_score.
BANDS = (
    Band(GOOD, D(70)),
    Band(NOT_COMPLETED, D(0)),
    Band(EXCELLENT, D(90)),
    Band(COMPLETED, D(50)),
)


def leaf(
    code: str, max_points: str, method: Method = Method.MANUAL, target_code: str | None = None
) -> Criterion:
    return Criterion(code, f"Tiêu chí {code}", D(max_points), method, target_code)


def parent(code: str, max_points: str, *children: Criterion) -> Criterion:
    return Criterion(code, f"Nhóm {code}", D(max_points), children=children)


def manual(points: str) -> Entry:
    return Entry(self_score=D(points))


# --- totals ---


def test_parent_caps_the_sum_of_its_children() -> None:
    criteria = [parent("1", "10", leaf("1.1", "6"), leaf("1.2", "7"))]

    result = score(criteria, {"1.1": manual("6"), "1.2": manual("7")})

    # 6 + 7 = 13, capped at the parent's 10.
    assert result.by_criterion == {"1": D("10.00"), "1.1": D("6.00"), "1.2": D("7.00")}
    assert result.total == D("10.00")
    assert result.pending == ()


def test_caps_apply_at_every_level() -> None:
    criteria = [
        parent("A", "20", parent("A.1", "8", leaf("A.1.a", "5"), leaf("A.1.b", "5")), leaf("A.2", "15")),
        leaf("B", "10"),
    ]
    entries = {"A.1.a": manual("5"), "A.1.b": manual("5"), "A.2": manual("15"), "B": manual("4")}

    result = score(criteria, entries)

    # A.1 = min(5 + 5, 8) = 8; A = min(8 + 15, 20) = 20; total = 20 + 4 = 24.
    assert result.by_criterion["A.1"] == D("8.00")
    assert result.by_criterion["A"] == D("20.00")
    assert result.total == D("24.00")


def test_parent_below_its_cap_scores_the_plain_sum() -> None:
    criteria = [parent("1", "10", leaf("1.1", "6"), leaf("1.2", "7"))]

    result = score(criteria, {"1.1": manual("2.5"), "1.2": manual("3")})

    assert result.by_criterion["1"] == D("5.50")
    assert result.total == D("5.50")


def test_reviewed_score_overrides_self_score() -> None:
    criteria = [leaf("1", "10")]

    result = score(criteria, {"1": Entry(self_score=D(7), reviewed_score=D(5))})

    assert result.total == D("5.00")


def test_reviewed_score_of_zero_still_overrides_self_score() -> None:
    criteria = [leaf("1", "10")]

    result = score(criteria, {"1": Entry(self_score=D(7), reviewed_score=D(0))})

    assert result.total == D("0.00")
    assert result.pending == ()


def test_auto_score_overrides_self_score_but_not_reviewed_score() -> None:
    criteria = [leaf("T", "20", Method.TARGET_PROGRESS, "KPI-1"), leaf("R", "10", Method.TRAINING_RATE)]
    entries = {
        "T": Entry(self_score=D(20), auto_score=D(15)),
        "R": Entry(self_score=D(10), reviewed_score=D(6), auto_score=D(8)),
    }

    result = score(criteria, entries)

    assert result.by_criterion == {"T": D("15.00"), "R": D("6.00")}
    assert result.total == D("21.00")


def test_automatic_criterion_without_auto_score_falls_back_to_self_score() -> None:
    criteria = [leaf("T", "20", Method.TARGET_PROGRESS, "KPI-1")]

    result = score(criteria, {"T": Entry(self_score=D(12))})

    assert result.total == D("12.00")
    assert result.pending == ()


def test_manual_criterion_ignores_auto_score() -> None:
    criteria = [leaf("M", "10"), leaf("N", "10")]
    entries = {"M": Entry(self_score=D(4), auto_score=D(9)), "N": Entry(auto_score=D(9))}

    result = score(criteria, entries)

    assert result.by_criterion == {"M": D("4.00"), "N": D("0.00")}
    assert result.pending == ("N",)


def test_boolean_criterion_scores_zero_or_its_maximum() -> None:
    criteria = [leaf("yes", "10", Method.BOOLEAN), leaf("no", "10", Method.BOOLEAN)]

    result = score(criteria, {"yes": manual("10"), "no": manual("0")})

    assert result.by_criterion == {"yes": D("10.00"), "no": D("0.00")}
    assert result.total == D("10.00")
    # A recorded 0 is data, not a gap.
    assert result.pending == ()


def test_pending_leaves_are_listed_in_tree_order_and_count_as_zero() -> None:
    criteria = [
        parent("2", "30", leaf("2.2", "10"), leaf("2.1", "10"), leaf("2.3", "10")),
        leaf("1", "10"),
        leaf("3", "10", Method.TRAINING_RATE),
    ]
    entries = {"2.1": manual("8"), "unknown": manual("5"), "2": manual("30")}

    result = score(criteria, entries)

    # Tree order, not alphabetical; entries on unknown codes or on parents are ignored.
    assert result.pending == ("2.2", "2.3", "1", "3")
    assert result.by_criterion["2"] == D("8.00")
    assert result.total == D("8.00")


def test_empty_scorecard_scores_zero_with_every_leaf_pending() -> None:
    criteria = [parent("1", "10", leaf("1.1", "5"), leaf("1.2", "5"))]

    result = score(criteria, {})

    assert result.total == D("0.00")
    assert result.pending == ("1.1", "1.2")


def test_total_is_rounded_once_at_the_end() -> None:
    criteria = [leaf(code, "10", Method.TRAINING_RATE) for code in ("a", "b", "c")]
    third = D(1) / D(3)
    entries = {c.code: Entry(auto_score=auto_points(c, third)) for c in criteria}

    result = score(criteria, entries)

    # Each leaf shows 3.33, but 3 × 3.333… rounds to 10.00, not 3 × 3.33 = 9.99.
    assert result.by_criterion == {"a": D("3.33"), "b": D("3.33"), "c": D("3.33")}
    assert result.total == D("10.00")


def test_rounding_is_half_up() -> None:
    criteria = [leaf("1", "10")]

    result = score(criteria, {"1": manual("2.345")})

    # Banker's rounding would give 2.34.
    assert result.total == D("2.35")


def test_auto_points_multiply_the_maximum_by_progress() -> None:
    criterion = leaf("T", "20", Method.TARGET_PROGRESS, "KPI-1")

    assert auto_points(criterion, D("0.75")) == D(15)
    assert auto_points(leaf("R", "10", Method.TRAINING_RATE), D("0.5")) == D(5)


def test_auto_points_clamp_progress_to_zero_and_one() -> None:
    criterion = leaf("T", "20", Method.TARGET_PROGRESS, "KPI-1")

    assert auto_points(criterion, D("1.3")) == D(20)
    assert auto_points(criterion, D("-0.2")) == D(0)


def test_auto_points_keep_full_precision() -> None:
    criterion = leaf("R", "10", Method.TRAINING_RATE)

    assert auto_points(criterion, D("0.12345")) == D("1.2345")


def test_auto_points_refuse_a_manual_criterion() -> None:
    with pytest.raises(ValueError, match="by hand"):
        auto_points(leaf("M", "10"), D("0.5"))


# --- the tree ---


def test_walk_yields_every_criterion_with_its_depth_in_tree_order() -> None:
    criteria = [parent("1", "10", parent("1.1", "5", leaf("1.1.a", "5")), leaf("1.2", "5")), leaf("2", "5")]

    assert [(c.code, depth) for c, depth in walk(criteria)] == [
        ("1", 0),
        ("1.1", 1),
        ("1.1.a", 2),
        ("1.2", 1),
        ("2", 0),
    ]
    assert [c.code for c in leaves(criteria)] == ["1.1.a", "1.2", "2"]
    assert set(by_code(criteria)) == {"1", "1.1", "1.1.a", "1.2", "2"}


# --- validation ---


def test_valid_set_has_no_problems() -> None:
    criteria = [
        parent("1", "40", leaf("1.1", "20", Method.TARGET_PROGRESS, "KPI-1"), leaf("1.2", "30")),
        leaf("2", "30", Method.TRAINING_RATE),
        leaf("3", "30", Method.BOOLEAN),
    ]

    assert validate_set(criteria) == []


def test_duplicate_code_anywhere_in_the_tree_is_a_problem() -> None:
    criteria = [parent("1", "10", parent("1.1", "10", leaf("2", "5"))), leaf("2", "5")]

    problems = validate_set(criteria)

    assert len(problems) == 1
    assert "'2'" in problems[0]
    assert "more than once" in problems[0]


def test_target_progress_without_target_code_is_a_problem() -> None:
    problems = validate_set([leaf("T", "20", Method.TARGET_PROGRESS)])

    assert problems == ["Criterion 'T': method 'target_progress' needs a target_code."]


def test_target_code_on_another_method_is_a_problem() -> None:
    problems = validate_set([leaf("M", "20", Method.MANUAL, "KPI-1")])

    assert len(problems) == 1
    assert "only method 'target_progress'" in problems[0]


def test_max_points_must_be_positive() -> None:
    problems = validate_set([leaf("Z", "0"), leaf("N", "-5")])

    assert len(problems) == 2
    assert all("max_points must be greater than 0" in p for p in problems)


def test_parent_must_not_carry_a_method_or_a_target() -> None:
    criteria = [
        Criterion("P", "Nhóm P", D(10), Method.BOOLEAN, children=(leaf("P.1", "10"),)),
        Criterion("Q", "Nhóm Q", D(10), Method.MANUAL, "KPI-1", children=(leaf("Q.1", "10"),)),
    ]

    problems = validate_set(criteria)

    assert problems == [
        "Criterion 'P': a criterion with children scores the sum of its children; its method must be 'manual', not 'boolean'.",
        "Criterion 'Q': a criterion with children cannot name a target_code.",
    ]


def test_empty_set_is_a_problem() -> None:
    assert validate_set([]) == ["A criteria set needs at least one criterion."]


def test_scores_within_zero_and_maximum_are_accepted() -> None:
    criterion = leaf("M", "10")

    validate_score(criterion, D(0))
    validate_score(criterion, D("7.5"))
    validate_score(criterion, D(10))
    validate_score(leaf("B", "10", Method.BOOLEAN), D("10.00"))


@pytest.mark.parametrize("points", ["-1", "10.01", "NaN"])
def test_scores_outside_zero_and_maximum_are_refused(points: str) -> None:
    with pytest.raises(ValueError, match="between 0 and 10"):
        validate_score(leaf("M", "10"), D(points))


def test_boolean_score_between_zero_and_maximum_is_refused() -> None:
    with pytest.raises(ValueError, match="0 or 10"):
        validate_score(leaf("B", "10", Method.BOOLEAN), D(5))


def test_score_on_a_parent_is_refused() -> None:
    with pytest.raises(ValueError, match="sub-criteria"):
        validate_score(parent("P", "10", leaf("P.1", "10")), D(5))


# --- bands ---


@pytest.mark.parametrize(
    ("total", "label"),
    [
        ("100", EXCELLENT),
        ("90.00", EXCELLENT),
        ("89.99", GOOD),
        ("70", GOOD),
        ("69.99", COMPLETED),
        ("50", COMPLETED),
        ("49.99", NOT_COMPLETED),
        ("0", NOT_COMPLETED),
    ],
)
def test_band_is_the_highest_whose_minimum_is_reached(total: str, label: str) -> None:
    assert band_for(D(total), BANDS) == label


def test_total_below_every_band_has_no_band() -> None:
    bands = [Band(EXCELLENT, D(90)), Band(COMPLETED, D(50))]

    assert band_for(D("49.99"), bands) is None
    assert band_for(D(50), []) is None


def test_valid_bands_have_no_problems() -> None:
    assert validate_bands(BANDS) == []


def test_bands_with_repeated_labels_or_minimums_are_problems() -> None:
    problems = validate_bands([Band(GOOD, D(70)), Band(GOOD, D(80)), Band(COMPLETED, D(70))])

    assert len(problems) == 2
    assert "label is used more than once" in problems[0]
    assert "same min_score 70" in problems[1]


# --- ranking ---


def item(
    scorecard_id: str, name: str, total: str, cluster: str | None = "Cụm 1", approved: bool = True
) -> RankItem:
    return RankItem(scorecard_id, name, cluster, D(total), approved)


def test_ties_share_a_rank_and_the_next_rank_skips() -> None:
    items = [
        item("a", "An", "95"),
        item("b", "Bình", "90"),
        item("c", "Cường", "90"),
        item("d", "Dung", "80"),
    ]

    ranked = rank(items)

    assert [(r.scorecard_id, r.rank) for r in ranked] == [("a", 1), ("b", 2), ("c", 2), ("d", 4)]


def test_ties_are_listed_by_name_without_diacritics() -> None:
    items = [item("e", "Ea Kar", "90"), item("d", "Đỗ Thị Hoa", "90"), item("b", "Bùi Văn Nam", "90")]

    ranked = rank(items)

    # "Đ" sorts with "D" (plain code points would put it after "E").
    assert [r.subject_name for r in ranked] == ["Bùi Văn Nam", "Đỗ Thị Hoa", "Ea Kar"]
    assert [r.rank for r in ranked] == [1, 1, 1]


def test_namesakes_are_ordered_by_scorecard_id_whatever_the_input_order() -> None:
    items = [item("z", "Nguyễn Văn An", "80"), item("m", "Nguyễn Văn An", "80")]

    assert [r.scorecard_id for r in rank(items)] == ["m", "z"]
    assert [r.scorecard_id for r in rank(items[::-1])] == ["m", "z"]


def test_totals_tie_at_two_decimals() -> None:
    ranked = rank([item("a", "An", "80.001"), item("b", "Bình", "80")])

    assert [(r.scorecard_id, r.rank, r.total) for r in ranked] == [("a", 1, D("80.00")), ("b", 1, D("80.00"))]


def test_each_cluster_is_ranked_separately_in_cluster_name_order() -> None:
    items = [
        item("x", "Xã X", "70", cluster=None),
        item("b1", "Sở B1", "60", cluster="Cụm 2"),
        item("a1", "Sở A1", "50", cluster="Cụm 1"),
        item("b2", "Sở B2", "95", cluster="Cụm 2"),
        item("a2", "Sở A2", "85", cluster="Cụm 1"),
    ]

    ranked = rank(items)

    # Cụm 1, then Cụm 2, the unclustered last; ranks restart at 1 in each.
    assert [(r.cluster, r.scorecard_id, r.rank) for r in ranked] == [
        ("Cụm 1", "a2", 1),
        ("Cụm 1", "a1", 2),
        ("Cụm 2", "b2", 1),
        ("Cụm 2", "b1", 2),
        (None, "x", 1),
    ]


def test_subjects_are_provisional_until_approved() -> None:
    ranked = rank([item("a", "An", "90", approved=True), item("b", "Bình", "80", approved=False)])

    assert [(r.scorecard_id, r.provisional) for r in ranked] == [("a", False), ("b", True)]


def test_ranking_fills_the_band_of_each_total() -> None:
    ranked = rank([item("a", "An", "90"), item("b", "Bình", "89.99"), item("c", "Cường", "10")], BANDS)

    assert [r.band for r in ranked] == [EXCELLENT, GOOD, NOT_COMPLETED]
    assert all(r.band is None for r in rank([item("a", "An", "90")]))


# --- proposals ---


def ranked_cluster(*totals: str, cluster: str | None = "Cụm 1") -> list[Ranked]:
    """Subjects S1, S2, … with the given totals; names in total order so that no tie needs a name."""
    items = [item(f"s{n}", f"S{n}", total, cluster) for n, total in enumerate(totals, start=1)]
    return rank(items, BANDS)


def names(subjects: list[Ranked]) -> list[str]:
    return [s.subject_name for s in subjects]


def test_top_band_quota_keeps_its_share_and_moves_the_rest_down_one_band() -> None:
    # 7 subjects, 4 of them excellent; 20% of 7 = 1.4, rounded down to 1.
    ranked = ranked_cluster("98", "95", "93", "91", "85", "72", "40")

    [proposal] = propose(ranked, BANDS, D("0.2"))

    assert [b.label for b in proposal.bands] == [EXCELLENT, GOOD, COMPLETED, NOT_COMPLETED]
    assert names(proposal.bands[0].subjects) == ["S1"]
    # The moved subjects outrank the ones who earned "good", so they come first, in rank order.
    assert names(proposal.bands[1].subjects) == ["S2", "S3", "S4", "S5", "S6"]
    assert names(proposal.bands[2].subjects) == []
    assert names(proposal.bands[3].subjects) == ["S7"]
    assert proposal.unbanded == []
    assert [(a.subject_name, a.from_band, a.to_band) for a in proposal.adjustments] == [
        ("S2", EXCELLENT, GOOD),
        ("S3", EXCELLENT, GOOD),
        ("S4", EXCELLENT, GOOD),
    ]
    assert "at most 20% of the 7 subjects" in proposal.adjustments[0].reason
    assert "that is 1" in proposal.adjustments[0].reason
    # A moved subject still shows the band its score earned; the proposal's band says where it is proposed.
    assert proposal.bands[1].subjects[0].band == EXCELLENT


def test_without_quota_nobody_moves() -> None:
    ranked = ranked_cluster("98", "95", "93", "91", "85", "72", "40")

    [proposal] = propose(ranked, BANDS, None)

    assert names(proposal.bands[0].subjects) == ["S1", "S2", "S3", "S4"]
    assert names(proposal.bands[1].subjects) == ["S5", "S6"]
    assert proposal.adjustments == []


def test_quota_that_nobody_exceeds_changes_nothing() -> None:
    # 30% of 7 = 2.1 → 2, and exactly 2 subjects are excellent.
    ranked = ranked_cluster("98", "95", "85", "72", "60", "55", "40")

    [proposal] = propose(ranked, BANDS, D("0.3"))

    assert names(proposal.bands[0].subjects) == ["S1", "S2"]
    assert proposal.adjustments == []


def test_quota_of_a_quarter_in_a_cluster_of_four_keeps_one() -> None:
    ranked = ranked_cluster("96", "94", "80", "60")

    [proposal] = propose(ranked, BANDS, D("0.25"))

    assert names(proposal.bands[0].subjects) == ["S1"]
    assert names(proposal.bands[1].subjects) == ["S2", "S3"]
    assert [a.scorecard_id for a in proposal.adjustments] == ["s2"]


def test_tie_at_the_cut_keeps_the_name_that_sorts_first() -> None:
    # Both rank 1 with 95; 20% of 5 = 1 place: "Đào" (folds to "dao") keeps it before "Hà".
    items = [
        item("h", "Hà", "95"),
        item("d", "Đào", "95"),
        item("c", "Cao", "80"),
        item("e", "Én", "75"),
        item("g", "Giang", "60"),
    ]

    [proposal] = propose(rank(items, BANDS), BANDS, D("0.2"))

    assert names(proposal.bands[0].subjects) == ["Đào"]
    assert [(a.subject_name, a.to_band) for a in proposal.adjustments] == [("Hà", GOOD)]


def test_excess_of_the_only_band_leaves_every_band() -> None:
    bands = [Band(EXCELLENT, D(90))]
    ranked = rank([item("a", "An", "95"), item("b", "Bình", "92"), item("c", "Cường", "50")], bands)

    [proposal] = propose(ranked, bands, D("0.4"))

    # 40% of 3 = 1.2 → 1.
    assert names(proposal.bands[0].subjects) == ["An"]
    assert names(proposal.unbanded) == ["Bình", "Cường"]
    assert [(a.subject_name, a.to_band) for a in proposal.adjustments] == [("Bình", None)]
    assert "moves to no band" in proposal.adjustments[0].reason


def test_quota_counts_the_subjects_of_each_cluster() -> None:
    # Cụm 1 has 5 subjects (20% → 1 place), Cụm 2 has 10 (20% → 2 places).
    ranked = ranked_cluster("99", "98", "97", "60", "55", cluster="Cụm 1") + ranked_cluster(
        "99", "98", "97", "96", "60", "60", "60", "60", "60", "60", cluster="Cụm 2"
    )

    proposals = propose(ranked, BANDS, D("0.2"))

    assert [p.cluster for p in proposals] == ["Cụm 1", "Cụm 2"]
    assert [len(p.bands[0].subjects) for p in proposals] == [1, 2]
    assert [len(p.adjustments) for p in proposals] == [2, 2]


@pytest.mark.parametrize("share", ["1.5", "-0.1", "NaN"])
def test_share_outside_zero_and_one_is_refused(share: str) -> None:
    with pytest.raises(ValueError, match="between 0 and 1"):
        propose(ranked_cluster("90"), BANDS, D(share))
