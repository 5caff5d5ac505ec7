"""Uncertainty and sensitivity of a run, as COINr does it: a Monte Carlo over the assumptions (every node's
weight varied by ± `spread`, and, when asked, the normalisation and the aggregation chosen among
alternatives), drawn as a Saltelli/Sobol design with SALib so that the same samples give the ranks'
intervals and the variance-based indices. The output the indices explain is the mean absolute rank shift
of the units (against the nominal ranks). Seeded: the same request gives the same numbers."""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from SALib.analyze import sobol as sobol_analyze  # type: ignore[import-untyped]
from SALib.sample import sobol as sobol_sample  # type: ignore[import-untyped]

from scoring_api.indices.compute import (
    Aggregation,
    Matrix,
    Normalisation,
    Plan,
    competition_ranks,
    evaluate,
    evaluate_many,
    normalise,
    rank_columns,
)


class TooFewSamples(ValueError):
    def __init__(self, needed: int) -> None:
        super().__init__(f"at least {needed} samples")
        self.needed = needed


class NothingVaries(ValueError):
    pass


@dataclass(frozen=True)
class UnitInterval:
    nominal: float
    median: float
    p05: float
    p95: float
    mean_abs_shift: float


@dataclass(frozen=True)
class Analysis:
    evaluations: int
    intervals: list[UnitInterval]
    sensitivity: list[tuple[str, float, float]]


def analyse(
    prepared: Matrix,
    plan: Plan,
    *,
    samples: int,
    spread: float,
    normalisations: Sequence[Normalisation] = (),
    aggregations: Sequence[Aggregation] = (),
    seed: int,
) -> Analysis:
    """`prepared` is the run's matrix after outlier treatment and imputation (before normalisation)."""
    names: list[str] = []
    bounds: list[list[float]] = []
    if spread > 0:
        for code in plan.codes:
            names.append(f"weight:{code}")
            bounds.append([1.0 - spread, 1.0 + spread])
    norm_choices: list[Normalisation | None] = [None, *normalisations]
    agg_choices: list[Aggregation | None] = [None, *aggregations]
    if normalisations:
        names.append("normalisation")
        bounds.append([0.0, float(len(norm_choices))])
    if aggregations:
        names.append("aggregation")
        bounds.append([0.0, float(len(agg_choices))])
    if not names:
        raise NothingVaries("no assumption varies")
    per_base = len(names) + 2
    if samples < 2 * per_base:
        raise TooFewSamples(2 * per_base)
    base = 2 ** math.floor(math.log2(samples / per_base))
    problem = {"num_vars": len(names), "names": names, "bounds": bounds}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        design = sobol_sample.sample(problem, base, calc_second_order=False, scramble=True, seed=seed)

    nominal_scores = evaluate(normalise(prepared, plan), plan)[:, -1]
    nominal = competition_ranks(nominal_scores)
    nominal_filled = np.where(np.isnan(nominal), np.nanmax(nominal, initial=0) + 1, nominal)

    count = len(plan.codes)
    base_weights = np.asarray(plan.weights)
    factors = design[:, :count] if spread > 0 else np.ones((design.shape[0], count))
    weights = base_weights[None, :] * factors
    cursor = count if spread > 0 else 0
    norm_index = np.zeros(design.shape[0], dtype=int)
    agg_index = np.zeros(design.shape[0], dtype=int)
    if normalisations:
        norm_index = np.minimum(design[:, cursor].astype(int), len(norm_choices) - 1)
        cursor += 1
    if aggregations:
        agg_index = np.minimum(design[:, cursor].astype(int), len(agg_choices) - 1)
    scores = np.empty((prepared.shape[0], design.shape[0]))
    # One normalised matrix per normalisation, one batched evaluation per (normalisation, aggregation).
    for n_choice in np.unique(norm_index):
        normalised = normalise(prepared, plan, norm_choices[n_choice])
        for a_choice in np.unique(agg_index[norm_index == n_choice]):
            rows = np.flatnonzero((norm_index == n_choice) & (agg_index == a_choice))
            scores[:, rows] = evaluate_many(normalised, plan, weights[rows], agg_choices[a_choice])
    ranks = rank_columns(scores)

    shifts = np.abs(ranks - nominal_filled[:, None])
    output = shifts.mean(axis=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if float(np.var(output)) > 0:
            indices = sobol_analyze.analyze(
                problem, output, calc_second_order=False, num_resamples=20, seed=seed
            )
            first = np.nan_to_num(np.asarray(indices["S1"]), nan=0.0)
            total = np.nan_to_num(np.asarray(indices["ST"]), nan=0.0)
        else:
            first = np.zeros(len(names))
            total = np.zeros(len(names))
    p05, median, p95 = np.percentile(ranks, [5, 50, 95], axis=1)
    intervals = [
        UnitInterval(
            nominal=float(nominal[i]),
            median=float(median[i]),
            p05=float(p05[i]),
            p95=float(p95[i]),
            mean_abs_shift=float(shifts[i].mean()),
        )
        for i in range(prepared.shape[0])
    ]
    sensitivity = [
        (name, round(float(first[k]), 6), round(float(total[k]), 6)) for k, name in enumerate(names)
    ]
    return Analysis(evaluations=int(design.shape[0]), intervals=intervals, sensitivity=sensitivity)
