"""Rules of composite indices: frameworks checked as a whole, immutable once published (a new version is
a copy); values of manual and uploaded indicators written all or nothing; runs that gather every source in
batched calls (a service that does not answer leaves its indicators missing, reported), compute on one
matrix, rank overall, per pillar and per cluster, and compare with the framework's previous run; and the
uncertainty of a run (a seeded Monte Carlo with Sobol indices)."""

from __future__ import annotations

import io
import math
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, TypeVar

import numpy as np
from openpyxl import Workbook, load_workbook
from sqlalchemy.ext.asyncio import AsyncSession

from scoring_api.access import (
    INDEX_FRAMEWORK_LIST,
    INDEX_FRAMEWORKS,
    INDEX_RUNS,
    ensure_reads_subjects,
    subject_filter,
)
from scoring_api.clients.campaign import CampaignClient
from scoring_api.clients.literacy import LiteracyClient
from scoring_api.database import audit_trail
from scoring_api.indices import compute, tree
from scoring_api.indices.models import IndexFramework, IndexRun
from scoring_api.indices.repository import FrameworkRepository, RunRepository
from scoring_api.indices.schemas import (
    VALUE_SOURCES,
    FrameworkAction,
    FrameworkCopy,
    FrameworkCreate,
    FrameworkListAction,
    FrameworkOut,
    FrameworkPage,
    FrameworkUpdate,
    NodeIn,
    Outliers,
    RankInterval,
    RunAction,
    RunCreate,
    RunOut,
    RunPage,
    RunReport,
    RunSummary,
    Sensitivity,
    Source,
    SourceReport,
    SubjectKind,
    UncertaintyIn,
    UncertaintyOut,
    UnitResult,
    ValueIn,
    ValuesIn,
    ValuesOut,
)
from scoring_api.indices.uncertainty import NothingVaries, TooFewSamples, analyse
from service_kit import i18n
from service_kit.access import Actor
from service_kit.errors import NotFound, ProblemError, ValidationFailed, field_error
from service_kit.pagination import PageParams
from service_kit.spreadsheets import safe_row

FRAMEWORK = "index_framework"
RUN = "index_run"
MEASURE_LIMIT = 1e12


def _problem_list(problems: Sequence[tree.TreeProblem]) -> ValidationFailed:
    return ValidationFailed(
        "; ".join(p.text for p in problems),
        code="index_framework.invalid",
        errors=[
            {
                "field": "nodes" if p.node == "-" else f"nodes[{p.node}]",
                "message": i18n.message(p.code, {"node": p.node, **p.params}) or p.text,
            }
            for p in problems
        ],
    )


def nodes_of(raw: list[dict[str, Any]]) -> list[NodeIn]:
    return [NodeIn.model_validate(node) for node in raw]


def plan_of(framework: IndexFramework) -> compute.Plan:
    return tree.compile_plan(nodes_of(framework.nodes), compute.Aggregation(framework.aggregation))


def _non_positive(exc: compute.NonPositiveInput, subjects: Sequence[str]) -> ValidationFailed:
    return ValidationFailed(
        str(exc),
        code="index.non_positive_input",
        params={
            "node": exc.node or "-",
            "aggregation": exc.aggregation.value,
            "child": exc.child,
            "subject": subjects[exc.unit] if exc.unit < len(subjects) else "-",
        },
    )


