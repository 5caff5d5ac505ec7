"""A framework's tree: its checks (each problem with a code of `messages.py`) and its compiled `Plan`."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from scoring_api.indices.compute import Aggregation, Group, Leaf, Normalisation, Plan
from scoring_api.indices.schemas import IndicatorIn, NodeIn, Source

MAX_DEPTH = 5
MAX_INDICATORS = 500
POINTS_TOLERANCE = 1e-6


@dataclass(frozen=True)
class TreeProblem:
    code: str
    node: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return f"{self.code} ({self.node})"


def walk(nodes: Sequence[NodeIn], depth: int = 1) -> Iterator[tuple[NodeIn, int]]:
    for node in nodes:
        yield node, depth
        yield from walk(node.children or [], depth + 1)


def indicators(nodes: Sequence[NodeIn]) -> list[tuple[str, IndicatorIn]]:
    """Every indicator of the tree, in the tree's order (the order of the run's matrix)."""
    return [(node.code, node.indicator) for node, _ in walk(nodes) if node.indicator is not None]


def validate(nodes: Sequence[NodeIn], *, total_points: float | None, has_campaign: bool) -> list[TreeProblem]:
    problems: list[TreeProblem] = []
    seen: set[str] = set()
    count = 0
    for node, depth in walk(nodes):
        if node.code in seen:
            problems.append(TreeProblem("index_framework.code_repeated", node.code))
        seen.add(node.code)
        if depth > MAX_DEPTH:
            problems.append(TreeProblem("index_framework.too_deep", node.code, {"depth": MAX_DEPTH}))
        if (node.children is None) == (node.indicator is None) or node.children == []:
            problems.append(TreeProblem("index_framework.node_shape", node.code))
        if node.children and sum(child.weight for child in node.children) <= 0:
            problems.append(TreeProblem("index_framework.zero_weights", node.code))
        if node.children and total_points is not None:
            added = sum(child.weight for child in node.children)
            if abs(added - node.weight) > POINTS_TOLERANCE:
                problems.append(
                    TreeProblem(
                        "index_framework.points_mismatch",
                        node.code,
                        {"expected": _number(node.weight), "added": _number(added)},
                    )
                )
        if node.indicator is not None:
            count += 1
            problems += _indicator_problems(node.code, node.indicator, has_campaign=has_campaign)
    if sum(node.weight for node in nodes) <= 0:
        problems.append(TreeProblem("index_framework.zero_weights", "-"))
    if total_points is not None:
        added = sum(node.weight for node in nodes)
        if abs(added - total_points) > POINTS_TOLERANCE:
            problems.append(
                TreeProblem(
                    "index_framework.points_mismatch",
                    "-",
                    {"expected": _number(total_points), "added": _number(added)},
                )
            )
    if count > MAX_INDICATORS:
        problems.append(TreeProblem("index_framework.too_many_indicators", "-", {"max": MAX_INDICATORS}))
    return problems


def _number(value: float) -> str:
    return f"{value:g}"


def _indicator_problems(code: str, indicator: IndicatorIn, *, has_campaign: bool) -> list[TreeProblem]:
    problems: list[TreeProblem] = []
    if indicator.source is Source.TARGET_PROGRESS:
        if indicator.target_code is None:
            problems.append(TreeProblem("index_framework.target_code_missing", code))
        if not has_campaign:
            problems.append(TreeProblem("index_framework.needs_campaign", code))
    elif indicator.target_code is not None:
        problems.append(TreeProblem("index_framework.target_code_not_allowed", code))
    if indicator.normalisation is Normalisation.DISTANCE_TO_TARGET and indicator.target is None:
        problems.append(TreeProblem("index_framework.target_missing", code))
    if indicator.normalisation is Normalisation.GOALPOSTS:
        posts = indicator.goalposts
        if posts is None or not posts[0] < posts[1]:
            problems.append(TreeProblem("index_framework.goalposts_invalid", code))
    return problems


def compile_plan(nodes: Sequence[NodeIn], aggregation: Aggregation) -> Plan:
    """The plan of a valid tree: leaves first (tree order), then inner nodes children-first."""
    leaves = indicators(nodes)
    position = {code: i for i, (code, _) in enumerate(leaves)}
    codes = [code for code, _ in leaves]
    weights: list[float] = [0.0] * len(leaves)
    groups: list[Group] = []
    by_code = {node.code: node for node, _ in walk(nodes)}
    for code, _ in leaves:
        weights[position[code]] = by_code[code].weight

    def place(node: NodeIn) -> int:
        if node.indicator is not None:
            return position[node.code]
        children = tuple(place(child) for child in node.children or [])
        groups.append(Group(node.code, node.aggregation, children))
        codes.append(node.code)
        weights.append(node.weight)
        return len(codes) - 1

    pillars = tuple(place(node) for node in nodes)
    return Plan(
        leaves=tuple(
            Leaf(
                code=code,
                direction=indicator.direction,
                normalisation=indicator.normalisation,
                target=indicator.target,
                goalposts=(indicator.goalposts[0], indicator.goalposts[1]) if indicator.goalposts else None,
            )
            for code, indicator in leaves
        ),
        groups=tuple(groups),
        codes=tuple(codes),
        weights=tuple(weights),
        pillars=pillars,
        aggregation=aggregation,
    )
