"""Scoring, computed: a criteria tree's validity, a scorecard's total (children's sums capped at their
parent's maximum, automatic points from a rate), its band, the ranking inside each cluster ("1224") and
commendation proposals under a top band's quota — pure functions over `Decimal`, no database, no HTTP."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Any

from service_kit.text import fold

ZERO = Decimal(0)
ONE = Decimal(1)
CENT = Decimal("0.01")


class Method(StrEnum):
    """How a leaf criterion gets its points."""

    MANUAL = "manual"
    TARGET_PROGRESS = "target_progress"
    TRAINING_RATE = "training_rate"
    BOOLEAN = "boolean"
    CONTEST_PARTICIPATION = "contest_participation"
    """max × the unit's participation rate in the movement's online contests (campaign-api)."""
    INDEX_SCORE = "index_score"
    """max × the unit's score (0..1) in the latest run of the composite index `index_framework_id`."""


AUTOMATIC_METHODS = frozenset(
    {Method.TARGET_PROGRESS, Method.TRAINING_RATE, Method.CONTEST_PARTICIPATION, Method.INDEX_SCORE}
)


@dataclass(frozen=True)
class Criterion:
    """A node of a criteria set. A parent scores the sum of its children, capped at its own `max_points`;
    its `method` is not used (`validate_set` asks for `manual`)."""

    code: str
    title: str
    max_points: Decimal
    method: Method = Method.MANUAL
    target_code: str | None = None
    children: tuple[Criterion, ...] = ()
    index_framework_id: str | None = None

    @property
    def is_leaf(self) -> bool:
        return not self.children


@dataclass(frozen=True)
class Entry:
    """The scores recorded for one leaf criterion on a scorecard."""

    self_score: Decimal | None = None
    reviewed_score: Decimal | None = None
    auto_score: Decimal | None = None


@dataclass(frozen=True)
class ScoreResult:
    total: Decimal
    by_criterion: dict[str, Decimal]
    pending: tuple[str, ...]


@dataclass(frozen=True)
class Band:
    label: str
    min_score: Decimal


@dataclass(frozen=True)
class RankItem:
    scorecard_id: str
    subject_name: str
    cluster: str | None
    total: Decimal
    approved: bool


@dataclass(frozen=True)
class Ranked:
    rank: int
    scorecard_id: str
    subject_name: str
    cluster: str | None
    total: Decimal
    band: str | None
    provisional: bool


@dataclass(frozen=True)
class QuotaAdjustment:
    scorecard_id: str
    subject_name: str
    from_band: str
    to_band: str | None
    reason: str


@dataclass(frozen=True)
class BandProposal:
    label: str
    subjects: list[Ranked]


@dataclass(frozen=True)
class ClusterProposal:
    cluster: str | None
    bands: list[BandProposal]
    adjustments: list[QuotaAdjustment]
    unbanded: list[Ranked]


class Problem(str):
    """A problem found in a criteria set, its bands or a score: its English text (the value of the
    string), and the machine `code` and `params` by which the API words it in the caller's language
    (`scoring_api.messages`)."""

    code: str
    params: dict[str, Any]

    def __new__(cls, text: str, *, code: str, **params: Any) -> Problem:
        problem = super().__new__(cls, text)
        problem.code = code
        problem.params = params
        return problem