@dataclass
class FrameworkService:
    session: AsyncSession
    repository: FrameworkRepository = field(init=False)

    def __post_init__(self) -> None:
        self.repository = FrameworkRepository(self.session)

    def out(self, actor: Actor, framework: IndexFramework) -> FrameworkOut:
        result = FrameworkOut.model_validate(framework)
        result.allowed_actions = [
            FrameworkAction(a) for a in INDEX_FRAMEWORKS.allowed_actions(actor, framework)
        ]
        return result

    async def _audit(self, actor: Actor, action: str, object_id: uuid.UUID, **change: Any) -> None:
        await audit_trail.record(
            self.session,
            actor=actor,
            action=action,
            object_type=FRAMEWORK,
            object_id=str(object_id),
            **change,
        )

    async def create(self, actor: Actor, data: FrameworkCreate) -> FrameworkOut:
        problems = tree.validate(
            data.nodes, total_points=data.total_points, has_campaign=data.campaign_id is not None
        )
        if problems:
            raise _problem_list(problems)
        framework = await self.repository.add(
            IndexFramework(
                name=data.name,
                subject_kind=data.subject_kind.value,
                campaign_id=data.campaign_id,
                version=await self.repository.next_version(data.name),
                status="draft",
                aggregation=data.aggregation.value,
                missing=data.missing.value,
                outliers=data.outliers.value,
                total_points=data.total_points,
                nodes=[n.model_dump(mode="json", exclude_none=True) for n in data.nodes],
            )
        )
        await self._audit(
            actor, "index_framework.created", framework.id, after={"version": framework.version}
        )
        return self.out(actor, framework)

    async def page(self, actor: Actor, page: PageParams) -> FrameworkPage:
        frameworks, total = await self.repository.page(page)
        return FrameworkPage(
            items=[self.out(actor, f) for f in frameworks],
            total=total,
            allowed_actions=[
                FrameworkListAction(a) for a in INDEX_FRAMEWORK_LIST.allowed_actions(actor, None)
            ],
        )

    async def update(self, actor: Actor, framework: IndexFramework, data: FrameworkUpdate) -> FrameworkOut:
        sent = data.model_fields_set
        nodes = data.nodes if "nodes" in sent else nodes_of(framework.nodes)
        problems = tree.validate(
            nodes, total_points=framework.total_points, has_campaign=framework.campaign_id is not None
        )
        if problems:
            raise _problem_list(problems)
        if "name" in sent:
            framework.name = data.name
        for name in ("aggregation", "missing", "outliers"):
            if name in sent:
                setattr(framework, name, getattr(data, name).value)
        framework.nodes = [n.model_dump(mode="json", exclude_none=True) for n in nodes]
        await self.repository.save()
        await self._audit(actor, "index_framework.updated", framework.id, after={"fields": sorted(sent)})
        return self.out(actor, framework)

    async def publish(self, actor: Actor, framework: IndexFramework) -> FrameworkOut:
        framework.status = "published"
        framework.published_at = datetime.now(UTC)
        await self.repository.save()
        await self._audit(
            actor,
            "index_framework.published",
            framework.id,
            before={"status": "draft"},
            after={"status": "published"},
        )
        return self.out(actor, framework)

    async def copy(self, actor: Actor, framework: IndexFramework, data: FrameworkCopy) -> FrameworkOut:
        """A new version (a draft) of `framework`, with its values."""
        name = data.name if "name" in data.model_fields_set else framework.name
        copied = await self.repository.add(
            IndexFramework(
                name=name,
                subject_kind=framework.subject_kind,
                campaign_id=framework.campaign_id,
                version=await self.repository.next_version(name),
                status="draft",
                aggregation=framework.aggregation,
                missing=framework.missing,
                outliers=framework.outliers,
                total_points=framework.total_points,
                nodes=framework.nodes,
                copied_from=framework.id,
            )
        )
        values = await self.repository.values(framework.id)
        if values:
            await self.repository.upsert_values(copied.id, values)
        await self._audit(
            actor,
            "index_framework.copied",
            copied.id,
            after={"from": str(framework.id), "version": copied.version},
        )
        return self.out(actor, copied)

    def _value_indicators(self, framework: IndexFramework) -> dict[str, str]:
        return {
            code: indicator.source.value
            for code, indicator in tree.indicators(nodes_of(framework.nodes))
            if indicator.source in VALUE_SOURCES
        }

    async def write_values(self, actor: Actor, framework: IndexFramework, data: ValuesIn) -> ValuesOut:
        """Every value or none: an item naming an indicator that is not manual or uploaded refuses all."""
        accepted = self._value_indicators(framework)
        errors = [
            {
                "field": f"items[{k}].indicator_code",
                "message": i18n.message("index_values.unknown_indicator", {"indicator": item.indicator_code})
                or "unknown indicator",
            }
            for k, item in enumerate(data.items)
            if item.indicator_code not in accepted
        ]
        if errors:
            raise ValidationFailed(
                f"{len(errors)} values name no manual or uploaded indicator of this framework.",
                code="index_values.invalid",
                params={"count": len(errors)},
                errors=errors[:100],
            )
        return await self._store(actor, framework, data.items, via="json")

    async def _store(
        self, actor: Actor, framework: IndexFramework, items: Sequence[ValueIn], *, via: str
    ) -> ValuesOut:
        rows = {(i.subject_code, i.indicator_code): float(i.value) for i in items}
        await self.repository.upsert_values(framework.id, [(s, c, v) for (s, c), v in rows.items()])
        await self._audit(
            actor, "index_values.written", framework.id, after={"values": len(rows), "via": via}
        )
        return ValuesOut(
            framework_id=framework.id,
            written=len(rows),
            total=await self.repository.count_values(framework.id),
        )

    def template(self, framework: IndexFramework) -> bytes:
        """The xlsx to fill: one row per subject, one column per manual or uploaded indicator."""
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = "values"
        sheet.append(safe_row(["subject_code", *self._value_indicators(framework)]))
        legend = book.create_sheet("indicators")
        legend.append(safe_row(["code", "title", "source", "direction"]))
        titles = {node.code: node.title for node, _ in tree.walk(nodes_of(framework.nodes))}
        for code, indicator in tree.indicators(nodes_of(framework.nodes)):
            if indicator.source in VALUE_SOURCES:
                legend.append(safe_row([code, titles[code], indicator.source.value, indicator.direction]))
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()

    async def import_values(self, actor: Actor, framework: IndexFramework, content: bytes) -> ValuesOut:
        """The filled template: every bad row reported (line and reason), and then nothing is written."""
        try:
            book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except Exception:
            raise field_error("file", code="index_values.not_a_workbook") from None
        sheet = book["values"] if "values" in book.sheetnames else book.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = [str(c).strip() if c is not None else "" for c in next(rows, ())]
        accepted = self._value_indicators(framework)
        if not header or header[0] != "subject_code":
            raise field_error("file", code="index_values.bad_header")
        unknown = [c for c in header[1:] if c and c not in accepted]
        if unknown:
            raise field_error("file", code="index_values.bad_header")
        items: list[ValueIn] = []
        errors: list[dict[str, str]] = []
        for line, row in enumerate(rows, start=2):
            if row is None or all(cell is None or str(cell).strip() == "" for cell in row):
                continue
            subject = str(row[0]).strip() if row[0] is not None else ""
            try:
                for column, cell in zip(header[1:], row[1:], strict=False):
                    if not column or cell is None or str(cell).strip() == "":
                        continue
                    items.append(ValueIn(subject_code=subject, indicator_code=column, value=_number_of(cell)))
            except ValueError:
                errors.append(
                    {
                        "field": f"line {line}",
                        "message": i18n.message("index_values.bad_row", {"line": line}) or f"line {line}",
                    }
                )
        if errors:
            raise ValidationFailed(
                f"{len(errors)} rows cannot be read; nothing was imported.",
                code="index_values.bad_rows",
                params={"count": len(errors)},
                errors=errors[:200],
            )
        if not items:
            raise field_error("file", code="index_values.empty")
        return await self._store(actor, framework, items, via="xlsx")


