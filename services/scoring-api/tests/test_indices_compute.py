"""The arithmetic of composite indices on a 4-unit example, every number computed by hand."""

import numpy as np
import pytest

from scoring_api.indices import tree
from scoring_api.indices.compute import (
    Aggregation,
    Group,
    Leaf,
    NonPositiveInput,
    Normalisation,
    Plan,
    Treatment,
    aggregate,
    competition_ranks,
    evaluate,
    evaluate_many,
    impute_group_mean,
    normalise,
    normalise_column,
    rank_columns,
    ranks_within,
    winsorise,
)
from scoring_api.indices.preset import province_index
from scoring_api.indices.schemas import SubjectKind
from scoring_api.indices.uncertainty import NothingVaries, TooFewSamples, analyse

X = np.array([1.0, 2.0, 4.0, 9.0])


@pytest.mark.parametrize(
    ("method", "expected"),
    [
        # (x - 1) / (9 - 1)
        (Normalisation.MINMAX, [0, 0.125, 0.375, 1]),
        # mean 4, sample sd sqrt(38 / 3) = 3.559026
        (Normalisation.ZSCORE, [-3 / 3.559026, -2 / 3.559026, 0, 5 / 3.559026]),
        # target 5: (x - 1) / (5 - 1), capped at 1
        (Normalisation.DISTANCE_TO_TARGET, [0, 0.25, 0.75, 1]),
        # goalposts 0..10: x / 10
        (Normalisation.GOALPOSTS, [0.1, 0.2, 0.4, 0.9]),
        # ranks 1..4 over n = 4
        (Normalisation.RANK, [0.25, 0.5, 0.75, 1]),
        # units strictly below over n - 1 = 3
        (Normalisation.PERCENTILE, [0, 1 / 3, 2 / 3, 1]),
    ],
)
def test_every_normalisation_on_four_units(method, expected):
    leaf = Leaf("a", 1, method, target=5, goalposts=(0, 10))
    assert normalise_column(X, leaf) == pytest.approx(expected, abs=1e-6)


def test_a_negative_direction_turns_the_scale():
    assert normalise_column(X, Leaf("a", -1, Normalisation.MINMAX)) == pytest.approx([1, 0.875, 0.625, 0])
    # less is better, target 2: (9 - x) / (9 - 2), capped at 1
    leaf = Leaf("a", -1, Normalisation.DISTANCE_TO_TARGET, target=2)
    assert normalise_column(X, leaf) == pytest.approx([1, 1, 5 / 7, 0])
    leaf = Leaf("a", -1, Normalisation.GOALPOSTS, goalposts=(0, 10))
    assert normalise_column(X, leaf) == pytest.approx([0.9, 0.8, 0.6, 0.1])


def test_ties_share_their_rank_and_missing_values_stay_missing():
    column = np.array([3.0, 3.0, np.nan, 1.0])
    assert normalise_column(column, Leaf("a", 1, Normalisation.RANK)) == pytest.approx(
        [2.5 / 3, 2.5 / 3, np.nan, 1 / 3], nan_ok=True
    )
    assert competition_ranks(np.array([0.9, 0.5, 0.9, 0.1, np.nan])) == pytest.approx(
        [1, 3, 1, 4, np.nan], nan_ok=True
    )
    assert rank_columns(np.array([[0.9], [0.5], [0.9], [0.1]]))[:, 0] == pytest.approx([1, 3, 1, 4])


A = np.array([0.1, 0.2, 0.4, 0.9])  # goalposts 0..10 of X
B = np.array([0.25, 0.5, 0.75, 1.0])  # ranks of X
W = np.array([1.0, 3.0])


@pytest.mark.parametrize(
    ("aggregation", "expected"),
    [
        # (a + 3b) / 4
        (Aggregation.ARITHMETIC, [0.2125, 0.425, 0.6625, 0.975]),
        # a^(1/4) b^(3/4)
        (
            Aggregation.GEOMETRIC,
            [0.1**0.25 * 0.25**0.75, 0.2**0.25 * 0.5**0.75, 0.4**0.25 * 0.75**0.75, 0.9**0.25],
        ),
        # 4 / (1/a + 3/b)
        (Aggregation.HARMONIC, [4 / 22, 4 / 11, 4 / 6.5, 4 / (1 / 0.9 + 3)]),
    ],
)
def test_every_aggregation_on_four_units(aggregation, expected):
    assert aggregate(np.column_stack([A, B]), W, aggregation) == pytest.approx(expected)


