"""scoring-api's composite indices at provincial scale (issue #19): one run over 3,321 communes × 100
indicators (outlier treatment, normalisation, aggregation up a 3-pillar, 10-index tree, ranks overall, per
pillar and per cluster, the results as stored), and its uncertainty analysis of 1,000 Monte Carlo samples
(the Sobol design of SALib: N × (113 weights + 2) evaluations, N = 8, so 920 evaluations), measured in the
same process. The aim: the 1,000 samples take at most 50 × one run. No database: the engine alone."""

from __future__ import annotations

import statistics
import time

import numpy as np
from run import Result

from scoring_api.indices import compute, service, tree
from scoring_api.indices.schemas import NodeIn
from scoring_api.indices.uncertainty import analyse

OFFERS = ("indices",)
"""The parts of `BENCH_PARTS` this module measures."""

COMMUNES = 3321
INDICATORS = 100
SAMPLES = 1000
METHODS = ("minmax", "zscore", "goalposts", "rank", "percentile", "distance_to_target")


class _Framework:
    """What `service.prepare` reads of a framework."""

    outliers = "winsorise"
    missing = "reweight"


def _nodes() -> list[NodeIn]:
    indices = []
    for k in range(10):
        leaves = []
        for j in range(10):
            method = METHODS[(k * 10 + j) % len(METHODS)]
            indicator: dict[str, object] = {"source": "uploaded", "normalisation": method}
            if method == "goalposts":
                indicator["goalposts"] = [0, 10]
            if method == "distance_to_target":
                indicator["target"] = 8
            leaves.append({"code": f"I{k}.{j}", "title": "x", "weight": 1 + j % 3, "indicator": indicator})
        indices.append({"code": f"C{k}", "title": "x", "weight": 1 + k % 2, "children": leaves})
    pillars = [indices[0:4], indices[4:7], indices[7:10]]
    return [
        NodeIn.model_validate({"code": f"P{p}", "title": "x", "weight": 1, "children": children})
        for p, children in enumerate(pillars)
    ]


def run() -> list[Result]:
    rng = np.random.default_rng(19)
    nodes = _nodes()
    plan = tree.compile_plan(nodes, compute.Aggregation.ARITHMETIC)
    raw = rng.lognormal(mean=1.0, sigma=0.6, size=(COMMUNES, INDICATORS))
    raw[rng.random(raw.shape) < 0.05] = np.nan
    subjects = [f"{10000 + i}" for i in range(COMMUNES)]
    clusters: list[str | None] = [f"Cụm {i % 30}" for i in range(COMMUNES)]
    gathered = service.Gathered(subjects=subjects, clusters=clusters, raw=raw, sources=[])

    def one_run() -> None:
        prepared, _ = service.prepare(raw, _Framework(), plan, clusters)  # type: ignore[arg-type]
        scores = compute.evaluate(compute.normalise(prepared, plan), plan)
        service.results_of(gathered, plan, scores, {})

    one_run()  # warm
    runs = []
    for _ in range(5):
        started = time.perf_counter()
        one_run()
        runs.append(time.perf_counter() - started)
    single = statistics.median(runs)

    prepared, _ = service.prepare(raw, _Framework(), plan, clusters)  # type: ignore[arg-type]
    started = time.perf_counter()
    analysis = analyse(prepared, plan, samples=SAMPLES, spread=0.25, seed=1)
    monte_carlo = time.perf_counter() - started
    print(
        f"  indices: one run {single * 1000:.0f} ms; {analysis.evaluations} Monte Carlo evaluations "
        f"{monte_carlo * 1000:.0f} ms",
        flush=True,
    )
    return [
        Result(
            f"index uncertainty, {SAMPLES:,} samples ({analysis.evaluations} evaluations) ÷ one run "
            f"({COMMUNES:,} × {INDICATORS})",
            monte_carlo * 1000,
            single * 1000,
            "ms",
            aim=50,
            higher_is_better=False,
        )
    ]