def _number_of(cell: object) -> float:
    if isinstance(cell, bool):
        raise ValueError("a number")
    value = float(cell) if isinstance(cell, int | float) else float(str(cell).strip().replace(",", "."))
    if not math.isfinite(value) or abs(value) > MEASURE_LIMIT:
        raise ValueError("out of range")
    return value


# --- runs ---


@dataclass
class Gathered:
    subjects: list[str]
    clusters: list[str | None]
    raw: compute.Matrix
    sources: list[dict[str, Any]]
    names: list[str | None] = field(default_factory=list)


DIRECTORY_KINDS = {
    SubjectKind.COMMUNE: "commune",
    SubjectKind.DEPARTMENT: "department",
    SubjectKind.UNIT: None,
}
"""The directory's kind of unit each kind of subject is (units of any kind for `unit`)."""


async def gather(
    framework: IndexFramework,
    subject_codes: Sequence[str] | None,
    stored: Sequence[tuple[str, str, float]],
    campaign: CampaignClient,
    literacy: LiteracyClient,
    *,
    readable: Callable[[str], bool] | None = None,
) -> Gathered:
    """Every indicator's value for every subject (those `readable` keeps), one batched call per source, and
    the subjects' names (the campaign's participants, else the unit directory)."""
    leaves = tree.indicators(nodes_of(framework.nodes))
    sources: list[dict[str, Any]] = []
    clusters: dict[str, str | None] = {}
    names: dict[str, str] = {}
    participants: list[str] = []
    if framework.campaign_id is not None:
        try:
            found = await campaign.participants(framework.campaign_id)
        except ProblemError:
            found = None
            sources.append({"source": "participants", "indicators": [], "status": "unavailable"})
        for participant in found or []:
            clusters[participant.unit_code] = participant.cluster
            names[participant.unit_code] = participant.unit_name
            participants.append(participant.unit_code)
    if subject_codes:
        subjects = sorted(set(subject_codes))
    elif participants:
        subjects = sorted(set(participants))
    else:
        subjects = sorted({s for s, _, _ in stored})
    if readable is not None:
        subjects = [s for s in subjects if readable(s)]
    if any(s not in names for s in subjects):
        try:
            directory = await campaign.unit_names(DIRECTORY_KINDS[SubjectKind(framework.subject_kind)])
            names = {**directory, **names}
        except ProblemError:
            sources.append({"source": "unit_names", "indicators": [], "status": "unavailable"})
    row = {s: i for i, s in enumerate(subjects)}
    column = {code: j for j, (code, _) in enumerate(leaves)}
    raw = np.full((len(subjects), len(leaves)), np.nan)
    by_source: dict[Source, list[tuple[str, Any]]] = {}
    for code, indicator in leaves:
        by_source.setdefault(indicator.source, []).append((code, indicator))

    def fill(code: str, values: dict[str, Decimal] | dict[str, float]) -> None:
        for s, value in values.items():
            if s in row:
                raw[row[s], column[code]] = float(value)

    for source, members in by_source.items():
        codes = [c for c, _ in members]
        status = "ok"
        try:
            if source in VALUE_SOURCES:
                wanted = set(codes)
                for s, c, v in stored:
                    if c in wanted and s in row:
                        raw[row[s], column[c]] = v
            elif source is Source.TARGET_PROGRESS:
                assert framework.campaign_id is not None
                kpis = await campaign.kpis(framework.campaign_id)
                for code, indicator in members:
                    fill(
                        code,
                        {k.unit_code: k.progress for k in kpis if k.target_code == indicator.target_code},
                    )
            elif source is Source.TRAINING_RATE:
                rates = await literacy.unit_rates(subjects) if subjects else {}
                for code in codes:
                    fill(code, rates)
            elif source is Source.COVERAGE:
                completion = await literacy.commune_completion()
                for code in codes:
                    fill(code, completion)
            elif framework.campaign_id is None:  # contest participation is a campaign's
                status = "not_available"
            else:
                participation = await campaign.contest_participation(framework.campaign_id)
                for code in codes:
                    fill(code, participation)
        except ProblemError:
            status = "unavailable"
        sources.append({"source": source.value, "indicators": codes, "status": status})
    return Gathered(
        subjects=subjects,
        clusters=[clusters.get(s) for s in subjects],
        raw=raw,
        sources=sources,
        names=[names.get(s) for s in subjects],
    )


