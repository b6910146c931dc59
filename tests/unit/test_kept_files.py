"""Files kept for the next build: whole or not at all, and never an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from loading.kept_files import keep


def test_a_kept_file_is_written_whole_in_a_new_folder_and_leaves_nothing_beside_it(tmp_path: Path) -> None:
    keep(tmp_path / "cache" / "a", b"first")
    keep(tmp_path / "cache" / "a", b"second")
    assert [path.name for path in (tmp_path / "cache").iterdir()] == ["a"]
    assert (tmp_path / "cache" / "a").read_bytes() == b"second"


def test_a_folder_that_cannot_be_made_is_no_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("in the way", encoding="utf-8")
    keep(tmp_path / "file" / "cache" / "a", b"x")
    assert (tmp_path / "file").read_text(encoding="utf-8") == "in the way"


def test_a_failed_rename_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> None:
        raise PermissionError("read-only")

    monkeypatch.setattr("loading.kept_files.os.replace", refuse)
    keep(tmp_path / "a", b"x")
    assert list(tmp_path.iterdir()) == []
