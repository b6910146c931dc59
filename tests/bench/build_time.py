"""Benchmark (not a test): build time with and without our data hooks, and widget weight.

Run with `make bench`. Prints a table and writes it to bench-results.txt.
"""

from __future__ import annotations

import gzip
import json
import logging
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "hooks"))

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402

RUNS = 5
DATA_HOOKS = ("widgets_hook.py",)
WIDGETS = {
    "quiz": ("javascripts/quiz.js", "stylesheets/quiz.css"),
    "flowchart": ("javascripts/flowchart.js", "stylesheets/flowchart.css"),
}
BUDGET = 6 * 1024


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


def precache_bytes(site: Path) -> int:
    """Bytes the service worker stores: every URL in its PRECACHE line."""
    worker = (site / "sw.js").read_text(encoding="utf-8")
    urls = json.loads(re.search(r"^const PRECACHE = (.*);$", worker, re.M).group(1))
    return sum((site / url.split("?")[0]).stat().st_size for url in urls)


def main() -> None:
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        # Alternate the two builds so drift on the machine hits both alike.
        with_hooks, without_hooks = [], []
        build_seconds((), Path(tmp) / "warm")  # imports, caches
        for run in range(RUNS):
            with_hooks.append(build_seconds((), Path(tmp) / f"with{run}"))
            without_hooks.append(build_seconds(DATA_HOOKS, Path(tmp) / f"without{run}"))
        precache = precache_bytes(Path(tmp) / "with0")
    on, off = statistics.median(with_hooks), statistics.median(without_hooks)
    rows.append((f"build, data hooks on (median of {RUNS})", f"{on:.3f} s", ""))
    rows.append((f"build, data hooks off (median of {RUNS})", f"{off:.3f} s", ""))
    rows.append(("ratio on/off", f"{on / off:.2f}", "goal <= 1.25"))
    for widget, files in WIDGETS.items():
        sizes = [len(gzip.compress((ROOT / "overrides/assets" / f).read_bytes(), compresslevel=9)) for f in files]
        for name, size in zip(files, sizes):
            rows.append((f"{widget}: {name} gzipped", f"{size} B", ""))
        rows.append((f"{widget}: JS + CSS gzipped", f"{sum(sizes)} B", f"budget {BUDGET} B"))
    rows.append(("offline precache (sw.js list)", f"{precache / 1000:.0f} KB", "budget 1500 KB"))
    width = max(len(r[0]) for r in rows)
    table = "\n".join(f"{label:<{width}}  {value:>10}  {note}".rstrip() for label, value, note in rows)
    print(table)
    (ROOT / "bench-results.txt").write_text(table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