def prepare(
    raw: compute.Matrix, framework: IndexFramework, plan: compute.Plan, clusters: Sequence[str | None]
) -> tuple[compute.Matrix, compute.Treatment]:
    """Outliers treated, then (by the framework's rule) missing values imputed: the matrix to normalise."""
    treatment = compute.Treatment()
    data = raw
    if framework.outliers == Outliers.WINSORISE.value:
        data = compute.winsorise(data, [leaf.code for leaf in plan.leaves], treatment)
    if framework.missing == compute.MissingRule.IMPUTE_GROUP_MEAN.value:
        data = compute.impute_group_mean(data, clusters, treatment)
    return data, treatment


def _round(value: float) -> float | None:
    return None if math.isnan(value) else round(value, 6)


def _rank(value: float) -> int | None:
    return None if math.isnan(value) else int(value)


def results_of(
    gathered: Gathered,
    plan: compute.Plan,
    scores: compute.Matrix,
    previous: dict[str, int | None],
) -> list[dict[str, Any]]:
    overall = scores[:, -1]
    ranks = compute.competition_ranks(overall)
    cluster_ranks = compute.ranks_within(overall, gathered.clusters)
    pillar_ranks = {p: compute.competition_ranks(scores[:, p]) for p in plan.pillars}
    missing = np.isnan(gathered.raw)
    leaf_codes = [leaf.code for leaf in plan.leaves]
    results = []
    for i, subject in enumerate(gathered.subjects):
        rank = _rank(ranks[i])
        before = previous.get(subject)
        results.append(
            UnitResult(
                subject_code=subject,
                subject_name=gathered.names[i] if gathered.names else None,
                cluster=gathered.clusters[i],
                score=_round(overall[i]),
                rank=rank,
                cluster_rank=_rank(cluster_ranks[i]),
                previous_rank=before,
                rank_change=before - rank if before is not None and rank is not None else None,
                pillars=[
                    {"code": plan.codes[p], "score": _round(scores[i, p]), "rank": _rank(pillar_ranks[p][i])}
                    for p in plan.pillars
                ],
                missing=[leaf_codes[j] for j in np.flatnonzero(missing[i])],
            ).model_dump(mode="json")
        )
    results.sort(key=lambda r: (r["rank"] is None, r["rank"] or 0, r["subject_code"]))
    return results