def test_a_geometric_mean_refuses_a_zero_and_says_where():
    scores = np.column_stack([np.array([0.0, 0.125, 0.375, 1.0]), B])
    with pytest.raises(NonPositiveInput) as refused:
        aggregate(scores, W, Aggregation.GEOMETRIC, node="P1", children=["I1", "I2"])
    assert (refused.value.node, refused.value.child, refused.value.unit) == ("P1", "I1", 0)
    with pytest.raises(NonPositiveInput):
        aggregate(scores, W, Aggregation.HARMONIC)
    # a child of weight 0 does not count
    assert aggregate(scores, np.array([0.0, 1.0]), Aggregation.GEOMETRIC) == pytest.approx(B)


def test_missing_children_are_reweighted():
    scores = np.column_stack([A, np.array([0.25, np.nan, 0.75, np.nan])])
    # units 2 and 4 have only a: their score is a
    assert aggregate(scores, W, Aggregation.ARITHMETIC) == pytest.approx([0.2125, 0.2, 0.6625, 0.9])
    assert np.isnan(aggregate(np.full((1, 2), np.nan), W, Aggregation.ARITHMETIC)[0])


def test_group_mean_imputation_uses_the_units_cluster():
    raw = np.array([[1.0], [np.nan], [4.0], [np.nan], [8.0]])
    treatment = Treatment()
    filled = impute_group_mean(raw, ["X", "X", "Y", "Z", "Y"], treatment)
    # X: 1; Y: (4 + 8) / 2; Z has no value: the mean of every unit, 13 / 3
    assert filled[:, 0] == pytest.approx([1, 1, 4, 13 / 3, 8])
    assert treatment.imputed == 2


def test_winsorisation_follows_skew_and_kurtosis():
    column = np.array([[1.0], [2.0], [1.0], [2.0], [1.0], [2.0], [1.0], [2.0], [1.0], [100.0]])
    treatment = Treatment()
    treated = winsorise(column, ["c"], treatment)
    # one point (100) is set to the next highest (2): skewness falls to 0.41
    assert treated[:, 0].max() == 2.0
    assert treatment.winsorised == {"c": 1}
    untouched = Treatment()
    assert winsorise(X[:, None], ["x"], untouched)[:, 0] == pytest.approx(X)
    assert untouched.winsorised == {}


def _plan(*, aggregation=Aggregation.ARITHMETIC, weights=(1.0, 3.0, 1.0, 1.0)) -> Plan:
    """P1 = (I1 goalposts, I2 rank) weights 1:3; I3 min–max is a pillar alone; overall = (P1 + I3) / 2."""
    return Plan(
        leaves=(
            Leaf("I1", 1, Normalisation.GOALPOSTS, goalposts=(0, 10)),
            Leaf("I2", 1, Normalisation.RANK),
            Leaf("I3", 1, Normalisation.MINMAX),
        ),
        groups=(Group("P1", aggregation, (0, 1)),),
        codes=("I1", "I2", "I3", "P1"),
        weights=weights,
        pillars=(3, 2),
    )


def test_the_tree_is_aggregated_up_to_the_overall_score():
    raw = np.column_stack([X, X, np.array([2.0, 0.0, 4.0, 1.0])])
    scores = evaluate(normalise(raw, _plan()), _plan())
    p1 = np.array([0.2125, 0.425, 0.6625, 0.975])
    i3 = np.array([0.5, 0.0, 1.0, 0.25])
    assert scores[:, 3] == pytest.approx(p1)
    assert scores[:, -1] == pytest.approx((p1 + i3) / 2)


