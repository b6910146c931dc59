"""Undo a failed build: remove what it wrote, so no half-made site is left to publish."""

from __future__ import annotations

from pathlib import Path

# File times come from a coarser clock than time.time(); a file written just
# after the build began can carry a stamp slightly before it.
CLOCK_SLACK = 1.0


def remove_written_since(site_dir: Path, started: float) -> int:
    """Delete files under site_dir changed since started, then emptied folders; count the files."""
    if not site_dir.is_dir():
        return 0
    removed = 0
    for path in sorted(site_dir.rglob("*"), reverse=True):  # children before their folder
        if path.is_symlink() or path.is_file():
            if path.lstat().st_mtime >= started - CLOCK_SLACK:
                path.unlink()
                removed += 1
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return removed
