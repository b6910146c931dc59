"""Lighthouse (npm, installed by `make bench`) on every built page, with the system Chromium."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from support.browser import CHROMIUM_ARGS, find_chromium, serve  # noqa: E402
from table import Row  # noqa: E402

CLI = ROOT / ".venv/npm-bench/node_modules/lighthouse/cli/index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


@dataclass
class PageScore:
    """Four category scores (0-100) and every audit that cost points."""

    page: str
    scores: dict[str, int] = field(default_factory=dict)
    failing: list[str] = field(default_factory=list)
    error: str = ""


def read_report(page: str, report: dict) -> PageScore:
    """Scores and failing audits (weighted ones that scored below 1) from a Lighthouse JSON report."""
    result = PageScore(page)
    for name in CATEGORIES:
        category = report["categories"][name]
        result.scores[name] = round((category["score"] or 0) * 100)
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                shown = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
                result.failing.append(f"{name}: {audit['id']} {audit['score']:.2f}{shown}")
    return result


def run_page(url: str, page: str, chromium: str, out: Path) -> PageScore:
    """One mobile Lighthouse run (its defaults: Moto G Power, slow 4G, simulated)."""
    report = out / (page.replace("/", "_") + ".json")
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    done = subprocess.run(
        ["node", str(CLI), url + page, "--quiet", "--output=json", f"--output-path={report}",
         f"--chrome-flags={flags}", "--only-categories=" + ",".join(CATEGORIES)],
        env={**os.environ, "CHROME_PATH": chromium}, capture_output=True, text=True, timeout=180,
    )
    if done.returncode != 0 or not report.is_file():
        return PageScore(page, error=(done.stderr.strip().splitlines() or ["no report"])[-1])
    return read_report(page, json.loads(report.read_text(encoding="utf-8")))


def median_run(runs: list[PageScore]) -> PageScore:
    """The run whose performance score is the median (Lighthouse's advice for noisy scores)."""
    good = sorted((run for run in runs if not run.error), key=lambda run: run.scores["performance"])
    return good[len(good) // 2] if good else runs[0]


def score_sites(ours: Path, plain: Path, pages: list[str], runs: int = 1) -> list[tuple[PageScore, PageScore]]:
    """Serve both sites gzipped, as GitHub Pages does, and score each page on ours and on plain Material in
    turns (so drift on the shared machine hits both alike); the median of runs of each."""
    chromium = find_chromium()
    if not chromium or not CLI.is_file():
        missing = PageScore("", error="needs Chromium and `make setup-bench`")
        return [(missing, missing) for _ in pages]
    found = []
    with serve(ours, gzip=True) as ours_url, serve(plain, gzip=True) as plain_url, \
            tempfile.TemporaryDirectory() as tmp:
        for page in pages:
            mine: list[PageScore] = []
            theirs: list[PageScore] = []
            for _ in range(runs):
                mine.append(run_page(ours_url, page, chromium, Path(tmp)))
                theirs.append(run_page(plain_url, page, chromium, Path(tmp)))
            found.append((median_run(mine), median_run(theirs)))
    return found


def rows(scores: list[tuple[PageScore, PageScore]], runs: int) -> list[Row]:
    """One row per page, ours beside plain Material's performance, then one per audit that cost us points."""
    out = []
    for ours, plain in scores:
        if ours.error or plain.error:
            out.append(Row(ours.page or plain.page, "n/a", ours.error or plain.error))
            continue
        values = "/".join(f"{ours.scores[name]:>3}" for name in CATEGORIES)
        mine, theirs = ours.scores["performance"], plain.scores["performance"]
        goal = "met" if mine >= theirs and (mine == 100 or theirs < 100) else "MISSED"
        out.append(Row(ours.page, values, f"performance {mine} vs plain Material's {theirs}: goal >= plain: {goal}"
                                          f" (median of {runs} each)"))
        out.extend(Row(f"  - {audit}", "") for audit in ours.failing)
    return out


if __name__ == "__main__":
    # lighthouse.py OURS PLAIN RUNS PAGE...: two built sites, side by side.
    found = score_sites(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[4:], int(sys.argv[3]))
    print("\n".join(f"{row.label} {row.value} {row.note}" for row in rows(found, int(sys.argv[3]))))
