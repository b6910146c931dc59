"""A failed build empties site/: its own files and the last good build's alike; dot entries stay."""

from __future__ import annotations

from pathlib import Path

from safety.failed_build import empty_site


def test_everything_but_dot_entries_is_removed(tmp_path: Path) -> None:
    kept = [tmp_path / ".git/config", tmp_path / ".nojekyll"]
    gone = [tmp_path / "index.html", tmp_path / "assets/app.js", tmp_path / "old/page.html"]
    for path in kept + gone:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    assert empty_site(tmp_path) == 3
    left = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    assert left == [".git", ".git/config", ".nojekyll"]


def test_a_missing_folder_is_nothing_to_do(tmp_path: Path) -> None:
    assert empty_site(tmp_path / "site") == 0
