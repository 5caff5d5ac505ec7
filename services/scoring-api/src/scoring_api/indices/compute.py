"""The arithmetic of composite indices, with NumPy on one matrix per run (units × indicators): outlier
treatment, normalisation, missing data, aggregation up the tree and ranks. No I/O, no FastAPI.

Definitions (each indicator is first multiplied by its `direction`, so that more is always better; a
target and goalposts are flipped with it):

- `minmax`: (x − min) / (max − min); a column whose values are all equal scores 1.
- `zscore`: (x − mean) / s, s the sample standard deviation (n − 1); all equal: 0. Not bounded to 0..1.
- `distance_to_target`: (x − min) / (target − min), capped to 0..1 (at or past the target: 1).
- `goalposts`: (x − low) / (high − low), capped to 0..1.
- `rank`: the ascending rank (ties share their mean rank) divided by n: in (0, 1].
- `percentile`: the share of the other units whose value is strictly lower: 0..1.

Aggregation of a node's children with weights w (only the children present count, see `missing`):
arithmetic Σwx/Σw, geometric Π x^(w/Σw), harmonic Σw / Σ(w/x). Geometric and harmonic means refuse a
child score ≤ 0 of a positive weight (`NonPositiveInput`).

Missing data: `reweight` leaves a missing child out and shares its weight among the others (a node with
no child present is missing); `impute_group_mean` first fills a missing raw value with the mean of that
indicator over the units of the same cluster (over every unit when the cluster has none), then reweights
what still misses.

Outliers (COINr's rule): while an indicator's |skewness| > 2 and its (excess) kurtosis > 3.5, the most
extreme value on the skewed side is set to the next one, at most `WINSOR_MAX` values per indicator.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np
import numpy.typing as npt

Matrix = npt.NDArray[np.float64]

SKEW_LIMIT = 2.0
KURTOSIS_LIMIT = 3.5
WINSOR_MAX = 5


class Normalisation(StrEnum):
    MINMAX = "minmax"
    ZSCORE = "zscore"
    DISTANCE_TO_TARGET = "distance_to_target"
    GOALPOSTS = "goalposts"
    RANK = "rank"
    PERCENTILE = "percentile"


class Aggregation(StrEnum):
    ARITHMETIC = "arithmetic"
    GEOMETRIC = "geometric"
    HARMONIC = "harmonic"


class MissingRule(StrEnum):
    REWEIGHT = "reweight"
    IMPUTE_GROUP_MEAN = "impute_group_mean"


class NonPositiveInput(ValueError):
    """A geometric or harmonic mean met a score ≤ 0: which node, which aggregation, which child and unit."""

    def __init__(self, node: str, aggregation: Aggregation, child: str, unit: int) -> None:
        super().__init__(f"{aggregation} mean of {node}: {child} is not positive")
        self.node = node
        self.aggregation = aggregation
        self.child = child
        self.unit = unit


@dataclass(frozen=True)
class Leaf:
    code: str
    direction: int
    normalisation: Normalisation
    target: float | None = None
    goalposts: tuple[float, float] | None = None


@dataclass(frozen=True)
class Group:
    """An inner node (a pillar, an index): the positions of its children in the plan's node list."""

    code: str
    aggregation: Aggregation
    children: tuple[int, ...]


@dataclass(frozen=True)
class Plan:
    """A framework compiled for the matrix: nodes 0..m−1 are the leaves (the matrix's columns, in order),
    then the groups in post-order (children before parents); `weights[i]` is node i's weight in its parent;
    `pillars` are the top nodes, aggregated by `aggregation` into the overall score."""

    leaves: tuple[Leaf, ...]
    groups: tuple[Group, ...]
    codes: tuple[str, ...]
    weights: tuple[float, ...]
    pillars: tuple[int, ...]
    aggregation: Aggregation = Aggregation.ARITHMETIC

    @property
    def size(self) -> int:
        return len(self.codes)


@dataclass
class Treatment:
    """What happened to the data before it was normalised, for the run's report."""

    winsorised: dict[str, int] = field(default_factory=dict)
    still_skewed: list[str] = field(default_factory=list)
    imputed: int = 0


# --- outliers ---


