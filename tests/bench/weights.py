"""Bytes: each page's first load, each widget's own JS and CSS, the offline precache."""

from __future__ import annotations

from pathlib import Path

from support import budgets
from table import Row

ROOT = Path(__file__).resolve().parents[2]
WIDGETS = ("quiz", "flowchart")


def pages(site: Path) -> list[Row]:
    """Gzipped first load of every page: the HTML and the files it links."""
    rows = []
    for page in sorted(site.rglob("*.html")):
        weight = budgets.page_weight(site, page)
        html = budgets.gzipped(page)
        rows.append(Row(page.relative_to(site).as_posix(), f"{weight / 1000:.1f} KB",
                        f"HTML {html / 1000:.1f} KB; budget {budgets.PAGE / 1000:.0f} "
                        f"KB{'' if weight <= budgets.PAGE else ' OVER'}"))
    index = site / "search/search_index.json"
    rows.append(Row("search index (on first search)", f"{budgets.gzipped(index) / 1000:.1f} KB"))
    return rows


def widgets() -> list[Row]:
    """Our own JS and CSS per widget, gzipped, against the budget."""
    rows = []
    for widget in WIDGETS:
        files = [
            ROOT / "overrides/assets/javascripts" / f"{widget}.js",
            ROOT / "overrides/assets/stylesheets" / f"{widget}.css",
        ]
        sizes = [budgets.gzipped(path) for path in files]
        detail = ", ".join(f"{path.name} {size} B" for path, size in zip(files, sizes, strict=True))
        rows.append(Row(f"{widget}: JS + CSS", f"{sum(sizes)} B", f"{detail}; budget {budgets.WIDGET} B"))
    return rows


def precache(site: Path) -> list[Row]:
    """Our offline scripts, gzipped, and what the service worker stores for offline reading."""
    scripts = ROOT / "overrides/assets/javascripts"
    rows = [
        Row(label, f"{budgets.gzipped(scripts / name)} B", f"budget {budget} B")
        for label, name, budget in (
            ("offline.js (every page)", "offline.js", budgets.OFFLINE_JS),
            ("offline-keep.js (the keep control's pages)", "offline-keep.js", budgets.KEEP_JS),
        )
    ]
    size = budgets.precache_bytes(site)
    budget = f"budget {budgets.PRECACHE / 1000:.0f} KB"
    rows.append(Row("offline precache (sw.js list)", f"{size / 1000:.0f} KB", budget))
    return rows