def test_many_weightings_at_once_agree_with_one_at_a_time():
    rng = np.random.default_rng(7)
    raw = np.column_stack([X, X, np.array([2.0, 0.5, 4.0, 1.0])])
    raw[1, 0] = np.nan
    plan = _plan()
    weights = rng.uniform(0.5, 1.5, size=(40, 4)) * np.array(plan.weights[:4])
    normalised = normalise(raw, plan)
    many = evaluate_many(normalised, plan, weights)
    one = np.column_stack([evaluate(normalised, plan, w)[:, -1] for w in weights])
    assert many == pytest.approx(one)
    for kind in (Aggregation.GEOMETRIC, Aggregation.HARMONIC):
        geometric = _plan(aggregation=kind)
        assert evaluate_many(normalised, geometric, weights, None) == pytest.approx(
            np.column_stack([evaluate(normalised, geometric, w)[:, -1] for w in weights])
        )


def test_cluster_ranks():
    assert ranks_within(np.array([0.5, 0.3, 0.8, 0.7]), ["S", "S", "S", "X"]) == pytest.approx([2, 3, 1, 1])


def test_uncertainty_is_reproducible_and_its_intervals_hold_the_nominal_rank():
    rng = np.random.default_rng(3)
    raw = rng.uniform(1, 10, size=(12, 3))
    plan = _plan(weights=(1.0, 3.0, 1.0, 1.0))
    first = analyse(raw, plan, samples=600, spread=0.4, normalisations=[Normalisation.RANK], seed=11)
    again = analyse(raw, plan, samples=600, spread=0.4, normalisations=[Normalisation.RANK], seed=11)
    other = analyse(raw, plan, samples=600, spread=0.4, normalisations=[Normalisation.RANK], seed=12)
    assert first == again
    assert first != other
    # N = 2^floor(log2(600 / (5 inputs + 2))) = 64 base samples, 64 × 7 evaluations
    assert first.evaluations == 448
    for interval in first.intervals:
        assert interval.p05 <= interval.nominal <= interval.p95
        assert interval.p05 <= interval.median <= interval.p95


def test_an_indicator_of_weight_zero_explains_nothing():
    rng = np.random.default_rng(5)
    raw = rng.uniform(1, 10, size=(20, 3))
    plan = _plan(weights=(1.0, 3.0, 0.0, 1.0))  # I3, a pillar alone, weighs 0
    analysis = analyse(raw, plan, samples=1024, spread=0.5, seed=2)
    by_input = {name: (first, total) for name, first, total in analysis.sensitivity}
    assert by_input["weight:I3"] == pytest.approx((0.0, 0.0), abs=1e-9)
    assert by_input["weight:I2"][1] > 0.01


def test_uncertainty_asks_for_something_to_vary_and_enough_samples():
    raw = np.column_stack([X, X, X])
    with pytest.raises(NothingVaries):
        analyse(raw, _plan(), samples=100, spread=0.0, seed=1)
    with pytest.raises(TooFewSamples) as refused:
        analyse(raw, _plan(), samples=11, spread=0.2, seed=1)
    assert refused.value.needed == 12


def test_the_preset_is_shaped_like_the_provincial_dti_and_adds_up_to_1000_points():
    for kind in (SubjectKind.COMMUNE, SubjectKind.DEPARTMENT):
        preset = province_index(kind)
        assert [n.code for n in preset.nodes] == ["CQS", "KTS", "XHS"]
        assert [n.title for n in preset.nodes] == ["Chính quyền số", "Kinh tế số", "Xã hội số"]
        assert sum(len(n.children or []) for n in preset.nodes) == 9
        assert sum(n.weight for n in preset.nodes) == 1000
        assert tree.validate(preset.nodes, total_points=1000, has_campaign=False) == []
        leaves = tree.indicators(preset.nodes)
        assert sum(tree_weight for tree_weight in _leaf_weights(preset.nodes)) == 1000
        assert "DTI" not in preset.name
        assert "của tỉnh" in preset.name
        assert {i.source.value for _, i in leaves} >= {"manual", "uploaded", "contest_participation"}
    assert province_index(SubjectKind.COMMUNE).name == "Chỉ số chuyển đổi số cấp xã của tỉnh"


def _leaf_weights(nodes):
    for node, _ in tree.walk(nodes):
        if node.indicator is not None:
            yield node.weight