def _skew_kurtosis(values: Matrix) -> tuple[float, float]:
    n = values.size
    if n < 3:
        return 0.0, 0.0
    deviations = values - values.mean()
    m2 = float(np.mean(deviations**2))
    if m2 == 0.0:
        return 0.0, 0.0
    skew = float(np.mean(deviations**3)) / m2**1.5
    kurtosis = float(np.mean(deviations**4)) / m2**2 - 3.0
    return skew, kurtosis


def winsorise(raw: Matrix, codes: Sequence[str], treatment: Treatment) -> Matrix:
    """COINr's winsorisation, column by column (a copy)."""
    data = raw.copy()
    for j, code in enumerate(codes):
        column = data[:, j]
        present = ~np.isnan(column)
        count = 0
        while count < WINSOR_MAX:
            values = column[present]
            skew, kurtosis = _skew_kurtosis(values)
            if not (abs(skew) > SKEW_LIMIT and kurtosis > KURTOSIS_LIMIT):
                break
            order = np.argsort(values)
            if skew > 0:
                extreme, next_one = order[-1], order[-2]
            else:
                extreme, next_one = order[0], order[1]
            values[extreme] = values[next_one]
            column[present] = values
            count += 1
        if count:
            treatment.winsorised[code] = count
            skew, kurtosis = _skew_kurtosis(column[present])
            if abs(skew) > SKEW_LIMIT and kurtosis > KURTOSIS_LIMIT:
                treatment.still_skewed.append(code)
    return data


# --- missing data ---


def impute_group_mean(raw: Matrix, groups: Sequence[str | None], treatment: Treatment) -> Matrix:
    """Each missing value: the mean of its indicator in the unit's cluster, else over every unit."""
    data = raw.copy()
    missing = np.isnan(data)
    if not missing.any():
        return data
    labels = np.array([g or "" for g in groups], dtype=object)
    overall = _nanmean(data)
    for label in np.unique(labels):
        rows = labels == label
        means = _nanmean(data[rows]) if label else overall
        means = np.where(np.isnan(means), overall, means)
        block = data[rows]
        holes = np.isnan(block)
        block[holes] = np.broadcast_to(means, block.shape)[holes]
        data[rows] = block
    treatment.imputed = int(missing.sum() - np.isnan(data).sum())
    return data


def _nanmean(block: Matrix) -> Matrix:
    counts = (~np.isnan(block)).sum(axis=0)
    sums = np.nansum(block, axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)


# --- normalisation ---


def normalise_column(values: Matrix, leaf: Leaf, method: Normalisation | None = None) -> Matrix:
    """One indicator's column (NaN where missing) normalised by `method` (the leaf's own by default; one
    that needs a target or goalposts the leaf lacks falls back to min–max)."""
    method = method or leaf.normalisation
    if method is Normalisation.DISTANCE_TO_TARGET and leaf.target is None:
        method = Normalisation.MINMAX
    if method is Normalisation.GOALPOSTS and leaf.goalposts is None:
        method = Normalisation.MINMAX
    x = values * leaf.direction
    present = ~np.isnan(x)
    out = np.full(x.shape, np.nan)
    if not present.any():
        return out
    v = x[present]
    low, high = float(v.min()), float(v.max())
    n = v.size
    if method is Normalisation.MINMAX:
        out[present] = (v - low) / (high - low) if high > low else 1.0
    elif method is Normalisation.ZSCORE:
        sd = float(v.std(ddof=1)) if n > 1 else 0.0
        out[present] = (v - v.mean()) / sd if sd > 0 else 0.0
    elif method is Normalisation.DISTANCE_TO_TARGET:
        assert leaf.target is not None
        target = leaf.target * leaf.direction
        if target > low:
            out[present] = np.clip((v - low) / (target - low), 0.0, 1.0)
        else:
            out[present] = np.where(v >= target, 1.0, 0.0)
    elif method is Normalisation.GOALPOSTS:
        assert leaf.goalposts is not None
        ends = sorted((leaf.goalposts[0] * leaf.direction, leaf.goalposts[1] * leaf.direction))
        out[present] = np.clip((v - ends[0]) / (ends[1] - ends[0]), 0.0, 1.0)
    elif method is Normalisation.RANK:
        out[present] = _average_ranks(v) / n
    else:  # percentile
        below = np.searchsorted(np.sort(v), v, side="left")
        out[present] = below / (n - 1) if n > 1 else 1.0
    return out