class ScoreError(ValueError):
    """A score that cannot be entered; `problem` says why, with its code."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


# --- the criteria tree ---


def walk(criteria: Sequence[Criterion], depth: int = 0) -> Iterator[tuple[Criterion, int]]:
    """Every criterion with its depth (0 for the top level), parents before their children, in tree order."""
    for criterion in criteria:
        yield criterion, depth
        yield from walk(criterion.children, depth + 1)


def leaves(criteria: Sequence[Criterion]) -> list[Criterion]:
    """The leaf criteria — the ones that carry scores — in tree order."""
    return [criterion for criterion, _ in walk(criteria) if criterion.is_leaf]


def by_code(criteria: Sequence[Criterion]) -> dict[str, Criterion]:
    """Every criterion of the tree by its code (the first one wins if a code repeats; `validate_set` reports that)."""
    found: dict[str, Criterion] = {}
    for criterion, _ in walk(criteria):
        found.setdefault(criterion.code, criterion)
    return found


def validate_set(criteria: Sequence[Criterion]) -> list[Problem]:
    """The problems of a criteria set, empty when it can be used.

    Only leaves carry a method: a parent's points are always the capped sum of its children, so a parent
    must say `manual` (the neutral default) and name no target rather than suggest a rule that is not applied.
    """
    problems: list[Problem] = []
    if not criteria:
        problems.append(Problem("A criteria set needs at least one criterion.", code="criteria_set.empty"))
    seen: set[str] = set()
    reported: set[str] = set()
    for criterion, _ in walk(criteria):
        code = criterion.code
        label = f"Criterion '{code}'"
        if not code.strip():
            problems.append(Problem(f"Criterion '{criterion.title}' has no code.", code="criterion.no_code"))
        elif code in seen and code not in reported:
            reported.add(code)
            problems.append(
                Problem(
                    f"{label}: the code is used more than once; codes are unique across the whole set.",
                    code="criterion.code_repeated",
                    criterion=code,
                )
            )
        seen.add(code)
        if not criterion.max_points.is_finite() or criterion.max_points <= 0:
            problems.append(
                Problem(
                    f"{label}: max_points must be greater than 0.",
                    code="criterion.max_points_not_positive",
                    criterion=code,
                )
            )
        if criterion.children:
            if criterion.method is not Method.MANUAL:
                problems.append(
                    Problem(
                        f"{label}: a criterion with children scores the sum of its children; its method must be 'manual', not '{criterion.method}'.",
                        code="criterion.parent_method",
                        criterion=code,
                        method=criterion.method.value,
                    )
                )
            if criterion.target_code is not None:
                problems.append(
                    Problem(
                        f"{label}: a criterion with children cannot name a target_code.",
                        code="criterion.parent_target",
                        criterion=code,
                    )
                )
        elif criterion.method is Method.TARGET_PROGRESS:
            if not (criterion.target_code or "").strip():
                problems.append(
                    Problem(
                        f"{label}: method 'target_progress' needs a target_code.",
                        code="criterion.target_missing",
                        criterion=code,
                    )
                )
        elif criterion.target_code is not None:
            problems.append(
                Problem(
                    f"{label}: only method 'target_progress' names a target_code, not '{criterion.method}'.",
                    code="criterion.target_not_allowed",
                    criterion=code,
                    method=criterion.method.value,
                )
            )
        problems += _index_problems(criterion, label)
    return problems


def _index_problems(criterion: Criterion, label: str) -> list[Problem]:
    """Method `index_score` names the index framework whose latest run it reads; no other method does."""
    if criterion.method is Method.INDEX_SCORE and criterion.is_leaf and criterion.index_framework_id is None:
        return [
            Problem(
                f"{label}: method 'index_score' needs an index_framework_id.",
                code="criterion.index_framework_missing",
                criterion=criterion.code,
            )
        ]
    if criterion.index_framework_id is not None and (
        criterion.method is not Method.INDEX_SCORE or not criterion.is_leaf
    ):
        return [
            Problem(
                f"{label}: only method 'index_score' names an index_framework_id.",
                code="criterion.index_framework_not_allowed",
                criterion=criterion.code,
            )
        ]
    return []


# --- scores ---


def validate_score(criterion: Criterion, score: Decimal) -> None:
    """Refuse a score that cannot be entered for `criterion`: on a parent, outside 0..max_points, or a
    `boolean` other than 0 or max_points."""
    if criterion.children:
        raise ScoreError(
            Problem(
                f"Criterion '{criterion.code}' has sub-criteria: its score is their sum, so score the sub-criteria instead.",
                code="score.on_parent",
                criterion=criterion.code,
            )
        )
    if not score.is_finite() or score < 0 or score > criterion.max_points:
        raise ScoreError(
            Problem(
                f"The score of criterion '{criterion.code}' must lie between 0 and {criterion.max_points}; got {score}.",
                code="score.out_of_range",
                criterion=criterion.code,
                max_points=str(criterion.max_points),
                score=str(score),
            )
        )
    if criterion.method is Method.BOOLEAN and score not in (ZERO, criterion.max_points):
        raise ScoreError(
            Problem(
                f"Criterion '{criterion.code}' is met or not: its score is 0 or {criterion.max_points}; got {score}.",
                code="score.not_boolean",
                criterion=criterion.code,
                max_points=str(criterion.max_points),
                score=str(score),
            )
        )


def auto_points(criterion: Criterion, value: Decimal) -> Decimal:
    """The points of an automatic criterion for a progress or a completion rate `value` (0..1), unrounded.

    Values outside 0..1 are clamped: a target overshot still earns only the criterion's maximum.
    """
    if criterion.method not in AUTOMATIC_METHODS:
        raise ValueError(
            f"Criterion '{criterion.code}' is scored by hand ('{criterion.method}'), not automatically."
        )
    return criterion.max_points * min(max(value, ZERO), ONE)


def effective_score(criterion: Criterion, entry: Entry | None) -> Decimal | None:
    """The score that counts for a leaf: reviewed, else automatic (automatic methods only), else self-assessed."""
    if entry is None:
        return None
    if entry.reviewed_score is not None:
        return entry.reviewed_score
    if criterion.method in AUTOMATIC_METHODS and entry.auto_score is not None:
        return entry.auto_score
    return entry.self_score


def score(criteria: Sequence[Criterion], entries: Mapping[str, Entry]) -> ScoreResult:
    """The total of a scorecard, the score of every criterion, and the leaves still without data.

    Sums are kept at full precision and rounded half-up to two decimals only when reported, so three
    thirds make a whole rather than 0.99. Pending leaves count as 0.
    """
    exact: dict[str, Decimal] = {}
    pending: list[str] = []

    def node_points(criterion: Criterion) -> Decimal:
        if criterion.children:
            points = sum((node_points(child) for child in criterion.children), ZERO)
        else:
            effective = effective_score(criterion, entries.get(criterion.code))
            if effective is None:
                pending.append(criterion.code)
                effective = ZERO
            points = effective
        # Every node, leaves included, stays within 0..max_points: inputs are validated on entry, and the
        # cap keeps a total honest even for a row written before a criterion's maximum was lowered.
        capped = min(max(points, ZERO), criterion.max_points)
        exact[criterion.code] = capped
        return capped

    total = sum((node_points(criterion) for criterion in criteria), ZERO)
    return ScoreResult(
        total=_round(total),
        by_criterion={code: _round(points) for code, points in exact.items()},
        pending=tuple(pending),
    )


def _round(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


# --- bands ---


def validate_bands(bands: Sequence[Band]) -> list[Problem]:
    """The problems of a set of bands, empty when it can be used: labels and minimum scores unique."""
    problems: list[Problem] = []
    labels: set[str] = set()
    minimums: set[Decimal] = set()
    for band in bands:
        if not band.label.strip():
            problems.append(Problem("Every band needs a label.", code="band.no_label"))
        elif band.label in labels:
            problems.append(
                Problem(
                    f"Band '{band.label}': the label is used more than once.",
                    code="band.label_repeated",
                    label=band.label,
                )
            )
        labels.add(band.label)
        if not band.min_score.is_finite() or band.min_score < 0:
            problems.append(
                Problem(
                    f"Band '{band.label}': min_score must be 0 or more.",
                    code="band.min_score_negative",
                    label=band.label,
                )
            )
        elif band.min_score in minimums:
            problems.append(
                Problem(
                    f"Band '{band.label}': another band starts at the same min_score {band.min_score}.",
                    code="band.min_score_repeated",
                    label=band.label,
                    min_score=str(band.min_score),
                )
            )
        minimums.add(band.min_score)
    return problems


def _highest_first(bands: Sequence[Band]) -> list[Band]:
    return sorted(bands, key=lambda band: (-band.min_score, band.label))


def band_for(total: Decimal, bands: Sequence[Band]) -> str | None:
    """The label of the highest band whose min_score ≤ total; None below every band."""
    for band in _highest_first(bands):
        if band.min_score <= total:
            return band.label
    return None


# --- ranking ---


def _name_key(name: str) -> tuple[str, str]:
    # Folded first so that "Đỗ" sorts with "Do" as Vietnamese readers expect; the original name breaks
    # ties between names that fold alike, so the order never depends on the input order.
    return fold(name), name


def _cluster_key(cluster: str | None) -> tuple[bool, tuple[str, str]]:
    return cluster is None, _name_key(cluster or "")


def rank(items: Sequence[RankItem], bands: Sequence[Band] = ()) -> list[Ranked]:
    """Rank scorecards inside each cluster by total, highest first, with competition ranking ("1224").

    Clusters come in name order with the unclustered last; inside a cluster, equal totals share a rank and
    are listed by subject name (diacritics folded), then by scorecard id for namesakes. Totals are compared
    at two decimals, as people see them. A subject is provisional until its scorecard is approved.
    """
    ordered = sorted(
        items,
        key=lambda item: (
            _cluster_key(item.cluster),
            -_round(item.total),
            _name_key(item.subject_name),
            item.scorecard_id,
        ),
    )
    ranked: list[Ranked] = []
    position = 0
    current_rank = 0
    previous: tuple[str | None, Decimal] | None = None
    for item in ordered:
        total = _round(item.total)
        if previous is None or previous[0] != item.cluster:
            position = 0
        position += 1
        if previous != (item.cluster, total):
            current_rank = position
        previous = (item.cluster, total)
        ranked.append(
            Ranked(
                rank=current_rank,
                scorecard_id=item.scorecard_id,
                subject_name=item.subject_name,
                cluster=item.cluster,
                total=total,
                band=band_for(total, bands),
                provisional=not item.approved,
            )
        )
    return ranked


# --- proposals ---


def propose(
    ranked: Sequence[Ranked], bands: Sequence[Band], top_band_max_share: Decimal | None = None
) -> list[ClusterProposal]:
    """The subjects proposed for commendation in each cluster, band by band (highest first, rank order).

    With `top_band_max_share` (0..1), the top band keeps at most that share of the cluster's subjects,
    rounded down; the excess, taken from the bottom of the top band in rank order and then by name (so of
    two tied subjects at the cut, the one whose name sorts first stays), moves down one band — or out of
    every band when there is none below — and each move is listed as a `QuotaAdjustment`. Bands are
    recomputed from each total and `bands`; a listed subject's `band` is the one its score earned.
    """
    if top_band_max_share is not None and not (
        top_band_max_share.is_finite() and ZERO <= top_band_max_share <= ONE
    ):
        raise ValueError(f"The top band's maximum share must lie between 0 and 1; got {top_band_max_share}.")
    ordered_bands = _highest_first(bands)
    clusters: dict[str | None, list[Ranked]] = {}
    for subject in ranked:
        clusters.setdefault(subject.cluster, []).append(replace(subject, band=band_for(subject.total, bands)))

    proposals: list[ClusterProposal] = []
    for cluster in sorted(clusters, key=_cluster_key):
        subjects = sorted(
            clusters[cluster], key=lambda s: (s.rank, _name_key(s.subject_name), s.scorecard_id)
        )
        placed: dict[str | None, list[Ranked]] = {band.label: [] for band in ordered_bands}
        placed[None] = []
        for subject in subjects:
            placed[subject.band].append(subject)

        adjustments: list[QuotaAdjustment] = []
        if top_band_max_share is not None and ordered_bands:
            top = ordered_bands[0].label
            below = ordered_bands[1].label if len(ordered_bands) > 1 else None
            allowed = int((top_band_max_share * len(subjects)).to_integral_value(rounding=ROUND_FLOOR))
            excess = placed[top][allowed:]
            del placed[top][allowed:]
            for subject in excess:
                adjustments.append(
                    QuotaAdjustment(
                        scorecard_id=subject.scorecard_id,
                        subject_name=subject.subject_name,
                        from_band=top,
                        to_band=below,
                        reason=(
                            f"The band '{top}' may hold at most {(top_band_max_share * 100).normalize():f}% "
                            f"of the {len(subjects)} subjects of this cluster, that is {allowed}; ranked "
                            f"{subject.rank}, this subject moves to {repr(below) if below else 'no band'}."
                        ),
                    )
                )
            # The moved subjects outrank everyone who earned the lower band, so they go first in it.
            placed[below] = excess + placed[below]

        proposals.append(
            ClusterProposal(
                cluster=cluster,
                bands=[BandProposal(band.label, placed[band.label]) for band in ordered_bands],
                adjustments=adjustments,
                unbanded=placed[None],
            )
        )
    return proposals
