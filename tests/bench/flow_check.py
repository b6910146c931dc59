"""Flowchart checks on generated 5,000-question charts: the graph and safety checks, and a whole parse."""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
for folder in (ROOT / "hooks", ROOT / "tests"):  # when run on its own, not from run.py
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from support.big_charts import deep_chain, issue_chart, lattice_chart  # noqa: E402
from widgets.flow_model import Flowchart, check_graph, check_safety, parse_flowchart  # noqa: E402

RUNS = 5
GOAL = 1.0  # seconds for the checks on a 5,000-node chart with merging branches (issue 20)
CHARTS: list[tuple[str, Callable[[], str]]] = [
    ("5,000 nodes with merging branches", lattice_chart),
    ("5,000 questions, each Yes and Not sure ending urgent", issue_chart),
    ("a chain 5,000 questions deep", deep_chain),
]


def _check_seconds(chart: Flowchart) -> float:
    """Median time of the shape and safety checks, which parse_flowchart runs last."""
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        check_graph(chart)
        check_safety(chart)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure() -> list[tuple[str, str]]:
    """(what, seconds) rows: each chart's checks, then the whole parse of the merging one."""
    rows = []
    parse_seconds = 0.0
    for index, (name, make) in enumerate(CHARTS):
        text = make()
        start = time.perf_counter()
        chart = parse_flowchart(text, "big.flow.yml")
        if index == 0:
            parse_seconds = time.perf_counter() - start
        rows.append((f"flowchart check, {name}", f"{_check_seconds(chart):.2f} s"))
    # YAML, schema, places and every check: most of it is reading the 1.5 MB file.
    rows.append((f"flowchart parse + all checks, {CHARTS[0][0]}", f"{parse_seconds:.2f} s"))
    return rows


if __name__ == "__main__":
    for label, value in measure():
        print(f"{label:<70} {value}")