def _average_ranks(v: Matrix) -> Matrix:
    order = np.argsort(v, kind="mergesort")
    ordered = v[order]
    ranks = np.empty(v.size)
    ranks[order] = np.arange(1, v.size + 1, dtype=np.float64)
    # ties share the mean of their ranks
    _, first, counts = np.unique(ordered, return_index=True, return_counts=True)
    for start, count in zip(first, counts, strict=True):
        if count > 1:
            ranks[order[start : start + count]] = start + (count + 1) / 2
    return ranks


def normalise(raw: Matrix, plan: Plan, method: Normalisation | None = None) -> Matrix:
    return (
        np.column_stack([normalise_column(raw[:, j], leaf, method) for j, leaf in enumerate(plan.leaves)])
        if plan.leaves
        else np.empty((raw.shape[0], 0))
    )


# --- aggregation ---


def aggregate(
    scores: Matrix,
    weights: Matrix,
    aggregation: Aggregation,
    *,
    node: str = "",
    children: Sequence[str] = (),
) -> Matrix:
    """Children's scores (units × k, NaN where missing) and their weights (k) → one score per unit, the
    missing children's weight shared among the present ones (NaN when none is present)."""
    present = ~np.isnan(scores)
    w = np.where(present, weights, 0.0)
    total = w.sum(axis=1)
    filled = np.where(present, scores, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        if aggregation is Aggregation.ARITHMETIC:
            result = (filled * w).sum(axis=1) / total
        else:
            bad = present & (weights > 0) & (filled <= 0)
            if bad.any():
                unit, child = (int(i) for i in np.argwhere(bad)[0])
                raise NonPositiveInput(node, aggregation, children[child] if children else str(child), unit)
            safe = np.where(w > 0, filled, 1.0)
            if aggregation is Aggregation.GEOMETRIC:
                result = np.exp((w * np.log(safe)).sum(axis=1) / total)
            else:
                result = total / (w / safe).sum(axis=1)
    return np.where(total > 0, result, np.nan)


def evaluate(
    normalised: Matrix,
    plan: Plan,
    weights: Sequence[float] | Matrix | None = None,
    aggregation: Aggregation | None = None,
) -> Matrix:
    """Every node's score for every unit (units × nodes), then the overall score as the last column.
    `weights` replaces the plan's, `aggregation` every node's aggregation (for the Monte Carlo)."""
    w = np.asarray(plan.weights if weights is None else weights, dtype=np.float64)
    n = normalised.shape[0]
    out = np.empty((n, plan.size + 1))
    m = len(plan.leaves)
    out[:, :m] = normalised
    for k, group in enumerate(plan.groups):
        idx = list(group.children)
        out[:, m + k] = aggregate(
            out[:, idx],
            w[idx],
            aggregation or group.aggregation,
            node=group.code,
            children=[plan.codes[i] for i in idx],
        )
    pillars = list(plan.pillars)
    out[:, plan.size] = aggregate(
        out[:, pillars],
        w[pillars],
        aggregation or plan.aggregation,
        node="",
        children=[plan.codes[i] for i in pillars],
    )
    return out


# --- ranks ---


def competition_ranks(scores: Matrix) -> Matrix:
    """Rank 1 for the highest score, ties sharing the best rank ("1224"); NaN for a missing score."""
    ranks = np.full(scores.shape, np.nan)
    present = ~np.isnan(scores)
    v = scores[present]
    if v.size:
        ordered = np.sort(-v)
        ranks[present] = np.searchsorted(ordered, -v, side="left") + 1
    return ranks


def ranks_within(scores: Matrix, groups: Sequence[str | None]) -> Matrix:
    labels = np.array([g or "" for g in groups], dtype=object)
    ranks = np.full(scores.shape, np.nan)
    for label in np.unique(labels):
        rows = labels == label
        ranks[rows] = competition_ranks(scores[rows])
    return ranks


def rank_columns(scores: Matrix) -> Matrix:
    """`competition_ranks` of every column of a units × samples matrix at once (missing scores last)."""
    filled = np.where(np.isnan(scores), -np.inf, scores)
    order = np.argsort(-filled, axis=0, kind="stable")
    ordered = np.take_along_axis(filled, order, axis=0)
    n = scores.shape[0]
    positions = np.broadcast_to(np.arange(n)[:, None], scores.shape)
    starts = np.ones(scores.shape, dtype=bool)
    starts[1:] = ordered[1:] != ordered[:-1]
    first = np.maximum.accumulate(np.where(starts, positions, 0), axis=0)
    ranks = np.empty(scores.shape)
    np.put_along_axis(ranks, order, first + 1.0, axis=0)
    return ranks


# --- many weightings at once (the Monte Carlo) ---


CHUNK = 32
"""Samples evaluated together: small enough for a units × samples block to stay in the processor's cache."""


def evaluate_many(
    normalised: Matrix,
    plan: Plan,
    weights: Matrix,
    aggregation: Aggregation | None = None,
) -> Matrix:
    """The overall score of every unit under each row of `weights` (samples × nodes): units × samples.
    The children that are indicators enter by one matrix product per node; the others elementwise."""
    if weights.shape[0] > CHUNK:
        return np.concatenate(
            [
                _evaluate_block(normalised, plan, weights[start : start + CHUNK], aggregation)
                for start in range(0, weights.shape[0], CHUNK)
            ],
            axis=1,
        )
    return _evaluate_block(normalised, plan, weights, aggregation)


def _evaluate_block(
    normalised: Matrix, plan: Plan, weights: Matrix, aggregation: Aggregation | None
) -> Matrix:
    m = len(plan.leaves)
    present = ~np.isnan(normalised)
    filled = np.where(present, normalised, 0.0)
    inner: dict[int, Matrix] = {}

    def combine(code: str, kind: Aggregation, children: Sequence[int]) -> Matrix:
        w = weights[:, list(children)].T  # children × samples
        leaf_rows = [k for k, c in enumerate(children) if c < m]
        inner_rows = [k for k, c in enumerate(children) if c >= m]
        numerator = np.zeros((normalised.shape[0], weights.shape[0]))
        denominator = np.zeros_like(numerator)
        if leaf_rows:
            cols = [children[k] for k in leaf_rows]
            x, p, wl = filled[:, cols], present[:, cols], w[leaf_rows]
            if kind is not Aggregation.ARITHMETIC:
                positive_weight: npt.NDArray[np.bool_] = np.asarray((wl > 0).any(axis=1))
                bad = p & (x <= 0) & positive_weight[None, :]
                if bad.any():
                    unit, child = (int(i) for i in np.argwhere(bad)[0])
                    raise NonPositiveInput(code, kind, plan.codes[cols[child]], unit)
            safe = np.where(p, x, 1.0)
            term = (
                safe
                if kind is Aggregation.ARITHMETIC
                else np.log(safe)
                if kind is Aggregation.GEOMETRIC
                else 1.0 / safe
            )
            numerator += np.where(p, term, 0.0) @ wl
            denominator += p.astype(np.float64) @ wl
        for k in inner_rows:
            child = children[k]
            score = inner[child]
            p = ~np.isnan(score)
            wk = w[k][None, :]
            if kind is not Aggregation.ARITHMETIC:
                bad = p & (score <= 0) & (wk > 0)
                if bad.any():
                    unit = int(np.argwhere(bad)[0][0])
                    raise NonPositiveInput(code, kind, plan.codes[child], unit)
            safe = np.where(p, score, 1.0)
            term = (
                safe
                if kind is Aggregation.ARITHMETIC
                else np.log(safe)
                if kind is Aggregation.GEOMETRIC
                else 1.0 / safe
            )
            numerator += np.where(p, term, 0.0) * wk
            denominator += p * wk
        with np.errstate(invalid="ignore", divide="ignore"):
            if kind is Aggregation.ARITHMETIC:
                result = numerator / denominator
            elif kind is Aggregation.GEOMETRIC:
                result = np.exp(numerator / denominator)
            else:
                result = denominator / numerator
        return np.where(denominator > 0, result, np.nan)

    for k, group in enumerate(plan.groups):
        inner[m + k] = combine(group.code, aggregation or group.aggregation, group.children)
    pillars = list(plan.pillars)
    return combine("", aggregation or plan.aggregation, pillars)
