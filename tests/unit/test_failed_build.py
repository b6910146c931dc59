"""A failed build's files are removed; older files and hidden ones stay."""

from __future__ import annotations

import os
import time
from pathlib import Path

from failed_build import remove_written_since


def test_only_files_written_since_the_start_are_removed(tmp_path: Path) -> None:
    started = time.time()
    old = [tmp_path / ".git/config", tmp_path / "kept/old.html"]
    new = [tmp_path / "index.html", tmp_path / "assets/app.js", tmp_path / "kept/new.html"]
    for path in old + new:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    for path in old:  # from an earlier build, well before this one
        os.utime(path, (started - 3600, started - 3600))
    assert remove_written_since(tmp_path, started) == 3
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [".git", ".git/config", "kept", "kept/old.html"]


def test_a_missing_folder_is_nothing_to_do(tmp_path: Path) -> None:
    assert remove_written_since(tmp_path / "site", time.time()) == 0
