"""Benchmark harness (`make bench`): runs every `tests/perf/bench_*.py`, prints a table, writes RESULTS.md.

A benchmark module defines `run() -> list[Result]`. Each result is a ratio of the product's figure to a
reference measured in the same run on the same machine (a bare uvicorn endpoint, a raw COPY, a plain
GROUP BY): never a bare time, because these machines are noisy.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import platform
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Result:
    name: str
    measured: float
    reference: float
    unit: str
    aim: float | None = None
    """The ratio the design asks for; `higher_is_better` says in which direction."""
    higher_is_better: bool = True

    @property
    def ratio(self) -> float:
        return self.measured / self.reference if self.reference else float("nan")

    @property
    def verdict(self) -> str:
        if self.aim is None:
            return ""
        met = self.ratio >= self.aim if self.higher_is_better else self.ratio <= self.aim
        return "met" if met else "MISSED"


def selected(module: object) -> bool:
    """`BENCH_PARTS` (comma-separated) picks the parts; a module runs when it offers one of them (`OFFERS`)."""
    wanted = os.environ.get("BENCH_PARTS")
    offers = getattr(module, "OFFERS", ())
    return not wanted or not offers or bool(set(wanted.split(",")) & set(offers))


def load_benchmarks() -> list[tuple[str, object]]:
    modules = []
    for path in sorted(HERE.glob("bench_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        if selected(module):
            modules.append((path.stem, module))
    return modules


def table(results: list[Result]) -> str:
    lines = [
        "| benchmark | measured | reference | unit | ratio | aim | |",
        "|---|---:|---:|---|---:|---:|---|",
    ]
    for r in results:
        aim = "" if r.aim is None else f"{'≥' if r.higher_is_better else '≤'} {r.aim:g}"
        lines.append(
            f"| {r.name} | {r.measured:,.2f} | {r.reference:,.2f} | {r.unit} | {r.ratio:.2f} | {aim} | {r.verdict} |"
        )
    return "\n".join(lines)


def main() -> int:
    benchmarks = load_benchmarks()
    if not benchmarks:
        print("make bench: no benchmarks yet (add tests/perf/bench_*.py with a run() -> list[Result])")
        return 0
    results: list[Result] = []
    for name, module in benchmarks:
        print(f"running {name} …", flush=True)
        results.extend(module.run())  # type: ignore[attr-defined]
    report = table(results)
    print(report)
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}"
    settings = " ".join(f"{k}={os.environ[k]}" for k in ("BENCH_SCALE", "BENCH_PARTS") if k in os.environ)
    command = f" with {settings}" if settings else ""
    (HERE / "RESULTS.md").write_text(
        f"# Benchmark results\n\n- date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC\n- machine: {machine}\n"
        f"- command: `make bench`{command}\n\n{report}\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
