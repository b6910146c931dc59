"""Undo a failed build: empty site/, so neither a half-made site nor the last good one is left to publish."""

from __future__ import annotations

import shutil
from pathlib import Path


def empty_site(site_dir: Path) -> int:
    """Delete everything under site_dir but dot entries (.git, .nojekyll), as MkDocs' clean does; count the files."""
    if not site_dir.is_dir():
        return 0
    removed = 0
    for entry in site_dir.iterdir():
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and not entry.is_symlink():
            removed += sum(1 for path in entry.rglob("*") if not path.is_dir())
            shutil.rmtree(entry)
        else:
            entry.unlink()
            removed += 1
    return removed
