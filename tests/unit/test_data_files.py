"""Finding data files: anything named like one that cannot be read is an error, not a silent skip."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from loading.author_errors import AuthorError
from loading.data_files import load_data_files, stray_files
from support.topics import QUIZ
from widgets.quiz_model import SUFFIX, Quiz, parse_quiz

UNREADABLE = "Fix: check that it exists and that you may read it; a link must point to a real file"


def load(folder: Path) -> dict[str, Quiz]:
    return load_data_files(folder, SUFFIX, parse_quiz, "quiz")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: (d / "x.quiz.yml").mkdir(),
         "quiz_data/x.quiz.yml: this is a folder, but its name ends in .quiz.yml. "
         "Fix: rename the folder; only quiz files may end in .quiz.yml"),
        (lambda d: os.symlink(d / "gone.yml", d / "x.quiz.yml"),
         f"quiz_data/x.quiz.yml: the file cannot be read (No such file or directory). {UNREADABLE}"),
        (lambda d: os.symlink("x.quiz.yml", d / "x.quiz.yml"),
         f"quiz_data/x.quiz.yml: the file cannot be read (Too many levels of symbolic links). {UNREADABLE}"),
        (lambda d: (d / "x.quiz.yml").write_bytes(b"id: caf\xe9\n"),
         "quiz_data/x.quiz.yml, line 1: the file is not UTF-8 text. Fix: save it with UTF-8 encoding"),
    ],
    ids=["a folder", "a broken link", "a link to itself", "not UTF-8"],
)
def test_a_data_file_that_cannot_be_read(tmp_path: Path, make: Callable[[Path], object], message: str) -> None:
    make(tmp_path)
    with pytest.raises(AuthorError) as caught:
        load(tmp_path)
    assert str(caught.value) == message


def test_no_files_is_no_quizzes(tmp_path: Path) -> None:
    assert load(tmp_path) == {}


def test_stray_files_are_yaml_files_no_loader_reads(tmp_path: Path) -> None:
    for name in [
        "a.quiz.yml", "b.quiz.yaml", "c.yml", "README.md", "d.flow.yml", "F.QUIZ.YML", ".a.quiz.yml.swp", ".hidden.yml",
    ]:
        (tmp_path / name).write_text("x: 1\n", encoding="utf-8")
    (tmp_path / "e.yml").mkdir()
    assert stray_files(tmp_path, [".quiz.yml", ".flow.yml"]) == ["F.QUIZ.YML", "b.quiz.yaml", "c.yml"]


def test_dot_files_are_not_data(tmp_path: Path) -> None:
    # Emacs keeps a lock on an open file as a dangling link named .#name.
    (tmp_path / ".#a.quiz.yml").symlink_to("user@host.1234:1700000000")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "b.quiz.yml").write_text("not: a quiz\n", encoding="utf-8")
    assert load(tmp_path) == {}
    assert stray_files(tmp_path, [".quiz.yml"]) == []


def test_an_unchanged_file_is_not_parsed_again(tmp_path: Path) -> None:
    # `mkdocs serve` reloads quiz_data/ on every edit: only the edited file is parsed.
    calls: list[str] = []

    def counting(text: str, file: str) -> Quiz:
        calls.append(file)
        return parse_quiz(text, file)

    quiz = QUIZ  # the planets topic's quiz
    (tmp_path / "a.quiz.yml").write_text(quiz.replace("id: planets", "id: a", 1), encoding="utf-8")
    (tmp_path / "b.quiz.yml").write_text(quiz.replace("id: planets", "id: b", 1), encoding="utf-8")
    first = load_data_files(tmp_path, SUFFIX, counting, "quiz")
    assert calls == ["quiz_data/a.quiz.yml", "quiz_data/b.quiz.yml"]
    (tmp_path / "b.quiz.yml").write_text(
        quiz.replace("id: planets", "id: b", 1).replace("title: Planets quiz", "title: Edited", 1),
        encoding="utf-8",
    )
    second = load_data_files(tmp_path, SUFFIX, counting, "quiz")
    assert calls[2:] == ["quiz_data/b.quiz.yml"]
    assert second["a"] is first["a"] and second["b"].title == "Edited"
