"""Scale: the same site at 12, 100 and 1,000 pages, with our hooks and on plain Material.

BENCH_SIZES (default "12,100,1000") picks the sizes; BENCH_LARGE_RUNS (default
3, as RUNS: one run of this machine varies by a tenth) sets the runs at 1,000 pages and more.
"""

from __future__ import annotations

import gzip
import json
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from offline.offline_copy import FOLDER, write_zip
from offline.pack_store import PackStore
from serve_rebuild import rebuild_times
from support.library_site import make_library
from support.words import ENGLISH
from table import Row

HERE = Path(__file__).resolve().parent
RUNS = 3
GOAL_RATIO = 1.25
GOAL_REBUILD = 3.0  # seconds, at 1,000 pages
PAGE = "everyday-triggers.html"  # the real article: on the site at every size
PRUNE = "navigation.prune"


@dataclass
class Size:
    """Figures for one site size."""

    pages: int
    runs: int
    first: float = 0.0  # ours, in a fresh checkout: the theme's templates compiled, then kept in .cache/
    hooks: list[float] = field(default_factory=list)
    plain: list[float] = field(default_factory=list)
    hooks_mb: float = 0.0
    plain_mb: float = 0.0
    rebuilds: list[float] = field(default_factory=list)
    zip_bytes: int = 0
    zip_seconds: float = 0.0
    zip_kept_seconds: float = 0.0
    index_bytes: int = 0
    index_gzipped: int = 0
    page_gzipped: int = 0
    page_gzipped_unpruned: int = 0

    @property
    def ratio(self) -> float:
        return statistics.median(self.hooks) / statistics.median(self.plain)

    @property
    def cost_ms(self) -> float:
        """Our cost per page: (hooks - plain) / pages."""
        return (statistics.median(self.hooks) - statistics.median(self.plain)) / self.pages * 1000


def sizes() -> list[int]:
    return [int(size) for size in os.environ.get("BENCH_SIZES", "12,100,1000").split(",") if size.strip()]