R = TypeVar("R")


def _subject(result: dict[str, Any]) -> str:
    code: str = result["subject_code"]
    return code


def _readable(actor: Actor, rows: Sequence[R], subject: Callable[[R], str]) -> list[R]:
    keep = subject_filter(actor)
    return list(rows) if keep is None else [row for row in rows if keep(subject(row))]


def _matrix_json(raw: compute.Matrix) -> list[list[float | None]]:
    return [[None if math.isnan(v) else float(v) for v in row] for row in raw.tolist()]


def _matrix_of(values: list[list[float | None]], columns: int) -> compute.Matrix:
    if not values:
        return np.empty((0, columns))
    return np.array([[np.nan if v is None else v for v in row] for row in values], dtype=np.float64)


@dataclass
class RunService:
    session: AsyncSession
    repository: RunRepository = field(init=False)

    def __post_init__(self) -> None:
        self.repository = RunRepository(self.session)

    def out(self, actor: Actor, run: IndexRun) -> RunOut:
        """The run as `actor` reads it: a manager, the rows of their scope's units (ranks stay the run's)."""
        uncertainty = UncertaintyOut.model_validate(run.uncertainty) if run.uncertainty else None
        if uncertainty is not None:
            uncertainty.ranks = _readable(actor, uncertainty.ranks, lambda r: r.subject_code)
        return RunOut(
            id=run.id,
            framework_id=run.framework_id,
            period=run.period,
            previous_run_id=run.previous_run_id,
            created_at=run.created_at,
            results=[UnitResult.model_validate(r) for r in _readable(actor, run.results, _subject)],
            report=RunReport.model_validate(run.report),
            uncertainty=uncertainty,
            allowed_actions=[RunAction(a) for a in INDEX_RUNS.allowed_actions(actor, run)],
        )

    async def _framework(self, framework_id: uuid.UUID) -> IndexFramework:
        framework = await FrameworkRepository(self.session).get(framework_id)
        if framework is None:
            raise NotFound(f"No index framework {framework_id}.", code="index_framework.not_found")
        return framework

    async def create(
        self, actor: Actor, data: RunCreate, campaign: CampaignClient, literacy: LiteracyClient
    ) -> RunOut:
        """Run a published framework (the policy asks for its `run` action)."""
        framework = await self._framework(data.framework_id)
        INDEX_FRAMEWORKS.ensure(actor, FrameworkAction.RUN, framework)
        if data.subject_codes:
            ensure_reads_subjects(actor, data.subject_codes)
        readable = subject_filter(actor)
        stored = await FrameworkRepository(self.session).values(framework.id)
        gathered = await gather(framework, data.subject_codes, stored, campaign, literacy, readable=readable)
        if not gathered.subjects:
            raise field_error("subject_codes", code="index_run.no_subjects")
        plan = plan_of(framework)
        prepared, treatment = prepare(gathered.raw, framework, plan, gathered.clusters)
        try:
            scores = compute.evaluate(compute.normalise(prepared, plan), plan)
        except compute.NonPositiveInput as exc:
            raise _non_positive(exc, gathered.subjects) from None
        # Compared with the latest run over the same subjects: a manager's run over their units is not the
        # province's, and an index_score criterion reads only whole runs.
        partial = bool(data.subject_codes) or readable is not None
        previous_run = await self.repository.latest(framework.id, subjects=gathered.subjects)
        previous = (
            {r["subject_code"]: r["rank"] for r in previous_run.results} if previous_run is not None else {}
        )
        run = await self.repository.add(
            IndexRun(
                framework_id=framework.id,
                period=data.period,
                previous_run_id=previous_run.id if previous_run is not None else None,
                inputs={
                    "subjects": gathered.subjects,
                    "clusters": gathered.clusters,
                    "indicators": [leaf.code for leaf in plan.leaves],
                    "values": _matrix_json(gathered.raw),
                    **({"partial": True} if partial else {}),
                },
                results=results_of(gathered, plan, scores, previous),
                report=RunReport(
                    sources=[SourceReport.model_validate(s) for s in gathered.sources],
                    missing_values=int(np.isnan(gathered.raw).sum()),
                    imputed=treatment.imputed,
                    winsorised=treatment.winsorised,
                    still_skewed=treatment.still_skewed,
                ).model_dump(mode="json"),
            )
        )
        await audit_trail.record(
            self.session,
            actor=actor,
            action="index_run.created",
            object_type=RUN,
            object_id=str(run.id),
            after={
                "framework_id": str(framework.id),
                "period": data.period,
                "subjects": len(gathered.subjects),
                "partial": partial,
            },
        )
        return self.out(actor, run)

    async def page(self, actor: Actor, page: PageParams, *, framework_id: uuid.UUID | None) -> RunPage:
        runs, total = await self.repository.page(page, framework_id=framework_id)
        return RunPage(
            items=[
                RunSummary(id=r.id, framework_id=r.framework_id, period=r.period, created_at=r.created_at)
                for r in runs
            ],
            total=total,
        )

    async def uncertainty(self, actor: Actor, run: IndexRun, data: UncertaintyIn) -> UncertaintyOut:
        framework = await self._framework(run.framework_id)
        plan = plan_of(framework)
        subjects: list[str] = run.inputs["subjects"]
        names = {r["subject_code"]: r.get("subject_name") for r in run.results}
        raw = _matrix_of(run.inputs["values"], len(plan.leaves))
        prepared, _ = prepare(raw, framework, plan, run.inputs["clusters"])
        try:
            analysis = analyse(
                prepared,
                plan,
                samples=data.samples,
                spread=data.weight_spread,
                normalisations=data.normalisations or (),
                aggregations=data.aggregations or (),
                seed=data.seed,
            )
        except compute.NonPositiveInput as exc:
            raise _non_positive(exc, subjects) from None
        except TooFewSamples as exc:
            raise field_error(
                "samples", code="index_uncertainty.too_few_samples", needed=exc.needed
            ) from None
        except NothingVaries:
            raise field_error("weight_spread", code="index_uncertainty.nothing_varies") from None
        result = UncertaintyOut(
            samples=analysis.evaluations,
            seed=data.seed,
            ranks=[
                RankInterval(
                    subject_code=subjects[i],
                    subject_name=names.get(subjects[i]),
                    nominal=_rank(interval.nominal),
                    median=interval.median,
                    p05=interval.p05,
                    p95=interval.p95,
                    mean_abs_shift=round(interval.mean_abs_shift, 6),
                )
                for i, interval in enumerate(analysis.intervals)
            ],
            sensitivity=[Sensitivity(input=n, first_order=f, total=t) for n, f, t in analysis.sensitivity],
        )
        run.uncertainty = result.model_dump(mode="json")
        await self.repository.save()
        await audit_trail.record(
            self.session,
            actor=actor,
            action="index_run.uncertainty",
            object_type=RUN,
            object_id=str(run.id),
            after={"samples": analysis.evaluations, "seed": data.seed},
        )
        result.ranks = _readable(actor, result.ranks, lambda r: r.subject_code)
        return result

    def export(self, actor: Actor, run: IndexRun) -> bytes:
        """The ranking as a spreadsheet: the rows `actor` reads (a manager, their scope's)."""
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = "ranking"
        pillars = [p["code"] for p in run.results[0]["pillars"]] if run.results else []
        sheet.append(
            safe_row(
                [
                    "rank",
                    "subject_code",
                    "subject_name",
                    "cluster",
                    "score",
                    "cluster_rank",
                    "previous_rank",
                    "rank_change",
                    *[f"{p} score" for p in pillars],
                    *[f"{p} rank" for p in pillars],
                    "missing",
                ]
            )
        )
        for r in _readable(actor, run.results, _subject):
            sheet.append(
                safe_row(
                    [
                        r["rank"],
                        r["subject_code"],
                        r.get("subject_name"),
                        r["cluster"],
                        r["score"],
                        r["cluster_rank"],
                        r["previous_rank"],
                        r["rank_change"],
                        *[p["score"] for p in r["pillars"]],
                        *[p["rank"] for p in r["pillars"]],
                        ", ".join(r["missing"]),
                    ]
                )
            )
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()
