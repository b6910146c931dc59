"""`make bench`: where the site stands, in figures. A benchmark, not a test.

Prints one table and writes it to bench-results.txt. LIGHTHOUSE_RUNS (default
3) sets how many Lighthouse runs each page gets; 0 skips Lighthouse.
BENCH_SIZES (default 12,100,1000) picks the site sizes scale.py builds.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(HERE), str(ROOT / "tests"), str(ROOT / "hooks")]

import flow_check  # noqa: E402
import lighthouse  # noqa: E402
import readability  # noqa: E402
import scale  # noqa: E402
import weights  # noqa: E402
from table import Row, render  # noqa: E402

RESULTS = ROOT / "bench-results.txt"


def main() -> None:
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    runs = int(os.environ.get("LIGHTHOUSE_RUNS", "3"))
    started = time.perf_counter()
    sections: dict[str, list[Row]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        sections["Scale: build, memory, serve rebuild, zip, search index, page weight"], site, plain = scale.measure(
            Path(tmp),
        )
        sections["Flowchart checks (generated charts; goal under 1 s)"] = [
            Row(what, value) for what, value in flow_check.measure()
        ]
        sections["Widget JS + CSS (ours, gzipped)"] = weights.widgets()
        sections["Page weight (first load, gzipped)"] = weights.pages(site)
        sections["Offline"] = weights.precache(site)
        sections["Readability (advice; FK grade / SMOG)"] = readability.grade(site)
        if runs:
            pages = sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))
            scores = lighthouse.score_sites(site, plain, pages, runs)
            title = ("Lighthouse mobile: performance/accessibility/best-practices/SEO (served gzipped), ours in turns"
                     " with plain Material on the same pages")
            sections[title] = lighthouse.rows(scores, runs)
    sections["Run"] = [Row("bench took", f"{time.perf_counter() - started:.0f} s")]
    table = render(sections)
    print(table)
    RESULTS.write_text(table, encoding="utf-8")
    print(f"written to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