def one_build(project: Path, site: Path) -> tuple[float, float]:
    """(seconds, peak MB) of a strict build in a child process."""
    done = subprocess.run(
        [sys.executable, str(HERE / "one_build.py"), str(project / "mkdocs.yml"), str(site)],
        cwd=project, capture_output=True, text=True, check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"build of {project} failed:\n{done.stderr[-3000:]}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    return figures["seconds"], figures["peak_mb"]


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def without_prune(project: Path) -> Path:
    """The project's mkdocs.yml with navigation.prune taken out, beside it."""
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["features"] = [name for name in config["theme"].get("features", []) if name != PRUNE]
    (project / "unpruned.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return project / "unpruned.yml"


def measure_size(tmp: Path, pages: int) -> tuple[Size, Path]:
    """Every figure for one size; also the last finished site with hooks."""
    runs = RUNS if pages < 1000 else int(os.environ.get("BENCH_LARGE_RUNS", str(RUNS)))
    size = Size(pages, runs)
    ours = make_library(tmp / f"ours-{pages}", pages, hooks=True)
    plain = make_library(tmp / f"plain-{pages}", pages, hooks=False)
    # The first build compiles the theme's templates and keeps them (.cache/templates): every later build, an
    # editor's and these runs, reads them back. Timed apart, as a fresh checkout's (CI's) build.
    size.first, _ = one_build(ours, tmp / f"site-ours-{pages}")
    # Alternate the two so drift on the shared machine hits both alike.
    for _ in range(runs):
        seconds, size.hooks_mb = one_build(ours, tmp / f"site-ours-{pages}")
        size.hooks.append(seconds)
        seconds, size.plain_mb = one_build(plain, tmp / f"site-plain-{pages}")
        size.plain.append(seconds)
    site = tmp / f"site-ours-{pages}"
    index = site / "search/search_index.json"
    size.index_bytes, size.index_gzipped = index.stat().st_size, gzipped(index)
    size.page_gzipped = gzipped(site / PAGE)
    # The zip alone: every member deflated afresh, then as a build writes it, from the last build's members.
    start = time.perf_counter()
    size.zip_bytes = write_zip(site, tmp / f"zip-{pages}" / FOLDER / "bench-offline.zip", "bench", ENGLISH)
    size.zip_seconds = time.perf_counter() - start
    kept = PackStore(tmp / f"zip-kept-{pages}")
    write_zip(site, tmp / f"zip-{pages}" / FOLDER / "bench-offline.zip", "bench", ENGLISH, store=kept)
    start = time.perf_counter()
    write_zip(site, tmp / f"zip-{pages}" / FOLDER / "bench-offline.zip", "bench", ENGLISH, store=PackStore(kept.folder))
    size.zip_kept_seconds = time.perf_counter() - start
    # One more build, for the page weight without navigation.prune.
    unpruned_site = tmp / f"site-unpruned-{pages}"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(without_prune(ours)), "-d", str(unpruned_site)],
        cwd=ours, check=True, capture_output=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    size.page_gzipped_unpruned = gzipped(unpruned_site / PAGE)
    _, size.rebuilds, _, _ = rebuild_times(ours, edits=3 if pages < 1000 else 1)
    return size, site


def rows(found: list[Size]) -> list[Row]:
    """One block of rows per size, each figure with its goal."""
    out: list[Row] = []
    previous: Size | None = None
    for size in found:
        n = f"{size.pages:>5} pages"
        on, off = statistics.median(size.hooks), statistics.median(size.plain)
        each = lambda values: ", ".join(f"{value:.2f}" for value in values)  # noqa: E731
        out.append(Row(f"{n}: build, our hooks (median of {size.runs}, templates kept)", f"{on:.2f} s",
                       f"each: {each(size.hooks)} s"))
        out.append(Row(f"{n}: build, plain Material, same pages", f"{off:.2f} s", f"each: {each(size.plain)} s"))
        out.append(Row(f"{n}: first build, ours, in a fresh checkout", f"{size.first:.2f} s",
                       f"{size.first / off:.2f} x plain: the theme's templates compiled, then kept in .cache/"))
        out.append(
            Row(
                f"{n}: ratio ours/plain", f"{size.ratio:.2f}",
                f"goal <= {GOAL_RATIO}: {'met' if size.ratio <= GOAL_RATIO else 'MISSED'}",
            ),
        )
        if previous is None:
            trend = "first size"
        else:
            trend = "met (falling or flat)" if size.cost_ms <= previous.cost_ms * 1.10 else "MISSED (rising)"
        out.append(
            Row(f"{n}: our cost per page (ours - plain)", f"{size.cost_ms:.1f} ms", f"goal flat or falling: {trend}"),
        )
        out.append(Row(f"{n}: peak memory, ours / plain", f"{size.hooks_mb:.0f} / {size.plain_mb:.0f} MB",
                       "ru_maxrss of the child process running one build"))
        rebuild = statistics.median(size.rebuilds)
        goal = (
            f"goal < {GOAL_REBUILD:.0f} s at 1,000 pages: {'met' if rebuild < GOAL_REBUILD else 'MISSED'}"
            if size.pages >= 1000 else "goal applies at 1,000 pages"
        )
        out.append(Row(f"{n}: mkdocs serve --dirty, quiz_data edit to new page (median of {len(size.rebuilds)})",
                       f"{rebuild:.2f} s", f"each: {each(size.rebuilds)} s; {goal}"))
        out.append(Row(f"{n}: offline zip (size, time to write)",
                       f"{size.zip_bytes / 1e6:.1f} MB, {size.zip_seconds:.2f} s",
                       f"written once per build, after the search index; {size.zip_kept_seconds:.2f} s from the last"
                       " build's members (.cache/offline-copy)"))
        out.append(Row(f"{n}: search index, search_index.json", f"{size.index_bytes / 1000:.0f} KB",
                       f"gzipped {size.index_gzipped / 1000:.0f} KB (fetched on first search)"))
        out.append(Row(f"{n}: page weight, {PAGE} HTML gzipped", f"{size.page_gzipped / 1000:.1f} KB",
                       f"without navigation.prune: {size.page_gzipped_unpruned / 1000:.1f} KB"))
        previous = size
    return out


def measure(tmp: Path) -> tuple[list[Row], Path, Path]:
    """Rows for every size; the real (smallest) site built with our hooks, and the same pages on plain Material."""
    found, real_site = [], None
    for pages in sizes():
        size, site = measure_size(tmp, pages)
        found.append(size)
        real_site = real_site or site
    assert real_site is not None, "BENCH_SIZES names no size"
    return rows(found), real_site, real_site.parent / real_site.name.replace("site-ours-", "site-plain-")
