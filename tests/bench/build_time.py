"""Full build time with our data hooks and without them, from the same run."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from table import Row

ROOT = Path(__file__).resolve().parents[2]
RUNS = 5
DATA_HOOKS = ("widgets_hook.py",)
GOAL = 1.25


def build_seconds(without: tuple[str, ...], site_dir: Path) -> float:
    """One full build; hooks whose file name is in `without` are left out."""
    hooks = list(load_config(config_file=str(ROOT / "mkdocs.yml")).hooks)
    kept = [hook for hook in hooks if Path(hook).name not in without]
    # An override to load_config, so MkDocs registers the remaining hooks' events.
    config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(site_dir), hooks=kept)
    assert len(config.hooks) == len(kept)
    start = time.perf_counter()
    build(config)
    return time.perf_counter() - start


def measure(tmp: Path) -> tuple[list[Row], Path]:
    """Rows for the build section, and a finished site to measure further."""
    build_seconds((), tmp / "warm")  # imports, caches
    # Alternate the two builds so drift on the machine hits both alike.
    with_hooks, without_hooks = [], []
    for run in range(RUNS):
        with_hooks.append(build_seconds((), tmp / f"with{run}"))
        without_hooks.append(build_seconds(DATA_HOOKS, tmp / f"without{run}"))
    on, off = statistics.median(with_hooks), statistics.median(without_hooks)
    ratio = on / off
    return [
        Row(f"full build, data hooks on (median of {RUNS})", f"{on:.3f} s"),
        Row(f"full build, data hooks off (median of {RUNS})", f"{off:.3f} s", f"off: {', '.join(DATA_HOOKS)}"),
        Row("ratio on/off", f"{ratio:.2f}", f"goal <= {GOAL}: {'met' if ratio <= GOAL else 'MISSED'}"),
    ], tmp / "with0"
